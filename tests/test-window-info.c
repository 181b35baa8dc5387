/* test-window-info.c — the 报告信息 page's 版式 switches (signature block, standalone
 * headings) through the session and the preview, and the new-report dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-document.h"
#include "nb-findings-page.h"
#include "nb-info-page.h"
#include "nb-narrative-page.h"
#include "nb-new-report-dialog.h"
#include "nb-preview.h"
#include "nb-table-page.h"
#include "test-window-utils.h"

static NbReport *
window_report (NbWindow *window)
{
  return nb_session_get_report (nb_window_get_session (window));
}

/* The widget the page puts the keyboard in for @location, as a finding or undo would. */
static GtkWidget *
focus_location (NbWindow *window, const char *location)
{
  GtkWidget *info = nb_window_show_page (window, "info");

  g_assert_true (nb_info_page_focus_field (NB_INFO_PAGE (info), location));
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkWidget *
ancestor (GtkWidget *widget, GType type)
{
  GtkWidget *found = gtk_widget_get_ancestor (widget, type);

  g_assert_nonnull (found);
  return found;
}

/* Pixels of the preview as last drawn, to tell whether it follows an edit; NULL while a
 * new frame is due. */
static GBytes *
draw_preview (GtkWidget *preview)
{
  g_autoptr(GdkTexture) texture = nb_test_render (preview);
  gsize stride;
  guchar *pixels;

  if (texture == NULL)
    return NULL;
  stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * gdk_texture_get_height (texture));
}

typedef struct {
  GtkWidget *preview;
  GBytes    *before;
} Drawn;

static gboolean
drawn_otherwise (gpointer data)
{
  Drawn *drawn = data;
  g_autoptr(GBytes) now = draw_preview (drawn->preview);

  return now != NULL && !g_bytes_equal (now, drawn->before);
}

static gboolean
drawn_at_all (gpointer data)
{
  Drawn *drawn = data;

  drawn->before = draw_preview (drawn->preview);
  return drawn->before != NULL;
}

/* Shows the preview at its first or last page and keeps what it draws there. */
static GtkWidget *
show_preview (NbWindow *window, gboolean last_page, Drawn *drawn)
{
  GtkWidget *preview = nb_window_show_page (window, "preview");
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  g_assert_true (NB_IS_PREVIEW (preview));
  nb_preview_relayout (NB_PREVIEW (preview));
  gtk_test_widget_wait_for_draw (preview);
  scroller = GTK_SCROLLED_WINDOW (nb_test_find_type (preview, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, last_page ? gtk_adjustment_get_upper (adjustment) : 0);
  drawn->preview = preview;
  g_assert_true (nb_test_wait_until (drawn_at_all, drawn, 5000));
  return preview;
}

typedef struct {
  GtkSwitch *toggle;
  gboolean   want;
} Flip;

static gboolean
flipped (gpointer data)
{
  Flip *flip = data;

  return gtk_switch_get_active (flip->toggle) == flip->want;
}

/* Flips @toggle as a click or Space does: GtkSwitch moves its knob, then changes. */
static void
flip (GtkWidget *toggle)
{
  Flip wanted = { GTK_SWITCH (toggle), !gtk_switch_get_active (GTK_SWITCH (toggle)) };

  g_assert_true (gtk_widget_activate (toggle));
  g_assert_true (nb_test_wait_until (flipped, &wanted, 5000));
}

/* 落款: the switch turns the signature block on as one undo step, starting from the
 * agency; the preview's last page shows it; Ctrl+Z turns it off again and the report is as
 * saved. */
static void
test_signature_switch (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  NbReport *report = window_report (window);
  GtkWidget *toggle, *agency_row;
  Drawn drawn = { NULL, NULL };

  g_assert_false (nb_report_get_signature (report));
  g_assert_false (nb_window_is_modified (window));
  show_preview (window, TRUE, &drawn);

  toggle = focus_location (window, "meta.signature");
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  flip (toggle);
  /* Shown, the block's location is its agency. */
  agency_row = ancestor (focus_location (window, "meta.signature"), ADW_TYPE_ENTRY_ROW);
  g_assert_true (nb_report_get_signature (report));
  g_assert_true (nb_window_is_modified (window));
  g_assert_true (gtk_widget_get_visible (agency_row));
  /* Nothing copied: an empty agency prints the report's, and follows its corrections. */
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_SIGNATURE_AGENCY), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agency_row)), ==, "");

  nb_window_show_page (window, "preview");
  g_assert_true (nb_test_wait_until (drawn_otherwise, &drawn, 5000));
  g_clear_pointer (&drawn.before, g_bytes_unref);

  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (nb_report_get_signature (report));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_SIGNATURE_AGENCY), ==, "");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (gtk_widget_get_visible (agency_row));
  g_assert_false (nb_window_is_modified (window));
  /* Undo shows what it reverted. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == toggle);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The signing agency typed in the page is the model's, and undone like any text. */
