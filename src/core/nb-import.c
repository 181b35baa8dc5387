/* nb-import.c — from the items of a published report to an NbReport
 *
 * The readers (nb-import-text.c, -html.c, -pdf.c) give a flat list of lines and cells.
 * Here the sections are found by their headings, the narrative is split into the parts
 * of the model, and the tables are read: 二 and 三 by their row labels (looked up in the
 * format, never written here), 四 by position. A row that cannot be read unambiguously is
 * left blank and listed; figures run together are split only when one reading alone
 * satisfies the table's arithmetic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-import-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "nb-check-private.h"
#include "nb-narrative.h"
#include "nb-safe-file.h"

struct _NbImport {
  GObject            parent_instance;
  NbReport          *report;
  NbImportCellState *states;
  GPtrArray         *notes;
  char              *level_note;  /* why the title does not decide the level, or NULL */
};

G_DEFINE_TYPE (NbImport, nb_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (nb-import-error-quark, nb_import_error)

static GQuark
get_notes_quark (void)
{
  return g_quark_from_static_string ("nb-import-notes");
}

static void
note_free (gpointer data)
{
  NbImportNote *note = data;

  g_free (note->where);
  g_free (note->actual);
  g_free (note->canonical);
  g_free (note);
}

static void
nb_import_finalize (GObject *object)
{
  NbImport *self = NB_IMPORT (object);

  g_clear_object (&self->report);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self->states);
  g_free (self->level_note);
  G_OBJECT_CLASS (nb_import_parent_class)->finalize (object);
}

static void
nb_import_class_init (NbImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_import_finalize;
}

static void
nb_import_init (NbImport *self)
{
  self->states = g_new0 (NbImportCellState, nb_format_n_cells ());
}

NbImport *
nb_import_new (void)
{
  return g_object_new (NB_TYPE_IMPORT, NULL);
}

/* ---- Normalisation ------------------------------------------------------------------------ */

char *
nb_import_normalize (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        continue;
      if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x300C || c == 0x300D)
        c = '"';
      else if (c == 0x2018 || c == 0x2019)
        c = '\'';
      else if (c == 0x3001 && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]))
        c = '.';              /* 1、 ≡ 1. */
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- Tokens of a table ---------------------------------------------------------------------- */

static gboolean
is_dash (const char *word)
{
  static const char *const dashes[] = { "-", "--", "—", "——", "–", "/", "\\", "―", "", NULL };
  /* An entity left as text by a copy from the page's source is an empty cell too. */
  static const char *const entities[] = { "&nbsp;", "&#160;", "&#xa0;", NULL };

  if (g_strv_contains (dashes, word))
    return TRUE;
  for (guint i = 0; entities[i]; i++)
    if (g_ascii_strcasecmp (word, entities[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A number as tables print it: 52, 7926.3139, 130,024. Writes the digits without the
 * grouping commas to @digits. */
static gboolean
is_number (const char *word, GString *digits)
{
  const char *p = word;
  gboolean grouped = strchr (word, ',') != NULL;
  guint run = 0, groups = 0;

  g_string_truncate (digits, 0);
  if (*p == '-')
    g_string_append_c (digits, *p++);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          run++;
        }
      else if (*p == ',' && run >= 1 && run <= 3 && (groups == 0 || run == 3))
        {
          run = 0;
          groups++;
        }
      else
        return FALSE;
    }
  if (grouped && run != 3)
    return FALSE;
  if (*p == '.')
    {
      g_string_append_c (digits, *p++);
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; *p; p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          g_string_append_c (digits, *p);
        }
    }
  return TRUE;
}

static gboolean
is_cn_ordinal (gunichar c)
{
  return c != 0 && g_utf8_strchr ("一二三四五六七八九十", -1, c) != NULL;
}

/* (一) 一、 1. 1、 at the start of a word (after NFKC). */
static gboolean
starts_with_ordinal (const char *word)
{
  const char *p = word;

  if (*p == '(')
    return is_cn_ordinal (g_utf8_get_char (p + 1));
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '.' || g_str_has_prefix (p, "、");
    }
  if (is_cn_ordinal (g_utf8_get_char (p)))
    return g_str_has_prefix (g_utf8_next_char (p), "、");
  return FALSE;
}

/* A figure with a unit or a note in brackets, as some reports print cells: “5件”,
 * “15(含修订3件)” (after NFKC). Writes the figure to @digits. The look-alike 〇 of a figure
 * typed in Chinese or read by OCR is 0 (“1〇” is 10). */
