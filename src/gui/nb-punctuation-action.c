/* nb-punctuation-action.c — 规范标点: full-width punctuation in the report's prose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-punctuation.h"
#include "nb-punctuation-action.h"

/* The prose a reader sees; dates, paths and the agency's name are left alone. */
static const NbTextField prose_fields[] = {
  NB_TEXT_TITLE, NB_TEXT_PREAMBLE, NB_TEXT_S1_INTRO, NB_TEXT_S2_NOTE, NB_TEXT_S3_NOTE,
  NB_TEXT_S4_NOTE, NB_TEXT_S5, NB_TEXT_S6, NB_TEXT_CONTACT,
};

/* The fixed text, or NULL when nothing changes; adds the marks replaced to @total. */
static char *
fixed_or_null (const char *text, guint *total)
{
  guint n = 0;
  char *fixed;

  if (text == NULL || *text == '\0')
    return NULL;
  fixed = nb_punctuation_fix (text, &n);
  if (n == 0)
    g_clear_pointer (&fixed, g_free);
  *total += n;
  return fixed;
}

guint
nb_punctuation_apply (NbSession *session)
{
  NbReport *report = nb_session_get_report (session);
  guint total = 0;

  nb_session_begin_step (session);
  for (guint i = 0; i < G_N_ELEMENTS (prose_fields); i++)
    {
      g_autofree char *fixed = fixed_or_null (nb_report_get_text (report, prose_fields[i]),
                                              &total);

      if (fixed != NULL)
        nb_session_edit_text (session, prose_fields[i], fixed);
    }
  for (guint i = 0; i < nb_report_get_n_parts (report); i++)
    {
      const NbPart *part = nb_report_get_part (report, i);
      g_autofree char *heading = fixed_or_null (part->heading, &total);
      g_autofree char *text = fixed_or_null (part->text, &total);

      if (heading != NULL)
        nb_session_edit_part_heading (session, i, heading);
      if (text != NULL)
        nb_session_edit_part_text (session, i, text);
    }
  nb_session_end_step (session);
  return total;
}

static void
fix_punctuation_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  NbWindow *window = data;
  NbSession *session = nb_window_get_session (window);
  AdwToast *toast;
  guint n;

  if (session == NULL)
    return;
  /* The edit before this one ends here, so undo takes back only the fix. */
  nb_session_seal (session);
  n = nb_punctuation_apply (session);
  if (n == 0)
    {
      toast = adw_toast_new (_("No punctuation needs fixing"));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Fixed %u punctuation mark",
                                                          "Fixed %u punctuation marks", n), n);

      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_timeout (toast, 6);
  nb_window_add_toast (window, toast);
}

void
nb_punctuation_action_install (NbWindow *window)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("fix-punctuation", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (fix_punctuation_action), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}
