/* nb-docx-tables.c — tables 二, 三 and 四 as Word tables
 *
 * Walks the printed grid of nb_format_table (): every label, merge and position comes from
 * there. Column spans become w:gridSpan, row spans a w:vMerge “restart” cell followed by
 * “continue” cells in the rows below. Sizes and padding are the PDF's
 * (nb_table_layout_metrics); Word wraps the cells itself, so only the narrow column heads
 * get explicit breaks between words (商业/企业), and the numbers shrink as in the PDF when
 * one does not fit, measured with the advances of a full-width CJK face (1 em for Han, half
 * for digits): no Pango here, which keeps the export fast. Rows never split across pages;
 * table 三 repeats its head rows (w:tblHeader); table 二's blocks and table 四 are kept
 * together with keep-with-next, as layout.md §8 asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "nb-docx-private.h"
#include "nb-render-text.h"
#include "nb-table-layout.h"

#define W(name) BAD_CAST (name)

typedef struct {
  xmlTextWriterPtr   w;
  const NbDocxFonts *fonts;
  NbReport          *report;
  const NbTableDef  *def;
  double             size;          /* cell text, points */
  double             value_size;    /* numbers: size, or less when one does not fit */
  double             pad_h;
  double             pad_v;
  int               *col_twips;     /* n_cols */
  int               *occupant;      /* n_rows × n_cols: the grid item covering each slot */
} Table;

static void
table_properties (Table *t)
{
  xmlTextWriterPtr w = t->w;
  static const char *const edges[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
  int total = 0;

  for (guint c = 0; c < t->def->n_cols; c++)
    total += t->col_twips[c];
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
      xmlTextWriterWriteFormatAttribute (w, W ("w:w"), "%d", NB_DOCX_TWIPS (i % 2 ? t->pad_h : t->pad_v));
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

/* The width of @text at @size in a full-width CJK face. */
static double
text_width (const char *text, double size)
{
  double width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? size : size / 2;
  return width;
}

static double
inner_width (Table *t, const NbGridItem *item)
{
  double width = -2 * t->pad_h;

  for (guint c = item->col; c < item->col + item->col_span; c++)
    width += t->def->col_widths_mm[c] * NB_PT_PER_MM;
  return width;
}

/* The head label with a line break wherever the next word does not fit (layout.md §8). */
static char *
wrap_head (Table *t, const NbGridItem *item)
{
  g_autoptr(GPtrArray) words = nb_table_layout_head_words (item->text);
  double room = inner_width (t, item);
  GString *out = g_string_new (NULL);
  double line = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      double width = text_width (word, t->size);

      if (line > 0 && line + width > room)
        {
          g_string_append_c (out, '\n');
          line = 0;
        }
      g_string_append (out, word);
      line += width;
    }
  return g_string_free (out, FALSE);
}

/* How much too wide the widest number is at @size (≤ 1: all fit). */
static double
worst_number (Table *t, double size)
{
  double worst = 0;

  for (guint i = 0; i < t->def->n_items; i++)
    {
      const NbGridItem *item = &t->def->items[i];
      g_autofree char *text = NULL;

      if (item->kind != NB_GRID_VALUE ||
          nb_report_get_cell (t->report, (guint) item->cell)->state != NB_CELL_VALUE)
        continue;
      text = nb_render_cell_text (t->report, (guint) item->cell);
      worst = MAX (worst, text_width (text, size) / inner_width (t, item));
    }
  return worst;
}

/* A number that does not fit shrinks the whole table to 小五 (三 and 四), then the numbers
 * further, all alike: the rule of the PDF's table layout. */
static void
fit_numbers (Table *t)
{
  double worst = worst_number (t, t->size);

  t->value_size = t->size;
  if (worst > 1 && t->def->id != NB_TABLE_S2)
    {
      t->size = t->value_size = NB_SIZE_XIAOWU;
      worst = worst_number (t, t->size);
    }
  if (worst > 1)
    t->value_size = floor (t->size / worst * 20) / 20;
}

/* The cell's one paragraph: centred, row labels flush left as in the PDF, in 黑体 for
 * column heads, at the table's size with lines of 1.3 × size. */
static void
cell_paragraph (Table *t, const NbGridItem *item, gboolean keep_next)
{
  xmlTextWriterPtr w = t->w;
  gboolean value = item->kind == NB_GRID_VALUE;
  gboolean head = item->kind == NB_GRID_COL_HEAD || item->kind == NB_GRID_BLOCK_HEAD;
  gboolean left = item->kind == NB_GRID_ROW_HEAD;
  g_autofree char *text = value ? nb_render_cell_text (t->report, (guint) item->cell)
                         : head ? wrap_head (t, item) : g_strdup (item->text);

  xmlTextWriterStartElement (w, W ("w:p"));
  xmlTextWriterStartElement (w, W ("w:pPr"));
  nb_docx_val (w, "w:pStyle", "NbTableText");
  if (keep_next)
    nb_docx_empty (w, "w:keepNext");
  nb_docx_exact_lines (w, NB_DOCX_TWIPS (1.3 * t->size));
  if (left)
    nb_docx_val (w, "w:jc", "left");
  xmlTextWriterEndElement (w);
  nb_docx_run (w, text, head ? t->fonts->family[NB_FONT_HEI] : NULL,
               value ? t->value_size : t->size);
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
    nb_docx_empty (w, "w:vMerge");
  nb_docx_val (w, "w:vAlign", "center");
  xmlTextWriterEndElement (w);
  if (first)
    cell_paragraph (t, item, keep_next);
  else
    nb_docx_empty (w, "w:p");
  xmlTextWriterEndElement (w);
}

static void
write_row (Table *t, guint row, gboolean repeat, gboolean keep_next)
{
  xmlTextWriterPtr w = t->w;

  xmlTextWriterStartElement (w, W ("w:tr"));
  xmlTextWriterStartElement (w, W ("w:trPr"));
  nb_docx_empty (w, "w:cantSplit");
  if (repeat)
    nb_docx_empty (w, "w:tblHeader");
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
nb_docx_write_table (xmlTextWriterPtr w, const NbDocxFonts *fonts, NbReport *report, NbTableId id)
{
  const NbTableDef *def = nb_format_table (id);
  g_autofree int *col_twips = g_new0 (int, def->n_cols);
  g_autofree int *occupant = g_new (int, def->n_rows * def->n_cols);
  Table t = { w, fonts, report, def };
  double edge = 0;

  t.col_twips = col_twips;
  t.occupant = occupant;
  nb_table_layout_metrics (id, &t.size, &t.pad_h, &t.pad_v);
  fit_numbers (&t);

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
