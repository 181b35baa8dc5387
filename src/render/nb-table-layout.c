/* nb-table-layout.c — table geometry, header wrapping and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-render-text.h"
#include "nb-table-layout.h"

#define LINE_HEIGHT_RATIO 1.3
#define BORDER_WIDTH      0.5
#define PAD_V_MM          1.0

typedef struct {
  const NbGridItem *item;
  PangoLayout      *layout;
  double            text_height;
  double            text_width;
  gboolean          value;      /* one unwrapped line, centred when drawn */
  gboolean          head;       /* TH in the structure tree */
} Cell;

struct _NbTableLayout {
  const NbTableDef *def;
  double            size;
  double            value_size; /* below size when a number fits no other way */
  double            pad_h;
  double            pad_v;
  double           *col_x;      /* n_cols + 1 edges, from the table's left */
  double           *row_h;      /* n_rows */
  Cell             *cells;      /* one per grid item */
};

static gboolean
is_column_head (NbGridKind kind)
{
  return kind == NB_GRID_COL_HEAD || kind == NB_GRID_BLOCK_HEAD;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Words of a head label: a bracketed group stays whole, Han runs split into two-character
 * words (a leading three-character word when the run is odd: 复议后/起诉), anything else
 * (punctuation, digits) sticks to the word before it. No dictionary: the heads of the
 * format are compounds of two-character words (商业/企业, 社会/公益/组织). */
GPtrArray *
nb_table_layout_head_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;

      if (c == 0xFF08)  /* （ … ） */
        {
          const char *close = strstr (p, "）");

          p = close ? close + strlen ("）") : p + strlen (p);
        }
      else if (is_han (c))
        {
          guint run = 0, take;
          const char *q = p;

          while (*q && is_han (g_utf8_get_char (q)))
            run++, q = g_utf8_next_char (q);
          take = run == 1 ? 1 : (run % 2 == 1 ? 3 : 2);
          for (guint i = 0; i < take; i++)
            p = g_utf8_next_char (p);
        }
      else
        {
          p = g_utf8_next_char (p);
          if (words->len > 0)
            {
              char *last = g_ptr_array_index (words, words->len - 1);
              g_autofree char *tail = g_strndup (start, (gsize) (p - start));

              g_ptr_array_index (words, words->len - 1) = g_strconcat (last, tail, NULL);
              g_free (last);
              continue;
            }
        }
      g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
    }
  return words;
}

/* The head label with a newline wherever a word does not fit on the line (layout.md §8). */
static char *
wrap_head (PangoLayout *layout, const char *text, double max_width)
{
  g_autoptr(GPtrArray) words = nb_table_layout_head_words (text);
  GString *out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      g_autofree char *trial = g_strconcat (line->str, word, NULL);

      pango_layout_set_text (layout, trial, -1);
      if (line->len > 0 && nb_typeset_text_width (layout) > max_width)
        {
          g_string_append_printf (out, "%s\n", line->str);
          g_string_assign (line, word);
        }
      else
        g_string_assign (line, trial);
    }
  g_string_append (out, line->str);
  return g_string_free (out, FALSE);
}

/* The ordinal a row label starts with (（三） 三、 1.), in bytes; 0 when none. */
static gsize
ordinal_length (const char *text)
{
  const char *p = text;

  if (g_str_has_prefix (p, "（"))
    {
      const char *close = strstr (p, "）");

      return close && close - p <= 12 ? (gsize) (close - p) + strlen ("）") : 0;
    }
  while (*p && g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p > text && g_str_has_prefix (p, "、"))
    return (gsize) (p - text) + strlen ("、");
  p = text;
  while (g_ascii_isdigit (*p))
    p++;
  return p > text && *p == '.' ? (gsize) (p - text) + 1 : 0;
}

/* Lines of a greedy fill of groups [first, …) of @widths within @limit. */
static guint
count_lines (GArray *widths, guint first, double limit)
{
  guint lines = 1;
  double line = 0;

  for (guint i = first; i < widths->len; i++)
    {
      double w = g_array_index (widths, double, i);

      if (line > 0 && line + w > limit + 0.01)
        {
          lines++;
          line = 0;
        }
      line += w;
    }
  return lines;
}

/* A row label in lines of balanced length, broken at natural points (layout.md §8): an
 * ordinal wider than half a line ends its own line; a mark stays with its neighbour; in a
 * column of fewer than three characters the label reads top to bottom, a character a
 * line, instead of pairs that cut words (“本年/度办/理结/果”). */
