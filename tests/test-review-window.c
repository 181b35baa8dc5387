/* test-review-window.c — 审阅文件夹 and 合并多个报告 in the window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-document.h"
#include "nb-review-actions.h"
#include "nb-review-window.h"
#include "test-window-utils.h"

static char *tmp_dir;

static char *
write_report (const char *dir, const char *name, const char *agency, gint64 new_np_delta)
{
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(NbReport) report = nb_document_load (sample, NULL, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint np = nb_format_cell_index ("s3.new.np");

  g_assert_nonnull (report);
  nb_report_set_text (report, NB_TEXT_AGENCY, agency);
  nb_report_set_value (report, np, nb_report_value (report, np) + new_np_delta);
  g_assert_true (nb_document_save (report, file, NULL, NULL));
  return g_steal_pointer (&path);
}

static gboolean
review_done (gpointer window)
{
  return nb_review_window_is_done (window);
}

static char *
make_folder (const char *name)
{
  char *dir = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *garbage = g_build_filename (dir, "c-garbage.nianbao", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_free (write_report (dir, "a-clean.nianbao", "乙局", 0));
  g_free (write_report (dir, "b-defective.nianbao", "甲局", 1));
  g_assert_true (g_file_set_contents (garbage, "garbage", -1, NULL));
  return dir;
}

static const char *
base_at (NbReviewWindow *window, guint position)
{
  const char *path = nb_review_window_get_path (window, position);

  return path ? strrchr (path, '/') + 1 : NULL;
}

/* The folder is read with the window shown; the rows sort by errors and agency; the review
 * exports as CSV and HTML. */
static void
test_review_folder (void)
{
  NbWindow *parent = nb_test_open_sample (1000, 700);
  g_autofree char *dir = make_folder ("review");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  NbReviewWindow *window = NB_REVIEW_WINDOW (nb_review_window_new (GTK_WINDOW (parent), folder));
  g_autofree char *csv_path = g_build_filename (tmp_dir, "review.csv", NULL);
  g_autofree char *html_path = g_build_filename (tmp_dir, "review.html", NULL);
  g_autofree char *csv = NULL, *html = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (nb_test_wait_until (review_done, window, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (nb_review_window_get_model (window)), ==, 3);

  nb_review_window_sort_by (window, "errors", GTK_SORT_DESCENDING);
  g_assert_cmpstr (base_at (window, 0), ==, "c-garbage.nianbao");   /* unreadable first */
  g_assert_cmpstr (base_at (window, 1), ==, "b-defective.nianbao");
  g_assert_cmpstr (base_at (window, 2), ==, "a-clean.nianbao");
  nb_review_window_sort_by (window, "agency", GTK_SORT_ASCENDING);
  g_assert_cmpstr (base_at (window, 0), ==, "c-garbage.nianbao");   /* no agency */
  /* The locale's collation orders the agencies (a-clean is 乙局, b-defective 甲局). */
  g_assert_cmpstr (base_at (window, 1), ==,
                   g_utf8_collate ("乙局", "甲局") < 0 ? "a-clean.nianbao" : "b-defective.nianbao");
  nb_review_window_sort_by (window, "warnings", GTK_SORT_ASCENDING);
  g_assert_cmpstr (base_at (window, 2), ==, "c-garbage.nianbao");

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  nb_test_screenshot (GTK_WIDGET (window), NB_BUILD_ROOT "/tests/review-window.png");

  {
    g_autoptr(GFile) file = g_file_new_for_path (csv_path);

    g_assert_true (nb_review_window_export (window, file, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GFile) file = g_file_new_for_path (html_path);

    g_assert_true (nb_review_window_export (window, file, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "report,"));
  g_assert_nonnull (strstr (csv, "unreadable,"));
  g_assert_nonnull (strstr (csv, "b-defective.nianbao,甲局,2024,2,"));
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "甲局"));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (parent));
  nb_test_spin (100);
}

typedef struct {
  const char *path;
  NbWindow   *found;
} Finder;

static gboolean
window_with_file (gpointer data)
{
  Finder *f = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (nb_test_app ())); l; l = l->next)
    {
      GFile *file;

      if (!NB_IS_WINDOW (l->data))
        continue;
      file = nb_window_get_file (l->data);
      if (f->path == NULL ? (file == NULL && nb_window_has_report (l->data) &&
                             nb_report_get_n_sources (nb_session_get_report (nb_window_get_session (l->data))) > 0)
                          : (file != NULL && g_str_has_suffix (g_file_peek_path (file), f->path)))
        {
          f->found = l->data;
          return TRUE;
        }
    }
  return FALSE;
}

/* Activating a row opens that report in an editor window. */
static void
test_open_row (void)
{
  NbWindow *parent = nb_test_open_sample (1000, 700);
  g_autofree char *dir = make_folder ("open");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  NbReviewWindow *window = NB_REVIEW_WINDOW (nb_review_window_new (GTK_WINDOW (parent), folder));
  Finder finder = { "open/b-defective.nianbao", NULL };

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (nb_test_wait_until (review_done, window, 20000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  nb_review_window_sort_by (window, "file", GTK_SORT_ASCENDING);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (base_at (window, 1), ==, "b-defective.nianbao");
  g_assert_false (window_with_file (&finder));
  nb_review_window_open_row (window, 1);
  g_assert_true (nb_test_wait_until (window_with_file, &finder, 20000));
  g_assert_cmpint (nb_report_value_by_key (nb_session_get_report (nb_window_get_session (finder.found)),
                                           "s3.new.np"), ==, 49);
  gtk_window_destroy (GTK_WINDOW (finder.found));
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (parent));
  nb_test_spin (100);
}

/* 合并多个报告: the sum opens as a new, unsaved document listing its sources. */
static void
test_merge_new_document (void)
{
  NbWindow *parent = nb_test_open_sample (1000, 700);
  g_autofree char *dir = g_build_filename (tmp_dir, "merge", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  Finder finder = { NULL, NULL };
  NbReport *merged;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("dept%u.nianbao", i);
      g_autofree char *path = write_report (dir, name, i ? "乙局" : "甲局", 0);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  nb_review_actions_merge_files (GTK_WINDOW (parent), G_LIST_MODEL (files), FALSE);
  g_assert_true (nb_test_wait_until (window_with_file, &finder, 20000));
  merged = nb_session_get_report (nb_window_get_session (finder.found));
  g_assert_cmpuint (nb_report_get_n_sources (merged), ==, 2);
  g_assert_cmpstr (nb_report_get_source_at (merged, 1)->agency, ==, "乙局");
  g_assert_cmpint (nb_report_value_by_key (merged, "s3.new.total"), ==, 104);
  gtk_window_destroy (GTK_WINDOW (finder.found));
  gtk_window_destroy (GTK_WINDOW (parent));
}

int
main (int argc, char **argv)
{
  int status;

  tmp_dir = nb_test_init (&argc, &argv);
  g_test_add_func ("/review-window/folder", test_review_folder);
  g_test_add_func ("/review-window/open-row", test_open_row);
  g_test_add_func ("/review-window/merge", test_merge_new_document);
  status = g_test_run ();
  nb_test_finish (tmp_dir);
  g_free (tmp_dir);
  return status;
}