static gboolean
is_noted_figure (const char *word, GString *digits)
{
  static GRegex *noted;
  static gsize ready;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *zeroed = NULL;
  g_autofree char *figure = NULL;
  gboolean looked_alike;

  if (g_once_init_enter (&ready))
    {
      noted = g_regex_new ("^([0-9]+)(?:件|条|个|项|次|人次|份)?(\\([^()]*\\))?$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  looked_alike = strstr (word, "〇") != NULL;
  if (looked_alike)
    {
      g_auto(GStrv) pieces = g_strsplit (word, "〇", -1);

      zeroed = g_strjoinv ("0", pieces);
    }
  else
    zeroed = g_strdup (word);
  if (!g_regex_match (noted, zeroed, 0, &match))
    return FALSE;
  figure = g_match_info_fetch (match, 1);
  /* A bare figure is no note; a bare 〇 run is the figure it stands for. */
  if (g_str_equal (figure, zeroed) && !looked_alike)
    return FALSE;
  g_string_assign (digits, figure);
  return TRUE;
}

/* Characters a label may be typed with: 其它 for 其他 is common in published reports. */
static gboolean
same_label_char (gunichar a, gunichar b)
{
  return a == b || (a == 0x4ED6 && b == 0x5B83) || (a == 0x5B83 && b == 0x4ED6);   /* 他 它 */
}

/* Whether “@digit.@text” begins as one of the format's numbered row labels: “2.其他法律…”,
 * “3.补正后…”. The ordinal and four characters (the whole label when shorter, as “3.其他”)
 * tell a label from a sentence that opens with a common word (“6.其他费用”); of four, one
 * may differ (a character garbled), and 其它 is 其他 (“3.其它”). */
static gboolean
opens_numbered_label (char digit, const char *text)
{
  /* Only table 三 numbers its rows. */
  for (guint r = 0; r < nb_format_s3_n_rows (); r++)
    {
      const char *label = nb_format_cell (nb_format_s3_cell (r, 0))->row_label;
      const char *l, *t;
      guint compared = 0, differ = 0;

      if (label == NULL || label[0] != digit || label[1] != '.')
        continue;
      for (l = label + 2, t = text; compared < 4 && *l && *t;
           l = g_utf8_next_char (l), t = g_utf8_next_char (t), compared++)
        differ += !same_label_char (g_utf8_get_char (l), g_utf8_get_char (t));
      /* The text ended first: too short to be this label. */
      if (*l && compared < 4)
        continue;
      if (differ == 0 || (compared == 4 && differ == 1))
        return TRUE;
    }
  return FALSE;
}

/* Whether the digit at @q of @word opens a label: “2.其他…”, “3、…” — one digit followed
 * by the mark and a character that is no digit. A digit glued to figures before it
 * (“00000002.其他法律…”) is an ordinal only before that numbered label of the format:
 * otherwise it is the figure's last digit, and “收费7926.日常管理” is 7926, not 792. */
static gboolean
is_ordinal_digit (const char *word, const char *q)
{
  const char *after = q + 1;
  const char *text;

  if (!g_ascii_isdigit (*q))
    return FALSE;
  if (*after == '.' && after[1] != '\0' && !g_ascii_isdigit (after[1]))
    text = after + 1;
  else if (g_str_has_prefix (after, "、"))
    text = after + strlen ("、");
  else
    return FALSE;
  return q == word || !g_ascii_isdigit (q[-1]) || opens_numbered_label (*q, text);
}

/* One cell of the source into tokens: "商业 企业" is one label, "规章 0 0 0" a label and
 * three values, "规章000" a label and a run of digits, "" or "—" a blank. */
/* The words gathered so far as one label token (none when only spaces). */
static void
flush_label (NbImportTokenStore *store, GPtrArray *tokens, GString *label)
{
  g_autofree char *norm = nb_import_normalize (label->str);

  if (norm[0])
    nb_import_token_store_add (store, tokens, NB_IMPORT_TOKEN_LABEL, norm, label->str);
  g_string_truncate (label, 0);
}

/* Digits and 〇 only: a figure with a look-alike, nothing more. */
static gboolean
is_look_alike_figure (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (!g_ascii_isdigit (*p) && g_utf8_get_char (p) != 0x3007)
      return FALSE;
  return TRUE;
}

/* Compiled once: a table may have a million cells. */
static GRegex *
white_space (void)
{
  static GRegex *regex;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      regex = g_regex_new ("\\s+", 0, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  return regex;
}

static void
tokenize_cell (NbImportTokenStore *store, GPtrArray *tokens, const char *cell)
{
  g_autofree char *nfkc = g_utf8_normalize (cell, -1, G_NORMALIZE_NFKC);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) label = g_string_new (NULL);

  if (nfkc == NULL)
    return;
  g_strstrip (nfkc);
  if (nfkc[0] == '\0' || is_dash (nfkc))
    {
      nb_import_token_store_add (store, tokens, NB_IMPORT_TOKEN_BLANK, nfkc[0] ? cell : NULL, NULL);
      return;
    }

  words = g_regex_split (white_space (), nfkc, 0);
  for (guint w = 0; words[w]; w++)
    {
      const char *word = words[w];
      gsize len = strlen (word);

      if (len == 0)
        continue;
      /* A note in brackets after a figure (“15 （含修订3件）”) belongs to the figure. */
      if (word[0] == '(' && g_str_has_suffix (word, ")") && label->len == 0 && tokens->len > 0 &&
          ((NbImportToken *) g_ptr_array_index (tokens, tokens->len - 1))->kind == NB_IMPORT_TOKEN_VALUE &&
          !starts_with_ordinal (word))
        {
          NbImportToken *prev = g_ptr_array_index (tokens, tokens->len - 1);
          g_autofree char *orig = g_strconcat (prev->orig ? prev->orig : prev->text, word, NULL);

          prev->orig = nb_import_token_store_text (store, orig);
          continue;
        }
      if (is_noted_figure (word, digits))
        {
          flush_label (store, tokens, label);
          /* A look-alike alone is read, not reported: it is the copy's, not the report's. */
          nb_import_token_store_add (store, tokens, NB_IMPORT_TOKEN_VALUE, digits->str,
                                     is_look_alike_figure (word) ? NULL : word);
          continue;
        }
      if (is_number (word, digits) || is_dash (word))
        {
          flush_label (store, tokens, label);
          if (is_dash (word))
            nb_import_token_store_add (store, tokens, NB_IMPORT_TOKEN_BLANK, word, NULL);
          else
            nb_import_token_store_add (store, tokens, NB_IMPORT_TOKEN_VALUE, digits->str, NULL);
          continue;
        }
      /* An ordinal opens a new label: “（三）不予公开 1.属于国家秘密” are two. */
      if (starts_with_ordinal (word))
        flush_label (store, tokens, label);
      /* Figures glued to labels, as a page flattened to text has them: 规章000,
       * 行政规范性文件693665第二十条第（五）项, 00000002.其他法律…: cut at each change
       * between digits and text. A digit before “.” or “、” and text is the next label's
       * ordinal; digits with a decimal point are one figure. */
      if (label->len)
        g_string_append_c (label, ' ');
      for (const char *q = word; *q;)
        {
          const char *run = q;

          if (!g_ascii_isdigit (*q) || is_ordinal_digit (word, q))
            {
              for (gboolean first = TRUE; *q && (first || !g_ascii_isdigit (*q)); first = FALSE)
                {
                  /* “(1)” numbers a label: its digits are no figure. */
                  if (*q == '(' && g_ascii_isdigit (q[1]))
                    {
                      const char *close = q + 1;

                      while (g_ascii_isdigit (*close))
                        close++;
                      if (*close == ')')
                        q = close;
                    }
                  q++;
                }
              g_string_append_len (label, run, q - run);
              /* “（三）不予公开1.属于国家秘密”: an ordinal opens the next label. */
              if (is_ordinal_digit (word, q))
                flush_label (store, tokens, label);
              continue;
            }
          while (g_ascii_isdigit (*q) && !is_ordinal_digit (word, q))
            q++;
          if (*q == '.' && g_ascii_isdigit (q[1]))
            for (q++; g_ascii_isdigit (*q); q++)
              ;
          if (run == word && *q == '\0')
            {
              g_string_append_len (label, run, q - run);
              continue;
            }
          flush_label (store, tokens, label);
          {
            g_autofree char *figure = g_strndup (run, q - run);

            nb_import_token_store_add (store, tokens, NB_IMPORT_TOKEN_VALUE, figure, NULL);
          }
        }
    }
  flush_label (store, tokens, label);
}

/* Each cell of a table's text goes to a CellFunc as it is cut: a table section may be most
 * of the input, and its cells are not all held at once. */
typedef void (*CellFunc) (const char *cell, gpointer data);

/* Whether a cell follows on the same line after the bar before @from. @scan_end and
 * @follows remember the last answer, which holds for every @from up to where it was found:
 * a line of many empty positions is read once. */
static gboolean
cell_follows_on_line (const char *from, const char **scan_end, gboolean *follows)
{
  const char *c = from;

  if (*scan_end != NULL && from <= *scan_end)
    return *follows;
  while (*c && *c != '\n' && (*c == '|' || g_ascii_isspace (*c)))
    c++;
  *scan_end = c;
  *follows = *c != '\0' && *c != '\n';
  return *follows;
}

/* Flattened portal text: cells end in " |", runs of bars at the end of a line stand for
 * spanned positions, and an empty position before a cell — a line that starts with a
 * bar, or “| |” inside a line — is an empty cell (format.md §7.3). */
static void
split_bars (const char *text, CellFunc take, gpointer data)
{
  g_autoptr(GString) piece = g_string_new (NULL);
  const char *scan_end = NULL;
  gboolean follows = FALSE;

  for (const char *start = text;;)
    {
      const char *bar = strchr (start, '|');
      const char *end = bar ? bar : start + strlen (start);
      gboolean newline = memchr (start, '\n', end - start) != NULL;

      g_string_truncate (piece, 0);
      g_string_append_len (piece, start, end - start);
      g_strstrip (piece->str);
      if (piece->str[0])
        take (piece->str, data);
      else if (bar != NULL && (newline || (start > text && cell_follows_on_line (bar + 1, &scan_end, &follows))))
        take ("", data);
      if (bar == NULL)
        break;
      start = bar + 1;
    }
}

/* A table copied from a browser arrives as tab-separated rows: a field is a cell, an
 * empty field an empty cell (the readers drop the extra ones after a row's last value).
 * Lines without tabs are one cell each. */
static void
split_tabs (const char *line, CellFunc take, gpointer data)
{
  g_auto(GStrv) fields = NULL;

  if (line[0] == '\0')
    return;
  if (!strchr (line, '\t'))
    {
      take (line, data);
      return;
    }
  fields = g_strsplit (line, "\t", -1);
  for (guint i = 0; fields[i]; i++)
    take (g_strstrip (fields[i]), data);
}

/* ---- The parser ------------------------------------------------------------------------------ */

typedef struct {
  NbImport    *self;
  NbReport    *report;
  NbImportItems *items;                   /* normalised on demand (item_norm): not kept */
  guint8      *chrome;                    /* per item: 0 not known yet, 1 no, 2 page chrome */
  gboolean     wrapped;                   /* lines of a paragraph are broken (PDF) */
  int          heading[NB_N_SECTIONS];    /* item index, −1 when absent */
  guint        body_start[NB_N_SECTIONS];
  guint        body_end[NB_N_SECTIONS];
  guint        front_end;
  GPtrArray   *legacy;                    /* markers of the 2019 layout found */
  GString     *s3_remnant;                /* the 2019 single row （六）, as a note */
} Parser;

static const NbImportItem *
item_at (Parser *p, guint i)
{
  return nb_import_items_get (p->items, i);
}

static guint
n_items (Parser *p)
{
  return nb_import_items_len (p->items);
}

/* The normalised text of item @i (a new string). */
static char *
item_norm (Parser *p, guint i)
{
  return nb_import_normalize (item_at (p, i)->text);
}

/* Whether the normalised text of @text has more than @n characters, told without normalising
 * it when it has more than @n CJK ideographs (U+4E00…U+9FFF): NFKC leaves each of them one
 * character and composes none with another. A line of prose is then never normalised to
 * learn that it is no heading. */
static gboolean
surely_longer (const char *text, guint n)
{
  guint ideographs = 0;

  for (const char *c = text; *c && ideographs <= n; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      ideographs += u >= 0x4E00 && u <= 0x9FFF;
    }
  return ideographs > n;
}

const char *const nb_import_section_keywords[NB_N_SECTIONS] = {
  "总体情况|概述|总体",
  "主动公开",
  "申请",
  "复议|诉讼",
  "问题",
  "其他",
};

static gboolean
contains_any (const char *text, const char *alternatives)
{
  return nb_narrative_find_any (text, 0, strlen (text), alternatives, NULL) >= 0;
}

/* The titles of section @s normalised, the format's first and then its variants: every
 * line is compared with them. */
static guint longest_title;     /* in characters, of all exact_titles () */

static const char *const *
exact_titles (guint s)
{
  static char **titles[NB_N_SECTIONS];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint t = 0; t < NB_N_SECTIONS; t++)
        {
          const NbSectionDef *section = nb_format_section (t);
          GPtrArray *all = g_ptr_array_new ();

          g_ptr_array_add (all, nb_import_normalize (section->title));
          for (guint v = 0; section->variants[v]; v++)
            g_ptr_array_add (all, nb_import_normalize (section->variants[v]));
          for (guint v = 0; v < all->len; v++)
            longest_title = MAX (longest_title, (guint) g_utf8_strlen (g_ptr_array_index (all, v), -1));
          g_ptr_array_add (all, NULL);
          titles[t] = (char **) g_ptr_array_free (all, FALSE);
        }
      g_once_init_leave (&ready, 1);
    }
  return (const char *const *) titles[s];
}

static gboolean
is_exact_title (guint s, const char *norm)
{
  return g_strv_contains (exact_titles (s), norm);
}

static gboolean
is_loose_title (guint s, const char *norm)
{
  const NbSectionDef *section = nb_format_section (s);
  gsize ordinal = strlen (section->ordinal);

  if (!g_str_has_prefix (norm, section->ordinal))
    return FALSE;
  /* 一、 or 一. after NFKC; 一 alone followed by the keyword also occurs. */
  if (!(g_str_has_prefix (norm + ordinal, "、") || norm[ordinal] == '.' || norm[ordinal] == ','))
    return FALSE;
  return g_utf8_strlen (norm, -1) <= 40 && contains_any (norm, nb_import_section_keywords[s]);
}

/* Which section the line at @i opens, given the last section found, or −1. */
static int
match_heading (Parser *p, guint i, int current)
{
  const NbImportItem *item = item_at (p, i);
  g_autofree char *norm = NULL;

  if (strchr (item->text, '|'))
    return -1;
  /* Longer than any title, exact or worded its own way (is_loose_title). */
  exact_titles (0);
  if (surely_longer (item->text, MAX (longest_title, 40)))
    return -1;
  norm = item_norm (p, i);
  if (norm[0] == '\0')
    return -1;
  /* Some portals lay the whole page out in a table: a cell may hold a title, exactly. */
  for (int s = current + 1; s < NB_N_SECTIONS; s++)
    if (is_exact_title (s, norm))
      return s;
  if (item->cell)
    return -1;
  if (current + 1 < NB_N_SECTIONS && is_loose_title (current + 1, norm))
    return current + 1;
  return -1;
}

static gboolean
find_sections (Parser *p)
{
  int current = -1;
  gboolean any = FALSE;

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    p->heading[s] = -1;
  for (guint i = 0; i < n_items (p); i++)
    {
      int s = match_heading (p, i, current);

      if (s < 0)
        continue;
      p->heading[s] = i;
      current = s;
      any = TRUE;
    }
  if (!any)
    return FALSE;

  p->front_end = n_items (p);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (p->heading[s] >= 0)
      {
        p->front_end = p->heading[s];
        break;
      }
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      guint end = n_items (p);

      if (p->heading[s] < 0)
        {
          p->body_start[s] = p->body_end[s] = 0;
          continue;
        }
      for (guint t = s + 1; t < NB_N_SECTIONS; t++)
        if (p->heading[t] >= 0)
          {
            end = p->heading[t];
            break;
          }
      p->body_start[s] = p->heading[s] + 1;
      p->body_end[s] = end;
    }
  return TRUE;
}

static gboolean is_page_chrome (Parser *p, guint i);

/* A paragraph of one line is that item's text; the lines of a PDF paragraph joined go to
 * the items' texts too. Either lives as long as the items. */
static void
add_paragraph (Parser *p, GPtrArray *out, const char *single, GString *joined)
{
  g_ptr_array_add (out, single ? (char *) single
                               : g_string_chunk_insert_len (p->items->texts, joined->str, joined->len));
}

/* The lines of [start, end) as paragraphs (not to be freed: see add_paragraph); PDF lines
 * of one paragraph are joined. With @skip_chrome, a portal's breadcrumbs, article data and
 * page tools are left out. No line is copied: a section may be most of the input. */
