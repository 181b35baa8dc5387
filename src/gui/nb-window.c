/* nb-window.c — the editor window: start page, sidebar of sections, pages
 *
 * The pages are built when first shown: only the visible page costs anything at start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "nb-document.h"
#include "nb-drafts.h"
#include "nb-export.h"
#include "nb-findings-page.h"
#include "nb-fix.h"
#include "nb-import.h"
#include "nb-info-page.h"
#include "nb-new-report-dialog.h"
#include "nb-narrative-page.h"
#include "nb-override-dialog.h"
#include "nb-pdf-fonts.h"
#include "nb-preview.h"
#include "nb-print-operation.h"
#include "nb-punctuation-action.h"
#include "nb-table-page.h"
#include "nb-window-private.h"

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, ADW_TYPE_APPLICATION_WINDOW)

const char *
nb_window_entry_name (guint entry)
{
  static const char *const names[N_ENTRIES] = {
    "info", "s1", "s2", "s3", "s4", "s5", "s6", "findings", "preview",
  };

  return names[entry];
}

static int
entry_from_name (const char *name)
{
  for (guint i = 0; i < N_ENTRIES; i++)
    if (g_strcmp0 (nb_window_entry_name (i), name) == 0)
      return i;
  return -1;
}

GSettings *
nb_window_get_settings (NbWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return NB_IS_APPLICATION (app) ? nb_application_get_settings (NB_APPLICATION (app)) : NULL;
}

void
nb_window_add_toast (NbWindow *self, AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
nb_window_toast_message (NbWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  nb_window_add_toast (self, toast);
}

gboolean
nb_window_has_report (NbWindow *self)
{
  return self->session != NULL;
}

gboolean
nb_window_is_modified (NbWindow *self)
{
  return self->session != NULL &&
         (nb_session_get_state_id (self->session) != self->saved_state ||
          nb_session_get_n_unrecorded (self->session) != self->saved_unrecorded);
}

void
nb_window_mark_saved (NbWindow *self)
{
  self->saved_state = nb_session_get_state_id (self->session);
  self->saved_unrecorded = nb_session_get_n_unrecorded (self->session);
}

NbSession *
nb_window_get_session (NbWindow *self)
{
  return self->session;
}

GFile *
nb_window_get_file (NbWindow *self)
{
  return self->file;
}

const char *
nb_window_get_draft_id (NbWindow *self)
{
  return self->draft_id;
}

char *
nb_window_document_name (NbWindow *self)
{
  const char *title = self->session ? nb_report_get_text (nb_session_get_report (self->session),
                                                          NB_TEXT_TITLE) : NULL;

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  /* An imported report is named by its title until it is saved. */
  if (title != NULL && *title != '\0')
    return g_strdelimit (g_strdup (title), "\n", ' ');
  return g_strdup (_("Untitled Report"));
}

void
nb_window_update_title (NbWindow *self)
{
  g_autofree char *name = nb_window_document_name (self);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *dir = NULL;
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (self->session == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Nianbao"));
      return;
    }
  shown = nb_window_is_modified (self) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->title_widget, shown);
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      dir = parent ? g_file_get_parse_name (parent) : NULL;
    }
  /* The folder as file managers show it: the home folder as ~. */
  if (dir != NULL && g_str_has_prefix (dir, home) && (dir[home_len] == '/' || dir[home_len] == '\0'))
    {
      char *short_dir = g_strconcat ("~", dir + home_len, NULL);

      g_free (dir);
      dir = short_dir;
    }
  adw_window_title_set_subtitle (self->title_widget, dir ? dir : "");
  window_title = g_strdup_printf ("%s — %s", shown, _("Nianbao"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
nb_window_update_actions (NbWindow *self)
{
  static const char *const need_report[] = {
    "win.save", "win.save-as", "win.export-pdf", "win.export-html", "win.export-json",
    "win.export-docx", "win.print",
  };
  gboolean has = self->session != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (need_report); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_report[i], has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has && nb_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has && nb_session_can_redo (self->session));
  /* 规范标点 is an action of the window's action map (nb-punctuation-action.c). */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                             "fix-punctuation")),
                               has);
}

