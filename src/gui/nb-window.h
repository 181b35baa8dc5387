/* nb-window.h — the editor window: start page, sidebar of sections, pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nb-application.h"
#include "nb-drafts.h"
#include "nb-session.h"

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())
G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, AdwApplicationWindow)

NbWindow   *nb_window_new               (NbApplication *app);
gboolean    nb_window_load_file         (NbWindow      *self,
                                         GFile         *file,
                                         GError       **error);
/* Opens a recovery copy written by a session that ended without saving. */
gboolean    nb_window_load_draft        (NbWindow      *self,
                                         const char    *draft_id,
                                         GError       **error);
void        nb_window_set_report        (NbWindow      *self,
                                         NbReport      *report);
/* Reads a published report (text, HTML or PDF) into this window as a new unsaved document
 * and shows what was read; on failure shows why and keeps what the window had. */
gboolean    nb_window_import_file       (NbWindow      *self,
                                         GFile         *file,
                                         GError       **error);
gboolean    nb_window_save_to           (NbWindow      *self,
                                         GFile         *file,
                                         GError       **error);
/* Exports to @file as "pdf", "html" or "json" and says so in a toast (or shows the error). */
gboolean    nb_window_export_to         (NbWindow      *self,
                                         const char    *format,
                                         GFile         *file,
                                         GError       **error);
/* The folder an export's file chooser starts in: the last export's, else the report's;
 * NULL for a report never saved nor exported. */
GFile      *nb_window_get_export_folder (NbWindow      *self);
/* Writes the recovery copy now instead of after the auto-save delay. */
gboolean    nb_window_write_draft       (NbWindow      *self,
                                         GError       **error);
void        nb_window_show_new_dialog   (NbWindow      *self);

gboolean    nb_window_has_report        (NbWindow      *self);
gboolean    nb_window_is_modified       (NbWindow      *self);
NbSession  *nb_window_get_session       (NbWindow      *self);
GFile      *nb_window_get_file          (NbWindow      *self);
const char *nb_window_get_draft_id      (NbWindow      *self);

/* Pages by name: "info", "s1" … "s6", "findings", "preview"; built when first shown. */
GtkWidget  *nb_window_show_page         (NbWindow      *self,
                                         const char    *name);
GtkWidget  *nb_window_get_page          (NbWindow      *self,
                                         const char    *name);
GtkWidget  *nb_window_get_sidebar_row   (NbWindow      *self,
                                         const char    *name);
/* Goes to where a finding is and focuses the cell or text. */
void        nb_window_focus_finding     (NbWindow      *self,
                                         const NbFinding *finding);
void        nb_window_add_toast         (NbWindow      *self,
                                         AdwToast      *toast);

G_END_DECLS