static GPtrArray *
paragraphs (Parser *p, guint start, guint end, gboolean skip_chrome)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *single = NULL;    /* the paragraph while it is one line, else in @joined */
  gboolean open = FALSE;

  for (guint i = start; i < end; i++)
    {
      const char *text = item_at (p, i)->text;
      gboolean starts_new = TRUE;

      if (text[0] == '\0' || (skip_chrome && is_page_chrome (p, i)))
        continue;
      if (p->wrapped && open)
        {
          const char *para = single ? single : joined->str;
          const char *para_end = single ? single + strlen (single) : joined->str + joined->len;

          if (para_end > para)
            {
              const char *last = g_utf8_find_prev_char (para, para_end);
              gunichar end_char = last ? g_utf8_get_char (last) : 0;
              gunichar first = g_utf8_get_char (text);

              starts_new = end_char == 0x3002 || end_char == 0xFF1A || end_char == ':' ||
                           end_char == 0xFF01 || end_char == 0xFF1F ||
                           first == '(' || first == 0xFF08;
            }
        }
      if (starts_new || !open)
        {
          if (open)
            add_paragraph (p, out, single, joined);
          single = text;
          open = TRUE;
        }
      else
        {
          if (single)
            g_string_assign (joined, single);
          single = NULL;
          g_string_append (joined, text);
        }
    }
  if (open)
    add_paragraph (p, out, single, joined);
  return out;
}

/* The bytes of @lines from @from up to @to (exclusive), with a line break after each. */
static gsize
lines_size (GPtrArray *lines, guint from, guint to)
{
  gsize size = 0;

  for (guint i = from; i < to; i++)
    size += strlen (g_ptr_array_index (lines, i)) + 1;
  return size;
}

static char *
join_lines (GPtrArray *lines, guint from)
{
  /* At its length: growing by doubling would hold two copies of a long section at once. */
  char *out = g_malloc (lines_size (lines, from, lines->len) + 1);
  char *end = out;

  for (guint i = from; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gsize n = strlen (line);

      if (end > out)
        *end++ = '\n';
      memcpy (end, line, n);
      end += n;
    }
  *end = '\0';
  return out;
}

/* ---- Front matter ---------------------------------------------------------------------------- */

/* The level of a region from how its name ends: 重庆市黔江区 is a district (county level). */
static gboolean
region_level (const char *name, NbAgencyLevel *level)
{
  static const struct {
    const char   *suffix;
    NbAgencyLevel level;
  } endings[] = {
    { "街道", NB_LEVEL_SUBDISTRICT },
    { "自治区", NB_LEVEL_PROVINCIAL_GOV },
    { "省", NB_LEVEL_PROVINCIAL_GOV },
    { "自治州", NB_LEVEL_PREFECTURE_GOV },
    { "盟", NB_LEVEL_PREFECTURE_GOV },
    { "自治县", NB_LEVEL_COUNTY_GOV },
    { "县", NB_LEVEL_COUNTY_GOV },
    { "旗", NB_LEVEL_COUNTY_GOV },
    { "区", NB_LEVEL_COUNTY_GOV },
    { "镇", NB_LEVEL_TOWNSHIP_GOV },
    { "乡", NB_LEVEL_TOWNSHIP_GOV },
    { "市", NB_LEVEL_PREFECTURE_GOV },
  };
  static const char *const municipalities[] = { "北京市", "天津市", "上海市", "重庆市", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (name, endings[i].suffix))
      {
        *level = endings[i].level;
        if (g_strv_contains (municipalities, name))
          *level = NB_LEVEL_PROVINCIAL_GOV;
        /* A city inside a city (苏州市昆山市) is a 县级市. */
        else if (*level == NB_LEVEL_PREFECTURE_GOV &&
                 g_strstr_len (name, strlen (name) - strlen ("市"), "市") != NULL)
          *level = NB_LEVEL_COUNTY_GOV;
        return TRUE;
      }
  return FALSE;
}

/* The region level of a department from the last administrative unit its name names. */
static NbRegionLevel
department_region (const char *name)
{
  static const char *const municipalities[] = { "北京市", "天津市", "上海市", "重庆市", NULL };
  const char *county = NULL, *city = NULL;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "区") || g_str_has_prefix (p, "县") || g_str_has_prefix (p, "旗"))
        county = p;
      else if (g_str_has_prefix (p, "镇") || g_str_has_prefix (p, "乡"))
        return NB_REGION_TOWNSHIP;
      else if (g_str_has_prefix (p, "市") || g_str_has_prefix (p, "州"))
        city = p;
    }
  if (county)
    return NB_REGION_COUNTY;
  if (city)
    {
      g_autofree char *outer = g_strndup (name, city + strlen ("市") - name);

      return g_strv_contains (municipalities, outer) ? NB_REGION_PROVINCIAL : NB_REGION_PREFECTURE;
    }
  if (strstr (name, "省") || strstr (name, "自治区"))
    return NB_REGION_PROVINCIAL;
  return NB_REGION_NATIONAL;
}

/* Bodies whose name ends like a region but that are no level of government: a
 * 管委会 runs them (开发区, 新区, 综合实验区 …). R-F-10 and R-T2-03 depend on the level. */
static const char *const zones[] = { "开发区", "新区", "实验区", "高新区", "示范区", "合作区", "园区", "保税区", NULL };

/* The agency, its level and whether it is a people's government, from the title's prefix
 * (format.md §6): a region's name is its people's government; a government office
 * reports for it; a 管委会, 委员会, 局 or any other body is a department. Returns NULL when
 * the name decides the level, else why it does not (for the import summary). */
static char *
guess_agency (NbReport *report, const char *prefix)
{
  static const char *const bodies[] = { "管理委员会", "管委会", "委员会", "局", "办公室", "中心", "厅", "委", NULL };
  static const char *const offices[] = { "人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", NULL };
  g_autofree char *name = g_strstrip (g_strdup (prefix));
  g_autofree char *region = NULL;
  g_autofree char *agency = NULL;
  const char *office = NULL;
  NbAgencyLevel level = NB_LEVEL_DEPARTMENT;
  NbRegionLevel region_of_level;

  for (guint i = 0; offices[i] && !office; i++)
    if (g_str_has_suffix (name, offices[i]))
      office = offices[i] + strlen (offices[i]) - strlen ("办公室");
  region = g_strndup (name, strlen (name) - (office ? strlen (office) : 0));
  if (g_str_has_suffix (region, "人民政府"))
    region[strlen (region) - strlen ("人民政府")] = '\0';
  else if (g_str_has_suffix (region, "政府"))
    region[strlen (region) - strlen ("政府")] = '\0';
  else if (g_str_has_suffix (region, "街道办事处"))
    region[strlen (region) - strlen ("办事处")] = '\0';

  if (region[0] && region_level (region, &level))
    {
      if (level == NB_LEVEL_SUBDISTRICT)
        agency = g_strconcat (region, "办事处", NULL);
      else
        agency = g_strconcat (region, "人民政府", office ? office : "", NULL);
      region_of_level = nb_format_level_default_region (level);
    }
  else
    {
      level = NB_LEVEL_DEPARTMENT;
      agency = g_strdup (name);
      region_of_level = department_region (name);
      if (region_of_level == NB_REGION_NATIONAL)
        level = NB_LEVEL_STATE_COUNCIL_DEPT;
    }
  nb_report_set_text (report, NB_TEXT_AGENCY, agency);
  nb_report_set_level (report, level);
  nb_report_set_region (report, region_of_level);
  nb_report_set_people_government (report, nb_format_level_is_government (level));

  for (guint i = 0; zones[i]; i++)
    if (g_str_has_suffix (region, zones[i]) || strstr (name, zones[i]))
      {
        gboolean managed = strstr (name, "管委会") || strstr (name, "管理委员会");

        /* A zone's own 管委会 is a body, not a people's government. */
        if (managed)
          {
            nb_report_set_level (report, NB_LEVEL_DEPARTMENT);
            nb_report_set_people_government (report, FALSE);
            nb_report_set_text (report, NB_TEXT_AGENCY, name);
          }
        return g_strdup_printf ("“%s”是%s，标题不能确定其层级（人民政府或部门），请在报告信息中设置机关层级。",
                                name, managed ? "管委会" : zones[i]);
      }
  if (level == NB_LEVEL_DEPARTMENT || level == NB_LEVEL_STATE_COUNCIL_DEPT)
    {
      gboolean named = FALSE;

      for (guint i = 0; bodies[i] && !named; i++)
        named = g_str_has_suffix (name, bodies[i]);
      if (!named)
        return g_strdup_printf ("“%s”不是常见的机关名称，已按部门处理，请在报告信息中核对机关层级。", name);
    }
  return NULL;
}

/* What a portal prints around an article (breadcrumbs, article data, page tools, footer):
 * never the report's title, preamble or closing text. Matched after normalisation. */
static const char page_chrome[] =
  "当前位置|您所在的位置|您的位置|首页>|索引号|发布机构|发文机关|发布日期|发布时间|成文日期|"
  "来源:|字体:|字号:|浏览次数|阅读次数|访问量|【打印|打印本页|关闭窗口|分享到|相关链接|上一篇|下一篇|"
  "主办单位|承办单位|ICP备|公网安备|网站标识码|版权所有|Copyright|©|网站地图|联系我们|使用帮助|技术支持|"
  "扫一扫|无障碍|关怀版";

/* The header lines of a crawler's text dump (“文号: ”, “栏目: 政府信息公开年报”, “原文链接:
 * https://…”, “==== 正文 ====”): chrome only at the start of a line. */
static const char *const dump_headers[] = { "文号:", "栏目:", "原文链接:", "本地目录:", "页面链接与图片", "====", NULL };

static gboolean
is_page_chrome_text (const char *norm)
{
  if (g_utf8_strlen (norm, -1) > 160)
    return FALSE;
  for (guint h = 0; dump_headers[h]; h++)
    if (g_str_has_prefix (norm, dump_headers[h]))
      return TRUE;
  return contains_any (norm, page_chrome);
}

/* Asked of the front lines several times: each is normalised once. */
static gboolean
is_page_chrome (Parser *p, guint i)
{
  if (p->chrome[i] == 0 && surely_longer (item_at (p, i)->text, 160))
    p->chrome[i] = 1;
  if (p->chrome[i] == 0)
    {
      g_autofree char *norm = item_norm (p, i);

      p->chrome[i] = is_page_chrome_text (norm) ? 2 : 1;
    }
  return p->chrome[i] == 2;
}

/* A line that names the report on its own: short, with a year and 报告. */
static gboolean
is_title_line (Parser *p, guint i, GRegex *title_re, gboolean *has_prefix)
{
  const char *text = item_at (p, i)->text;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *nfkc = NULL;
  g_autofree char *prefix = NULL;

  if (!strstr (text, "报告") || g_utf8_strlen (text, -1) > 80 || is_page_chrome (p, i))
    return FALSE;
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (!nfkc || !g_regex_match (title_re, nfkc, 0, &match))
    return FALSE;
  prefix = g_match_info_fetch_named (match, "agency");
  *has_prefix = prefix && prefix[0];
  return TRUE;
}

/* Short and unpunctuated: one line of a heading set over two lines. */
static gboolean
is_heading_piece (Parser *p, guint i)
{
  const char *text = item_at (p, i)->text;

  return g_utf8_strlen (text, -1) <= 30 && !strstr (text, "。") && !strstr (text, "，") &&
         !strchr (text, ',') && !is_page_chrome (p, i);
}

