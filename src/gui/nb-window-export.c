/* nb-window-export.c — exporting and printing the window's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nb-export.h"
#include "nb-override-dialog.h"
#include "nb-pdf-fonts.h"
#include "nb-print-operation.h"
#include "nb-window-private.h"

GFile *
nb_window_get_export_folder (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  if (self->last_export != NULL)
    return g_file_get_parent (self->last_export);
  if (self->file != NULL)
    return g_file_get_parent (self->file);
  return NULL;
}

static void
open_exported_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  g_autofree char *uri = NULL;

  if (self->last_export == NULL)
    return;
  uri = g_file_get_uri (self->last_export);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* The details of the last PDF export: which font each role was set in. */
static void
export_fonts_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  if (g_str_equal (response, "open"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-exported", NULL);
}

static void
export_fonts_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  g_autofree char *lines = NULL;
  GtkWidget *dialog;

  if (self->export_fonts == NULL)
    return;
  lines = g_strjoinv ("\n", self->export_fonts);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Fonts Used"), lines);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"),
                                    "open", _("_Open PDF"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (export_fonts_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @substitute: for a PDF, the line of the first role set in a stand-in font (the body's
 * first), else NULL; then the toast names it and offers the list of all roles. */
static void
show_export_result (NbWindow *self, GFile *file, const GError *error,
                    const char *substitute, gboolean more)
{
  AdwToast *toast;

  if (error != NULL)
    {
      /* The message names the file and what went wrong; keep it until dismissed. */
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
    }
  else if (substitute != NULL)
    {
      g_autofree char *title = g_strdup_printf (more ? _("PDF exported; %s…") : _("PDF exported; %s"),
                                                substitute);

      g_set_object (&self->last_export, file);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.export-fonts");
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

      g_set_object (&self->last_export, file);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-exported");
    }
  nb_window_add_toast (self, toast);
}

/* Which roles of a PDF export's fonts are stand-ins for another design: the first such
 * line (the body's when it is one) and whether there are others. */
static const char *
first_substitute (const NbPdfOptions *options, gboolean *more)
{
  NbResolvedFont fonts[NB_N_FONT_ROLES] = { { 0 } };
  const char *line = NULL;
  guint n = 0;

  if (options->resolved_fonts == NULL || g_strv_length (options->resolved_fonts) < NB_N_FONT_ROLES)
    return NULL;
  nb_pdf_fonts_resolve (options, fonts);
  if (fonts[NB_FONT_BODY].substitute)
    line = options->resolved_fonts[NB_FONT_BODY];
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    if (fonts[r].substitute)
      {
        n++;
        if (line == NULL)
          line = options->resolved_fonts[r];
      }
  nb_pdf_fonts_clear (fonts);
  *more = n > 1;
  return line;
}

static char *
font_setting (GSettings *settings, const char *key)
{
  char *value = settings ? g_settings_get_string (settings, key) : NULL;

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

gboolean
nb_window_export_to (NbWindow *self, const char *format, GFile *file, GError **error)
{
  NbReport *report;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) fonts = NULL;
  GSettings *settings;
  g_autofree char *title = NULL, *body = NULL, *heading = NULL, *kaiti = NULL;
  NbPdfOptions options;
  const char *substitute = NULL;
  gboolean more = FALSE;
  gboolean ok;

  g_return_val_if_fail (self->session != NULL, FALSE);

  report = nb_session_get_report (self->session);
  /* The fonts chosen in Preferences, for the PDF and the Word document alike. */
  settings = nb_window_get_settings (self);
  title = font_setting (settings, "font-title");
  body = font_setting (settings, "font-body");
  heading = font_setting (settings, "font-heading");
  kaiti = font_setting (settings, "font-kaiti");
  options = (NbPdfOptions) {
    .font_title = title, .font_body = body, .font_heading = heading, .font_kaiti = kaiti,
  };
  if (g_str_equal (format, "pdf"))
    {
      ok = nb_export_pdf (report, file, &options, &local_error);
      if (ok)
        substitute = first_substitute (&options, &more);
      fonts = options.resolved_fonts;
    }
  else if (g_str_equal (format, "html"))
    ok = nb_export_html (report, file, FALSE, &local_error);
  else if (g_str_equal (format, "docx"))
    ok = nb_export_docx (report, file, &options, &local_error);
  else
    ok = nb_export_json (report, file, &local_error);

  if (ok && fonts != NULL)
    {
      g_strfreev (self->export_fonts);
      self->export_fonts = g_steal_pointer (&fonts);
    }
  show_export_result (self, file, local_error, substitute, more);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
pdf_chosen (NbWindow *self, GFile *file)
{
  nb_override_dialog_export (self, "pdf", file);
}

static void
html_chosen (NbWindow *self, GFile *file)
{
  nb_override_dialog_export (self, "html", file);
}

static void
docx_chosen (NbWindow *self, GFile *file)
{
  nb_override_dialog_export (self, "docx", file);
}

static void
json_chosen (NbWindow *self, GFile *file)
{
  nb_override_dialog_export (self, "json", file);
}

static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, gpointer data)
{
  NbWindow *self = NB_WINDOW (data);
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Printing failed: %s"),
                                                     error ? error->message : _("unknown error")));
}

/* Printing draws with the page renderer of the PDF export (NbPrintOperation). */
static void
print_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  g_autoptr(NbPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = nb_print_operation_new (nb_session_get_report (self->session));
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new_format (_("Printing failed: %s"), error->message));
}

/* Errors that block the export are said before the file chooser opens: the user may
 * rather fix them. Explained with a note, the export goes on to the chooser. */
static void
export_action (GtkWidget *data, const char *action_name, GVariant *param)
{
  NbWindow *self = NB_WINDOW (data);
  const char *name = action_name + strlen ("win.");
  g_autofree char *suggested = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->session == NULL)
    return;
  if (nb_findings_blocking (nb_session_get_findings (self->session)) > 0)
    {
      nb_override_dialog_export (self, name + strlen ("export-"), NULL);
      return;
    }
  folder = nb_window_get_export_folder (self);
  if (g_str_equal (name, "export-pdf"))
    {
      suggested = nb_window_suggested_name (self, ".pdf");
      nb_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export PDF"), _("_Export"),
                             "*.pdf", _("PDF documents"), suggested, folder, pdf_chosen);
    }
  else if (g_str_equal (name, "export-html"))
    {
      suggested = nb_window_suggested_name (self, ".html");
      nb_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export HTML"), _("_Export"),
                             "*.html", _("Web pages"), suggested, folder, html_chosen);
    }
  else if (g_str_equal (name, "export-docx"))
    {
      suggested = nb_window_suggested_name (self, ".docx");
      nb_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Word Document"),
                             _("_Export"), "*.docx", _("Word documents"), suggested, folder,
                             docx_chosen);
    }
  else
    {
      suggested = nb_window_suggested_name (self, ".json");
      nb_window_choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export JSON"), _("_Export"),
                             "*.json", _("JSON data"), suggested, folder, json_chosen);
    }
}

void
nb_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-docx", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", NULL, open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.export-fonts", NULL, export_fonts_action);
}
