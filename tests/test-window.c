/* test-window.c — the editor window driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "nb-document.h"
#include "nb-findings-page.h"
#include "nb-fix.h"
#include "nb-import.h"
#include "nb-narrative-page.h"
#include "nb-new-report-dialog.h"
#include "nb-table-page.h"
#include "test-window-utils.h"

static GtkWidget *
cell_widget (NbWindow *window, const char *key)
{
  GtkWidget *page = nb_window_show_page (window, "s3");
  int index = nb_format_cell_index (key);

  g_assert_cmpint (index, >=, 0);
  return nb_table_page_get_cell_widget (NB_TABLE_PAGE (page), index);
}

static const char *
cell_text (NbWindow *window, const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (cell_widget (window, key)));
}

static gint64
model_value (NbWindow *window, const char *key)
{
  return nb_report_value_by_key (nb_session_get_report (nb_window_get_session (window)), key);
}

/* Types @text at the end of the cell, as the keyboard would: through insert-text. */
static void
type_into (GtkWidget *cell, const char *text)
{
  int position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (cell)), -1);

  gtk_widget_grab_focus (cell);
  gtk_editable_insert_text (GTK_EDITABLE (cell), text, -1, &position);
}

static void
clear_cell (GtkWidget *cell)
{
  gtk_editable_delete_text (GTK_EDITABLE (cell), 0, -1);
}

static guint
count_rule (NbWindow *window, const char *rule, const char *where)
{
  GPtrArray *findings = nb_session_get_findings (nb_window_get_session (window));
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->rule, rule) && (where == NULL || g_str_equal (finding->where, where)))
        n++;
    }
  return n;
}

static void
close_without_saving (NbWindow *window)
{
  /* Destroying skips the unsaved-changes dialog (and leaves the draft, like a crash). */
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The counts are properties that notify exactly when their value changes. */
static void
test_notify (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  GtkWidget *np = cell_widget (window, "s3.new.np");
  guint errors_notified = 0, undo_notified = 0;
  guint errors = 0, errors_after = 0;
  gboolean can_undo = TRUE;

  g_object_get (session, "n-errors", &errors, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);
  g_signal_connect (session, "notify::n-errors", G_CALLBACK (count_notify_cb), &errors_notified);
  g_signal_connect (session, "notify::can-undo", G_CALLBACK (count_notify_cb), &undo_notified);

  /* Breaking the balance adds errors: one notification of each. */
  type_into (np, "9");
  g_object_get (session, "n-errors", &errors_after, NULL);
  g_assert_cmpuint (errors_after, >, errors);
  g_assert_cmpuint (errors_notified, ==, 1);
  g_assert_cmpuint (undo_notified, ==, 1);

  /* Another digit keeps the same errors: no notification. */
  type_into (np, "9");
  g_assert_cmpuint (errors_notified, ==, 1);
  g_assert_cmpuint (undo_notified, ==, 1);

  /* Undo restores the balance and empties the history. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_object_get (session, "n-errors", &errors_after, "can-undo", &can_undo, NULL);
  g_assert_cmpuint (errors_after, ==, errors);
  g_assert_false (can_undo);
  g_assert_cmpuint (errors_notified, ==, 2);
  g_assert_cmpuint (undo_notified, ==, 2);

  g_signal_handlers_disconnect_by_func (session, count_notify_cb, &errors_notified);
  g_signal_handlers_disconnect_by_func (session, count_notify_cb, &undo_notified);
  close_without_saving (window);
}

static void
test_open_sample (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);

  g_assert_true (nb_window_has_report (window));
  g_assert_false (nb_window_is_modified (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "qianjiang-2024.nianbao"));
  /* Only the visible page exists after opening. */
  g_assert_nonnull (nb_window_get_page (window, "info"));
  g_assert_null (nb_window_get_page (window, "s3"));
  g_assert_null (nb_window_get_page (window, "s4"));
  {
    g_autofree char *np = g_strdup_printf ("%" G_GINT64_FORMAT, model_value (window, "s3.new.np"));

    g_assert_cmpstr (cell_text (window, "s3.new.np"), ==, np);
  }
  /* A finding marks its cell: the blank 总计 of 没有现成信息需要另行制作 (R-F-05)… */
  {
    GtkWidget *blank = cell_widget (window, "s3.na_need_create.total");
    GtkWidget *np = cell_widget (window, "s3.na_need_create.np");
    int position = 0;

    g_assert_true (gtk_widget_has_css_class (blank, "nb-warning"));
    g_assert_true (gtk_widget_has_css_class (blank, "nb-blank"));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (blank), "空白"));

    /* … until an edit of its row makes the total follow its parts. */
    gtk_editable_delete_text (GTK_EDITABLE (np), 0, -1);
    gtk_editable_insert_text (GTK_EDITABLE (np), "0", -1, &position);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (blank)), ==, "0");
    g_assert_false (gtk_widget_has_css_class (blank, "nb-warning"));
    g_assert_false (gtk_widget_has_css_class (blank, "nb-blank"));
    g_assert_null (gtk_widget_get_tooltip_text (blank));
  }
  close_without_saving (window);
}

