/* nb-check-tables.c — the arithmetic and plausibility of tables 二, 三 and 四
 *
 * R-T2-01 … R-T2-04, R-T2-06, R-T3-01 … R-T3-04, R-T3-09, R-T3-10, R-T3-12, R-T4-01,
 * R-T4-04. The relations themselves are data in nb-format.c; this file only compares.
 * R-T3-11 and R-T4-03 are tooltips of the format, not findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-private.h"

#include "nb-import.h"

#include <string.h>

static gint64
cell_value (NbCheckContext *ctx, int cell)
{
  return nb_report_value (ctx->report, cell);
}

static gint64
sum_parts (NbCheckContext *ctx, const NbSumRelation *rel)
{
  gint64 sum = 0;

  for (guint i = 0; i < rel->n_parts; i++)
    sum += cell_value (ctx, rel->parts[i]);
  return sum;
}

/* The figure of a 2019 single row （六）其他处理 in the column of @total (a results_total
 * cell), as the importer noted it; 0 without one. Its three 2021 sub-rows are blank then,
 * and the column adds up only with it. */
static gint64
remnant_figure (NbCheckContext *ctx, int total)
{
  GPtrArray *notes = nb_import_report_notes (ctx->report);
  const NbCellDef *def = nb_format_cell (total);
  int column = -1;

  if (notes == NULL || def->table != NB_TABLE_S3 || !g_str_equal (def->row_key, "results_total"))
    return 0;
  for (guint c = 0; c < NB_S3_COLS; c++)
    if (g_str_equal (nb_format_s3_col_key (c), def->col_key))
      column = c;
  for (guint i = 0; i < notes->len && column >= 0; i++)
    {
      const NbImportNote *note = g_ptr_array_index (notes, i);
      g_auto(GStrv) figures = NULL;

      if (!g_str_equal (note->rule, "R-F-03") || note->actual == NULL)
        continue;
      figures = g_strsplit (note->actual, " ", -1);
      if (g_strv_length (figures) == NB_S3_COLS)
        return g_ascii_strtoll (figures[column], NULL, 10);
    }
  return 0;
}

static void
check_sums (NbCheckContext *ctx, const char *rule_prefix)
{
  guint n;
  const NbSumRelation *sums = nb_format_sum_relations (&n);

  for (guint i = 0; i < n; i++)
    {
      const NbSumRelation *rel = &sums[i];
      const char *where = nb_format_cell (rel->total)->key;
      gint64 sum, total;
      NbFinding *f;

      if (!g_str_has_prefix (rel->rule, rule_prefix))
        continue;
      sum = sum_parts (ctx, rel);
      if (g_str_equal (rel->rule, "R-T3-02"))
        sum += remnant_figure (ctx, rel->total);
      total = cell_value (ctx, rel->total);
      if (sum == total)
        continue;

      if (g_str_equal (rel->rule, "R-T3-01"))
        f = nb_check_add (ctx, rel->rule, NB_SEVERITY_ERROR, where,
                      "“%s”：自然人与法人或其他组织各列之和为%" G_GINT64_FORMAT
                      "，与“总计”%" G_GINT64_FORMAT "不一致。", rel->name, sum, total);
      else if (g_str_equal (rel->rule, "R-T3-02"))
        f = nb_check_add (ctx, rel->rule, NB_SEVERITY_ERROR, where,
                      "%s：予以公开、部分公开、不予公开、无法提供、不予处理、其他处理各项之和为%"
                      G_GINT64_FORMAT "，与“（七）总计”%" G_GINT64_FORMAT "不一致。",
                      rel->name, sum, total);
      else
        {
          gint64 v[4];

          for (guint p = 0; p < 4; p++)
            v[p] = cell_value (ctx, rel->parts[p]);
          f = nb_check_add (ctx, rel->rule, NB_SEVERITY_ERROR, where,
                        "%s：结果维持%" G_GINT64_FORMAT "+结果纠正%" G_GINT64_FORMAT
                        "+其他结果%" G_GINT64_FORMAT "+尚未审结%" G_GINT64_FORMAT
                        "=%" G_GINT64_FORMAT "，与总计%" G_GINT64_FORMAT "不一致。",
                        rel->name, v[0], v[1], v[2], v[3], sum, total);
        }
      /* A part the importer could not read makes the sum no claim of the source. */
      nb_check_mark_unread (ctx, f, rel->parts, rel->n_parts);
    }
}

