/* test-import.c — the importer against the sample report and its damaged variants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-document.h"
#include "nb-import.h"
#include "nb-test-util.h"

static char *
seed_path (void)
{
  /* The seed sits beside the sample in the shared tree when present; the test data
   * directory holds a copy so the test runs anywhere. */
  return g_test_build_filename (G_TEST_DIST, "data", "qianjiang-2024.txt", NULL);
}

static char *
read_data (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Replace the first occurrence of @from in @text by @to. */
static char *
replace (const char *text, const char *from, const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* The same report, field by field: cells (state, value, raw), texts, parts, metadata. */
static void
assert_same_report (NbReport *a, NbReport *b)
{
  gint64 fee_a = -1, fee_b = -1;

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCell *x = nb_report_get_cell (a, i), *y = nb_report_get_cell (b, i);

      if (x->state != y->state || x->value != y->value || g_strcmp0 (x->raw, y->raw) != 0)
        g_error ("cell %s differs: %d/%" G_GINT64_FORMAT "/%s vs %d/%" G_GINT64_FORMAT "/%s",
                 nb_format_cell (i)->key, x->state, x->value, x->raw, y->state, y->value, y->raw);
    }
  for (guint f = 0; f < NB_N_TEXTS; f++)
    g_assert_cmpstr (nb_report_get_text (a, f), ==, nb_report_get_text (b, f));
  g_assert_cmpuint (nb_report_get_n_parts (a), ==, nb_report_get_n_parts (b));
  for (guint p = 0; p < nb_report_get_n_parts (a); p++)
    {
      const NbPart *x = nb_report_get_part (a, p), *y = nb_report_get_part (b, p);

      g_assert_cmpint (x->aspect, ==, y->aspect);
      g_assert_cmpstr (x->heading, ==, y->heading);
      g_assert_cmpstr (x->text, ==, y->text);
    }
  g_assert_cmpint (nb_report_get_year (a), ==, nb_report_get_year (b));
  g_assert_cmpint (nb_report_get_level (a), ==, nb_report_get_level (b));
  g_assert_cmpint (nb_report_get_region (a), ==, nb_report_get_region (b));
  g_assert_cmpint (nb_report_get_people_government (a), ==, nb_report_get_people_government (b));
  g_assert_cmpint (nb_report_get_info_fee (a, &fee_a), ==, nb_report_get_info_fee (b, &fee_b));
  g_assert_cmpint (fee_a, ==, fee_b);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_assert_cmpint (nb_report_get_section_present (a, s), ==, nb_report_get_section_present (b, s));
}

static void
test_seed_text (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(NbImport) import = nb_import_new ();
  g_autofree char *path = seed_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_import_read_file (import, file, NB_IMPORT_AUTO, NULL, &error));
  g_assert_no_error (error);
  assert_same_report (nb_import_get_report (import), sample);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_FOUND), ==, 199);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_BLANK), ==, 1);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
  g_assert_cmpint (nb_import_get_cell_state (import, nb_format_cell_index ("s3.na_need_create.total")),
                   ==, NB_IMPORT_CELL_BLANK);
  g_assert_cmpuint (nb_import_get_notes (import)->len, ==, 0);

  /* The imported report has the sample's four findings and no other. */
  {
    g_autoptr(GPtrArray) findings = nb_checks_run (nb_import_get_report (import), NULL);
    const char *expected[] = { "R-F-05", "R-F-02", "R-F-10", "R-T2-05", "R-X-09", NULL };

    /* R-X-09 once per text with half-width marks (test-check-punctuation). */
    g_assert_cmpuint (findings->len - nb_test_count_rule (findings, "R-X-09"), ==, G_N_ELEMENTS (expected) - 2);
    for (guint i = 0; i < findings->len; i++)
      g_assert_true (g_strv_contains (expected, ((NbFinding *) g_ptr_array_index (findings, i))->rule));
  }
}

static void
test_seed_html (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *html = read_data ("qianjiang-2024.html", &length);
  g_autoptr(GBytes) bytes = g_bytes_new (html, length);

  g_assert_true (nb_import_read_bytes (import, bytes, NB_IMPORT_AUTO, &error));
  g_assert_no_error (error);
  assert_same_report (nb_import_get_report (import), sample);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_BLANK), ==, 1);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
}

/* Portals wrap cell contents in paragraphs, lay whole pages out in a table, and save
 * in GB18030: the same report each time. */
static void
test_seed_variants (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(GRegex) open_cell = g_regex_new ("(<td[^>]*>)", 0, 0, NULL);
  gsize length;
  g_autofree char *html = read_data ("qianjiang-2024.html", &length);
  g_autofree char *wrapped = NULL, *wrapped2 = NULL, *layout = NULL, *seed = NULL, *gb = NULL;
  g_autofree char *path = seed_path ();
  g_autofree char *gb_html = NULL, *html_meta = NULL;
  const char *variants[4];
  gsize lengths[4];
  gsize gb_length, gb_html_length;

  wrapped = g_regex_replace (open_cell, html, -1, 0, "\\1<p>", 0, NULL);
  wrapped2 = replace (wrapped, "<body>", "<body><table><tr><td><div>");
  {
    g_autoptr(GRegex) close_cell = g_regex_new ("</td>", 0, 0, NULL);

    g_free (wrapped);
    wrapped = g_regex_replace_literal (close_cell, wrapped2, -1, 0, "</p></td>", 0, NULL);
  }
  layout = replace (wrapped, "</body>", "</div></td></tr></table></body>");
  variants[0] = wrapped;
  variants[1] = layout;
  g_file_get_contents (path, &seed, NULL, NULL);
  gb = g_convert (seed, -1, "GB18030", "UTF-8", NULL, &gb_length, NULL);
  g_assert_nonnull (gb);
  variants[2] = gb;
  /* A page in GB18030 that says so in its <meta charset>. */
  html_meta = replace (html, "charset=\"utf-8\"", "charset=\"gb18030\"");
  gb_html = g_convert (html_meta, -1, "GB18030", "UTF-8", NULL, &gb_html_length, NULL);
  g_assert_nonnull (gb_html);
  variants[3] = gb_html;
  lengths[0] = strlen (wrapped);
  lengths[1] = strlen (layout);
  lengths[2] = gb_length;
  lengths[3] = gb_html_length;

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new (variants[v], lengths[v]);

      g_assert_true (nb_import_read_bytes (import, bytes, NB_IMPORT_AUTO, &error));
      g_assert_no_error (error);
      assert_same_report (nb_import_get_report (import), sample);
    }
}

/* Every number the importer reports must be one the input has (or, for a run of digits
 * it split, part of one). */
