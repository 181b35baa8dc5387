/* nb-page-layout.h — a report laid out into A4 pages, drawn on any cairo_t
 *
 * Lay out once, then draw page N: PDF export, printing (GtkPrintOperation) and the in-app
 * preview all call nb_page_layout_draw_page (). Units are PDF points (1/72 inch), origin at
 * the page's top left corner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "nb-export.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_PAGE_WIDTH_PT  595.276
#define NB_PAGE_HEIGHT_PT 841.890

#define NB_TYPE_PAGE_LAYOUT (nb_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (NbPageLayout, nb_page_layout, NB, PAGE_LAYOUT, GObject)

/* Lays @report out as it stands now (the layout keeps no reference to later edits). */
NbPageLayout *nb_page_layout_new           (NbReport           *report,
                                            const NbPdfOptions *options);
guint         nb_page_layout_get_n_pages   (NbPageLayout       *self);
void          nb_page_layout_draw_page     (NbPageLayout       *self,
                                            cairo_t            *cr,
                                            guint               page);

G_END_DECLS