static void
check_balance (NbCheckContext *ctx)
{
  guint n;
  const NbBalanceRelation *balances = nb_format_balance_relations (&n);

  for (guint i = 0; i < n; i++)
    {
      const NbBalanceRelation *rel = &balances[i];
      gint64 a = cell_value (ctx, rel->left[0]), b = cell_value (ctx, rel->left[1]);
      gint64 x = cell_value (ctx, rel->right[0]), y = cell_value (ctx, rel->right[1]);
      NbFinding *f;

      if (a + b == x + y)
        continue;
      f = nb_check_add (ctx, rel->rule, NB_SEVERITY_ERROR, nb_format_cell (rel->left[0])->key,
                    "%s：本年新收%" G_GINT64_FORMAT "+上年结转%" G_GINT64_FORMAT "=%" G_GINT64_FORMAT
                    "，应等于办理结果总计%" G_GINT64_FORMAT "+结转下年度%" G_GINT64_FORMAT "=%"
                    G_GINT64_FORMAT "（表中勾稽关系：第一项加第二项之和，等于第三项加第四项之和）。",
                    rel->name, a, b, a + b, x, y, x + y);
      nb_check_mark_unread (ctx, f, rel->left, 2);
      nb_check_mark_unread (ctx, f, rel->right, 2);
    }
}

/* R-T3-04: this year's 上年结转 is last year's 结转下年度, column by column. */
static void
check_carry_over (NbCheckContext *ctx)
{
  int carry_in = nb_format_s3_row ("carry_in");
  int carry_out = nb_format_s3_row ("carry_out");
  int total_col = nb_format_s3_col ("total");

  for (guint c = 0; c < nb_format_s3_n_cols (); c++)
    {
      int here = nb_format_s3_cell (carry_in, c);
      int there = nb_format_s3_cell (carry_out, c);
      gint64 last, now = cell_value (ctx, here);
      gboolean from_report;

      if (!nb_check_previous (ctx, there, &last, &from_report))
        continue;
      /* The total column is always checked; the others when last year has them. */
      if ((int) c != total_col && !from_report && last == 0 && now == 0)
        continue;
      if (now == last)
        continue;
      nb_check_add (ctx, "R-T3-04", from_report ? NB_SEVERITY_ERROR : NB_SEVERITY_WARNING,
                    nb_format_cell (here)->key,
                    "本年“上年结转”%" G_GINT64_FORMAT "件与上年年报“结转下年度继续办理”%"
                    G_GINT64_FORMAT "件不一致。", now, last);
    }
}

static gboolean
contains_fee_amount (const char *text)
{
  GRegex *regex = nb_check_regex ("信息处理费[^。；;]*?[0-9０-９]+(?:[.．][0-9０-９]+)?\\s*元|"
                                         "[0-9０-９]+(?:[.．][0-9０-９]+)?\\s*元[^。；;]*?信息处理费");

  return g_regex_match (regex, text, 0, NULL);
}

/* An amount of 信息处理费 said to be collected in section 六, in 元; 0 when none. */
static gint64
stated_fee_collected (NbCheckContext *ctx)
{
  GRegex *regex = nb_check_regex ("收取[^。；;，,]*?信息处理费[^。；;0-9]*?([0-9]+)(?:\\.[0-9]+)?\\s*元");
  g_autoptr(GMatchInfo) match = NULL;
  gint64 yuan;

  if (nb_report_get_info_fee (ctx->report, &yuan))
    return yuan;
  if (g_regex_match (regex, nb_report_get_text (ctx->report, NB_TEXT_S6), 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);

      return g_ascii_strtoll (digits, NULL, 10);
    }
  return 0;
}

/* R-T3-09 and R-T3-10: the fee rows of table 三 against section 六. */
static void
check_fee_reporting (NbCheckContext *ctx)
{
  const char *s6 = nb_report_get_text (ctx->report, NB_TEXT_S6);
  gint64 no_fee = nb_check_value (ctx, "s3.oth_no_fee.total");
  gint64 received = nb_check_value (ctx, "s3.new.total") + nb_check_value (ctx, "s3.carry_in.total");
  gint64 collected;

  if (no_fee > 0 && !strstr (s6, "收费通知") && !nb_report_get_info_fee (ctx->report, NULL) &&
      !contains_fee_amount (s6))
    nb_check_add (ctx, "R-T3-09", NB_SEVERITY_WARNING, "s6",
                  "表三有%" G_GINT64_FORMAT "件因申请人逾期未缴纳信息处理费而终止处理，"
                  "第六部分应说明发出收费通知及收费情况。", no_fee);

  collected = stated_fee_collected (ctx);
  if (collected > 0 && received == 0)
    nb_check_add (ctx, "R-T3-10", NB_SEVERITY_WARNING, "s6",
                  "本年无政府信息公开申请，但第六部分报告收取信息处理费%" G_GINT64_FORMAT
                  "元，请核实。", collected);
}