static void
assert_no_invention (NbImport *import, const char *input)
{
  NbReport *report = nb_import_get_report (import);
  g_autoptr(GRegex) numbers = g_regex_new ("[0-9]+(?:\\.[0-9]+)?", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *valid = g_utf8_make_valid (input, -1);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);

  if (report == NULL)
    return;
  g_regex_match (numbers, nfkc, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (seen, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      NbImportCellState state = nb_import_get_cell_state (import, i);
      const NbCell *cell = nb_report_get_cell (report, i);
      g_autofree char *text = nb_report_format_cell (report, i);

      if (state == NB_IMPORT_CELL_MISSING)
        g_assert_cmpint (cell->state, ==, NB_CELL_BLANK);
      if (state != NB_IMPORT_CELL_FOUND || cell->state != NB_CELL_VALUE)
        continue;
      if (!g_hash_table_contains (seen, text))
        g_error ("cell %s = %s is not in the input", nb_format_cell (i)->key, text);
    }
}

static void
import_text (NbImport *import, const char *text)
{
  g_autoptr(GError) error = NULL;

  nb_import_read_text (import, text, -1, &error);
}

static void
test_truncated (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  gsize length;

  g_file_get_contents (path, &seed, &length, NULL);
  g_assert_nonnull (seed);
  /* Cut at every line end: whatever is read equals the sample. */
  for (gsize at = 0; at <= length; at++)
    {
      g_autoptr(NbImport) import = NULL;
      g_autofree char *head = NULL;
      NbReport *report;

      if (at < length && seed[at] != '\n')
        continue;
      head = g_strndup (seed, at);
      import = nb_import_new ();
      import_text (import, head);
      assert_no_invention (import, head);
      report = nb_import_get_report (import);
      if (report == NULL)
        continue;
      for (guint i = 0; i < nb_format_n_cells (); i++)
        if (nb_import_get_cell_state (import, i) == NB_IMPORT_CELL_FOUND)
          g_assert_cmpint (nb_report_value (report, i), ==, nb_report_value (sample, i));
    }
  /* And at arbitrary bytes, invalid UTF-8 included: no crash, nothing invented. */
  for (gsize at = 1; at < length; at += 37)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autofree char *head = g_strndup (seed, at);

      import_text (import, head);
      assert_no_invention (import, head);
    }
}

static void
test_shuffled (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241231);
  guint n;

  g_file_get_contents (path, &seed, NULL, NULL);
  lines = g_strsplit (seed, "\n", -1);
  n = g_strv_length (lines);
  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autofree char *text = NULL;

      /* A few swaps early on, whole shuffles later. */
      for (guint k = 0; k < (round < 20 ? 3 : n); k++)
        {
          guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
          char *tmp = lines[a];

          lines[a] = lines[b];
          lines[b] = tmp;
        }
      text = g_strjoinv ("\n", lines);
      import_text (import, text);
      assert_no_invention (import, text);
    }
}


/* One cell per line with blank lines between, and no bars: the blank cell of the sample
 * cannot be placed, so its row is listed as not found; everything else is read. */
static void
test_cell_per_line (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(NbImport) import = nb_import_new ();
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int row = nb_format_s3_row ("na_need_create");

  g_file_get_contents (path, &seed, NULL, NULL);
  lines = g_strsplit (seed, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);
      char *bar = strchr (line, '|');

      if (bar)
        *bar = '\0';
      g_strstrip (line);
      if (line[0])
        g_string_append_printf (text, "%s\n\n", line);
    }
  import_text (import, text->str);
  g_assert_nonnull (nb_import_get_report (import));
  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCellDef *def = nb_format_cell (i);
      NbImportCellState state = nb_import_get_cell_state (import, i);

      if (def->table == NB_TABLE_S3 && g_str_equal (def->row_key, nb_format_s3_row_key (row)))
        g_assert_cmpint (state, ==, NB_IMPORT_CELL_MISSING);
      else
        {
          g_assert_cmpint (state, ==, NB_IMPORT_CELL_FOUND);
          g_assert_cmpint (nb_report_value (nb_import_get_report (import), i), ==, nb_report_value (sample, i));
        }
    }
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 7);
}

/* The seed's narrative with the tables as a browser copies them: tab-separated rows. The
 * row starting with @row (if any) has @from replaced by @to. */
static char *
tab_separated_text (NbReport *sample, const char *row, const char *from, const char *to)
{
  GString *text = g_string_new (NULL);
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  guint line = 0;

  g_file_get_contents (path, &seed, NULL, NULL);
  lines = g_strsplit (seed, "\n", -1);
  for (; lines[line] && !strchr (lines[line], '|'); line++)
    g_string_append_printf (text, "%s\n", lines[line]);
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      g_autoptr(GPtrArray) rows = nb_test_table_lines (sample, t, "\t");

      if (t > 0)
        g_string_append_printf (text, "%s\n", nb_report_get_section_title (sample, t + 1));
      for (guint r = 0; r < rows->len; r++)
        {
          const char *cells = g_ptr_array_index (rows, r);
          g_autofree char *edited = row && g_str_has_prefix (cells, row) ? replace (cells, from, to) : NULL;

          g_string_append_printf (text, "%s\n", edited ? edited : cells);
        }
    }
  g_string_append_printf (text, "%s\n%s\n%s\n", nb_report_get_section_title (sample, 4),
                          nb_report_get_text (sample, NB_TEXT_S5), nb_report_get_section_title (sample, 5));
  g_string_append (text, nb_report_get_text (sample, NB_TEXT_S6));
  return g_string_free (text, FALSE);
}

/* Tables copied from a browser: tab-separated rows, the blank cell an empty last field. */
static void
test_tab_separated (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(NbImport) import = nb_import_new ();
  g_autofree char *text = tab_separated_text (sample, NULL, NULL, NULL);

  import_text (import, text);
  assert_same_report (nb_import_get_report (import), sample);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_BLANK), ==, 1);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
}

/* A row per line with bars between cells; an empty position inside a line is a blank. */
static void
test_row_per_line (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL, *text = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  NbReport *report;
  int issued = nb_format_cell_index ("s2.a1.rules.issued");
  int repealed = nb_format_cell_index ("s2.a1.rules.repealed");

  g_file_get_contents (path, &seed, NULL, NULL);
  text = replace (seed, "规章 |\n0 |\n0 |\n0 |", "规章 | | 0 | 0 |");
  import_text (import, text);
  report = nb_import_get_report (import);
  g_assert_cmpint (nb_import_get_cell_state (import, issued), ==, NB_IMPORT_CELL_BLANK);
  g_assert_cmpint (nb_report_get_cell (report, issued)->state, ==, NB_CELL_BLANK);
  g_assert_cmpint (nb_import_get_cell_state (import, repealed), ==, NB_IMPORT_CELL_FOUND);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_BLANK), ==, 2);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
}

