/* nb-pdf-text-module.c — the module that reads PDF pages with poppler-glib
 *
 * Loaded by nb-pdf-text.c; see nb-pdf-text.h for why it is a module.
 *
 * A PDF made from Word or WPS draws every table cell as glyphs at a position; poppler's text
 * flow mixes the cells of a row with the wrapped lines of its label. So the lines are
 * rebuilt here from each glyph's box: glyphs whose vertical centres agree form a line, read
 * left to right; a gap wider than a character separates cells (a tab); the spaces a PDF
 * puts between digits and Chinese (“2024 年”) are no gap and disappear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-pdf-text.h"

#include <gmodule.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>

G_MODULE_EXPORT char **nb_pdf_text_module_pages (GBytes *bytes, GError **error);

typedef struct {
  double   x1, x2, yc, h;
  gunichar c;
} Glyph;

typedef struct {
  guint  first, n;              /* glyphs of the line, in the page's array */
  double yc, h;
} Line;

static int
by_centre (const void *a, const void *b)
{
  const Glyph *g = a, *h = b;

  return (g->yc > h->yc) - (g->yc < h->yc);
}

static int
by_x (const void *a, const void *b)
{
  const Glyph *g = a, *h = b;

  return (g->x1 > h->x1) - (g->x1 < h->x1);
}

static gboolean
is_latin (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

/* The page's glyphs with their boxes; white space carries no position worth keeping. */
static GArray *
page_glyphs (PopplerPage *page)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  guint i = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    {
      g_free (rects);
      return glyphs;
    }
  for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph g;

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      g.x1 = MIN (rects[i].x1, rects[i].x2);
      g.x2 = MAX (rects[i].x1, rects[i].x2);
      g.h = fabs (rects[i].y2 - rects[i].y1);
      g.yc = (rects[i].y1 + rects[i].y2) / 2;
      g.c = c;
      if (g.h <= 0)
        g.h = 1;
      g_array_append_val (glyphs, g);
    }
  g_free (rects);
  return glyphs;
}

/* Glyphs into lines: a glyph joins the line whose centre is within a third of a glyph's
 * height; digits in another font sit a little higher or lower than the Chinese. */
static GArray *
page_lines (GArray *glyphs)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));

  if (glyphs->len > 1)
    qsort (glyphs->data, glyphs->len, sizeof (Glyph), by_centre);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      Line *line = lines->len ? &g_array_index (lines, Line, lines->len - 1) : NULL;

      if (line && fabs (g->yc - line->yc) <= 0.35 * MAX (g->h, line->h))
        {
          line->yc = (line->yc * line->n + g->yc) / (line->n + 1);
          line->h = MAX (line->h, g->h);
          line->n++;
          continue;
        }
      g_array_append_val (lines, ((Line) { i, 1, g->yc, g->h }));
    }
  return lines;
}

/* A run of glyphs without a wide gap: one cell of a table, or a piece of a line. */
typedef struct {
  guint    line;
  double   x1, x2;
  gboolean figure;              /* digits (and . , -) only */
  GString *text;
} Segment;

static gboolean
is_figure (const char *text)
{
  for (const char *c = text; *c; c++)
    if (!g_ascii_isdigit (*c) && *c != '.' && *c != ',' && *c != '-')
      return FALSE;
  return text[0] != '\0';
}

/* The segments of each line, left to right. */
static GArray *
page_segments (GArray *glyphs, GArray *lines)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  for (guint l = 0; l < lines->len; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);
      Glyph *first = &g_array_index (glyphs, Glyph, line->first);
      Segment *seg = NULL;

      qsort (first, line->n, sizeof (Glyph), by_x);
      for (guint i = 0; i < line->n; i++)
        {
          const Glyph *g = first + i;
          double gap = i ? g->x1 - first[i - 1].x2 : 0;

          /* Wider than a character: another cell. Between two Latin letters or digits a
           * narrower gap is still a word space (“10 1” are two numbers). */
          if (seg == NULL || gap > 0.9 * line->h)
            {
              g_array_append_val (segments, ((Segment) { l, g->x1, g->x2, FALSE, g_string_new (NULL) }));
              seg = &g_array_index (segments, Segment, segments->len - 1);
            }
          else if (gap > 0.15 * line->h && is_latin (g->c) && is_latin (first[i - 1].c))
            g_string_append_c (seg->text, ' ');
          g_string_append_unichar (seg->text, g->c);
          seg->x2 = g->x2;
        }
    }
  for (guint i = 0; i < segments->len; i++)
    {
      Segment *seg = &g_array_index (segments, Segment, i);

      seg->figure = is_figure (seg->text->str);
    }
  return segments;
}

