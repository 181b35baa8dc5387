/* nb-html-tables.c — the three statistical tables as HTML tables
 *
 * Walks the printed grid of nb_format_table (): every label, merge and position comes from
 * there. Table 二 becomes one small table per 第二十条 block with simple scopes; tables 三
 * and 四 are complex tables, so every cell carries an id and every value cell names all
 * its headers (WCAG technique H43), with ids prefixed per table (t3-, t4-).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-html-private.h"
#include "nb-render-text.h"

typedef struct {
  NbHtml           *html;
  const NbTableDef *table;
  const char       *prefix;     /* "t3-", or NULL for a simple table */
  guint             first_row;  /* the rows printed: [first_row, end_row) */
  guint             end_row;
  guint             body_row;   /* first row after the heads */
  GPtrArray        *heads;      /* the head items of the table, for headers="…" */
} Grid;

static gboolean
is_head (const NbGridItem *item)
{
  return item->kind == NB_GRID_COL_HEAD || item->kind == NB_GRID_ROW_HEAD ||
         item->kind == NB_GRID_GROUP_HEAD;
}

/* Is @a a header of @h: a column head above it over all its columns, or a row head to
 * its left over all its rows? */
static gboolean
heads (const NbGridItem *a, const NbGridItem *h)
{
  if (a == h)
    return FALSE;
  if (a->kind == NB_GRID_COL_HEAD)
    return a->row + a->row_span <= h->row && a->col <= h->col &&
           h->col + h->col_span <= a->col + a->col_span;
  if (a->kind == NB_GRID_ROW_HEAD || a->kind == NB_GRID_GROUP_HEAD)
    return a->col + a->col_span <= h->col && a->row <= h->row &&
           h->row + h->row_span <= a->row + a->row_span;
  return FALSE;
}

static void
append_head_id (Grid *g, const NbGridItem *item)
{
  g_string_append_printf (g->html->out, "%sh%u-%u", g->prefix, item->row, item->col);
}

static void
append_value_id (Grid *g, const NbGridItem *item)
{
  const char *key = nb_format_cell (item->cell)->local_key;

  g_string_append (g->html->out, g->prefix);
  for (const char *p = key; *p; p++)
    g_string_append_c (g->html->out, *p == '.' ? '-' : *p);
}

/* ` headers="…"`: row heads first (outermost first), then column heads (top first). */
static void
append_headers (Grid *g, const NbGridItem *cell)
{
  gboolean any = FALSE;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g->heads->len; i++)
      {
        const NbGridItem *a = g_ptr_array_index (g->heads, i);

        if ((pass == 0) == (a->kind == NB_GRID_COL_HEAD) || !heads (a, cell))
          continue;
        g_string_append (g->html->out, any ? " " : " headers=\"");
        append_head_id (g, a);
        any = TRUE;
      }
  if (any)
    g_string_append_c (g->html->out, '"');
}

static void
append_spans (GString *out, const NbGridItem *item)
{
  if (item->row_span > 1)
    g_string_append_printf (out, " rowspan=\"%u\"", item->row_span);
  if (item->col_span > 1)
    g_string_append_printf (out, " colspan=\"%u\"", item->col_span);
}

/* The narrow column heads of 三 and 四 break between two-character words (商业/企业,
 * 社会/公益/组织, 结果/维持), never inside one (layout.md §8); the stylesheet forbids
 * other breaks in heads. */
static void
append_head_text (Grid *g, const NbGridItem *item)
{
  GString *out = g->html->out;
  glong n = g_utf8_strlen (item->text, -1);
  gboolean words = g->prefix && item->kind == NB_GRID_COL_HEAD && item->col_span == 1 && n >= 4 &&
                   n <= 8 && n % 2 == 0;
  const char *p = item->text;

  for (const char *c = item->text; words && *c; c = g_utf8_next_char (c))
    words = g_unichar_isalpha (g_utf8_get_char (c));
  if (!words)
    {
      nb_html_escape (out, item->text, -1);
      return;
    }
  for (glong i = 0; i < n; i += 2)
    {
      const char *end = g_utf8_offset_to_pointer (p, 2);

      if (i > 0)
        g_string_append (out, "<wbr>");
      nb_html_escape (out, p, end - p);
      p = end;
    }
}

