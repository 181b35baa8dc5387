/* nb-narrative.c — finding the figures in report prose
 *
 * The text is scanned as written (offsets must point into it), so full-width digits and
 * marks are recognised here rather than by normalising first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-narrative.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of a clause kept on either side of a figure (150 Chinese characters). */
#define MAX_CLAUSE 450

static int
cn_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                     0x516D, 0x4E03, 0x516B, 0x4E5D };  /* 零一二三四五六七八九 */

  if (c == 0x3007)             /* 〇 */
    return 0;
  if (c == 0x4E24)             /* 两 */
    return 2;
  for (int i = 0; i < 10; i++)
    if (digits[i] == c)
      return i;
  return -1;
}

static gint64
cn_multiplier (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;           /* 十 */
    case 0x767E: return 100;          /* 百 */
    case 0x5343: return 1000;         /* 千 */
    case 0x4E07: return 10000;        /* 万 */
    case 0x4EBF: return 100000000;    /* 亿 */
    default: return 0;
    }
}

static gboolean
is_cn_numeral (gunichar c)
{
  return cn_digit (c) >= 0 || cn_multiplier (c) > 0;
}

/* No figure of a report comes near 10^15; every running value stays below it, so that no
 * step can overflow (the fuzzer found “…五万亿…亿” multiplying past gint64). */
#define NUMERAL_CAP G_GINT64_CONSTANT (1000000000000000)

gboolean
nb_narrative_parse_chinese (const char *text, gsize length, gint64 *value)
{
  const char *end = text + length;
  gint64 total = 0, section = 0, number = 0;
  gboolean any = FALSE, has_unit = FALSE, digits_only = TRUE;
  gint64 concatenated = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = cn_digit (c);
      gint64 m = cn_multiplier (c);

      if (d >= 0)
        {
          number = d;
          concatenated = concatenated * 10 + d;
        }
      else if (m == 10 || m == 100 || m == 1000)
        {
          section += (number == 0 ? 1 : number) * m;
          number = 0;
          has_unit = TRUE;
          digits_only = FALSE;
        }
      else if (m >= 10000)
        {
          if (total + section + number > NUMERAL_CAP / m)
            return FALSE;
          total = (total + section + number) * m;
          section = number = 0;
          has_unit = TRUE;
          digits_only = FALSE;
        }
      else
        return FALSE;
      any = TRUE;
      if (total > NUMERAL_CAP || section > NUMERAL_CAP || concatenated > NUMERAL_CAP)
        return FALSE;
    }
  if (!any)
    return FALSE;
  *value = digits_only && !has_unit ? concatenated : total + section + number;
  return TRUE;
}

/* ---- Units ------------------------------------------------------------------------------ */

static const struct {
  const char  *word;
  NbFigureUnit unit;
} units[] = {
  { "万元", NB_FIGURE_WANYUAN },
  { "人次", NB_FIGURE_CI },
  { "件", NB_FIGURE_JIAN },
  { "条", NB_FIGURE_TIAO },
  { "次", NB_FIGURE_CI },
  { "个", NB_FIGURE_GE },
  { "项", NB_FIGURE_GE },
  { "家", NB_FIGURE_GE },
  { "份", NB_FIGURE_GE },
  { "篇", NB_FIGURE_GE },
  { "%", NB_FIGURE_PERCENT },
  { "％", NB_FIGURE_PERCENT },
  { "元", NB_FIGURE_YUAN },
};

static gboolean
match_unit (const char *p, const char *end, NbFigureUnit *unit, const char **after)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize len = strlen (units[i].word);

      if ((gsize) (end - p) >= len && memcmp (p, units[i].word, len) == 0)
        {
          *unit = units[i].unit;
          *after = p + len;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_prefix_at (const char *p, const char *end, const char *word)
{
  gsize len = strlen (word);

  return (gsize) (end - p) >= len && memcmp (p, word, len) == 0;
}

static gboolean
has_suffix_before (const char *start, const char *p, const char *word)
{
  gsize len = strlen (word);

  return (gsize) (p - start) >= len && memcmp (p - len, word, len) == 0;
}

static gboolean
is_clause_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == '\n' ||
         c == 0xFF01 || c == '!' || c == 0xFF1F || c == '?';
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF1B || c == ';' || c == '\n' || c == 0xFF01 || c == '!' ||
         c == 0xFF1F || c == '?';
}

