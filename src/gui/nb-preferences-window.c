/* nb-preferences-window.c — fonts per export role, recovery delay, optional rules
 *
 * Each font role is chosen among the installed Chinese fonts; the first choice,
 * “Default”, stores an empty value and so follows the bundled defaults (layout.md §9).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-pdf-fonts.h"
#include "nb-preferences-window.h"

struct _NbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkWidget *font_title;
  GtkWidget *font_body;
  GtkWidget *font_heading;
  GtkWidget *font_kaiti;
  GtkWidget *autosave_spin;
  GtkWidget *length_switch;
};

G_DEFINE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
nb_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NB_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (nb_preferences_window_parent_class)->dispose (object);
}

static void
nb_preferences_window_class_init (NbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nb_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, font_title);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, font_body);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, font_heading);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, font_kaiti);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, length_switch);
}

/* A role's combo row: item 0 is the bundled default (the setting's empty value), then
 * the installed Chinese families; a value set elsewhere (an older comma-separated list)
 * is kept as one more item, so showing it never changes it. */
static gboolean
family_to_index (GValue *value, GVariant *variant, gpointer user_data)
{
  GtkStringList *families = user_data;
  const char *family = g_variant_get_string (variant, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (families));

  if (*family == '\0')
    {
      g_value_set_uint (value, 0);
      return TRUE;
    }
  for (guint i = 1; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (families, i), family))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  gtk_string_list_append (families, family);
  g_value_set_uint (value, n);
  return TRUE;
}

static GVariant *
index_to_family (const GValue *value, const GVariantType *type, gpointer user_data)
{
  GtkStringList *families = user_data;
  guint index = g_value_get_uint (value);

  if (index == 0 || index == GTK_INVALID_LIST_POSITION ||
      index >= g_list_model_get_n_items (G_LIST_MODEL (families)))
    return g_variant_new_string ("");
  return g_variant_new_string (gtk_string_list_get_string (families, index));
}

static void
bind_font_row (GtkWidget *row, GSettings *settings, const char *key, const char *fallback,
               const char *const *installed)
{
  /* TRANSLATORS: the first choice of a font role, with the font it resolves to */
  g_autofree char *first = g_strdup_printf (_("Default (%s)"), fallback);
  GtkStringList *families = gtk_string_list_new (NULL);

  gtk_string_list_append (families, first);
  for (guint i = 0; installed[i]; i++)
    gtk_string_list_append (families, installed[i]);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (families));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  if (settings)
    g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                  family_to_index, index_to_family, g_object_ref (families),
                                  g_object_unref);
  else
    gtk_widget_set_sensitive (row, FALSE);
  g_object_unref (families);
}

static void
nb_preferences_window_init (NbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nb_preferences_window_new (GSettings *settings)
{
  NbPreferencesWindow *self = g_object_new (NB_TYPE_PREFERENCES_WINDOW, NULL);
  const struct { const char *key; GtkWidget *row; NbFontRole role; } fonts[] = {
    { "font-title", self->font_title, NB_FONT_TITLE },
    { "font-body", self->font_body, NB_FONT_BODY },
    { "font-heading", self->font_heading, NB_FONT_HEI },
    { "font-kaiti", self->font_kaiti, NB_FONT_KAI },
  };
  const struct { const char *key; GtkWidget *widget; const char *property; } bindings[] = {
    { "auto-save-delay", self->autosave_spin, "value" },
    { "length-rule", self->length_switch, "active" },
  };

  NbResolvedFont defaults[NB_N_FONT_ROLES];
  g_auto(GStrv) installed = nb_pdf_fonts_list_chinese ();

  /* What each role gives without a choice: the bundled default, or a user's 仿宋_GB2312. */
  nb_pdf_fonts_resolve (NULL, defaults);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    bind_font_row (fonts[i].row, settings, fonts[i].key, defaults[fonts[i].role].family,
                   (const char *const *) installed);
  nb_pdf_fonts_clear (defaults);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      if (settings != NULL)
        g_settings_bind (settings, bindings[i].key, bindings[i].widget, bindings[i].property,
                         G_SETTINGS_BIND_DEFAULT);
      else
        gtk_widget_set_sensitive (bindings[i].widget, FALSE);
    }
  return GTK_WIDGET (self);
}