static void
read_front (Parser *p)
{
  g_autoptr(GPtrArray) lines = NULL;
  /* 机关2024年政府信息公开工作年度报告, or 机关政府信息公开工作2024年度报告: the named groups
   * may occur twice (G_REGEX_DUPNAMES). */
  g_autoptr(GRegex) title_re = g_regex_new ("^(?:(?<agency>.*?)\\s*(?<year>\\d{4})\\s*年度?\\s*"
                                            "(?:政府信息公开|信息公开|政务公开)|"
                                            "(?<agency>.*?)\\s*(?:政府信息公开|信息公开|政务公开)(?:工作)?\\s*"
                                            "(?<year>\\d{4})\\s*年度?)",
                                            G_REGEX_DUPNAMES, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) title_text = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *preamble = NULL;
  guint first = 0, from = 0;
  int year = 0, date[6];

  /* A page may carry a site banner, breadcrumbs or a layout cell before the title: the
   * title is the first line that names the report by itself, with the agency's name on the
   * line before it when the heading is set over two lines. */
  for (guint i = 0; i < p->front_end && title == NULL; i++)
    {
      gboolean has_prefix = FALSE;

      if (!is_title_line (p, i, title_re, &has_prefix))
        continue;
      if (!has_prefix && i > 0 && !item_at (p, i - 1)->cell && is_heading_piece (p, i - 1))
        title = g_strconcat (item_at (p, i - 1)->text, item_at (p, i)->text, NULL);
      else
        title = g_strdup (item_at (p, i)->text);
      first = i + 1;
    }
  /* Else the first lines up to the one naming the report (a PDF wraps a long title). */
  while (from < p->front_end && is_page_chrome (p, from))
    from++;
  for (guint i = from; title == NULL && i < p->front_end && i < from + 3; i++)
    {
      const char *text = item_at (p, i)->text;

      /* Longer than a title can be, with this line or any after it. */
      if (g_utf8_strlen (title_text->str, -1) + g_utf8_strlen (text, -1) > 80)
        break;
      g_string_append (title_text, text);
      if (strstr (title_text->str, "报告") && g_utf8_strlen (title_text->str, -1) <= 80)
        {
          title = g_strdup (title_text->str);
          first = i + 1;
          break;
        }
      if (!p->wrapped && !is_heading_piece (p, i))
        break;
    }
  lines = paragraphs (p, first, p->front_end, TRUE);
  preamble = join_lines (lines, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);
  /* A crawler's dump names the page “标题: …”. */
  if (title && (g_str_has_prefix (title, "标题:") || g_str_has_prefix (title, "标题：")))
    {
      const char *rest = title + (g_str_has_prefix (title, "标题:") ? strlen ("标题:") : strlen ("标题："));
      char *bare = g_strstrip (g_strdup (rest));

      g_free (title);
      title = bare;
    }
  nb_report_set_text (p->report, NB_TEXT_TITLE, title ? title : "");
  nb_report_set_text (p->report, NB_TEXT_PREAMBLE, preamble);
  g_clear_pointer (&preamble, g_free);

  if (title)
    {
      g_autofree char *nfkc = g_utf8_normalize (title, -1, G_NORMALIZE_NFKC);

      if (nfkc && g_regex_match (title_re, nfkc, 0, &match))
        {
          g_autofree char *prefix = g_match_info_fetch_named (match, "agency");
          g_autofree char *digits = g_match_info_fetch_named (match, "year");

          year = atoi (digits);
          if (prefix[0])
            p->self->level_note = guess_agency (p->report, prefix);
        }
    }
  if (title == NULL || nb_report_get_text (p->report, NB_TEXT_AGENCY)[0] == '\0')
    p->self->level_note = g_strdup ("标题未写明机关名称，无法确定机关层级，请在报告信息中设置机关和层级。");
  if (nb_narrative_find_period (nb_report_get_text (p->report, NB_TEXT_PREAMBLE), date))
    {
      g_autofree char *start = g_strdup_printf ("%04d-%02d-%02d", date[0], date[1], date[2]);
      g_autofree char *end = g_strdup_printf ("%04d-%02d-%02d", date[3], date[4], date[5]);

      if (year == 0)
        year = date[0];
      nb_report_set_text (p->report, NB_TEXT_PERIOD_START, start);
      nb_report_set_text (p->report, NB_TEXT_PERIOD_END, end);
    }
  if (year >= 1990 && year <= 2200)
    {
      nb_report_set_year (p->report, year);
      if (!nb_report_get_text (p->report, NB_TEXT_PERIOD_START)[0])
        {
          g_autofree char *start = g_strdup_printf ("%04d-01-01", year);
          g_autofree char *end = g_strdup_printf ("%04d-12-31", year);

          nb_report_set_text (p->report, NB_TEXT_PERIOD_START, start);
          nb_report_set_text (p->report, NB_TEXT_PERIOD_END, end);
        }
    }
}

/* ---- Narrative ------------------------------------------------------------------------------ */

static const char *const cn_ordinals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };

/* "(一)" or "（一）" at the start of @text: the byte length of the ordinal, else 0. */
static gsize
part_ordinal (const char *text, guint *number)
{
  const char *p = text;
  gunichar open = g_utf8_get_char (p);

  if (open != '(' && open != 0xFF08)
    return 0;
  p = g_utf8_next_char (p);
  for (guint i = 0; cn_ordinals[i]; i++)
    if (g_str_has_prefix (p, cn_ordinals[i]))
      {
        const char *q = p + strlen (cn_ordinals[i]);
        gunichar close = g_utf8_get_char (q);

        if (close != ')' && close != 0xFF09)
          return 0;
        *number = i;
        return g_utf8_next_char (q) - text;
      }
  return 0;
}

static const char *const aspect_keywords[NB_N_ASPECTS] = {
  "主动",
  "依申请|申请",
  "信息管理|管理",
  "平台|网站",
  "监督|保障|考核",
};

static NbAspect
guess_aspect (const char *heading, guint position)
{
  g_autofree char *norm = nb_import_normalize (heading);

  for (guint a = 0; a < NB_N_ASPECTS; a++)
    if (contains_any (norm, aspect_keywords[a]))
      return a;
  return MIN (position, NB_N_ASPECTS - 1);
}

static void
add_part (Parser *p, const char *line, gsize ordinal_len, gsize size, GString **text)
{
  const char *rest = line + ordinal_len;
  const char *stop = strstr (rest, "。");
  g_autofree char *heading = NULL;
  const char *body = "";
  guint n = nb_report_get_n_parts (p->report);

  if (stop && g_utf8_strlen (rest, stop - rest) <= 40)
    {
      heading = g_strndup (rest, stop - rest);
      body = stop + strlen ("。");
    }
  else if (!stop && g_utf8_strlen (rest, -1) <= 40)
    heading = g_strdup (rest);
  else
    {
      heading = g_strdup ("");
      body = rest;
    }
  g_strstrip (heading);
  nb_report_insert_part (p->report, n, guess_aspect (heading, n), heading, "");
  *text = g_string_sized_new (strlen (body) + size);
  while (*body == ' ' || *body == '\t')
    body++;
  g_string_append (*text, body);
}

static void
finish_part (Parser *p, GString **text)
{
  guint n = nb_report_get_n_parts (p->report);

  if (*text == NULL)
    return;
  nb_report_set_part_text (p->report, n - 1, (*text)->str);
  g_string_free (*text, TRUE);
  *text = NULL;
}

/* The bytes of the lines from @from up to the next part's heading. */
static gsize
part_size (GPtrArray *lines, guint from)
{
  guint to = from, number;

  while (to < lines->len && part_ordinal (g_ptr_array_index (lines, to), &number) == 0)
    to++;
  return lines_size (lines, from, to);
}

static void
read_overview (Parser *p)
{
  g_autoptr(GPtrArray) lines = paragraphs (p, p->body_start[0], p->body_end[0], FALSE);
  g_autoptr(GString) intro = g_string_sized_new (part_size (lines, 0));
  GString *text = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      guint number;
      gsize len = part_ordinal (line, &number);

      if (len > 0)
        {
          finish_part (p, &text);
          add_part (p, line, len, part_size (lines, i + 1), &text);
          continue;
        }
      if (text)
        {
          if (text->len)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
      else
        {
          if (intro->len)
            g_string_append_c (intro, '\n');
          g_string_append (intro, line);
        }
    }
  finish_part (p, &text);
  nb_report_set_text (p->report, NB_TEXT_S1_INTRO, intro->str);
}

/* NFKC of a text, a line at a time: the same text (a line break composes with nothing), without
 * the wide buffer of the whole at once. */
static char *
nfkc_by_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *line = text; line;)
    {
      const char *stop = strchr (line, '\n');
      g_autofree char *nfkc = g_utf8_normalize (line, stop ? stop - line : -1, G_NORMALIZE_NFKC);

      if (nfkc == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, nfkc);
      if (stop)
        g_string_append_c (out, '\n');
      line = stop ? stop + 1 : NULL;
    }
  return g_string_free (out, FALSE);
}

/* 六: the 信息处理费 as a figure when the text states it. */
static void
read_fee (Parser *p, const char *text)
{
  g_autoptr(GRegex) none = g_regex_new ("(未|没有|无)(收取|收)[^。；;，,]*信息处理费|信息处理费[^。；;]*?"
                                        "(为|共计|合计)?\\s*(0|零)\\s*元|不收取[^。]*信息处理费", 0, 0, NULL);
  g_autoptr(GRegex) amount = g_regex_new ("收取[^。；;，,]*?信息处理费[^。；;0-9]*?([0-9]+)\\s*元", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *nfkc = nfkc_by_line (text);

  if (!nfkc)
    return;
  if (g_regex_match (amount, nfkc, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      guint64 yuan;

      if (g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64, &yuan, NULL))
        nb_report_set_info_fee (p->report, TRUE, (gint64) yuan);
    }
  else if (g_regex_match (none, nfkc, 0, NULL))
    nb_report_set_info_fee (p->report, TRUE, 0);
}

static void
read_titles (Parser *p)
{
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      g_autofree char *norm = NULL;

      nb_report_set_section_present (p->report, s, p->heading[s] >= 0);
      if (p->heading[s] < 0)
        continue;
      norm = item_norm (p, p->heading[s]);
      if (g_str_equal (norm, exact_titles (s)[0]))
        continue;
      nb_report_set_text (p->report, nb_report_section_title_field (s), item_at (p, p->heading[s])->text);
    }
}

/* A report may close with contact lines, the issuer's name and a date after 六: they are
 * no text of 六. Contact lines go to meta.contact, a full date to the publication date. */
