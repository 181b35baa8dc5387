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

/* Money is held as whole 元 and shown in 万元: four decimals. */
#define MAX_DECIMALS 4

typedef struct {
  GtkEditable *owner;
  NbUnit       unit;
} Filter;

static gunichar
to_ascii (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)     /* full-width forms of ASCII */
    return c - 0xFEE0;
  if (c == 0x3000)                    /* ideographic space */
    return ' ';
  return c;
}

static gboolean
is_separator (gunichar c)
{
  return c == ',' || c == ' ' || c == 0x00A0;
}

static gboolean
is_digit (gunichar c)
{
  return c < 0x80 && g_ascii_isdigit (c);
}

char *
nb_number_filter_normalize (const char *current, int position, const char *text,
                            gssize length, NbUnit unit)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  glong n = 0, start = 0, end;

  if (length < 0)
    length = strlen (text);
  chars = g_utf8_to_ucs4 (text, length, NULL, &n, NULL);
  if (chars == NULL)
    return NULL;
  for (glong i = 0; i < n; i++)
    chars[i] = to_ascii (chars[i]);

  /* A copied cell often brings a newline or spaces around the figure. */
  end = n;
  while (start < end && g_unichar_isspace (chars[start]))
    start++;
  while (end > start && g_unichar_isspace (chars[end - 1]))
    end--;

  for (glong i = start; i < end; i++)
    {
      gunichar c = chars[i];

      if (is_digit (c) || (unit == NB_UNIT_MONEY && c == '.'))
        g_string_append_c (kept, (char) c);
      else if (is_separator (c) && kept->len > 0 && is_digit (kept->str[kept->len - 1]) &&
               i + 1 < end && is_digit (chars[i + 1]))
        continue;               /* a thousands separator */
      else
        return NULL;
    }

  /* One point in the whole text, and no more decimals than money is held to. */
  if (unit == NB_UNIT_MONEY)
    {
      g_autofree char *result = NULL;
      const char *at, *point;

      current = current != NULL ? current : "";
      position = CLAMP (position, 0, (int) g_utf8_strlen (current, -1));
      at = g_utf8_offset_to_pointer (current, position);
      result = g_strdup_printf ("%.*s%s%s", (int) (at - current), current, kept->str, at);
      point = strchr (result, '.');
      if (point != NULL && (strchr (point + 1, '.') != NULL || strlen (point + 1) > MAX_DECIMALS))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static void
insert_text_cb (GtkEditable *target, const char *text, int length, int *position,
                Filter *filter)
{
  g_autofree char *kept = NULL;

  if (g_object_get_data (G_OBJECT (filter->owner), "nb-updating") != NULL)
    return;
  if (length < 0)
    length = strlen (text);
  kept = nb_number_filter_normalize (gtk_editable_get_text (target), *position, text, length,
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
  kept = nb_number_filter_normalize (rest, start, utf8, -1, filter->unit);
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
