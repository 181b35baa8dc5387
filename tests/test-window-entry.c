/* test-window-entry.c — a day of data entry: scrolling table 三, Tab in text, refused keys,
 * closing, the sidebar's counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nb-fix.h"
#include "nb-info-page.h"
#include "nb-narrative-page.h"
#include "nb-new-report-dialog.h"
#include "nb-override-dialog.h"
#include "nb-sticky-head.h"
#include "nb-table-page.h"
#include "test-window-utils.h"

static GtkWidget *
focused_cell (NbWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  while (focus != NULL && !GTK_IS_TEXT (focus))
    focus = gtk_widget_get_parent (focus);
  return focus;
}

static GtkWidget *
s3_cell (NbWindow *window, const char *key)
{
  GtkWidget *page = nb_window_show_page (window, "s3");

  return nb_table_page_get_cell_widget (NB_TABLE_PAGE (page), nb_format_cell_index (key));
}

static NbStickyHead *
find_sticky (GtkWidget *page)
{
  GtkWidget *found = nb_test_find_type (page, NB_TYPE_STICKY_HEAD);

  return found ? NB_STICKY_HEAD (found) : NULL;
}

typedef struct {
  GtkWidget *cell;
  GtkWidget *scrolled;
  double     inset;
} Sight;

/* The cell's place in the scrolled window's visible area, below the sticky head. */
static gboolean
in_sight (gpointer data)
{
  Sight *sight = data;
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (sight->cell, sight->scrolled, &bounds))
    return FALSE;
  return bounds.origin.y >= sight->inset - 0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (sight->scrolled) + 0.5;
}

/* One key in table 三: the focused cell must be in sight afterwards, and the page must
 * scroll only when the new cell was not in sight before, and then only as far as needed. */
static void
press_and_check (NbWindow *window, guint keyval, GdkModifierType state, guint *n_scrolls)
{
  GtkWidget *from = focused_cell (window);
  GtkWidget *scrolled = gtk_widget_get_ancestor (from, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  NbStickyHead *sticky = find_sticky (nb_window_get_page (window, "s3"));
  double before = gtk_adjustment_get_value (vadj);
  double after, y_before, inset = nb_sticky_head_get_height (sticky);
  graphene_rect_t bounds;
  Sight sight = { NULL, scrolled, inset };

  g_assert_true (nb_test_press (from, keyval, state));
  sight.cell = focused_cell (window);
  g_assert_nonnull (sight.cell);
  /* Give an animated scroll time to end: the cell must be in sight once it settles. */
  g_assert_true (nb_test_wait_until (in_sight, &sight, 3000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (in_sight (&sight));
  after = gtk_adjustment_get_value (vadj);
  g_assert_true (gtk_widget_compute_bounds (sight.cell, scrolled, &bounds));
  y_before = bounds.origin.y + (after - before);
  if (y_before >= inset && y_before + bounds.size.height <= gtk_widget_get_height (scrolled))
    g_assert_cmpfloat (after, ==, before);
  else
    {
      /* Just enough: the cell now touches the edge it came in from. */
      gboolean at_top = fabs (bounds.origin.y - inset) < 1.5;
      gboolean at_bottom = fabs (bounds.origin.y + bounds.size.height -
                                 gtk_widget_get_height (scrolled)) < 1.5;

      g_assert_true (at_top || at_bottom);
      (*n_scrolls)++;
    }
}

/* The band's top pixel row, as rendered, shows the head only: nothing of the body below
 * it comes through. Both of its first two rows lie in the top padding of the first head
 * row's copies, so they are alike pixel for pixel; the row above is the header bar's. */
static void
assert_band_top_clean (NbWindow *window, NbStickyHead *sticky)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  graphene_rect_t band;
  gsize stride;
  int x, y, width;

  texture = nb_test_render_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (sticky), GTK_WIDGET (window), &band));
  x = (int) band.origin.x;
  y = (int) band.origin.y;
  width = (int) band.size.width;
  g_assert_cmpfloat (band.origin.y, ==, y);
  g_assert_cmpint (x + width, <=, gdk_texture_get_width (texture));
  g_assert_cmpint (y, >=, 1);
  g_assert_cmpint (y + 2, <=, gdk_texture_get_height (texture));
  stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * (gsize) gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  for (int i = 0; i < width; i++)
    {
      const guchar *above = pixels + (y - 1) * stride + (x + i) * 4;
      const guchar *top = above + stride;

      /* The picture is the window pixel for pixel: the band starts on its own row... */
      if (memcmp (above, top, 4) == 0)
        g_error ("the row above the sticky head looks like its top row at x=%d", x + i);
      /* ... and no speck of the body below it shows in that row. */
      if (memcmp (top, top + stride, 4) != 0)
        g_error ("the sticky head's top row differs from the next at x=%d", x + i);
    }
}

