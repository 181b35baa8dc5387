/* nb-info-page.c — 报告信息: agency, title, preamble, dates, contact, last year's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-document.h"
#include "nb-info-page.h"
#include "nb-text-filter.h"
#include "nb-paragraph-view.h"

struct _NbInfoPage
{
  GtkBox      parent_instance;

  NbSession  *session;
  GtkWidget  *fields[NB_N_TEXTS];   /* AdwEntryRow or GtkTextView, NULL when not shown */
  GtkWidget  *level_row;
  GtkWidget  *year_spin;
  GtkWidget  *break_spin;
  GtkWidget  *previous_row;
  gpointer    editing;
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (NbInfoPage, nb_info_page, GTK_TYPE_BOX)

static NbReport *
get_report (NbInfoPage *self)
{
  return nb_session_get_report (self->session);
}

char *
nb_info_propose_title (NbReport *report)
{
  return nb_report_propose_title (nb_report_get_text (report, NB_TEXT_AGENCY),
                                  nb_report_get_year (report));
}

/* The customary preamble, with the title as it stands and the statistics period. */
char *
nb_info_propose_preamble (NbReport *report)
{
  const char *title = nb_report_get_text (report, NB_TEXT_TITLE);
  g_autofree char *proposed = title[0] ? NULL : nb_info_propose_title (report);

  return nb_report_propose_preamble (title[0] ? title : proposed, nb_report_get_year (report));
}

static char *
field_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
refresh_field (NbInfoPage *self, NbTextField field)
{
  GtkWidget *widget = self->fields[field];
  const char *text = nb_report_get_text (get_report (self), field);
  g_autofree char *old = NULL;

  if (widget == NULL)
    return;
  old = field_text (widget);
  if (g_strcmp0 (old, text) == 0 || self->editing == widget ||
      (GTK_IS_TEXT_VIEW (widget) &&
       self->editing == gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))))
    return;
  self->updating = TRUE;
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  self->updating = FALSE;
}

static void
refresh_previous (NbInfoPage *self)
{
  NbReport *report = get_report (self);
  const char *path = nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE);
  g_autofree char *subtitle = NULL;

  if (path == NULL || *path == '\0')
    subtitle = g_strdup (_("None: the checks that compare with last year are skipped"));
  else if (nb_report_get_previous (report) != NULL)
    subtitle = g_markup_escape_text (path, -1);
  else
    {
      g_autofree char *escaped = g_markup_escape_text (path, -1);

      subtitle = g_strdup_printf (_("%s (not loaded)"), escaped);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->previous_row), subtitle);
}

static void
refresh_all (NbInfoPage *self)
{
  NbReport *report = get_report (self);
  const GArray *breaks = nb_report_get_title_breaks (report);

  for (guint f = 0; f < NB_N_TEXTS; f++)
    refresh_field (self, f);
  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->level_row), nb_report_get_level (report));
  {
    int first, last, year = nb_report_get_year (report);

    /* A report already for another year (an older import, say) is shown as it is. */
    nb_format_year_range (&first, &last);
    gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->year_spin), MIN (first, year), MAX (last, year));
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), nb_report_get_year (report));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->break_spin),
                             breaks != NULL && breaks->len > 0 ? g_array_index (breaks, int, 0) : 0);
  self->updating = FALSE;
  refresh_previous (self);
}

static void
report_changed_cb (NbInfoPage *self, const char *location)
{
  if (g_str_has_prefix (location, "meta."))
    refresh_all (self);
}

static void
field_changed_cb (GObject *object, NbInfoPage *self)
{
  NbTextField field = GPOINTER_TO_INT (g_object_get_data (object, "nb-field"));
  GtkWidget *widget = self->fields[field];
  g_autofree char *text = NULL;

  if (self->updating)
    return;
  text = field_text (widget);
  self->editing = object;
  nb_session_edit_text (self->session, field, text);
  self->editing = NULL;
}

static void
focus_leave_cb (NbInfoPage *self)
{
  nb_session_seal (self->session);
}

static void
watch_focus (NbInfoPage *self, GtkWidget *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);
}

static GtkWidget *
entry_row (NbInfoPage *self, NbTextField field, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "nb-field", GINT_TO_POINTER (field));
  g_signal_connect (row, "changed", G_CALLBACK (field_changed_cb), self);
  nb_text_filter_attach_editable (GTK_EDITABLE (row));
  watch_focus (self, row);
  self->fields[field] = row;
  return row;
}

static GtkWidget *
text_area (NbInfoPage *self, NbTextField field, const char *name)
{
  GtkWidget *view = nb_paragraph_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (buffer), "nb-field", GINT_TO_POINTER (field));
  g_signal_connect (buffer, "changed", G_CALLBACK (field_changed_cb), self);
  watch_focus (self, view);
  self->fields[field] = view;
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  return frame;
}

static GtkWidget *
spin_row (const char *title, const char *subtitle, GtkWidget **spin, double min, double max)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = gtk_spin_button_new_with_range (min, max, 1);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
level_selected_cb (NbInfoPage *self)
{
  if (!self->updating)
    nb_session_edit_level (self->session,
                           adw_combo_row_get_selected (ADW_COMBO_ROW (self->level_row)));
}

static void
year_changed_cb (NbInfoPage *self)
{
  if (!self->updating)
    nb_session_edit_year (self->session,
                          gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin)));
}

static void
break_changed_cb (NbInfoPage *self)
{
  int offset = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->break_spin));

  if (self->updating)
    return;
  nb_session_edit_title_breaks (self->session, &offset, offset > 0 ? 1 : 0);
}

static void
propose_title_cb (NbInfoPage *self)
{
  g_autofree char *title = nb_info_propose_title (get_report (self));

  nb_session_seal (self->session);
  nb_session_edit_text (self->session, NB_TEXT_TITLE, title);
  nb_session_seal (self->session);
}

