/* test-review.c — many reports at once: a folder reviewed, a region's reports merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "nb-checks.h"
#include "nb-merge.h"
#include "nb-review.h"
#include "nb-test-util.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fx, gconstpointer unused)
{
  fx->dir = g_dir_make_tmp ("nb-review-XXXXXX", NULL);
  g_assert_nonnull (fx->dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *fx, gconstpointer unused)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static char *
save (Fixture *fx, const char *name, NbReport *report)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_document_save (report, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
write_bytes (Fixture *fx, const char *name, const char *data, gssize length)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return g_steal_pointer (&path);
}

static guint
count_errors_of (GPtrArray *findings, const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      n += f->severity == NB_SEVERITY_ERROR && g_str_has_prefix (f->rule, prefix);
    }
  return n;
}

static gboolean
has_rule (const NbReviewRow *row, const char *rule)
{
  g_auto(GStrv) rules = g_strsplit (row->rules, " ", -1);

  return g_strv_contains ((const char *const *) rules, rule);
}

/* Clean, defective, unreadable and imported reports in one folder: each gets its counts,
 * the unreadable ones their reason, and the run goes on past them. */
static void
test_review_folder (Fixture *fx, gconstpointer unused)
{
  g_autoptr(NbReport) clean = nb_test_load_sample ();
  g_autoptr(NbReport) defective = nb_test_load_sample ();
  g_autoptr(GPtrArray) expected = NULL, paths = NULL, rows = NULL;
  g_autofree char *text = NULL, *sample_text = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p5 = NULL, *p6 = NULL;
  const char *inputs[] = { fx->dir, NULL };
  gsize length;
  const NbReviewRow *row;

  nb_test_set (defective, "s3.new.np", nb_report_value_by_key (defective, "s3.new.np") + 1);
  p1 = save (fx, "1-clean.nianbao", clean);
  p2 = save (fx, "2-defective.nianbao", defective);
  p3 = write_bytes (fx, "3-garbage.nianbao", "not a report", -1);
  g_assert_true (g_file_get_contents (g_getenv ("NB_SAMPLE"), &sample_text, &length, NULL));
  p4 = write_bytes (fx, "4-truncated.nianbao", sample_text, 700);
  {
    g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "data", "qianjiang-2024.txt", NULL);

    g_assert_true (g_file_get_contents (seed, &text, &length, NULL));
    p5 = write_bytes (fx, "5-published.txt", text, length);
  }
  p6 = write_bytes (fx, "6-not-a-report.html", "<html><body><p>网站地图</p></body></html>", -1);
  g_free (write_bytes (fx, "notes.odt", "ignored: not a report type", -1));

  paths = nb_review_collect (inputs);
  g_assert_cmpuint (paths->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, p1);
  g_assert_cmpstr (g_ptr_array_index (paths, 5), ==, p6);

  rows = nb_review_run (paths, NULL);
  g_assert_cmpuint (rows->len, ==, 6);

  /* The counts are those of the checks run on each report alone. */
  expected = nb_checks_run (clean, NULL);
  {
    guint counts[NB_N_SEVERITIES];

    nb_findings_count (expected, counts);
    row = g_ptr_array_index (rows, 0);
    g_assert_null (row->error);
    g_assert_cmpstr (row->agency, ==, "重庆市黔江区人民政府");
    g_assert_cmpint (row->year, ==, 2024);
    g_assert_cmpuint (row->counts[NB_SEVERITY_ERROR], ==, 0);
    g_assert_cmpuint (row->counts[NB_SEVERITY_WARNING], ==, counts[NB_SEVERITY_WARNING]);
    g_assert_cmpuint (row->counts[NB_SEVERITY_INFO], ==, counts[NB_SEVERITY_INFO]);
    g_assert_cmpuint (row->findings->len, ==, expected->len);
    g_assert_true (has_rule (row, "R-F-05"));
    g_assert_false (row->imported);
  }

  row = g_ptr_array_index (rows, 1);
  g_assert_null (row->error);
  g_assert_cmpuint (row->counts[NB_SEVERITY_ERROR], ==, 2);
  g_assert_true (has_rule (row, "R-T3-01") && has_rule (row, "R-T3-03"));

  for (guint i = 2; i <= 3; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_assert_nonnull (row->error);
      g_assert_nonnull (strstr (row->error, row->file));
      g_assert_cmpuint (row->findings->len, ==, 0);
    }

  /* Read through the importer, past the unreadable ones. */
  row = g_ptr_array_index (rows, 4);
  g_assert_null (row->error);
  g_assert_true (row->imported);
  g_assert_cmpint (row->year, ==, 2024);
  g_assert_cmpstr (row->agency, ==, "重庆市黔江区人民政府");
  g_assert_cmpuint (row->counts[NB_SEVERITY_ERROR], ==, 0);

  row = g_ptr_array_index (rows, 5);
  g_assert_nonnull (row->error);
  g_assert_nonnull (strstr (row->error, "6-not-a-report.html"));
}