static void
set_badge (GtkWidget *label, guint count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *name = g_strdup_printf (gtk_widget_has_css_class (label, "nb-badge-error")
                                           ? ngettext ("%u error", "%u errors", count)
                                           : ngettext ("%u warning", "%u warnings", count), count);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* After the text: a label names itself by its text. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (label, count > 0);
}

static void
update_badges (NbWindow *self)
{
  guint total[NB_N_SEVERITIES] = { 0 };

  for (guint e = 0; e <= NB_N_SECTIONS; e++)
    {
      GtkWidget **labels = g_hash_table_lookup (self->badges, nb_window_entry_name (e));
      guint counts[NB_N_SEVERITIES];

      nb_session_count_findings (self->session, e, counts);
      set_badge (labels[0], counts[NB_SEVERITY_ERROR]);
      set_badge (labels[1], counts[NB_SEVERITY_WARNING]);
      for (guint s = 0; s < NB_N_SEVERITIES; s++)
        total[s] += counts[s];
    }
  {
    GtkWidget **labels = g_hash_table_lookup (self->badges, "findings");

    set_badge (labels[0], total[NB_SEVERITY_ERROR]);
    set_badge (labels[1], total[NB_SEVERITY_WARNING]);
  }
}

static void
recalculated_cb (NbWindow *self)
{
  update_badges (self);
  nb_window_update_actions (self);
  nb_window_update_title (self);
}

static gboolean
autosave_cb (gpointer data)
{
  NbWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  /* Decided now: an edit's undo step is recorded only after the report has changed. Back
   * at the saved state, a recovery copy would bring back what the user took away. */
  if (!nb_window_is_modified (self))
    {
      nb_drafts_remove (self->draft_id);
      return G_SOURCE_REMOVE;
    }
  if (nb_window_write_draft (self, &error))
    self->autosave_failed = FALSE;
  else if (!self->autosave_failed)
    {
      /* The user believes their work is protected: say once that it is not, and keep the
       * toast until dismissed. The next change tries again. */
      g_autofree char *message = g_strdup_printf (_("Recovery copies cannot be written: %s"),
                                                  error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      nb_window_add_toast (self, toast);
      self->autosave_failed = TRUE;
    }
  return G_SOURCE_REMOVE;
}

static void
report_changed_cb (NbWindow *self, const char *location)
{
  GSettings *settings = nb_window_get_settings (self);
  guint delay = settings ? g_settings_get_uint (settings, "auto-save-delay") : 3;

  nb_window_update_title (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (MAX (delay, 1), autosave_cb, self);
}

void
nb_window_delete_draft (NbWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  nb_drafts_remove (self->draft_id);
}

gboolean
nb_window_write_draft (NbWindow *self, GError **error)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->session == NULL)
    return TRUE;
  return nb_drafts_write (self->draft_id, nb_session_get_report (self->session), self->file,
                          error);
}

/* Pages */

static void
finding_activated_cb (NbWindow *self, const NbFinding *finding)
{
  nb_window_focus_finding (self, finding);
}

/* The pages as they will print, drawn by the same renderer as the PDF; the preview lays
 * the report out again after a pause in typing. */
static GtkWidget *
create_preview_page (NbWindow *self)
{
  GtkWidget *preview = nb_preview_new ();

  nb_preview_set_report (NB_PREVIEW (preview), nb_session_get_report (self->session));
  return preview;
}

static GtkWidget *
create_page (NbWindow *self, guint entry)
{
  if (entry == 0)
    return nb_info_page_new (self->session);
  if (entry == ENTRY_FINDINGS)
    {
      GtkWidget *page = nb_findings_page_new (self->session);

      g_signal_connect_object (page, "activate-finding", G_CALLBACK (finding_activated_cb),
                               self, G_CONNECT_SWAPPED);
      return page;
    }
  if (entry == ENTRY_PREVIEW)
    return create_preview_page (self);
  if (nb_format_section (entry - 1)->kind == NB_SECTION_TABLE)
    return nb_table_page_new (self->session, nb_format_section (entry - 1)->table);
  return nb_narrative_page_new (self->session, entry - 1);
}

