/* nb-render-text.h — text as the PDF and HTML writers print it
 *
 * One place for what both writers must agree on: the display title, paragraph splitting
 * and cleaning, run-in headings and their numbering, value cells, and link detection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* The printed paragraphs of @text (may be NULL): split at newlines, U+2028 and U+2029;
 * C0/C1 control characters dropped (a tab becomes a space); surrounding blanks and a
 * typed indent of U+3000 removed; empty paragraphs left out. NULL-terminated. */
char   **nb_render_paragraphs      (const char *text);
/* One-line text (title, heading): line breaks and control characters dropped, blanks
 * around it removed. */
char    *nb_render_clean_line      (const char *text);
/* The title as printed, in the PDF, the HTML and the metadata alike: the user's title,
 * or “<agency><year>年政府信息公开工作年度报告” when it is empty. */
char    *nb_render_display_title   (NbReport   *report);
/* "政府信息公开工作年度报告（统计期限：2024年1月1日至2024年12月31日）": the PDF's subject
 * and the HTML's description (layout.md §11, §12.2). */
char    *nb_render_subject         (NbReport   *report);
/* The user's title breaks (character offsets, may be NULL) that the writers honour: in
 * range, increasing, and never leaving fewer than two characters on a line. */
GArray  *nb_render_title_breaks    (const char   *title,
                                    const GArray *manual);
/* The run-in heading of part @index: “（一）heading。” (no second 。 after 。？！), or
 * NULL when the heading is empty. Only parts with a heading are numbered. */
char    *nb_render_part_heading    (NbReport   *report,
                                    guint       index);
/* The standalone heading of part @index: “（一）heading”, its final punctuation dropped
 * (standalone headings take none, layout.md §4), or NULL when the heading is empty. */
char    *nb_render_part_title      (NbReport   *report,
                                    guint       index);
/* The signature block (layout.md §7) when the report has one: the agency and the date as
 * printed (“2025年1月5日”; NULL when no date is known). */
gboolean nb_render_signature       (NbReport   *report,
                                    char      **agency,
                                    char      **date);
/* A value cell as printed: the stored value in canonical form (a count as an integer,
 * the fee in 万元 with 4 decimals), never the raw text; blank and invalid cells print 0
 * (layout.md §8, the checks report them). */
char    *nb_render_cell_text       (NbReport   *report,
                                    guint       cell);
/* The text under section @index's heading (may be NULL): 一's intro, the note under the
 * table of 二, 三 and 四, the body of 五 and 六. */
const char *nb_render_section_text (NbReport   *report,
                                    guint       index);
/* The length in bytes of a web or e-mail address starting at @p inside @text (only where
 * a word starts), or 0; *@mail tells which. */
gsize    nb_render_link_length     (const char *text,
                                    const char *p,
                                    gboolean   *mail);

G_END_DECLS
