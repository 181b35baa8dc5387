/* nb-title-breaks.h — where the title's lines break (layout.md §5)
 *
 * Pango's own wrapping breaks 重庆市黔江区2024年政府信息公开工作年度报告 as “……工作年度 /
 * 报告”; the title is therefore broken here and each line laid out on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Character offsets after which @title breaks (empty when it fits on one line), given the
 * advance of each character (@char_widths, one per character) and the line width. */
GArray *nb_title_breaks_compute (const char   *title,
                                 const double *char_widths,
                                 double        max_width);

G_END_DECLS
