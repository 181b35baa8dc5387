/* test-preferences-fonts.c — Preferences: each font role chosen among the installed
 * Chinese fonts, and the bundled default restored by choosing “默认”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "nb-preferences-window.h"
#include "test-window-utils.h"

/* The position of @name in @row's list, or GTK_INVALID_LIST_POSITION. */
static guint
position_of (GtkWidget *row, const char *name)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* A test: the combo row titled @title. */
static gboolean
is_combo_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

static void
test_choose_and_restore (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.nianbao.Nianbao");
  GtkWidget *window;
  GtkWidget *kai;
  GListModel *model;
  g_autofree char *value = NULL;
  guint wenkai, ukai;

  g_settings_set_string (settings, "font-kaiti", "");
  window = nb_preferences_window_new (settings);
  kai = nb_test_find (window, is_combo_titled, "二级标题（楷体）");
  g_assert_nonnull (kai);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (kai));
  /* 默认 first, naming the bundled 楷体, then the installed fonts. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "默认（LXGW WenKai）");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kai)), ==, 0);
  wenkai = position_of (kai, "LXGW WenKai");
  ukai = position_of (kai, "AR PL UKai CN");
  g_assert_cmpuint (wenkai, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (ukai, !=, GTK_INVALID_LIST_POSITION);
  /* Only Chinese fonts: DejaVu has no hanzi. */
  g_assert_cmpuint (position_of (kai, "DejaVu Sans"), ==, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (kai), ukai);
  value = g_settings_get_string (settings, "font-kaiti");
  g_assert_cmpstr (value, ==, "AR PL UKai CN");
  g_clear_pointer (&value, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kai), 0);
  value = g_settings_get_string (settings, "font-kaiti");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  /* A value written elsewhere (an older family list) is shown as it is, not replaced. */
  g_settings_set_string (settings, "font-kaiti", "KaiTi, STKaiti");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kai)), ==, position_of (kai, "KaiTi, STKaiti"));
  value = g_settings_get_string (settings, "font-kaiti");
  g_assert_cmpstr (value, ==, "KaiTi, STKaiti");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = nb_test_init (&argc, &argv);

  g_test_add_func ("/preferences/fonts", test_choose_and_restore);
  return g_test_run ();
}