/* 打开示例 opens the sample untitled: Save asks where, and never writes over the sample. */
static void
test_sample_opens_untitled (void)
{
  NbWindow *window = nb_window_new (nb_test_app ());

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  g_assert_true (nb_window_has_report (window));
  g_assert_null (nb_window_get_file (window));
  g_assert_false (nb_window_is_modified (window));
  g_assert_cmpint (model_value (window, "s3.new.np"), ==, 48);
  close_without_saving (window);
}

/* The number a sidebar badge shows, 0 when hidden. */
static guint
badge (NbWindow *window, const char *page, const char *css_class)
{
  GtkWidget *row = nb_window_get_sidebar_row (window, page);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return gtk_widget_get_visible (child) ? atoi (gtk_label_get_text (GTK_LABEL (child))) : 0;
  g_assert_not_reached ();
}

static void
test_type_updates_totals (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *np = cell_widget (window, "s3.new.np");
  gint64 new_total = model_value (window, "s3.new.total");
  gint64 new_np = model_value (window, "s3.new.np");
  gint64 results_np = model_value (window, "s3.results_total.np");
  gint64 results_total = model_value (window, "s3.results_total.total");
  g_autofree char *expected = NULL;
  guint balance_before = count_rule (window, "R-T3-03", NULL);

  /* A new request of a natural person: the row total follows, and 一 + 二 ≠ 三 + 四 now. */
  type_into (np, "0");
  g_assert_cmpint (model_value (window, "s3.new.np"), ==, new_np * 10);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, new_total - new_np + new_np * 10);
  g_assert_cmpstr (cell_text (window, "s3.new.total"), ==, expected);
  g_assert_true (nb_window_is_modified (window));
  g_assert_cmpuint (count_rule (window, "R-T3-03", "s3.new.np") + count_rule (window, "R-T3-03", NULL),
                    >, balance_before);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  /* The badges follow: the broken balance is counted on 三 and in 检查结果. */
  {
    guint counts[NB_N_SEVERITIES];

    nb_session_count_findings (nb_window_get_session (window), 3, counts);
    g_assert_cmpuint (badge (window, "s3", "nb-badge-error"), ==, counts[NB_SEVERITY_ERROR]);
    g_assert_cmpuint (badge (window, "s3", "nb-badge-warning"), ==, counts[NB_SEVERITY_WARNING]);
    g_assert_cmpuint (counts[NB_SEVERITY_ERROR] + counts[NB_SEVERITY_WARNING], >, 1);
    g_assert_cmpuint (badge (window, "findings", "nb-badge-error") + badge (window, "findings", "nb-badge-warning"),
                      >=, counts[NB_SEVERITY_ERROR] + counts[NB_SEVERITY_WARNING]);
  }

  /* A result of the same column: （七）总计 follows, and so does its row total. */
  {
    GtkWidget *open_np = cell_widget (window, "s3.open.np");
    gint64 open_np_value = model_value (window, "s3.open.np");
    g_autofree char *results = NULL;
    g_autofree char *all = NULL;

    clear_cell (open_np);
    type_into (open_np, "1000");
    results = g_strdup_printf ("%" G_GINT64_FORMAT, results_np - open_np_value + 1000);
    all = g_strdup_printf ("%" G_GINT64_FORMAT, results_total - open_np_value + 1000);
    g_assert_cmpstr (cell_text (window, "s3.results_total.np"), ==, results);
    g_assert_cmpstr (cell_text (window, "s3.results_total.total"), ==, all);
  }

  /* Letters do not get in; full-width digits count as digits. */
  type_into (np, "x");
  g_assert_cmpint (model_value (window, "s3.new.np"), ==, new_np * 10);
  type_into (np, "１");
  g_assert_cmpint (model_value (window, "s3.new.np"), ==, new_np * 100 + 1);

  /* Computed cells are read-only. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell_widget (window, "s3.new.total"))));
  close_without_saving (window);
}

/* Where the findings page shows the first finding @match accepts: errors, then warnings,
 * then notes, each in the session's order. */