static void
read_closing (Parser *p, GPtrArray *lines)
{
  g_autoptr(GRegex) contact = g_regex_new ("^(联系电话|联系方式|联系人|联系地址|电话|传真|地址|邮编|邮政编码|"
                                           "电子邮箱|电子信箱|邮箱|E-?mail|网址)\\s*[:：]", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) dated = g_regex_new ("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$", 0, 0, NULL);
  g_autoptr(GRegex) issuer = g_regex_new ("(人民政府|政府|办公室|办公厅|局|委员会|委|中心|办事处|管理处|院)$", 0, 0, NULL);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_free);
  const char *agency = nb_report_get_text (p->report, NB_TEXT_AGENCY);

  /* Keep at least the first line: it is the section's own text. */
  while (lines->len > 1)
    {
      const char *line = g_ptr_array_index (lines, lines->len - 1);
      g_autofree char *nfkc = g_utf8_normalize (line, -1, G_NORMALIZE_NFKC);
      g_autoptr(GMatchInfo) match = NULL;

      if (nfkc == NULL)
        break;
      g_strstrip (nfkc);
      if (g_regex_match (contact, nfkc, 0, NULL))
        g_ptr_array_insert (contacts, 0, g_strdup (line));
      else if (g_regex_match (dated, nfkc, 0, &match))
        {
          g_autofree char *y = g_match_info_fetch (match, 1);
          g_autofree char *m = g_match_info_fetch (match, 2);
          g_autofree char *d = g_match_info_fetch (match, 3);
          g_autoptr(GDateTime) when = g_date_time_new_utc (atoi (y), atoi (m), atoi (d), 0, 0, 0);

          if (when == NULL)
            break;
          {
            g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");

            nb_report_set_text (p->report, NB_TEXT_PUBLICATION_DATE, iso);
          }
        }
      else if (g_utf8_strlen (nfkc, -1) > 40 || strpbrk (nfkc, ",.;:") || strstr (nfkc, "。") ||
               !(g_str_equal (nfkc, agency) || g_regex_match (issuer, nfkc, 0, NULL)))
        break;
      g_ptr_array_remove_index (lines, lines->len - 1);
    }
  if (contacts->len)
    {
      g_autofree char *joined = join_lines (contacts, 0);

      nb_report_set_text (p->report, NB_TEXT_CONTACT, joined);
    }
}

static void
read_narratives (Parser *p)
{
  static const struct { guint section; NbTextField field; } bodies[] = {
    { 4, NB_TEXT_S5 },
    { 5, NB_TEXT_S6 },
  };

  if (p->heading[0] >= 0)
    read_overview (p);
  for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
    {
      guint s = bodies[b].section;
      g_autoptr(GPtrArray) lines = NULL;
      g_autofree char *text = NULL;

      if (p->heading[s] < 0)
        continue;
      lines = paragraphs (p, p->body_start[s], p->body_end[s], TRUE);
      if (s == 5 || p->heading[5] < 0)
        read_closing (p, lines);
      text = join_lines (lines, 0);
      g_clear_pointer (&lines, g_ptr_array_unref);
      nb_report_set_text (p->report, bodies[b].field, text);
      g_clear_pointer (&text, g_free);
      if (s == 5)
        read_fee (p, nb_report_get_text (p->report, bodies[b].field));
    }
}

/* ---- Tables --------------------------------------------------------------------------------- */

typedef struct {
  NbImportTokenStore *store;
  GPtrArray  *tokens;
  GString    *note;
} TableCells;

/* One cell of a table section into tokens; prose long enough to be a note under the table
 * goes to the note. */
static void
take_cell (const char *cell, gpointer data)
{
  TableCells *cells = data;

  /* Prose under a table: a long sentence that is no label of the format. */
  if (g_utf8_strlen (cell, -1) >= 20 && g_str_has_suffix (cell, "。") && !strchr (cell, '|'))
    {
      if (cells->note->len)
        g_string_append_c (cells->note, '\n');
      g_string_append (cells->note, cell);
      return;
    }
  tokenize_cell (cells->store, cells->tokens, cell);
}

/* The cells of a table section as the source gives them, as tokens; prose lines long
 * enough to be a note under the table go to @note. */
static GPtrArray *
table_tokens (Parser *p, guint s, NbImportTokenStore *store, GString *note)
{
  TableCells cells = { store, g_ptr_array_new (), note };
  gboolean marked = FALSE;

  for (guint i = p->body_start[s]; i < p->body_end[s]; i++)
    marked |= item_at (p, i)->cell;

  if (marked)
    {
      for (guint i = p->body_start[s]; i < p->body_end[s]; i++)
        take_cell (item_at (p, i)->text, &cells);
    }
  else
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      gboolean bars = FALSE;

      for (guint i = p->body_start[s]; i < p->body_end[s] && !bars; i++)
        bars = strchr (item_at (p, i)->text, '|') != NULL;
      if (bars)
        {
          /* Bars run across lines: the section's text as one, at its length. */
          gsize size = 0;

          for (guint i = p->body_start[s]; i < p->body_end[s]; i++)
            size += strlen (item_at (p, i)->text) + 1;
          g_string_set_size (joined, size);
          g_string_truncate (joined, 0);
          for (guint i = p->body_start[s]; i < p->body_end[s]; i++)
            {
              const char *text = item_at (p, i)->text;

              if (text[0] == '\0')
                continue;
              g_string_append_c (joined, '\n');
              g_string_append (joined, text);
            }
          split_bars (joined->str, take_cell, &cells);
        }
      else
        for (guint i = p->body_start[s]; i < p->body_end[s]; i++)
          split_tabs (item_at (p, i)->text, take_cell, &cells);
    }
  return cells.tokens;
}

static void add_note (Parser *p, const char *rule, const char *where, const char *actual, const char *canonical);

static void
set_cell (Parser *p, guint cell, const NbImportToken *tok, NbImportCellState state)
{
  if (tok->kind == NB_IMPORT_TOKEN_BLANK)
    {
      nb_report_set_blank (p->report, cell, tok->text);
      p->self->states[cell] = NB_IMPORT_CELL_BLANK;
      return;
    }
  /* A count printed with zero decimals (“0.00”, “12.0”): the figure is read, and the cell
   * as printed is R-F-06's, like a figure with a unit or a note. */
  if (tok->kind == NB_IMPORT_TOKEN_VALUE && tok->orig == NULL && nb_format_cell (cell)->unit == NB_UNIT_COUNT &&
      strchr (tok->text, '.') && strspn (strchr (tok->text, '.') + 1, "0") == strlen (strchr (tok->text, '.') + 1))
    {
      g_autofree char *whole = g_strndup (tok->text, strchr (tok->text, '.') - tok->text);
      NbImportToken read = { NB_IMPORT_TOKEN_VALUE, whole, tok->text };

      set_cell (p, cell, &read, state);
      return;
    }
  nb_report_set_cell_text (p->report, cell, tok->text);
  p->self->states[cell] = state;
  /* “15（含修订3件）”, “5件”: the figure is read, the cell as printed is R-F-06's. */
  if (tok->kind == NB_IMPORT_TOKEN_VALUE && tok->orig)
    add_note (p, "R-F-06", nb_format_cell (cell)->key, tok->orig, tok->text);
}

typedef gboolean (*CheckFunc) (const gint64 *values, guint n);

/* One of the tables' own relations over a row of values. */
static gboolean
last_is_sum (const gint64 *v, guint n)
{
  gint64 sum = 0;

  for (guint i = 0; i + 1 < n; i++)
    sum += v[i];
  return sum == v[n - 1];
}

static gboolean
groups_of_five (const gint64 *v, guint n)
{
  for (guint g = 0; g + 5 <= n; g += 5)
    if (!last_is_sum (v + g, 5))
      return FALSE;
  return TRUE;
}

/* Readings of one run of figures kept for the table's arithmetic to choose from. */
#define MAX_READINGS 8

typedef struct {
  const char *digits[32];
  guint       n_runs;
  guint       want;
  CheckFunc   check;
  gint64      current[32];
  gint64      found[MAX_READINGS][32];
  guint       n_found;
  guint       max_found;        /* stop after this many readings */
} Split;

/* Every way to cut the runs into @want numbers (no leading zeros, at most 9 digits). */
static void
split_search (Split *s, guint run, const char *at, guint n)
{
  if (s->n_found > s->max_found)
    return;
  if (*at == '\0')
    {
      if (run + 1 < s->n_runs)
        {
          split_search (s, run + 1, s->digits[run + 1], n);
          return;
        }
      if (n == s->want && (!s->check || s->check (s->current, n)))
        {
          if (s->n_found < MAX_READINGS)
            memcpy (s->found[s->n_found], s->current, n * sizeof (gint64));
          s->n_found++;
        }
      return;
    }
  if (n >= s->want)
    return;
  for (guint len = 1; len <= 9 && at[len - 1]; len++)
    {
      gint64 value = 0;

      if (len > 1 && at[0] == '0')
        break;
      for (guint d = 0; d < len; d++)
        value = value * 10 + (at[d] - '0');
      s->current[n] = value;
      split_search (s, run, at + len, n + 1);
    }
}

/* Values run together: the readings that fit the row's own relation, at most
 * MAX_READINGS (0 when there are more, or none). */
static guint
run_together_readings (GPtrArray *vals, guint want, CheckFunc check, gint64 out[][32])
{
  Split s = { .want = want, .check = check, .max_found = MAX_READINGS };
  guint total = 0;

  if (vals->len == 0 || vals->len >= want || want > G_N_ELEMENTS (s.current))
    return 0;
  for (guint i = 0; i < vals->len; i++)
    {
      const NbImportToken *tok = g_ptr_array_index (vals, i);

      if (tok->kind != NB_IMPORT_TOKEN_VALUE || tok->text[0] == '-' || strchr (tok->text, '.'))
        return 0;
      s.digits[s.n_runs++] = tok->text;
      total += strlen (tok->text);
    }
  if (total > 24)
    return 0;
  split_search (&s, 0, s.digits[0], 0);
  if (s.n_found == 0 || s.n_found > MAX_READINGS)
    return 0;
  memcpy (out, s.found, s.n_found * sizeof s.found[0]);
  return s.n_found;
}

/* The values after the label at @at, up to the next label. */
static GPtrArray *
values_after (GPtrArray *tokens, guint at, guint *next)
{
  GPtrArray *vals = g_ptr_array_new ();
  guint i;

  for (i = at + 1; i < tokens->len; i++)
    {
      NbImportToken *tok = g_ptr_array_index (tokens, i);

      if (tok->kind == NB_IMPORT_TOKEN_LABEL)
        break;
      g_ptr_array_add (vals, tok);
    }
  if (next)
    *next = i;
  return vals;
}

/* A row whose figures ran together and have several readings: the table decides. */
typedef struct {
  int    cells[8];
  guint  n_cells;
  guint  n_readings;
  gint64 readings[MAX_READINGS][32];
} Pending;

static void
set_reading (Parser *p, const int *cells, guint n, const gint64 *values)
{
  for (guint i = 0; i < n; i++)
    {
      char digits[32];
      NbImportToken tok = { NB_IMPORT_TOKEN_VALUE, digits, NULL };

      g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, values[i]);
      set_cell (p, cells[i], &tok, NB_IMPORT_CELL_RESOLVED);
    }
}

/* Reads @n cells from @vals; FALSE when they cannot be read without guessing. With
 * @pending, a run with a few readings is kept there for the table's arithmetic. */
