/* nb-import-text.c — text copied from a report's web page: one item per line
 *
 * The bars of flattened tables stay in the lines; the parser reads them where it finds a
 * table (format.md §7.3). Empty lines carry nothing: paragraphs are lines already.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-import-private.h"

#include <string.h>

NbImportItems *
nb_import_text_items (const char *text, gssize length)
{
  NbImportItems *items = nb_import_items_new ();
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  const char *line = text;

  /* A byte-order mark is no text. */
  if (end - line >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
    line += 3;
  while (line < end)
    {
      const char *stop = memchr (line, '\n', end - line);
      const char *next = stop ? stop + 1 : end;

      if (stop == NULL)
        stop = end;
      if (stop > line && stop[-1] == '\r')
        stop--;
      if (stop > line)
        nb_import_items_add (items, line, stop - line, FALSE);
      line = next;
    }
  nb_import_items_drop_empty_lines (items);
  return items;
}
