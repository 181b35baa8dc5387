/* test-report.c — the report model: cells, money, totals, change notification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-report.h"

#include <string.h>

static void
count_changed_cb (NbReport *report, const char *location, gpointer data)
{
  GPtrArray *seen = data;

  g_ptr_array_add (seen, g_strdup (location));
}

static void
test_cell_text (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  int np = nb_format_cell_index ("s3.new.np");
  const NbCell *cell = nb_report_get_cell (report, np);

  g_assert_cmpint (cell->state, ==, NB_CELL_BLANK);
  g_assert_cmpint (nb_report_set_cell_text (report, np, "48"), ==, NB_CELL_VALUE);
  g_assert_cmpint (cell->value, ==, 48);
  g_assert_null (cell->raw);
  /* Full-width digits are digits. */
  g_assert_cmpint (nb_report_set_cell_text (report, np, "５２"), ==, NB_CELL_VALUE);
  g_assert_cmpint (cell->value, ==, 52);
  g_assert_cmpint (nb_report_set_cell_text (report, np, " "), ==, NB_CELL_BLANK);
  g_assert_null (cell->raw);
  g_assert_cmpint (nb_report_set_cell_text (report, np, "—"), ==, NB_CELL_BLANK);
  g_assert_cmpstr (cell->raw, ==, "—");
  g_assert_cmpint (nb_report_value (report, np), ==, 0);
  g_assert_cmpint (nb_report_set_cell_text (report, np, "12件"), ==, NB_CELL_INVALID);
  g_assert_cmpstr (cell->raw, ==, "12件");
  g_assert_cmpint (nb_report_value (report, np), ==, 0);
  g_assert_cmpint (nb_report_set_cell_text (report, np, "-3"), ==, NB_CELL_VALUE);
  g_assert_cmpint (cell->value, ==, -3);
  g_assert_cmpint (nb_report_set_cell_text (report, np, "99999999999999999999999"), ==, NB_CELL_INVALID);
}

static void
test_money (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  int fees = nb_format_cell_index ("s2.a8.fees");
  const NbCell *cell = nb_report_get_cell (report, fees);
  g_autofree char *shown = NULL;
  gint64 yuan;
  guint decimals;

  g_assert_true (nb_money_parse_wanyuan ("7926.3139", &yuan, &decimals));
  g_assert_cmpint (yuan, ==, 79263139);
  g_assert_cmpuint (decimals, ==, 4);
  g_assert_true (nb_money_parse_wanyuan ("12", &yuan, NULL));
  g_assert_cmpint (yuan, ==, 120000);
  g_assert_true (nb_money_parse_wanyuan ("0.00015", &yuan, &decimals));
  g_assert_cmpint (yuan, ==, 2);          /* 1.5 元, half-up */
  g_assert_cmpuint (decimals, ==, 5);
  g_assert_false (nb_money_parse_wanyuan ("1,5", &yuan, NULL));
  g_assert_false (nb_money_parse_wanyuan (".", &yuan, NULL));
  g_assert_false (nb_money_parse_wanyuan ("99999999999999999999", &yuan, NULL));

  /* Exact at 10^12 scale: no double anywhere. */
  g_assert_true (nb_money_parse_wanyuan ("123456789012.3456", &yuan, NULL));
  g_assert_cmpint (yuan, ==, G_GINT64_CONSTANT (1234567890123456));
  shown = nb_money_format_wanyuan (yuan);
  g_assert_cmpstr (shown, ==, "123456789012.3456");

  g_assert_cmpint (nb_report_set_cell_text (report, fees, "7926.3139"), ==, NB_CELL_VALUE);
  g_assert_cmpint (cell->value, ==, 79263139);
  g_assert_null (cell->raw);
  g_assert_cmpint (nb_report_set_cell_text (report, fees, "7926.31390"), ==, NB_CELL_VALUE);
  g_assert_cmpstr (cell->raw, ==, "7926.31390");
  g_clear_pointer (&shown, g_free);
  shown = nb_report_format_cell (report, fees);
  g_assert_cmpstr (shown, ==, "7926.31390");
}

