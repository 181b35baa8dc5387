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

static char *
page_text (PopplerPage *page)
{
  g_autoptr(GArray) glyphs = page_glyphs (page);
  g_autoptr(GArray) lines = page_lines (glyphs);
  GString *out = g_string_new (NULL);

  for (guint l = 0; l < lines->len; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);
      Glyph *first = &g_array_index (glyphs, Glyph, line->first);

      qsort (first, line->n, sizeof (Glyph), by_x);
      for (guint i = 0; i < line->n; i++)
        {
          const Glyph *g = first + i;

          if (i > 0)
            {
              double gap = g->x1 - first[i - 1].x2;

              /* Wider than a character: another cell. Between two Latin letters or digits
               * a narrower gap is still a word space (“10 1” are two numbers). */
              if (gap > 0.9 * line->h)
                g_string_append_c (out, '\t');
              else if (gap > 0.15 * line->h && is_latin (g->c) && is_latin (first[i - 1].c))
                g_string_append_c (out, ' ');
            }
          g_string_append_unichar (out, g->c);
        }
      g_string_append_c (out, '\n');
    }
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