static void
write_head (Grid *g, const NbGridItem *item)
{
  GString *out = g->html->out;
  gboolean left = item->kind == NB_GRID_ROW_HEAD && g->prefix != NULL;
  gboolean row_label = item->kind == NB_GRID_ROW_HEAD || item->kind == NB_GRID_GROUP_HEAD;
  const char *scope =
    item->kind == NB_GRID_GROUP_HEAD ? "rowgroup"
    : item->kind == NB_GRID_ROW_HEAD ? "row"
    : item->col_span > 1 ? "colgroup" : "col";

  g_string_append (out, "<th");
  if (g->prefix)
    {
      g_string_append (out, " id=\"");
      append_head_id (g, item);
      g_string_append_c (out, '"');
    }
  append_spans (out, item);
  g_string_append_printf (out, " scope=\"%s\"", scope);
  if (g->prefix)
    append_headers (g, item);
  /* Row labels print in the body font at normal weight (the PDF's 仿宋). */
  nb_html_attrs (g->html, left ? "nb-left" : NULL,
                 left ? NB_HTML_CELL_STYLE ";text-align:left;font-weight:normal"
                 : row_label ? NB_HTML_CELL_STYLE ";font-weight:normal" : NB_HTML_CELL_STYLE);
  g_string_append_c (out, '>');
  append_head_text (g, item);
  g_string_append (out, "</th>");
}

static void
write_value (Grid *g, const NbGridItem *item)
{
  GString *out = g->html->out;
  g_autofree char *text = nb_render_cell_text (g->html->report, (guint) item->cell);

  g_string_append (out, "<td");
  if (g->prefix)
    {
      g_string_append (out, " id=\"");
      append_value_id (g, item);
      g_string_append_c (out, '"');
    }
  append_spans (out, item);
  if (g->prefix)
    append_headers (g, item);
  nb_html_attrs (g->html, NULL, NB_HTML_CELL_STYLE);
  g_string_append_c (out, '>');
  /* The stored value; a blank or invalid cell prints 0 (layout.md §8). */
  nb_html_escape (out, text, -1);
  g_string_append (out, "</td>");
}

static void
write_corner (Grid *g, const NbGridItem *item)
{
  GString *out = g->html->out;

  /* A note, not the header of any cell. */
  g_string_append (out, "<td");
  append_spans (out, item);
  nb_html_attrs (g->html, "nb-corner", NB_HTML_CELL_STYLE ";font-size:0.9em");
  g_string_append_c (out, '>');
  nb_html_escape (out, item->text, -1);
  g_string_append (out, "</td>");
}

/* Column groups: the finest split of the columns that keeps every spanning head whole. */
static void
write_colgroups (Grid *g)
{
  const NbTableDef *t = g->table;
  GString *out = g->html->out;
  g_autofree gboolean *edge = g_new0 (gboolean, t->n_cols + 1);
  double sum = 0;

  edge[0] = edge[t->n_cols] = TRUE;
  for (guint i = 0; i < t->n_items; i++)
    {
      const NbGridItem *a = &t->items[i];

      if (a->row >= g->first_row && a->row < g->end_row && a->col_span > 1 &&
          a->kind != NB_GRID_BLOCK_HEAD && a->row < g->body_row)
        edge[a->col] = edge[a->col + a->col_span] = TRUE;
    }
  for (guint c = 0; c < t->n_cols; c++)
    sum += t->col_widths_mm[c];

  for (guint c = 0; c < t->n_cols; c++)
    {
      /* Widths as percentages in integer hundredths: no locale, no pixels. */
      int hundredths = (int) (t->col_widths_mm[c] / sum * 10000.0 + 0.5);

      if (edge[c])
        {
          guint span = 1;

          while (!edge[c + span])
            span++;
          if (c > 0)
            g_string_append (out, "</colgroup>");
          if (span > 1)
            g_string_append_printf (out, "<colgroup span=\"%u\">", span);
          else
            g_string_append (out, "<colgroup>");
        }
      g_string_append_printf (out, "<col style=\"width:%d.%02d%%\">", hundredths / 100,
                              hundredths % 100);
    }
  g_string_append (out, "</colgroup>\n");
}