static guint
display_index (GPtrArray *findings, gboolean (*match) (const NbFinding *), const NbFinding **found)
{
  guint n = 0;

  for (NbSeverity s = 0; s < NB_N_SEVERITIES; s++)
    for (guint i = 0; i < findings->len; i++)
      {
        const NbFinding *finding = g_ptr_array_index (findings, i);

        if (finding->severity != s)
          continue;
        if (match (finding))
          {
            *found = finding;
            return n;
          }
        n++;
      }
  g_error ("no such finding");
}

static gboolean
is_cell_finding (const NbFinding *finding)
{
  return finding->cell >= 0;
}

static gboolean
is_rt2_05 (const NbFinding *finding)
{
  return g_str_equal (finding->rule, "R-T2-05");
}

static void
test_finding_focuses_cell (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *page = nb_window_show_page (window, "findings");
  GPtrArray *findings = nb_session_get_findings (nb_window_get_session (window));
  GtkWidget *expected = NULL;
  const NbFinding *finding = NULL;
  guint n;

  /* The findings page lists errors, then warnings, then notes: find the first cell finding. */
  n = display_index (findings, is_cell_finding, &finding);
  {
    GtkWidget *table = nb_window_show_page (window, nb_format_table (nb_format_cell (finding->cell)->table)->section_id);

    /* A total cannot be typed in: a finding on one goes to a part (nb_fix_focus_cell). */
    int cell = nb_fix_focus_cell (nb_session_get_report (nb_window_get_session (window)),
                                  finding->cell);

    expected = nb_table_page_get_cell_widget (NB_TABLE_PAGE (table), cell);
    g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (expected)));
  }
  g_assert_nonnull (expected);
  nb_window_show_page (window, "findings");
  g_assert_true (nb_findings_page_activate_nth (NB_FINDINGS_PAGE (page), n));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == expected);
  g_assert_true (gtk_widget_get_mapped (expected));
  close_without_saving (window);
}

static void
test_undo_redo (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *np = cell_widget (window, "s3.new.np");
  g_autofree char *before = g_strdup (cell_text (window, "s3.new.np"));
  g_autofree char *total = g_strdup (cell_text (window, "s3.new.total"));
  g_autofree char *after = NULL;

  type_into (np, "5");
  type_into (np, "5");
  after = g_strdup (cell_text (window, "s3.new.np"));
  g_assert_cmpstr (after, !=, before);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (cell_text (window, "s3.new.np"), ==, before);
  g_assert_cmpstr (cell_text (window, "s3.new.total"), ==, total);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (cell_text (window, "s3.new.np"), ==, after);

  /* Text edits are undone the same way. */
  {
    NbReport *report = nb_session_get_report (nb_window_get_session (window));
    g_autofree char *s5 = g_strdup (nb_report_get_text (report, NB_TEXT_S5));

    nb_window_show_page (window, "s5");
    nb_session_edit_text (nb_window_get_session (window), NB_TEXT_S5, "改过的正文。");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S5), ==, s5);
  }
  close_without_saving (window);
}

