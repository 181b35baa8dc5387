/* nb-derived.h — the figures computed from a report (rules.md §F.6)
 *
 * Never stored, never printed inside the official tables; shown beside them and written to
 * the JSON export's "derived" block. Recomputing them is a few hundred additions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_S3_COLS 7

/* A ratio kept as integers, so that percentages round exactly (rules.md §F.3). */
typedef struct {
  gint64 num;
  gint64 den;                   /* 0: undefined */
} NbRatio;

/* The result categories of table 三 that narratives quote, in the order of the table. */
typedef enum {
  NB_RESULT_OPEN,               /* 予以公开 */
  NB_RESULT_PARTIAL,            /* 部分公开 */
  NB_RESULT_DENY,               /* 不予公开 (8 rows) */
  NB_RESULT_NOT_AVAILABLE,      /* 无法提供 (3 rows) */
  NB_RESULT_NOT_PROCESSED,      /* 不予处理 (5 rows) */
  NB_RESULT_OTHER,              /* 其他处理 (3 rows) */
  NB_RESULT_CARRY_OUT,          /* 结转下年度继续办理 (not a result; quoted alongside) */
  NB_N_RESULTS,
} NbResultCategory;

typedef enum {
  NB_YOY_NEW,                   /* s3.new.total */
  NB_YOY_RESULTS,               /* s3.results_total.total */
  NB_YOY_NORMS_ISSUED,          /* s2.a1.norms.issued */
  NB_N_YOY,
} NbYoyFigure;

typedef struct {
  /* Table 三, per column (np … other_org, total), from the cells as they stand. */
  gint64  row_total[32];                  /* Σ of the six applicant columns, per s3 row */
  gint64  results[NB_S3_COLS];            /* （七）总计 computed: Σ of the 21 result rows */
  gint64  category[NB_N_RESULTS][NB_S3_COLS];  /* deny_sum, na_sum, np_sum, oth_sum … */
  gint64  received[NB_S3_COLS];           /* new + carry_in (收办) */

  /* Table 四 */
  gint64  review_total;                   /* rev: upheld + corrected + other + pending */
  gint64  lit_direct_total;
  gint64  lit_after_total;
  gint64  lit_total;                      /* 行政诉讼合计 */

  /* Shares of each category, total column */
  NbRatio share_of_new[NB_N_RESULTS];     /* ÷ 本年新收 */
  NbRatio share_of_results[NB_N_RESULTS]; /* ÷ 办理结果总计 */
  NbRatio completion_rate;                /* 办结率 = results / (new + carry_in) */
  NbRatio substantive_open_rate;          /* 实质公开率 = (open + partial) / results */
  NbRatio review_correction_rate;         /* 复议纠错率 = corrected / (total − pending) */

  /* Year on year, when last year is known */
  gboolean has_yoy[NB_N_YOY];
  gint64   yoy_previous[NB_N_YOY];
  NbRatio  yoy[NB_N_YOY];                 /* (this − last) / last */
} NbDerived;

void         nb_derived_compute          (NbDerived       *derived,
                                          NbReport        *report);

const char  *nb_result_category_name     (NbResultCategory category);
const char  *nb_result_category_id       (NbResultCategory category);
const char  *nb_yoy_figure_id            (NbYoyFigure      figure);
const char  *nb_yoy_figure_name          (NbYoyFigure      figure);

/* "36.54%" with @decimals decimals, rounded half-up in integer arithmetic; NULL when the
 * denominator is 0. Negative ratios print a minus sign. */
char        *nb_ratio_format_percent     (NbRatio          ratio,
                                          guint            decimals);
/* The percentage scaled by 10^decimals, rounded half-up: 36.54% → 3654. FALSE when undefined. */
gboolean     nb_ratio_percent_scaled     (NbRatio          ratio,
                                          guint            decimals,
                                          gint64          *scaled);

G_END_DECLS