static gboolean
read_values (Parser *p, GPtrArray *vals, const int *cells, guint n, CheckFunc check, GArray *pending)
{
  gint64 split[MAX_READINGS][32];
  guint extra, n_readings;

  /* Trailing empty positions are spans of the last cell. */
  while (vals->len > n &&
         ((NbImportToken *) g_ptr_array_index (vals, vals->len - 1))->kind == NB_IMPORT_TOKEN_BLANK)
    g_ptr_array_remove_index (vals, vals->len - 1);
  extra = vals->len > n ? vals->len - n : 0;
  /* Leading empty positions are spans of the heads before the values. */
  for (guint i = 0; i < extra; i++)
    if (((NbImportToken *) g_ptr_array_index (vals, i))->kind != NB_IMPORT_TOKEN_BLANK)
      return FALSE;
  if (extra)
    g_ptr_array_remove_range (vals, 0, extra);

  if (vals->len == n)
    {
      for (guint i = 0; i < n; i++)
        set_cell (p, cells[i], g_ptr_array_index (vals, i), NB_IMPORT_CELL_FOUND);
      return TRUE;
    }
  n_readings = run_together_readings (vals, n, check, split);
  if (n_readings == 1)
    {
      set_reading (p, cells, n, split[0]);
      return TRUE;
    }
  if (n_readings > 1 && pending && n <= G_N_ELEMENTS (((Pending *) NULL)->cells))
    {
      Pending row = { .n_cells = n, .n_readings = n_readings };

      memcpy (row.cells, cells, n * sizeof (int));
      memcpy (row.readings, split, sizeof split);
      g_array_append_val (pending, row);
    }
  return FALSE;
}

/* Whether table 三's column relations (R-T3-02, R-T3-03) hold with @value; a relation
 * with a cell not known yet decides nothing and passes. */
static gboolean
columns_hold (const gint64 *value, const gboolean *known)
{
  guint n_sums, n_balances;
  const NbSumRelation *sums = nb_format_sum_relations (&n_sums);
  const NbBalanceRelation *balances = nb_format_balance_relations (&n_balances);

  for (guint i = 0; i < n_sums; i++)
    {
      const NbSumRelation *rel = &sums[i];
      gint64 sum = 0;
      gboolean all = known[rel->total];

      if (!g_str_equal (rel->rule, "R-T3-02"))
        continue;
      for (guint k = 0; k < rel->n_parts && all; k++)
        {
          all = known[rel->parts[k]];
          sum += value[rel->parts[k]];
        }
      if (all && sum != value[rel->total])
        return FALSE;
    }
  for (guint i = 0; i < n_balances; i++)
    {
      const NbBalanceRelation *rel = &balances[i];

      if (known[rel->left[0]] && known[rel->left[1]] && known[rel->right[0]] && known[rel->right[1]] &&
          value[rel->left[0]] + value[rel->left[1]] != value[rel->right[0]] + value[rel->right[1]])
        return FALSE;
    }
  return TRUE;
}

/* Rows with several readings: the one combination of readings under which every column
 * of the table adds up is taken; with none or more than one, the rows stay blank. */
static void
resolve_by_columns (Parser *p, GArray *pending)
{
  guint n_cells = nb_format_n_cells ();
  g_autofree gint64 *value = g_new0 (gint64, n_cells);
  g_autofree gboolean *known = g_new0 (gboolean, n_cells);
  guint choice[16] = { 0 }, found[16] = { 0 }, n_found = 0;
  guint64 combinations = 1;

  if (pending->len == 0 || pending->len > G_N_ELEMENTS (choice))
    return;
  for (guint r = 0; r < pending->len; r++)
    combinations *= g_array_index (pending, Pending, r).n_readings;
  if (combinations > 65536)
    return;
  for (guint c = 0; c < n_cells; c++)
    {
      const NbCell *cell = nb_report_get_cell (p->report, c);

      known[c] = cell->state == NB_CELL_VALUE &&
                 (p->self->states[c] == NB_IMPORT_CELL_FOUND || p->self->states[c] == NB_IMPORT_CELL_RESOLVED);
      value[c] = cell->value;
    }
  for (guint r = 0; r < pending->len; r++)
    {
      const Pending *row = &g_array_index (pending, Pending, r);

      for (guint i = 0; i < row->n_cells; i++)
        known[row->cells[i]] = TRUE;
    }
  for (guint64 k = 0; k < combinations && n_found < 2; k++)
    {
      guint64 rest = k;

      for (guint r = 0; r < pending->len; r++)
        {
          const Pending *row = &g_array_index (pending, Pending, r);

          choice[r] = rest % row->n_readings;
          rest /= row->n_readings;
          for (guint i = 0; i < row->n_cells; i++)
            value[row->cells[i]] = row->readings[choice[r]][i];
        }
      if (columns_hold (value, known))
        {
          if (n_found++ == 0)
            memcpy (found, choice, sizeof choice);
        }
    }
  if (n_found != 1)
    return;
  for (guint r = 0; r < pending->len; r++)
    {
      const Pending *row = &g_array_index (pending, Pending, r);

      set_reading (p, row->cells, row->n_cells, row->readings[found[r]]);
    }
}

typedef struct {
  const char *key;              /* "a1.norms" in table 二, "new" in 三 */
  char       *norm;             /* its label, normalised */
  char       *core;             /* the same without ordinal and final note: "部分公开" */
  int         cells[8];
  guint       n_cells;
  gboolean    done;
} Row;

/* A normalised label without its ordinal ("(二)", "一、", "1.", "(1)") and without a final
 * parenthetical note: what is left when a report numbers or abridges a label its own way. */
static char *
label_core (const char *norm)
{
  static GRegex *ordinal, *note;
  static gsize ready;
  g_autofree char *bare = NULL;
  char *core;

  if (g_once_init_enter (&ready))
    {
      ordinal = g_regex_new ("^(?:\\([一二三四五六七八九十0-9]+\\)|[一二三四五六七八九十]+[、.]|[0-9]+[.、)])",
                             G_REGEX_OPTIMIZE, 0, NULL);
      note = g_regex_new ("\\([^()]*\\)$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  bare = g_regex_replace_literal (ordinal, norm, -1, 0, "", 0, NULL);
  core = g_regex_replace_literal (note, bare, -1, 0, "", 0, NULL);
  if (core[0] == '\0')
    {
      g_free (core);
      core = g_strdup (bare);
    }
  return core;
}

/* The rows of table 二 or 三, from the format. */
static GArray *
table_rows (NbTableId table)
{
  const NbTableDef *def = nb_format_table (table);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  for (guint i = def->first_cell; i < def->first_cell + def->n_cells; i++)
    {
      const NbCellDef *cell = nb_format_cell (i);
      Row *row = rows->len ? &g_array_index (rows, Row, rows->len - 1) : NULL;

      if (row == NULL || !g_str_equal (row->key, cell->row_key))
        {
          g_autofree char *norm = nb_import_normalize (cell->row_label);
          Row fresh = { cell->row_key, g_strdup (norm), label_core (norm), { 0 }, 0, FALSE };

          g_array_append_val (rows, fresh);
          row = &g_array_index (rows, Row, rows->len - 1);
        }
      g_assert (row->n_cells < G_N_ELEMENTS (row->cells));
      row->cells[row->n_cells++] = i;
    }
  return rows;
}

static void
rows_free (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      g_free (g_array_index (rows, Row, i).norm);
      g_free (g_array_index (rows, Row, i).core);
    }
  g_array_unref (rows);
}

/* Old labels still seen in published tables (format.md §7.2): accepted, then R-F-04. */
static const struct {
  const char *variant;
  const char *row_key;
} label_variants[] = {
  { "规范性文件", "a1.norms" },
};

static void
add_note (Parser *p, const char *rule, const char *where, const char *actual, const char *canonical)
{
  NbImportNote *note = g_new0 (NbImportNote, 1);

  note->rule = rule;
  note->where = g_strdup (where);
  note->actual = g_strdup (actual);
  note->canonical = g_strdup (canonical);
  g_ptr_array_add (p->self->notes, note);
}

/* The length of the longest common subsequence of two short texts, in characters. */
static guint
common_chars (const char *a, const char *b)
{
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  guint la = 0, lb = 0;
  g_autofree guint *prev = NULL, *cur = NULL;

  while (ua[la])
    la++;
  while (ub[lb])
    lb++;
  prev = g_new0 (guint, lb + 1);
  cur = g_new0 (guint, lb + 1);
  for (guint i = 1; i <= la; i++)
    {
      for (guint j = 1; j <= lb; j++)
        cur[j] = ua[i - 1] == ub[j - 1] ? prev[j - 1] + 1 : MAX (prev[j], cur[j - 1]);
      memcpy (prev, cur, (lb + 1) * sizeof (guint));
    }
  return prev[lb];
}

/* A row label with characters lost or changed (“2.其他法律行政止公开”): same ordinal, and
 * most of the canonical label's characters in order. Only tried for the row expected next. */
static gboolean
is_garbled (const char *label, const char *canonical)
{
  glong n = g_utf8_strlen (label, -1), m = g_utf8_strlen (canonical, -1);
  const char *a = label, *b = canonical;

  if (n < 4 || m < 4 || n > 2 * m || !starts_with_ordinal (label) || !starts_with_ordinal (canonical))
    return FALSE;
  /* Same ordinal: the characters up to the first non-ordinal one agree. */
  while (*a && *a == *b && (g_ascii_isdigit (*a) || *a == '.' || *a == '(' || *a == ')'))
    a++, b++;
  if (g_ascii_isdigit (*a) || g_ascii_isdigit (*b) || a == label)
    return FALSE;
  return common_chars (label, canonical) * 4 >= (guint) MAX (n, m) * 3;
}

/* Whether the labels after the figures of the label at @at, up to the next label that
 * opens a row, complete it to @canonical (a label wrapped around its figures). */
static gboolean
label_completed (GPtrArray *tokens, guint at, const char *canonical)
{
  g_autoptr(GString) label = g_string_new (((NbImportToken *) g_ptr_array_index (tokens, at))->text);

  for (guint i = at + 1; i < tokens->len && label->len < strlen (canonical); i++)
    {
      const NbImportToken *tok = g_ptr_array_index (tokens, i);

      if (tok->kind != NB_IMPORT_TOKEN_LABEL)
        continue;
      if (starts_with_ordinal (tok->text))
        break;
      g_string_append (label, tok->text);
    }
  return g_str_equal (label->str, canonical);
}

/* The row a label names: exactly, by a known old name, or — for the row expected next
 * in the table's order only — by its core (“（二）部分公开” without the note, “（1）属于国家秘密”). */
static Row *
find_row (Parser *p, GArray *rows, GPtrArray *tokens, guint at, NbTableId table, guint expected)
{
  const NbImportToken *tok = g_ptr_array_index (tokens, at);

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      if (g_str_equal (row->norm, tok->text))
        return row;
    }
  if (expected < rows->len && !g_array_index (rows, Row, expected).done)
    {
      Row *row = &g_array_index (rows, Row, expected);
      g_autofree char *core = label_core (tok->text);

      /* The first piece of a label wrapped in its cell, with the figures beside it; the
       * rest follows the figures (else the label is abridged: R-F-04). */
      if (g_utf8_strlen (tok->text, -1) >= 4 && g_str_has_prefix (row->norm, tok->text))
        {
          if (!label_completed (tokens, at, row->norm))
            {
              const NbCellDef *def = nb_format_cell (row->cells[0]);

              add_note (p, "R-F-04", def->key, tok->orig, def->row_label);
            }
          return row;
        }
      if (g_str_equal (core, row->core) || is_garbled (tok->text, row->norm))
        {
          const NbCellDef *def = nb_format_cell (row->cells[0]);

          add_note (p, "R-F-04", def->key, tok->orig, def->row_label);
          return row;
        }
    }
  /* Heads run into the label in flattened text (“…现行有效件数规章”, “…其他一、本年新收…”):
   * the longest label of the table the text ends with. */
  {
    Row *best = NULL;

    for (guint r = 0; r < rows->len; r++)
      {
        Row *row = &g_array_index (rows, Row, r);

        if (!row->done && g_str_has_suffix (tok->text, row->norm) &&
            (best == NULL || strlen (row->norm) > strlen (best->norm)))
          best = row;
      }
    if (best)
      return best;
  }
  if (table != NB_TABLE_S2)
    return NULL;
  for (guint v = 0; v < G_N_ELEMENTS (label_variants); v++)
    if (g_str_equal (tok->text, label_variants[v].variant))
      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = &g_array_index (rows, Row, r);

          if (g_str_equal (row->key, label_variants[v].row_key) && !row->done)
            {
              const NbCellDef *def = nb_format_cell (row->cells[0]);

              add_note (p, "R-F-04", def->key, tok->orig, def->row_label);
              return row;
            }
        }
  return NULL;
}