/* Cells run together: split only when one reading alone fits. */
static void
test_run_together (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  g_autofree char *rules = NULL, *both = NULL, *ambiguous = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GPtrArray) findings = NULL;
  NbReport *report;
  int open_np = nb_format_cell_index ("s3.open.np");

  g_file_get_contents (path, &seed, NULL, NULL);
  /* 规章000: three zeros, the only way to cut "000" into three numbers. */
  rules = replace (seed, "规章 |\n0 |\n0 |\n0 |", "规章000 |");
  import_text (import, rules);
  report = nb_import_get_report (import);
  for (guint c = 0; c < 3; c++)
    {
      const char *keys[] = { "s2.a1.rules.issued", "s2.a1.rules.repealed", "s2.a1.rules.valid" };
      int i = nb_format_cell_index (keys[c]);

      g_assert_cmpint (nb_import_get_cell_state (import, i), ==, NB_IMPORT_CELL_RESOLVED);
      g_assert_cmpint (nb_report_value (report, i), ==, 0);
    }

  /* 二、上年结转 0000000: seven zeros, one reading. */
  both = replace (seed, "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 | ||",
                  "二、上年结转政府信息公开申请数量 |\n0000000 ||");
  import_text (import, both);
  g_assert_cmpint (nb_import_get_cell_state (import, nb_format_cell_index ("s3.carry_in.total")),
                   ==, NB_IMPORT_CELL_RESOLVED);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);

  /* (一)予以公开 17 1 0 0 1 0 19 as "1710010 19": several readings add up along the row
   * (17·1·0·0·1·0 = 19, 1·7·10·0·1·0 = 19 …), but only the first lets every column of the
   * table add up (予以公开 + … = （七）总计): the table decides. */
  ambiguous = replace (seed, "(一)予以公开 |\n17 |\n1 |\n0 |\n0 |\n1 |\n0 |\n19 | |",
                       "(一)予以公开 |\n1710010 |\n19 | |");
  import_text (import, ambiguous);
  report = nb_import_get_report (import);
  g_assert_cmpint (nb_import_get_cell_state (import, open_np), ==, NB_IMPORT_CELL_RESOLVED);
  g_assert_cmpint (nb_report_value (report, open_np), ==, 17);
  g_assert_cmpint (nb_report_value_by_key (report, "s3.open.biz"), ==, 1);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);

  /* The same with （七）总计 not printed: nothing decides, the row is not read, and no
   * arithmetic rule fires on guessed numbers. */
  g_free (ambiguous);
  ambiguous = replace (seed, "(一)予以公开 |\n17 |\n1 |\n0 |\n0 |\n1 |\n0 |\n19 | |",
                       "(一)予以公开 |\n1710010 |\n19 | |");
  {
    char *undecided = replace (ambiguous, "(七)总计 |\n47 |\n3 |\n0 |\n0 |\n1 |\n0 |\n51 | ||",
                               "");

    g_free (ambiguous);
    ambiguous = undecided;
  }
  import_text (import, ambiguous);
  report = nb_import_get_report (import);
  g_assert_cmpint (nb_import_get_cell_state (import, open_np), ==, NB_IMPORT_CELL_MISSING);
  g_assert_cmpint (nb_report_get_cell (report, open_np)->state, ==, NB_CELL_BLANK);
  /* The row and （七）总计. */
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 14);
  findings = nb_checks_run (report, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      /* The unread row is listed cell by cell as a limit of the import, not as a blank of
       * the source; the arithmetic over it says so too. */
      if (g_str_equal (f->where, "s3.open.np"))
        {
          g_assert_cmpstr (f->rule, ==, "R-F-05");
          g_assert_cmpint (f->severity, ==, NB_SEVERITY_INFO);
          g_assert_true (nb_finding_is_import_limit (f));
        }
      if (g_str_has_prefix (f->rule, "R-T3-0") && g_str_equal (f->where, "s3.results_total.np"))
        g_assert_true (nb_finding_is_import_limit (f));
    }
}

/* A figure ending a sentence glued to the next (“7926.日常管理…”, as the fuzzer found):
 * its last digit is no ordinal, since no numbered label of the format is “6.” and opens so
 * (“其他” and “属于” open labels, but not the sixth's with these words). */
static void
test_figure_before_full_stop (void)
{
  static const char *const sentences[] = { "日常管理", "其他费用", "属于本年" };
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  int i = nb_format_cell_index ("s2.a8.fees");

  g_file_get_contents (path, &seed, NULL, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sentences); s++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autofree char *to = g_strdup_printf ("7926.%s |", sentences[s]);
      g_autofree char *glued = replace (seed, "7926.3139 |", to);
      g_autofree char *fees = NULL;

      import_text (import, glued);
      g_assert_nonnull (nb_import_get_report (import));
      fees = nb_report_format_cell (nb_import_get_report (import), i);
      g_assert_cmpstr (fees, ==, "7926");
    }
}

/* Portal text with no line breaks: the headings inside the running text, every row's
 * figures run together. Where the table's arithmetic decides, the figures are read; table
 * 二's three counts “253” could be 2·5·3 only, “2513” could be 2·5·13, 25·1·3 …: blank and
 * listed, never guessed. */
