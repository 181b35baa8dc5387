/* nb-window-actions.c — the window's actions: open, import, save, undo, pages
 *
 * Installed on the class (gtk_widget_class_install_action) as win.*; the window enables
 * them as a report comes and goes (nb_window_update_actions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nb-document.h"
#include "nb-import.h"
#include "nb-window-private.h"

/* File choosers */

static void
chooser_response_cb (GtkNativeDialog *dialog, int response, NbWindow *self)
{
  NbChosenFunc func = g_object_get_data (G_OBJECT (dialog), "nb-func");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file != NULL)
    func (self, file);
  else
    self->closing = FALSE;      /* "Save before closing" was cancelled */
}

/* @pattern: one or more globs separated by ';'. */
void
nb_window_choose_file (NbWindow *self, GtkFileChooserAction action, const char *title,
                       const char *accept, const char *pattern, const char *filter_name,
                       const char *suggested, GFile *folder, NbChosenFunc func)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_auto(GStrv) patterns = g_strsplit (pattern, ";", -1);

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "nb-func", func);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

char *
nb_window_suggested_name (NbWindow *self, const char *extension)
{
  g_autofree char *name = NULL;
  char *dot;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    name = g_strdup (nb_report_get_text (nb_session_get_report (self->session), NB_TEXT_TITLE));
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Report"));
    }
  if ((dot = strrchr (name, '.')) != NULL && self->file != NULL)
    *dot = '\0';
  return g_strconcat (name, extension, NULL);
}

void
nb_window_open_chosen (NbWindow *self, GFile *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->session != NULL && NB_IS_APPLICATION (app))
    {
      nb_application_open_file (NB_APPLICATION (app), file);
      return;
    }
  {
    g_autoptr(GError) error = NULL;

    if (!nb_window_load_file (self, file, &error))
      nb_window_show_error (self, _("Could Not Open the Report"), error);
  }
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Called from a dialog's response: the dialog must finish before its parent goes. */
void
nb_window_destroy_later (NbWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
save_chosen (NbWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (!nb_window_save_to (self, file, &error))
    {
      self->closing = FALSE;
      nb_window_show_error (self, _("Could Not Save the Report"), error);
    }
  else if (self->closing)
    nb_window_destroy_later (self);
}

static void
open_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  nb_window_choose_file (NB_WINDOW (data), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Report"),
                         _("_Open"), "*.nianbao", _("Nianbao reports"), NULL, NULL,
                         nb_window_open_chosen);
}

/* Importing a published report */

static void
append_import_cells (GString *out, NbImport *import, NbImportCellState state, const char *heading)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < nb_format_n_cells (); i++)
    if (nb_import_get_cell_state (import, i) == state)
      {
        g_autofree char *name = nb_import_cell_name (i);

        g_string_append_printf (names, "• %s\n", name);
      }
  if (names->len > 0)
    g_string_append_printf (out, "%s%s\n%s", out->len ? "\n" : "", heading, names->str);
}

/* What the importer read, where the user sees it: the counts, then the cells to look at
 * and the labels it accepted under another wording. */