GtkWidget *
nb_window_get_page (NbWindow *self, const char *name)
{
  return gtk_stack_get_child_by_name (self->page_stack, name);
}

GtkWidget *
nb_window_get_sidebar_row (NbWindow *self, const char *name)
{
  int entry = entry_from_name (name);

  if (entry < 0)
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->sidebar, entry));
}

GtkWidget *
nb_window_show_page (NbWindow *self, const char *name)
{
  int entry = entry_from_name (name);
  GtkWidget *page;

  g_return_val_if_fail (entry >= 0, NULL);
  if (self->session == NULL)
    return NULL;

  page = nb_window_get_page (self, name);
  if (page == NULL)
    {
      page = create_page (self, entry);
      gtk_stack_add_named (self->page_stack, page, name);
    }
  gtk_stack_set_visible_child (self->page_stack, page);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, entry));
  return page;
}

static void
sidebar_row_selected_cb (GtkListBox *box, GtkListBoxRow *row, NbWindow *self)
{
  if (row != NULL)
    nb_window_show_page (self, nb_window_entry_name (gtk_list_box_row_get_index (row)));
}

/* Into the page: its first control that takes the focus. */
static void
focus_page_content (NbWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
sidebar_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, NbWindow *self)
{
  focus_page_content (self);
}

/* F6, as in GNOME applications: from the page to the sidebar's selected row and back. */
static void
cycle_focus (NbWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    focus_page_content (self);
  else if (row != NULL)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
back_clicked_cb (NbWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
nb_window_focus_location (NbWindow *self, const char *location, const NbFinding *finding)
{
  /* A total cannot be typed in: a finding on one goes to its parts. */
  int cell = nb_fix_focus_cell (nb_session_get_report (self->session),
                                finding ? finding->cell : nb_format_cell_index (location));
  guint entry = nb_session_entry_for_location (location);
  GtkWidget *page;

  if (cell >= 0)
    {
      const NbSectionDef *section = nb_format_section_by_id (nb_format_table (nb_format_cell (cell)->table)->section_id);

      page = nb_window_show_page (self, section->id);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      nb_table_page_focus_cell (NB_TABLE_PAGE (page), cell);
      return;
    }
  page = nb_window_show_page (self, nb_window_entry_name (entry));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (entry == 0)
    nb_info_page_focus_field (NB_INFO_PAGE (page), location);
  else if (NB_IS_NARRATIVE_PAGE (page) && finding != NULL)
    nb_narrative_page_focus_finding (NB_NARRATIVE_PAGE (page), finding);
  else if (NB_IS_NARRATIVE_PAGE (page))
    nb_narrative_page_focus_change (NB_NARRATIVE_PAGE (page));
}

void
nb_window_focus_finding (NbWindow *self, const NbFinding *finding)
{
  g_return_if_fail (finding != NULL);
  nb_window_focus_location (self, finding->where, finding);
}

static GtkWidget *
make_badge (const char *css_class, const char *tooltip)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_widget_add_css_class (label, "nb-badge");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
build_sidebar (NbWindow *self)
{
  for (guint e = 0; e < N_ENTRIES; e++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label;
      GtkWidget **badges = g_new0 (GtkWidget *, 2);

      if (e == 0)
        label = gtk_label_new (_("Report Information"));
      else if (e == ENTRY_FINDINGS)
        label = gtk_label_new (_("Check Results"));
      else if (e == ENTRY_PREVIEW)
        label = gtk_label_new (_("Preview"));
      else
        label = gtk_label_new (nb_format_section (e - 1)->title);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);

      badges[0] = make_badge ("nb-badge-error", _("Errors"));
      badges[1] = make_badge ("nb-badge-warning", _("Warnings"));
      gtk_box_append (GTK_BOX (box), badges[0]);
      gtk_box_append (GTK_BOX (box), badges[1]);
      g_hash_table_insert (self->badges, (gpointer) nb_window_entry_name (e), badges);
      gtk_widget_set_margin_top (box, e == ENTRY_FINDINGS ? 9 : 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_list_box_append (self->sidebar, box);
    }
}

static void
clear_pages (NbWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack))) != NULL)
    gtk_stack_remove (self->page_stack, child);
}