/* Where the clauses and sentences around the figures begin and end. The scan moves
 * forward only, so a long text with many figures costs one pass, not one per figure. */
typedef struct {
  const char *text;
  int         end;
  gboolean  (*is_end) (gunichar);
  int         from;             /* start of the current stretch */
  int         scanned;          /* how far starts have been tracked */
  int         to;               /* cached end of the stretch at or after scanned */
} Bounds;

static void
bounds_at (Bounds *b, int at, int *from, int *to)
{
  const char *p = b->text + b->scanned;

  while (p < b->text + at)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      if (b->is_end (c))
        b->from = p - b->text;
    }
  b->scanned = at;
  if (b->to < at)
    {
      p = b->text + at;
      while (p < b->text + b->end && !b->is_end (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      b->to = p - b->text;
    }
  *from = b->from;
  *to = b->to;
}

/* The first end of a stretch at or after @at. */
static int
stretch_end (const char *text, int at, int end, gboolean (*is_end) (gunichar))
{
  const char *p = text + at;

  while (p < text + end && !is_end (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p - text;
}

static int
ascii_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

/* An Arabic number at @p: digits, optional decimals, optional grouping commas. */
static const char *
scan_arabic (const char *p, const char *end, gint64 *value, guint *decimals)
{
  gint64 v = 0;
  guint dec = 0;
  gboolean point = FALSE;
  const char *q = p;

  while (q < end)
    {
      gunichar c = g_utf8_get_char (q);
      int d = ascii_digit (c);

      if (d >= 0)
        {
          if (v > G_MAXINT64 / 20)
            return NULL;
          v = v * 10 + d;
          if (point)
            dec++;
        }
      else if ((c == '.' || c == 0xFF0E) && !point)
        {
          const char *next = g_utf8_next_char (q);

          if (next >= end || ascii_digit (g_utf8_get_char (next)) < 0)
            break;
          point = TRUE;
        }
      else if (c == ',' && !point)
        {
          /* 130,024: a grouping comma has exactly three digits after it. */
          const char *r = q + 1;
          int n = 0;

          while (r < end && g_ascii_isdigit (*r) && n < 4)
            r++, n++;
          if (n != 3)
            break;
        }
      else
        break;
      q = g_utf8_next_char (q);
    }
  *value = v;
  *decimals = dec;
  return q;
}

static const char *const range_marks[] = { "至", "到", "~", "～", "-", "－", "—", "–", NULL };

/* 3至5件, 3-5件: the upper end of a range is no count. */
static gboolean
is_range_end (const char *start, const char *p)
{
  for (guint i = 0; range_marks[i]; i++)
    if (has_suffix_before (start, p, range_marks[i]))
      {
        const char *mark = p - strlen (range_marks[i]);
        const char *prev = mark > start ? g_utf8_find_prev_char (start, mark) : NULL;
        gunichar c = prev ? g_utf8_get_char (prev) : 0;

        return ascii_digit (c) >= 0 || is_cn_numeral (c);
      }
  return FALSE;
}

/* 3件至5件: nor is its lower end. */
static gboolean
is_range_start (const char *after, const char *stop)
{
  for (guint i = 0; range_marks[i]; i++)
    if (has_prefix_at (after, stop, range_marks[i]))
      {
        const char *next = after + strlen (range_marks[i]);
        gunichar c = next < stop ? g_utf8_get_char (next) : 0;

        return ascii_digit (c) >= 0 || is_cn_numeral (c);
      }
  return FALSE;
}

GArray *
nb_narrative_figures (const char *text, int start, int end)
{
  GArray *figures = g_array_new (FALSE, TRUE, sizeof (NbFigure));
  const char *stop = text + end;
  const char *p = text + start;
  Bounds clauses = { text, end, is_clause_end, start, start, -1 };
  Bounds sentences = { text, end, is_sentence_end, start, start, -1 };

  while (p < stop)
    {
      gunichar c = g_utf8_get_char (p);
      const char *number_end = NULL, *q, *after;
      const char *prev = p > text + start ? g_utf8_find_prev_char (text + start, p) : NULL;
      gunichar before = prev ? g_utf8_get_char (prev) : 0;
      gint64 value = 0;
      guint decimals = 0;
      gboolean approximate = FALSE, chinese = FALSE;
      NbFigureUnit unit;

      if (ascii_digit (c) >= 0 && ascii_digit (before) < 0 && before != '.' && before != 0xFF0E)
        number_end = scan_arabic (p, stop, &value, &decimals);
      else if (is_cn_numeral (c) && !is_cn_numeral (before) && before != 0x7B2C /* 第 */)
        {
          number_end = p;
          while (number_end < stop && is_cn_numeral (g_utf8_get_char (number_end)))
            number_end = g_utf8_next_char (number_end);
          chinese = TRUE;
        }
      if (number_end == NULL || number_end == p)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      q = number_end;
      if (chinese)
        {
          /* Chinese numerals count only right before a unit: 一件, not 一是 or 二十大; and
           * not in words: 每一件, 逐一, 统一, 同一, 唯一, “高效办成一件事”. */
          const char *u = q;

          if (before != 0 && g_utf8_strchr ("每逐统同唯单任某这那哪", -1, before) != NULL)
            {
              p = number_end;
              continue;
            }

          if (has_prefix_at (u, stop, "余") || has_prefix_at (u, stop, "多"))
            u += strlen ("余");
          if (!match_unit (u, stop, &unit, &after) || has_prefix_at (after, stop, "事") ||
              !nb_narrative_parse_chinese (p, number_end - p, &value))
            {
              p = number_end;
              continue;
            }
        }
      else if (has_prefix_at (q, stop, "万") || has_prefix_at (q, stop, "亿"))
        {
          /* 2万余条: the multiplier, unless it is the unit 万元. */
          if (!has_prefix_at (q, stop, "万元"))
            {
              gint64 m = has_prefix_at (q, stop, "万") ? 10000 : 100000000;

              if (value <= G_MAXINT64 / m)
                value *= m;
              q += strlen ("万");
            }
        }
      if (has_prefix_at (q, stop, "余") || has_prefix_at (q, stop, "多"))
        {
          approximate = TRUE;
          q += strlen ("余");
        }
      if (!match_unit (q, stop, &unit, &after))
        {
          p = number_end;
          continue;
        }
      if (has_suffix_before (text + start, p, "约") || has_suffix_before (text + start, p, "近") ||
          has_suffix_before (text + start, p, "逾") || has_suffix_before (text + start, p, "超过") ||
          has_prefix_at (after, stop, "左右") || has_prefix_at (after, stop, "以上") ||
          has_prefix_at (after, stop, "余") || is_range_end (text + start, p) ||
          is_range_start (after, stop))
        approximate = TRUE;

      {
        NbFigure figure = { 0 };

        figure.start = p - text;
        figure.end = after - text;
        figure.value = value;
        figure.decimals = decimals;
        figure.unit = unit;
        figure.approximate = approximate;
        bounds_at (&clauses, figure.start, &figure.clause_start, &figure.clause_end);
        bounds_at (&sentences, figure.start, &figure.sentence_start, &figure.sentence_end);
        /* “6,666条”: the grouping comma is no clause end; the clause goes on after it. */
        if (figure.clause_end < figure.end)
          figure.clause_end = stretch_end (text, figure.end, end, is_clause_end);
        if (figure.sentence_end < figure.clause_end)
          figure.sentence_end = stretch_end (text, figure.clause_end, end, is_sentence_end);
        /* A clause is a few dozen characters; a run-on list of thousands is cut to the
         * neighbourhood of the figure, so that no rule reads it whole for every figure. */
        if (figure.start - figure.clause_start > MAX_CLAUSE)
          {
            figure.clause_start = figure.start - MAX_CLAUSE;
            while ((text[figure.clause_start] & 0xC0) == 0x80)
              figure.clause_start++;
          }
        if (figure.clause_end - figure.end > MAX_CLAUSE)
          {
            figure.clause_end = figure.end + MAX_CLAUSE;
            while ((text[figure.clause_end] & 0xC0) == 0x80)
              figure.clause_end--;
          }
        g_array_append_val (figures, figure);
      }
      p = after;
    }
  return figures;
}

GArray *
nb_narrative_paragraphs (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  int start = 0, i;

  for (i = 0; text[i]; i++)
    if (text[i] == '\n')
      {
        if (i > start)
          {
            g_array_append_val (out, start);
            g_array_append_val (out, i);
          }
        start = i + 1;
      }
  if (i > start)
    {
      g_array_append_val (out, start);
      g_array_append_val (out, i);
    }
  return out;
}

gboolean
nb_narrative_contains (const char *text, int start, int end, const char *needle)
{
  return end > start && g_strstr_len (text + start, end - start, needle) != NULL;
}

/* The first occurrence of @needle (@len bytes, not terminated) in [hay, end), or NULL. */
static const char *
find_bytes (const char *hay, const char *end, const char *needle, gsize len)
{
  if (len == 0)
    return hay;
  for (const char *p = hay; (gsize) (end - p) >= len; p++)
    {
      p = memchr (p, needle[0], end - p - len + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, len) == 0)
        return p;
    }
  return NULL;
}

int
nb_narrative_find_any (const char *text, int start, int end, const char *alternatives,
                       const char **which)
{
  const char *hay = text + start, *stop = text + end;
  const char *word = alternatives, *best_word = NULL;
  gsize best_len = 0;
  int best = -1;

  if (end <= start)
    return -1;
  /* The rules call this for every figure: walk the alternatives in place rather than
   * splitting them into new strings each time. */
  while (TRUE)
    {
      const char *bar = strchr (word, '|');
      gsize len = bar ? (gsize) (bar - word) : strlen (word);
      const char *hit = len ? find_bytes (hay, stop, word, len) : NULL;

      if (hit && (best < 0 || hit - text < best))
        {
          best = hit - text;
          best_word = word;
          best_len = len;
          /* Nothing can start before the first byte. */
          if (hit == hay && which == NULL)
            break;
        }
      if (bar == NULL)
        break;
      word = bar + 1;
    }
  if (which && best >= 0)
    {
      g_autofree char *found = g_strndup (best_word, best_len);

      *which = g_intern_string (found);
    }
  return best;
}

gboolean
nb_narrative_find_period (const char *text, int date[6])
{
  static GRegex *regex;
  static gsize ready;
  g_autofree char *nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autoptr(GMatchInfo) match = NULL;
  char *bare;

  if (g_once_init_enter (&ready))
    {
      regex = g_regex_new ("(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:起)?[,、]?"
                           "(?:至|到|—+|–|-|~|－|~)(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  if (nfkc == NULL)
    return FALSE;
  /* Without white space, in place: the text may be most of an imported file. */
  bare = nfkc;
  for (const char *p = nfkc, *next; *p; p = next)
    {
      next = g_utf8_next_char (p);
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        {
          memmove (bare, p, next - p);
          bare += next - p;
        }
    }
  *bare = '\0';
  if (!g_regex_match (regex, nfkc, 0, &match))
    return FALSE;
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *group = g_match_info_fetch (match, i + 1);

      date[i] = group && group[0] ? atoi (group) : 0;
    }
  if (date[3] == 0)
    date[3] = date[0];          /* 2024年1月1日至12月31日 */
  return TRUE;
}
