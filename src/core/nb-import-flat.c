/* nb-import-flat.c — a page flattened to text: the lines its reader would have shown
 *
 * A portal page saved by a crawler, or copied without its layout, may hold the whole report
 * on a few lines: the page's breadcrumbs before the first sentence, the section headings and
 * the headed parts of 一 inside the running text. Such long lines are cut into the lines the
 * page shows, before the parser looks for headings (nb-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-import-private.h"

#include <string.h>

#include "nb-narrative.h"

/* Where the searches of one long line have got to. A line is cut at each title found and
 * searched again after it: each search remembers where it started and what it found, and
 * goes on from there only when the cut has passed it, so that a page of many reports on one
 * line is read once rather than once a cut. */
#define N_TITLES 64

typedef struct {
  const char *from[N_TITLES];           /* where the search for a title started; NULL: never */
  const char *hit[N_TITLES];            /* the first occurrence from there; NULL: none */
  const char *loose_from[NB_N_SECTIONS];
  const char *loose_hit[NB_N_SECTIONS];
  gsize       loose_length[NB_N_SECTIONS];
  GRegex     *loose[NB_N_SECTIONS];     /* compiled once for all lines */
} Searches;

/* A new line: what was found in the last one means nothing. */
static void
searches_reset (Searches *sr)
{
  memset (sr->from, 0, sizeof sr->from);
  memset (sr->loose_from, 0, sizeof sr->loose_from);
}

static void
searches_clear (Searches *sr)
{
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_clear_pointer (&sr->loose[s], g_regex_unref);
}

/* Whether what a search from @from found still answers a search from @at. */
static gboolean
still_holds (const char *from, const char *hit, const char *at)
{
  return from != NULL && from <= at && (hit == NULL || hit >= at);
}

/* Whether the title worded its own way starts at @c, the text searched being @at…, and its
 * length. A title is a few dozen characters: the regular expression is given the next few
 * kilobytes only, as PCRE checks the UTF-8 of everything it is given on every call. */
#define LOOSE_REACH 4096

static gboolean
loose_title_at (GRegex *regex, const char *at, const char *c, gsize *length)
{
  g_autoptr(GMatchInfo) match = NULL;
  gssize n = -1;
  int start, end;

  if (strnlen (c, LOOSE_REACH) == LOOSE_REACH)
    {
      const char *stop = c + LOOSE_REACH;

      while ((*stop & 0xC0) == 0x80)
        stop--;
      n = stop - at;
    }
  if (!g_regex_match_full (regex, at, n, c - at, G_REGEX_MATCH_ANCHORED, &match, NULL) ||
      !g_match_info_fetch_pos (match, 0, &start, &end))
    return FALSE;
  *length = end - start;
  return TRUE;
}

/* A title of section @section worded its own way (“四、因政府信息公开申请行政复议、提起行政
 * 诉讼的情况”): its ordinal after a full stop, a bracket, a space or a figure, the
 * section's keyword within the next 40 characters; the title ends after 情况 or 事项 (else
 * after the keyword). */
static const char *
find_loose_title (Searches *sr, const char *at, guint section, gsize *length)
{
  const NbSectionDef *def = nb_format_section (section);
  g_autofree char *ordinal = g_strconcat (def->ordinal, "、", NULL);

  if (sr->loose[section] == NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("(?:^|(?<=[。；;）)\\s0-9]))%s(?:[^。；;0-9]{0,40}?(?:%s))(?:[^。；;0-9]{0,20}?(?:情况|事项))?",
                                                  ordinal, nb_import_section_keywords[section]);

      sr->loose[section] = g_regex_new (pattern, 0, 0, NULL);
      if (sr->loose[section] == NULL)
        return NULL;
    }
  /* From @at on, only a title right at @at (which ^ now matches) can come before the one
   * found from further back. */
  if (still_holds (sr->loose_from[section], sr->loose_hit[section], at) && sr->loose_hit[section] != at &&
      !(g_str_has_prefix (at, ordinal) && loose_title_at (sr->loose[section], at, at, length)))
    {
      *length = sr->loose_length[section];
      return sr->loose_hit[section];
    }
  sr->loose_from[section] = at;
  sr->loose_hit[section] = NULL;
  /* A match starts with the ordinal: tried where it occurs. */
  for (const char *c = strstr (at, ordinal); c; c = strstr (c + strlen (ordinal), ordinal))
    if (loose_title_at (sr->loose[section], at, c, length))
      {
        sr->loose_hit[section] = c;
        sr->loose_length[section] = *length;
        return c;
      }
  return NULL;
}

/* The first section title (as printed, or a variant) at or after @at: where, its length and
 * its section. A title worded otherwise is found for the section expected @next only. */
