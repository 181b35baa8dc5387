/* test-title-breaks.c — title line breaking (layout.md §5) with fixed advances:
 * 22 pt per Han character, half for ASCII digits, 442.2 pt lines (20 characters).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-title-breaks.h"

#define LINE_WIDTH 442.2

/* The title with " / " at each break. */
static char *
broken (const char *title)
{
  guint n = (guint) g_utf8_strlen (title, -1);
  g_autofree double *widths = g_new (double, n);
  g_autoptr(GArray) breaks = NULL;
  GString *out = g_string_new (NULL);
  const char *p = title;
  guint b = 0;

  for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
    widths[i] = g_ascii_isdigit (*p) ? 11.0 : 22.0;
  breaks = nb_title_breaks_compute (title, widths, LINE_WIDTH);
  p = title;
  for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      if (b < breaks->len && g_array_index (breaks, int, b) == (int) i)
        {
          g_string_append (out, " / ");
          b++;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static void
test_one_line (void)
{
  g_autofree char *s = broken ("黔江区2024年政府信息公开工作年度报告");

  g_assert_cmpstr (s, ==, "黔江区2024年政府信息公开工作年度报告");
}

/* Never “……工作年度 / 报告” (what Pango's wrapping did). */
static void
test_sample (void)
{
  g_autofree char *s = broken ("重庆市黔江区2024年政府信息公开工作年度报告");

  g_assert_cmpstr (s, ==, "重庆市黔江区2024年 / 政府信息公开工作年度报告");
}

/* A head too long for one line breaks after an administrative suffix, and the shape is
 * a trapezoid or a diamond. */
static void
test_three_lines (void)
{
  g_autofree char *s = broken ("重庆市黔江区人民政府办公室城乡建设委员会2024年政府信息公开工作年度报告");

  g_assert_cmpstr (s, ==, "重庆市黔江区人民政府 / 办公室城乡建设委员会2024年 / 政府信息公开工作年度报告");
}

/* Titles without the fixed tail still never break inside a digit run or leave one
 * character alone. */
static void
test_digits_and_orphans (void)
{
  g_autofree char *s = broken ("某某某某某某某某某某某某某某某某某某12345678关于某事的说明");
  g_auto(GStrv) lines = g_strsplit (s, " / ", -1);

  g_assert_null (g_strstr_len (s, -1, "1234 / "));
  for (guint i = 0; lines[i]; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), >, 1);
  for (guint i = 0; lines[i] && lines[i + 1]; i++)
    g_assert_false (g_ascii_isdigit (lines[i][strlen (lines[i]) - 1]) &&
                    g_ascii_isdigit (lines[i + 1][0]));
}

/* Every pair of breaks was tried: a 84,000-character title took 32 s, this one (and one
 * of zero-width characters, which fits any line) would not finish within the suite's
 * timeout. Lines still fit and breaks increase. */
static void
test_very_long (void)
{
  const guint n = 300000;
  g_autofree double *widths = g_new (double, n);
  GString *title = g_string_new (NULL);

  for (guint zero = 0; zero < 2; zero++)
    {
      g_autoptr(GArray) breaks = NULL;
      double line = 0;
      guint b = 0;

      g_string_truncate (title, 0);
      for (guint i = 0; i < n; i++)
        {
          g_string_append (title, i % 7 == 3 ? "1" : "政");
          widths[i] = zero && i > 20 ? 0.0 : i % 7 == 3 ? 11.0 : 22.0;
        }
      /* One half-line character in the middle: the title does not fit one line. */
      widths[n / 2] = LINE_WIDTH / 2;
      breaks = nb_title_breaks_compute (title->str, widths, LINE_WIDTH);
      g_assert_cmpuint (breaks->len, >, 0);
      for (guint i = 0; i < n; i++)
        {
          if (b < breaks->len && g_array_index (breaks, int, b) == (int) i)
            {
              g_assert_true (b == 0 || g_array_index (breaks, int, b - 1) < (int) i);
              g_assert_cmpfloat (line, <=, LINE_WIDTH + 0.01);
              line = 0;
              b++;
            }
          line += widths[i];
        }
      g_assert_cmpuint (b, ==, breaks->len);
      g_assert_cmpfloat (line, <=, LINE_WIDTH + 0.01);
    }
  g_string_free (title, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/title-breaks/one-line", test_one_line);
  g_test_add_func ("/title-breaks/sample", test_sample);
  g_test_add_func ("/title-breaks/three-lines", test_three_lines);
  g_test_add_func ("/title-breaks/digits-and-orphans", test_digits_and_orphans);
  g_test_add_func ("/title-breaks/very-long", test_very_long);
  return g_test_run ();
}