static void
write_grid (Grid *g, const char *caption, gboolean hide_caption)
{
  const NbTableDef *t = g->table;
  GString *out = g->html->out;
  guint row = G_MAXUINT;
  guint group_end = 0;
  gboolean in_body = FALSE;
  g_autofree char *table_style = g_strdup_printf (
    "border-collapse:collapse;width:100%%;margin:0.5em 0 1em;line-height:1.3;font-size:%s",
    g->prefix ? "0.8em" : "0.9em");

  /* A narrow screen scrolls the wide tables sideways instead of crushing them. */
  g_string_append (out, "<div");
  nb_html_attrs (g->html, "nb-scroll", "overflow-x:auto");
  g_string_append (out, ">\n<table");
  if (g->html->fragment)
    g_string_append (out, " border=\"1\" cellspacing=\"0\" cellpadding=\"4\"");
  nb_html_attrs (g->html, !g->prefix ? "nb-table"
                         : t->n_cols > 12 ? "nb-table nb-complex nb-wide" : "nb-table nb-complex",
                 table_style);
  g_string_append (out, ">\n<caption");
  nb_html_attrs (g->html, hide_caption ? "nb-vh" : NULL,
                 hide_caption ? "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"
                              : "font-weight:bold;text-align:left;padding:0.3em 0");
  g_string_append_c (out, '>');
  nb_html_escape (out, caption, -1);
  g_string_append (out, "</caption>\n");
  write_colgroups (g);
  g_string_append (out, "<thead>\n");

  for (guint i = 0; i < t->n_items; i++)
    {
      const NbGridItem *item = &t->items[i];

      /* Table 二's block head is the caption of its small table. */
      if (item->row < g->first_row || item->row >= g->end_row || item->kind == NB_GRID_BLOCK_HEAD)
        continue;
      if (item->row != row)
        {
          if (row != G_MAXUINT)
            g_string_append (out, "</tr>\n");
          /* One <tbody> per row group: a label in the first column opens one. */
          if (item->row >= g->body_row && item->row >= group_end && (g->prefix || !in_body))
            {
              g_string_append (out, in_body ? "</tbody>\n<tbody>\n" : "</thead>\n<tbody>\n");
              in_body = TRUE;
              group_end = item->row + (item->col == 0 ? item->row_span : 1);
            }
          row = item->row;
          g_string_append (out, "<tr>");
        }
      if (item->kind == NB_GRID_VALUE)
        write_value (g, item);
      else if (item->kind == NB_GRID_CORNER)
        write_corner (g, item);
      else
        write_head (g, item);
    }
  g_string_append (out, "</tr>\n</tbody>\n</table>\n</div>\n");
}

void
nb_html_write_table (NbHtml *html, NbTableId id)
{
  static const char *const prefixes[NB_N_TABLES] = { NULL, "t3-", "t4-" };
  const NbTableDef *table = nb_format_table (id);
  guint section = nb_format_section_by_id (table->section_id)->number - 1;
  g_autoptr(GPtrArray) head_items = g_ptr_array_new ();

  for (guint i = 0; i < table->n_items; i++)
    if (is_head (&table->items[i]))
      g_ptr_array_add (head_items, (gpointer) &table->items[i]);

  for (guint b = 0; b < table->n_blocks; b++)
    {
      const NbTableBlock *block = &table->blocks[b];
      Grid g = {
        html, table, prefixes[id], block->first_row, block->first_row + block->n_rows,
        block->first_row + block->n_header_rows, head_items,
      };

      /* Tables 三 and 四 repeat the section title, which the <h2> already shows. */
      write_grid (&g, id == NB_TABLE_S2 ? block->caption
                                        : nb_report_get_section_title (html->report, section),
                  id != NB_TABLE_S2);
    }
}