static void
test_signature_agency (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  NbReport *report = window_report (window);
  GtkWidget *text;
  int position;

  flip (focus_location (window, "meta.signature"));
  g_assert_true (nb_report_get_signature (report));

  text = focus_location (window, "meta.signature");
  g_assert_true (GTK_IS_EDITABLE (text));
  gtk_editable_delete_text (GTK_EDITABLE (text), 0, -1);
  position = 0;
  gtk_editable_insert_text (GTK_EDITABLE (text), "重庆市黔江区人民政府办公室", -1, &position);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_SIGNATURE_AGENCY), ==,
                   "重庆市黔江区人民政府办公室");

  /* The date's row follows the agency's. */
  text = gtk_widget_get_next_sibling (ancestor (text, ADW_TYPE_ENTRY_ROW));
  g_assert_true (ADW_IS_ENTRY_ROW (text));
  gtk_widget_grab_focus (text);
  text = gtk_root_get_focus (GTK_ROOT (window));
  position = 0;
  gtk_editable_insert_text (GTK_EDITABLE (text), "2025-01-20", -1, &position);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_SIGNATURE_DATE), ==, "2025-01-20");

  /* The date, then the agency, then the switch. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_SIGNATURE_DATE), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_SIGNATURE_AGENCY), ==, "");
  g_assert_true (nb_report_get_signature (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (nb_report_get_signature (report));
  g_assert_false (nb_window_is_modified (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 小标题单独成行: the switch changes the model and the preview's first page; Ctrl+Z puts
 * the headings back in their paragraphs; redo follows to the page. */
