/* test-checks.c — each rule of the first set fires on a crafted report and stays silent
 * on a correct one (rules.md §A–§D, §G)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-checks.h"
#include "nb-test-util.h"

#include <string.h>

/* The rules this file covers; the sample must raise none of them but R-F-05. */
static const char *const core_rules[] = {
  "R-F-01", "R-F-03", "R-F-05", "R-F-06", "R-F-07", "R-F-11", "R-T2-01", "R-T2-02",
  "R-T2-03", "R-T2-04", "R-T2-06", "R-T3-01", "R-T3-02", "R-T3-03", "R-T3-04", "R-T3-09",
  "R-T3-10", "R-T3-12", "R-T4-01", "R-T4-04",
};

static GPtrArray *
run (NbReport *report)
{
  return nb_checks_run (report, NULL);
}

static void
assert_fires (NbReport *report, const char *rule, NbSeverity severity, const char *where)
{
  g_autoptr(GPtrArray) findings = run (report);
  const NbFinding *f = nb_test_find_rule (findings, rule);

  if (f == NULL)
    g_error ("%s did not fire", rule);
  g_assert_cmpint (f->severity, ==, severity);
  if (where)
    g_assert_cmpstr (f->where, ==, where);
}

static void
assert_silent (NbReport *report, const char *rule)
{
  g_autoptr(GPtrArray) findings = run (report);
  const NbFinding *f = nb_test_find_rule (findings, rule);

  if (f != NULL)
    g_error ("%s fired: %s %s", rule, f->where, f->message);
}

static void
test_sample (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = run (report);
  const NbFinding *f = nb_test_find_rule (findings, "R-F-05");
  guint counts[NB_N_SEVERITIES];

  nb_findings_count (findings, counts);
  g_assert_cmpuint (counts[NB_SEVERITY_ERROR], ==, 0);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->where, ==, "s3.na_need_create.total");
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpint (f->cell, ==, nb_format_cell_index ("s3.na_need_create.total"));
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-05"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (core_rules); i++)
    if (!g_str_equal (core_rules[i], "R-F-05"))
      g_assert_cmpuint (nb_test_count_rule (findings, core_rules[i]), ==, 0);
}

static void
test_sections (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  assert_silent (report, "R-F-01");
  nb_report_set_section_present (report, 4, FALSE);
  assert_fires (report, "R-F-01", NB_SEVERITY_ERROR, "s5");
}

static void
test_legacy_layout (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  const char *markers[] = { "本年新制作数量", NULL };
  g_autoptr(GPtrArray) findings = NULL;

  assert_silent (report, "R-F-03");
  nb_test_set (report, "s3.new.np", 49);          /* would break R-T3-01/03 */
  for (guint i = nb_format_table (NB_TABLE_S2)->first_cell;
       i < nb_format_table (NB_TABLE_S2)->first_cell + 10; i++)
    nb_report_set_blank (report, i, NULL);
  nb_report_set_legacy_markers (report, markers);
  findings = run (report);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-03"), ==, 1);
  g_assert_cmpint (nb_test_find_rule (findings, "R-F-03")->severity, ==, NB_SEVERITY_ERROR);
  /* §F.5: no table rules on a 2019 layout; a wholly blank table is one error. */
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-01"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-03"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-05"), ==, 1);
  g_assert_cmpint (nb_test_find_rule (findings, "R-F-05")->severity, ==, NB_SEVERITY_ERROR);
  g_assert_cmpstr (nb_test_find_rule (findings, "R-F-05")->where, ==, "s2");
}

