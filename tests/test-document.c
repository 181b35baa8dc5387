/* test-document.c — .nianbao files: lossless round trip, atomic save, clear refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-checks.h"
#include "nb-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
sample_text (gsize *length)
{
  char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (g_getenv ("NB_SAMPLE"), &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static void
test_round_trip_is_byte_stable (void)
{
  gsize length, out_length;
  g_autofree char *data = sample_text (&length);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_document_parse (data, length, "sample", &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = nb_document_serialize (report, &out_length);
  g_assert_cmpuint (out_length, ==, length);
  g_assert_cmpmem (out, out_length, data, length);
}

static void
test_values_survive (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  int blank = nb_format_cell_index ("s3.na_need_create.total");
  int fees = nb_format_cell_index ("s2.a8.fees");
  g_autofree char *fee_text = nb_report_format_cell (report, fees);

  g_assert_cmpint (nb_report_get_cell (report, blank)->state, ==, NB_CELL_BLANK);
  g_assert_cmpint (nb_report_get_cell (report, fees)->value, ==, 79263139);
  g_assert_cmpstr (fee_text, ==, "7926.3139");
  g_assert_cmpint (nb_report_value_by_key (report, "s2.a6.penalty"), ==, 276451);
  g_assert_cmpint (nb_report_value_by_key (report, "s4.lit_after.pending"), ==, 1);
  g_assert_cmpstr (nb_report_get_section_title (report, 4), ==, "五、存在问题与改进路径");
  g_assert_cmpuint (nb_report_get_n_parts (report), ==, 5);
  g_assert_cmpstr (nb_report_get_part (report, 1)->heading, ==, "规范完善依申请路径");
  g_assert_nonnull (strstr (nb_report_get_part (report, 0)->text, "制发行政规范性文件12件"));
}

/* Text that JSON must escape, dashes and invalid cells, a fee with five decimals, last
 * year's figures: all come back exactly. */
static void
test_tricky_content_round_trips (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  const char *tricky = "引号\"、反斜杠\\、<script>alert(1)</script>&amp;]]>\n第二段\t制表\u2028😀";
  int breaks[] = { 11 };

  nb_report_set_text (report, NB_TEXT_S5, tricky);
  nb_report_set_text (report, NB_TEXT_CONTACT, "地址：某路1号\n电话：023-1234567");
  nb_report_set_cell_text (report, nb_format_cell_index ("s3.np_mass.np"), "—");
  nb_report_set_cell_text (report, nb_format_cell_index ("s3.np_mass.biz"), "十二");
  nb_report_set_cell_text (report, nb_format_cell_index ("s2.a8.fees"), "7926.31395");
  nb_report_set_previous_figure (report, nb_format_cell_index ("s3.new.total"), TRUE, 73);
  nb_report_set_title_breaks (report, breaks, 1);
  nb_report_set_info_fee (report, TRUE, 150);
  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2025-03-20");

  first = nb_document_serialize (report, NULL);
  again = nb_document_parse (first, -1, "memory", &error);
  g_assert_no_error (error);
  second = nb_document_serialize (again, NULL);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (nb_report_get_text (again, NB_TEXT_S5), ==, tricky);
  g_assert_cmpstr (nb_report_get_cell (again, nb_format_cell_index ("s3.np_mass.np"))->raw, ==, "—");
  g_assert_cmpint (nb_report_get_cell (again, nb_format_cell_index ("s3.np_mass.biz"))->state, ==, NB_CELL_INVALID);
  g_assert_cmpint (nb_report_get_cell (again, nb_format_cell_index ("s2.a8.fees"))->value, ==, 79263140);
}

