/* nb-check-private.h — what the rule files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-checks.h"

G_BEGIN_DECLS

typedef struct {
  NbReport             *report;
  const NbCheckOptions *options;
  NbDerived             derived;
  GPtrArray            *findings;
  gboolean              legacy;        /* 2019 layout: only R-F-03 and R-F-05 apply */
  gboolean              blank_seen;    /* nb_check_value () met a blank cell since reset */
} NbCheckContext;

typedef void (*NbCheckFunc) (NbCheckContext *ctx);

/* Adds a finding; the message is a printf format. Returns it, to set a span. */
NbFinding   *nb_check_add             (NbCheckContext *ctx,
                                       const char     *rule,
                                       NbSeverity      severity,
                                       const char     *where,
                                       const char     *format,
                                       ...) G_GNUC_PRINTF (5, 6);

/* @pattern compiled once for the life of the process: checks run on every keystroke. The
 * pattern must be a constant the code owns (it is a valid regular expression). */
GRegex      *nb_check_regex           (const char     *pattern);

/* "“规章/本年制发件数”": how messages name a cell. */
char        *nb_check_cell_name       (guint           cell);

/* A cell's value, 0 for a blank; a blank also sets ctx->blank_seen: the narrative rules
 * reset it before reading the table and compare nothing with a blank (rules.md §0). */
gint64       nb_check_value           (NbCheckContext *ctx,
                                       const char     *key);

/* Last year's figure of @cell (nb_report_previous_value ()), FALSE when last year's report
 * leaves that cell blank or unread: a blank is no claim, so no cross-year rule compares with it. */
gboolean     nb_check_previous        (NbCheckContext *ctx,
                                       guint           cell,
                                       gint64         *value,
                                       gboolean       *from_report);

/* Marks @finding as concerning a cell the importer could not read when one of @cells (or
 * the finding's own cell) is such a cell, still blank (nb_import_report_unread ()). */
void         nb_check_mark_unread     (NbCheckContext *ctx,
                                       NbFinding      *finding,
                                       const int      *cells,
                                       guint           n_cells);

/* The rule groups, in evaluation order. */
/* Whether the report is in the 2019 layout as a whole (not only a remnant of it, R-F-03). */
gboolean     nb_check_legacy_layout   (NbReport       *report);
void         nb_check_form            (NbCheckContext *ctx);  /* R-F-01 R-F-03 R-F-05 R-F-06 R-F-07 R-F-11 */
void         nb_check_table3          (NbCheckContext *ctx);  /* R-T3-01 … R-T3-04, R-T3-09 … R-T3-12 */
void         nb_check_table4          (NbCheckContext *ctx);  /* R-T4-01, R-T4-04 */
void         nb_check_table2          (NbCheckContext *ctx);  /* R-T2-01 … R-T2-04, R-T2-06 */
void         nb_check_narrative       (NbCheckContext *ctx);  /* R-F-02 R-F-04 R-F-08 … R-F-15, R-T2-05, R-T3-05 … R-T3-08, R-T4-02, R-X-01 R-X-02 R-X-05 … R-X-07 */
void         nb_check_cross_year      (NbCheckContext *ctx);  /* R-T3-07 R-X-03 R-X-04 (needs last year) */
void         nb_check_punctuation     (NbCheckContext *ctx);  /* R-X-09 */

G_END_DECLS