/* The 2019 single row （六）其他处理 (a remnant when it is the only marker). */
static const char *
remnant_marker (void)
{
  return nb_format_cell (nb_format_cell_index ("s3.oth_other.np"))->row_group;
}

/* p->legacy is kept NULL-terminated, to hand to nb_report_set_legacy_markers (). */
static void
add_legacy (Parser *p, const char *marker)
{
  if (!g_strv_contains ((const char *const *) p->legacy->pdata, marker))
    g_ptr_array_insert (p->legacy, p->legacy->len - 1, g_strdup (marker));
}

/* The 2019 single row （六）其他处理 has no cells in 2021: its figures stay as a note. */
static void
keep_single_row (Parser *p, const NbImportToken *label, GPtrArray *vals)
{
  g_autoptr(GString) figures = g_string_new (NULL);

  /* The figures, for table 三's column sums (the import note R-F-03, kept in the file). */
  for (guint v = 0; v < vals->len; v++)
    {
      const NbImportToken *tok = g_ptr_array_index (vals, v);

      g_string_append_printf (figures, v ? " %s" : "%s", tok->kind == NB_IMPORT_TOKEN_VALUE ? tok->text : "");
    }
  add_note (p, "R-F-03", "s3.oth", figures->str, remnant_marker ());
  if (p->s3_remnant == NULL)
    p->s3_remnant = g_string_new (NULL);
  /* The note is the importer's words: the format's label, whatever punctuation the source
   * printed (a half-width “(六)” here would be reported as the report's R-X-09). */
  g_string_append_printf (p->s3_remnant, "%s（未分列）：", remnant_marker ());
  for (guint v = 0; v < vals->len; v++)
    {
      const NbImportToken *tok = g_ptr_array_index (vals, v);

      g_string_append_printf (p->s3_remnant, v ? " %s" : "%s",
                              tok->kind == NB_IMPORT_TOKEN_VALUE ? tok->text : (tok->text ? tok->text : "—"));
    }
}

/* A label broken over lines of a PDF cell arrives in pieces, with the row's figures after
 * the first or a middle piece. A piece that opens no row (no ordinal, no label of its own)
 * and follows a label without figures continues it. */
static void
join_wrapped_labels (NbImportTokenStore *store, GPtrArray *tokens, GArray *rows)
{
  for (guint i = 0; i + 1 < tokens->len; i++)
    {
      NbImportToken *tok = g_ptr_array_index (tokens, i);
      NbImportToken *next = g_ptr_array_index (tokens, i + 1);
      gboolean own_label = FALSE;

      if (tok->kind != NB_IMPORT_TOKEN_LABEL || next->kind != NB_IMPORT_TOKEN_LABEL ||
          starts_with_ordinal (next->text))
        continue;
      for (guint r = 0; r < rows->len && !own_label; r++)
        own_label = g_str_equal (g_array_index (rows, Row, r).norm, next->text);
      if (own_label)
        continue;
      /* Only when the pieces together begin a label of the table: heads stay apart. */
      {
        g_autofree char *joined = g_strconcat (tok->text, next->text, NULL);
        gboolean prefix = FALSE;

        for (guint r = 0; r < rows->len && !prefix; r++)
          prefix = g_str_has_prefix (g_array_index (rows, Row, r).norm, joined);
        if (!prefix)
          continue;
        tok->text = nb_import_token_store_text (store, joined);
      }
      {
        g_autofree char *orig = g_strconcat (tok->orig ? tok->orig : "", next->orig ? next->orig : "", NULL);

        tok->orig = nb_import_token_store_text (store, orig);
      }
      g_ptr_array_remove_index (tokens, i + 1);
      i--;
    }
}

/* Table 二 and 三: each row by its label, then as many values as it has cells. */
static void
read_labelled_table (Parser *p, NbTableId table, NbImportTokenStore *store, GPtrArray *tokens)
{
  GArray *rows = table_rows (table);
  g_autofree char *other_results = NULL;
  gboolean six_with_values = FALSE;
  guint expected = 0;

  /* （六）其他处理 followed directly by values is the 2019 single row. */
  if (table == NB_TABLE_S3)
    other_results = nb_import_normalize (nb_format_cell (nb_format_cell_index ("s3.oth_other.np"))->row_group);

  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));

  join_wrapped_labels (store, tokens, rows);
  for (guint i = 0; i < tokens->len; i++)
    {
      NbImportToken *tok = g_ptr_array_index (tokens, i);
      g_autoptr(GPtrArray) vals = NULL;
      Row *row;

      if (tok->kind != NB_IMPORT_TOKEN_LABEL)
        continue;
      if (other_results && g_str_equal (tok->text, other_results))
        {
          g_autoptr(GPtrArray) after = values_after (tokens, i, NULL);

          if (after->len > 0 && !six_with_values)
            keep_single_row (p, tok, after);
          six_with_values |= after->len > 0;
          continue;
        }
      row = find_row (p, rows, tokens, i, table, expected);
      if (row == NULL || row->done)
        continue;
      vals = values_after (tokens, i, NULL);
      row->done = TRUE;
      expected = (row - &g_array_index (rows, Row, 0)) + 1;
      read_values (p, vals, row->cells, row->n_cells, table == NB_TABLE_S3 ? last_is_sum : NULL,
                   table == NB_TABLE_S3 ? pending : NULL);
    }
  resolve_by_columns (p, pending);
  /* （六）其他处理 with figures of its own and none of its three sub-rows: 2019. */
  if (six_with_values)
    {
      gboolean sub_rows = FALSE;

      for (guint r = 0; r < rows->len; r++)
        if (g_str_has_prefix (g_array_index (rows, Row, r).key, "oth_"))
          sub_rows |= g_array_index (rows, Row, r).done;
      if (!sub_rows)
        add_legacy (p, nb_format_cell (nb_format_cell_index ("s3.oth_other.np"))->row_group);
    }
  rows_free (rows);
}

/* Table 四 by position: the fifteen values after its last head (format.md §7.2). */
static void
read_positional_table (Parser *p, GPtrArray *tokens)
{
  const NbTableDef *def = nb_format_table (NB_TABLE_S4);
  int cells[32];
  int last_label = -1;
  g_autoptr(GPtrArray) vals = NULL;

  for (guint i = 0; i < tokens->len; i++)
    if (((NbImportToken *) g_ptr_array_index (tokens, i))->kind == NB_IMPORT_TOKEN_LABEL)
      last_label = i;
  if (last_label < 0)
    return;               /* without its heads, the numbers could be anything */
  vals = values_after (tokens, last_label, NULL);
  for (guint c = 0; c < def->n_cells; c++)
    cells[c] = def->first_cell + c;
  read_values (p, vals, cells, def->n_cells, groups_of_five, NULL);
}

static void
find_legacy_markers (Parser *p, GPtrArray *tokens)
{
  const char *const *markers = nb_format_legacy_markers ();

  for (guint m = 0; markers[m]; m++)
    {
      g_autofree char *marker = nb_import_normalize (markers[m]);

      for (guint i = 0; i < tokens->len; i++)
        {
          NbImportToken *tok = g_ptr_array_index (tokens, i);

          if (tok->kind == NB_IMPORT_TOKEN_LABEL && strstr (tok->text, marker))
            {
              add_legacy (p, markers[m]);
              break;
            }
        }
    }
}

static void
read_tables (Parser *p)
{
  static const NbTextField notes[] = { NB_TEXT_S2_NOTE, NB_TEXT_S3_NOTE, NB_TEXT_S4_NOTE };

  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *def = nb_format_table (t);
      const NbSectionDef *section = nb_format_section_by_id (def->section_id);
      guint s = section->number - 1;
      g_autoptr(GString) note = g_string_new (NULL);
      g_autoptr(NbImportTokenStore) store = NULL;
      g_autoptr(GPtrArray) tokens = NULL;

      if (p->heading[s] < 0)
        continue;
      store = nb_import_token_store_new ();
      tokens = table_tokens (p, s, store, note);
      find_legacy_markers (p, tokens);
      if (t == NB_TABLE_S4)
        read_positional_table (p, tokens);
      else
        read_labelled_table (p, t, store, tokens);
      if (t == NB_TABLE_S3 && p->s3_remnant)
        {
          if (note->len)
            g_string_append_c (note, '\n');
          g_string_append (note, p->s3_remnant->str);
        }
      nb_report_set_text (p->report, notes[t], note->str);
    }
}

/* ---- Entry points ---------------------------------------------------------------------------- */

static void
reset (NbImport *self)
{
  g_clear_pointer (&self->level_note, g_free);
  g_clear_object (&self->report);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  self->notes = g_ptr_array_new_with_free_func (note_free);
  memset (self->states, 0, nb_format_n_cells () * sizeof (NbImportCellState));
}

