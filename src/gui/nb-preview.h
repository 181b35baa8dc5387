/* nb-preview.h — the pages as they will print, scrollable and zoomable
 *
 * Draws an NbPageLayout with the same renderer as the PDF export and printing. After an
 * edit the report is laid out again once typing pauses, so typing never waits for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_PREVIEW_ZOOM_MIN 0.25
#define NB_PREVIEW_ZOOM_MAX 4.0

#define NB_TYPE_PREVIEW (nb_preview_get_type ())
G_DECLARE_FINAL_TYPE (NbPreview, nb_preview, NB, PREVIEW, GtkWidget)

GtkWidget *nb_preview_new         (void);
/* Shows @report (NULL: nothing) and follows its changes. */
void       nb_preview_set_report  (NbPreview *self,
                                   NbReport  *report);
NbReport  *nb_preview_get_report  (NbPreview *self);
/* 1.0 = one point per pixel. */
void       nb_preview_set_zoom    (NbPreview *self,
                                   double     zoom);
double     nb_preview_get_zoom    (NbPreview *self);
/* Pages of the current layout (0 before the first layout). */
guint      nb_preview_get_n_pages (NbPreview *self);
/* Lays the report out now instead of after the pause (tests, first show). */
void       nb_preview_relayout    (NbPreview *self);

G_END_DECLS
