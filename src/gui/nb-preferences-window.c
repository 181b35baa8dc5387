/* nb-preferences-window.c — fonts per export role, recovery delay, optional rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

static void
nb_preferences_window_init (NbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nb_preferences_window_new (GSettings *settings)
{
  NbPreferencesWindow *self = g_object_new (NB_TYPE_PREFERENCES_WINDOW, NULL);
  const struct { const char *key; GtkWidget *widget; const char *property; } bindings[] = {
    { "font-title", self->font_title, "text" },
    { "font-body", self->font_body, "text" },
    { "font-heading", self->font_heading, "text" },
    { "font-kaiti", self->font_kaiti, "text" },
    { "auto-save-delay", self->autosave_spin, "value" },
    { "length-rule", self->length_switch, "active" },
  };

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