static void
test_request_summary (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbReport *report = nb_session_get_report (nb_window_get_session (window));
  GtkWidget *page = nb_window_show_page (window, "s1");
  g_autofree char *expected = g_strdup_printf ("共收到政府信息公开申请%" G_GINT64_FORMAT "件",
                                               nb_report_value_by_key (report, "s3.new.total"));
  const NbPart *part = NULL;

  nb_narrative_page_insert_summary (NB_NARRATIVE_PAGE (page));
  for (guint i = 0; i < nb_report_get_n_parts (report); i++)
    if (nb_report_get_part (report, i)->aspect == NB_ASPECT_ON_REQUEST)
      part = nb_report_get_part (report, i);
  g_assert_nonnull (part);
  g_assert_nonnull (strstr (part->text, expected));
  g_assert_nonnull (strstr (part->text, "予以公开19件，占36.54%"));

  /* One undo step takes it out again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  for (guint i = 0; i < nb_report_get_n_parts (report); i++)
    if (nb_report_get_part (report, i)->aspect == NB_ASPECT_ON_REQUEST)
      g_assert_null (strstr (nb_report_get_part (report, i)->text, expected));

  /* Parts can be removed and come back with undo. */
  {
    guint n = nb_report_get_n_parts (report);

    nb_session_remove_part (nb_window_get_session (window), 0);
    g_assert_cmpuint (nb_report_get_n_parts (report), ==, n - 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpuint (nb_report_get_n_parts (report), ==, n);
  }
  close_without_saving (window);
}

static GtkWidget *
focused (NbWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  /* GtkText is focused itself; anything inside it counts as the cell. */
  while (focus != NULL && !GTK_IS_TEXT (focus))
    focus = gtk_widget_get_parent (focus);
  return focus;
}

static void
test_keyboard (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *np = cell_widget (window, "s3.new.np");

  gtk_widget_grab_focus (np);
  g_assert_true (nb_test_press (np, GDK_KEY_Down, 0));
  g_assert_true (focused (window) == cell_widget (window, "s3.carry_in.np"));
  g_assert_true (nb_test_press (focused (window), GDK_KEY_Up, 0));
  g_assert_true (focused (window) == np);
  g_assert_true (nb_test_press (np, GDK_KEY_Tab, 0));
  g_assert_true (focused (window) == cell_widget (window, nb_format_cell (nb_format_cell_index ("s3.new.np") + 1)->key));
  g_assert_true (nb_test_press (focused (window), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (focused (window) == np);
  g_assert_true (nb_test_press (np, GDK_KEY_Return, 0));
  g_assert_true (focused (window) == cell_widget (window, "s3.carry_in.np"));

  /* Right moves on from the end of the text (the focus selects it all). */
  gtk_widget_grab_focus (np);
  gtk_editable_set_position (GTK_EDITABLE (np), -1);
  g_assert_true (nb_test_press (np, GDK_KEY_Right, 0));
  g_assert_true (focused (window) != np);
  g_assert_cmpint (nb_format_cell (nb_format_cell_index ("s3.new.np"))->grid_row, ==,
                   nb_format_cell (nb_format_cell_index (gtk_widget_get_name (focused (window))))->grid_row);

  /* Ctrl+Z and Ctrl+Shift+Z reach the report's history, whatever has the focus. */
  {
    g_autofree char *before = g_strdup (cell_text (window, "s3.new.np"));

    type_into (np, "1");
    g_assert_cmpstr (cell_text (window, "s3.new.np"), !=, before);
    g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
    g_assert_cmpstr (cell_text (window, "s3.new.np"), ==, before);
    g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
    g_assert_cmpstr (cell_text (window, "s3.new.np"), !=, before);
  }

  /* Closing with unsaved changes asks first. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    AdwMessageDialog *dialog = NULL;

    for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
        dialog = l->data;
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
    nb_test_spin (100);
  }
}

static void
test_save_reopen (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  g_autofree char *dir = g_dir_make_tmp ("nb-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.nianbao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  NbWindow *reopened;

  type_into (cell_widget (window, "s3.new.np"), "3");
  g_assert_true (nb_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (nb_window_is_modified (window));
  first = nb_document_serialize (nb_session_get_report (nb_window_get_session (window)), NULL);

  reopened = nb_window_new (nb_test_app ());
  g_assert_true (nb_window_load_file (reopened, file, &error));
  g_assert_no_error (error);
  second = nb_document_serialize (nb_session_get_report (nb_window_get_session (reopened)), NULL);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (cell_text (reopened, "s3.new.np"), ==, cell_text (window, "s3.new.np"));

  gtk_window_destroy (GTK_WINDOW (reopened));
  gtk_window_destroy (GTK_WINDOW (window));
  nb_test_remove_saved (dir, path);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_recovery (void)
{
  GSettings *settings = nb_application_get_settings (nb_test_app ());
  NbWindow *window;
  NbWindow *next;
  g_autofree char *dir = nb_drafts_dir ();
  g_autofree char *draft = NULL;
  g_autofree char *name = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *dialog;

  g_assert_nonnull (settings);
  g_settings_set_uint (settings, "auto-save-delay", 1);

  window = nb_test_open_sample (1200, 800);
  name = g_strconcat (nb_window_get_draft_id (window), ".nianbao", NULL);
  draft = g_build_filename (dir, name, NULL);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  type_into (cell_widget (window, "s3.new.np"), "7");
  typed = g_strdup (cell_text (window, "s3.new.np"));
  g_assert_true (nb_test_wait_until (file_exists, draft, 5000));

  /* The process ends without closing the window: the draft stays. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* Next start: the recovery copy is offered and opens with the edit. */
  next = nb_window_new (nb_test_app ());
  gtk_window_present (GTK_WINDOW (next));
  dialog = nb_application_offer_recovery (nb_test_app (), GTK_WINDOW (next));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_assert_true (nb_window_has_report (next));
  g_assert_true (nb_window_is_modified (next));
  g_assert_cmpstr (cell_text (next, "s3.new.np"), ==, typed);
  {
    g_autofree char *owned = g_strconcat (nb_window_get_draft_id (next), ".nianbao", NULL);

    g_assert_cmpstr (owned, ==, name);
  }

  /* A clean close removes the draft. */
  {
    NbSession *session = nb_window_get_session (next);
    g_autofree char *path = g_build_filename (dir, "recovered.nianbao", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (session);
    g_assert_true (nb_window_save_to (next, file, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
    g_unlink (path);
  }
  g_assert_null (nb_application_offer_recovery (nb_test_app (), GTK_WINDOW (next)));
  gtk_window_destroy (GTK_WINDOW (next));
}

static void
test_narrative_span (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *page = nb_window_show_page (window, "s6");
  NbReport *report = nb_session_get_report (nb_window_get_session (window));
  const char *text = nb_report_get_text (report, NB_TEXT_S6);
  const char *figure = strstr (text, "信息处理费");
  g_autoptr(NbFinding) finding = nb_finding_new ("R-TEST", NB_SEVERITY_WARNING, "s6", "测试");
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  g_assert_nonnull (figure);
  finding->span_start = figure - text;
  finding->span_end = finding->span_start + strlen ("信息处理费");
  nb_narrative_page_focus_finding (NB_NARRATIVE_PAGE (page), finding);

  view = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "信息处理费");

  /* Typing in the view writes the model, and undo takes it back. */
  {
    g_autofree char *before = g_strdup (text);

    gtk_text_buffer_insert_at_cursor (buffer, "X", -1);
    g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), !=, before);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), ==, before);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_free (selected);
    selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (selected, ==, before);
  }
  close_without_saving (window);
}

static void
test_export (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  g_autofree char *dir = g_dir_make_tmp ("nb-export-XXXXXX", NULL);
  const char *const formats[] = { "pdf", "html", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("report.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      /* Either the file is written, or the writer says why not (shown in a toast). */
      if (nb_window_export_to (window, formats[i], file, &error))
        {
          g_assert_no_error (error);
          g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
          g_unlink (path);
        }
      else
        {
          g_assert_nonnull (error);
          g_test_message ("%s export: %s", formats[i], error->message);
        }
    }
  g_rmdir (dir);
  close_without_saving (window);
}

static void
test_new_report (void)
{
  NbWindow *window;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (nb_test_new_report_dialog (&window));
  NbReport *report;

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (nb_new_report_dialog_get_agency_entry (NB_NEW_REPORT_DIALOG (dialog)), "黔江区教育委员会");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");

  g_assert_true (nb_window_has_report (window));
  report = nb_session_get_report (nb_window_get_session (window));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_AGENCY), ==, "黔江区教育委员会");
  g_assert_cmpint (nb_report_get_level (report), ==, NB_LEVEL_DEPARTMENT);
  g_assert_null (nb_window_get_file (window));
  /* Every page builds for an empty report too. */
  for (guint e = 0; e < 9; e++)
    {
      static const char *const names[] = { "info", "s1", "s2", "s3", "s4", "s5", "s6", "findings", "preview" };

      g_assert_nonnull (nb_window_show_page (window, names[e]));
    }
  close_without_saving (window);
}