/* Ratio beyond ×5 or ÷5 (both non-zero). */
static gboolean
changed_a_lot (gint64 now, gint64 last)
{
  return now > 0 && last > 0 && (now > 5 * last || 5 * now < last);
}

/* R-T3-12 */
static void
check_request_trend (NbCheckContext *ctx)
{
  static const struct { const char *key; const char *name; } figures[] = {
    { "s3.new.total", "本年新收政府信息公开申请数量" },
    { "s3.open.total", "予以公开" },
    { "s3.results_total.total", "办理结果总计" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      int index = nb_format_cell_index (figures[i].key);
      gint64 now = cell_value (ctx, index), last;

      if (!nb_check_previous (ctx, index, &last, NULL) || last < 10)
        continue;
      if (changed_a_lot (now, last) || now == 0)
        nb_check_add (ctx, "R-T3-12", NB_SEVERITY_INFO, figures[i].key,
                      "%s较上年变化较大（上年%" G_GINT64_FORMAT "，本年%" G_GINT64_FORMAT "），请核实。",
                      figures[i].name, last, now);
    }
}

void
nb_check_table3 (NbCheckContext *ctx)
{
  if (ctx->legacy)
    return;
  check_sums (ctx, "R-T3-01");
  check_sums (ctx, "R-T3-02");
  check_balance (ctx);
  check_carry_over (ctx);
  check_fee_reporting (ctx);
  check_request_trend (ctx);
}

/* R-T4-04: lawsuits and reviews although no application came in this year or last. */
static void
check_cases_without_requests (NbCheckContext *ctx)
{
  gint64 cases = nb_check_value (ctx, "s4.rev.total") + nb_check_value (ctx, "s4.lit_direct.total")
               + nb_check_value (ctx, "s4.lit_after.total");
  gint64 received = nb_check_value (ctx, "s3.new.total") + nb_check_value (ctx, "s3.carry_in.total");
  gint64 last_new, last_carry;

  if (cases == 0 || received != 0)
    return;
  if (!nb_check_previous (ctx, nb_format_cell_index ("s3.new.total"), &last_new, NULL) ||
      !nb_check_previous (ctx, nb_format_cell_index ("s3.carry_in.total"), &last_carry, NULL))
    return;
  if (last_new + last_carry != 0)
    return;
  nb_check_add (ctx, "R-T4-04", NB_SEVERITY_INFO, "s4.rev.total",
                "近两年无政府信息公开申请，但有政府信息公开类复议/诉讼%" G_GINT64_FORMAT
                "件，请核实是否属于本机关信息公开案件。", cases);
}

void
nb_check_table4 (NbCheckContext *ctx)
{
  if (ctx->legacy)
    return;
  check_sums (ctx, "R-T4-01");
  check_cases_without_requests (ctx);
}

/* The two rows of 第二十条第（一）项; their names come from the format (规章, 行政规范性文件). */
static const char *const documents[] = { "s2.a1.rules", "s2.a1.norms" };

static gint64
document_value (NbCheckContext *ctx, guint doc, const char *column, int *index)
{
  g_autofree char *key = g_strconcat (documents[doc], ".", column, NULL);

  *index = nb_format_cell_index (key);
  return cell_value (ctx, *index);
}

/* R-T2-01 and R-T2-02: 现行有效 against last year and against this year's 制发. */
static void
check_documents_in_force (NbCheckContext *ctx)
{
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      int i_issued, i_repealed, i_valid;
      gint64 issued = document_value (ctx, d, "issued", &i_issued);
      gint64 repealed = document_value (ctx, d, "repealed", &i_repealed);
      gint64 valid = document_value (ctx, d, "valid", &i_valid);
      gint64 last;

      if (nb_check_previous (ctx, i_valid, &last, NULL) &&
          valid != last + issued - repealed)
        nb_check_add (ctx, "R-T2-01", NB_SEVERITY_WARNING, nb_format_cell (i_valid)->key,
                      "%s现行有效件数应等于上年现行有效件数%" G_GINT64_FORMAT "加本年制发%"
                      G_GINT64_FORMAT "减本年废止%" G_GINT64_FORMAT "（=%" G_GINT64_FORMAT
                      "），当前为%" G_GINT64_FORMAT "。如有文件因有效期届满自动失效或被修改，请在正文说明。",
                      nb_format_cell (i_valid)->row_label, last, issued, repealed, last + issued - repealed, valid);

      if (valid < issued)
        nb_check_add (ctx, "R-T2-02", NB_SEVERITY_WARNING, nb_format_cell (i_valid)->key,
                      "%s现行有效件数（%" G_GINT64_FORMAT "）小于本年制发件数（%" G_GINT64_FORMAT
                      "），请核实（本年制发又废止的文件应同时计入废止数）。",
                      nb_format_cell (i_valid)->row_label, valid, issued);
    }
}

