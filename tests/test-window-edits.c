/* test-window-edits.c — number input, one window per file, recovery of a broken copy, last
 * year's report with undo, keyboard order, the saved state under undo, accessible names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "nb-document.h"
#include "nb-info-page.h"
#include "nb-number-filter.h"
#include "nb-table-page.h"
#include "test-window-utils.h"

static GtkWidget *
cell_widget (NbWindow *window, const char *key)
{
  char page_name[3] = { key[0], key[1], '\0' };
  GtkWidget *page = nb_window_show_page (window, page_name);
  int index = nb_format_cell_index (key);

  g_assert_cmpint (index, >=, 0);
  return nb_table_page_get_cell_widget (NB_TABLE_PAGE (page), index);
}

static NbReport *
window_report (NbWindow *window)
{
  return nb_session_get_report (nb_window_get_session (window));
}

/* Pastes @text at the cursor, as a clipboard paste or an input method would: one
 * insert-text emission on the widget that receives the text. */
static void
paste (GtkWidget *widget, const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (widget);
  GtkEditable *target = gtk_editable_get_delegate (editable);
  int position = gtk_editable_get_position (editable);

  gtk_editable_insert_text (target != NULL ? target : editable, text, -1, &position);
}

static void
replace (GtkWidget *widget, const char *text)
{
  gtk_widget_grab_focus (widget);
  gtk_editable_delete_text (GTK_EDITABLE (widget), 0, -1);
  paste (widget, text);
}

/* The one widget under @root that @test accepts: there must be exactly one. */
static GtkWidget *
find_one (GtkWidget *root, NbWidgetTest test, gconstpointer data)
{
  g_autoptr(GPtrArray) found = nb_test_find_all (root, test, data);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static void
leave_focus (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        g_signal_emit_by_name (controller, "leave");
    }
}

static gboolean
is_fee_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) &&
         gtk_entry_get_input_purpose (GTK_ENTRY (widget)) == GTK_INPUT_PURPOSE_NUMBER;
}

/* Reviewer's report: "12.5" became 125 and "1,234.00" 123400; "1.2.3" was taken as money. */
static void
test_filter_cells (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbReport *report = window_report (window);
  GtkWidget *np = cell_widget (window, "s3.new.np");
  GtkWidget *fees = cell_widget (window, "s2.a8.fees");
  int np_index = nb_format_cell_index ("s3.new.np");
  int fees_index = nb_format_cell_index ("s2.a8.fees");

  replace (np, "12.5");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (np)), ==, "");
  g_assert_cmpint (nb_report_get_cell (report, np_index)->state, ==, NB_CELL_BLANK);
  replace (np, "1,234.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (np)), ==, "");
  replace (np, "1,234");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (np)), ==, "1234");
  g_assert_cmpint (nb_report_value_by_key (report, "s3.new.np"), ==, 1234);
  /* A refused paste leaves what was there. */
  paste (np, "5.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (np)), ==, "1234");

  replace (fees, "1.2.3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fees)), ==, "");
  replace (fees, "1.5");
  paste (fees, ".3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fees)), ==, "1.5");
  g_assert_cmpint (nb_report_get_cell (report, fees_index)->value, ==, 15000);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The fee of 六 uses the same filter and shows the stored value when the focus leaves. */
static void
test_filter_fee (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbReport *report = window_report (window);
  GtkWidget *page = nb_window_show_page (window, "s6");
  GtkWidget *fee = find_one (page, is_fee_entry, NULL);
  gint64 yuan = -1;

  replace (fee, "0.12345");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fee)), ==, "");
  g_assert_false (nb_report_get_info_fee (report, NULL));
  replace (fee, "1,200.5");
  g_assert_true (nb_report_get_info_fee (report, &yuan));
  g_assert_cmpint (yuan, ==, 12005000);
  /* A second point is refused; a trailing zero is the same value, shown as stored on
   * leaving. */
  gtk_editable_set_position (GTK_EDITABLE (fee), -1);
  paste (fee, ".");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fee)), ==, "1200.5");
  paste (fee, "0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fee)), ==, "1200.50");
  g_assert_true (nb_report_get_info_fee (report, &yuan));
  g_assert_cmpint (yuan, ==, 12005000);
  leave_focus (fee);
  {
    g_autofree char *stored = nb_money_format_wanyuan (12005000);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fee)), ==, stored);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
