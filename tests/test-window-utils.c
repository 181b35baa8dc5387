/* test-window-utils.c — shared set-up of the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "test-window-utils.h"

static NbApplication *app;

static void
use_chinese_locale (const char *tmp)
{
  g_autofree char *locpath = g_build_filename (tmp, "locale", NULL);
  g_autofree char *target = g_build_filename (locpath, "zh_CN.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "zh_CN", "-f", "UTF-8", target, NULL };
  int status = -1;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") != NULL)
    {
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      return;
    }
  g_mkdir_with_parents (locpath, 0755);
  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
      g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_setenv ("LOCPATH", locpath, TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
    }
  if (setlocale (LC_ALL, "") == NULL || !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN"))
    g_printerr ("# zh_CN.UTF-8 is not available: the UI strings stay in English\n");
}

char *
nb_test_init (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  char *tmp = g_dir_make_tmp ("nb-ui-XXXXXX", &error);
  g_autofree char *data = g_build_filename (tmp, "data", NULL);
  g_autofree char *config = g_build_filename (tmp, "config", NULL);
  g_autofree char *cache = g_build_filename (tmp, "cache", NULL);
  g_autofree char *locale = g_build_filename (g_getenv ("MESON_BUILD_ROOT") ? g_getenv ("MESON_BUILD_ROOT")
                                              : NB_BUILD_ROOT, "po", NULL);

  g_assert_no_error (error);
  /* Before GLib caches them: drafts, recent files and the home folder (shown as ~ in the
   * window title of the screenshots) go to the temporary folder. */
  {
    g_autofree char *home = g_build_filename (tmp, "home", NULL);

    g_mkdir_with_parents (home, 0700);
    g_setenv ("HOME", home, TRUE);
  }
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  /* The UI in Chinese, from the catalogue built in the build tree. gettext ignores LANGUAGE
   * in the C locales, so build zh_CN.UTF-8 for this run when the system lacks it. */
  use_chinese_locale (tmp);
  bindtextdomain (GETTEXT_PACKAGE, locale);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* A blinking caret would keep every picture changing (nb_test_wait_settled). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  app = nb_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return tmp;
}

NbApplication *
nb_test_app (void)
{
  return app;
}

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
}

void
nb_test_finish (const char *tmp)
{
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);

  remove_tree (dir);
  g_clear_object (&app);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Wakes the main loop, which otherwise sleeps while nothing happens on screen. */
static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
nb_test_wait_until (gboolean (*done) (gpointer data), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  /* A condition that turns true without an event (an idle done, a scroll applied) is seen
   * within 20 ms instead of at the timeout. */
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!timed_out && !(done && done (data)))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

void
nb_test_spin (guint ms)
{
  nb_test_wait_until (NULL, NULL, ms);
}

