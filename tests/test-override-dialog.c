/* test-override-dialog.c — an export that errors block: the dialog, the note, the export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "nb-override-dialog.h"
#include "test-window-utils.h"

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A test: an AdwActionRow whose subtitle contains @text. */
static gboolean
has_subtitle (GtkWidget *widget, gconstpointer text)
{
  const char *subtitle;

  if (!ADW_IS_ACTION_ROW (widget))
    return FALSE;
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  return subtitle != NULL && strstr (subtitle, text) != NULL;
}

static void
test_export_with_note (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  NbReport *report = nb_session_get_report (session);
  g_autofree char *dir = g_dir_make_tmp ("nb-override-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exported = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *page;

  /* Without errors the export runs at once. */
  g_assert_null (nb_override_dialog_export (window, "json", file));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);

  /* new.np 48 → 49 breaks the relation of rows 一+二 = 三+四 (R-T3-03). */
  nb_session_edit_cell (session, nb_format_cell_index ("s3.new.np"), "49");
  g_assert_cmpuint (nb_findings_blocking (nb_session_get_findings (session)), >, 0);

  /* Cancel: nothing written, nothing stored. */
  dialog = nb_override_dialog_export (window, "json", file);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));       /* Escape or the window's close button */
  nb_test_wait_until (dialog_gone, &dialog, 2000);
  g_assert_null (dialog);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (nb_report_get_n_overrides (report), ==, 0);

  /* A note: the export button waits for it, then the note is saved and the file written. */
  dialog = nb_override_dialog_export (window, "json", file);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "export"));
  gtk_editable_set_text (nb_override_dialog_get_note_entry (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "export"));
  gtk_editable_set_text (nb_override_dialog_get_note_entry (dialog), "原表如此");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "export"));
  g_signal_emit_by_name (nb_override_dialog_get_note_entry (dialog), "activate");
  nb_test_wait_until (dialog_gone, &dialog, 2000);
  g_assert_null (dialog);

  g_assert_true (g_file_get_contents (path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\"override\" : \"原表如此\""));
  g_assert_cmpstr (nb_report_get_override (report, "R-T3-03", "s3.new.np"), ==, "原表如此");
  g_assert_cmpuint (nb_findings_blocking (nb_session_get_findings (session)), ==, 0);
  g_assert_true (nb_window_is_modified (window));

  /* 检查结果 shows the overridden error with its note. */
  page = nb_window_show_page (window, "findings");
  g_assert_nonnull (nb_test_find (page, has_subtitle, "原表如此"));

  /* The note is one undo step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (nb_report_get_n_overrides (report), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (nb_report_get_override (report, "R-T3-03", "s3.new.np"), ==, "原表如此");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/override-dialog/export-with-note", test_export_with_note);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