/* A closed window lets go of its report: no reference cycles through the pages. */
static NbReport *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

/* 导入已发布的年报: the seed's text gives the sample's tables, as a new unsaved document. */
static void
test_import (void)
{
  NbWindow *window = nb_window_new (nb_test_app ());
  g_autoptr(GFile) seed = data_file ("qianjiang-2024.txt");
  g_autoptr(GFile) legacy = data_file ("legacy-2019.txt");
  g_autoptr(NbReport) sample = load_sample ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  NbReport *imported;
  guint found = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (nb_window_import_file (window, seed, &error));
  g_assert_no_error (error);
  g_assert_true (nb_window_has_report (window));
  g_assert_null (nb_window_get_file (window));
  g_assert_true (nb_window_is_modified (window));

  imported = nb_session_get_report (nb_window_get_session (window));
  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCell *a = nb_report_get_cell (imported, i);
      const NbCell *b = nb_report_get_cell (sample, i);

      if (a->state != b->state || (b->state != NB_CELL_BLANK && a->value != b->value))
        g_error ("%s: imported %d/%" G_GINT64_FORMAT ", sample %d/%" G_GINT64_FORMAT,
                 nb_format_cell (i)->key, a->state, a->value, b->state, b->value);
      found += b->state != NB_CELL_BLANK;
    }
  /* Named by its title until saved. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)),
                            nb_report_get_text (sample, NB_TEXT_TITLE)));

  /* What was read is shown: the counts. */
  dialog = nb_test_find_dialog (window);
  g_assert_nonnull (dialog);
  {
    g_autofree char *count = g_strdup_printf ("%u", found);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A 2019-layout report is refused with a dialog, and the open report stays. */
  g_assert_false (nb_window_import_file (window, legacy, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_LEGACY);
  g_clear_error (&error);
  g_assert_true (nb_session_get_report (nb_window_get_session (window)) == imported);
  dialog = nb_test_find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2019"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* So is a file that is not a report. */
  {
    g_autoptr(GFile) other = g_file_new_for_path (g_getenv ("NB_SAMPLE"));

    g_assert_false (nb_window_import_file (window, other, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    dialog = nb_test_find_dialog (window);
    g_assert_nonnull (dialog);
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_true (nb_session_get_report (nb_window_get_session (window)) == imported);
  }
  close_without_saving (window);
}

/* The text at @mark of @view lies inside the scrolled window around the view. */
static gboolean
mark_in_sight (GtkTextView *view, GtkTextMark *mark)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkTextIter at;
  GdkRectangle rect;
  graphene_point_t point;

  int laid_out = 0;

  if (scrolled == NULL || gtk_widget_get_width (GTK_WIDGET (view)) == 0)
    return FALSE;
  /* Only a view given the height of all its lines tells where a line lies. */
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (view)),
                      &laid_out, NULL, NULL, NULL);
  if (gtk_widget_get_height (GTK_WIDGET (view)) != laid_out)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (view), &at, mark);
  gtk_text_view_get_iter_location (view, &at, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  return gtk_widget_compute_point (GTK_WIDGET (view), scrolled, &GRAPHENE_POINT_INIT (rect.x, rect.y), &point) &&
         point.y >= 0 && point.y + rect.height <= gtk_widget_get_height (scrolled);
}

