/* nb-info-page.c — 报告信息: agency, title, preamble, dates, contact, 版式 (signature block,
 * standalone headings), last year's report; a composite template (nb-info-page.ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-document.h"
#include "nb-info-page.h"
#include "nb-level-year.h"
#include "nb-text-filter.h"
#include "nb-paragraph-view.h"

struct _NbInfoPage
{
  GtkBox      parent_instance;

  NbSession  *session;
  GtkWidget  *fields[NB_N_TEXTS];   /* AdwEntryRow or GtkTextView, NULL when not shown */
  gpointer    editing;
  gboolean    updating;

  /* Template widgets */
  GtkWidget  *agency_row;
  GtkWidget  *level_row;
  GtkWidget  *year_spin;
  GtkWidget  *title_row;
  GtkWidget  *break_spin;
  GtkWidget  *preamble_view;
  GtkWidget  *period_start_row;
  GtkWidget  *period_end_row;
  GtkWidget  *publication_date_row;
  GtkWidget  *contact_view;
  GtkWidget  *signature_switch;
  GtkWidget  *signature_agency_row;
  GtkWidget  *signature_date_row;
  GtkWidget  *standalone_switch;
  GtkWidget  *previous_row;
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  gtk_switch_set_active (GTK_SWITCH (self->signature_switch), nb_report_get_signature (report));
  gtk_switch_set_active (GTK_SWITCH (self->standalone_switch),
                         nb_report_get_standalone_headings (report));
  self->updating = FALSE;
  refresh_previous (self);
}

static void
report_changed_cb (NbInfoPage *self, const char *location)
{
  /* The standalone headings are announced as a change of 一, whose text changes often. */
  if (g_str_has_prefix (location, "meta."))
    refresh_all (self);
  else if (g_str_equal (location, "s1"))
    {
      self->updating = TRUE;
      gtk_switch_set_active (GTK_SWITCH (self->standalone_switch),
                             nb_report_get_standalone_headings (get_report (self)));
      self->updating = FALSE;
    }
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

/* The fields typed in: each edit goes to the session, a focus leaving ends its merge run. */
static void
wire_field (NbInfoPage *self, NbTextField field, GtkWidget *widget)
{
  GObject *source = G_OBJECT (widget);

  if (GTK_IS_TEXT_VIEW (widget))
    {
      source = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
      gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (source), FALSE);
    }
  else
    nb_text_filter_attach_editable (GTK_EDITABLE (widget));
  g_object_set_data (source, "nb-field", GINT_TO_POINTER (field));
  g_signal_connect (source, "changed", G_CALLBACK (field_changed_cb), self);
  watch_focus (self, widget);
  self->fields[field] = widget;
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

/* An empty signing agency or date prints the report's agency or publication date
 * (nb_render_signature): nothing is copied, so a later correction of those reaches the
 * signature too. */
static void
signature_toggled_cb (NbInfoPage *self)
{
  if (self->updating)
    return;
  nb_session_seal (self->session);
  nb_session_edit_signature (self->session,
                             gtk_switch_get_active (GTK_SWITCH (self->signature_switch)));
}

static void
standalone_toggled_cb (NbInfoPage *self)
{
  if (self->updating)
    return;
  nb_session_seal (self->session);
  nb_session_edit_standalone_headings (self->session,
                                       gtk_switch_get_active (GTK_SWITCH (self->standalone_switch)));
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
      nb_show_error (GTK_WINDOW (gtk_widget_get_native (GTK_WIDGET (self))),
                     _("Could Not Use Last Year’s Report"), error->message);
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
  /* The page may be gone (the report closed) before the chooser answers. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (previous_chosen_cb), self, 0);
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

static void
nb_info_page_constructed (GObject *object)
{
  NbInfoPage *self = NB_INFO_PAGE (object);

  G_OBJECT_CLASS (nb_info_page_parent_class)->constructed (object);

  g_return_if_fail (NB_IS_SESSION (self->session));
  refresh_all (self);
  self->updating = FALSE;
  g_signal_connect_object (get_report (self), "changed", G_CALLBACK (report_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
nb_info_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NB_TYPE_INFO_PAGE);
  g_clear_object (&NB_INFO_PAGE (object)->session);
  G_OBJECT_CLASS (nb_info_page_parent_class)->dispose (object);
}

static void
nb_info_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, NB_INFO_PAGE (object)->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_info_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      NB_INFO_PAGE (object)->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_info_page_class_init (NbInfoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_info_page_constructed;
  object_class->dispose = nb_info_page_dispose;
  object_class->get_property = nb_info_page_get_property;
  object_class->set_property = nb_info_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NB_TYPE_PARAGRAPH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-info-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, agency_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, break_spin);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, preamble_view);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, publication_date_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, contact_view);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, signature_switch);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, signature_agency_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, signature_date_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, standalone_switch);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, previous_row);
  gtk_widget_class_bind_template_callback (widget_class, level_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, break_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, signature_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, standalone_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, propose_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, propose_preamble_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_previous_cb);
}

static void
nb_info_page_init (NbInfoPage *self)
{
  /* Until the session's values are shown, the widgets' own changes are no edits. */
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_level_year_setup (ADW_COMBO_ROW (self->level_row), GTK_SPIN_BUTTON (self->year_spin));

  wire_field (self, NB_TEXT_AGENCY, self->agency_row);
  wire_field (self, NB_TEXT_TITLE, self->title_row);
  wire_field (self, NB_TEXT_PREAMBLE, self->preamble_view);
  wire_field (self, NB_TEXT_PERIOD_START, self->period_start_row);
  wire_field (self, NB_TEXT_PERIOD_END, self->period_end_row);
  wire_field (self, NB_TEXT_PUBLICATION_DATE, self->publication_date_row);
  wire_field (self, NB_TEXT_CONTACT, self->contact_view);
  wire_field (self, NB_TEXT_SIGNATURE_AGENCY, self->signature_agency_row);
  wire_field (self, NB_TEXT_SIGNATURE_DATE, self->signature_date_row);
}

GtkWidget *
nb_info_page_new (NbSession *session)
{
  g_return_val_if_fail (NB_IS_SESSION (session), NULL);

  return g_object_new (NB_TYPE_INFO_PAGE, "session", session, NULL);
}

gboolean
nb_info_page_focus_field (NbInfoPage *self, const char *location)
{
  /* The switch and both texts of the signature block share their location: the texts
   * when they are shown, else the switch. */
  if (g_strcmp0 (location, "meta.signature") == 0)
    return gtk_widget_grab_focus (nb_report_get_signature (get_report (self)) ?
                                  self->signature_agency_row : self->signature_switch);
  for (guint f = 0; f < NB_N_TEXTS; f++)
    if (self->fields[f] != NULL && g_strcmp0 (nb_report_text_location (f), location) == 0)
      return gtk_widget_grab_focus (self->fields[f]);
  if (g_strcmp0 (location, "meta.level") == 0)
    return gtk_widget_grab_focus (self->level_row);
  if (g_strcmp0 (location, "meta.year") == 0)
    return gtk_widget_grab_focus (self->year_spin);
  if (g_strcmp0 (location, "meta.standalone_headings") == 0)
    return gtk_widget_grab_focus (self->standalone_switch);
  return FALSE;
}
