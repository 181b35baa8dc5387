/* nb-import-pdf.c — a published PDF, through poppler-glib
 *
 * Poppler gives each page's text in reading order, a line per printed line. Page footers
 * (“-1-”, “— 2 —”, “第3页”, “3/12”) and running heads repeated on most pages are dropped;
 * the parser joins the broken lines of a paragraph and reads table rows as
 * whitespace-separated cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-import-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "nb-pdf-text.h"

static gboolean
is_page_footer (const char *line)
{
  g_autoptr(GRegex) footer = g_regex_new ("^\\s*(?:[-—–－]\\s*\\d+\\s*[-—–－]|第\\s*\\d+\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?|"
                                          "\\d+\\s*/\\s*\\d+)\\s*$", 0, 0, NULL);

  return g_regex_match (footer, line, 0, NULL);
}

/* How many lines at the top and at the bottom of a page may be a running head or foot. */
#define MARGIN_LINES 3

/* A row of figures is content even when two pages happen to start with the same one. */
static gboolean
is_figures (const char *line)
{
  for (const char *c = line; *c; c++)
    if (!g_ascii_isdigit (*c) && !g_ascii_isspace (*c) && *c != '.' && *c != ',')
      return FALSE;
  return TRUE;
}

/* The non-empty lines of each page, footers dropped. */
static GPtrArray *
page_lines (char **texts)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; texts[i]; i++)
    {
      GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) split = g_strsplit (texts[i], "\n", -1);

      g_ptr_array_add (pages, lines);
      for (guint l = 0; split[l]; l++)
        {
          /* Trailing tabs stay: they are the empty cells at the end of a table row. */
          g_strchug (split[l]);
          for (gsize n = strlen (split[l]); n > 0 && g_ascii_isspace (split[l][n - 1]) && split[l][n - 1] != '\t'; n--)
            split[l][n - 1] = '\0';
          if (split[l][0] != '\0' && !is_page_footer (split[l]))
            g_ptr_array_add (lines, g_strdup (split[l]));
        }
    }
  return pages;
}

/* Whether line @l of a page is in its top or bottom margin. */
static gboolean
in_margin (GPtrArray *lines, guint l)
{
  return l < MARGIN_LINES || l + MARGIN_LINES >= lines->len;
}

NbImportItems *
nb_import_pdf_items (GBytes *bytes, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) texts = nb_pdf_text_pages (bytes, &local);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GHashTable) margins = NULL;
  NbImportItems *items;

  if (texts == NULL)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE, _("The PDF could not be read: %s"), local->message);
      return NULL;
    }
  pages = page_lines (texts);

  /* A running head or foot (“重庆市黔江区人民政府   2024年政府信息公开工作年度报告”) is the
   * same text in the margin of most pages: no title, no paragraph, no cell. */
  margins = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < pages->len; i++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint l = 0; l < lines->len; l++)
        {
          const char *line = g_ptr_array_index (lines, l);

          if (!in_margin (lines, l) || is_figures (line) || !g_hash_table_add (seen, (gpointer) line))
            continue;
          g_hash_table_insert (margins, (gpointer) line,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (margins, line)) + 1));
        }
    }

  items = nb_import_items_new ();
  for (guint i = 0; i < pages->len; i++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, i);

      for (guint l = 0; l < lines->len; l++)
        {
          const char *line = g_ptr_array_index (lines, l);
          guint pages_with = GPOINTER_TO_UINT (g_hash_table_lookup (margins, line));

          if (in_margin (lines, l) && pages->len >= 2 && pages_with >= 2 && pages_with * 2 >= pages->len)
            continue;
          nb_import_items_add (items, line, -1, FALSE);
        }
    }
  return items;
}