/* 30 Tabs, 30 arrows down table 三 and 30 back up at 1400×900: the focused cell stays in the
 * viewport, and the page scrolls only when a move would leave it. The column heads stay
 * in sight over the scrolled body. */
static void
test_table_scroll (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  GtkWidget *first = s3_cell (window, "s3.new.np");
  NbStickyHead *sticky;
  guint n_scrolls = 0;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  sticky = find_sticky (nb_window_get_page (window, "s3"));
  g_assert_nonnull (sticky);
  g_assert_cmpfloat (nb_sticky_head_get_height (sticky), >, 40);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (sticky)), ==, 0);

  gtk_widget_grab_focus (first);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (guint i = 0; i < 30; i++)
    press_and_check (window, GDK_KEY_Tab, 0, &n_scrolls);
  for (guint i = 0; i < 30; i++)
    press_and_check (window, GDK_KEY_Down, 0, &n_scrolls);
  /* Down to the last row, past a screenful: some moves had to scroll, most did not. */
  g_assert_cmpuint (n_scrolls, >, 0);
  g_assert_cmpuint (n_scrolls, <, 30);
  /* Scrolled down: the head is drawn over the top of the body, over the table's columns
   * only: the card of derived figures beside the table stays in sight. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (sticky)), >, 40);
  {
    GtkWidget *page = nb_window_get_page (window, "s3");
    GtkWidget *card = nb_test_find (page, nb_test_has_css_class, "nb-side");
    graphene_rect_t band, side;

    g_assert_nonnull (card);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (sticky), page, &band));
    g_assert_true (gtk_widget_compute_bounds (card, page, &side));
    g_assert_cmpfloat (band.origin.x + band.size.width, <=, side.origin.x);
  }
  assert_band_top_clean (window, sticky);
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "nb-table3-mid-scroll.png", NULL);

    if (g_getenv ("NB_SCREENSHOT_DIR") != NULL)
      {
        g_free (path);
        path = g_build_filename (g_getenv ("NB_SCREENSHOT_DIR"), "table3-mid-scroll.png", NULL);
        nb_test_screenshot (GTK_WIDGET (window), path);
      }
  }
  for (guint i = 0; i < 30; i++)
    press_and_check (window, GDK_KEY_Up, 0, &n_scrolls);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_tab (const char *text)
{
  return text != NULL && strchr (text, '\t') != NULL;
}

/* Tab and Shift+Tab in a narrative view move the focus (the view does not take the key),
 * and tabs in pasted or inserted text never reach the report. */
static void
test_no_tabs (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbReport *report = nb_session_get_report (nb_window_get_session (window));
  GtkWidget *page = nb_window_show_page (window, "s1");
  GtkWidget *view = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  view = nb_test_find_type (page, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  gtk_widget_grab_focus (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  /* GtkTextView passes Tab on to the focus chain when it does not take tabs. */
  nb_test_press (view, GDK_KEY_Tab, 0);
  nb_test_press (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  nb_test_press (view, GDK_KEY_Tab, GDK_SHIFT_MASK);
  for (guint p = 0; p < nb_report_get_n_parts (report); p++)
    g_assert_false (has_tab (nb_report_get_part (report, p)->text));
  {
    g_autofree char *text = NULL;
    GtkTextIter start;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_false (has_tab (text));
  }

  /* A paste from a spreadsheet: "12\t件". */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, "共12\t件\t", -1, TRUE));
  for (guint p = 0; p < nb_report_get_n_parts (report); p++)
    g_assert_false (has_tab (nb_report_get_part (report, p)->text));
  {
    g_autofree char *text = NULL;
    GtkTextIter start;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_true (g_str_has_suffix (text, "共12件"));
  }

  /* The agency's entry on the information page. */
  {
    GtkWidget *info = nb_window_show_page (window, "info");
    GtkWidget *agency;
    int position = 0;

    g_assert_true (nb_info_page_focus_field (NB_INFO_PAGE (info),
                                             nb_report_text_location (NB_TEXT_AGENCY)));
    agency = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), ADW_TYPE_ENTRY_ROW);
    g_assert_nonnull (agency);
    gtk_editable_insert_text (GTK_EDITABLE (agency), "\t区", -1, &position);
    g_assert_false (has_tab (nb_report_get_text (report, NB_TEXT_AGENCY)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types @keyval into @cell as GTK would: the key controllers first, and if none takes the
 * key, the cell's input method commits its character. */
static void
type_key (GtkWidget *cell, guint keyval)
{
  g_autoptr(GListModel) controllers = NULL;
  char utf8[7] = { 0 };

  if (nb_test_press (cell, keyval, 0))
    return;
  g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), utf8);
  controllers = gtk_widget_observe_controllers (cell);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GtkIMContext *im = GTK_IS_EVENT_CONTROLLER_KEY (controller)
        ? gtk_event_controller_key_get_im_context (GTK_EVENT_CONTROLLER_KEY (controller)) : NULL;

      if (im != NULL)
        {
          g_signal_emit_by_name (im, "commit", utf8);
          return;
        }
    }
  g_assert_not_reached ();
}

