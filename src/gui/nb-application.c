/* nb-application.c — the application: actions, preferences, crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-application.h"
#include "nb-renderer-choice.h"
#include "nb-document.h"
#include "nb-drafts.h"
#include "nb-preferences-window.h"
#include "nb-review-actions.h"
#include "nb-window.h"

struct _NbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, ADW_TYPE_APPLICATION)

GFile *
nb_application_get_sample (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", "qianjiang-2024.nianbao", NULL);

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (installed);
  return g_file_new_build_filename (SOURCE_SAMPLES_DIR, "qianjiang-2024.nianbao", NULL);
}

GSettings *
nb_application_get_settings (NbApplication *self)
{
  return self->settings;
}

static NbWindow *
empty_window (NbApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (NB_IS_WINDOW (active) && !nb_window_has_report (NB_WINDOW (active)))
    return NB_WINDOW (active);
  return nb_window_new (self);
}

/* The window that already shows @file, or NULL: one file, one window, so that two copies
 * of a report cannot overwrite each other's changes. */
static NbWindow *
window_for_file (NbApplication *self, GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_get_file (l->data) != NULL &&
        g_file_equal (nb_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

void
nb_show_error (GtkWindow *parent, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nb_application_open_file (NbApplication *self, GFile *file)
{
  NbWindow *window = window_for_file (self, file);
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  window = empty_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (!nb_window_load_file (window, file, &error))
    nb_show_error (GTK_WINDOW (window), _("Could Not Open the Report"), error->message);
}

GPtrArray *
nb_application_find_drafts (NbApplication *self)
{
  GPtrArray *ids = nb_drafts_list ();

  /* A draft of an open window is that window's, not a crash's. */
  for (guint i = ids->len; i-- > 0;)
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
      if (NB_IS_WINDOW (l->data) &&
          g_strcmp0 (nb_window_get_draft_id (l->data), g_ptr_array_index (ids, i)) == 0)
        {
          g_ptr_array_remove_index (ids, i);
          break;
        }
  return ids;
}

/* Opens one recovery copy in @parent when that is empty, else in a new window. A copy
 * that does not load gets no window: it is renamed to X.nianbao.broken, kept for whoever
 * wants to look at it but no longer offered, and the user is told why. */
static void
recover_draft (NbApplication *self, GtkWindow *parent, const char *id)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  NbWindow *window;

  /* Loaded here first to know before any window is chosen; the window loads it again. */
  report = nb_drafts_load (id, NULL, &error);
  if (report != NULL)
    {
      window = (NB_IS_WINDOW (parent) && !nb_window_has_report (NB_WINDOW (parent)))
               ? NB_WINDOW (parent) : nb_window_new (self);
      if (nb_window_load_draft (window, id, &error))
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
      if (GTK_WINDOW (window) != parent)
        gtk_window_destroy (GTK_WINDOW (window));
    }

  nb_drafts_set_aside (id);
  nb_show_error (parent != NULL ? parent
                             : gtk_application_get_active_window (GTK_APPLICATION (self)),
              _("Could Not Recover a Report"), error->message);
}

static void
recovery_response_cb (AdwMessageDialog *dialog, const char *response, NbApplication *self)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "nb-ids");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (g_str_equal (response, "recover"))
        recover_draft (self, parent, id);
      else
        nb_drafts_remove (id);
    }
}

