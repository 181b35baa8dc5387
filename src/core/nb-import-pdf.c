/* nb-import-pdf.c — a published PDF, through poppler-glib
 *
 * Poppler gives each page's text in reading order, a line per printed line. Page footers
 * (“-1-”, “— 2 —”, “第3页”, “3/12”) are dropped; the parser joins the broken lines of a
 * paragraph and reads table rows as whitespace-separated cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-import-private.h"

#include <glib/gi18n-lib.h>

#include <poppler.h>
#include <string.h>

static gboolean
is_page_footer (const char *line)
{
  g_autoptr(GRegex) footer = g_regex_new ("^\\s*(?:[-—–－]\\s*\\d+\\s*[-—–－]|第\\s*\\d+\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?|"
                                          "\\d+\\s*/\\s*\\d+)\\s*$", 0, 0, NULL);

  return g_regex_match (footer, line, 0, NULL);
}

GPtrArray *
nb_import_pdf_items (GBytes *bytes, GError **error)
{
  g_autoptr(GError) local = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  GPtrArray *items;
  int n_pages;

  if (doc == NULL)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE, _("The PDF could not be read: %s"), local->message);
      return NULL;
    }
  items = nb_import_items_new ();
  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = page ? poppler_page_get_text (page) : NULL;
      g_auto(GStrv) lines = NULL;

      if (text == NULL)
        {
          g_clear_object (&page);
          continue;
        }
      g_clear_object (&page);
      lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l]; l++)
        {
          g_strstrip (lines[l]);
          if (lines[l][0] == '\0' || is_page_footer (lines[l]))
            continue;
          nb_import_items_add (items, lines[l], -1, FALSE);
        }
    }
  g_object_unref (doc);
  return items;
}