static void
test_portal_run_together (void)
{
  static const char head[] =
    "标题: 某某县某某局2022年政府信息公开工作年度报告\n文号: \n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/nb/1.htm\n"
    "==================== 正文 ====================\n"
    "当前位置： 首页 政务公开 年报 来源：某某县人民政府 时间：2023-01-20 16:34 微信 微博 相关链接： --> 根据《条例》编制本报告，统计期限为2022年1月1日至12月31日。"
    "一、总体情况本局主动公开信息120条。（一）主动公开方面。按要求公开。（二）依申请公开方面。收到申请3件。"
    "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件%s"
    "第二十条第（五）项信息内容本年处理决定数量行政许可56 第二十条第（六）项信息内容本年处理决定数量行政处罚12行政强制0"
    "第二十条第（八）项信息内容 本年收费金额（单位：万元）行政事业性收费0"
    "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    "一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开2000002"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）1000001（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"
    "3.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息0000000"
    "7.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息00000002.没有现成信息需要另行制作0000000"
    "3.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物0000000"
    "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理"
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000"
    "3.其他0000000（七）总计3000003四、结转下年度继续办理0000000"
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000"
    "五、存在的主要问题及改进情况公开形式单一，下一步将加以改进。六、其他需要报告的事项本年度未收取信息处理费。";
  g_autofree char *unique = g_strdup_printf (head, "253");
  g_autofree char *ambiguous = g_strdup_printf (head, "2513");
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GPtrArray) findings = NULL;
  NbReport *report;
  int issued = nb_format_cell_index ("s2.a1.norms.issued");

  import_text (import, unique);
  report = nb_import_get_report (import);
  g_assert_nonnull (report);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_assert_true (nb_report_get_section_present (report, s));
  g_assert_cmpuint (nb_report_get_n_parts (report), ==, 2);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_TITLE), ==, "某某县某某局2022年政府信息公开工作年度报告");
  /* The dump's header lines and the page's breadcrumbs are no preamble. */
  g_assert_true (g_str_has_prefix (nb_report_get_text (report, NB_TEXT_PREAMBLE), "根据《条例》"));
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
  g_assert_cmpint (nb_report_value (report, issued), ==, 2);
  g_assert_cmpint (nb_report_value_by_key (report, "s2.a1.norms.valid"), ==, 3);
  g_assert_cmpint (nb_report_value_by_key (report, "s3.open.np"), ==, 2);
  g_assert_cmpint (nb_report_value_by_key (report, "s3.results_total.total"), ==, 3);
  findings = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-07"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-13"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-02"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-03"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Headings worded the 2019 way, inside the running text: found all the same (R-F-02). */
  {
    g_autoptr(NbImport) reworded = nb_import_new ();
    g_autofree char *a = replace (unique, "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开申请行政复议、提起行政诉讼的情况");
    g_autofree char *b = replace (a, "五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况");
    g_autoptr(GPtrArray) found = NULL;

    import_text (reworded, b);
    for (guint s = 0; s < NB_N_SECTIONS; s++)
      g_assert_true (nb_report_get_section_present (nb_import_get_report (reworded), s));
    g_assert_cmpuint (nb_import_count (reworded, NB_IMPORT_CELL_MISSING), ==, 0);
    found = nb_checks_run (nb_import_get_report (reworded), NULL);
    g_assert_cmpuint (nb_test_count_rule (found, "R-F-01"), ==, 0);
    g_assert_cmpuint (nb_test_count_rule (found, "R-F-02"), ==, 2);
  }

  /* 其它 for 其他 in the labels, as some offices type it: the ordinals glued to the
   * figures before them are still told apart (one character of four may differ). */
  {
    g_autoptr(NbImport) variant = nb_import_new ();
    g_autofree char *a = replace (unique, "2.其他法律行政法规禁止公开", "2.其它法律行政法规禁止公开");
    g_autofree char *b = replace (a, "3.其他0000000", "3.其它0000000");

    import_text (variant, b);
    g_assert_cmpuint (nb_import_count (variant, NB_IMPORT_CELL_MISSING), ==, 0);
    g_assert_cmpint (nb_report_value_by_key (nb_import_get_report (variant), "s3.results_total.total"), ==, 3);
  }

  import_text (import, ambiguous);
  report = nb_import_get_report (import);
  g_assert_cmpint (nb_import_get_cell_state (import, issued), ==, NB_IMPORT_CELL_MISSING);
  g_assert_cmpint (nb_report_get_cell (report, issued)->state, ==, NB_CELL_BLANK);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 3);
  findings = nb_checks_run (report, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      /* The three unread cells are a limit of the import, not warnings about the source. */
      if (g_str_has_prefix (f->where, "s2.a1.norms"))
        {
          g_assert_true (nb_finding_is_import_limit (f));
          g_assert_cmpint (f->severity, ==, NB_SEVERITY_INFO);
        }
    }
}

/* Table 三 printed in 2021 but with （六）其他处理 as one 2019 row: the report is read, R-F-03
 * names the remnant, the row stays a note and counts in the column sums. */
static void
test_remnant (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL, *text = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(NbReport) reloaded = NULL;
  g_autofree char *saved = NULL;
  NbReport *report;
  const char *start, *stop;

  g_file_get_contents (path, &seed, NULL, NULL);
  start = strstr (seed, "(六)其他处理 |");
  stop = strstr (seed, "(七)总计 |");
  g_assert_true (start && stop);
  text = g_strdup_printf ("%.*s(六)其他处理 |\n3 |\n0 |\n0 |\n0 |\n0 |\n0 |\n3 | ||\n%s",
                          (int) (start - seed), seed, stop);
  g_assert_true (nb_import_read_text (import, text, -1, &error));
  g_assert_no_error (error);
  report = nb_import_get_report (import);
  g_assert_cmpint (nb_report_value_by_key (report, "s3.results_total.total"), ==, 51);
  g_assert_cmpint (nb_report_value_by_key (report, "s2.a1.norms.valid"), ==, 95);
  g_assert_cmpint (nb_report_get_cell (report, nb_format_cell_index ("s3.oth_other.np"))->state, ==, NB_CELL_BLANK);
  g_assert_nonnull (strstr (nb_report_get_text (report, NB_TEXT_S3_NOTE), "（未分列）"));
  /* The summary line of the note names the row and its figures. */
  {
    GPtrArray *notes = nb_import_get_notes (import);
    g_autofree char *line = NULL;

    g_assert_cmpuint (notes->len, ==, 1);
    line = nb_import_note_describe (g_ptr_array_index (notes, 0));
    g_assert_nonnull (strstr (line, "（六）其他处理"));
    g_assert_nonnull (strstr (line, "3 0 0 0 0 0 3"));
  }

  /* Checked as a saved file is: R-F-03 once, on table 三; the columns add up with the row. */
  saved = nb_document_serialize (report, NULL);
  reloaded = nb_document_parse (saved, -1, "remnant", &error);
  g_assert_no_error (error);
  findings = nb_checks_run (reloaded, NULL);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-03"), ==, 1);
  g_assert_cmpstr (nb_test_find_rule (findings, "R-F-03")->where, ==, "s3");
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-02"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-03"), ==, 0);
  for (guint i = 0; i < findings->len; i++)
    g_assert_false (g_str_equal (((NbFinding *) g_ptr_array_index (findings, i))->rule, "R-F-05") &&
                    g_str_has_prefix (((NbFinding *) g_ptr_array_index (findings, i))->where, "s3.oth_"));
  /* Table rules still run: a break elsewhere is found. */
  nb_report_set_value (reloaded, nb_format_cell_index ("s4.rev.total"), 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = nb_checks_run (reloaded, NULL);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T4-01"), ==, 1);
}

/* Cells with a unit or a note, full-width digits and the look-alike 〇. */
static void
test_noted_cells (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL, *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GPtrArray) findings = NULL;
  NbReport *report;

  g_file_get_contents (path, &seed, NULL, NULL);
  a = replace (seed, "行政规范性文件 |\n11 |", "行政规范性文件 |\n11（含修订3件） |");
  b = replace (a, "一、本年新收政府信息公开申请数量 |\n48 |", "一、本年新收政府信息公开申请数量 |\n４８件 |");
  c = replace (b, "(七)总计 |\n47 |", "(七)总计 |\n4〇 7 |");
  {
    char *d = replace (c, "二、上年结转政府信息公开申请数量 |\n0 |", "二、上年结转政府信息公开申请数量 |\n0.00 |");

    g_free (c);
    c = d;
  }
  import_text (import, c);
  report = nb_import_get_report (import);
  g_assert_cmpint (nb_report_value_by_key (report, "s2.a1.norms.issued"), ==, 11);
  g_assert_cmpint (nb_report_value_by_key (report, "s3.new.np"), ==, 48);
  findings = nb_checks_run (report, NULL);
  /* Each printed form is R-F-06's, with the text as printed; no note is taken for a figure. */
  g_assert_cmpint (nb_report_get_cell (report, nb_format_cell_index ("s3.carry_in.np"))->state, ==, NB_CELL_VALUE);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-06"), ==, 3);
  g_assert_nonnull (strstr (nb_test_find_rule (findings, "R-F-06")->message, "含修订3件"));
  /* Once the user types the plain figure, the printed form no longer applies. */
  nb_report_set_cell_text (report, nb_format_cell_index ("s2.a1.norms.issued"), "12");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-06"), ==, 2);
  /* “4〇 7” is no figure: the row is not guessed. */
  g_assert_cmpint (nb_import_get_cell_state (import, nb_format_cell_index ("s3.results_total.np")), ==,
                   NB_IMPORT_CELL_MISSING);
}