static GtkWidget *
show_import_summary (NbWindow *self, NbImport *import)
{
  GPtrArray *notes = nb_import_get_notes (import);
  guint found = nb_import_count (import, NB_IMPORT_CELL_FOUND) +
                nb_import_count (import, NB_IMPORT_CELL_RESOLVED);
  guint blank = nb_import_count (import, NB_IMPORT_CELL_BLANK);
  guint missing = nb_import_count (import, NB_IMPORT_CELL_MISSING);
  g_autofree char *body = g_strdup_printf (_("Cells found: %u, blank: %u, not found: %u. "
                                             "Compare the figures with the published report "
                                             "before you rely on them."),
                                           found, blank, missing);
  g_autoptr(GString) details = g_string_new (NULL);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Report Imported"), body);

  append_import_cells (details, import, NB_IMPORT_CELL_MISSING,
                       _("Not found (left blank, enter them):"));
  append_import_cells (details, import, NB_IMPORT_CELL_BLANK, _("Blank in the source:"));
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const NbImportNote *note = g_ptr_array_index (notes, i);

      if (i == 0)
        g_string_append_printf (details, "%s%s\n", details->len ? "\n" : "",
                                _("Read under another wording:"));
      g_string_append_printf (details, _("• “%s” as “%s” (%s)\n"), note->actual,
                              note->canonical ? note->canonical : "", note->rule);
    }
  if (details->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (g_strchomp (details->str));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Reads @file; on failure says why in a dialog and returns NULL. */
static NbImport *
read_import (NbWindow *self, GFile *file, GError **error)
{
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) local_error = NULL;

  if (!nb_import_read_file (import, file, NB_IMPORT_AUTO, NULL, &local_error))
    {
      nb_window_show_error (self, _("Could Not Import the Report"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&import);
}

static void
open_import (NbWindow *self, NbImport *import)
{
  nb_window_delete_draft (self);
  g_clear_object (&self->file);
  nb_window_set_report (self, nb_import_get_report (import));
  /* Unsaved: it exists nowhere but in this window until it is saved. */
  self->saved_state = G_MAXUINT64;
  nb_window_update_title (self);
  show_import_summary (self, import);
}

gboolean
nb_window_import_file (NbWindow *self, GFile *file, GError **error)
{
  g_autoptr(NbImport) import = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  import = read_import (self, file, error);
  if (import == NULL)
    return FALSE;
  open_import (self, import);
  return TRUE;
}

static void
import_chosen (NbWindow *self, GFile *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(NbImport) import = read_import (self, file, NULL);
  NbWindow *target = self;

  if (import == NULL)
    return;
  /* The report being written stays as it is: the imported one gets its own window. */
  if (self->session != NULL && NB_IS_APPLICATION (app))
    {
      target = nb_window_new (NB_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }
  open_import (target, import);
}

static void
import_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  nb_window_choose_file (NB_WINDOW (data), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("Import a Published Report"), _("_Import"),
                         "*.txt;*.TXT;*.html;*.HTML;*.htm;*.HTM;*.pdf;*.PDF",
                         _("Published reports (text, web page, PDF)"), NULL, NULL, import_chosen);
}

static void
save_as_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  g_autofree char *name = nb_window_suggested_name (self, ".nianbao");

  nb_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Report"), _("_Save"),
                         "*.nianbao", _("Nianbao reports"), name, NULL, save_chosen);
}

void
nb_window_save (NbWindow *self)
{
  if (self->file == NULL)
    save_as_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    save_chosen (self, self->file);
}

static void
undo_redo_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  const char *location;

  if (self->session == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    nb_session_undo (self->session);
  else
    nb_session_redo (self->session);
  /* Undone back to what is saved: the recovery copy goes at once, not after the delay. */
  if (!nb_window_is_modified (self))
    nb_window_delete_draft (self);

  /* Show what changed back, as text editors do. */
  location = nb_session_get_last_location (self->session);
  if (location != NULL)
    nb_window_focus_location (self, location, NULL);
}

/* The sample opens untitled: it is a model to look at and start from, and a Save must
 * never write over it (nor add it to the recent files). */
static void
open_sample_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) sample = nb_application_get_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_document_load (sample, NULL, &error);
  NbWindow *target = self;

  if (report == NULL)
    {
      nb_window_show_error (self, _("Could Not Open the Report"), error);
      return;
    }
  if (self->session != NULL && NB_IS_APPLICATION (app))
    {
      target = nb_window_new (NB_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }
  g_clear_object (&target->file);
  nb_window_set_report (target, report);
  nb_window_update_title (target);
}

static void
new_report_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  nb_window_show_new_dialog (NB_WINDOW (data));
}

static void
close_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (data));
}

static void
show_page_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  nb_window_show_page (NB_WINDOW (data), g_variant_get_string (param, NULL));
}

static void
save_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  nb_window_save (NB_WINDOW (data));
}

void
nb_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.new-report", NULL, new_report_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
}