static const char *
find_run_in_title (Searches *sr, const char *at, guint next, gsize *length, guint *section)
{
  const char *best = NULL;
  guint k = 0;

  if (next < NB_N_SECTIONS)
    {
      best = find_loose_title (sr, at, next, length);
      *section = next;
    }
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *def = nb_format_section (s);

      for (int v = -1; v < 0 || def->variants[v]; v++, k++)
        {
          const char *title = v < 0 ? def->title : def->variants[v];
          const char *hit;

          g_assert (k < N_TITLES);
          if (!still_holds (sr->from[k], sr->hit[k], at))
            {
              sr->from[k] = at;
              sr->hit[k] = strstr (at, title);
            }
          hit = sr->hit[k];
          if (hit && (!best || hit <= best))
            {
              best = hit;
              *length = strlen (title);
              *section = s;
            }
        }
    }
  return best;
}

/* A page saved on one line starts with the portal's breadcrumbs, article data and tools
 * (“当前位置： 首页 … 来源：… 时间：… 微信 微博 … 相关链接： -->”): short words separated by
 * spaces, before the first sentence. Their length in bytes, or 0 when the line starts with
 * no page chrome. */
static gsize
page_chrome_length (const char *text)
{
  g_autofree char *start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 16));
  g_autofree char *norm = nb_import_normalize (start);
  const char *p = text;

  if (nb_narrative_find_any (norm, 0, strlen (norm), "当前位置|您所在的位置|您的位置|首页>", NULL) < 0)
    return 0;
  /* Words up to the first that is prose: long, or with a sentence's punctuation. */
  while (*p)
    {
      const char *end = p;

      while (*end && !g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      {
        g_autofree char *word = g_strndup (p, end - p);

        if (g_utf8_strlen (word, -1) > 30 || strstr (word, "，") || strstr (word, "。") || strstr (word, "《"))
          break;
      }
      p = end;
      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  return p - text;
}

/* A portal page saved with almost no line breaks runs the section headings into the text
 * (“…满意度。二、主动公开政府信息情况 第二十条…”) and the headed parts of 一 after a full
 * stop (“…保障。（二）依申请公开方面。…”). Such lines are cut before each, so that the
 * parser sees the lines a page shows. Short lines are left alone: they are headings already
 * or prose that merely names a section. */
typedef struct {
  const char *start;
  gsize       length;
} Piece;

static void
add_piece (GArray *pieces, const char *start, gsize length)
{
  Piece piece = { start, length };

  g_array_append_val (pieces, piece);
}

void
nb_import_flat_items (NbImportItems *items)
{
  g_autoptr(GArray) lines = items->array;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  Searches searches = { 0 };
  g_autoptr(GRegex) part = g_regex_new ("(?<=。)\\s*[（(][一二三四五六七八九十]{1,2}[）)]", G_REGEX_OPTIMIZE, 0, NULL);
  guint next = 0;               /* the section whose heading comes next */

  /* The pieces go to the same list: the lines left whole keep their texts. */
  items->array = g_array_sized_new (FALSE, FALSE, sizeof (NbImportItem), lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const NbImportItem *item = &g_array_index (lines, NbImportItem, i);
      const char *text = item->text, *from = text;

      if (item->cell || g_utf8_strlen (text, -1) < 200)
        {
          g_array_append_val (items->array, *item);
          continue;
        }
      g_array_set_size (pieces, 0);
      searches_reset (&searches);
      from = text + page_chrome_length (text);
      if (from > text)
        add_piece (pieces, text, from - text);
      while (*from)
        {
          gsize title_len = 0;
          guint section = 0;
          const char *title = find_run_in_title (&searches, from == text ? text + 1 : from, next,
                                                 &title_len, &section);
          const char *stop = title ? title : from + strlen (from);
          g_autoptr(GMatchInfo) match = NULL;
          const char *piece = from;

          /* Parts of 一 inside this piece of text. */
          g_regex_match_full (part, piece, stop - piece, 0, 0, &match, NULL);
          while (g_match_info_matches (match))
            {
              int start, end;

              g_match_info_fetch_pos (match, 0, &start, &end);
              if (piece + start > from)
                add_piece (pieces, from, piece + start - from);
              from = piece + start;
              g_match_info_next (match, NULL);
            }
          if (stop > from)
            add_piece (pieces, from, stop - from);
          from = stop;
          if (title)
            {
              add_piece (pieces, title, title_len);
              from = title + title_len;
              next = section + 1;
            }
        }
      /* A line with nothing to cut keeps its text. */
      if (pieces->len == 1 && ((Piece *) pieces->data)->start == text &&
          text[((Piece *) pieces->data)->length] == '\0')
        {
          g_array_append_val (items->array, *item);
          continue;
        }
      for (guint k = 0; k < pieces->len; k++)
        {
          const Piece *piece = &g_array_index (pieces, Piece, k);

          nb_import_items_add (items, piece->start, piece->length, FALSE);
        }
    }
  searches_clear (&searches);
  /* Items that became empty (a cut at a space) carry nothing. */
  nb_import_items_drop_empty_lines (items);
}
