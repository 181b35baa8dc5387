/* nb-text-filter.c — report text never takes a tab character
 *
 * The printed report has no use for a tab, and one typed by Tab (GtkTextView's default)
 * or pasted from a spreadsheet shows as a gap in the PDF and a stray character in the
 * HTML. A tab between two characters becomes nothing, as if never typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-text-filter.h"

/* @text without its tabs, or NULL when it has none (@length: −1 for nul-terminated). */
static char *
without_tabs (const char *text, int length)
{
  GString *kept;

  if (length < 0)
    length = strlen (text);
  if (memchr (text, '\t', length) == NULL)
    return NULL;
  kept = g_string_sized_new (length);
  for (int i = 0; i < length; i++)
    if (text[i] != '\t')
      g_string_append_c (kept, text[i]);
  return g_string_free (kept, FALSE);
}

static void
buffer_insert_text_cb (GtkTextBuffer *buffer, GtkTextIter *location, const char *text,
                       int length, gpointer data)
{
  g_autofree char *kept = without_tabs (text, length);

  if (kept == NULL)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (*kept != '\0')
    gtk_text_buffer_insert (buffer, location, kept, -1);
}

static void
editable_insert_text_cb (GtkEditable *editable, const char *text, int length, int *position,
                         gpointer data)
{
  g_autofree char *kept = without_tabs (text, length);

  if (kept == NULL)
    return;
  g_signal_stop_emission_by_name (editable, "insert-text");
  if (*kept != '\0')
    gtk_editable_insert_text (editable, kept, -1, position);
}

void
nb_text_filter_attach_view (GtkTextView *view)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_view_set_accepts_tab (view, FALSE);
  g_signal_connect (gtk_text_view_get_buffer (view), "insert-text",
                    G_CALLBACK (buffer_insert_text_cb), NULL);
}

void
nb_text_filter_attach_editable (GtkEditable *editable)
{
  /* An entry emits insert-text on its GtkText delegate, not on itself. */
  GtkEditable *target = gtk_editable_get_delegate (editable);

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_signal_connect (target ? target : editable, "insert-text",
                    G_CALLBACK (editable_insert_text_cb), NULL);
}
