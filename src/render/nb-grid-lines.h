/* nb-grid-lines.h — a body paragraph broken into lines by Chinese practice
 *
 * Pango breaks by UAX #14, which forbids a break on either side of “ ” and inside some
 * bracket groups, so justified lines were spread over 24.5 of 28 characters. Here:
 *
 *  - a break is allowed between any two characters except before a closing mark or
 *    after an opening one (禁则), inside a run of Latin letters and digits, and inside
 *    …… and ——;
 *  - adjacent full-width marks take half width (标点挤压, the font's 'halt' feature): the
 *    closing one of a pair; an opening mark that starts a line is set flush (half width).
 *    Not more: a compressed mark before a character draws that character inside the
 *    mark's em box, and poppler (pdftotext, viewers' copy and search) then splits the
 *    line into overlapping words, out of order;
 *  - the last line holds at least two characters besides punctuation, pulled down from
 *    the line before.
 *
 * Each line becomes its own PangoLayout, justified to the line's width (the last line
 * of the paragraph stays ragged).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The lines of @paragraph (its text, font, attributes; its width and indent are the line
 * width and the first line's indent), each a new single-line layout. Free with
 * g_ptr_array_unref. */
GPtrArray *nb_grid_lines_break           (PangoLayout *paragraph);

/* Line starts (character offsets, the first 0) for the characters of @text with
 * advances @widths, or @halves when set at half width, in a measure @width with the first
 * line @indent narrower. @halt (one per character, zeroed by the caller) receives the
 * characters to set at half width. Exposed for tests. */
GArray    *nb_grid_lines_compute         (const char   *text,
                                          const double *widths,
                                          const double *halves,
                                          double        width,
                                          double        indent,
                                          gboolean     *halt);

/* TRUE for the marks that may not start a line (closing) or end one (opening). */
gboolean   nb_grid_lines_is_closing      (gunichar      c);
gboolean   nb_grid_lines_is_opening      (gunichar      c);

G_END_DECLS