static void
propose_preamble_cb (NbInfoPage *self)
{
  g_autofree char *preamble = nb_info_propose_preamble (get_report (self));

  nb_session_seal (self->session);
  nb_session_edit_text (self->session, NB_TEXT_PREAMBLE, preamble);
  nb_session_seal (self->session);
}

static void
previous_chosen_cb (GtkNativeDialog *dialog, int response, NbInfoPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL)
    return;

  nb_info_page_choose_previous (self, file);
}

gboolean
nb_info_page_choose_previous (NbInfoPage *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  /* A report that cannot be used is not stored: the choice stays as it was. */
  if (!nb_session_attach_previous (self->session, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_native (GTK_WIDGET (self))),
                                                  _("Could Not Use Last Year’s Report"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  refresh_previous (self);
  return TRUE;
}

static void
choose_previous_cb (NbInfoPage *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose Last Year’s Report"),
                                        GTK_WINDOW (native), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Nianbao reports"));
  gtk_file_filter_add_pattern (filter, "*.nianbao");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (previous_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
clear_previous_cb (NbInfoPage *self)
{
  /* The session detaches the report with its path, undoably. */
  nb_session_seal (self->session);
  nb_session_edit_text (self->session, NB_TEXT_PREVIOUS_FILE, "");
  nb_session_seal (self->session);
  refresh_previous (self);
}

static GtkWidget *
suffix_button (const char *icon, const char *name, const char *tooltip, GCallback callback,
               NbInfoPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  /* On GTK 4.8 a tooltip is only the description: an icon needs a name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
group (GtkWidget *page, const char *title, const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (g));
  return g;
}

static void
build (NbInfoPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkStringList *levels = gtk_string_list_new (NULL);
  GtkWidget *g, *row;

  for (guint l = 0; l < NB_N_LEVELS; l++)
    gtk_string_list_append (levels, nb_format_level_name (l));

  g = group (page, _("Issuing Agency"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), entry_row (self, NB_TEXT_AGENCY, _("Agency")));
  self->level_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_row), _("Level"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->level_row), G_LIST_MODEL (levels));
  g_signal_connect_swapped (self->level_row, "notify::selected", G_CALLBACK (level_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->level_row);
  {
    int first, last;

    nb_format_year_range (&first, &last);
    row = spin_row (_("Year"), _("The year the report covers"), &self->year_spin, first, last);
  }
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);

  g = group (page, _("Report Title"), NULL);
  row = entry_row (self, NB_TEXT_TITLE, _("Title"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                            suffix_button ("view-refresh-symbolic", _("Propose Title"),
                                           _("Propose from agency and year"),
                                           G_CALLBACK (propose_title_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
  row = spin_row (_("Line Break After Character"), _("0 breaks the title automatically"),
                  &self->break_spin, 0, 60);
  g_signal_connect_swapped (self->break_spin, "value-changed", G_CALLBACK (break_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);

  g = group (page, _("Preamble"), _("Cites the regulations and states the statistics period"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g),
                                           suffix_button ("view-refresh-symbolic",
                                                          _("Propose Preamble"),
                                                          _("Propose from the year"),
                                                          G_CALLBACK (propose_preamble_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), text_area (self, NB_TEXT_PREAMBLE, _("Preamble")));

  g = group (page, _("Publication"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, NB_TEXT_PERIOD_START, _("Period Start (YYYY-MM-DD)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, NB_TEXT_PERIOD_END, _("Period End (YYYY-MM-DD)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, NB_TEXT_PUBLICATION_DATE, _("Publication Date (YYYY-MM-DD)")));

  g = group (page, _("Contact"), _("One line per item: address, telephone, e-mail"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), text_area (self, NB_TEXT_CONTACT, _("Contact")));

  g = group (page, _("Last Year"), _("Last year’s report enables the checks across years"));
  self->previous_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->previous_row), _("Last Year’s Report"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->previous_row),
                             suffix_button ("document-open-symbolic", _("Choose Last Year’s Report"),
                                            _("Choose…"),
                                            G_CALLBACK (choose_previous_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->previous_row),
                             suffix_button ("edit-clear-symbolic", _("Clear Last Year’s Report"),
                                            _("Clear"),
                                            G_CALLBACK (clear_previous_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->previous_row);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (self), page);
  g_object_unref (levels);
  refresh_all (self);
}

static void
nb_info_page_dispose (GObject *object)
{
  g_clear_object (&NB_INFO_PAGE (object)->session);
  G_OBJECT_CLASS (nb_info_page_parent_class)->dispose (object);
}

static void
nb_info_page_class_init (NbInfoPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nb_info_page_dispose;
}

static void
nb_info_page_init (NbInfoPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
nb_info_page_new (NbSession *session)
{
  NbInfoPage *self;

  g_return_val_if_fail (NB_IS_SESSION (session), NULL);

  self = g_object_new (NB_TYPE_INFO_PAGE, NULL);
  self->session = g_object_ref (session);
  build (self);
  g_signal_connect_object (nb_session_get_report (session), "changed",
                           G_CALLBACK (report_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

gboolean
nb_info_page_focus_field (NbInfoPage *self, const char *location)
{
  for (guint f = 0; f < NB_N_TEXTS; f++)
    if (self->fields[f] != NULL && g_strcmp0 (nb_report_text_location (f), location) == 0)
      return gtk_widget_grab_focus (self->fields[f]);
  if (g_strcmp0 (location, "meta.level") == 0)
    return gtk_widget_grab_focus (self->level_row);
  if (g_strcmp0 (location, "meta.year") == 0)
    return gtk_widget_grab_focus (self->year_spin);
  return FALSE;
}
