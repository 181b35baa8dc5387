/* nb-review-export.h — a review of many reports written out as HTML or CSV
 *
 * HTML: a page readable in a browser, the table of reports (file, agency, year, counts,
 * rules fired) then the findings of each report and the inputs that could not be read.
 * CSV: one record per line, "report", "finding", "unreadable" or "problem" in the first
 * column, for a spreadsheet (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-review.h"

G_BEGIN_DECLS

/* @rows: NbReviewRow; @problems: strings about last year's folder, or NULL. */
char      *nb_review_render_html  (GPtrArray        *rows,
                                   const GPtrArray  *problems);
char      *nb_review_render_csv   (GPtrArray        *rows,
                                   const GPtrArray  *problems);
/* CSV when @file's name ends in .csv, else HTML; written atomically like every export. */
gboolean   nb_review_export       (GPtrArray        *rows,
                                   const GPtrArray  *problems,
                                   GFile            *file,
                                   GError          **error);

G_END_DECLS