/* A narrative figure is never compared with a blank cell (rules.md §0). */
static void
test_narrative_against_blank (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) before = nb_checks_run (report, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  /* The sample states 制发行政规范性文件12件 against 11: R-T2-05. A blank is no claim. */
  g_assert_cmpuint (nb_test_count_rule (before, "R-T2-05"), ==, 1);
  nb_report_set_blank (report, nb_format_cell_index ("s2.a1.norms.issued"), NULL);
  /* 予以公开19件 against a blank 总计; 行政复议3件 against a blank 总计. */
  nb_report_set_blank (report, nb_format_cell_index ("s3.open.total"), NULL);
  nb_report_set_blank (report, nb_format_cell_index ("s4.rev.total"), NULL);
  /* 占36.54% of a blank 本年新收: no share to compute. */
  nb_report_set_blank (report, nb_format_cell_index ("s3.new.total"), NULL);
  after = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_test_count_rule (after, "R-T2-05"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (after, "R-T3-06"), ==, 0);
  for (guint i = 0; i < after->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (after, i);

      g_assert_false (g_str_equal (f->rule, "R-T3-05") && strstr (f->message, "予以公开"));
      g_assert_cmpstr (f->rule, !=, "R-T4-02");
    }
  /* A figure against a filled cell that disagrees is still found. */
  nb_report_set_value (report, nb_format_cell_index ("s3.open.total"), 18);
  changed = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_test_count_rule (changed, "R-T3-05"), >=, 1);
}

static void
test_legacy_layout (void)
{
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gsize length;
  g_autofree char *text = read_data ("legacy-2019.txt", &length);
  NbReport *report;
  gboolean rf03 = FALSE;

  g_assert_false (nb_import_read_text (import, text, length, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_LEGACY);
  g_assert_cmpstr (error->message, ==,
                   "表格使用的是2019年试行格式，请按《中华人民共和国政府信息公开工作年度报告格式》"
                   "（国办公开办函〔2021〕30号）重新填报。");
  report = nb_import_get_report (import);
  g_assert_nonnull (report);
  g_assert_nonnull (nb_report_get_legacy_markers (report));
  /* Table 二's 2019 columns mean something else: nothing is carried over. */
  g_assert_cmpint (nb_report_get_cell (report, nb_format_cell_index ("s2.a1.norms.issued"))->state, ==,
                   NB_CELL_BLANK);
  /* What maps is mapped: table 三 outside （六）, and table 四. */
  g_assert_cmpint (nb_report_value (report, nb_format_cell_index ("s3.new.total")), ==, 5);
  g_assert_cmpint (nb_report_value (report, nb_format_cell_index ("s4.rev.total")), ==, 1);

  findings = nb_checks_run (report, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      rf03 |= g_str_equal (f->rule, "R-F-03");
      g_assert_false (g_str_has_prefix (f->rule, "R-T"));
    }
  g_assert_true (rf03);
}

static void
test_label_variant (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL;
  g_autofree char *text = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GPtrArray) findings = NULL;
  gboolean rf04 = FALSE;

  g_file_get_contents (path, &seed, NULL, NULL);
  text = replace (seed, "行政规范性文件 |\n11 |", "规范性文件 |\n11 |");
  import_text (import, text);
  g_assert_cmpint (nb_report_value (nb_import_get_report (import), nb_format_cell_index ("s2.a1.norms.issued")),
                   ==, 11);
  findings = nb_checks_run (nb_import_get_report (import), NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, "R-F-04"))
        {
          rf04 = TRUE;
          g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
          g_assert_cmpstr (f->message, ==, "表格项目“规范性文件”与规范名称“行政规范性文件”不一致，请使用规范名称。");
        }
    }
  g_assert_true (rf04);
}

/* Labels numbered or abridged a report's own way, in the table's order: read, and noted. */
static void
test_abridged_labels (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autofree char *path = seed_path ();
  g_autofree char *seed = NULL, *a = NULL, *b = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  GPtrArray *notes;

  g_file_get_contents (path, &seed, NULL, NULL);
  a = replace (seed, "(二)部分公开(区分处理的,只计这一情形,不计其他情形) |", "(二)部分公开 |");
  b = replace (a, "1.属于国家秘密 |", "(1)属于国家秘密 |");
  import_text (import, b);
  assert_same_report (nb_import_get_report (import), sample);
  notes = nb_import_get_notes (import);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (((NbImportNote *) g_ptr_array_index (notes, 0))->where, ==, "s3.partial.np");
  g_assert_cmpstr (((NbImportNote *) g_ptr_array_index (notes, 1))->actual, ==, "(1)属于国家秘密");
}

