/* nb-override-dialog.c — asks before an export that errors would block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-findings-page.h"
#include "nb-override-dialog.h"

/* Beyond this many the list says how many more: the dialog must fit on screen. */
#define MAX_LISTED 12

typedef struct {
  NbWindow    *window;
  char        *format;
  GFile       *file;
  GPtrArray   *errors;          /* NbFinding: the errors without a note when asked */
  GtkEditable *entry;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_object_unref (p->window);
  g_free (p->format);
  g_clear_object (&p->file);
  g_ptr_array_unref (p->errors);
  g_free (p);
}

/* One paragraph per error: where, then the message; a blank line between. */
static char *
describe_errors (GPtrArray *errors)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < errors->len && i < MAX_LISTED; i++)
    {
      const NbFinding *f = g_ptr_array_index (errors, i);
      g_autofree char *where = nb_finding_describe_location (f);

      g_string_append_printf (text, "%s%s · %s\n%s", i > 0 ? "\n\n" : "", f->rule, where,
                              f->message);
    }
  if (errors->len > MAX_LISTED)
    {
      guint more = errors->len - MAX_LISTED;

      g_string_append (text, "\n\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more error",
                                                 "… and %u more errors", more), more);
    }
  return g_string_free (text, FALSE);
}

static gboolean
note_given (Pending *p)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (p->entry)));

  return note[0] != '\0';
}

static void
note_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  Pending *p = g_object_get_data (G_OBJECT (dialog), "nb-pending");

  adw_message_dialog_set_response_enabled (dialog, "export", note_given (p));
}

static void
note_activate_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  Pending *p = g_object_get_data (G_OBJECT (dialog), "nb-pending");

  /* Enter in the entry does what the button does; a response alone leaves the dialog. */
  if (note_given (p))
    {
      adw_message_dialog_response (dialog, "export");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  Pending *p = g_object_get_data (G_OBJECT (dialog), "nb-pending");
  g_autofree char *note = NULL;
  NbSession *session;

  if (!g_str_equal (response, "export") || !note_given (p))
    return;
  session = nb_window_get_session (p->window);
  if (session == NULL)
    return;
  /* Through the session: the note is one undoable step and marks the report modified. */
  note = g_strstrip (g_strdup (gtk_editable_get_text (p->entry)));
  nb_session_override_errors (session, p->errors, note);
  if (p->file != NULL)
    nb_window_export_to (p->window, p->format, p->file, NULL);
  else
    {
      /* Asked before the file chooser: now nothing blocks, the chooser opens. */
      g_autofree char *action = g_strconcat ("win.export-", p->format, NULL);

      gtk_widget_activate_action (GTK_WIDGET (p->window), action, NULL);
    }
}

AdwMessageDialog *
nb_override_dialog_export (NbWindow *window, const char *format, GFile *file)
{
  NbSession *session = nb_window_get_session (window);
  GPtrArray *findings;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *list = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *scrolled, *label, *entry;
  Pending *p;

  g_return_val_if_fail (NB_IS_WINDOW (window), NULL);
  g_return_val_if_fail (session != NULL, NULL);

  findings = nb_session_get_findings (session);
  if (nb_findings_blocking (findings) == 0 && file != NULL)
    {
      nb_window_export_to (window, format, file, NULL);
      return NULL;
    }
  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (f->severity == NB_SEVERITY_ERROR && f->override_note == NULL)
        g_ptr_array_add (errors, nb_finding_copy (f));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), NULL, NULL));
  adw_message_dialog_format_heading (dialog, g_dngettext (GETTEXT_PACKAGE,
                                                          "%u Error Blocks the Export",
                                                          "%u Errors Block the Export",
                                                          errors->len), errors->len);
  adw_message_dialog_set_body (dialog,
                               _("These errors break a relation of the official table. Fix "
                                 "them, or give the reason they stand: the note applies to "
                                 "every error listed and is saved with the report."));

  list = describe_errors (errors);
  label = gtk_label_new (list);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  /* Tall enough to read one error whole; longer lists scroll. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason the errors stand"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason the errors stand"), -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* Wide enough to read a finding's message in a few lines, not one word a line. */
  gtk_widget_set_size_request (box, 480, -1);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "export", _("_Explain and Export"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "export", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  p = g_new0 (Pending, 1);
  p->window = g_object_ref (window);
  p->format = g_strdup (format);
  p->file = file ? g_object_ref (file) : NULL;
  p->errors = g_steal_pointer (&errors);
  p->entry = GTK_EDITABLE (entry);
  g_object_set_data_full (G_OBJECT (dialog), "nb-pending", p, pending_free);
  g_signal_connect (entry, "changed", G_CALLBACK (note_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (note_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

GtkEditable *
nb_override_dialog_get_note_entry (AdwMessageDialog *dialog)
{
  Pending *p = g_object_get_data (G_OBJECT (dialog), "nb-pending");

  g_return_val_if_fail (p != NULL, NULL);
  return p->entry;
}
