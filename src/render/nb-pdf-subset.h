/* nb-pdf-subset.h — font subsets made before cairo sees the fonts (PDF export only)
 *
 * cairo 1.16 copies and parses a font's whole CFF table (≈ 20 MB for Noto CJK) when it
 * maps the first glyph and again when it subsets, for every font: ≈ 0.18 s and 130 MB for
 * the three CJK fonts of a report. So the export first collects the glyphs each face
 * draws, subsets those faces with HarfBuzz (glyph ids renumbered), and draws with cairo fonts
 * made from the small subsets; cairo then only handles a few hundred kilobytes.
 *
 * Drawing goes through nb_font_subsets_show_layout () / _show_line (): with no subsets
 * they are PangoCairo's own functions (preview, printing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _NbFontSubsets NbFontSubsets;

/* A collector: drawing through it records glyphs and draws nothing. */
NbFontSubsets *nb_font_subsets_new          (void);
/* Makes the subsets; from now on drawing through it draws with them. A face that cannot
 * be subset is drawn by PangoCairo as usual. */
void           nb_font_subsets_build        (NbFontSubsets   *self);
/* Built subsets are kept until the next built ones are freed: the next export of the same
 * glyphs reuses them (nb-pdf-subset.c says why). */
void           nb_font_subsets_free         (NbFontSubsets   *self);

/* Like pango_cairo_show_layout () and pango_cairo_show_layout_line (); @self may be NULL. */
void           nb_font_subsets_show_layout  (NbFontSubsets   *self,
                                             cairo_t         *cr,
                                             PangoLayout     *layout);
void           nb_font_subsets_show_line    (NbFontSubsets   *self,
                                             cairo_t         *cr,
                                             PangoLayoutLine *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbFontSubsets, nb_font_subsets_free)

G_END_DECLS