static void
length_rule_changed_cb (NbWindow *self, const char *key, GSettings *settings)
{
  if (self->session != NULL)
    nb_session_set_length_rule (self->session, g_settings_get_boolean (settings, key));
}

void
nb_window_set_report (NbWindow *self, NbReport *report)
{
  GSettings *settings = nb_window_get_settings (self);

  g_return_if_fail (NB_IS_REPORT (report));

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (nb_session_get_report (self->session), self);
    }
  gtk_list_box_unselect_all (self->sidebar);
  clear_pages (self);
  g_clear_object (&self->session);

  self->session = nb_session_new (report);
  if (settings != NULL)
    {
      nb_session_set_length_rule (self->session, g_settings_get_boolean (settings, "length-rule"));
      g_signal_handlers_disconnect_by_func (settings, length_rule_changed_cb, self);
      g_signal_connect_object (settings, "changed::length-rule",
                               G_CALLBACK (length_rule_changed_cb), self, G_CONNECT_SWAPPED);
    }
  nb_window_mark_saved (self);
  g_signal_connect_object (self->session, "recalculated", G_CALLBACK (recalculated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "changed", G_CALLBACK (report_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  recalculated_cb (self);
  nb_window_show_page (self, "info");
}

void
nb_window_add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .mime_type = (char *) "application/x-nianbao",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "nianbao %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

gboolean
nb_window_load_file (NbWindow *self, GFile *file, GError **error)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) previous_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  report = nb_document_load (file, NULL, error);
  if (report == NULL)
    return FALSE;

  /* Last year's report is optional: say so when it cannot be read, but open this one. */
  if (!nb_document_load_previous (report, file, &previous_error))
    {
      g_autofree char *message = g_strdup_printf (_("Last year’s report was not loaded: %s"),
                                                  previous_error->message);
      nb_window_toast_message (self, message);
    }

  nb_window_delete_draft (self);
  g_set_object (&self->file, file);
  nb_window_set_report (self, report);
  nb_window_update_title (self);
  nb_window_add_recent (file);
  return TRUE;
}

gboolean
nb_window_load_draft (NbWindow *self, const char *draft_id, GError **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(NbReport) report = nb_drafts_load (draft_id, &source, error);

  if (report == NULL)
    return FALSE;

  g_set_object (&self->file, source);
  nb_document_load_previous (report, self->file, NULL);
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  nb_window_set_report (self, report);
  /* Unsaved by definition: the user's file does not have these changes. */
  self->saved_state = G_MAXUINT64;
  nb_window_update_title (self);
  return TRUE;
}

gboolean
nb_window_save_to (NbWindow *self, GFile *file, GError **error)
{
  NbReport *report;

  g_return_val_if_fail (self->session != NULL, FALSE);

  report = nb_session_get_report (self->session);
  if (!nb_document_save (report, file, NULL, error))
    return FALSE;
  g_set_object (&self->file, file);
  nb_window_mark_saved (self);
  nb_window_delete_draft (self);
  nb_window_add_recent (file);
  nb_window_update_title (self);
  return TRUE;
}

void
nb_window_show_error (NbWindow *self, const char *heading, const GError *error)
{
  nb_show_error (GTK_WINDOW (self), heading, error->message);
}

/* New report dialog */

