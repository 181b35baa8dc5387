/* nb-findings-page.c — every finding of the checks, grouped by severity
 *
 * Activating a row emits ::activate-finding; the window goes to the cell or the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nb-finding-location.h"
#include "nb-findings-page.h"
#include "nb-fix.h"

struct _NbFindingsPage
{
  GtkBox      parent_instance;

  NbSession  *session;
  GtkWidget  *stack;
  GtkWidget  *groups;
  GPtrArray  *rows;             /* GtkListBoxRow in display order */
};

G_DEFINE_FINAL_TYPE (NbFindingsPage, nb_findings_page, GTK_TYPE_BOX)

enum {
  ACTIVATE_FINDING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_activated_cb (GtkListBox *box, GtkListBoxRow *row, NbFindingsPage *self)
{
  const NbFinding *finding = g_object_get_data (G_OBJECT (row), "nb-finding");

  if (finding != NULL)
    g_signal_emit (self, signals[ACTIVATE_FINDING], 0, finding);
}

static void
confirm_fix_cb (AdwMessageDialog *dialog, const char *response, NbFindingsPage *self)
{
  const NbFinding *finding = g_object_get_data (G_OBJECT (dialog), "nb-finding");

  if (g_str_equal (response, "apply"))
    nb_fix_apply (self->session, finding);
}

/* 填0 says the agency had none of these: the user confirms that, the rest just apply. */
static void
fix_clicked_cb (GtkButton *button, NbFindingsPage *self)
{
  const NbFinding *finding = g_object_get_data (G_OBJECT (button), "nb-finding");
  NbFixKind kind = nb_fix_for_finding (nb_session_get_report (self->session), finding);
  GtkWidget *dialog;

  if (!nb_fix_needs_confirm (kind))
    {
      nb_fix_apply (self->session, finding);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Fill the Row’s Blanks With 0?"),
                                   _("Every blank cell of this row becomes 0, which states that "
                                     "there were none. Leave a cell blank if its figure is "
                                     "still unknown."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", _("Fill With _0"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nb-finding", nb_finding_copy (finding),
                          (GDestroyNotify) nb_finding_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_fix_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_row (NbFindingsPage *self, const NbFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (finding->message, -1);
  g_autofree char *where = nb_finding_describe_location (finding);
  g_autofree char *subtitle_raw = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* An overridden error still shows, with the note that lets the report be exported. */
  if (finding->override_note)
    subtitle_raw = g_strdup_printf (_("%s · %s\nOverridden with a note: %s"), finding->rule,
                                    where, finding->override_note);
  else
    subtitle_raw = g_strdup_printf ("%s · %s", finding->rule, where);
  subtitle = g_markup_escape_text (subtitle_raw, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  {
    const char *fix = nb_fix_label (nb_fix_for_finding (nb_session_get_report (self->session),
                                                        finding));

    if (fix != NULL)
      {
        GtkWidget *button = gtk_button_new_with_label (fix);

        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "nb-fix");
        g_object_set_data_full (G_OBJECT (button), "nb-finding", nb_finding_copy (finding),
                                (GDestroyNotify) nb_finding_free);
        g_signal_connect (button, "clicked", G_CALLBACK (fix_clicked_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      }
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "nb-finding", nb_finding_copy (finding),
                          (GDestroyNotify) nb_finding_free);
  return row;
}

static void
rebuild (NbFindingsPage *self)
{
  GPtrArray *findings = nb_session_get_findings (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->groups)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups), child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint s = 0; s < NB_N_SEVERITIES; s++)
    {
      GtkWidget *list = NULL;
      guint n = 0;

      for (guint i = 0; i < findings->len; i++)
        {
          const NbFinding *finding = g_ptr_array_index (findings, i);
          GtkWidget *row;

          if (finding->severity != s)
            continue;
          if (list == NULL)
            {
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
            }
          row = make_row (self, finding);
          gtk_widget_add_css_class (row, s == NB_SEVERITY_ERROR ? "nb-row-error"
                                    : s == NB_SEVERITY_WARNING ? "nb-row-warning" : "nb-row-info");
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          g_ptr_array_add (self->rows, row);
          n++;
        }
      if (list != NULL)
        {
          g_autofree char *heading = g_strdup_printf ("%s（%u）", nb_severity_name (s), n);
          GtkWidget *label = gtk_label_new (heading);

          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, "heading");
          gtk_box_append (GTK_BOX (self->groups), label);
          gtk_box_append (GTK_BOX (self->groups), list);
        }
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    findings->len > 0 ? "list" : "empty");
}

static void
nb_findings_page_dispose (GObject *object)
{
  NbFindingsPage *self = NB_FINDINGS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (nb_findings_page_parent_class)->dispose (object);
}

static void
nb_findings_page_constructed (GObject *object)
{
  NbFindingsPage *self = NB_FINDINGS_PAGE (object);

  G_OBJECT_CLASS (nb_findings_page_parent_class)->constructed (object);

  g_return_if_fail (NB_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "recalculated", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
nb_findings_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, NB_FINDINGS_PAGE (object)->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_findings_page_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      NB_FINDINGS_PAGE (object)->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_findings_page_class_init (NbFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_findings_page_constructed;
  object_class->dispose = nb_findings_page_dispose;
  object_class->get_property = nb_findings_page_get_property;
  object_class->set_property = nb_findings_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE_FINDING] = g_signal_new ("activate-finding", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, NB_TYPE_FINDING);
}

static void
nb_findings_page_init (NbFindingsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new ();
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);

  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->groups, 24);
  gtk_widget_set_margin_bottom (self->groups, 24);
  gtk_widget_set_margin_start (self->groups, 12);
  gtk_widget_set_margin_end (self->groups, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->groups);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Problems Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The tables add up and the text agrees with them"));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_box_append (GTK_BOX (self), self->stack);
}

GtkWidget *
nb_findings_page_new (NbSession *session)
{
  g_return_val_if_fail (NB_IS_SESSION (session), NULL);

  return g_object_new (NB_TYPE_FINDINGS_PAGE, "session", session, NULL);
}

gboolean
nb_findings_page_activate_nth (NbFindingsPage *self, guint n)
{
  GtkWidget *row;

  if (n >= self->rows->len)
    return FALSE;
  row = g_ptr_array_index (self->rows, n);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  return TRUE;
}