static void
invalidated_cb (GdkPaintable *paintable, gboolean *done)
{
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

GdkTexture *
nb_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds;

  /* The paintable spans the widget's bounds, which for a window take in the shadow around
   * it: drawn at that size, one widget pixel is one texture pixel (drawn at the widget's
   * own size it would be scaled by ~0.99, blending each edge with its neighbour row). */
  if (!gtk_widget_compute_bounds (widget, widget, &bounds))
    return NULL;
  gdk_paintable_snapshot (paintable, snapshot, bounds.size.width, bounds.size.height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (-bounds.origin.x, -bounds.origin.y,
                                                           gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

typedef struct {
  GtkWidget *widget;
  GBytes    *last;      /* the previous frame's pixels */
  gint64     last_at;
} Settling;

/* Compares the current frame with the one drawn at least 200 ms before: longer than the
 * pauses after which the window lays out or slides (the preview's 300 ms starts at once). */
static gboolean
settled (gpointer data)
{
  Settling *settling = data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) pixels = NULL;
  gsize stride;
  guchar *buffer;
  gboolean same;

  if (g_get_monotonic_time () - settling->last_at < 200 * G_TIME_SPAN_MILLISECOND)
    return FALSE;
  if (!gtk_widget_get_mapped (settling->widget))
    return FALSE;
  if ((texture = nb_test_render (settling->widget)) == NULL)
    {
      /* Not drawn since its last change: ask for the frame. */
      gtk_widget_queue_draw (settling->widget);
      return FALSE;
    }
  stride = 4 * (gsize) gdk_texture_get_width (texture);
  buffer = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, buffer, stride);
  pixels = g_bytes_new_take (buffer, stride * gdk_texture_get_height (texture));
  same = settling->last != NULL && g_bytes_equal (pixels, settling->last);
  g_clear_pointer (&settling->last, g_bytes_unref);
  settling->last = g_steal_pointer (&pixels);
  settling->last_at = g_get_monotonic_time ();
  return same;
}

gboolean
nb_test_wait_settled (GtkWidget *widget, guint timeout_ms)
{
  Settling settling = { widget, NULL, 0 };
  gboolean done = nb_test_wait_until (settled, &settling, timeout_ms);

  g_clear_pointer (&settling.last, g_bytes_unref);
  return done;
}

typedef struct {
  GtkWidget  *widget;
  GdkTexture *texture;
} Rendering;

/* TRUE once @data's widget renders; a widget with a redraw due renders nothing, so one is
 * asked for and the next frame tried. */
static gboolean
rendered (gpointer data)
{
  Rendering *rendering = data;

  if ((rendering->texture = nb_test_render (rendering->widget)) != NULL)
    return TRUE;
  gtk_widget_queue_draw (rendering->widget);
  return FALSE;
}

GdkTexture *
nb_test_render_drawn (GtkWidget *widget)
{
  Rendering rendering = { widget, NULL };

  g_assert_true (nb_test_wait_until (rendered, &rendering, 5000));
  return rendering.texture;
}

void
nb_test_screenshot (GtkWidget *widget, const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  gboolean done = FALSE;

  /* Wait for a fresh frame so that what we write is what is on screen. */
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (invalidated_cb), &done);
  gtk_widget_queue_draw (widget);
  g_assert_true (nb_test_wait_until (flag_set, &done, 5000));
  texture = nb_test_render_drawn (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
collect (GtkWidget *root, NbWidgetTest test, gconstpointer data, GPtrArray *found,
         gboolean first_only)
{
  if (test (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL && !(first_only && found->len > 0);
       child = gtk_widget_get_next_sibling (child))
    collect (child, test, data, found, first_only);
}

GPtrArray *
nb_test_find_all (GtkWidget *root, NbWidgetTest test, gconstpointer data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, test, data, found, FALSE);
  return found;
}

GtkWidget *
nb_test_find (GtkWidget *root, NbWidgetTest test, gconstpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, test, data, found, TRUE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

gboolean
nb_test_has_css_class (GtkWidget *widget, gconstpointer name)
{
  return gtk_widget_has_css_class (widget, name);
}

static gboolean
is_type (GtkWidget *widget, gconstpointer type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

GtkWidget *
nb_test_find_type (GtkWidget *widget, GType type)
{
  return nb_test_find (widget, is_type, GSIZE_TO_POINTER (type));
}

NbWindow *
nb_test_open_sample (int width, int height)
{
  NbWindow *window = nb_window_new (app);
  g_autoptr(GFile) sample = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (nb_window_load_file (window, sample, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

gboolean
nb_test_press (GtkWidget *widget, guint keyval, GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

void
nb_test_remove_saved (const char *dir, const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

AdwMessageDialog *
nb_test_find_dialog (NbWindow *window)
{
  AdwMessageDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      found = l->data;
  return found;
}

NbNewReportDialog *
nb_test_new_report_dialog (NbWindow **window)
{
  AdwMessageDialog *dialog;

  *window = nb_window_new (app);
  gtk_window_present (GTK_WINDOW (*window));
  g_assert_false (nb_window_has_report (*window));
  gtk_widget_activate_action (GTK_WIDGET (*window), "win.new-report", NULL);
  dialog = nb_test_find_dialog (*window);
  g_assert_true (NB_IS_NEW_REPORT_DIALOG (dialog));
  return NB_NEW_REPORT_DIALOG (dialog);
}