/* A letter typed over a selected value is refused and leaves the value; a digit replaces
 * it, as in a spreadsheet. */
static void
test_refused_key (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbReport *report = nb_session_get_report (nb_window_get_session (window));
  GtkWidget *cell = s3_cell (window, "s3.new.np");
  g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
  gint64 value = nb_report_value_by_key (report, "s3.new.np");

  g_assert_cmpstr (before, !=, "");
  gtk_widget_grab_focus (cell);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  type_key (cell, GDK_KEY_a);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, before);
  g_assert_cmpint (nb_report_value_by_key (report, "s3.new.np"), ==, value);
  g_assert_false (nb_window_is_modified (window));
  type_key (cell, GDK_KEY_Cyrillic_a);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, before);

  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  type_key (cell, GDK_KEY_7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "7");
  g_assert_cmpint (nb_report_value_by_key (report, "s3.new.np"), ==, 7);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new report, once something is typed into it, asks before it is closed. */
static void
test_new_report_save_prompt (void)
{
  NbWindow *window;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (nb_test_new_report_dialog (&window));
  GtkWidget *cell;

  gtk_editable_set_text (nb_new_report_dialog_get_agency_entry (NB_NEW_REPORT_DIALOG (dialog)),
                         "黔江区教育委员会");
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (nb_window_has_report (window));

  /* Untouched, it closes without a question. */
  g_assert_false (nb_window_is_modified (window));

  /* Typed into the report's first text, as a new user starts. */
  {
    GtkWidget *info = nb_window_show_page (window, "info");
    GtkWidget *view;
    GtkTextBuffer *buffer;

    view = nb_test_find_type (nb_window_show_page (window, "s1"), GTK_TYPE_TEXT_VIEW);
    gtk_widget_grab_focus (view);
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    gtk_text_buffer_insert_interactive_at_cursor (buffer, "本机关", -1, TRUE);
    g_assert_true (nb_window_is_modified (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_false (nb_window_is_modified (window));
    (void) info;
  }
  cell = s3_cell (window, "s3.new.np");
  gtk_widget_grab_focus (cell);
  type_key (cell, GDK_KEY_5);
  g_assert_true (nb_window_is_modified (window));
  gtk_window_close (GTK_WINDOW (window));
  dialog = nb_test_find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Undo back to the saved state takes the recovery copy away at once: a crash right after
 * must not offer the undone edit back. */
static void
test_recovery_after_undo (void)
{
  GSettings *settings = nb_application_get_settings (nb_test_app ());
  NbWindow *window;
  g_autofree char *draft = NULL;
  GtkWidget *cell;

  g_settings_set_uint (settings, "auto-save-delay", 1);
  window = nb_test_open_sample (1200, 800);
  draft = nb_drafts_path (nb_window_get_draft_id (window));
  cell = s3_cell (window, "s3.new.np");
  gtk_widget_grab_focus (cell);
  type_key (cell, GDK_KEY_7);
  g_assert_true (nb_test_wait_until (file_exists, draft, 5000));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (nb_window_is_modified (window));
  g_assert_false (file_exists (draft));
  /* Nor does the auto-save bring it back (its delay is 1 s). */
  g_assert_false (nb_test_wait_until (file_exists, draft, 2500));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (nb_application_offer_recovery (nb_test_app (), NULL));
}

/* The recovery prompt says which report it would bring back: agency, year, file. */
static void
test_recovery_names_report (void)
{
  GSettings *settings = nb_application_get_settings (nb_test_app ());
  NbWindow *window;
  NbReport *report;
  g_autofree char *draft = NULL;
  g_autofree char *year = NULL;
  g_autofree char *agency = NULL;
  GtkWidget *cell;
  GtkWidget *dialog;
  const char *body;

  g_settings_set_uint (settings, "auto-save-delay", 1);
  window = nb_test_open_sample (1200, 800);
  report = nb_session_get_report (nb_window_get_session (window));
  agency = g_strdup (nb_report_get_text (report, NB_TEXT_AGENCY));
  year = g_strdup_printf ("%d", nb_report_get_year (report));
  draft = nb_drafts_path (nb_window_get_draft_id (window));
  cell = s3_cell (window, "s3.new.np");
  gtk_widget_grab_focus (cell);
  type_key (cell, GDK_KEY_7);
  g_assert_true (nb_test_wait_until (file_exists, draft, 5000));
  gtk_window_destroy (GTK_WINDOW (window));

  dialog = nb_application_offer_recovery (nb_test_app (), NULL);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, agency));
  g_assert_nonnull (strstr (body, year));
  g_assert_nonnull (strstr (body, "qianjiang-2024.nianbao"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (file_exists (draft));
}

static GtkWidget *
badge (NbWindow *window, const char *page, const char *css_class)
{
  GtkWidget *row = nb_window_get_sidebar_row (window, page);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return child;
  g_assert_not_reached ();
}

/* Errors overridden with a note are no longer red in the sidebar: they count as warnings. */
static void
test_overridden_badge (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  GtkWidget *cell = s3_cell (window, "s3.new.np");
  GtkWidget *errors = badge (window, "s3", "nb-badge-error");
  GtkWidget *warnings = badge (window, "s3", "nb-badge-warning");
  g_autofree char *warnings_before = NULL;

  gtk_widget_grab_focus (cell);
  type_key (cell, GDK_KEY_9);
  g_assert_true (gtk_widget_get_visible (errors));
  warnings_before = g_strdup (gtk_widget_get_visible (warnings)
                              ? gtk_label_get_text (GTK_LABEL (warnings)) : "0");
  nb_session_override_errors (session, nb_session_get_findings (session), "核对后无误");
  g_assert_false (gtk_widget_get_visible (errors));
  g_assert_true (gtk_widget_get_visible (warnings));
  g_assert_cmpint (atoi (gtk_label_get_text (GTK_LABEL (warnings))), >, atoi (warnings_before));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A test: the button that applies the fix labelled @label in 检查结果. */
static gboolean
is_fix_button (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "nb-fix") &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* 计算总计 on the sample's blank total fills it from its parts; 采用规范标题 puts a
 * section's canonical title back, and Ctrl+Z takes it away again. */
static void
test_fix_buttons (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  NbSession *session = nb_window_get_session (window);
  NbReport *report = nb_session_get_report (session);
  int total = nb_format_cell_index ("s3.na_need_create.total");
  NbTextField title = nb_report_section_title_field (1);
  GtkWidget *page, *button;

  g_assert_cmpint (nb_report_get_cell (report, total)->state, ==, NB_CELL_BLANK);
  page = nb_window_show_page (window, "findings");
  button = nb_test_find (page, is_fix_button, nb_fix_label (NB_FIX_COMPUTE_TOTAL));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (nb_report_get_cell (report, total)->state, ==, NB_CELL_VALUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (s3_cell (window, "s3.na_need_create.total"))),
                   ==, "0");
  nb_window_show_page (window, "findings");
  g_assert_null (nb_test_find (page, is_fix_button, nb_fix_label (NB_FIX_COMPUTE_TOTAL)));

  nb_session_edit_text (session, title, "二、主动公开情况");
  nb_session_seal (session);
  button = nb_test_find (page, is_fix_button, nb_fix_label (NB_FIX_CANONICAL_TITLE));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (nb_report_get_text (report, title), ==, nb_format_section (1)->title);
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (nb_report_get_text (report, title), ==, "二、主动公开情况");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Activating a finding on a total goes to a part that can be typed in. */
static void
test_total_finding_focus (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  GPtrArray *findings = nb_session_get_findings (nb_window_get_session (window));

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *focus;

      if (g_strcmp0 (finding->where, "s3.na_need_create.total") != 0)
        continue;
      nb_window_focus_finding (window, finding);
      focus = focused_cell (window);
      g_assert_nonnull (focus);
      g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (focus)));
      g_assert_true (focus == s3_cell (window, "s3.na_need_create.np"));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_not_reached ();
}

static gboolean
focus_inside (NbWindow *window, GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Alt+N goes to the Nth page with the focus in it; F6 goes to the sidebar and back; Enter
 * on a sidebar row goes into its page. */
static void
test_page_keys (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  GtkWidget *row;

  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_4, GDK_ALT_MASK));
  g_assert_true (focus_inside (window, nb_window_get_page (window, "s3")));
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_8, GDK_ALT_MASK));
  g_assert_true (gtk_widget_get_mapped (nb_window_get_page (window, "findings")));
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_true (focus_inside (window, nb_window_get_page (window, "s1")));

  row = nb_window_get_sidebar_row (window, "s1");
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_F6, 0));
  g_assert_true (focus_inside (window, row));
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_F6, 0));
  g_assert_true (focus_inside (window, nb_window_get_page (window, "s1")));

  /* Enter on 五: its page, with the focus in it (not on 保存). */
  row = nb_window_get_sidebar_row (window, "s5");
  gtk_widget_grab_focus (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (focus_inside (window, nb_window_get_page (window, "s5")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The year spinners offer only years a 2021-format report can exist for. */
static void
test_year_range (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *info = nb_window_show_page (window, "info");
  GtkWidget *spin;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  double min, max;

  g_assert_true (nb_info_page_focus_field (NB_INFO_PAGE (info), "meta.year"));
  spin = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_get_range (GTK_SPIN_BUTTON (spin), &min, &max);
  g_assert_cmpfloat (min, ==, 2021);
  g_assert_cmpfloat (max, ==, g_date_time_get_year (now));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
maybe_screenshot (NbWindow *window, const char *name)
{
  g_autofree char *path = NULL;

  if (g_getenv ("NB_SCREENSHOT_DIR") == NULL)
    return;
  path = g_build_filename (g_getenv ("NB_SCREENSHOT_DIR"), name, NULL);
  nb_test_screenshot (GTK_WIDGET (window), path);
}

/* At 1024×700 table 四 fits without scrolling sideways (the sidebar folds away if it
 * must). */
static gboolean
transition_done (gpointer data)
{
  NbWindow *window = data;
  AdwLeaflet *leaflet = ADW_LEAFLET (nb_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *page = nb_window_get_page (window, "s4");

  return !adw_leaflet_get_child_transition_running (leaflet) && page != NULL &&
         gtk_widget_is_ancestor (page, adw_leaflet_get_visible_child (leaflet));
}

static void
test_narrow_window (void)
{
  GtkWidget *leaflet;
  NbWindow *window = nb_test_open_sample (1024, 700);
  GtkWidget *page = nb_window_show_page (window, "s4");
  GtkWidget *scrolled = nb_test_find_type (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  maybe_screenshot (window, "narrow-table4.png");
  g_test_message ("table 四 at 1024: width %g, shown %g", gtk_adjustment_get_upper (hadj),
                  gtk_adjustment_get_page_size (hadj));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj) + 0.5);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (nb_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET))));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Narrower than sidebar and page together: the sidebar folds away. */
  window = nb_test_open_sample (600, 700);
  leaflet = nb_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  /* Alt+5 slides to table 四. */
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_5, GDK_ALT_MASK));
  g_assert_true (nb_test_wait_until (transition_done, window, 5000));
  g_assert_true (gtk_widget_get_mapped (nb_window_get_page (window, "s4")));
  maybe_screenshot (window, "narrow-600.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo goes back to what it changed: the cell on its page, or the text with the caret at
 * the change. */
static void
test_undo_shows_change (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  GtkWidget *cell = s3_cell (window, "s3.new.legal");
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter at;
  g_autofree char *before = NULL;

  gtk_widget_grab_focus (cell);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  type_key (cell, GDK_KEY_3);
  nb_window_show_page (window, "s1");
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (focused_cell (window) == cell);
  g_assert_true (gtk_widget_get_mapped (cell));

  view = nb_test_find_type (nb_window_show_page (window, "s1"), GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    before = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  gtk_widget_grab_focus (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 6);
  gtk_text_buffer_place_cursor (buffer, &at);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "全年", -1, TRUE);
  nb_window_show_page (window, "s3");
  g_assert_true (nb_test_press (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == view);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&at), ==, 6);
  {
    GtkTextIter start, end;
    g_autofree char *after = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    after = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_chooser (void)
{
  GtkWidget *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWidget *chooser = find_chooser ();
  g_autoptr(GFile) folder = chooser ? gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser)) : NULL;

  return folder != NULL;
}

