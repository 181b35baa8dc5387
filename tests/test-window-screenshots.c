/* test-window-screenshots.c — every page of the window with the sample open, as PNG
 *
 * Writes <builddir>/screenshots/<page>-<light|dark>.png, in Chinese, for people to look at
 * (and CI to keep). The assertions only check that each page was built and drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "nb-table-page.h"
#include "test-window-utils.h"

static const char *const pages[] = {
  "info", "s1", "s2", "s3", "s4", "s5", "s6", "findings", "preview",
};

static char *
shot_path (const char *name, const char *style)
{
  g_autofree char *dir = g_build_filename (NB_BUILD_ROOT, "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, style);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, file, NULL);
}

static gboolean
laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

static void
shoot (GtkWidget *widget, const char *name, const char *style)
{
  g_autofree char *path = shot_path (name, style);

  /* A dialog just presented on a busy machine may not be laid out yet; idle layouts,
   * slides and fades end before the picture is taken. */
  g_assert_true (nb_test_wait_until (laid_out, widget, 5000));
  if (!nb_test_wait_settled (widget, 10000))
    g_test_message ("%s: still changing after 10 s, shot as it is", name);
  nb_test_screenshot (widget, path);
  g_test_message ("wrote %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
dialog_shown (gpointer window)
{
  return nb_test_find_dialog (window) != NULL;
}

/* A visible top-level other than @window (preferences, shortcuts, about), or NULL. */
static GtkWidget *
other_window_shown_than (NbWindow *window)
{
  GtkWidget *shown = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (l->data != (gpointer) window && gtk_widget_get_visible (l->data) && !GTK_IS_POPOVER (l->data))
      shown = l->data;
  return shown;
}

static gboolean
other_window_shown (gpointer window)
{
  return other_window_shown_than (window) != NULL;
}

/* Shoots the dialog shown over @window, then closes it. */
static void
shoot_dialog (NbWindow *window, const char *name, const char *style)
{
  GtkWidget *dialog;

  g_assert_true (nb_test_wait_until (dialog_shown, window, 5000));
  dialog = GTK_WIDGET (nb_test_find_dialog (window));
  shoot (dialog, name, style);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* @window at @width × @height, as the user would resize it. */
static void
shoot_resized (NbWindow *window, int width, int height, const char *name, const char *style)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  shoot (GTK_WIDGET (window), name, style);
}

/* @window after a click on @page's row in the sidebar. */
static void
shoot_sidebar_row (NbWindow *window, const char *page, const char *name, const char *style)
{
  /* A folded sidebar slides to the page (shoot waits for the slide to end). */
  gtk_widget_activate (nb_window_get_sidebar_row (window, page));
  shoot (GTK_WIDGET (window), name, style);
}

static void
shoot_all (gconstpointer data)
{
  AdwColorScheme scheme = GPOINTER_TO_INT (data);
  const char *style = scheme == ADW_COLOR_SCHEME_FORCE_DARK ? "dark" : "light";
  NbWindow *start = nb_window_new (nb_test_app ());
  NbWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  gtk_window_set_default_size (GTK_WINDOW (start), 1100, 760);
  gtk_window_present (GTK_WINDOW (start));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (start));
  shoot (GTK_WIDGET (start), "start", style);
  gtk_window_destroy (GTK_WINDOW (start));

  /* The offer to recover after a crash. */
  {
    NbWindow *crashed = nb_test_open_sample (1100, 760);
    NbWindow *next = nb_window_new (nb_test_app ());
    GtkWidget *dialog;

    g_assert_true (nb_window_write_draft (crashed, NULL));
    gtk_window_destroy (GTK_WINDOW (crashed));
    gtk_window_set_default_size (GTK_WINDOW (next), 1100, 760);
    gtk_window_present (GTK_WINDOW (next));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (next));
    dialog = nb_application_offer_recovery (nb_test_app (), GTK_WINDOW (next));
    g_assert_nonnull (dialog);
    shoot (dialog, "recovery", style);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
    gtk_window_destroy (GTK_WINDOW (next));
  }

  window = nb_test_open_sample (1280, 860);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      /* Text views lay out their lines in idle time: shoot waits for them. */
      g_assert_nonnull (nb_window_show_page (window, pages[i]));
      shoot (GTK_WIDGET (window), pages[i], style);
    }

  /* An export that fails says why in a toast. */
  {
    g_autofree char *dir = g_dir_make_tmp ("nb-shot-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    nb_window_show_page (window, "s4");
    nb_window_export_to (window, "pdf", file, NULL);
    shoot (GTK_WIDGET (window), "export-toast", style);
    /* Its details: the font of every role. */
    if (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-fonts", NULL))
      shoot_dialog (window, "export-fonts", style);
    g_unlink (path);
    g_rmdir (dir);
  }

  /* What an import read, from a report cut off in table 三. */
  {
    NbWindow *imported = nb_window_new (nb_test_app ());
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "qianjiang-2024-truncated.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    gtk_window_set_default_size (GTK_WINDOW (imported), 1100, 760);
    gtk_window_present (GTK_WINDOW (imported));
    if (nb_window_import_file (imported, file, NULL))
      {
        shoot_dialog (imported, "import-summary", style);
        nb_window_show_page (imported, "s3");
        shoot (GTK_WIDGET (imported), "import-s3", style);
      }
    gtk_window_destroy (GTK_WINDOW (imported));
  }

  /* The new-report dialog and a narrow window (the sidebar folds away). */
  nb_window_show_new_dialog (window);
  g_assert_true (nb_test_wait_until (dialog_shown, window, 5000));
  {
    GtkWidget *dialog = GTK_WIDGET (nb_test_find_dialog (window));

    shoot (dialog, "new-report", style);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  /* The secondary windows: preferences, shortcuts, about. */
  {
    const char *const actions[][2] = {
      { "app.preferences", "preferences" },
      { "win.show-help-overlay", "shortcuts" },
      { "app.about", "about" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GtkWidget *shown = NULL;

        gtk_widget_activate_action (GTK_WIDGET (window), actions[i][0], NULL);
        g_assert_true (nb_test_wait_until (other_window_shown, window, 5000));
        shown = other_window_shown_than (window);
        shoot (shown, actions[i][1], style);
        gtk_window_destroy (GTK_WINDOW (shown));
      }
  }

  /* Table 三 in the middle of a day's typing: focus deep in the body, the head rows kept. */
  {
    GtkWidget *page = nb_window_show_page (window, "s3");
    GtkWidget *cell = nb_table_page_get_cell_widget (NB_TABLE_PAGE (page),
                                                     nb_format_cell_index ("s3.np_repeat.np"));

    gtk_widget_grab_focus (cell);
    shoot (GTK_WIDGET (window), "s3-scrolled", style);
  }
  /* The small laptop screen of issue 10: 1024×700. */
  shoot_resized (window, 1024, 700, "s3-1024x700", style);
  shoot_sidebar_row (window, "s4", "s4-1024x700", style);
  /* Narrow: the sidebar folds away, a row slides to its page. */
  shoot_resized (window, 560, 760, "narrow-sidebar", style);
  shoot_sidebar_row (window, "s3", "narrow-s3", style);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 报告信息's 版式 group, with the signature block on, at a wide and at a narrow size:
 * info-layout-<width>-light.png. */
static void
shoot_info_layout (void)
{
  static const int sizes[][2] = { { 1400, 900 }, { 1024, 700 } };

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      NbWindow *window = nb_test_open_sample (sizes[i][0], sizes[i][1]);
      GtkWidget *info = nb_window_show_page (window, "info");
      g_autofree char *name = g_strdup_printf ("info-layout-%d", sizes[i][0]);
      GtkAdjustment *adjustment;
      /* The page's first switch is the signature block's. */
      GtkWidget *toggle = nb_test_find_type (info, GTK_TYPE_SWITCH);

      g_assert_nonnull (toggle);
      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      g_assert_true (nb_report_get_signature (nb_session_get_report (nb_window_get_session (window))));
      /* The group is near the end of the page: scrolled to the end once laid out. */
      nb_test_wait_settled (GTK_WIDGET (window), 5000);
      adjustment = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (nb_test_find_type (info, GTK_TYPE_SCROLLED_WINDOW)));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      shoot (GTK_WIDGET (window), name, "light");
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The software centre's pictures (data/screenshots): light style, the default window size
 * of the settings schema, the sample open. Written to <builddir>/screenshots/metainfo/ and
 * copied into the source tree by hand after looking at them. */
static void
shoot_metainfo (void)
{
  static const char *const shots[][2] = {
    { "s3", "editor" }, { "findings", "findings" }, { "preview", "preview" },
  };
  GSettings *settings = nb_application_get_settings (nb_test_app ());
  g_autoptr(GVariant) width = NULL;
  g_autoptr(GVariant) height = NULL;
  g_autofree char *dir = g_build_filename (NB_BUILD_ROOT, "screenshots", "metainfo", NULL);
  NbWindow *window;

  g_assert_nonnull (settings);
  width = g_settings_get_default_value (settings, "window-width");
  height = g_settings_get_default_value (settings, "window-height");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The sample from a folder of the (temporary) home folder, as a user would have it. */
  {
    g_autofree char *docs = g_build_filename (g_get_home_dir (), "文档", NULL);
    g_autofree char *path = g_build_filename (docs, "qianjiang-2024.nianbao", NULL);
    g_autofree char *data = NULL;
    gsize length = 0;
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_get_contents (g_getenv ("NB_SAMPLE"), &data, &length, NULL));
    g_mkdir_with_parents (docs, 0755);
    g_assert_true (g_file_set_contents (path, data, length, NULL));
    window = nb_window_new (nb_test_app ());
    gtk_window_set_default_size (GTK_WINDOW (window), g_variant_get_int32 (width),
                                 g_variant_get_int32 (height));
    g_assert_true (nb_window_load_file (window, file, NULL));
    gtk_window_present (GTK_WINDOW (window));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  }
  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *name = g_strconcat (shots[i][1], ".png", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_nonnull (nb_window_show_page (window, shots[i][0]));
      /* The preview lays the pages out after a pause; text views in idle time. */
      nb_test_wait_settled (GTK_WIDGET (window), 10000);
      nb_test_screenshot (GTK_WIDGET (window), path);
      g_test_message ("wrote %s", path);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  int status;

  g_test_add_data_func ("/screenshots/light", GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_LIGHT), shoot_all);
  g_test_add_data_func ("/screenshots/dark", GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_DARK), shoot_all);
  g_test_add_func ("/screenshots/metainfo", shoot_metainfo);
  g_test_add_func ("/screenshots/info-layout", shoot_info_layout);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
