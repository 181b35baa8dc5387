/* test-window-punctuation.c — 规范标点 on the sample: one undo step, the pages follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-punctuation-action.h"
#include "test-window-utils.h"

/* Every text of the report, parts included, as one list to compare. */
static GPtrArray *
all_texts (NbReport *report)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < NB_N_TEXTS; f++)
    g_ptr_array_add (texts, g_strdup (nb_report_get_text (report, f)));
  for (guint i = 0; i < nb_report_get_n_parts (report); i++)
    {
      const NbPart *part = nb_report_get_part (report, i);

      g_ptr_array_add (texts, g_strdup (part->heading));
      g_ptr_array_add (texts, g_strdup (part->text));
    }
  return texts;
}

static void
assert_texts_equal (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static guint
n_texts_changed (GPtrArray *a, GPtrArray *b)
{
  guint n = 0;

  for (guint i = 0; i < a->len; i++)
    n += g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0;
  return n;
}

/* TRUE if some text view under @root shows @needle. */
static gboolean
shows_text (GtkWidget *root, const char *needle)
{
  if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, needle))
      return TRUE;
  return FALSE;
}

typedef struct {
  GtkWidget  *page;
  const char *needle;
} Shown;

static gboolean
page_shows (gpointer data)
{
  Shown *shown = data;

  return shows_text (shown->page, shown->needle);
}

/* Waits until a text view of @page shows @needle (the views follow the model). */
static gboolean
wait_shows (GtkWidget *page, const char *needle)
{
  Shown shown = { page, needle };

  return nb_test_wait_until (page_shows, &shown, 5000);
}

static void
test_fix_and_undo (void)
{
  NbWindow *window = nb_test_open_sample (1280, 800);
  NbSession *session = nb_window_get_session (window);
  NbReport *report = nb_session_get_report (session);
  g_autoptr(GPtrArray) before = all_texts (report);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  GtkWidget *page = nb_window_show_page (window, "s1");
  guint64 state;

  g_assert_true (wait_shows (page, "2024年,黔江区"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fix-punctuation", NULL));
  g_assert_true (wait_shows (page, "2024年，黔江区"));

  after = all_texts (report);
  g_test_message ("%u texts changed", n_texts_changed (before, after));
  g_assert_cmpuint (n_texts_changed (before, after), >=, 5);
  g_assert_nonnull (strstr (nb_report_get_text (report, NB_TEXT_PREAMBLE),
                            "通知》（国办公开办函〔2021〕30号）要求，现发布"));
  g_assert_nonnull (strstr (nb_report_get_part (report, 0)->text, "村（居）务"));
  g_assert_true (shows_text (page, "2024年，黔江区"));
  g_assert_false (shows_text (page, "2024年,黔江区"));
  {
    g_autofree char *dir = g_build_filename (NB_BUILD_ROOT, "screenshots", NULL);
    g_autofree char *path = g_build_filename (dir, "punctuation-s1.png", NULL);

    g_mkdir_with_parents (dir, 0755);
    nb_test_screenshot (GTK_WIDGET (window), path);
  }

  /* Fixed text needs no second fix: nothing changes, no undo step is added. */
  state = nb_session_get_state_id (session);
  g_assert_cmpuint (nb_punctuation_apply (session), ==, 0);
  g_assert_cmpuint (nb_session_get_state_id (session), ==, state);

  /* One undo takes the whole fix back, byte for byte; redo brings it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  undone = all_texts (report);
  assert_texts_equal (before, undone);
  g_assert_true (wait_shows (page, "2024年,黔江区"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  {
    g_autoptr(GPtrArray) redone = all_texts (report);

    assert_texts_equal (after, redone);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A fix after a typed edit is a step of its own: undo keeps the edit. */
static void
test_separate_step (void)
{
  NbWindow *window = nb_test_open_sample (1280, 800);
  NbSession *session = nb_window_get_session (window);
  NbReport *report = nb_session_get_report (session);

  nb_session_edit_text (session, NB_TEXT_S6, "本年度,未收取信息处理费。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fix-punctuation", NULL));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), ==, "本年度，未收取信息处理费。");
  nb_session_undo (session);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), ==, "本年度,未收取信息处理费。");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/punctuation/fix-and-undo", test_fix_and_undo);
  g_test_add_func ("/punctuation/separate-step", test_separate_step);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