static gboolean
span_in_sight (gpointer data)
{
  GtkTextView *view = data;

  return mark_in_sight (view, gtk_text_buffer_get_mark (gtk_text_view_get_buffer (view), "nb-test-span"));
}

/* Activates finding @n in 检查结果 and returns the text view of section 一 it focused, the
 * start of its selection marked "nb-test-span" for span_in_sight and the selected text in
 * @selected. All is read at once, before the main loop runs again: the selection is the X
 * server's PRIMARY, which a test beside this one on the same display may take (and GTK
 * then deselects, as every X client does). */
static GtkTextView *
activate_narrative_finding (NbWindow *window, guint n, char **selected)
{
  GtkWidget *page = nb_window_show_page (window, "findings");
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (nb_findings_page_activate_nth (NB_FINDINGS_PAGE (page), n));
  view = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_true (gtk_widget_is_ancestor (view, nb_window_get_page (window, "s1")));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_text_buffer_create_mark (buffer, "nb-test-span", &start, TRUE);
  return GTK_TEXT_VIEW (view);
}

/* R-T2-05 on the sample (正文 12件 vs 表 11) underlines “12件” in part 0 of section 一, and
 * activating it in 检查结果 selects it in that view, scrolled into sight. */
static void
test_narrative_finding (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GPtrArray *findings = nb_session_get_findings (nb_window_get_session (window));
  NbReport *report = nb_session_get_report (nb_window_get_session (window));
  const NbFinding *finding = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  g_autofree char *selected = NULL;
  const char *text;
  guint n;

  n = display_index (findings, is_rt2_05, &finding);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->where, ==, "s1");
  g_assert_cmpint (finding->part, ==, 0);
  text = nb_report_get_part (report, 0)->text;
  g_assert_cmpint (finding->span_start, >=, 0);
  g_assert_true (strncmp (text + finding->span_start, "12件", finding->span_end - finding->span_start) == 0);

  view = activate_narrative_finding (window, n, &selected);
  g_assert_cmpstr (selected, ==, "12件");
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_mark (buffer, "nb-test-span"));
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                           "nb-warning")));

  /* The scroll to the span follows once the page is laid out: the span's line comes to
   * lie inside the page's scrolled window. */
  g_assert_true (nb_test_wait_until (span_in_sight, view, 5000));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (view));
  close_without_saving (window);
}