static void
test_standalone_headings (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  NbReport *report = window_report (window);
  GtkWidget *toggle;
  Drawn drawn = { NULL, NULL };

  show_preview (window, FALSE, &drawn);
  toggle = focus_location (window, "meta.standalone_headings");
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_false (nb_report_get_standalone_headings (report));

  flip (toggle);
  g_assert_true (nb_report_get_standalone_headings (report));
  g_assert_true (nb_window_is_modified (window));
  nb_window_show_page (window, "preview");
  g_assert_true (nb_test_wait_until (drawn_otherwise, &drawn, 5000));
  g_clear_pointer (&drawn.before, g_bytes_unref);

  nb_window_show_page (window, "info");
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (nb_report_get_standalone_headings (report));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (nb_window_is_modified (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (nb_report_get_standalone_headings (report));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 新建报告: the dialog offers the years a report can exist for and makes a report of the
 * agency, level and year chosen. */
static void
test_new_report_dialog (void)
{
  NbWindow *window;
  NbNewReportDialog *dialog = nb_test_new_report_dialog (&window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkSpinButton *year;
  AdwComboRow *level;
  NbReport *report;
  double min, max;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  year = GTK_SPIN_BUTTON (nb_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_get_range (year, &min, &max);
  g_assert_cmpint ((int) min, ==, 2021);
  g_assert_cmpint ((int) max, ==, g_date_time_get_year (now));
  g_assert_cmpint (nb_new_report_dialog_get_year (dialog), ==, g_date_time_get_year (now) - 1);
  gtk_spin_button_set_value (year, g_date_time_get_year (now) + 2);
  g_assert_cmpint (nb_new_report_dialog_get_year (dialog), ==, g_date_time_get_year (now));
  gtk_spin_button_set_value (year, 2022);

  level = ADW_COMBO_ROW (nb_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (level)), ==, NB_N_LEVELS);
  g_assert_cmpint (nb_new_report_dialog_get_level (dialog), ==, NB_LEVEL_DEPARTMENT);
  adw_combo_row_set_selected (level, NB_N_LEVELS - 1);

  /* Only spaces are no agency. */
  gtk_editable_set_text (nb_new_report_dialog_get_agency_entry (dialog), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (nb_new_report_dialog_get_agency_entry (dialog), " 重庆市黔江区人民政府 ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");

  report = window_report (window);
  g_assert_nonnull (report);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_AGENCY), ==, "重庆市黔江区人民政府");
  g_assert_cmpint (nb_report_get_level (report), ==, NB_N_LEVELS - 1);
  g_assert_cmpint (nb_report_get_year (report), ==, 2022);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PERIOD_START), ==, "2022-01-01");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_report (gpointer window)
{
  return nb_window_has_report (window);
}

/* Enter in the agency field presses 创建 once an agency is typed, as in GNOME's dialogs;
 * before that it does nothing. */
static void
test_new_report_enter (void)
{
  NbWindow *window;
  NbNewReportDialog *dialog = nb_test_new_report_dialog (&window);
  GtkWidget *text;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  /* The text the keyboard types into: Enter there is its "activate" key binding. */
  text = nb_test_find_type (GTK_WIDGET (nb_new_report_dialog_get_agency_entry (dialog)),
                            GTK_TYPE_TEXT);
  g_assert_nonnull (text);

  /* No agency: 创建, the default, is off, so Enter has nothing to press. */
  g_assert_false (gtk_widget_is_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  g_signal_emit_by_name (text, "activate");
  g_assert_false (nb_window_has_report (window));
  g_assert_true (nb_test_find_dialog (window) == ADW_MESSAGE_DIALOG (dialog));

  gtk_editable_set_text (nb_new_report_dialog_get_agency_entry (dialog), "黔江区教育委员会");
  g_signal_emit_by_name (text, "activate");
  /* The button shows itself pressed before it clicks. */
  g_assert_true (nb_test_wait_until (has_report, window, 3000));
  g_assert_cmpstr (nb_report_get_text (window_report (window), NB_TEXT_AGENCY), ==,
                   "黔江区教育委员会");
  g_assert_null (nb_test_find_dialog (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pages take their session as a construct-only property: built by g_object_new () as
 * a .ui file would build them, they show the session's report. */
static void
test_pages_session_property (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(NbReport) report = nb_document_load (file, NULL, NULL);
  g_autoptr(NbSession) session = nb_session_new (report);
  GType types[] = { NB_TYPE_INFO_PAGE, NB_TYPE_TABLE_PAGE, NB_TYPE_NARRATIVE_PAGE,
                    NB_TYPE_FINDINGS_PAGE };
  int cell = nb_format_cell_index ("s3.new.np");

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (types[i], "session", session, NULL));
      g_autoptr(NbSession) got = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (page), "session");

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
      g_object_get (page, "session", &got, NULL);
      g_assert_true (got == session);
      g_object_unref (page);
    }
  {
    GtkWidget *page = g_object_ref_sink (g_object_new (NB_TYPE_TABLE_PAGE, "session", session,
                                                       "table", nb_format_cell (cell)->table,
                                                       NULL));
    GtkWidget *widget = nb_table_page_get_cell_widget (NB_TABLE_PAGE (page), cell);
    g_autofree char *shown = nb_report_format_cell (report, cell);

    g_assert_nonnull (widget);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, shown);
    g_object_unref (page);
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/info/signature-switch", test_signature_switch);
  g_test_add_func ("/info/signature-agency", test_signature_agency);
  g_test_add_func ("/info/standalone-headings", test_standalone_headings);
  g_test_add_func ("/info/new-report-dialog", test_new_report_dialog);
  g_test_add_func ("/info/new-report-enter", test_new_report_enter);
  g_test_add_func ("/info/pages-session-property", test_pages_session_property);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
