/* nb-page-layout-private.h — what the PDF export needs beyond drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-page-layout.h"
#include "nb-pdf-subset.h"

G_BEGIN_DECLS

/* As nb_page_layout_draw_page (), with H1/H2/P/Table structure tags and a named
 * destination ("s1" … "s6") at each section heading. Only tags cairo 1.16 knows are
 * used (layout.md §12.1). The caller wraps all pages in one "Document" tag. Text goes
 * through @subsets (see nb-pdf-subset.h; NULL = PangoCairo). */
void         nb_page_layout_draw_page_tagged    (NbPageLayout  *self,
                                                 cairo_t       *cr,
                                                 guint          page,
                                                 NbFontSubsets *subsets);
/* The title without its breaks. */
const char  *nb_page_layout_get_title           (NbPageLayout *self);
/* Section headings as printed, and the destination name of each. */
const char  *nb_page_layout_get_section_title   (NbPageLayout *self,
                                                 guint         section);
const char  *nb_page_layout_get_section_dest    (NbPageLayout *self,
                                                 guint         section);
/* The standalone （一） headings of section 一 (none when they run in), each with its
 * destination ("s1-1" …), for outline entries under 一. */
guint        nb_page_layout_get_n_part_headings (NbPageLayout *self);
const char  *nb_page_layout_get_part_heading    (NbPageLayout *self,
                                                 guint         index,
                                                 const char  **dest);
/* FALSE with an error when a font role has no installed family (nb_pdf_fonts_check). */
gboolean     nb_page_layout_check_fonts         (NbPageLayout  *self,
                                                 GError       **error);
/* One line per font role: what it resolved to (see NbPdfOptions.resolved_fonts). */
char       **nb_page_layout_dup_resolved_fonts  (NbPageLayout *self);
/* Where each title line break fell (character offsets), for tests. */
const GArray *nb_page_layout_get_title_breaks   (NbPageLayout *self);

G_END_DECLS