/* Not a report, empty, binary: a clear error, never a crash. */
static void
test_unreadable (void)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0";
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (binary, sizeof binary - 1);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4 broken", 15);

  g_assert_false (nb_import_read_text (import, "", 0, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_A_REPORT);
  g_clear_error (&error);
  g_assert_false (nb_import_read_bytes (import, bytes, NB_IMPORT_AUTO, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE);
  g_clear_error (&error);
  g_assert_false (nb_import_read_bytes (import, pdf, NB_IMPORT_AUTO, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE);
  g_clear_error (&error);
  g_assert_false (nb_import_read_html (import, "<html><body><p>你好</p></body></html>", 38, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_A_REPORT);
  g_assert_null (nb_import_get_report (import));
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("NB_CLI");
  g_autofree char *dir = g_dir_make_tmp ("nb-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "x.nianbao", NULL);
  g_autofree char *path = seed_path ();
  g_autofree char *legacy = g_test_build_filename (G_TEST_DIST, "data", "legacy-2019.txt", NULL);
  g_autofree char *html = g_test_build_filename (G_TEST_DIST, "data", "qianjiang-2024.html", NULL);
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  const char *argv[] = { cli, "import", path, "-o", out, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(NbReport) imported = NULL, sample = nb_test_load_sample ();
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("NB_CLI not built");
      return;
    }
  /* The seed and its HTML rendering give the sample (compared through the model: the
   * file's bytes are the writer's business). */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&stdout_text, g_free);
      g_clear_pointer (&stderr_text, g_free);
      g_clear_object (&file);
      g_clear_object (&imported);
      argv[2] = i == 0 ? path : html;
      g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (stdout_text, "found: 199, blank: 1, not found: 0"));
      file = g_file_new_for_path (out);
      imported = nb_document_load (file, NULL, &error);
      g_assert_no_error (error);
      assert_same_report (imported, sample);
      g_unlink (out);
    }

  /* The 2019 layout is refused and nothing is written. */
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);
  argv[2] = legacy;
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (stderr_text, "2019年试行格式"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* The fixtures: cut in the middle of table 三, and table 三's lines shuffled. */
static void
test_damaged_fixtures (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  gsize length;
  g_autofree char *cut = read_data ("qianjiang-2024-truncated.txt", &length);
  g_autofree char *shuffled = read_data ("qianjiang-2024-shuffled.txt", NULL);
  g_autoptr(NbImport) import = nb_import_new ();
  NbReport *report;
  int last_row = nb_format_s3_row ("deny_internal");

  import_text (import, cut);
  report = nb_import_get_report (import);
  g_assert_nonnull (report);
  assert_no_invention (import, cut);
  /* Rows before the cut are read; the cut row and all after it are listed. */
  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCellDef *def = nb_format_cell (i);
      gboolean before = def->table == NB_TABLE_S2 ||
                        (def->table == NB_TABLE_S3 && nb_format_s3_row (def->row_key) < last_row);

      if (before)
        {
          g_assert_cmpint (nb_import_get_cell_state (import, i), ==, NB_IMPORT_CELL_FOUND);
          g_assert_cmpint (nb_report_value (report, i), ==, nb_report_value (sample, i));
        }
      else
        g_assert_cmpint (nb_import_get_cell_state (import, i), ==, NB_IMPORT_CELL_MISSING);
    }
  g_assert_false (nb_report_get_section_present (report, 3));

  import_text (import, shuffled);
  assert_no_invention (import, shuffled);
  /* Table 二 is intact; table 三 is mostly unreadable, and nothing is made up. */
  g_assert_cmpint (nb_report_value (nb_import_get_report (import), nb_format_cell_index ("s2.a6.penalty")),
                   ==, 276451);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), >, 100);
}

/* Who reports, from the title. */
static void
test_agency (void)
{
  static const struct {
    const char   *title;
    const char   *agency;
    NbAgencyLevel level;
    NbRegionLevel region;
    gboolean      government;
  } cases[] = {
    { "重庆市黔江区2024年政府信息公开工作年度报告", "重庆市黔江区人民政府", NB_LEVEL_COUNTY_GOV, NB_REGION_COUNTY, TRUE },
    { "重庆市黔江区人民政府2024年政府信息公开工作年度报告", "重庆市黔江区人民政府", NB_LEVEL_COUNTY_GOV, NB_REGION_COUNTY, TRUE },
    { "重庆市2024年政府信息公开工作年度报告", "重庆市人民政府", NB_LEVEL_PROVINCIAL_GOV, NB_REGION_PROVINCIAL, TRUE },
    { "江苏省苏州市2023年政府信息公开工作年度报告", "江苏省苏州市人民政府", NB_LEVEL_PREFECTURE_GOV, NB_REGION_PREFECTURE, TRUE },
    { "苏州市昆山市2023年政府信息公开工作年度报告", "苏州市昆山市人民政府", NB_LEVEL_COUNTY_GOV, NB_REGION_COUNTY, TRUE },
    { "某某县某某镇2023年政府信息公开工作年度报告", "某某县某某镇人民政府", NB_LEVEL_TOWNSHIP_GOV, NB_REGION_TOWNSHIP, TRUE },
    { "某某区某某街道2023年政府信息公开工作年度报告", "某某区某某街道办事处", NB_LEVEL_SUBDISTRICT, NB_REGION_TOWNSHIP, FALSE },
    { "重庆市黔江区民政局2024年政府信息公开工作年度报告", "重庆市黔江区民政局", NB_LEVEL_DEPARTMENT, NB_REGION_COUNTY, FALSE },
    { "重庆市民政局2024年政府信息公开工作年度报告", "重庆市民政局", NB_LEVEL_DEPARTMENT, NB_REGION_PROVINCIAL, FALSE },
    { "国家统计局2024年政府信息公开工作年度报告", "国家统计局", NB_LEVEL_STATE_COUNCIL_DEPT, NB_REGION_NATIONAL, FALSE },
    { "重庆市黔江区人民政府办公室2024年政府信息公开工作年度报告", "重庆市黔江区人民政府办公室", NB_LEVEL_COUNTY_GOV, NB_REGION_COUNTY, TRUE },
    { "江苏省人民政府办公厅2023年政府信息公开工作年度报告", "江苏省人民政府办公厅", NB_LEVEL_PROVINCIAL_GOV, NB_REGION_PROVINCIAL, TRUE },
    { "上海市科学技术委员会2023年政府信息公开工作年度报告", "上海市科学技术委员会", NB_LEVEL_DEPARTMENT, NB_REGION_PROVINCIAL, FALSE },
    { "某某市某某区某某街道办事处2023年政府信息公开工作年度报告", "某某市某某区某某街道办事处", NB_LEVEL_SUBDISTRICT, NB_REGION_TOWNSHIP, FALSE },
    { "某某经济技术开发区管委会2023年政府信息公开工作年度报告", "某某经济技术开发区管委会", NB_LEVEL_DEPARTMENT, NB_REGION_COUNTY, FALSE },
  };
  /* Whether the title decides the level; when it does not, the summary says so. */
  static const struct {
    const char *title;
    gboolean    decided;
  } decided[] = {
    { "重庆市黔江区2024年政府信息公开工作年度报告", TRUE },
    { "某某县某某镇2023年政府信息公开工作年度报告", TRUE },
    { "重庆市黔江区民政局2024年政府信息公开工作年度报告", TRUE },
    { "上海市科学技术委员会2023年政府信息公开工作年度报告", TRUE },
    { "某某经济技术开发区管委会2023年政府信息公开工作年度报告", FALSE },
    { "平潭综合实验区2021年度政府信息公开工作年度报告", FALSE },
    { "2023年政府信息公开工作年度报告", FALSE },
    { "标题: 某某县某某镇2023年政府信息公开工作年度报告", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decided); i++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autofree char *text = g_strconcat (decided[i].title, "\n一、总体情况\n正文。\n", NULL);

      import_text (import, text);
      g_assert_nonnull (nb_import_get_report (import));
      if (decided[i].decided)
        g_assert_null (nb_import_get_level_note (import));
      else
        g_assert_nonnull (nb_import_get_level_note (import));
      /* The crawler's 标题: is no part of the title. */
      g_assert_false (g_str_has_prefix (nb_report_get_text (nb_import_get_report (import), NB_TEXT_TITLE), "标题"));
    }

  /* A title set over two lines. */
  {
    g_autoptr(NbImport) import = nb_import_new ();

    import_text (import, "重庆市黔江区民政局\n2024年政府信息公开工作年度报告\n根据《条例》编制本报告。\n一、总体情况\n正文。\n");
    g_assert_cmpstr (nb_report_get_text (nb_import_get_report (import), NB_TEXT_TITLE), ==,
                     "重庆市黔江区民政局2024年政府信息公开工作年度报告");
    g_assert_cmpstr (nb_report_get_text (nb_import_get_report (import), NB_TEXT_PREAMBLE), ==, "根据《条例》编制本报告。");
    g_assert_cmpint (nb_report_get_level (nb_import_get_report (import)), ==, NB_LEVEL_DEPARTMENT);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autofree char *text = g_strconcat (cases[i].title, "\n一、总体情况\n正文。\n", NULL);
      NbReport *report;

      import_text (import, text);
      report = nb_import_get_report (import);
      g_assert_nonnull (report);
      g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_AGENCY), ==, cases[i].agency);
      g_assert_cmpint (nb_report_get_level (report), ==, cases[i].level);
      g_assert_cmpint (nb_report_get_region (report), ==, cases[i].region);
      g_assert_cmpint (nb_report_get_people_government (report), ==, cases[i].government);
      g_assert_cmpint (nb_report_get_year (report), ==, g_ascii_strtoll (strstr (cases[i].title, "20"), NULL, 10));
    }
}


