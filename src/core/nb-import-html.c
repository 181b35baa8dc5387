/* nb-import-html.c — the HTML of a report's web page, through libxml2's HTML parser
 *
 * Block elements (p, div, h1…h6, li, br) end a line; table cells become cell items in
 * document order, whatever their rowspan and colspan, so that the parser meets them in
 * the order the flattened text has them. &nbsp; in a cell is an empty cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-import-private.h"

#include <glib/gi18n-lib.h>

#include <libxml/HTMLparser.h>
#include <string.h>

static gboolean
is_block (const char *name)
{
  static const char *const blocks[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "header", "footer", "blockquote", "pre", "center", "tr", "table", "tbody", "thead",
    "caption", "dd", "dt", "dl", "hr", "body", "form", NULL
  };

  return g_strv_contains (blocks, name);
}

static gboolean
is_skipped (const char *name)
{
  static const char *const skipped[] = { "script", "style", "head", "noscript", "template", "title", NULL };

  return g_strv_contains (skipped, name);
}

/* A cell used for page layout holds a table, a heading or several paragraphs: walk it,
 * don't flatten it. One paragraph in a cell (<td><p>0</p></td>) is still a cell. */
static guint
count_blocks (xmlNode *node, int depth, gboolean *table)
{
  static const char *const blocks[] = { "p", "div", "h1", "h2", "h3", "h4", "ul", "ol", NULL };
  guint n = 0;

  if (depth > 50)
    return 0;
  for (xmlNode *c = node; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) c->name, "table"))
        *table = TRUE;
      else if (g_strv_contains (blocks, (const char *) c->name))
        n += 1 + count_blocks (c->children, depth + 1, table);
      else
        n += count_blocks (c->children, depth + 1, table);
    }
  return n;
}

static gboolean
holds_blocks (xmlNode *node, int depth)
{
  gboolean table = FALSE;
  guint n = count_blocks (node, depth, &table);

  return table || n >= 2;
}

typedef struct {
  NbImportItems *items;
  GString   *line;
  int        depth;
} Walk;

static void
flush_line (Walk *w)
{
  if (w->line->len)
    nb_import_items_add (w->items, w->line->str, w->line->len, FALSE);
  g_string_truncate (w->line, 0);
}

static void
append_text (GString *out, const char *text)
{
  /* Source line breaks inside a paragraph are layout, not text. */
  for (const char *p = text; *p; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

static void
collect_text (xmlNode *node, GString *out, int depth)
{
  if (depth > 200)
    return;
  for (xmlNode *n = node; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        append_text (out, (const char *) n->content);
      else if (n->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) n->name;

          if (is_skipped (name))
            continue;
          if (g_str_equal (name, "br") || (is_block (name) && out->len))
            g_string_append_c (out, ' ');
          collect_text (n->children, out, depth + 1);
        }
    }
}

static void
walk (Walk *w, xmlNode *node)
{
  if (++w->depth > 200)
    {
      w->depth--;
      return;
    }
  for (xmlNode *n = node; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          append_text (w->line, (const char *) n->content);
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;
      {
        const char *name = (const char *) n->name;

        if (is_skipped (name))
          continue;
        if (g_str_equal (name, "br"))
          {
            flush_line (w);
            continue;
          }
        if ((g_str_equal (name, "td") || g_str_equal (name, "th")) && !holds_blocks (n->children, 0))
          {
            g_autoptr(GString) cell = g_string_new (NULL);

            flush_line (w);
            collect_text (n->children, cell, 0);
            nb_import_items_add (w->items, cell->str, cell->len, TRUE);
            continue;
          }
        if (is_block (name))
          flush_line (w);
        walk (w, n->children);
        if (is_block (name))
          flush_line (w);
      }
    }
  w->depth--;
}

NbImportItems *
nb_import_html_items (const char *data, gsize length, GError **error)
{
  htmlDocPtr doc;
  Walk w = { 0 };

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE, _("The HTML file is too large to read."));
      return NULL;
    }
  /* UTF-8 when it is; otherwise the page's own <meta charset> (GB2312, GBK …) decides. */
  doc = htmlReadMemory (data, (int) length, NULL, g_utf8_validate (data, length, NULL) ? "UTF-8" : NULL,
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_RECOVER);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE, _("The HTML could not be parsed."));
      return NULL;
    }
  w.items = nb_import_items_new ();
  w.line = g_string_new (NULL);
  walk (&w, xmlDocGetRootElement (doc));
  flush_line (&w);
  g_string_free (w.line, TRUE);
  xmlFreeDoc (doc);

  /* Empty lines carry nothing; empty cells are positions. */
  nb_import_items_drop_empty_lines (w.items);
  return w.items;
}