windows_showing (GFile *file)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (nb_test_app ())); l; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_get_file (l->data) != NULL &&
        g_file_equal (nb_window_get_file (l->data), file))
      n++;
  return n;
}

static void
destroy_all_windows (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (nb_test_app ())));

  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  nb_test_spin (50);
}

static void
test_one_window_per_file (void)
{
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autofree char *dirname = g_path_get_dirname (g_getenv ("NB_SAMPLE"));
  g_autofree char *basename = g_path_get_basename (g_getenv ("NB_SAMPLE"));
  g_autofree char *path = g_strdup_printf ("%s/./%s", dirname, basename);
  g_autoptr(GFile) same = g_file_new_for_path (path);

  destroy_all_windows ();
  nb_application_open_file (nb_test_app (), sample);
  g_assert_cmpuint (windows_showing (sample), ==, 1);
  /* Another window with a report, then the same file again by another spelling. */
  {
    NbWindow *other = nb_window_new (nb_test_app ());

    nb_window_set_report (other, nb_report_new ());
    gtk_window_present (GTK_WINDOW (other));
  }
  nb_application_open_file (nb_test_app (), same);
  g_assert_cmpuint (windows_showing (sample), ==, 1);
  destroy_all_windows ();
}

static GtkWidget *
find_dialog (const char *heading)
{
  GtkWidget *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      dialog = l->data;
  return dialog;
}

static gboolean
recovery_refused_shown (gpointer data)
{
  return find_dialog (g_dgettext (GETTEXT_PACKAGE, "Could Not Recover a Report")) != NULL;
}

static void
test_broken_draft (void)
{
  g_autofree char *dir = nb_drafts_dir ();
  g_autofree char *path = g_build_filename (dir, "0000-broken.nianbao", NULL);
  g_autofree char *broken = g_strconcat (path, ".broken", NULL);
  NbWindow *window;
  GtkWidget *dialog;

  destroy_all_windows ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));

  window = nb_window_new (nb_test_app ());
  gtk_window_present (GTK_WINDOW (window));
  dialog = nb_application_offer_recovery (nb_test_app (), GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_assert_true (nb_test_wait_until (recovery_refused_shown, NULL, 5000));

  /* No empty editor: the start page stays, the user is told, the copy is set aside. */
  g_assert_false (nb_window_has_report (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (nb_test_app ()))), ==, 1);
  g_assert_nonnull (find_dialog (g_dgettext (GETTEXT_PACKAGE, "Could Not Recover a Report")));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_null (nb_application_offer_recovery (nb_test_app (), GTK_WINDOW (window)));

  g_unlink (broken);
  destroy_all_windows ();
}

static char *
write_year (NbReport *source, int year, const char *dir, const char *name)
{
  g_autofree char *data = nb_document_serialize (source, NULL);
  g_autoptr(NbReport) copy = nb_document_parse (data, -1, name, NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  nb_report_set_year (copy, year);
  g_assert_true (nb_document_save (copy, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_previous_undo (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  NbReport *report = window_report (window);
  NbInfoPage *info = NB_INFO_PAGE (nb_window_show_page (window, "info"));
  g_autofree char *dir = g_dir_make_tmp ("nb-prev-XXXXXX", NULL);
  g_autofree char *good = write_year (report, nb_report_get_year (report) - 1, dir, "last.nianbao");
  g_autofree char *wrong = write_year (report, 2015, dir, "old.nianbao");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) wrong_file = g_file_new_for_path (wrong);
  GtkWidget *dialog;

  g_assert_null (nb_report_get_previous (report));

  /* A report for the wrong year is refused and not stored. */
  g_assert_false (nb_info_page_choose_previous (info, wrong_file));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE), ==, "");
  g_assert_null (nb_report_get_previous (report));
  g_assert_false (nb_session_can_undo (session));
  dialog = find_dialog (g_dgettext (GETTEXT_PACKAGE, "Could Not Use Last Year’s Report"));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (nb_info_page_choose_previous (info, good_file));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE), ==, good);
  g_assert_nonnull (nb_report_get_previous (report));
  g_assert_true (nb_window_is_modified (window));

  /* Undo and redo take the report along with its path. */
  nb_session_undo (session);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE), ==, "");
  g_assert_null (nb_report_get_previous (report));
  g_assert_false (nb_window_is_modified (window));
  nb_session_redo (session);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE), ==, good);
  g_assert_nonnull (nb_report_get_previous (report));
  g_assert_cmpint (nb_report_get_year (nb_report_get_previous (report)), ==,
                   nb_report_get_year (report) - 1);

  /* Cleared and chosen again, undo brings back the report that was attached before. */
  {
    NbReport *first = nb_report_get_previous (report);
    g_autofree char *other = write_year (report, nb_report_get_year (report) - 1, dir, "again.nianbao");
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    nb_session_edit_text (session, NB_TEXT_PREVIOUS_FILE, "");
    g_assert_null (nb_report_get_previous (report));
    nb_session_undo (session);
    g_assert_nonnull (nb_report_get_previous (report));
    first = nb_report_get_previous (report);
    g_assert_true (nb_info_page_choose_previous (info, other_file));
    g_assert_true (nb_report_get_previous (report) != first);
    g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE), ==, other);
    /* A path that no longer loads: the report that went with it comes back. */
    g_unlink (good);
    nb_session_undo (session);
    g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE), ==, good);
    g_assert_true (nb_report_get_previous (report) == first);
    g_unlink (other);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (good);
  g_unlink (wrong);
  g_rmdir (dir);
}

