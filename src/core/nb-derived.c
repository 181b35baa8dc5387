/* nb-derived.c — the figures computed from a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-derived.h"

#include <string.h>

static const struct {
  const char *id;
  const char *name;
  const char *row_prefix;       /* the s3 rows summed into the category */
} categories[NB_N_RESULTS] = {
  { "open", "予以公开", "open" },
  { "partial", "部分公开", "partial" },
  { "deny", "不予公开", "deny_" },
  { "not_available", "无法提供", "na_" },
  { "not_processed", "不予处理", "np_" },
  { "other", "其他处理", "oth_" },
  { "carry_out", "结转下年度继续办理", "carry_out" },
};

static const struct {
  const char *id;
  const char *name;
  const char *key;
} yoy_figures[NB_N_YOY] = {
  { "new", "本年新收申请", "s3.new.total" },
  { "results", "办理结果总计", "s3.results_total.total" },
  { "norms_issued", "本年制发行政规范性文件", "s2.a1.norms.issued" },
};

const char *
nb_result_category_name (NbResultCategory category)
{
  g_return_val_if_fail (category < NB_N_RESULTS, NULL);
  return categories[category].name;
}

const char *
nb_result_category_id (NbResultCategory category)
{
  g_return_val_if_fail (category < NB_N_RESULTS, NULL);
  return categories[category].id;
}

const char *
nb_yoy_figure_id (NbYoyFigure figure)
{
  g_return_val_if_fail (figure < NB_N_YOY, NULL);
  return yoy_figures[figure].id;
}

const char *
nb_yoy_figure_name (NbYoyFigure figure)
{
  g_return_val_if_fail (figure < NB_N_YOY, NULL);
  return yoy_figures[figure].name;
}

static int
category_of_row (const char *row_key)
{
  for (guint c = 0; c < NB_N_RESULTS; c++)
    if (g_str_has_prefix (row_key, categories[c].row_prefix))
      return (int) c;
  return -1;
}

static gint64
cell (NbReport *report, const char *row, const char *col)
{
  return nb_report_value (report, nb_format_s3_cell (nb_format_s3_row (row),
                                                     nb_format_s3_col (col)));
}

static gint64
s4_total (NbReport *report, const char *group)
{
  static const char *const parts[] = { "upheld", "corrected", "other", "pending" };
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *key = g_strdup_printf ("s4.%s.%s", group, parts[i]);

      sum += nb_report_value_by_key (report, key);
    }
  return sum;
}

void
nb_derived_compute (NbDerived *d, NbReport *report)
{
  guint n_rows = nb_format_s3_n_rows ();
  int total_col = nb_format_s3_col ("total");
  gint64 new_total, results_total;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (n_rows <= G_N_ELEMENTS (d->row_total));

  memset (d, 0, sizeof *d);

  /* Row totals from the six applicant columns; the total column of every other figure
   * is then taken from these computed totals, as the editor shows them. */
  for (guint r = 0; r < n_rows; r++)
    {
      const char *row_key = nb_format_s3_row_key (r);
      int category = category_of_row (row_key);
      gboolean result = category >= 0 && category != NB_RESULT_CARRY_OUT;

      for (int c = 0; c < total_col; c++)
        d->row_total[r] += nb_report_value (report, nb_format_s3_cell (r, c));
      for (int c = 0; c < NB_S3_COLS; c++)
        {
          gint64 v = c == total_col ? d->row_total[r]
                                    : nb_report_value (report, nb_format_s3_cell (r, c));

          if (category >= 0)
            d->category[category][c] += v;
          if (result)
            d->results[c] += v;
        }
    }
  for (int c = 0; c < NB_S3_COLS; c++)
    d->received[c] = (c == total_col ? d->row_total[nb_format_s3_row ("new")]
                                     : cell (report, "new", nb_format_s3_col_key (c)))
                   + (c == total_col ? d->row_total[nb_format_s3_row ("carry_in")]
                                     : cell (report, "carry_in", nb_format_s3_col_key (c)));

  d->review_total = s4_total (report, "rev");
  d->lit_direct_total = s4_total (report, "lit_direct");
  d->lit_after_total = s4_total (report, "lit_after");
  d->lit_total = d->lit_direct_total + d->lit_after_total;

  new_total = d->row_total[nb_format_s3_row ("new")];
  results_total = d->results[total_col];
  for (guint k = 0; k < NB_N_RESULTS; k++)
    {
      d->share_of_new[k] = (NbRatio) { d->category[k][total_col], new_total };
      d->share_of_results[k] = (NbRatio) { d->category[k][total_col], results_total };
    }
  d->completion_rate = (NbRatio) { results_total, d->received[total_col] };
  d->substantive_open_rate = (NbRatio) {
    d->category[NB_RESULT_OPEN][total_col] + d->category[NB_RESULT_PARTIAL][total_col],
    results_total
  };
  d->review_correction_rate = (NbRatio) {
    nb_report_value_by_key (report, "s4.rev.corrected"),
    d->review_total - nb_report_value_by_key (report, "s4.rev.pending")
  };

  for (guint y = 0; y < NB_N_YOY; y++)
    {
      int index = nb_format_cell_index (yoy_figures[y].key);
      gint64 now = y == NB_YOY_NEW ? new_total
                 : y == NB_YOY_RESULTS ? results_total
                 : nb_report_value (report, index);
      gint64 last;

      if (nb_report_previous_value (report, index, &last, NULL))
        {
          d->has_yoy[y] = TRUE;
          d->yoy_previous[y] = last;
          d->yoy[y] = (NbRatio) { now - last, last };
        }
    }
}

gboolean
nb_ratio_percent_scaled (NbRatio ratio, guint decimals, gint64 *scaled)
{
  gint64 factor = 100;
  gint64 num, q, r;
  gboolean negative;

  /* Cell values are bounded (NB_MAX_COUNT), so num × 10^8 cannot overflow. */
  if (ratio.den == 0 || decimals > 6)
    return FALSE;
  for (guint i = 0; i < decimals; i++)
    factor *= 10;
  negative = (ratio.num < 0) != (ratio.den < 0);
  num = (ratio.num < 0 ? -ratio.num : ratio.num) * factor;
  q = num / (ratio.den < 0 ? -ratio.den : ratio.den);
  r = num % (ratio.den < 0 ? -ratio.den : ratio.den);
  /* Half-up, away from zero: the way percentages are written in reports. */
  if (2 * r >= (ratio.den < 0 ? -ratio.den : ratio.den))
    q++;
  *scaled = negative ? -q : q;
  return TRUE;
}

char *
nb_ratio_format_percent (NbRatio ratio, guint decimals)
{
  gint64 scaled, divisor = 1, magnitude;

  if (!nb_ratio_percent_scaled (ratio, decimals, &scaled))
    return NULL;
  for (guint i = 0; i < decimals; i++)
    divisor *= 10;
  magnitude = scaled < 0 ? -scaled : scaled;
  if (decimals == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT "%%", scaled < 0 ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT "%%", scaled < 0 ? "-" : "",
                          magnitude / divisor, (int) decimals, magnitude % divisor);
}
