/* nb-punctuation.h — full-width punctuation in Chinese prose (layout.md §10)
 *
 * Reports copied through NFKC or typed on a Latin keyboard carry ASCII marks between Chinese
 * characters. The fix turns them into the marks of GB/T 15834-2011:
 *
 *  - ASCII , ( ) ; : ! ? next to a CJK character → ，（）；：！？ (a pair of parentheses goes
 *    together when its content or a neighbour is CJK);
 *  - the year of a 文号 in [ ] 【 】 ( ) （ ） → 〔 〕 (国办发[2021]30号 → 国办发〔2021〕30号);
 *  - ASCII < > inside 《》 → 〈〉.
 *
 * Latin and number contexts stay: 1,234  12:30  3.5  (1) between ASCII, URLs, e-mail
 * addresses and HTML entities. Every other byte is kept as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fixed text (newly allocated, valid UTF-8); @n_changes (may be NULL) receives the number
 * of marks replaced. Text that is not valid UTF-8 is returned unchanged. */
char  *nb_punctuation_fix   (const char *text,
                             guint      *n_changes);
/* How many marks nb_punctuation_fix () would replace. */
guint  nb_punctuation_count (const char *text);

G_END_DECLS