static const NbCellDef *
focused_cell (NbWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  while (focus != NULL && !GTK_IS_TEXT (focus))
    focus = gtk_widget_get_parent (focus);
  g_assert_nonnull (focus);
  return nb_format_cell (nb_format_cell_index (gtk_widget_get_name (focus)));
}

/* Tab, Shift+Tab and Enter go past the totals; the arrows still reach them. */
static void
test_keys_skip_totals (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  const NbTableDef *table = nb_format_table (NB_TABLE_S3);
  guint tabbed = 0, entered = 0;

  for (guint i = table->first_cell; i + 1 < table->first_cell + table->n_cells; i++)
    {
      const NbCellDef *cell = nb_format_cell (i);
      GtkWidget *widget = cell_widget (window, cell->key);

      if (cell->computed)
        continue;
      /* Before a computed cell in reading order: Tab skips it, Shift+Tab comes back. */
      if (nb_format_cell (i + 1)->computed && tabbed < 3)
        {
          gtk_widget_grab_focus (widget);
          if (nb_test_press (widget, GDK_KEY_Tab, 0))
            {
              const NbCellDef *to = focused_cell (window);

              g_assert_false (to->computed);
              g_assert_true (nb_test_press (cell_widget (window, to->key), GDK_KEY_ISO_Left_Tab,
                                    GDK_SHIFT_MASK));
              g_assert_cmpstr (focused_cell (window)->key, ==, cell->key);
              tabbed++;
            }
        }
      /* Above a computed cell: Down reaches it, Enter does not stop there. */
      gtk_widget_grab_focus (widget);
      if (entered < 3 && nb_test_press (widget, GDK_KEY_Down, 0) && focused_cell (window)->computed)
        {
          gtk_widget_grab_focus (widget);
          g_assert_true (nb_test_press (widget, GDK_KEY_Return, 0));
          g_assert_false (focused_cell (window)->computed);
          entered++;
        }
    }
  g_assert_cmpuint (tabbed, >, 0);
  g_assert_cmpuint (entered, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_break_spin (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPIN_BUTTON (widget) &&
         gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget))) == 60;
}

