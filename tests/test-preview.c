/* test-preview.c — the preview widget and the print operation under Xvfb (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-document.h"
#include "nb-preview.h"
#include "nb-print-operation.h"
#include "nb-test-util.h"

static void
n_pages_cb (GObject *object, GParamSpec *pspec, gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
give_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_preview_follows_edits (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = nb_preview_new ();
  g_autoptr(GString) longer = g_string_new (nb_report_get_text (report, NB_TEXT_S6));
  gboolean changed = FALSE, timed_out = FALSE;
  guint pages, timeout;

  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  nb_preview_set_report (NB_PREVIEW (preview), report);
  pages = nb_preview_get_n_pages (NB_PREVIEW (preview));
  g_assert_cmpuint (pages, >, 1);
  gtk_window_present (GTK_WINDOW (window));

  /* An edit that adds pages shows up after the pause, not at once. */
  for (guint i = 0; i < 40; i++)
    g_string_append (longer, "\n政府信息公开工作年度报告的补充说明，用于测试预览在编辑后重新分页。");
  g_signal_connect (preview, "notify::n-pages", G_CALLBACK (n_pages_cb), &changed);
  nb_report_set_text (report, NB_TEXT_S6, longer->str);
  g_assert_cmpuint (nb_preview_get_n_pages (NB_PREVIEW (preview)), ==, pages);
  timeout = g_timeout_add_seconds (10, give_up, &timed_out);
  while (!changed && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_cmpuint (nb_preview_get_n_pages (NB_PREVIEW (preview)), >, pages);

  /* Zoom is clamped. */
  nb_preview_set_zoom (NB_PREVIEW (preview), 100);
  g_assert_cmpfloat (nb_preview_get_zoom (NB_PREVIEW (preview)), ==, NB_PREVIEW_ZOOM_MAX);
  gtk_widget_activate_action (preview, "preview.zoom-reset", NULL);
  g_assert_cmpfloat (nb_preview_get_zoom (NB_PREVIEW (preview)), ==, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
invalidated_cb (GdkPaintable *paintable, gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* The preview as pixels, into the build folder (platform.md §9), for looking at it. */
static void
test_preview_screenshot (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = nb_preview_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (preview);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "preview.png", NULL);
  gboolean drawn = FALSE, timed_out = FALSE;
  guint timeout;

  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_set_default_size (GTK_WINDOW (window), 680, 900);
  nb_preview_set_report (NB_PREVIEW (preview), report);
  nb_preview_set_zoom (NB_PREVIEW (preview), 1.0);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (invalidated_cb), &drawn);
  gtk_window_present (GTK_WINDOW (window));
  /* A preview that never draws fails the test instead of hanging it. */
  timeout = g_timeout_add_seconds (10, give_up, &timed_out);
  while (!drawn && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (preview), gtk_widget_get_height (preview));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("preview written to %s", path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK_PRINT_OPERATION_ACTION_EXPORT writes a PDF without a dialog (platform.md §7). */
static void
test_print_export (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbPrintOperation) operation = nb_print_operation_new (report);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  GtkPrintOperationResult result;
  int status;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Pages:           8\n"));
  g_assert_nonnull (strstr (out, "(A4)"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/preview/follows-edits", test_preview_follows_edits);
  g_test_add_func ("/preview/screenshot", test_preview_screenshot);
  g_test_add_func ("/preview/print-export", test_print_export);
  return g_test_run ();
}
