/* test-editor-text.c — the editor's GUI-free helpers: what a number cell accepts, where a
 * finding is in words, the request summary sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-finding-location.h"
#include "nb-number-input.h"
#include "nb-request-summary.h"
#include "nb-session.h"
#include "nb-test-util.h"

static void
test_number_input (void)
{
  static const struct {
    const char *current;
    int         position;
    const char *text;
    NbUnit      unit;
    const char *expected;       /* NULL: refused */
  } cases[] = {
    { "", 0, "12", NB_UNIT_COUNT, "12" },
    { "", 0, "12.5", NB_UNIT_COUNT, NULL },
    { "", 0, "1,234.00", NB_UNIT_COUNT, NULL },
    { "", 0, "1,234", NB_UNIT_COUNT, "1234" },
    { "", 0, "12 345", NB_UNIT_COUNT, "12345" },
    { "", 0, "12\u00a0345", NB_UNIT_COUNT, "12345" },
    { "", 0, "１２，３４５", NB_UNIT_COUNT, "12345" },
    { "", 0, " 42\n", NB_UNIT_COUNT, "42" },
    { "", 0, ",12", NB_UNIT_COUNT, NULL },
    { "", 0, "12件", NB_UNIT_COUNT, NULL },
    { "", 0, "-3", NB_UNIT_COUNT, NULL },
    { "", 0, "1,234.00", NB_UNIT_MONEY, "1234.00" },
    { "", 0, "1.2.3", NB_UNIT_MONEY, NULL },
    { "1.5", 3, ".", NB_UNIT_MONEY, NULL },
    { "15", 1, ".", NB_UNIT_MONEY, "." },
    { "", 0, "0.12345", NB_UNIT_MONEY, NULL },
    { "0.1234", 6, "5", NB_UNIT_MONEY, NULL },
    { "0.1234", 0, "5", NB_UNIT_MONEY, "5" },
    { "", 0, "０．５", NB_UNIT_MONEY, "0.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = nb_number_input_normalize (cases[i].current, cases[i].position,
                                                         cases[i].text, -1, cases[i].unit);

      g_test_message ("case %u: “%s”", i, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* A cell's finding names section, row and column; a text's, its section; 一's parts by
 * number; report information otherwise. */
static void
test_finding_location (void)
{
  g_autoptr(NbFinding) cell = nb_finding_new ("R-F-05", NB_SEVERITY_WARNING, "s3.new.np", "x");
  g_autoptr(NbFinding) part = nb_finding_new ("R-T2-05", NB_SEVERITY_WARNING, "s1", "x");
  g_autoptr(NbFinding) text = nb_finding_new ("R-F-02", NB_SEVERITY_WARNING, "s5", "x");
  g_autoptr(NbFinding) meta = nb_finding_new ("R-F-01", NB_SEVERITY_WARNING, "meta.agency", "x");
  g_autofree char *where_cell = NULL, *where_part = NULL, *where_text = NULL, *where_meta = NULL;

  cell->cell = nb_format_cell_index ("s3.new.np");
  part->part = 1;
  text->part = -1;
  where_cell = nb_finding_describe_location (cell);
  where_part = nb_finding_describe_location (part);
  where_text = nb_finding_describe_location (text);
  where_meta = nb_finding_describe_location (meta);
  g_assert_true (g_str_has_prefix (where_cell, nb_format_section (2)->ordinal));
  g_assert_nonnull (strstr (where_cell, "自然人"));
  g_assert_nonnull (strstr (where_part, nb_format_section (0)->title));
  g_assert_nonnull (strstr (where_part, "2"));
  g_assert_cmpstr (where_text, ==, nb_format_section (4)->title);
  g_assert_cmpstr (where_meta, !=, "");
  g_assert_cmpuint (nb_session_entry_for_location ("s3.new.np"), ==, 3);
  g_assert_cmpuint (nb_session_entry_for_location ("meta.agency"), ==, 0);
  g_assert_cmpuint (nb_session_entry_for_location ("s5"), ==, 5);
}

/* The sentence carries the sample's year, its 本年新收 total and each category's share. */
static void
test_request_summary (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  g_autofree char *sentence = nb_request_summary (report, nb_session_get_derived (session));
  g_autofree char *start = g_strdup_printf ("%d年，本机关共收到政府信息公开申请%" G_GINT64_FORMAT "件",
                                            nb_report_get_year (report),
                                            nb_report_value_by_key (report, "s3.new.total"));

  g_assert_true (g_str_has_prefix (sentence, start));
  g_assert_nonnull (strstr (sentence, "予以公开"));
  g_assert_true (g_str_has_suffix (sentence, "件。"));
  g_assert_true (g_utf8_validate (sentence, -1, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/editor-text/number-input", test_number_input);
  g_test_add_func ("/editor-text/finding-location", test_finding_location);
  g_test_add_func ("/editor-text/request-summary", test_request_summary);
  return g_test_run ();
}
