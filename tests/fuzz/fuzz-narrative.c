/* fuzz-narrative.c — the extractor of figures from prose as a fuzz target
 *
 * Every figure's span lies in the text on character boundaries, inside its clause, inside
 * its sentence; paragraphs are ordered and within the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "nb-narrative.h"

static void
fail (const char *what, int start, int end)
{
  g_printerr ("fuzz-narrative: %s [%d, %d)\n", what, start, end);
  abort ();
}

static gboolean
on_boundary (const char *text, int length, int offset)
{
  return offset >= 0 && offset <= length && (offset == length || (text[offset] & 0xC0) != 0x80);
}

int
nb_fuzz_narrative (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, (gssize) size);
  int length = (int) strlen (text);
  g_autoptr(GArray) figures = nb_narrative_figures (text, 0, length);
  g_autoptr(GArray) paragraphs = nb_narrative_paragraphs (text);
  gint64 value;

  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);

      if (!on_boundary (text, length, f->start) || !on_boundary (text, length, f->end) ||
          f->start >= f->end)
        fail ("a figure's span is not in the text", f->start, f->end);
      if (f->clause_start > f->start || f->clause_end < f->end ||
          f->sentence_start > f->clause_start || f->sentence_end < f->clause_end)
        fail ("a figure is not inside its clause and sentence", f->start, f->end);
      if (f->unit >= NB_N_FIGURE_UNITS)
        fail ("a figure has no unit", f->start, f->end);
    }
  for (guint i = 0; i + 1 < paragraphs->len; i += 2)
    {
      int start = g_array_index (paragraphs, int, i), end = g_array_index (paragraphs, int, i + 1);

      if (start < 0 || end < start || end > length)
        fail ("a paragraph is not in the text", start, end);
    }
  nb_narrative_parse_chinese (text, MIN ((gsize) length, 64), &value);
  return 0;
}

NB_FUZZ_ENTRY (nb_fuzz_narrative)