static void
new_dialog_create_cb (NbNewReportDialog *dialog, const char *response, NbWindow *self)
{
  g_autofree char *agency = nb_new_report_dialog_dup_agency (dialog);
  g_autoptr(NbReport) report = nb_report_new_for_agency (agency,
                                                         nb_new_report_dialog_get_level (dialog),
                                                         nb_new_report_dialog_get_year (dialog));

  nb_window_delete_draft (self);
  g_clear_object (&self->file);
  nb_window_set_report (self, report);
  /* A new report has nothing to lose until the user types. */
  nb_window_update_title (self);
}

void
nb_window_show_new_dialog (NbWindow *self)
{
  NbNewReportDialog *dialog = nb_new_report_dialog_new (GTK_WINDOW (self));

  g_signal_connect (dialog, "response::create", G_CALLBACK (new_dialog_create_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Start page */

static gint
compare_recent (gconstpointer a, gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

static void
fill_recent (NbWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".nianbao") &&
        gtk_recent_info_exists (l->data))
      g_ptr_array_add (mine, l->data);
  g_ptr_array_sort (mine, compare_recent);

  for (guint i = 0; i < mine->len && i < 6; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (mine, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
      g_autofree char *dir = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      g_autofree char *dir_escaped = g_markup_escape_text (dir, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir_escaped);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "nb-file", g_object_ref (file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_label, mine->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), mine->len > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
recent_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, NbWindow *self)
{
  nb_window_open_chosen (self, g_object_get_data (G_OBJECT (row), "nb-file"));
}

/* Closing */

static void
close_dialog_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  if (g_str_equal (response, "discard"))
    {
      nb_window_delete_draft (self);
      nb_window_mark_saved (self);
      nb_window_destroy_later (self);
    }
  else if (g_str_equal (response, "save"))
    {
      self->closing = TRUE;
      nb_window_save (self);
    }
}

static void
save_window_state (NbWindow *self)
{
  GSettings *settings = nb_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
nb_window_close_request (GtkWindow *window)
{
  NbWindow *self = NB_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  save_window_state (self);
  if (!nb_window_is_modified (self))
    {
      nb_window_delete_draft (self);
      return GTK_WINDOW_CLASS (nb_window_parent_class)->close_request (window);
    }

  name = nb_window_document_name (self);
  body = g_strdup_printf (_("“%s” has changes that were not saved. Without saving, they are lost."),
                          name);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);
  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_finalize (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->last_export);
  g_strfreev (self->export_fonts);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  g_free (self->draft_id);
  G_OBJECT_CLASS (nb_window_parent_class)->finalize (object);
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_window_dispose;
  object_class->finalize = nb_window_finalize;
  window_class->close_request = nb_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, page_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  nb_window_actions_class_init (widget_class);
  nb_window_export_class_init (widget_class);
}

/* Undo and redo are the report's, not the focused entry's: GtkText and GtkTextView have
 * their own Ctrl+Z bindings, so catch the keys before they reach them. */
static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, NbWindow *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  const char *action = NULL;

  if (self->session != NULL && mods == 0 && keyval == GDK_KEY_F6)
    {
      cycle_focus (self);
      return TRUE;
    }
  /* Alt+1 … Alt+9: the sidebar's entries in order, the focus in the page. */
  if (self->session != NULL && mods == GDK_ALT_MASK && keyval >= GDK_KEY_1 &&
      keyval < GDK_KEY_1 + N_ENTRIES)
    {
      nb_window_show_page (self, nb_window_entry_name (keyval - GDK_KEY_1));
      focus_page_content (self);
      return TRUE;
    }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    action = "win.undo";
  else if ((mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z)) ||
           (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_y || keyval == GDK_KEY_Y)))
    action = "win.redo";
  if (action == NULL || self->session == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
nb_window_init (NbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->badges = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->draft_id = g_uuid_string_random ();
  nb_punctuation_action_install (self);
  {
    GtkEventController *controller = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    g_signal_connect (controller, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
  }
  build_sidebar (self);
  fill_recent (self);
  nb_window_update_actions (self);
  nb_window_update_title (self);
}

NbWindow *
nb_window_new (NbApplication *app)
{
  NbWindow *self = g_object_new (NB_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = nb_application_get_settings (app);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  return self;
}