/* The seed with @from replaced everywhere by @to. */
static char *
replace_all (const char *text, const char *from, const char *to)
{
  g_auto(GStrv) pieces = g_strsplit (text, from, -1);

  return g_strjoinv (to, pieces);
}

static char *
read_seed (void)
{
  g_autofree char *path = seed_path ();
  char *seed = NULL;

  g_assert_true (g_file_get_contents (path, &seed, NULL, NULL));
  return seed;
}

/* Line endings, a byte-order mark and full-width digits change nothing. */
static void
test_adversarial_encoding (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autofree char *seed = read_seed ();
  g_autofree char *crlf = replace_all (seed, "\n", "\r\n");
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", crlf, NULL);
  g_autoptr(GRegex) cell = g_regex_new ("^([0-9]+)( \\|)", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *fw = NULL;
  const char *variants[3];

  /* 48 | → ４８ | in every value cell. */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(GMatchInfo) match = NULL;
    gint last = 0;

    g_regex_match (cell, seed, 0, &match);
    while (g_match_info_matches (match))
      {
        gint start, end;

        g_match_info_fetch_pos (match, 1, &start, &end);
        g_string_append_len (out, seed + last, start - last);
        for (gint i = start; i < end; i++)
          g_string_append_unichar (out, 0xFF10 + (seed[i] - '0'));
        last = end;
        g_match_info_next (match, NULL);
      }
    g_string_append (out, seed + last);
    fw = g_strdup (out->str);
  }
  g_assert_nonnull (strstr (fw, "４８ |"));
  variants[0] = crlf;
  variants[1] = bom;
  variants[2] = fw;
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(NbImport) import = nb_import_new ();

      import_text (import, variants[v]);
      assert_same_report (nb_import_get_report (import), sample);
      g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
    }
}

/* A dash, a slash or an &nbsp; left as text in a value cell is a blank that keeps the
 * mark; the rest of the row is read in place. */
static void
test_adversarial_dashes (void)
{
  static const char *const marks[] = { "—", "/", "&nbsp;", "-" };
  g_autofree char *seed = read_seed ();
  guint biz = nb_format_cell_index ("s3.new.biz"), ngo = nb_format_cell_index ("s3.new.ngo");

  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autofree char *cell = g_strdup_printf ("\n%s |\n0 |\n0 |\n1 |", marks[m]);
      g_autofree char *text = replace (seed, "\n3 |\n0 |\n0 |\n1 |", cell);
      NbReport *report;

      import_text (import, text);
      report = nb_import_get_report (import);
      g_assert_cmpint (nb_import_get_cell_state (import, biz), ==, NB_IMPORT_CELL_BLANK);
      g_assert_cmpint (nb_report_get_cell (report, biz)->state, ==, NB_CELL_BLANK);
      g_assert_cmpstr (nb_report_get_cell (report, biz)->raw, ==, marks[m]);
      g_assert_cmpint (nb_report_get_cell (report, ngo)->state, ==, NB_CELL_VALUE);
      g_assert_cmpint (nb_report_get_cell (report, nb_format_cell_index ("s3.new.legal"))->value, ==, 1);
      g_assert_cmpint (nb_report_get_cell (report, nb_format_cell_index ("s3.new.total"))->value, ==, 52);
      g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_BLANK), ==, 2);
      g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 0);
    }
}

/* A value position lost from a row (its line gone, or its tab-separated field gone)
 * leaves the row unread and listed: the next values never move left. */
static void
test_adversarial_missing_cell (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autofree char *seed = read_seed ();
  g_autofree char *bars = replace (seed, "\n3 |\n0 |\n0 |\n1 |", "\n0 |\n0 |\n1 |");
  g_autofree char *tabs = tab_separated_text (sample, "一、本年新收", "\t3\t", "\t");
  const NbTableDef *t3 = nb_format_table (NB_TABLE_S3);
  const char *variants[2];

  g_assert_cmpstr (tabs, !=, bars);
  variants[0] = bars;
  variants[1] = tabs;
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      NbReport *report;

      import_text (import, variants[v]);
      report = nb_import_get_report (import);
      assert_no_invention (import, variants[v]);
      for (guint c = t3->first_cell; c < t3->first_cell + t3->n_cells; c++)
        {
          const NbCell *got = nb_report_get_cell (report, c), *want = nb_report_get_cell (sample, c);

          if (g_str_has_prefix (nb_format_cell (c)->key, "s3.new."))
            {
              g_assert_cmpint (nb_import_get_cell_state (import, c), ==, NB_IMPORT_CELL_MISSING);
              g_assert_cmpint (got->state, ==, NB_CELL_BLANK);
            }
          else if (got->state == NB_CELL_VALUE)
            g_assert_cmpint (got->value, ==, want->value);
        }
    }
}

/* Contact lines, the issuer and a date after 六 are not text of 六. */
static void
test_adversarial_closing (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autofree char *seed = read_seed ();
  g_autofree char *text = g_strconcat (seed, "\n联系电话：023-79223344\n联系地址：黔江区城东街道\n"
                                       "重庆市黔江区人民政府办公室\n2025年1月20日", NULL);
  g_autoptr(NbImport) import = nb_import_new ();
  NbReport *report;

  import_text (import, text);
  report = nb_import_get_report (import);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), ==, nb_report_get_text (sample, NB_TEXT_S6));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_CONTACT), ==,
                   "联系电话：023-79223344\n联系地址：黔江区城东街道");
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PUBLICATION_DATE), ==, "2025-01-20");
}