/* Sixty lines before the text of 一's first part, as one edit: a text taller than the page. */
static void
lengthen_first_part (NbSession *session, GString *longer)
{
  for (guint i = 0; i < 60; i++)
    g_string_append (longer, "本机关持续做好政府信息公开工作，认真落实各项制度要求。\n");
  g_string_append (longer, nb_report_get_part (nb_session_get_report (session), 0)->text);
  nb_session_edit_part_text (session, 0, longer->str);
}

/* A finding at the end of a text longer than the page: its span is scrolled into sight,
 * not only the top of its view (the page's viewport shows the focused view from its top). */
static void
test_narrative_finding_far (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  g_autoptr(GString) longer = g_string_new (NULL);
  const NbFinding *finding = NULL;
  g_autofree char *selected = NULL;
  GtkTextView *view;
  guint n;

  lengthen_first_part (session, longer);

  n = display_index (nb_session_get_findings (session), is_rt2_05, &finding);
  g_assert_cmpint (finding->span_start, >, 60 * 20);
  view = activate_narrative_finding (window, n, &selected);
  g_assert_cmpstr (selected, ==, "12件");
  g_assert_true (nb_test_wait_until (span_in_sight, view, 5000));
  close_without_saving (window);
}

static gboolean
caret_in_sight (gpointer data)
{
  GtkTextView *view = data;

  return mark_in_sight (view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (view)));
}

