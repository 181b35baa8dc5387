/* nb-title-breaks.c — title line breaking: fixed tail, administrative suffixes, shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-title-breaks.h"

#include <string.h>

/* The fixed tail of every report title; a break goes before it. */
static const char tail[] = "政府信息公开工作年度报告";
/* A head may break after one of these (GB/T 9704-2012 7.3.1: keep words whole). */
static const char *const suffixes[] = {
  "人民政府", "办公厅", "办公室", "委员会", "街道", "省", "市", "区", "县", "镇", "乡", "局", NULL
};

#define NOT_A_SUFFIX_COST 10000000.0
#define BAD_SHAPE_COST    1000000.0   /* below a break inside a word */
#define MAX_SEARCHED      1000        /* characters; a real title has fewer than 100 */

typedef struct {
  const char   *text;
  guint         n;              /* characters */
  gsize        *offsets;        /* byte offset of each character, and of the end */
  double       *prefix;         /* prefix[i] = width of characters [0, i) */
  double        max_width;
} Title;

static double
width (const Title *t, guint from, guint to)
{
  return t->prefix[to] - t->prefix[from];
}

static gboolean
is_digit_at (const Title *t, guint i)
{
  return g_ascii_isdigit (t->text[t->offsets[i]]);
}

static gboolean
after_suffix (const Title *t, guint p)
{
  for (guint s = 0; suffixes[s]; s++)
    {
      gsize len = strlen (suffixes[s]);

      if (t->offsets[p] >= len && memcmp (t->text + t->offsets[p] - len, suffixes[s], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A break after character p - 1: never inside a digit run, never a lone character. */
static gboolean
allowed (const Title *t, guint from, guint p, guint to)
{
  if (p < from + 2 || p + 2 > to)
    return FALSE;
  return !(is_digit_at (t, p - 1) && is_digit_at (t, p));
}

/* Lower is better: every line fits, the lines form a trapezoid (non-decreasing) or a
 * diamond (longest in the middle), breaks follow suffixes, lines are even. */
static double
cost (const Title *t, const guint *breaks, guint n_breaks, guint n_fixed)
{
  double widths[8];
  guint n_lines = n_breaks + 1;
  gboolean trapezoid = TRUE, diamond = TRUE;
  double c = 0, longest = 0;
  guint longest_at = 0;

  for (guint l = 0; l < n_lines; l++)
    {
      guint from = l == 0 ? 0 : breaks[l - 1];
      guint to = l == n_breaks ? t->n : breaks[l];

      widths[l] = width (t, from, to);
      if (widths[l] > t->max_width + 0.01)
        return G_MAXDOUBLE;
      if (widths[l] > longest)
        longest = widths[l], longest_at = l;
    }
  for (guint l = 1; l < n_lines; l++)
    {
      if (widths[l] + 0.01 < widths[l - 1])
        trapezoid = FALSE;
      c += (widths[l] - widths[l - 1]) * (widths[l] - widths[l - 1]);
    }
  for (guint l = 0; l < n_lines; l++)
    if ((l < longest_at && widths[l] > widths[l + 1] + 0.01) ||
        (l > longest_at && widths[l] > widths[l - 1] + 0.01))
      diamond = FALSE;
  if (!trapezoid && !diamond)
    c += BAD_SHAPE_COST;
  for (guint b = 0; b < n_breaks - n_fixed; b++)
    if (!after_suffix (t, breaks[b]))
      c += NOT_A_SUFFIX_COST;
  return c;
}

/* The best set of @n_free breaks in [0, limit), followed by the @n_fixed breaks already
 * in @best[n_free…]. Returns the cost. */
static double
search (const Title *t, guint n_free, guint n_fixed, guint limit, guint *best)
{
  guint trial[8];
  double best_cost = G_MAXDOUBLE;

  memcpy (trial, best, sizeof trial);
  if (n_free == 1)
    {
      for (guint p = 1; p < limit; p++)
        if (allowed (t, 0, p, limit))
          {
            double c;

            trial[0] = p;
            c = cost (t, trial, 1 + n_fixed, n_fixed);
            if (c < best_cost)
              best_cost = c, best[0] = p;
          }
    }
  else
    {
      /* Only breaks where each line fits: the search stays within three lines' worth of
       * characters instead of all pairs of a long title (quadratic: 32 s for 84,000). */
      for (guint p = 1; p < limit && width (t, 0, p) <= t->max_width + 0.01; p++)
        for (guint q = p + 1; q < limit && width (t, p, q) <= t->max_width + 0.01; q++)
          if (width (t, q, limit) <= t->max_width + 0.01 &&
              allowed (t, 0, p, q) && allowed (t, p, q, limit))
            {
              double c;

              trial[0] = p, trial[1] = q;
              c = cost (t, trial, 2 + n_fixed, n_fixed);
              if (c < best_cost)
                best_cost = c, best[0] = p, best[1] = q;
            }
    }
  return best_cost;
}

static GArray *
result (const guint *breaks, guint n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < n; i++)
    {
      int offset = (int) breaks[i];

      g_array_append_val (out, offset);
    }
  return out;
}

/* Too long for three lines: fill lines greedily, still keeping digit runs whole. */
static GArray *
greedy (const Title *t)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  guint from = 0;

  for (guint i = 1; i < t->n; i++)
    if (width (t, from, i + 1) > t->max_width && allowed (t, from, i, t->n))
      {
        int offset = (int) i;

        g_array_append_val (out, offset);
        from = i;
      }
  return out;
}

GArray *
nb_title_breaks_compute (const char *title, const double *char_widths, double max_width)
{
  Title t = { title, (guint) g_utf8_strlen (title, -1), NULL, NULL, max_width };
  g_autofree gsize *offsets = NULL;
  g_autofree double *prefix = NULL;
  guint breaks[8] = { 0 };
  gsize tail_len = strlen (tail), len = strlen (title);
  guint tail_at = 0;
  const char *p = title;

  offsets = t.offsets = g_new (gsize, t.n + 1);
  prefix = t.prefix = g_new0 (double, t.n + 1);
  for (guint i = 0; i < t.n; i++, p = g_utf8_next_char (p))
    {
      offsets[i] = (gsize) (p - title);
      prefix[i + 1] = prefix[i] + char_widths[i];
    }
  offsets[t.n] = len;

  if (width (&t, 0, t.n) <= max_width + 0.01 || t.n < 4)
    return result (breaks, 0);
  /* No title of three lines has this many characters, except one of zero-width ones, for
   * which the pairs of breaks would still be too many to try. */
  if (t.n > MAX_SEARCHED)
    return greedy (&t);

  /* Rule 2 and 3: break before the fixed tail, then inside the head if needed. */
  if (len > tail_len && g_str_has_suffix (title, tail))
    {
      tail_at = (guint) g_utf8_strlen (title, (gssize) (len - tail_len));
      if (allowed (&t, 0, tail_at, t.n))
        {
          breaks[0] = tail_at;
          if (cost (&t, breaks, 1, 1) < G_MAXDOUBLE)
            return result (breaks, 1);
          breaks[1] = tail_at;
          if (search (&t, 1, 1, tail_at, breaks) < G_MAXDOUBLE)
            return result (breaks, 2);
        }
    }

  /* Any other title: the best two lines, else the best three. */
  memset (breaks, 0, sizeof breaks);
  if (search (&t, 1, 0, t.n, breaks) < G_MAXDOUBLE)
    return result (breaks, 1);
  memset (breaks, 0, sizeof breaks);
  if (search (&t, 2, 0, t.n, breaks) < G_MAXDOUBLE)
    return result (breaks, 2);

  return greedy (&t);
}