/* Reads @items, which are cut where a page flattened to text needs it (in place). */
static gboolean
parse_items (NbImport *self, NbImportItems *items, gboolean wrapped, GError **error)
{
  Parser p = { 0 };
  g_autoptr(GPtrArray) legacy = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint8 *chrome = NULL;
  gboolean ok;

  reset (self);
  nb_import_flat_items (items);
  p.self = self;
  p.items = items;
  chrome = p.chrome = g_new0 (guint8, nb_import_items_len (items));
  p.wrapped = wrapped;
  p.legacy = legacy;
  g_ptr_array_add (legacy, NULL);

  ok = find_sections (&p);
  if (!ok)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_A_REPORT,
                   _("No section of an annual report was found (一、总体情况 … 六、其他需要报告的事项)."));
      return FALSE;
    }

  self->report = p.report = nb_report_new ();
  read_front (&p);
  read_titles (&p);
  read_narratives (&p);
  read_tables (&p);
  if (p.s3_remnant)
    g_string_free (p.s3_remnant, TRUE);

  g_object_set_qdata_full (G_OBJECT (self->report), get_notes_quark (),
                           g_ptr_array_ref (self->notes), (GDestroyNotify) g_ptr_array_unref);

  for (guint c = 0; c < nb_format_n_cells (); c++)
    if (self->states[c] == NB_IMPORT_CELL_MISSING)
      nb_import_report_set_unread (self->report, c, TRUE);

  /* Only （六）其他处理 left from 2019: every other cell is read and checked (R-F-03). */
  if (legacy->len == 2 && g_str_equal (g_ptr_array_index (legacy, 0), remnant_marker ()))
    nb_report_set_legacy_markers (self->report, (const char *const *) legacy->pdata);
  else if (legacy->len > 1)
    {
      nb_report_set_legacy_markers (self->report, (const char *const *) legacy->pdata);
      /* The 2019 table 二 means something else: never carry its numbers over. */
      for (guint n = self->notes->len; n > 0; n--)
        if (g_str_has_prefix (((NbImportNote *) g_ptr_array_index (self->notes, n - 1))->where, "s2."))
          g_ptr_array_remove_index (self->notes, n - 1);
      {
        const NbTableDef *def = nb_format_table (NB_TABLE_S2);

        for (guint c = def->first_cell; c < def->first_cell + def->n_cells; c++)
          {
            nb_report_set_blank (self->report, c, NULL);
            self->states[c] = NB_IMPORT_CELL_MISSING;
          }
      }
      g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_LEGACY,
                           "表格使用的是2019年试行格式，请按《中华人民共和国政府信息公开工作年度报告格式》"
                           "（国办公开办函〔2021〕30号）重新填报。");
      return FALSE;
    }
  return TRUE;
}

/* The lines of a text; pages saved on Chinese systems are often GB18030 rather than UTF-8. */
static NbImportItems *
text_items (const char *text, gsize n)
{
  g_autofree char *converted = NULL;

  if (!g_utf8_validate (text, n, NULL))
    {
      gsize written = 0;

      converted = g_convert (text, n, "UTF-8", "GB18030", NULL, &written, NULL);
      if (converted)
        {
          text = converted;
          n = written;
        }
    }
  return nb_import_text_items (text, n);
}

/* The lines of a PDF's pages; none is a scan, whose text no reader can give. */
static NbImportItems *
pdf_items (GBytes *bytes, GError **error)
{
  g_autoptr(NbImportItems) items = nb_import_pdf_items (bytes, error);

  if (items != NULL && nb_import_items_len (items) == 0)
    {
      g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE,
                           _("The PDF has no text to read (it may be a scan): run text recognition (OCR) on it first."));
      return NULL;
    }
  return g_steal_pointer (&items);
}

gboolean
nb_import_read_text (NbImport *self, const char *text, gssize length, GError **error)
{
  g_autoptr(NbImportItems) items = NULL;

  g_return_val_if_fail (NB_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (text == NULL)
    text = "";
  items = text_items (text, length < 0 ? strlen (text) : (gsize) length);
  return parse_items (self, items, FALSE, error);
}

gboolean
nb_import_read_html (NbImport *self, const char *data, gsize length, GError **error)
{
  g_autoptr(NbImportItems) items = NULL;

  g_return_val_if_fail (NB_IS_IMPORT (self), FALSE);

  reset (self);
  items = nb_import_html_items (data, length, error);
  if (items == NULL)
    return FALSE;
  return parse_items (self, items, FALSE, error);
}

gboolean
nb_import_read_pdf (NbImport *self, GBytes *bytes, GError **error)
{
  g_autoptr(NbImportItems) items = NULL;

  g_return_val_if_fail (NB_IS_IMPORT (self), FALSE);

  reset (self);
  items = pdf_items (bytes, error);
  if (items == NULL)
    return FALSE;
  return parse_items (self, items, TRUE, error);
}

static NbImportKind
sniff (const char *data, gsize length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 2048));

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return NB_IMPORT_PDF;
  if (strstr (head, "<html") || strstr (head, "<!doctype html") || strstr (head, "<table") ||
      strstr (head, "<body") || strstr (head, "<p>") || strstr (head, "<div"))
    return NB_IMPORT_HTML;
  return NB_IMPORT_TEXT;
}

/* Reads @bytes (taken): they are let go once read into items, before the parse, so that
 * a file's bytes and its items are never held with what the parse makes of them. */
static gboolean
read_owned_bytes (NbImport *self, GBytes *bytes, NbImportKind kind, GError **error)
{
  g_autoptr(NbImportItems) items = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean wrapped = FALSE;

  reset (self);
  if (data == NULL)
    data = "";
  if (kind == NB_IMPORT_AUTO)
    kind = sniff (data, length);
  switch (kind)
    {
    case NB_IMPORT_PDF:
      items = pdf_items (bytes, error);
      wrapped = TRUE;
      break;
    case NB_IMPORT_HTML:
      items = nb_import_html_items (data, length, error);
      break;
    case NB_IMPORT_TEXT:
    case NB_IMPORT_AUTO:
    default:
      if (memchr (data, '\0', length))
        g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE,
                             _("The file is not text, HTML or PDF and cannot be read."));
      else
        items = text_items (data, length);
      break;
    }
  g_bytes_unref (bytes);
  if (items == NULL)
    return FALSE;
  return parse_items (self, items, wrapped, error);
}

gboolean
nb_import_read_bytes (NbImport *self, GBytes *bytes, NbImportKind kind, GError **error)
{
  g_return_val_if_fail (NB_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return read_owned_bytes (self, g_bytes_ref (bytes), kind, error);
}

gboolean
nb_import_read_file (NbImport *self, GFile *file, NbImportKind kind, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Regular files only, bounded: a FIFO or /dev/zero is refused at once. */
  bytes = nb_safe_file_read (file, kind == NB_IMPORT_PDF || kind == NB_IMPORT_AUTO
                                   ? NB_SAFE_FILE_MAX_PDF : NB_SAFE_FILE_MAX_TEXT,
                             cancellable, error);
  if (bytes == NULL)
    return FALSE;
  if (g_bytes_get_size (bytes) > NB_SAFE_FILE_MAX_TEXT &&
      sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) != NB_IMPORT_PDF)
    {
      nb_safe_file_set_too_large (error, g_bytes_get_size (bytes), NB_SAFE_FILE_MAX_TEXT);
      return FALSE;
    }
  return read_owned_bytes (self, g_steal_pointer (&bytes), kind, error);
}

NbReport *
nb_import_get_report (NbImport *self)
{
  g_return_val_if_fail (NB_IS_IMPORT (self), NULL);
  return self->report;
}

NbImportCellState
nb_import_get_cell_state (NbImport *self, guint cell)
{
  g_return_val_if_fail (NB_IS_IMPORT (self), NB_IMPORT_CELL_MISSING);
  g_return_val_if_fail (cell < nb_format_n_cells (), NB_IMPORT_CELL_MISSING);
  return self->states[cell];
}

guint
nb_import_count (NbImport *self, NbImportCellState state)
{
  guint n = 0;

  g_return_val_if_fail (NB_IS_IMPORT (self), 0);
  if (self->report == NULL)
    return 0;
  for (guint i = 0; i < nb_format_n_cells (); i++)
    n += self->states[i] == state;
  return n;
}

GPtrArray *
nb_import_get_notes (NbImport *self)
{
  g_return_val_if_fail (NB_IS_IMPORT (self), NULL);
  return self->notes;
}

GPtrArray *
nb_import_report_notes (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return g_object_get_qdata (G_OBJECT (report), get_notes_quark ());
}

void
nb_import_report_add_note (NbReport *report, const char *rule, const char *where, const char *actual,
                           const char *canonical)
{
  GPtrArray *notes;
  NbImportNote *note;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (rule != NULL && where != NULL);
  notes = nb_import_report_notes (report);
  if (notes == NULL)
    {
      notes = g_ptr_array_new_with_free_func (note_free);
      g_object_set_qdata_full (G_OBJECT (report), get_notes_quark (), notes, (GDestroyNotify) g_ptr_array_unref);
    }
  note = g_new0 (NbImportNote, 1);
  note->rule = g_intern_string (rule);
  note->where = g_strdup (where);
  note->actual = g_strdup (actual);
  note->canonical = g_strdup (canonical);
  g_ptr_array_add (notes, note);
}

static GQuark
get_unread_quark (void)
{
  return g_quark_from_static_string ("nb-import-unread");
}

gboolean
nb_import_report_unread (NbReport *report, guint cell)
{
  const guint8 *unread;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (cell < nb_format_n_cells (), FALSE);
  unread = g_object_get_qdata (G_OBJECT (report), get_unread_quark ());
  return unread && unread[cell] && nb_report_get_cell (report, cell)->state == NB_CELL_BLANK;
}

void
nb_import_report_set_unread (NbReport *report, guint cell, gboolean value)
{
  guint8 *unread;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (cell < nb_format_n_cells ());
  unread = g_object_get_qdata (G_OBJECT (report), get_unread_quark ());
  if (unread == NULL)
    {
      if (!value)
        return;
      unread = g_new0 (guint8, nb_format_n_cells ());
      g_object_set_qdata_full (G_OBJECT (report), get_unread_quark (), unread, g_free);
    }
  unread[cell] = value != FALSE;
}

char *
nb_import_cell_name (guint cell)
{
  g_return_val_if_fail (cell < nb_format_n_cells (), NULL);
  return nb_check_cell_name (cell);
}

const char *
nb_import_get_level_note (NbImport *self)
{
  g_return_val_if_fail (NB_IS_IMPORT (self), NULL);
  return self->level_note;
}

char *
nb_import_note_describe (const NbImportNote *note)
{
  g_return_val_if_fail (note != NULL, NULL);
  if (g_str_equal (note->rule, "R-F-06"))
    return g_strdup_printf (_("Cell %s printed as “%s”, read as %s (%s)"), note->where, note->actual,
                            note->canonical ? note->canonical : "", note->rule);
  if (g_str_equal (note->rule, "R-F-03"))
    return g_strdup_printf (_("“%s” printed as one row without its three sub-rows (2019 layout): %s, kept as a note (%s)"),
                            note->canonical ? note->canonical : "", note->actual, note->rule);
  return g_strdup_printf (_("Label “%s” read as “%s” (%s)"), note->actual,
                          note->canonical ? note->canonical : "", note->rule);
}