/* Undo of a change at the end of a long text shows the caret there, wherever the page was. */
static void
test_undo_far (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  g_autoptr(GString) longer = g_string_new (NULL);
  g_autofree char *changed = NULL;
  GtkWidget *view;

  lengthen_first_part (session, longer);
  nb_session_seal (session);
  changed = g_strconcat (longer->str, "另行补充说明。", NULL);
  nb_session_edit_part_text (session, 0, changed);
  nb_session_seal (session);

  nb_window_show_page (window, "findings");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_report_get_part (nb_session_get_report (session), 0)->text, ==, longer->str);
  view = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_true (nb_test_wait_until (caret_in_sight, view, 5000));
  close_without_saving (window);
}

/* After a PDF export set in stand-in fonts, the details list a font for every role. */
static void
test_export_fonts (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  g_autofree char *dir = g_dir_make_tmp ("nb-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  g_auto(GStrv) lines = NULL;

  if (!nb_window_export_to (window, "pdf", file, NULL))
    {
      g_test_skip ("no PDF export here");
      close_without_saving (window);
      return;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-fonts", NULL));
  dialog = nb_test_find_dialog (window);
  g_assert_nonnull (dialog);
  lines = g_strsplit (adw_message_dialog_get_body (dialog), "\n", -1);
  /* A font per role, then the warning that the sample still has half-width marks. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_nonnull (strstr (lines[5], "R-X-09"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
  close_without_saving (window);
}


/* TRUE once every pointer of the NULL-ended list @data points at NULL (weak pointers). */
static gboolean
all_freed (gpointer data)
{
  for (gpointer *const *p = data; *p != NULL; p++)
    if (**p != NULL)
      return FALSE;
  return TRUE;
}

static void
test_finalize (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  static const char *const names[] = { "info", "s1", "s2", "s3", "s4", "s5", "s6", "findings", "preview" };
  NbSession *session = nb_window_get_session (window);
  NbReport *report = nb_session_get_report (session);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    nb_window_show_page (window, names[i]);
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &session);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Idle handlers may hold the last references a moment longer. */
  g_assert_true (nb_test_wait_until (all_freed, (gpointer[]) { &window, &session, &report, NULL }, 5000));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/sample-untitled", test_sample_opens_untitled);
  g_test_add_func ("/window/new-report", test_new_report);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/export-fonts", test_export_fonts);
  g_test_add_func ("/window/import", test_import);
  g_test_add_func ("/window/narrative-finding", test_narrative_finding);
  g_test_add_func ("/window/narrative-finding-far", test_narrative_finding_far);
  g_test_add_func ("/window/undo-far", test_undo_far);
  g_test_add_func ("/window/narrative-span", test_narrative_span);
  g_test_add_func ("/window/finalize", test_finalize);
  g_test_add_func ("/window/type-updates-totals", test_type_updates_totals);
  g_test_add_func ("/window/notify", test_notify);
  g_test_add_func ("/window/finding-focuses-cell", test_finding_focuses_cell);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/keyboard", test_keyboard);
  g_test_add_func ("/window/request-summary", test_request_summary);
  g_test_add_func ("/window/save-reopen", test_save_reopen);
  g_test_add_func ("/window/recovery", test_recovery);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