/* --previous-dir: each report meets last year's report of its own agency only. */
static void
test_review_previous (Fixture *fx, gconstpointer unused)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbReport) other = nb_test_load_sample ();
  g_autoptr(NbReport) last = nb_test_load_sample ();
  g_autoptr(NbReviewPrevious) previous = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *prev_dir = g_build_filename (fx->dir, "2023", NULL);
  g_autofree char *last_path = g_build_filename (prev_dir, "qianjiang-2023.nianbao", NULL);
  const NbReviewRow *row;

  g_assert_cmpint (g_mkdir (prev_dir, 0700), ==, 0);
  nb_report_set_year (last, 2023);
  {
    g_autoptr(GFile) file = g_file_new_for_path (last_path);

    g_assert_true (nb_document_save (last, file, NULL, &error));
  }
  g_free (write_bytes (fx, "2023/broken.nianbao", "{", -1));
  /* Spaces do not make another agency. */
  nb_report_set_text (report, NB_TEXT_AGENCY, "重庆市黔江区 人民政府");
  nb_report_set_text (other, NB_TEXT_AGENCY, "重庆市黔江区财政局");
  g_ptr_array_add (paths, save (fx, "qianjiang.nianbao", report));
  g_ptr_array_add (paths, save (fx, "finance.nianbao", other));

  dir = g_file_new_for_path (prev_dir);
  previous = nb_review_previous_new (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_review_previous_get_problems (previous)->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (nb_review_previous_get_problems (previous), 0),
                            "broken.nianbao"));

  rows = nb_review_run (paths, previous);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->previous, ==, last_path);
  /* Last year's tables are the same figures: the cross-year check says so. */
  g_assert_true (has_rule (row, "R-X-04"));
  row = g_ptr_array_index (rows, 1);
  g_assert_null (row->previous);
  g_assert_false (has_rule (row, "R-X-04"));
}

/* Three crafted reports: the sample, the sample doubled, and the sample with the 行政复议
 * row of table 四 blank. Every cell of the merge is the sum of the sources' values, a cell blank in all
 * stays blank, and the merged tables pass every arithmetic rule. */