/* The figures of line @l, as indexes into @segments. */
static GArray *
line_figures (GArray *segments, guint l)
{
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *seg = &g_array_index (segments, Segment, i);

      if (seg->line == l && seg->figure)
        g_array_append_val (figures, i);
    }
  return figures;
}

/* A table row with an empty cell has fewer figures than its neighbours. The columns are
 * those of the nearest row above or below with one or two more figures, each of this
 * row's figures under one of them: the missing positions become empty cells, so that every figure is
 * read in its column. Without such a row, nothing is added (and the row is not guessed). */
static GArray *
row_columns (GArray *segments, guint n_lines, guint l, GArray *figures)
{
  for (guint d = 1; d <= 12; d++)
    for (int side = -1; side <= 1; side += 2)
      {
        int m = (int) l + side * (int) d;
        g_autoptr(GArray) other = NULL;
        guint matched = 0;

        if (m < 0 || m >= (int) n_lines)
          continue;
        other = line_figures (segments, m);
        /* A row misses a cell or two; a row with many more figures is another table's. */
        if (other->len <= figures->len || other->len > figures->len + 2)
          continue;
        for (guint i = 0, j = 0; i < figures->len && j < other->len; j++)
          {
            const Segment *a = &g_array_index (segments, Segment, g_array_index (figures, guint, i));
            const Segment *b = &g_array_index (segments, Segment, g_array_index (other, guint, j));
            double ca = (a->x1 + a->x2) / 2;

            if (ca >= b->x1 - 6 && ca <= b->x2 + 6)
              matched++, i++;
          }
        if (matched == figures->len)
          return g_steal_pointer (&other);
      }
  return NULL;
}

static char *
page_text (PopplerPage *page)
{
  g_autoptr(GArray) glyphs = page_glyphs (page);
  g_autoptr(GArray) lines = page_lines (glyphs);
  g_autoptr(GArray) segments = page_segments (glyphs, lines);
  GString *out = g_string_new (NULL);
  guint s = 0;

  for (guint l = 0; l < lines->len; l++)
    {
      g_autoptr(GArray) figures = line_figures (segments, l);
      g_autoptr(GArray) columns = figures->len >= 2 ? row_columns (segments, lines->len, l, figures) : NULL;
      guint next_column = 0;
      gboolean first = TRUE;

      for (; s < segments->len && g_array_index (segments, Segment, s).line == l; s++)
        {
          Segment *seg = &g_array_index (segments, Segment, s);

          /* Empty cells for the columns this row skips before this figure. */
          if (columns && seg->figure)
            {
              double c = (seg->x1 + seg->x2) / 2;

              while (next_column < columns->len)
                {
                  const Segment *col = &g_array_index (segments, Segment, g_array_index (columns, guint, next_column));

                  next_column++;
                  if (c >= col->x1 - 6 && c <= col->x2 + 6)
                    break;
                  g_string_append_c (out, '\t');
                }
            }
          if (!first)
            g_string_append_c (out, '\t');
          g_string_append (out, seg->text->str);
          first = FALSE;
        }
      /* and after the last one */
      for (; columns && next_column < columns->len; next_column++)
        g_string_append_c (out, '\t');
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < segments->len; i++)
    g_string_free (g_array_index (segments, Segment, i).text, TRUE);
  return g_string_free (out, FALSE);
}

char **
nb_pdf_text_module_pages (GBytes *bytes, GError **error)
{
  /* Poppler 22.12 (Debian 12) has no g_autoptr support: unref by hand. */
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, error);
  GPtrArray *pages;

  if (doc == NULL)
    return NULL;
  pages = g_ptr_array_new ();
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      char *text = page ? page_text (page) : NULL;

      g_clear_object (&page);
      g_ptr_array_add (pages, text ? text : g_strdup (""));
    }
  g_object_unref (doc);
  g_ptr_array_add (pages, NULL);
  return (char **) g_ptr_array_free (pages, FALSE);
}
