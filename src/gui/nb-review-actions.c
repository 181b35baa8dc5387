/* nb-review-actions.c — 审阅文件夹 and 合并多个报告: choosers and the merge's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-merge.h"
#include "nb-review-actions.h"
#include "nb-review-window.h"
#include "nb-window.h"

GFile *
nb_review_actions_take_file (GtkNativeDialog *dialog, int response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  return file;
}

/* ---- 审阅文件夹 */

static void
folder_chosen_cb (GtkNativeDialog *dialog, int response, GtkWindow *parent)
{
  g_autoptr(GFile) folder = nb_review_actions_take_file (dialog, response);

  if (folder)
    gtk_window_present (GTK_WINDOW (nb_review_window_new (parent, folder)));
}

void
nb_review_actions_review (GtkWindow *parent)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Review a Folder of Reports"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Review"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), parent);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- 合并多个报告 */

typedef struct {
  GtkWindow  *parent;           /* a reference */
  GListModel *files;            /* a reference */
  GPtrArray  *paths;
  gboolean    force;
} Merge;

static void
merge_free (Merge *m)
{
  g_object_unref (m->parent);
  g_object_unref (m->files);
  g_ptr_array_unref (m->paths);
  g_free (m);
}

static void
merge_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Merge *m = data;
  NbMergeOptions options = { "", NB_LEVEL_COUNTY_GOV, m->force, -1 };
  GError *error = NULL;
  NbReport *merged = nb_merge_files (m->paths, &options, NULL, &error);

  if (merged)
    g_task_return_pointer (task, merged, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
force_response_cb (AdwMessageDialog *dialog, const char *response, gpointer unused)
{
  if (g_str_equal (response, "force"))
    nb_review_actions_merge_files (g_object_get_data (G_OBJECT (dialog), "nb-parent"),
                                   g_object_get_data (G_OBJECT (dialog), "nb-files"), TRUE);
}

static void
merge_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Merge *m = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) merged = g_task_propagate_pointer (G_TASK (result), &error);
  GtkApplication *app = gtk_window_get_application (m->parent);
  NbWindow *window;

  if (merged == NULL && g_error_matches (error, NB_MERGE_ERROR, NB_MERGE_ERROR_SOURCE_ERRORS))
    {
      GtkWidget *dialog = adw_message_dialog_new (m->parent, _("Some Reports Have Errors"),
                                                  error->message);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "force", _("_Merge Anyway"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "force",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      /* The dialog asks again after the task is gone. */
      g_object_set_data_full (G_OBJECT (dialog), "nb-parent", g_object_ref (m->parent),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (dialog), "nb-files", g_object_ref (m->files),
                              g_object_unref);
      g_signal_connect (dialog, "response", G_CALLBACK (force_response_cb), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (merged == NULL)
    {
      nb_show_error (m->parent, _("Could Not Merge the Reports"), error->message);
      return;
    }
  window = nb_window_new (NB_APPLICATION (app));
  nb_window_set_report (window, merged);
  gtk_window_present (GTK_WINDOW (window));
  {
    /* TRANSLATORS: how many reports were summed into the new document */
    g_autofree char *title = g_strdup_printf (_("Merged %u reports: write the agency and the text"),
                                              m->paths->len);

    nb_window_add_toast (window, adw_toast_new (title));
  }
}

void
nb_review_actions_merge_files (GtkWindow *parent, GListModel *files, gboolean force)
{
  g_autoptr(GTask) task = NULL;
  Merge *m;

  m = g_new0 (Merge, 1);
  m->parent = g_object_ref (parent);
  m->files = g_object_ref (files);
  m->force = force;
  m->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("“%s” is not on this computer."), name);

          nb_show_error (parent, _("Could Not Merge the Reports"), message);
          merge_free (m);
          return;
        }
      g_ptr_array_add (m->paths, path);
    }
  if (m->paths->len == 0)
    {
      merge_free (m);
      return;
    }
  task = g_task_new (NULL, NULL, merge_done_cb, NULL);
  g_task_set_task_data (task, m, (GDestroyNotify) merge_free);
  g_task_run_in_thread (task, merge_thread);
}

static void
files_chosen_cb (GtkNativeDialog *dialog, int response, GtkWindow *parent)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (files)
    nb_review_actions_merge_files (parent, files, FALSE);
}

void
nb_review_actions_merge (GtkWindow *parent)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Merge Reports of One Year"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Nianbao reports"));
  gtk_file_filter_add_pattern (filter, "*.nianbao");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (files_chosen_cb), parent);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Application actions */

static void
review_activated (GSimpleAction *action, GVariant *parameter, gpointer app)
{
  nb_review_actions_review (gtk_application_get_active_window (app));
}

static void
merge_activated (GSimpleAction *action, GVariant *parameter, gpointer app)
{
  nb_review_actions_merge (gtk_application_get_active_window (app));
}

void
nb_review_actions_install (GtkApplication *app)
{
  static const GActionEntry entries[] = {
    { "review-folder", review_activated, NULL, NULL, NULL, { 0 } },
    { "merge-reports", merge_activated, NULL, NULL, NULL, { 0 } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
}