/* An export that errors block says so before the file chooser opens; with the note given,
 * the chooser opens in the report's folder. */
static void
test_export_blocked_first (void)
{
  NbWindow *window = nb_test_open_sample (1200, 800);
  GtkWidget *cell = s3_cell (window, "s3.new.np");
  AdwMessageDialog *dialog;
  GtkWidget *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(GFile) sample_dir = g_file_get_parent (sample);

  g_autoptr(GFile) expected = nb_window_get_export_folder (window);
  g_assert_true (g_file_equal (expected, sample_dir));

  gtk_widget_grab_focus (cell);
  type_key (cell, GDK_KEY_9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-json", NULL));
  dialog = nb_test_find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_null (find_chooser ());
  gtk_editable_set_text (nb_override_dialog_get_note_entry (dialog), "原表如此");
  adw_message_dialog_response (dialog, "export");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (nb_test_wait_until (chooser_shown, NULL, 5000));
  chooser = find_chooser ();
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (folder, sample_dir));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A test: a warning-coloured label in sight. */
static gboolean
is_warning_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "warning") &&
         gtk_widget_get_visible (widget);
}

/* A completion rate above 100% (results beyond requests) is shown in the warning colour
 * with the reason beside it; back in balance, the plain figure. */
static void
test_rate_over_100 (void)
{
  NbWindow *window = nb_test_open_sample (1400, 900);
  GtkWidget *page = nb_window_show_page (window, "s3");
  GtkWidget *cell = s3_cell (window, "s3.open.np");
  g_autoptr(GPtrArray) labels = nb_test_find_all (page, is_warning_label, NULL);
  gboolean rate = FALSE, reason = FALSE;

  g_assert_cmpuint (labels->len, ==, 0);

  gtk_widget_grab_focus (cell);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  type_key (cell, GDK_KEY_9);
  type_key (cell, GDK_KEY_9);
  g_ptr_array_unref (labels);
  labels = nb_test_find_all (page, is_warning_label, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      rate |= g_str_has_suffix (text, "%") && g_ascii_strtod (text, NULL) > 100;
      reason |= strstr (text, "R-T3-03") != NULL;
    }
  g_assert_true (rate);
  g_assert_true (reason);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  maybe_screenshot (window, "rate-over-100.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_ptr_array_unref (labels);
  labels = nb_test_find_all (page, is_warning_label, NULL);
  g_assert_cmpuint (labels->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/entry/table-scroll", test_table_scroll);
  g_test_add_func ("/entry/no-tabs", test_no_tabs);
  g_test_add_func ("/entry/refused-key", test_refused_key);
  g_test_add_func ("/entry/new-report-save-prompt", test_new_report_save_prompt);
  g_test_add_func ("/entry/recovery-after-undo", test_recovery_after_undo);
  g_test_add_func ("/entry/recovery-names-report", test_recovery_names_report);
  g_test_add_func ("/entry/overridden-badge", test_overridden_badge);
  g_test_add_func ("/entry/fix-buttons", test_fix_buttons);
  g_test_add_func ("/entry/page-keys", test_page_keys);
  g_test_add_func ("/entry/year-range", test_year_range);
  g_test_add_func ("/entry/narrow-window", test_narrow_window);
  g_test_add_func ("/entry/undo-shows-change", test_undo_shows_change);
  g_test_add_func ("/entry/export-blocked-first", test_export_blocked_first);
  g_test_add_func ("/entry/rate-over-100", test_rate_over_100);
  g_test_add_func ("/entry/total-finding-focus", test_total_finding_focus);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