/* A department's report (title ending in 局) is a department, not its region's government. */
static void
test_adversarial_department (void)
{
  g_autofree char *seed = read_seed ();
  g_autofree char *text = replace (seed, "重庆市黔江区2024年", "重庆市黔江区交通局2024年");
  g_autoptr(NbImport) import = nb_import_new ();
  NbReport *report;

  import_text (import, text);
  report = nb_import_get_report (import);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_AGENCY), ==, "重庆市黔江区交通局");
  g_assert_cmpint (nb_report_get_level (report), ==, NB_LEVEL_DEPARTMENT);
  g_assert_false (nb_report_get_people_government (report));
  g_assert_cmpint (nb_report_get_region (report), ==, NB_REGION_COUNTY);

  /* The year after the subject, and the agency's name on a line of its own. */
  {
    static const char *const titles[][2] = {
      { "重庆市黔江区人民政府政府信息公开工作2024年度报告", "重庆市黔江区人民政府" },
      { "重庆市黔江区交通局\n2024年政府信息公开工作年度报告", "重庆市黔江区交通局" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr(NbImport) other = nb_import_new ();
        g_autofree char *with_break = g_strconcat (titles[i][0], "\n", NULL);
        g_autofree char *retitled = replace (seed, "重庆市黔江区2024年政府信息公开工作年度报告\n", with_break);
        import_text (other, retitled);
        g_assert_cmpstr (nb_report_get_text (nb_import_get_report (other), NB_TEXT_AGENCY), ==, titles[i][1]);
        g_assert_cmpint (nb_report_get_year (nb_import_get_report (other)), ==, 2024);
      }
  }
}

/* The report inside a portal's page: banner, breadcrumbs, article data before it, page
 * tools and footer after it; header cells as <th>; a layout table around it all. */
static void
test_adversarial_html (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  gsize length;
  g_autofree char *html = read_data ("qianjiang-2024.html", &length);
  g_autoptr(GRegex) td = g_regex_new ("<(/?)td", 0, 0, NULL);
  g_autofree char *th = g_regex_replace (td, html, -1, 0, "<\\1th", 0, NULL);
  g_autofree char *cms1 = replace (html, "<body>",
                                   "<body><div class=\"top\"><a href=\"/\">重庆市黔江区人民政府</a> <a>首页</a> "
                                   "<a>政务公开</a></div><div>当前位置：首页 &gt; 政府信息公开 &gt; 年报</div>"
                                   "<div>索引号：11500114009000000B/2025-00012 发布机构：黔江区政府办公室 "
                                   "发布日期：2025-01-20 字体：[大 中 小]</div><div class=\"article\">");
  g_autofree char *cms = replace (cms1, "</body>",
                                  "</div><div>【打印本页】【关闭窗口】</div><div>相关链接：<a>重庆市黔江区2023年"
                                  "政府信息公开工作年度报告</a></div><div>主办单位：重庆市黔江区人民政府办公室 "
                                  "联系电话：023-79223344 渝ICP备05003300号</div><div>网站地图 | 联系我们 | 使用帮助</div>"
                                  "<div>Copyright © 2025 重庆市黔江区人民政府</div></body>");
  g_autofree char *nested1 = replace (html, "<body>",
                                      "<body><table><tr><td>导航</td><td><div class=\"content\">");
  g_autofree char *nested = replace (nested1, "</body>", "</div></td></tr></table></body>");
  const char *variants[] = { th, cms, nested };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (nb_import_read_html (import, variants[v], strlen (variants[v]), &error));
      g_assert_no_error (error);
      assert_same_report (nb_import_get_report (import), sample);
    }
}

/* A <td> missing from a row of table 三: the row is unread and listed, never shifted. */
static void
test_adversarial_html_missing_cell (void)
{
  gsize length;
  g_autofree char *html = read_data ("qianjiang-2024.html", &length);
  g_autofree char *cut = replace (html, "申请数量</td><td>48</td><td>3</td>", "申请数量</td><td>48</td>");
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_import_read_html (import, cut, strlen (cut), &error));
  g_assert_no_error (error);
  assert_no_invention (import, cut);
  g_assert_cmpuint (nb_import_count (import, NB_IMPORT_CELL_MISSING), ==, 7);
  for (guint c = 0; c < nb_format_n_cells (); c++)
    if (g_str_has_prefix (nb_format_cell (c)->key, "s3.new."))
      g_assert_cmpint (nb_import_get_cell_state (import, c), ==, NB_IMPORT_CELL_MISSING);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/seed-text", test_seed_text);
  g_test_add_func ("/import/seed-html", test_seed_html);
  g_test_add_func ("/import/seed-variants", test_seed_variants);
  g_test_add_func ("/import/truncated", test_truncated);
  g_test_add_func ("/import/shuffled", test_shuffled);
  g_test_add_func ("/import/damaged-fixtures", test_damaged_fixtures);
  g_test_add_func ("/import/cell-per-line", test_cell_per_line);
  g_test_add_func ("/import/row-per-line", test_row_per_line);
  g_test_add_func ("/import/tab-separated", test_tab_separated);
  g_test_add_func ("/import/run-together", test_run_together);
  g_test_add_func ("/import/legacy-layout", test_legacy_layout);
  g_test_add_func ("/import/label-variant", test_label_variant);
  g_test_add_func ("/import/abridged-labels", test_abridged_labels);
  g_test_add_func ("/import/unreadable", test_unreadable);
  g_test_add_func ("/import/agency", test_agency);
  g_test_add_func ("/import/portal-run-together", test_portal_run_together);
  g_test_add_func ("/import/figure-before-full-stop", test_figure_before_full_stop);
  g_test_add_func ("/import/remnant", test_remnant);
  g_test_add_func ("/import/noted-cells", test_noted_cells);
  g_test_add_func ("/import/narrative-against-blank", test_narrative_against_blank);
  g_test_add_func ("/import/cli", test_cli);
  g_test_add_func ("/import/adversarial/encoding", test_adversarial_encoding);
  g_test_add_func ("/import/adversarial/dashes", test_adversarial_dashes);
  g_test_add_func ("/import/adversarial/missing-cell", test_adversarial_missing_cell);
  g_test_add_func ("/import/adversarial/closing", test_adversarial_closing);
  g_test_add_func ("/import/adversarial/department", test_adversarial_department);
  g_test_add_func ("/import/adversarial/html", test_adversarial_html);
  g_test_add_func ("/import/adversarial/html-missing-cell", test_adversarial_html_missing_cell);
  return g_test_run ();
}