static void
test_totals (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  int total = nb_format_cell_index ("s3.new.total");
  int results_np = nb_format_cell_index ("s3.results_total.np");
  int results_total = nb_format_cell_index ("s3.results_total.total");

  nb_report_set_value (report, nb_format_cell_index ("s3.new.np"), 48);
  nb_report_set_value (report, nb_format_cell_index ("s3.new.biz"), 3);
  nb_report_set_value (report, nb_format_cell_index ("s3.open.np"), 17);
  nb_report_set_value (report, nb_format_cell_index ("s3.deny_internal.np"), 7);
  nb_report_set_value (report, nb_format_cell_index ("s3.open.legal"), 1);
  g_assert_cmpint (nb_report_computed_total (report, total), ==, 51);
  g_assert_cmpuint (nb_report_update_totals (report), >, 0);
  g_assert_cmpint (nb_report_value (report, total), ==, 51);
  g_assert_cmpint (nb_report_value (report, results_np), ==, 24);
  g_assert_cmpint (nb_report_value (report, results_total), ==, 25);
  g_assert_cmpuint (nb_report_update_totals (report), ==, 0);
}

static void
test_changed_signal (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  guint64 serial;

  g_signal_connect (report, "changed", G_CALLBACK (count_changed_cb), seen);
  serial = nb_report_get_serial (report);
  nb_report_set_value (report, nb_format_cell_index ("s3.new.np"), 5);
  nb_report_set_value (report, nb_format_cell_index ("s3.new.np"), 5);  /* no change */
  nb_report_set_text (report, NB_TEXT_TITLE, "标题");
  nb_report_set_text (report, NB_TEXT_TITLE, "标题");
  nb_report_set_year (report, 2025);
  nb_report_insert_part (report, 0, NB_ASPECT_ACTIVE, "主动公开", "正文");
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "s3.new.np");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "meta.title");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "meta.year");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "s1");
  g_assert_cmpuint (nb_report_get_serial (report), ==, serial + 4);
}

static void
test_new_for_agency (void)
{
  g_autoptr(NbReport) report = nb_report_new_for_agency ("某某市生态环境局", NB_LEVEL_DEPARTMENT, 2025);

  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_TITLE), ==, "某某市生态环境局2025年政府信息公开工作年度报告");
  g_assert_nonnull (strstr (nb_report_get_text (report, NB_TEXT_PREAMBLE), "2025年1月1日至2025年12月31日"));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PERIOD_END), ==, "2025-12-31");
  g_assert_false (nb_report_get_people_government (report));
  g_assert_cmpuint (nb_report_get_n_parts (report), ==, NB_N_ASPECTS);
  g_assert_cmpstr (nb_report_get_section_title (report, 4), ==, "五、存在的主要问题及改进情况");
}

static void
test_copy_and_previous (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbReport) last = nb_report_new ();
  g_autoptr(NbReport) copy = NULL;
  int index = nb_format_cell_index ("s3.carry_out.total");
  gint64 value;
  gboolean from_report;

  g_assert_false (nb_report_has_previous (report));
  g_assert_false (nb_report_previous_value (report, index, &value, &from_report));
  nb_report_set_previous_figure (report, index, TRUE, 2);
  g_assert_true (nb_report_previous_value (report, index, &value, &from_report));
  g_assert_cmpint (value, ==, 2);
  g_assert_false (from_report);

  nb_report_set_value (last, index, 7);
  nb_report_set_previous (report, last);
  g_assert_true (nb_report_previous_value (report, index, &value, &from_report));
  g_assert_cmpint (value, ==, 7);
  g_assert_true (from_report);

  nb_report_set_cell_text (report, nb_format_cell_index ("s2.a8.fees"), "1.00000");
  copy = nb_report_copy (report);
  g_assert_cmpstr (nb_report_get_cell (copy, nb_format_cell_index ("s2.a8.fees"))->raw, ==, "1.00000");
  g_assert_true (nb_report_get_previous (copy) == last);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/cell-text", test_cell_text);
  g_test_add_func ("/report/money", test_money);
  g_test_add_func ("/report/totals", test_totals);
  g_test_add_func ("/report/changed-signal", test_changed_signal);
  g_test_add_func ("/report/new-for-agency", test_new_for_agency);
  g_test_add_func ("/report/copy-and-previous", test_copy_and_previous);
  return g_test_run ();
}
