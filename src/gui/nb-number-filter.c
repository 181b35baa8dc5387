/* nb-number-filter.c — keeps a number entry to digits (and one decimal point for money)
 *
 * Pasted figures come from spreadsheets and earlier reports: "1,234", "12 345", full-width
 * digits from a Chinese input method. Separators between digits can go; anything else
 * (a decimal in a count, a second point, a unit) would silently become another number if
 * dropped, so such an insertion is refused as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-number-filter.h"
#include "nb-number-input.h"

typedef struct {
  GtkEditable *owner;
  NbUnit       unit;
} Filter;

static void
insert_text_cb (GtkEditable *target, const char *text, int length, int *position,
                Filter *filter)
{
  g_autofree char *kept = NULL;

  if (g_object_get_data (G_OBJECT (filter->owner), "nb-updating") != NULL)
    return;
  if (length < 0)
    length = strlen (text);
  kept = nb_number_input_normalize (gtk_editable_get_text (target), *position, text, length,
                                     filter->unit);
  if (kept == NULL)
    {
      g_signal_stop_emission_by_name (target, "insert-text");
      gtk_widget_error_bell (GTK_WIDGET (filter->owner));
      return;
    }
  if (strlen (kept) == (size_t) length && memcmp (kept, text, length) == 0)
    return;

  g_signal_handlers_block_by_func (target, insert_text_cb, filter);
  gtk_editable_insert_text (target, kept, -1, position);
  g_signal_handlers_unblock_by_func (target, insert_text_cb, filter);
  g_signal_stop_emission_by_name (target, "insert-text");
}

/* A key the cell would refuse is refused before the text widget sees it: typing over a
 * selection first deletes the selection, and only then would the character be refused,
 * so a stray letter would silently blank the cell. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, Filter *filter)
{
  GtkEditable *editable = filter->owner;
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[7] = { 0 };
  g_autofree char *rest = NULL;
  g_autofree char *kept = NULL;
  int start, end;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || c == 0 ||
      !g_unichar_isprint (c) || !gtk_editable_get_editable (editable))
    return FALSE;
  g_unichar_to_utf8 (c, utf8);
  if (!gtk_editable_get_selection_bounds (editable, &start, &end))
    start = end = gtk_editable_get_position (editable);
  {
    const char *text = gtk_editable_get_text (editable);
    const char *a = g_utf8_offset_to_pointer (text, start);
    const char *b = g_utf8_offset_to_pointer (text, end);

    rest = g_strdup_printf ("%.*s%s", (int) (a - text), text, b);
  }
  kept = nb_number_input_normalize (rest, start, utf8, -1, filter->unit);
  if (kept != NULL && *kept != '\0')
    return FALSE;
  gtk_widget_error_bell (GTK_WIDGET (editable));
  return TRUE;
}

void
nb_number_filter_attach (GtkEditable *editable, NbUnit unit, GCallback leave, gpointer user_data)
{
  /* A GtkEntry emits insert-text on its GtkText delegate, not on itself. */
  GtkEditable *target = gtk_editable_get_delegate (editable);
  Filter *filter = g_new0 (Filter, 1);

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  filter->owner = editable;
  filter->unit = unit;
  if (target == NULL)
    target = editable;
  g_signal_connect_data (target, "insert-text", G_CALLBACK (insert_text_cb), filter,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), filter);
    gtk_widget_add_controller (GTK_WIDGET (editable), keys);
  }
  if (leave != NULL)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (controller, "leave", leave, user_data);
      gtk_widget_add_controller (GTK_WIDGET (editable), controller);
    }
}