/* R-T2-03: only the State Council's departments and the governments of provinces and
 * cities with districts make 规章. */
static void
check_rule_maker (NbCheckContext *ctx)
{
  NbAgencyLevel level = nb_report_get_level (ctx->report);
  static const char *const columns[] = { "issued", "repealed", "valid" };

  if (level == NB_LEVEL_STATE_COUNCIL_DEPT || level == NB_LEVEL_PROVINCIAL_GOV ||
      level == NB_LEVEL_PREFECTURE_GOV)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      int index;

      if (document_value (ctx, 0, columns[c], &index) > 0)
        {
          nb_check_add (ctx, "R-T2-03", NB_SEVERITY_WARNING, nb_format_cell (index)->key,
                        "本机关不属于规章制定主体，规章栏应为0；如填报的是本机关执行的上级规章或"
                        "行政规范性文件，请改正。");
          return;
        }
    }
}

/* R-T2-04: the fee column is in 万元; more than four decimals, or a sum only a large
 * government would collect, suggests it was typed in 元. */
static void
check_fee_unit (NbCheckContext *ctx)
{
  int index = nb_format_cell_index ("s2.a8.fees");
  const NbCell *cell = nb_report_get_cell (ctx->report, index);
  NbAgencyLevel level = nb_report_get_level (ctx->report);
  guint decimals = 0;
  gint64 yuan;
  gboolean small_body;
  g_autofree char *shown = NULL;

  if (cell->state != NB_CELL_VALUE)
    return;
  if (cell->raw)
    nb_money_parse_wanyuan (cell->raw, &yuan, &decimals);
  small_body = level == NB_LEVEL_TOWNSHIP_GOV || level == NB_LEVEL_SUBDISTRICT ||
               (level == NB_LEVEL_DEPARTMENT && nb_report_get_region (ctx->report) == NB_REGION_COUNTY);
  if (decimals <= 4 && !(small_body && cell->value >= (gint64) 100000 * 10000))
    return;
  shown = nb_report_format_cell (ctx->report, index);
  nb_check_add (ctx, "R-T2-04", NB_SEVERITY_INFO, "s2.a8.fees",
                "行政事业性收费金额单位为“万元”，请确认未按“元”填写（当前%s万元）。", shown);
}

/* R-T2-06: decisions and fees that jump from last year. */
static void
check_decision_trend (NbCheckContext *ctx)
{
  static const char *const keys[] = { "s2.a5.license", "s2.a6.penalty", "s2.a6.coercion", "s2.a8.fees" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int index = nb_format_cell_index (keys[i]);
      const NbCellDef *def = nb_format_cell (index);
      gint64 now = cell_value (ctx, index), last;
      g_autofree char *now_text = NULL, *last_text = NULL;

      if (!nb_check_previous (ctx, index, &last, NULL))
        continue;
      if (!changed_a_lot (now, last) && !((now == 0) != (last == 0)))
        continue;
      if (def->unit == NB_UNIT_MONEY)
        {
          now_text = nb_money_format_wanyuan (now);
          last_text = nb_money_format_wanyuan (last);
        }
      else
        {
          now_text = g_strdup_printf ("%" G_GINT64_FORMAT, now);
          last_text = g_strdup_printf ("%" G_GINT64_FORMAT, last);
        }
      nb_check_add (ctx, "R-T2-06", NB_SEVERITY_INFO, keys[i],
                    "%s本年为%s，上年为%s，变化较大，请核实统计口径（应包括已公开和依法未公开的全部处理决定）。",
                    def->row_label, now_text, last_text);
    }
}

void
nb_check_table2 (NbCheckContext *ctx)
{
  if (ctx->legacy)
    return;
  check_documents_in_force (ctx);
  check_rule_maker (ctx);
  check_fee_unit (ctx);
  check_decision_trend (ctx);
}
