/* nb-docx-tables.c — tables 二, 三 and 四 as Word tables
 *
 * Walks the printed grid of nb_format_table (): every label, merge and position comes from
 * there. Column spans become w:gridSpan, row spans a w:vMerge “restart” cell followed by
 * “continue” cells in the rows below. The type sizes, padding, head line breaks (商业/企业)
 * and the shrinking of numbers that do not fit come from the PDF's table layout
 * (NbTableLayout), so Word prints what the PDF prints. Rows never split across pages;
 * table 三 repeats its head rows (w:tblHeader); table 二's blocks and table 四 are kept
 * together with keep-with-next, as layout.md §8 asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-docx-private.h"
#include "nb-render-text.h"
#include "nb-table-layout.h"

#define W(name) BAD_CAST (name)

typedef struct {
  xmlTextWriterPtr   w;
  const NbDocxFonts *fonts;
  NbReport          *report;
  NbTableLayout     *layout;
  const NbTableDef  *def;
  int               *col_twips;     /* n_cols */
  int               *occupant;      /* n_rows × n_cols: the grid item covering each slot */
} Table;

static void
empty (xmlTextWriterPtr w, const char *name)
{
  xmlTextWriterStartElement (w, W (name));
  xmlTextWriterEndElement (w);
}

static void
table_properties (Table *t)
{
  xmlTextWriterPtr w = t->w;
  static const char *const edges[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
  double pad_h, pad_v;
  int total = 0;

  for (guint c = 0; c < t->def->n_cols; c++)
    total += t->col_twips[c];
  nb_table_layout_padding (t->layout, &pad_h, &pad_v);
  xmlTextWriterStartElement (w, W ("w:tblPr"));
  xmlTextWriterStartElement (w, W ("w:tblW"));
  xmlTextWriterWriteFormatAttribute (w, W ("w:w"), "%d", total);
  xmlTextWriterWriteAttribute (w, W ("w:type"), W ("dxa"));
  xmlTextWriterEndElement (w);
  nb_docx_val (w, "w:jc", "center");
  /* A full grid of 0.5 pt black rules (layout.md §8). */
  xmlTextWriterStartElement (w, W ("w:tblBorders"));
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      xmlTextWriterStartElement (w, W (edges[i]));
      xmlTextWriterWriteAttribute (w, W ("w:val"), W ("single"));
      xmlTextWriterWriteAttribute (w, W ("w:sz"), W ("4"));
      xmlTextWriterWriteAttribute (w, W ("w:space"), W ("0"));
      xmlTextWriterWriteAttribute (w, W ("w:color"), W ("000000"));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  /* The widths of the format, not Word's guesses from the content. */
  xmlTextWriterStartElement (w, W ("w:tblLayout"));
  xmlTextWriterWriteAttribute (w, W ("w:type"), W ("fixed"));
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, W ("w:tblCellMar"));
  for (guint i = 0; i < 4; i++)
    {
      xmlTextWriterStartElement (w, W (edges[i]));
      xmlTextWriterWriteFormatAttribute (w, W ("w:w"), "%d", NB_DOCX_TWIPS (i % 2 ? pad_h : pad_v));
      xmlTextWriterWriteAttribute (w, W ("w:type"), W ("dxa"));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  xmlTextWriterStartElement (w, W ("w:tblGrid"));
  for (guint c = 0; c < t->def->n_cols; c++)
    {
      xmlTextWriterStartElement (w, W ("w:gridCol"));
      xmlTextWriterWriteFormatAttribute (w, W ("w:w"), "%d", t->col_twips[c]);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

/* The cell's one paragraph: centred, row labels flush left as in the PDF, in 黑体 for
 * column heads, at the table's size with lines of 1.3 × size. */
static void
cell_paragraph (Table *t, const NbGridItem *item, guint index, gboolean keep_next)
{
  xmlTextWriterPtr w = t->w;
  gboolean value = item->kind == NB_GRID_VALUE;
  gboolean head = item->kind == NB_GRID_COL_HEAD || item->kind == NB_GRID_BLOCK_HEAD;
  gboolean left = item->kind == NB_GRID_ROW_HEAD;
  double size = nb_table_layout_font_size (t->layout);
  g_autofree char *number = value ? nb_render_cell_text (t->report, (guint) item->cell) : NULL;

  xmlTextWriterStartElement (w, W ("w:p"));
  xmlTextWriterStartElement (w, W ("w:pPr"));
  nb_docx_val (w, "w:pStyle", "NbTableText");
  if (keep_next)
    empty (w, "w:keepNext");
  nb_docx_exact_lines (w, NB_DOCX_TWIPS (1.3 * size));
  if (left)
    nb_docx_val (w, "w:jc", "left");
  xmlTextWriterEndElement (w);
  nb_docx_run (w, value ? number : nb_table_layout_cell_text (t->layout, index),
               head ? t->fonts->family[NB_FONT_HEI] : NULL,
               value ? nb_table_layout_value_size (t->layout) : size);
  xmlTextWriterEndElement (w);
}

/* One <w:tc> for grid slot (@row, @col), covered by item @index: the item itself where it
 * starts, a vMerge continuation in the rows below its first. */
static void
write_cell (Table *t, guint row, guint index, gboolean keep_next)
{
  xmlTextWriterPtr w = t->w;
  const NbGridItem *item = &t->def->items[index];
  gboolean first = item->row == row;
  int width = 0;

  for (guint c = item->col; c < item->col + item->col_span; c++)
    width += t->col_twips[c];
  xmlTextWriterStartElement (w, W ("w:tc"));
  xmlTextWriterStartElement (w, W ("w:tcPr"));
  xmlTextWriterStartElement (w, W ("w:tcW"));
  xmlTextWriterWriteFormatAttribute (w, W ("w:w"), "%d", width);
  xmlTextWriterWriteAttribute (w, W ("w:type"), W ("dxa"));
  xmlTextWriterEndElement (w);
  if (item->col_span > 1)
    nb_docx_val_int (w, "w:gridSpan", (int) item->col_span);
  if (item->row_span > 1 && first)
    nb_docx_val (w, "w:vMerge", "restart");
  else if (item->row_span > 1)
    empty (w, "w:vMerge");
  nb_docx_val (w, "w:vAlign", "center");
  xmlTextWriterEndElement (w);
  if (first)
    cell_paragraph (t, item, index, keep_next);
  else
    empty (w, "w:p");
  xmlTextWriterEndElement (w);
}

static void
write_row (Table *t, guint row, gboolean repeat, gboolean keep_next)
{
  xmlTextWriterPtr w = t->w;

  xmlTextWriterStartElement (w, W ("w:tr"));
  xmlTextWriterStartElement (w, W ("w:trPr"));
  empty (w, "w:cantSplit");
  if (repeat)
    empty (w, "w:tblHeader");
  xmlTextWriterEndElement (w);
  for (guint c = 0; c < t->def->n_cols;)
    {
      int index = t->occupant[row * t->def->n_cols + c];

      g_assert (index >= 0);
      write_cell (t, row, (guint) index, keep_next);
      c += t->def->items[index].col_span;
    }
  xmlTextWriterEndElement (w);
}

void
nb_docx_write_table (xmlTextWriterPtr w, const NbDocxFonts *fonts, NbTypeset *typeset,
                     NbReport *report, NbTableId id)
{
  const NbTableDef *def = nb_format_table (id);
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (typeset, report, id);
  g_autofree int *col_twips = g_new0 (int, def->n_cols);
  g_autofree int *occupant = g_new (int, def->n_rows * def->n_cols);
  Table t = { w, fonts, report, layout, def, col_twips, occupant };
  double edge = 0;

  /* Column edges rounded, not widths: the columns add up to the table's width. */
  for (guint c = 0; c < def->n_cols; c++)
    {
      double next = edge + def->col_widths_mm[c] * NB_PT_PER_MM;

      col_twips[c] = NB_DOCX_TWIPS (next) - NB_DOCX_TWIPS (edge);
      edge = next;
    }
  for (guint i = 0; i < def->n_rows * def->n_cols; i++)
    occupant[i] = -1;
  for (guint i = 0; i < def->n_items; i++)
    for (guint r = def->items[i].row; r < def->items[i].row + def->items[i].row_span; r++)
      for (guint c = def->items[i].col; c < def->items[i].col + def->items[i].col_span; c++)
        occupant[r * def->n_cols + c] = (int) i;

  xmlTextWriterStartElement (w, W ("w:tbl"));
  table_properties (&t);
  for (guint b = 0; b < def->n_blocks; b++)
    {
      const NbTableBlock *block = &def->blocks[b];
      /* Table 三 breaks between data rows only; the others stay whole per block. */
      gboolean breakable = id == NB_TABLE_S3;

      for (guint r = block->first_row; r < block->first_row + block->n_rows; r++)
        {
          gboolean in_head = r < block->first_row + block->n_header_rows;
          gboolean last = r + 1 == block->first_row + block->n_rows;

          /* The head rows stay with the first data row (layout.md §4). */
          write_row (&t, r, breakable && in_head,
                     breakable ? r <= block->first_row + block->n_header_rows : !last);
        }
    }
  xmlTextWriterEndElement (w);
}
