/* test-derived.c — every derived figure on the sample (rules.md §G.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-derived.h"
#include "nb-test-util.h"

static void
assert_percent (NbRatio ratio, const char *expected)
{
  g_autofree char *text = nb_ratio_format_percent (ratio, 2);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_sample (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  NbDerived d;
  int total = nb_format_s3_col ("total");

  nb_derived_compute (&d, report);
  g_assert_cmpint (d.category[NB_RESULT_DENY][total], ==, 11);
  g_assert_cmpint (d.category[NB_RESULT_NOT_AVAILABLE][total], ==, 9);
  g_assert_cmpint (d.category[NB_RESULT_NOT_PROCESSED][total], ==, 0);
  g_assert_cmpint (d.category[NB_RESULT_OTHER][total], ==, 3);
  g_assert_cmpint (d.category[NB_RESULT_OPEN][nb_format_s3_col ("np")], ==, 17);
  g_assert_cmpint (d.row_total[nb_format_s3_row ("new")], ==, 52);
  g_assert_cmpint (d.results[total], ==, 51);
  g_assert_cmpint (d.results[nb_format_s3_col ("np")], ==, 47);
  g_assert_cmpint (d.received[total], ==, 52);
  g_assert_cmpint (d.lit_total, ==, 3);
  g_assert_cmpint (d.review_total, ==, 3);

  assert_percent (d.share_of_new[NB_RESULT_OPEN], "36.54%");
  assert_percent (d.share_of_new[NB_RESULT_PARTIAL], "17.31%");
  assert_percent (d.share_of_new[NB_RESULT_DENY], "21.15%");
  assert_percent (d.share_of_new[NB_RESULT_NOT_AVAILABLE], "17.31%");
  assert_percent (d.share_of_new[NB_RESULT_OTHER], "5.77%");
  assert_percent (d.share_of_results[NB_RESULT_OPEN], "37.25%");
  assert_percent (d.completion_rate, "98.08%");
  assert_percent (d.substantive_open_rate, "54.90%");
  assert_percent (d.review_correction_rate, "33.33%");
  g_assert_false (d.has_yoy[NB_YOY_NEW]);
}

static void
test_yoy (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  NbDerived d;

  nb_report_set_previous_figure (report, nb_format_cell_index ("s3.new.total"), TRUE, 73);
  nb_derived_compute (&d, report);
  g_assert_true (d.has_yoy[NB_YOY_NEW]);
  g_assert_cmpint (d.yoy_previous[NB_YOY_NEW], ==, 73);
  assert_percent (d.yoy[NB_YOY_NEW], "-28.77%");
  g_assert_false (d.has_yoy[NB_YOY_RESULTS]);
}

static void
test_percent_rounding (void)
{
  g_autofree char *zero = nb_ratio_format_percent ((NbRatio) { 0, 7 }, 2);
  g_autofree char *whole = nb_ratio_format_percent ((NbRatio) { 1, 8 }, 0);
  g_autofree char *half = nb_ratio_format_percent ((NbRatio) { 1, 8 }, 1);
  gint64 scaled;

  g_assert_null (nb_ratio_format_percent ((NbRatio) { 3, 0 }, 2));
  g_assert_cmpstr (zero, ==, "0.00%");
  g_assert_cmpstr (whole, ==, "13%");
  g_assert_cmpstr (half, ==, "12.5%");
  g_assert_true (nb_ratio_percent_scaled ((NbRatio) { 4, 400 }, 2, &scaled));
  g_assert_cmpint (scaled, ==, 100);
  g_assert_true (nb_ratio_percent_scaled ((NbRatio) { -21, 73 }, 2, &scaled));
  g_assert_cmpint (scaled, ==, -2877);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/derived/sample", test_sample);
  g_test_add_func ("/derived/yoy", test_yoy);
  g_test_add_func ("/derived/percent-rounding", test_percent_rounding);
  return g_test_run ();
}