static void
test_blank_and_invalid (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  int np = nb_format_cell_index ("s3.np_repeat.np");

  assert_silent (report, "R-F-05");
  assert_silent (report, "R-F-06");
  nb_report_set_cell_text (report, np, "/");
  assert_fires (report, "R-F-05", NB_SEVERITY_WARNING, "s3.np_repeat.np");
  nb_report_set_cell_text (report, np, "三");
  assert_fires (report, "R-F-06", NB_SEVERITY_ERROR, "s3.np_repeat.np");
  nb_report_set_value (report, np, -1);
  assert_fires (report, "R-F-06", NB_SEVERITY_ERROR, "s3.np_repeat.np");
  nb_report_set_value (report, np, 0);
  nb_report_set_cell_text (report, nb_format_cell_index ("s2.a8.fees"), "约八千万");
  assert_fires (report, "R-F-06", NB_SEVERITY_ERROR, "s2.a8.fees");

  /* Text that is no number is a problem of form, not of sign: “应填写非负数” misled. */
  {
    struct { const char *key, *text, *says; } cases[] = {
      { "s2.a8.fees", "1e5", "无法识别为数" },
      { "s3.np_repeat.np", "1e5", "无法识别为数" },
      { "s3.np_repeat.np", "123456789012345678901", "数值过大" },
      { "s2.a8.fees", "123456789012345678901", "数值过大" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(NbReport) r = nb_test_clean_sample ();
        g_autoptr(GPtrArray) findings = NULL;
        const NbFinding *f;

        nb_report_set_cell_text (r, nb_format_cell_index (cases[i].key), cases[i].text);
        findings = run (r);
        f = nb_test_find_rule (findings, "R-F-06");
        g_assert_nonnull (f);
        g_assert_cmpstr (f->where, ==, cases[i].key);
        g_assert_nonnull (strstr (f->message, cases[i].says));
        g_assert_null (strstr (f->message, "非负"));
      }
  }
}

static void
test_period (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  assert_silent (report, "R-F-07");
  nb_report_set_text (report, NB_TEXT_PERIOD_END, "2024-12-30");
  assert_fires (report, "R-F-07", NB_SEVERITY_WARNING, "meta.period_end");
  nb_report_set_text (report, NB_TEXT_PERIOD_END, "2024-12-31");
  nb_report_set_year (report, 2025);
  /* The title still says 2024: the first of several findings points at the period. */
  assert_fires (report, "R-F-07", NB_SEVERITY_WARNING, "meta.period_start");
  {
    g_autoptr(GPtrArray) findings = run (report);
    gboolean title = FALSE, preamble = FALSE;

    for (guint i = 0; i < findings->len; i++)
      {
        const NbFinding *f = g_ptr_array_index (findings, i);

        title |= g_str_equal (f->rule, "R-F-07") && g_str_equal (f->where, "meta.title");
        preamble |= g_str_equal (f->rule, "R-F-07") && g_str_equal (f->where, "meta.preamble");
      }
    g_assert_true (title);
    g_assert_true (preamble);
  }

  /* Full-width digits in the preamble are read; a preamble without a period is flagged. */
  g_clear_object (&report);
  report = nb_test_clean_sample ();
  nb_report_set_text (report, NB_TEXT_PREAMBLE, "所列数据统计时间为２０２４年１月１日至２０２４年１２月３１日。");
  assert_silent (report, "R-F-07");
  /* No period at all is a hint only (rules.md R-F-07, updated). */
  nb_report_set_text (report, NB_TEXT_PREAMBLE, "现发布本机关年度报告。");
  assert_fires (report, "R-F-07", NB_SEVERITY_INFO, "meta.preamble");
}

/* Last year's report with a blank (or unread) cell: no cross-year rule compares with it. */
static void
test_previous_blank (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  g_autoptr(NbReport) previous = nb_test_clean_sample ();
  int valid = nb_format_cell_index ("s2.a1.norms.valid");
  int license = nb_format_cell_index ("s2.a5.license");

  nb_report_set_year (previous, nb_report_get_year (report) - 1);
  nb_report_set_value (previous, valid, 1);
  nb_report_set_previous (report, previous);
  assert_fires (report, "R-T2-01", NB_SEVERITY_WARNING, "s2.a1.norms.valid");
  nb_report_set_blank (previous, valid, NULL);
  assert_silent (report, "R-T2-01");
  /* 行政许可 from 0 to a figure is R-T2-06; from a blank it is nothing. */
  nb_report_set_value (previous, license, 0);
  assert_fires (report, "R-T2-06", NB_SEVERITY_INFO, "s2.a5.license");
  nb_report_set_blank (previous, license, NULL);
  assert_silent (report, "R-T2-06");
}

/* R-F-07 compares dates, not wording: every phrasing of rules.md that covers the year passes,
 * the same phrasings with another day or year fire. */
static void
test_period_phrasings (void)
{
  static const char *const covering[] = {
    "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。",
    "本报告所列数据的统计期限为2024年1月1日至12月31日。",
    "统计期限从2024年1月1日起至2024年12月31日止。",
    "统计期限自2024年1月1日起，至2024年12月31日止。",
    "统计期限为2024年1月1日—2024年12月31日。",
    "统计期限为2024年1月1日到2024年12月31日。",
    "统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。",
  };
  static const char *const other[] = {
    "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。",
    "本报告所列数据的统计期限为2024年1月1日至11月30日。",
    "统计期限从2024年2月1日起至2024年12月31日止。",
  };
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  for (guint i = 0; i < G_N_ELEMENTS (covering); i++)
    {
      nb_report_set_text (report, NB_TEXT_PREAMBLE, covering[i]);
      assert_silent (report, "R-F-07");
    }
  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    {
      nb_report_set_text (report, NB_TEXT_PREAMBLE, other[i]);
      assert_fires (report, "R-F-07", NB_SEVERITY_WARNING, "meta.preamble");
    }
}

static void
test_publication_date (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2025-03-31");
  assert_silent (report, "R-F-11");
  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2025-04-01");
  assert_fires (report, "R-F-11", NB_SEVERITY_INFO, "meta.publication_date");
  nb_report_set_people_government (report, FALSE);
  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2025-01-31");
  assert_silent (report, "R-F-11");
  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2025-02-01");
  assert_fires (report, "R-F-11", NB_SEVERITY_INFO, NULL);
}

static void
test_documents_in_force (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  int valid = nb_format_cell_index ("s2.a1.norms.valid");

  /* §G.1: 117 + 11 − 33 = 95 passes, anything else warns. */
  nb_report_set_previous_figure (report, valid, TRUE, 117);
  assert_silent (report, "R-T2-01");
  nb_report_set_previous_figure (report, valid, TRUE, 118);
  assert_fires (report, "R-T2-01", NB_SEVERITY_WARNING, "s2.a1.norms.valid");

  assert_silent (report, "R-T2-02");
  nb_test_set (report, "s2.a1.norms.valid", 10);
  assert_fires (report, "R-T2-02", NB_SEVERITY_WARNING, "s2.a1.norms.valid");
}

static void
test_rule_maker (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  nb_test_set (report, "s2.a1.rules.valid", 3);
  nb_report_set_level (report, NB_LEVEL_TOWNSHIP_GOV);
  assert_fires (report, "R-T2-03", NB_SEVERITY_WARNING, "s2.a1.rules.valid");
  nb_report_set_level (report, NB_LEVEL_PREFECTURE_GOV);
  assert_silent (report, "R-T2-03");
}

static void
test_fee_unit (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  int fees = nb_format_cell_index ("s2.a8.fees");

  /* Four decimals at a county government: fine (§G.1). */
  assert_silent (report, "R-T2-04");
  nb_report_set_cell_text (report, fees, "7926.31391");
  assert_fires (report, "R-T2-04", NB_SEVERITY_INFO, "s2.a8.fees");
  nb_report_set_cell_text (report, fees, "150000");
  assert_silent (report, "R-T2-04");
  nb_report_set_level (report, NB_LEVEL_TOWNSHIP_GOV);
  assert_fires (report, "R-T2-04", NB_SEVERITY_INFO, "s2.a8.fees");
}

static void
test_decision_trend (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  int penalty = nb_format_cell_index ("s2.a6.penalty");
  int coercion = nb_format_cell_index ("s2.a6.coercion");

  nb_report_set_previous_figure (report, penalty, TRUE, 270000);
  assert_silent (report, "R-T2-06");
  nb_report_set_previous_figure (report, penalty, TRUE, 50000);
  assert_fires (report, "R-T2-06", NB_SEVERITY_INFO, "s2.a6.penalty");
  nb_report_set_previous_figure (report, penalty, FALSE, 0);
  nb_report_set_previous_figure (report, coercion, TRUE, 0);
  assert_fires (report, "R-T2-06", NB_SEVERITY_INFO, "s2.a6.coercion");
}

static void
test_table3_arithmetic (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  assert_silent (report, "R-T3-01");
  assert_silent (report, "R-T3-02");
  assert_silent (report, "R-T3-03");

  /* The case: new.np 48 → 49 breaks the row total and the 勾稽关系 of 自然人. */
  nb_test_set (report, "s3.new.np", 49);
  findings = run (report);
  g_assert_cmpstr (nb_test_find_rule (findings, "R-T3-01")->where, ==, "s3.new.total");
  g_assert_cmpstr (nb_test_find_rule (findings, "R-T3-03")->where, ==, "s3.new.np");
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-03"), ==, 1);
  g_assert_nonnull (strstr (nb_test_find_rule (findings, "R-T3-03")->message, "本年新收49+上年结转0=49"));

  /* §G.2 arithmetic break: results_total.np 10 while RES(np) is 9. */
  g_clear_object (&report);
  report = nb_test_clean_sample ();
  nb_test_set (report, "s3.open.np", 16);
  assert_fires (report, "R-T3-02", NB_SEVERITY_ERROR, "s3.results_total.np");

  /* Once the editor recomputes the totals, only the printed relation is left broken. */
  nb_report_update_totals (report);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run (report);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-01"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-02"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-03"), ==, 2);   /* np and total */
}

static void
test_carry_over (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  g_autoptr(NbReport) last = nb_test_clean_sample ();
  int carry_out = nb_format_cell_index ("s3.carry_out.total");

  nb_report_set_previous_figure (report, carry_out, TRUE, 0);
  assert_silent (report, "R-T3-04");
  nb_report_set_previous_figure (report, carry_out, TRUE, 2);
  assert_fires (report, "R-T3-04", NB_SEVERITY_WARNING, "s3.carry_in.total");
  /* With last year's whole report loaded it is an error (its carry_out.np is 1). */
  nb_report_set_previous (report, last);
  assert_fires (report, "R-T3-04", NB_SEVERITY_ERROR, "s3.carry_in.np");
}

static void
test_fee_reporting (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  nb_test_set (report, "s3.oth_no_fee.np", 1);
  nb_test_set (report, "s3.oth_other.np", 2);
  nb_report_update_totals (report);
  nb_report_set_info_fee (report, FALSE, 0);
  assert_fires (report, "R-T3-09", NB_SEVERITY_WARNING, "s6");
  nb_report_set_text (report, NB_TEXT_S6, "2024年，发出收费通知1件，实际收取信息处理费0元。");
  assert_silent (report, "R-T3-09");

  g_clear_object (&report);
  report = nb_report_new_for_agency ("某镇人民政府", NB_LEVEL_TOWNSHIP_GOV, 2024);
  for (guint i = 0; i < nb_format_n_cells (); i++)
    nb_report_set_value (report, i, 0);
  nb_report_set_text (report, NB_TEXT_S6, "本年收取信息处理费200元。");
  assert_fires (report, "R-T3-10", NB_SEVERITY_WARNING, "s6");
  nb_report_set_text (report, NB_TEXT_S6, "本年未收取信息处理费。");
  assert_silent (report, "R-T3-10");
  nb_report_set_info_fee (report, TRUE, 50);
  assert_fires (report, "R-T3-10", NB_SEVERITY_WARNING, "s6");
}

static void
test_request_trend (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();
  int new_total = nb_format_cell_index ("s3.new.total");

  nb_report_set_previous_figure (report, new_total, TRUE, 73);
  assert_silent (report, "R-T3-12");
  nb_report_set_previous_figure (report, new_total, TRUE, 300);
  assert_fires (report, "R-T3-12", NB_SEVERITY_INFO, "s3.new.total");
  nb_report_set_previous_figure (report, new_total, TRUE, 9);   /* too small to judge */
  assert_silent (report, "R-T3-12");
}

static void
test_table4 (void)
{
  g_autoptr(NbReport) report = nb_test_clean_sample ();

  assert_silent (report, "R-T4-01");
  nb_test_set (report, "s4.lit_after.pending", 2);
  assert_fires (report, "R-T4-01", NB_SEVERITY_ERROR, "s4.lit_after.total");
}

static void
test_cases_without_requests (void)
{
  g_autoptr(NbReport) report = nb_report_new_for_agency ("某局", NB_LEVEL_DEPARTMENT, 2024);

  for (guint i = 0; i < nb_format_n_cells (); i++)
    nb_report_set_value (report, i, 0);
  nb_test_set (report, "s4.rev.upheld", 1);
  nb_test_set (report, "s4.rev.total", 1);
  assert_silent (report, "R-T4-04");            /* last year unknown */
  nb_report_set_previous_figure (report, nb_format_cell_index ("s3.new.total"), TRUE, 0);
  nb_report_set_previous_figure (report, nb_format_cell_index ("s3.carry_in.total"), TRUE, 0);
  assert_fires (report, "R-T4-04", NB_SEVERITY_INFO, "s4.rev.total");
  nb_report_set_previous_figure (report, nb_format_cell_index ("s3.new.total"), TRUE, 3);
  assert_silent (report, "R-T4-04");
  /* Requests this year explain the case too. */
  nb_report_set_previous_figure (report, nb_format_cell_index ("s3.new.total"), TRUE, 0);
  nb_test_set (report, "s3.new.np", 1);
  nb_report_update_totals (report);
  assert_silent (report, "R-T4-04");
}

/* Messages are the catalogue's, with the placeholders filled (rules.md §A–§D). */
static void
test_messages (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_test_set (report, "s4.rev.pending", 1);
  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2025-04-02");
  findings = run (report);
  g_assert_cmpstr (nb_test_find_rule (findings, "R-F-05")->message, ==,
                   "“（四）无法提供 2.没有现成信息需要另行制作/总计”为空白。没有数据请填“0”，不要留空或填“/”。");
  g_assert_cmpstr (nb_test_find_rule (findings, "R-T4-01")->message, ==,
                   "行政复议：结果维持2+结果纠正1+其他结果0+尚未审结1=4，与总计3不一致。");
  g_assert_cmpstr (nb_test_find_rule (findings, "R-F-11")->message, ==,
                   "按《条例》第四十九条，3月31日前应公布上一年度年报。");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks/sample", test_sample);
  g_test_add_func ("/checks/R-F-01", test_sections);
  g_test_add_func ("/checks/R-F-03", test_legacy_layout);
  g_test_add_func ("/checks/R-F-05-06", test_blank_and_invalid);
  g_test_add_func ("/checks/R-F-07", test_period);
  g_test_add_func ("/checks/R-F-07/phrasings", test_period_phrasings);
  g_test_add_func ("/checks/previous-blank", test_previous_blank);
  g_test_add_func ("/checks/R-F-11", test_publication_date);
  g_test_add_func ("/checks/R-T2-01-02", test_documents_in_force);
  g_test_add_func ("/checks/R-T2-03", test_rule_maker);
  g_test_add_func ("/checks/R-T2-04", test_fee_unit);
  g_test_add_func ("/checks/R-T2-06", test_decision_trend);
  g_test_add_func ("/checks/R-T3-01-02-03", test_table3_arithmetic);
  g_test_add_func ("/checks/R-T3-04", test_carry_over);
  g_test_add_func ("/checks/R-T3-09-10", test_fee_reporting);
  g_test_add_func ("/checks/R-T3-12", test_request_trend);
  g_test_add_func ("/checks/R-T4-01", test_table4);
  g_test_add_func ("/checks/R-T4-04", test_cases_without_requests);
  g_test_add_func ("/checks/messages", test_messages);
  return g_test_run ();
}