/* Undo back to what was saved is not a change; the title's line break is undoable. */
static void
test_saved_state (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  NbReport *report = window_report (window);
  GtkWidget *np = cell_widget (window, "s3.new.np");
  g_autofree char *dir = g_dir_make_tmp ("nb-state-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.nianbao", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *spin;

  g_assert_false (nb_window_is_modified (window));
  g_assert_cmpuint (nb_session_get_state_id (session), ==, 0);
  gtk_widget_grab_focus (np);
  paste (np, "9");
  g_assert_true (nb_window_is_modified (window));
  nb_session_undo (session);
  g_assert_false (nb_window_is_modified (window));
  nb_session_redo (session);
  g_assert_true (nb_window_is_modified (window));

  g_assert_true (nb_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (nb_window_is_modified (window));
  nb_session_undo (session);
  g_assert_true (nb_window_is_modified (window));
  nb_session_redo (session);
  g_assert_false (nb_window_is_modified (window));

  /* Typing on in the same undo step after saving is a change, and so is undoing it. */
  paste (np, "1");
  g_assert_true (nb_window_save_to (window, file, &error));
  g_assert_false (nb_window_is_modified (window));
  paste (np, "2");
  g_assert_true (nb_window_is_modified (window));
  nb_session_undo (session);
  g_assert_true (nb_window_is_modified (window));
  nb_session_redo (session);
  g_assert_true (nb_window_is_modified (window));

  /* The line break of the title, through its spin button. */
  g_assert_true (nb_window_save_to (window, file, &error));
  spin = find_one (nb_window_show_page (window, "info"), is_break_spin, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 7);
  g_assert_cmpuint (nb_report_get_title_breaks (report)->len, ==, 1);
  g_assert_true (nb_window_is_modified (window));
  nb_session_undo (session);
  g_assert_cmpuint (nb_report_get_title_breaks (report)->len, ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 0);
  g_assert_false (nb_window_is_modified (window));
  nb_session_redo (session);
  g_assert_cmpint (g_array_index (nb_report_get_title_breaks (report), int, 0), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  nb_test_remove_saved (dir, path);
}

static gboolean
is_icon_button (GtkWidget *widget, gconstpointer data)
{
  /* Ours only: GTK names the steppers of a spin button itself (from 4.10), and the apply
   * button of an AdwEntryRow is hidden unless asked for. */
  if (!gtk_widget_get_visible (widget) || GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (widget)))
    return FALSE;
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL;
  /* A menu button's inner toggle is named through the menu button. */
  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
           gtk_button_get_label (GTK_BUTTON (widget)) == NULL;
  return FALSE;
}

static gboolean
is_part_heading (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_has_css_class (widget, "nb-part-heading");
}

static void
assert_named (GPtrArray *widgets)
{
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);

      g_test_message ("%s “%s”", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
}

static void
test_accessible_names (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  static const char *const pages[] = { "info", "s1", "s6" };
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) badges = NULL;
  g_autoptr(GPtrArray) headings = NULL;
  guint n_badges_named = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    nb_window_show_page (window, pages[i]);
  /* Every page built so far, the header bars and the sidebar. */
  buttons = nb_test_find_all (GTK_WIDGET (window), is_icon_button, NULL);
  g_assert_cmpuint (buttons->len, >=, 8);
  assert_named (buttons);

  badges = nb_test_find_all (GTK_WIDGET (window), nb_test_has_css_class, "nb-badge");
  g_assert_cmpuint (badges->len, >, 0);
  for (guint i = 0; i < badges->len; i++)
    {
      GtkWidget *badge = g_ptr_array_index (badges, i);

      if (!gtk_widget_get_visible (badge))
        continue;
      assert_named (&(GPtrArray) { .pdata = (gpointer *) &badge, .len = 1 });
      {
        guint n = (guint) atoi (gtk_label_get_text (GTK_LABEL (badge)));
        gboolean error = gtk_widget_has_css_class (badge, "nb-badge-error");
        g_autofree char *name = g_strdup_printf (error ? g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n)
                                                       : g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n),
                                                 n);

        gtk_test_accessible_assert_property (badge, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
        n_badges_named++;
      }
    }
  g_assert_cmpuint (n_badges_named, >, 0);

  headings = nb_test_find_all (nb_window_get_page (window, "s1"), is_part_heading, NULL);
  g_assert_cmpuint (headings->len, >, 0);
  {
    g_autofree char *first = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Part %u heading"), 1);

    gtk_test_accessible_assert_property (g_ptr_array_index (headings, 0),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, first);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = NULL;
  int status;

  /* GTK's in-process accessibility backend, so that the names set can be read back; the
   * "none" of the other UI tests would store none. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  tmp = nb_test_init (&argc, &argv);

  g_test_add_func ("/edits/filter-cells", test_filter_cells);
  g_test_add_func ("/edits/filter-fee", test_filter_fee);
  g_test_add_func ("/edits/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/edits/broken-draft", test_broken_draft);
  g_test_add_func ("/edits/previous-undo", test_previous_undo);
  g_test_add_func ("/edits/keys-skip-totals", test_keys_skip_totals);
  g_test_add_func ("/edits/saved-state", test_saved_state);
  g_test_add_func ("/edits/accessible-names", test_accessible_names);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