static void
assert_refused (const char *json, int code, const char *expected_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_document_parse (json, -1, "bad.nianbao", &error);

  g_assert_null (report);
  g_assert_error (error, NB_DOCUMENT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.nianbao: "));
  if (strstr (error->message, expected_part) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, expected_part);
}

/* Replaces the first @from in the sample by @to. */
static char *
sample_with (const char *from, const char *to)
{
  g_autofree char *data = sample_text (NULL);
  char *at = strstr (data, from);

  g_assert_nonnull (at);
  *at = '\0';
  return g_strconcat (data, to, at + strlen (from), NULL);
}

static void
test_malformed_files (void)
{
  struct { const char *from, *to; int code; const char *part; } cases[] = {
    { "\"np\" : 48", "\"np\" : 48.5", NB_DOCUMENT_ERROR_INVALID, "$.tables.s3.new.np" },
    { "\"np\" : 48", "\"np\" : true", NB_DOCUMENT_ERROR_INVALID, "$.tables.s3.new.np" },
    { "\"np\" : 48", "\"npx\" : 48", NB_DOCUMENT_ERROR_INVALID, "$.tables.s3.new.npx" },
    { "\"carry_in\" : {", "\"carry_on\" : {", NB_DOCUMENT_ERROR_INVALID, "$.tables.s3.carry_on" },
    { "\"a8.fees\" : \"7926.3139\"", "\"a8.fees\" : 7926.3139", NB_DOCUMENT_ERROR_INVALID, "$.tables.s2.a8.fees" },
    { "\"a5.license\"", "\"a9.purchase\"", NB_DOCUMENT_ERROR_INVALID, "$.tables.s2.a9.purchase" },
    { "\"version\" : 1", "\"version\" : 2", NB_DOCUMENT_ERROR_NEWER, "newer version" },
    { "\"version\" : 1", "\"version\" : \"1\"", NB_DOCUMENT_ERROR_FORMAT, "$.version" },
    { "\"gov-2021\"", "\"gov-2019\"", NB_DOCUMENT_ERROR_FORMAT, "$.format" },
    { "\"county_gov\"", "\"village\"", NB_DOCUMENT_ERROR_INVALID, "$.meta.level" },
    { "\"year\" : 2024", "\"year\" : 24", NB_DOCUMENT_ERROR_INVALID, "$.meta.year" },
    { "\"year\" : 2024", "\"yr\" : 2024", NB_DOCUMENT_ERROR_INVALID, "$.meta.yr: unknown member" },
    { "\"contact\" : \"\"", "\"contact\" : \"\", \"publication_data\" : \"2025-01-01\"", NB_DOCUMENT_ERROR_INVALID, "$.meta.publication_data" },
    { "\"s6\" : {", "\"s7\" : {}, \"s6\" : {", NB_DOCUMENT_ERROR_INVALID, "$.sections.s7" },
    { "\"intro\" :", "\"intr0\" : \"\", \"intro\" :", NB_DOCUMENT_ERROR_INVALID, "$.sections.s1.intr0" },
    { "\"np\" : 48", "\"np\" : 1e3", NB_DOCUMENT_ERROR_INVALID, "$.tables.s3.new.np" },
    { "\"np\" : 48", "\"np\" : 99999999999999999999", NB_DOCUMENT_ERROR_INVALID, "too large" },
    { "\"np\" : 48", "\"np\" : 1000000000001", NB_DOCUMENT_ERROR_INVALID, "out of range" },
    { "\"a8.fees\" : \"7926.3139\"", "\"a8.fees\" : 1000000000000000", NB_DOCUMENT_ERROR_INVALID, "$.tables.s2.a8.fees" },
    { "\"contact\" : \"\"", "\"contact\" : \"\\ud800x\"", NB_DOCUMENT_ERROR_INVALID, "$.meta.contact" },
    { "\"contact\" : \"\"", "\"contact\" : \"a\\u0000b\"", NB_DOCUMENT_ERROR_INVALID, "NUL" },
    { "\"info_fee_yuan\" : 0", "\"info_fee_yuan\" : -100", NB_DOCUMENT_ERROR_INVALID, "$.sections.s6.info_fee_yuan" },
    { "\"previous\" : null", "\"previous\" : {\"figures\": {\"s2.a8.fees\": 7926}}", NB_DOCUMENT_ERROR_INVALID, "$.meta.previous.figures.s2.a8.fees" },
    { "\"previous\" : null", "\"previous\" : {\"figures\": {\"s3.new.total\": -1}}", NB_DOCUMENT_ERROR_INVALID, "$.meta.previous.figures.s3.new.total" },
    { "\"aspect\" : \"active\"", "\"aspect\" : \"activ\"", NB_DOCUMENT_ERROR_INVALID, "$.sections.s1.parts[0].aspect" },
    { "\"title\" : \"重庆市黔江区2024年政府信息公开工作年度报告\"", "\"title\" : 7", NB_DOCUMENT_ERROR_INVALID, "$.meta.title" },
    { "\"info_fee_yuan\" : 0", "\"info_fee_yuan\" : \"0\"", NB_DOCUMENT_ERROR_INVALID, "$.sections.s6.info_fee_yuan" },
    { "\"tables\" : {", "\"tablez\" : {", NB_DOCUMENT_ERROR_INVALID, "$.tablez: unknown member" },
    /* Unknown top-level members were dropped at the next save; duplicates kept the last. */
    { "\"version\" : 1", "\"version\" : 1, \"notes\" : [1, 2, 3]", NB_DOCUMENT_ERROR_INVALID, "$.notes: unknown member" },
    { "\"tables\" : {", "\"tables\" : { \"s5\" : {},", NB_DOCUMENT_ERROR_INVALID, "$.tables.s5: unknown member" },
    { "\"year\" : 2024", "\"year\" : 2024, \"year\" : 2023", NB_DOCUMENT_ERROR_INVALID, "$.meta.year: this member appears twice" },
    { "\"year\" : 2024", "\"year\" : 2024, \"\\u0079ear\" : 2023", NB_DOCUMENT_ERROR_INVALID, "$.meta.year: this member appears twice" },
    { "\"np\" : 48", "\"np\" : 48, \"np\" : 49", NB_DOCUMENT_ERROR_INVALID, "$.tables.s3.new.np: this member appears twice" },
    { "\"version\" : 1", "\"version\" : 1, \"version\" : 1", NB_DOCUMENT_ERROR_INVALID, "$.version: this member appears twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = sample_with (cases[i].from, cases[i].to);

      assert_refused (json, cases[i].code, cases[i].part);
    }
  assert_refused ("", NB_DOCUMENT_ERROR_SYNTAX, "empty");
  assert_refused ("{\"format\": \"gov-2021\", \"version\": 1, \"meta\": {", NB_DOCUMENT_ERROR_SYNTAX, "JSON");
  assert_refused ("[1, 2, 3]", NB_DOCUMENT_ERROR_FORMAT, "JSON object");
  assert_refused ("{\"hello\": 1}", NB_DOCUMENT_ERROR_FORMAT, "format");
  assert_refused ("\xff\xfe{}", NB_DOCUMENT_ERROR_SYNTAX, "UTF-8");
}

static void
count_override_changes (NbReport *report, const char *location, guint *count)
{
  if (g_str_equal (location, "meta.overrides"))
    (*count)++;
}

/* Overrides (rules.md, Severity) survive a save and load, byte-stable, and sorted. */
static void
test_overrides_round_trip (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  const NbOverride *o;

  guint changes = 0;

  g_signal_connect (report, "changed", G_CALLBACK (count_override_changes), &changes);
  nb_report_set_override (report, "R-T3-03", "s3.new.np", "原表如此，\"引号\"");
  nb_report_set_override (report, "R-T3-01", "s3.new.total", "数据来源差异");
  nb_report_set_override (report, "R-T3-01", "s3.new.total", "数据来源差异");   /* no change */
  nb_report_remove_override (report, "R-T3-02", "s3.new.np");                  /* none there */
  g_assert_cmpuint (changes, ==, 2);
  first = nb_document_serialize (report, NULL);
  g_assert_nonnull (strstr (first, "\"overrides\""));
  again = nb_document_parse (first, -1, "overrides", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_report_get_n_overrides (again), ==, 2);
  o = nb_report_get_override_at (again, 0);
  g_assert_cmpstr (o->rule, ==, "R-T3-01");
  g_assert_cmpstr (o->where, ==, "s3.new.total");
  g_assert_cmpstr (o->note, ==, "数据来源差异");
  g_assert_cmpstr (nb_report_get_override (again, "R-T3-03", "s3.new.np"), ==, "原表如此，\"引号\"");
  second = nb_document_serialize (again, NULL);
  g_assert_cmpstr (first, ==, second);

  /* Removing the last one drops the member: the file is the sample's again. */
  nb_report_remove_override (again, "R-T3-01", "s3.new.total");
  nb_report_set_override (again, "R-T3-03", "s3.new.np", "");
  g_assert_cmpuint (nb_report_get_n_overrides (again), ==, 0);
  g_clear_pointer (&second, g_free);
  second = nb_document_serialize (again, NULL);
  g_clear_pointer (&first, g_free);
  first = sample_text (NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_malformed_overrides (void)
{
  struct { const char *to; const char *part; } cases[] = {
    /* (A missing member is NB_DOCUMENT_ERROR_FORMAT, as everywhere in the reader.) */
    { "\"overrides\" : {}", "$.meta.overrides: expected an array" },
    { "\"overrides\" : [1]", "$.meta.overrides[0]: expected an object" },
    { "\"overrides\" : [{\"rule\": \"R-T3-02\", \"where\": \"s3.new.np\"}]", "$.meta.overrides[0].note: this member is missing" },
    { "\"overrides\" : [{\"rule\": \"R-T3-02\", \"where\": \"s3.new.np\", \"note\": \"\"}]", "$.meta.overrides[0].note: must not be empty" },
    { "\"overrides\" : [{\"rule\": \"R-T3-02\", \"where\": 3, \"note\": \"x\"}]", "$.meta.overrides[0].where: expected a string" },
    { "\"overrides\" : [{\"rule\": \"R-T3-02\", \"where\": \"s3.new.np\", \"note\": \"x\", \"by\": \"me\"}]", "$.meta.overrides[0].by: unknown member" },
    { "\"overrides\" : [{\"rule\": \"R-T3-02\", \"where\": \"s3.new.np\", \"note\": \"x\"}, {\"rule\": \"R-T3-02\", \"where\": \"s3.new.np\", \"note\": \"y\"}]", "$.meta.overrides[1]: a second override" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *to = g_strconcat ("\"previous\" : null, ", cases[i].to, NULL);
      g_autofree char *json = sample_with ("\"previous\" : null", to);

      assert_refused (json, strstr (cases[i].part, "missing") ? NB_DOCUMENT_ERROR_FORMAT
                                                              : NB_DOCUMENT_ERROR_INVALID,
                      cases[i].part);
    }
}

/* An overridden error carries its note and no longer blocks; others still do. An override
 * of an error that is gone is kept and shows nowhere. */
static void
test_overrides_in_findings (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  const NbFinding *f;

  nb_test_set (report, "s3.new.np", 49);
  before = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_findings_blocking (before), ==, 2);
  g_assert_null (nb_test_find_rule (before, "R-T3-03")->override_note);

  nb_report_set_override (report, "R-T3-03", "s3.new.np", "原表如此");
  nb_report_set_override (report, "R-F-05", "s3.na_need_create.total", "warnings take no note");
  after = nb_checks_run (report, NULL);
  f = nb_test_find_rule (after, "R-T3-03");
  g_assert_cmpstr (f->override_note, ==, "原表如此");
  g_assert_null (nb_test_find_rule (after, "R-F-05")->override_note);
  g_assert_cmpuint (nb_findings_blocking (after), ==, 1);

  nb_test_set (report, "s3.new.np", 48);
  fixed = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_findings_blocking (fixed), ==, 0);
  g_assert_null (nb_test_find_rule (fixed, "R-T3-03"));
  g_assert_cmpstr (nb_report_get_override (report, "R-T3-03", "s3.new.np"), ==, "原表如此");
}

/* "\\u0000" is a backslash and five characters, not a NUL. */
static void
test_escaped_backslash_is_text (void)
{
  g_autofree char *json = sample_with ("\"contact\" : \"\"", "\"contact\" : \"C:\\\\u0000\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_document_parse (json, -1, "x", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_CONTACT), ==, "C:\\u0000");
}

static void
test_truncated_everywhere (void)
{
  gsize length;
  g_autofree char *data = sample_text (&length);

  /* Any prefix of the file is refused, never half-loaded. */
  for (gsize cut = 0; cut < length - 2; cut += 97)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_document_parse (data, cut, "cut.nianbao", &error);

      g_assert_null (report);
      g_assert_nonnull (error);
    }
}

static void
test_missing_section_and_cells (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(JsonNode) root = nb_document_to_json (sample);
  JsonObject *sections = json_object_get_object_member (json_node_get_object (root), "sections");
  JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  json_object_remove_member (sections, "s5");
  json_object_remove_member (json_object_get_object_member (tables, "s4"), "rev.other");
  report = nb_document_from_json (root, "x", &error);
  g_assert_no_error (error);
  g_assert_false (nb_report_get_section_present (report, 4));
  findings = nb_checks_run (report, NULL);
  g_assert_cmpstr (nb_test_find_rule (findings, "R-F-01")->where, ==, "s5");
  /* A cell the file leaves out is blank, and said so. */
  g_assert_cmpint (nb_report_get_cell (report, nb_format_cell_index ("s4.rev.other"))->state, ==, NB_CELL_BLANK);
}

static void
test_save_is_atomic_with_backup (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.nianbao", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbReport) loaded = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  g_assert_true (nb_document_save (report, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &first, NULL, NULL);
  nb_test_set (report, "s3.new.np", 49);
  g_assert_true (nb_document_save (report, file, NULL, &error));
  g_assert_no_error (error);
  /* The previous version is kept as report.nianbao~. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  {
    g_autofree char *kept = NULL;

    g_file_get_contents (backup, &kept, NULL, NULL);
    g_assert_cmpstr (kept, ==, first);
  }
  loaded = nb_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_value_by_key (loaded, "s3.new.np"), ==, 49);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_to_unwritable_place (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/report.nianbao");

  g_assert_false (nb_document_save (report, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/report.nianbao"));
}

static void
test_load_previous (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbReport) last = nb_test_load_sample ();
  g_autoptr(NbReport) same_year = nb_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "qianjiang-2023.nianbao", NULL);
  g_autofree char *here = g_build_filename (dir, "qianjiang-2024.nianbao", NULL);
  g_autoptr(GFile) last_file = g_file_new_for_path (path);
  g_autoptr(GFile) base = g_file_new_for_path (here);

  /* A file relative to the report is found beside it. */
  nb_report_set_year (last, 2023);
  g_assert_true (nb_document_save (last, last_file, NULL, &error));
  nb_report_set_text (report, NB_TEXT_PREVIOUS_FILE, "qianjiang-2023.nianbao");
  g_assert_true (nb_document_load_previous (report, base, &error));
  g_assert_no_error (error);
  g_assert_nonnull (nb_report_get_previous (report));

  /* The report of the same year is not last year's. */
  g_assert_false (nb_document_attach_previous (report, same_year, &error));
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);

  nb_report_set_text (report, NB_TEXT_PREVIOUS_FILE, "no-such-file.nianbao");
  g_assert_false (nb_document_load_previous (report, base, &error));
  g_assert_nonnull (strstr (error->message, "no-such-file.nianbao"));
  g_assert_nonnull (strstr (error->message, "meta.previous.file"));

  g_unlink (path);
  g_rmdir (dir);
}

/* 100,000 levels overflowed json-glib's recursive parser (a crash, no message): refused
 * before parsing, with the path where it goes too deep. */
static void
test_deep_nesting (void)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *json = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  {
    g_autofree char *sample = sample_text (NULL);
    const char *at = strstr (sample, "\"title_breaks\" : []") + strlen ("\"title_breaks\" : ");

    json = g_strdup_printf ("%.*s%s%s", (int) (at - sample), sample, deep->str, at + 2);
  }
  assert_refused (json, NB_DOCUMENT_ERROR_FORMAT, "$.meta.title_breaks[0][0]");
  assert_refused (json, NB_DOCUMENT_ERROR_FORMAT, "nested more than 32 levels deep");
  /* The deepest a report goes ($.tables.s3.new.np) is far from the bound. */
  g_string_free (deep, TRUE);
}

/* json-glib lets "\ud800" through as invalid UTF-8; the message quoting it stays UTF-8. */
static void
test_lone_surrogate_message (void)
{
  const char *cases[] = {
    "{\"format\": \"\\ud800\", \"version\": 1}",
    "{\"format\": \"gov-2021\", \"version\": 1, \"\\udc00x\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_document_parse (cases[i], -1, "s.nianbao", &error);

      g_assert_null (report);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "\xef\xbf\xbd"));   /* U+FFFD */
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/round-trip", test_round_trip_is_byte_stable);
  g_test_add_func ("/document/values", test_values_survive);
  g_test_add_func ("/document/tricky-content", test_tricky_content_round_trips);
  g_test_add_func ("/document/malformed", test_malformed_files);
  g_test_add_func ("/document/overrides", test_overrides_round_trip);
  g_test_add_func ("/document/malformed-overrides", test_malformed_overrides);
  g_test_add_func ("/document/overrides-in-findings", test_overrides_in_findings);
  g_test_add_func ("/document/truncated", test_truncated_everywhere);
  g_test_add_func ("/document/escaped-backslash", test_escaped_backslash_is_text);
  g_test_add_func ("/document/missing-section", test_missing_section_and_cells);
  g_test_add_func ("/document/atomic-save", test_save_is_atomic_with_backup);
  g_test_add_func ("/document/unwritable", test_save_to_unwritable_place);
  g_test_add_func ("/document/previous", test_load_previous);
  g_test_add_func ("/document/deep-nesting", test_deep_nesting);
  g_test_add_func ("/document/lone-surrogate-message", test_lone_surrogate_message);
  return g_test_run ();
}
