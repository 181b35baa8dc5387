/* nb-number-input.c — what a number cell accepts of typed or pasted text
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

#include "nb-number-input.h"

/* Money is held as whole 元 and shown in 万元: four decimals. */
#define MAX_DECIMALS 4

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
nb_number_input_normalize (const char *current, int position, const char *text,
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

