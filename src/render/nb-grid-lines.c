/* nb-grid-lines.c — Chinese line breaking for the grid paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-grid-lines.h"

/* Room for rounding: Pango positions in 1/1024 pt. */
#define SLACK 0.25

/* Full-width closing marks whose glyph sits in the left half of the em: the right half
 * may go (GB/T 15834 style, marks at the bottom left). */
static gboolean
is_compressible_closing (gunichar c)
{
  return c != 0 && g_utf8_strchr ("，。、；：）》〉」』】〕”’", -1, c) != NULL;
}

static gboolean
is_compressible_opening (gunichar c)
{
  return c != 0 && g_utf8_strchr ("（《〈「『【〔“‘", -1, c) != NULL;
}

gboolean
nb_grid_lines_is_closing (gunichar c)
{
  return is_compressible_closing (c) ||
         (c != 0 && g_utf8_strchr ("？！…—·%‰℃,.;:!?)]}", -1, c) != NULL);
}

gboolean
nb_grid_lines_is_opening (gunichar c)
{
  return is_compressible_opening (c) || c == '(' || c == '[' || c == '{';
}

/* Letters, digits and the marks inside numbers and addresses: a run of them is a word. */
static gboolean
is_latin (gunichar c)
{
  return c > ' ' && c < 0x7F;
}

static gboolean
is_punctuation (gunichar c)
{
  return nb_grid_lines_is_closing (c) || nb_grid_lines_is_opening (c) || g_unichar_ispunct (c) ||
         g_unichar_isspace (c);
}

/* May a line start at character @i? */
static gboolean
can_break (const gunichar *c, guint n, guint i)
{
  if (i == 0 || i >= n)
    return FALSE;
  if (g_unichar_isspace (c[i - 1]))
    return TRUE;
  if (nb_grid_lines_is_closing (c[i]) || nb_grid_lines_is_opening (c[i - 1]))
    return FALSE;
  if (is_latin (c[i - 1]) && is_latin (c[i]))
    return FALSE;
  return TRUE;
}

/* The width of characters [from, to) as set on a line that starts at @from. */
static double
span_width (const gunichar *c, const double *widths, const double *halves, const gboolean *halt,
            guint from, guint to)
{
  double x = 0;

  for (guint i = from; i < to; i++)
    x += halt[i] || (i == from && is_compressible_opening (c[i])) ? halves[i] : widths[i];
  return x;
}

GArray *
nb_grid_lines_compute (const char *text, const double *widths, const double *halves,
                       double width, double indent, gboolean *halt)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  glong n = 0;
  g_autofree gunichar *c = g_utf8_to_ucs4_fast (text, -1, &n);
  double em = 0;
  guint start = 0;

  for (glong i = 0; i < n; i++)
    em = MAX (em, widths[i]);
  /* Two adjacent full-width marks: the closing one of the pair takes half width. Only
   * closing marks are compressed inside a line: a half-width opening mark is drawn half
   * an em to the left of its pen position, on top of the mark before it, and text
   * extraction (pdftotext, copy and paste) then reads the two out of order. */
  for (glong i = 0; i + 1 < n; i++)
    if (is_compressible_closing (c[i]) &&
        (is_compressible_closing (c[i + 1]) || is_compressible_opening (c[i + 1])))
      halt[i] = TRUE;

  g_array_append_val (starts, start);
  while (start < (guint) n)
    {
      double room = width - (starts->len == 1 ? indent : 0);
      double x = 0;
      guint i = start, end;

      for (; i < (guint) n; i++)
        {
          double w = span_width (c, widths, halves, halt, start, i + 1) - x;

          if (x + w > room + SLACK)
            break;
          x += w;
        }
      if (i >= (guint) n)
        break;
      /* The last allowed break at or before the first character that did not fit. */
      end = i;
      while (end > start && !can_break (c, (guint) n, end))
        end--;
      if (end == start)
        end = MAX (i, start + 1);       /* one unbreakable word longer than a line */

      g_array_append_val (starts, end);
      start = end;
    }

  /* A last line of one character (punctuation aside): pull one down from the line before. */
  if (starts->len >= 2)
    {
      int last = g_array_index (starts, int, starts->len - 1);
      int before = g_array_index (starts, int, starts->len - 2);
      guint letters = 0;

      for (glong i = last; i < n; i++)
        letters += !is_punctuation (c[i]);
      if (letters < 2)
        for (int at = last - 1; at > before + 1; at--)
          {
            guint moved = 0;

            for (glong i = at; i < n; i++)
              moved += !is_punctuation (c[i]);
            if (moved >= 2 && can_break (c, (guint) n, (guint) at))
              {
                g_array_index (starts, int, starts->len - 1) = at;
                break;
              }
          }
    }
  /* An opening mark that starts a line is set flush: half width. */
  for (guint l = 0; l < starts->len; l++)
    {
      int at = g_array_index (starts, int, l);

      if (at < n && is_compressible_opening (c[at]))
        halt[at] = TRUE;
    }
  return starts;
}

/* Adds 'halt' (half-width forms) over the character at @at of @text. */
static void
add_halt (PangoAttrList *attrs, const char *text, const char *at)
{
  PangoAttribute *attr = pango_attr_font_features_new ("halt");

  attr->start_index = (guint) (at - text);
  attr->end_index = (guint) (g_utf8_next_char (at) - text);
  pango_attr_list_insert (attrs, attr);
}