static char *
wrap_label (PangoLayout *layout, const char *text, double max_width)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  GString *out = g_string_new (NULL);
  gsize prefix = ordinal_length (text);
  double em, total = 0, cap, limit, line = 0;
  guint first = 0;
  const char *p = text;

  pango_layout_set_text (layout, text, -1);
  if (nb_typeset_text_width (layout) <= max_width || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, TRUE), g_strdup (text);
  pango_layout_set_text (layout, "国", -1);
  em = nb_typeset_text_width (layout);
  cap = MAX (1.0, floor ((max_width + 0.01) / em));

  /* Unbreakable groups: the ordinal; an opening mark with what follows; a character with
   * the closing marks after it; a run of digits and Latin letters. */
  while (*p)
    {
      const char *start = p;
      g_autofree char *group = NULL;
      double w;

      if (p == text && prefix > 0)
        p += prefix;
      else
        {
          while (*p && g_utf8_strchr ("（《“〔", -1, g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (g_ascii_isalnum (*p))
            while (g_ascii_isalnum (*p) || *p == '.')
              p++;
          else if (*p)
            p = g_utf8_next_char (p);
        }
      while (*p && g_utf8_strchr ("、，。；：）》”〕.%", -1, g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      group = g_strndup (start, (gsize) (p - start));
      pango_layout_set_text (layout, group, -1);
      w = nb_typeset_text_width (layout) / em;
      g_array_append_val (widths, w);
      g_ptr_array_add (groups, g_steal_pointer (&group));
      total += w;
    }

  if (cap < 3)
    limit = 0.01;           /* a group a line */
  else
    {
      guint lines;

      /* An ordinal wider than half a line stands alone: “（三）/不予/公开”. */
      if (prefix > 0 && g_array_index (widths, double, 0) >= cap / 2)
        {
          g_string_append (out, g_ptr_array_index (groups, 0));
          total -= g_array_index (widths, double, 0);
          first = 1;
        }
      /* The narrowest measure that keeps the fewest lines: balanced lines. */
      lines = (guint) ceil (total / cap - 0.01);
      for (limit = total / lines; limit < cap; limit += 0.25)
        if (count_lines (widths, first, limit) <= lines)
          break;
      limit = MIN (limit, cap) + 0.01;
    }
  for (guint i = first; i < groups->len; i++)
    {
      double w = g_array_index (widths, double, i);

      if (out->len > 0 && (line == 0 || line + w > limit))
        {
          g_string_append_c (out, '\n');
          line = 0;
        }
      g_string_append (out, g_ptr_array_index (groups, i));
      line += w;
    }
  return g_string_free (out, FALSE);
}

static char *
cell_text (NbReport *report, const NbGridItem *item)
{
  if (item->kind != NB_GRID_VALUE)
    return g_strdup (item->text);
  /* The stored value, canonical; 0 for blank and invalid cells (layout.md §8). */
  return nb_render_cell_text (report, (guint) item->cell);
}

static double
span_width (NbTableLayout *self, const NbGridItem *item)
{
  return self->col_x[item->col + item->col_span] - self->col_x[item->col];
}

/* Lays out every cell at self->size, the values at @value_size. Returns how much too
 * wide the widest number is for its column (≤ 1: every number fits). Digit runs never
 * break: a value cell is one unwrapped line, centred when drawn. Invalid cells print 0
 * and do not count. */
static double
layout_cells (NbTableLayout *self, NbTypeset *typeset, NbReport *report, double value_size)
{
  const NbTableDef *def = self->def;
  double line_height = LINE_HEIGHT_RATIO * self->size;
  double worst = 0;

  for (guint i = 0; i < def->n_items; i++)
    {
      const NbGridItem *item = &def->items[i];
      Cell *cell = &self->cells[i];
      double inner = span_width (self, item) - 2 * self->pad_h;
      g_autofree char *text = cell_text (report, item);
      gboolean value = item->kind == NB_GRID_VALUE;
      int width, height;

      g_clear_object (&cell->layout);
      cell->item = item;
      cell->head = !value && item->kind != NB_GRID_CORNER;
      cell->layout = nb_typeset_layout (typeset, is_column_head (item->kind) ? NB_FONT_HEI
                                                                              : NB_FONT_BODY,
                                        value ? value_size : self->size, text);
      if (value)
        nb_typeset_add_attr (cell->layout, pango_attr_font_features_new ("tnum 1"));
      if (is_column_head (item->kind))
        {
          g_autofree char *wrapped = wrap_head (cell->layout, text, inner);

          pango_layout_set_text (cell->layout, wrapped, -1);
        }
      else if (item->kind == NB_GRID_ROW_HEAD || item->kind == NB_GRID_GROUP_HEAD)
        {
          g_autofree char *wrapped = wrap_label (cell->layout, text, inner);

          pango_layout_set_text (cell->layout, wrapped, -1);
        }
      nb_typeset_add_attr (cell->layout,
                           pango_attr_line_height_new_absolute ((int) (line_height * PANGO_SCALE)));
      if (!value)
        {
          pango_layout_set_width (cell->layout, (int) (inner * PANGO_SCALE));
          pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_alignment (cell->layout, item->kind == NB_GRID_ROW_HEAD ? PANGO_ALIGN_LEFT
                                                                                   : PANGO_ALIGN_CENTER);
        }
      pango_layout_get_size (cell->layout, &width, &height);
      cell->text_height = (double) height / PANGO_SCALE;
      cell->text_width = (double) width / PANGO_SCALE;
      cell->value = value;
      if (value && nb_report_get_cell (report, (guint) item->cell)->state == NB_CELL_VALUE)
        worst = MAX (worst, cell->text_width / inner);
    }
  return worst;
}

/* Rows tall enough for their one-row cells, then for the spanning ones (shortest first),
 * giving any shortfall to the spanned rows in equal parts. */
static void
measure_rows (NbTableLayout *self)
{
  const NbTableDef *def = self->def;
  guint max_span = 1;

  for (guint r = 0; r < def->n_rows; r++)
    self->row_h[r] = LINE_HEIGHT_RATIO * self->size + 2 * self->pad_v;
  for (guint i = 0; i < def->n_items; i++)
    max_span = MAX (max_span, def->items[i].row_span);
  for (guint span = 1; span <= max_span; span++)
    for (guint i = 0; i < def->n_items; i++)
      {
        const NbGridItem *item = &def->items[i];
        double need = self->cells[i].text_height + 2 * self->pad_v;
        double have;

        if (item->row_span != span)
          continue;
        have = nb_table_layout_height (self, item->row, item->row + span);
        if (need > have)
          for (guint r = item->row; r < item->row + span; r++)
            self->row_h[r] += (need - have) / span;
      }
}

void
nb_table_layout_metrics (NbTableId id, double *size, double *pad_h, double *pad_v)
{
  gboolean small = id != NB_TABLE_S2;

  *size = small ? NB_SIZE_WUHAO : NB_SIZE_XIAOSI;
  *pad_h = (small ? 1.0 : 1.5) * NB_PT_PER_MM;
  *pad_v = PAD_V_MM * NB_PT_PER_MM;
}

NbTableLayout *
nb_table_layout_new (NbTypeset *typeset, NbReport *report, NbTableId id)
{
  NbTableLayout *self = g_new0 (NbTableLayout, 1);
  const NbTableDef *def = nb_format_table (id);
  gboolean small = id != NB_TABLE_S2;
  double worst;

  self->def = def;
  nb_table_layout_metrics (id, &self->size, &self->pad_h, &self->pad_v);
  self->col_x = g_new0 (double, def->n_cols + 1);
  self->row_h = g_new0 (double, def->n_rows);
  self->cells = g_new0 (Cell, def->n_items);
  for (guint c = 0; c < def->n_cols; c++)
    self->col_x[c + 1] = self->col_x[c] + def->col_widths_mm[c] * NB_PT_PER_MM;

  /* A number that does not fit shrinks the whole table, never one cell (layout.md §8);
   * if one still does not fit at 小五 (up to 10^12), the table's numbers shrink further,
   * all by the same factor. */
  self->value_size = self->size;
  worst = layout_cells (self, typeset, report, self->value_size);
  if (worst > 1 && small)
    {
      self->size = self->value_size = NB_SIZE_XIAOWU;
      worst = layout_cells (self, typeset, report, self->value_size);
    }
  if (worst > 1)
    {
      self->value_size = floor (self->size / worst * 20) / 20;
      layout_cells (self, typeset, report, self->value_size);
    }
  measure_rows (self);
  return self;
}

void
nb_table_layout_free (NbTableLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->def->n_items; i++)
    g_clear_object (&self->cells[i].layout);
  g_free (self->cells);
  g_free (self->col_x);
  g_free (self->row_h);
  g_free (self);
}

const NbTableDef *
nb_table_layout_get_def (NbTableLayout *self)
{
  return self->def;
}

double
nb_table_layout_font_size (NbTableLayout *self)
{
  return self->size;
}

double
nb_table_layout_value_size (NbTableLayout *self)
{
  return self->value_size;
}

const char *
nb_table_layout_cell_text (NbTableLayout *self, guint index)
{
  g_return_val_if_fail (index < self->def->n_items, NULL);
  return pango_layout_get_text (self->cells[index].layout);
}

double
nb_table_layout_cell_width (NbTableLayout *self, guint index)
{
  g_return_val_if_fail (index < self->def->n_items, 0);
  return self->cells[index].text_width;
}

double
nb_table_layout_height (NbTableLayout *self, guint first_row, guint end_row)
{
  double h = 0;

  for (guint r = first_row; r < end_row && r < self->def->n_rows; r++)
    h += self->row_h[r];
  return h;
}

gboolean
nb_table_layout_can_break (NbTableLayout *self, guint first, guint at)
{
  for (guint i = 0; i < self->def->n_items; i++)
    {
      const NbGridItem *item = &self->def->items[i];
      double need = self->cells[i].text_height + 2 * self->pad_v;
      guint end = item->row + item->row_span;

      if (item->row >= at || end <= at)
        continue;
      if (nb_table_layout_height (self, MAX (item->row, first), at) + 0.01 < need ||
          nb_table_layout_height (self, at, end) + 0.01 < need)
        return FALSE;
    }
  return TRUE;
}

/* The drawn rows: up to two ranges stacked, with the y of each drawn grid row. */
typedef struct {
  guint  first[2];
  guint  end[2];
  double y[2];
} Slices;

/* The part of @item inside slice @s: its first row and end row; FALSE when none. */
static gboolean
clip_item (const Slices *slices, guint s, const NbGridItem *item, guint *from, guint *to)
{
  *from = MAX (item->row, slices->first[s]);
  *to = MIN (item->row + item->row_span, slices->end[s]);
  return *from < *to;
}

static void
cell_rect (NbTableLayout *self, const Slices *slices, guint s, const NbGridItem *item,
           guint from, guint to, double x, double *rx, double *ry, double *rw, double *rh)
{
  *rx = x + self->col_x[item->col];
  *rw = span_width (self, item);
  *ry = slices->y[s] + nb_table_layout_height (self, slices->first[s], from);
  *rh = nb_table_layout_height (self, from, to);
}

static void
draw_cell_text (NbTableLayout *self, cairo_t *cr, NbFontSubsets *subsets, const Cell *cell,
                double rx, double ry, double rw, double rh)
{
  /* A label cut by a page break never spills into its neighbours. */
  cairo_save (cr);
  cairo_rectangle (cr, rx, ry, rw, rh);
  cairo_clip (cr);
  if (cell->value)
    cairo_move_to (cr, rx + (rw - cell->text_width) / 2, ry + (rh - cell->text_height) / 2);
  else
    cairo_move_to (cr, rx + self->pad_h, ry + (rh - cell->text_height) / 2);
  nb_font_subsets_show_layout (subsets, cr, cell->layout);
  cairo_restore (cr);
}

void
nb_table_layout_draw (NbTableLayout *self, cairo_t *cr, double x, double y, guint head_first,
                      guint head_end, guint first_row, guint end_row, NbTableTags tags,
                      NbFontSubsets *subsets)
{
  const NbTableDef *def = self->def;
  Slices slices = { { head_first, first_row }, { head_end, end_row }, { 0, 0 } };
  gboolean tagged = (tags & NB_TABLE_TAG_ROWS) != 0;
  double rx, ry, rw, rh;
  guint from, to;

  slices.y[0] = y;
  slices.y[1] = y + nb_table_layout_height (self, head_first, head_end);

  /* The rules first and untagged (layout.md §12.1: only known tags on cairo 1.16). */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, BORDER_WIDTH);
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < def->n_items; i++)
      if (clip_item (&slices, s, &def->items[i], &from, &to))
        {
          cell_rect (self, &slices, s, &def->items[i], from, to, x, &rx, &ry, &rw, &rh);
          cairo_rectangle (cr, rx, ry, rw, rh);
        }
  cairo_stroke (cr);

  /* Slice 0 is the header repeated on a continuation page: drawn outside the Table, so
   * the structure holds each header row once. */
  for (guint s = 0; s < 2; s++)
    {
      gboolean tag_rows = tagged && s == 1;

      if (s == 1 && (tags & NB_TABLE_TAG_OPEN))
        cairo_tag_begin (cr, "Table", NULL);
      for (guint row = slices.first[s]; row < slices.end[s]; row++)
        {
          if (tag_rows)
            cairo_tag_begin (cr, "TR", NULL);
          for (guint i = 0; i < def->n_items; i++)
            {
              const Cell *cell = &self->cells[i];

              if (!clip_item (&slices, s, cell->item, &from, &to) || from != row)
                continue;
              cell_rect (self, &slices, s, cell->item, from, to, x, &rx, &ry, &rw, &rh);
              if (tag_rows)
                cairo_tag_begin (cr, cell->head ? "TH" : "TD", NULL);
              draw_cell_text (self, cr, subsets, cell, rx, ry, rw, rh);
              if (tag_rows)
                cairo_tag_end (cr, cell->head ? "TH" : "TD");
            }
          if (tag_rows)
            cairo_tag_end (cr, "TR");
        }
    }
  if (tags & NB_TABLE_TAG_CLOSE)
    cairo_tag_end (cr, "Table");
  cairo_restore (cr);
}