GtkWidget *
nb_application_offer_recovery (NbApplication *self, GtkWindow *parent)
{
  g_autoptr(GPtrArray) ids = nb_application_find_drafts (self);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (ids->len == 0)
    return NULL;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Nianbao ended before a report was saved. Its last "
                                       "changes were kept in a recovery copy.",
                                       "Nianbao ended before %u reports were saved. Their last "
                                       "changes were kept in recovery copies.", ids->len),
                          ids->len);
  /* Which reports: the user decides by what each one is. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *what = nb_drafts_describe (g_ptr_array_index (ids, i));
      char *longer = g_strconcat (body, "\n• ", what, NULL);

      g_free (body);
      body = longer;
    }
  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"), "recover", _("_Recover"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_object_set_data_full (G_OBJECT (dialog), "nb-ids", g_ptr_array_ref (ids),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  NbWindow *window = empty_window (data);

  gtk_window_present (GTK_WINDOW (window));
  nb_window_show_new_dialog (window);
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  NbApplication *self = data;
  GtkWidget *window = nb_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  static const char *developers[] = { "Nianbao contributors", NULL };
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Nianbao"));
  /* The installed icon, or a generic one when running from the build tree. */
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about),
                                         gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), APP_ID)
                                         ? APP_ID : "x-office-document");
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Write the annual report on government information disclosure "
                                   "in the official 2021 format"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (data)));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  /* Closing each window asks about unsaved changes. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (data)); l; )
    {
      GList *next = l->next;

      gtk_window_close (l->data);
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* Pango picks CJK glyph forms by language, and takes the language from LC_CTYPE. Outside a
 * Chinese locale (C, en_US …) it may draw the report's text with Japanese or Traditional
 * forms; naming a Simplified Chinese family after the UI font avoids that. */
static void
prefer_simplified_chinese (void)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(PangoFontDescription) desc = NULL;
  g_autofree char *font_name = NULL;
  g_autofree char *css = NULL;
  const char *family;

  if (pango_language_matches (gtk_get_default_language (), "zh-cn;zh-sg;zh-hans"))
    return;
  g_object_get (gtk_settings_get_default (), "gtk-font-name", &font_name, NULL);
  desc = pango_font_description_from_string (font_name ? font_name : "Sans");
  family = pango_font_description_get_family (desc);
  css = g_strdup_printf ("window { font-family: \"%s\", \"Noto Sans CJK SC\", "
                         "\"Source Han Sans SC\", \"Source Han Sans CN\", "
                         "\"WenQuanYi Micro Hei\", sans-serif; }",
                         family ? family : "Sans");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
}

static void
nb_application_startup (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export-pdf", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (nb_application_parent_class)->startup (app);
  nb_renderer_choice_apply (gdk_display_get_default ());
  prefer_simplified_chinese ();
  nb_review_actions_install (gtk_app);

  /* The schema is optional so that an uninstalled binary still runs. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.nianbao.Nianbao", TRUE);
  if (schema != NULL)
    self->settings = g_settings_new ("io.github.nianbao.Nianbao");

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);
}

static void
nb_application_activate (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (nb_window_new (self));
  gtk_window_present (window);

  /* After a crash: offer the recovery copies once per run. */
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      nb_application_offer_recovery (self, window);
    }
}

static void
nb_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  NbApplication *self = NB_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    nb_application_open_file (self, files[i]);
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      nb_application_offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (app)));
    }
}

static int
nb_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      /* Compiled against and running with: the API floor is the compiled one. */
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      g_print ("GTK %d.%d.%d (compiled %d.%d.%d)\n", gtk_get_major_version (),
               gtk_get_minor_version (), gtk_get_micro_version (), GTK_MAJOR_VERSION,
               GTK_MINOR_VERSION, GTK_MICRO_VERSION);
      g_print ("libadwaita %d.%d.%d (compiled %d.%d.%d)\n", adw_get_major_version (),
               adw_get_minor_version (), adw_get_micro_version (), ADW_MAJOR_VERSION,
               ADW_MINOR_VERSION, ADW_MICRO_VERSION);
      return 0;
    }
  return G_APPLICATION_CLASS (nb_application_parent_class)->handle_local_options (app, options);
}

static void
nb_application_finalize (GObject *object)
{
  g_clear_object (&NB_APPLICATION (object)->settings);
  G_OBJECT_CLASS (nb_application_parent_class)->finalize (object);
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nb_application_finalize;
  app_class->startup = nb_application_startup;
  app_class->activate = nb_application_activate;
  app_class->open = nb_application_open;
  app_class->handle_local_options = nb_application_handle_local_options;
}

static void
nb_application_init (NbApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0, 0, G_OPTION_ARG_NONE,
                                 _("Print version information and exit"), NULL);
}

NbApplication *
nb_application_new (GApplicationFlags flags)
{
  return g_object_new (NB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/nianbao/Nianbao",
                       NULL);
}