/* How much narrower a full-width mark is with 'halt' in @paragraph's font: half an em,
 * or 0 when the font has no such feature (then nothing is compressed). Measured on one
 * mark: Pango 1.50 writes the font features of an item into a fixed array of 32 and
 * overflows it when many 'halt' ranges meet in one item. */
static double
halt_saving (PangoLayout *paragraph)
{
  g_autoptr(PangoLayout) mark = pango_layout_copy (paragraph);
  PangoAttrList *base = pango_layout_get_attributes (paragraph);
  g_autoptr(PangoAttrList) attrs = base ? pango_attr_list_copy (base) : pango_attr_list_new ();
  int full, half;

  pango_layout_set_width (mark, -1);
  pango_layout_set_indent (mark, 0);
  pango_layout_set_text (mark, "，", -1);
  pango_layout_set_attributes (mark, NULL);
  pango_layout_get_size (mark, &full, NULL);
  add_halt (attrs, "，", "，");
  pango_layout_set_attributes (mark, attrs);
  pango_layout_get_size (mark, &half, NULL);
  return (double) MAX (full - half, 0) / PANGO_SCALE;
}

/* The advance of each character of @layout laid out on one line, in points. */
static double *
char_widths (PangoLayout *layout, guint n)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  double *widths = g_new0 (double, n + 1);

  for (GSList *l = line ? line->runs : NULL; l; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      glong first = g_utf8_pointer_to_offset (text, text + run->item->offset);
      g_autofree int *logical = g_new0 (int, run->item->num_chars);

      pango_glyph_item_get_logical_widths (run, text, logical);
      for (int i = 0; i < run->item->num_chars && first + i < (glong) n; i++)
        widths[first + i] = (double) logical[i] / PANGO_SCALE;
    }
  return widths;
}

/* The attributes of @attrs over bytes [from, to), moved to start at 0. Not
 * pango_attr_list_update (): it leaves the attributes of the removed text behind as empty
 * ranges at 0, and Pango 1.50 overflows a fixed array of font features when many of them
 * meet in one item. */
static PangoAttrList *
line_attrs (PangoAttrList *attrs, guint from, guint to)
{
  PangoAttrList *out = pango_attr_list_new ();
  GSList *list = pango_attr_list_get_attributes (attrs);

  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->end_index > from && attr->start_index < to)
        {
          PangoAttribute *copy = pango_attribute_copy (attr);

          copy->start_index = attr->start_index > from ? attr->start_index - from : 0;
          copy->end_index = attr->end_index == G_MAXUINT ? G_MAXUINT : MIN (attr->end_index, to) - from;
          pango_attr_list_insert (out, copy);
        }
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return out;
}

GPtrArray *
nb_grid_lines_break (PangoLayout *paragraph)
{
  const char *text = pango_layout_get_text (paragraph);
  guint n = (guint) g_utf8_strlen (text, -1);
  double width = (double) pango_layout_get_width (paragraph) / PANGO_SCALE;
  double indent = (double) pango_layout_get_indent (paragraph) / PANGO_SCALE;
  PangoAttrList *base = pango_layout_get_attributes (paragraph);
  double saving = halt_saving (paragraph);
  g_autoptr(PangoAttrList) attrs = base ? pango_attr_list_copy (base) : pango_attr_list_new ();
  g_autoptr(PangoLayout) flat = pango_layout_copy (paragraph);
  g_autofree double *widths = NULL;
  g_autofree double *halves = g_new0 (double, n + 1);
  g_autofree gboolean *halt = g_new0 (gboolean, n + 1);
  g_autoptr(GArray) starts = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);
  guint i = 0;

  /* Each character's advance on one unbroken line, as set and at half width (the same
   * when the font has no 'halt' feature: then nothing is compressed). */
  pango_layout_set_width (flat, -1);
  pango_layout_set_indent (flat, 0);
  widths = char_widths (flat, n);
  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    halves[i] = widths[i] - (is_compressible_closing (g_utf8_get_char (p)) ||
                             is_compressible_opening (g_utf8_get_char (p)) ? saving : 0);
  starts = nb_grid_lines_compute (text, widths, halves, width, indent, halt);
  i = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    if (halt[i])
      add_halt (attrs, text, p);

  for (guint l = 0; l < starts->len; l++)
    {
      int first = g_array_index (starts, int, l);
      int end = l + 1 < starts->len ? g_array_index (starts, int, l + 1) : (int) n;
      const char *from = g_utf8_offset_to_pointer (text, first);
      const char *to = g_utf8_offset_to_pointer (text, end);
      g_autofree char *part = g_strndup (from, (gsize) (to - from));
      g_autoptr(PangoAttrList) shifted = line_attrs (attrs, (guint) (from - text), (guint) (to - text));
      PangoLayout *line = pango_layout_copy (paragraph);
      gboolean last = l + 1 == starts->len;

      pango_layout_set_text (line, part, -1);
      pango_layout_set_attributes (line, shifted);
      pango_layout_set_indent (line, 0);
      pango_layout_set_width (line, (int) ((width - (l == 0 ? indent : 0)) * PANGO_SCALE));
      pango_layout_set_justify (line, !last);
      pango_layout_set_justify_last_line (line, !last);
      /* Measured on one line, the line fits; should Pango still wrap it (rounding), it
       * is drawn unwrapped rather than losing text. */
      if (pango_layout_get_line_count (line) > 1)
        pango_layout_set_width (line, -1);
      g_ptr_array_add (lines, line);
    }
  return lines;
}