static void
test_merge_sums (Fixture *fx, gconstpointer unused)
{
  g_autoptr(NbReport) a = nb_test_load_sample ();
  g_autoptr(NbReport) b = nb_test_load_sample ();
  g_autoptr(NbReport) c = nb_test_load_sample ();
  g_autoptr(NbReport) merged = NULL, reread = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *sources[3];
  const NbTableDef *t4 = nb_format_table (NB_TABLE_S4);
  NbMergeOptions options = { "重庆市黔江区", NB_LEVEL_COUNTY_GOV, FALSE, -1 };
  guint n_blank = 0;

  for (guint i = 0; i < nb_format_n_cells (); i++)
    if (nb_report_get_cell (b, i)->state == NB_CELL_VALUE)
      nb_report_set_value (b, i, 2 * nb_report_value (b, i));
  nb_report_set_text (b, NB_TEXT_AGENCY, "重庆市黔江区财政局");
  for (guint i = t4->first_cell; i < t4->first_cell + t4->n_cells; i++)
    if (g_str_equal (nb_format_cell (i)->row_key, "rev"))
      nb_report_set_blank (c, i, NULL);
  nb_report_set_text (c, NB_TEXT_AGENCY, "重庆市黔江区城西街道办事处");
  sources[0] = a, sources[1] = b, sources[2] = c;
  for (guint s = 0; s < 3; s++)
    {
      g_autoptr(GPtrArray) f = nb_checks_run (sources[s], NULL);
      g_autofree char *name = g_strdup_printf ("s%u.nianbao", s + 1);

      g_assert_cmpuint (count_errors_of (f, "R-"), ==, 0);
      g_ptr_array_add (paths, save (fx, name, sources[s]));
    }

  merged = nb_merge_files (paths, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
  g_assert_cmpint (nb_report_get_year (merged), ==, 2024);
  g_assert_cmpstr (nb_report_get_text (merged, NB_TEXT_AGENCY), ==, "重庆市黔江区");

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      gint64 sum = 0;
      gboolean any = FALSE;

      for (guint s = 0; s < 3; s++)
        if (nb_report_get_cell (sources[s], i)->state == NB_CELL_VALUE)
          {
            any = TRUE;
            sum += nb_report_value (sources[s], i);
          }
      if (!any)
        {
          g_assert_cmpint (nb_report_get_cell (merged, i)->state, ==, NB_CELL_BLANK);
          n_blank++;
        }
      else
        {
          g_assert_cmpint (nb_report_get_cell (merged, i)->state, ==, NB_CELL_VALUE);
          g_assert_cmpint (nb_report_value (merged, i), ==, sum);
        }
    }
  /* The sample leaves s3.na_need_create.total blank: blank in all three, blank merged. */
  g_assert_cmpuint (n_blank, >=, 1);
  g_assert_cmpint (nb_report_get_cell (merged, nb_format_cell_index ("s3.na_need_create.total"))->state,
                   ==, NB_CELL_BLANK);
  g_assert_cmpint (nb_report_value_by_key (merged, "s3.new.total"), ==,
                   4 * nb_report_value_by_key (a, "s3.new.total"));
  g_assert_cmpint (nb_report_value_by_key (merged, "s4.rev.total"), ==,
                   3 * nb_report_value_by_key (a, "s4.rev.total"));

  findings = nb_checks_run (merged, NULL);
  g_assert_cmpuint (count_errors_of (findings, "R-T"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-T3-01") + nb_test_count_rule (findings, "R-T3-02") +
                    nb_test_count_rule (findings, "R-T3-03") + nb_test_count_rule (findings, "R-T4-01"),
                    ==, 0);

  /* The sources, with agency and checksum, survive a save and a load. */
  {
    g_autofree char *path = save (fx, "merged.nianbao", merged);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) first = g_file_new_for_path (g_ptr_array_index (paths, 0));
    g_autofree char *sha = nb_review_file_sha256 (first, &error);
    g_autofree char *data = NULL, *expected_sha = NULL;
    gsize length;

    reread = nb_document_load (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (nb_report_get_n_sources (reread), ==, 3);
    g_assert_cmpstr (nb_report_get_source_at (reread, 0)->file, ==, g_ptr_array_index (paths, 0));
    g_assert_cmpstr (nb_report_get_source_at (reread, 1)->agency, ==, "重庆市黔江区财政局");
    g_assert_cmpstr (nb_report_get_source_at (reread, 0)->sha256, ==, sha);
    g_assert_true (g_file_get_contents (g_ptr_array_index (paths, 0), &data, &length, NULL));
    expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) data, length);
    g_assert_cmpstr (sha, ==, expected_sha);
  }
}

static void
test_merge_refusals (Fixture *fx, gconstpointer unused)
{
  g_autoptr(NbReport) a = nb_test_load_sample ();
  g_autoptr(NbReport) older = nb_test_load_sample ();
  g_autoptr(NbReport) faulty = nb_test_load_sample ();
  g_autoptr(NbReport) merged = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *explanation = NULL;
  NbMergeOptions options = { "", NB_LEVEL_COUNTY_GOV, FALSE, -1 };
  const char *legacy[] = { "主动公开政府信息情况统计", NULL };

  g_ptr_array_add (paths, save (fx, "a.nianbao", a));
  nb_report_set_year (older, 2023);
  g_ptr_array_add (paths, save (fx, "older.nianbao", older));
  merged = nb_merge_files (paths, &options, NULL, &error);
  g_assert_null (merged);
  g_assert_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_MIXED);
  g_assert_nonnull (strstr (error->message, "older.nianbao"));
  g_assert_nonnull (strstr (error->message, "2023"));
  g_clear_error (&error);

  /* The 2019 trial layout is another format. */
  nb_report_set_year (older, 2024);
  nb_report_set_legacy_markers (older, legacy);
  g_ptr_array_remove_index (paths, 1);
  g_ptr_array_add (paths, save (fx, "legacy.nianbao", older));
  g_assert_null (nb_merge_files (paths, &options, NULL, &error));
  g_assert_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_MIXED);
  g_assert_nonnull (strstr (error->message, "legacy.nianbao"));
  g_clear_error (&error);
  g_ptr_array_remove_index (paths, 1);

  /* A source with an error needs force, and says which error. */
  nb_test_set (faulty, "s3.new.np", nb_report_value_by_key (faulty, "s3.new.np") + 5);
  g_ptr_array_add (paths, save (fx, "faulty.nianbao", faulty));
  g_assert_null (nb_merge_files (paths, &options, NULL, &error));
  g_assert_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_SOURCE_ERRORS);
  g_assert_nonnull (strstr (error->message, "faulty.nianbao"));
  g_assert_nonnull (strstr (error->message, "R-T3-03"));
  g_clear_error (&error);

  options.force = TRUE;
  options.explain_cell = nb_format_cell_index ("s3.new.np");
  merged = nb_merge_files (paths, &options, &explanation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_value_by_key (merged, "s3.new.np"), ==,
                   2 * nb_report_value_by_key (a, "s3.new.np") + 5);
  {
    g_autofree char *line_a = g_strdup_printf ("%s  重庆市黔江区人民政府  %" G_GINT64_FORMAT "\n",
                                               (char *) g_ptr_array_index (paths, 0),
                                               nb_report_value_by_key (a, "s3.new.np"));
    g_autofree char *line_f = g_strdup_printf ("%s  重庆市黔江区人民政府  %" G_GINT64_FORMAT "\n",
                                               (char *) g_ptr_array_index (paths, 1),
                                               nb_report_value_by_key (faulty, "s3.new.np"));
    g_autofree char *sum = g_strdup_printf ("%" G_GINT64_FORMAT "\n",
                                            nb_report_value_by_key (merged, "s3.new.np"));

    g_assert_true (g_str_has_prefix (explanation, "s3.new.np  "));
    g_assert_nonnull (strstr (explanation, line_a));
    g_assert_nonnull (strstr (explanation, line_f));
    g_assert_true (g_str_has_suffix (explanation, sum));
  }

  /* An unreadable source stops the merge: a region's sum must not silently lack one. */
  g_ptr_array_add (paths, write_bytes (fx, "broken.nianbao", "{", -1));
  g_clear_object (&merged);
  g_assert_null (nb_merge_files (paths, &options, NULL, &error));
  g_assert_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "broken.nianbao"));
}

/* Sums beyond what a cell holds are refused instead of written as a file that no longer
 * loads. */
static void
test_merge_overflow (Fixture *fx, gconstpointer unused)
{
  g_autoptr(NbReport) big = nb_test_load_sample ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  NbMergeOptions options = { "", NB_LEVEL_COUNTY_GOV, TRUE, -1 };

  nb_test_set (big, "s4.rev.other", NB_MAX_COUNT);
  g_ptr_array_add (paths, save (fx, "big1.nianbao", big));
  g_ptr_array_add (paths, save (fx, "big2.nianbao", big));
  g_assert_null (nb_merge_files (paths, &options, NULL, &error));
  g_assert_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "s4.rev.other"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/review/folder", Fixture, NULL, fixture_set_up, test_review_folder, fixture_tear_down);
  g_test_add ("/review/previous-dir", Fixture, NULL, fixture_set_up, test_review_previous, fixture_tear_down);
  g_test_add ("/merge/sums", Fixture, NULL, fixture_set_up, test_merge_sums, fixture_tear_down);
  g_test_add ("/merge/refusals", Fixture, NULL, fixture_set_up, test_merge_refusals, fixture_tear_down);
  g_test_add ("/merge/overflow", Fixture, NULL, fixture_set_up, test_merge_overflow, fixture_tear_down);
  return g_test_run ();
}
