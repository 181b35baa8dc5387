/* nb-page-layout.c — the report laid out into pages once, drawn page by page
 *
 * Body text sits on the 22 × 28 grid (layout.md §2): each line is drawn by itself with its
 * baseline at a fixed pitch, so fonts with different line heights keep the grid. Tables
 * interrupt the grid and body text resumes on the next free grid line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-page-layout-private.h"
#include "nb-grid-lines.h"
#include "nb-render-text.h"
#include "nb-table-layout.h"
#include "nb-title-breaks.h"
#include "nb-typeset.h"

/* Page numbers (layout.md §6): the dash's ink centre 269 mm from the top; the number
 * block inset one 四号 character from the type area's outer edge. */
#define NB_FOLIO_CENTRE_Y  (269.0 * NB_PT_PER_MM)
#define NB_FOLIO_INSET     NB_SIZE_SIHAO

typedef enum {
  OP_LINE,
  OP_TABLE,
} OpKind;

typedef struct {
  OpKind         kind;
  /* OP_LINE: one line of a paragraph layout, drawn at (x, y = baseline) */
  PangoLayout   *layout;
  int            line;
  const char    *tag;           /* "H1", "H2", "P" */
  guint          block;         /* consecutive lines of one block share one tag */
  const char    *dest;          /* a named destination here, or NULL */
  const GArray  *links;         /* Link of the whole paragraph, or NULL */
  double         origin_x;      /* where the layout's own x = 0 lies */
  /* OP_TABLE: y = the fragment's top */
  NbTableLayout *table;
  guint          head_first, head_end, first_row, end_row;
  gboolean       table_open, table_close;   /* the table's first and last part */
  double         x, y;
} Op;

/* A web or e-mail address in a paragraph: byte range and target. */
typedef struct {
  int    start, end;
  char  *uri;
} Link;

typedef struct {
  GArray      *ops;
  PangoLayout *folio;
  double       folio_x, folio_y;
} Page;

struct _NbPageLayout {
  GObject     parent_instance;

  NbTypeset  *typeset;
  GPtrArray  *layouts;          /* every PangoLayout the ops point to */
  GPtrArray  *tables;           /* NbTableLayout */
  GPtrArray  *links;            /* GArray of Link, one per paragraph that has any */
  GPtrArray  *pages;            /* Page */
  char       *title;
  GArray     *title_breaks;
  char       *section_titles[NB_N_SECTIONS];
  char       *section_dests[NB_N_SECTIONS];
  GPtrArray  *part_titles;      /* standalone （一） headings, for the outline */
  GPtrArray  *part_dests;

  /* while laying out */
  Page       *page;
  guint       line;             /* next free grid line on the page */
  guint       block;
  guint       table_parts;      /* parts of the current table placed so far */
};

G_DEFINE_FINAL_TYPE (NbPageLayout, nb_page_layout, G_TYPE_OBJECT)

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_clear_object (&page->folio);
  g_free (page);
}

static void
nb_page_layout_finalize (GObject *object)
{
  NbPageLayout *self = NB_PAGE_LAYOUT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->typeset, nb_typeset_free);
  g_clear_pointer (&self->title_breaks, g_array_unref);
  g_clear_pointer (&self->part_titles, g_ptr_array_unref);
  g_clear_pointer (&self->part_dests, g_ptr_array_unref);
  g_free (self->title);
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      g_free (self->section_titles[i]);
      g_free (self->section_dests[i]);
    }
  G_OBJECT_CLASS (nb_page_layout_parent_class)->finalize (object);
}

static void
nb_page_layout_class_init (NbPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_page_layout_finalize;
}

static void
nb_page_layout_init (NbPageLayout *self)
{
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_table_layout_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->part_titles = g_ptr_array_new_with_free_func (g_free);
  self->part_dests = g_ptr_array_new_with_free_func (g_free);
}

/* ---- Flow --------------------------------------------------------------------------- */

static void
new_page (NbPageLayout *self)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->line = 0;
}

/* Starts a new page unless @n_lines grid lines are still free on this one. */
static void
need_lines (NbPageLayout *self, guint n_lines)
{
  if (self->page == NULL || self->line + n_lines > NB_GRID_LINES)
    new_page (self);
}

/* Starts a new page unless @height points are free below the next free grid line. */
static void
need_height (NbPageLayout *self, double height)
{
  if (self->page == NULL || self->line >= NB_GRID_LINES ||
      (self->line > 0 && self->line * NB_LINE_PITCH + height > NB_AREA_HEIGHT + 0.01))
    new_page (self);
}

static PangoLayout *
keep_layout (NbPageLayout *self, PangoLayout *layout)
{
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static void
add_range_attr (PangoAttrList *attrs, PangoAttribute *attr, guint start, guint end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* A paragraph on the grid: 156 mm wide, justified, letter spacing that makes 28 characters
 * a line, first line indented two characters (layout.md §2). */
static PangoLayout *
grid_paragraph (NbPageLayout *self, NbFontRole role, const char *text)
{
  PangoLayout *layout = nb_typeset_layout (self->typeset, role, NB_SIZE_SANHAO, text);

  pango_layout_set_width (layout, (int) (NB_AREA_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_indent (layout, (int) (2 * NB_CHAR_ADVANCE * PANGO_SCALE));
  nb_typeset_add_attr (layout, pango_attr_letter_spacing_new (
                         (int) lround ((NB_CHAR_ADVANCE - NB_SIZE_SANHAO) * PANGO_SCALE)));
  return keep_layout (self, layout);
}

static void
link_clear (gpointer data)
{
  g_free (((Link *) data)->uri);
}

/* The addresses in @layout's text (nb_render_link_length, as the HTML writer finds
 * them), or NULL when there are none. */
static const GArray *
find_links (NbPageLayout *self, PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GArray *links = NULL;

  for (const char *p = text; *p;)
    {
      gboolean mail;
      gsize n = nb_render_link_length (text, p, &mail);
      g_autofree char *target = NULL;
      Link link;

      if (n == 0)
        {
          p++;
          continue;
        }
      if (links == NULL)
        {
          links = g_array_new (FALSE, FALSE, sizeof (Link));
          g_array_set_clear_func (links, link_clear);
          g_ptr_array_add (self->links, links);
        }
      target = g_strndup (p, n);
      link.start = (int) (p - text);
      link.end = link.start + (int) n;
      link.uri = g_strconcat (mail ? "mailto:" : "", target, NULL);
      g_array_append_val (links, link);
      p += n;
    }
  return links;
}

/* Line @index of @layout on the next grid line, starting a page when needed; its left
 * edge @shift points right of where the layout puts it. */
static void
add_line (NbPageLayout *self, PangoLayout *layout, int index, PangoLayoutIter *iter, double size,
          const char *tag, const char *dest, gboolean centre, const GArray *links, double shift)
{
  PangoRectangle logical;
  Op op = { OP_LINE };

  need_lines (self, 1);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  op.layout = layout;
  op.line = index;
  op.tag = tag;
  op.block = self->block;
  op.dest = dest;
  op.x = NB_AREA_LEFT + shift + (centre ? (NB_AREA_WIDTH - (double) logical.width / PANGO_SCALE) / 2
                                        : (double) logical.x / PANGO_SCALE);
  op.y = NB_AREA_TOP + self->line * NB_LINE_PITCH + NB_BASELINE_RATIO * size;
  op.origin_x = op.x - (double) logical.x / PANGO_SCALE;
  op.links = links;
  g_array_append_val (self->page->ops, op);
  self->line++;
}

/* Puts each line of @layout on the next grid line, starting pages as needed. The lines
 * continue the current structure block (one tag) or, with @new_block, start one. */
static void
place_lines (NbPageLayout *self, PangoLayout *layout, double size, const char *tag,
             const char *dest, gboolean centre, gboolean new_block)
{
  const GArray *links = find_links (self, layout);
  PangoLayoutIter *iter;
  int index = 0;

  /* An address is one long word: justified, the line before it would be stretched
   * letter by letter (“g k @ q i …”). Such paragraphs end their lines ragged. */
  if (links)
    pango_layout_set_justify (layout, FALSE);
  iter = pango_layout_get_iter (layout);
  if (new_block)
    self->block++;
  do
    {
      add_line (self, layout, index, iter, size, tag, index == 0 ? dest : NULL, centre, links, 0);
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static gboolean
has_link (const char *text)
{
  gboolean mail;

  for (const char *p = text; *p; p++)
    if (nb_render_link_length (text, p, &mail) > 0)
      return TRUE;
  return FALSE;
}

/* A grid paragraph (grid_paragraph) broken by Chinese practice (nb-grid-lines.h), one
 * layout per line, as one structure block. Paragraphs with addresses keep Pango's
 * breaks (place_lines): an address breaks only at its own marks. */
static void
place_paragraph (NbPageLayout *self, PangoLayout *paragraph, const char *tag, const char *dest)
{
  double indent = (double) pango_layout_get_indent (paragraph) / PANGO_SCALE;
  g_autoptr(GPtrArray) lines = NULL;

  if (has_link (pango_layout_get_text (paragraph)))
    {
      place_lines (self, paragraph, NB_SIZE_SANHAO, tag, dest, FALSE, TRUE);
      return;
    }
  lines = nb_grid_lines_break (paragraph);
  self->block++;
  for (guint i = 0; i < lines->len; i++)
    {
      PangoLayout *line = keep_layout (self, g_object_ref (g_ptr_array_index (lines, i)));
      PangoLayoutIter *iter = pango_layout_get_iter (line);

      add_line (self, line, 0, iter, NB_SIZE_SANHAO, tag, i == 0 ? dest : NULL, FALSE, NULL,
                i == 0 ? indent : 0);
      pango_layout_iter_free (iter);
    }
}

/* Each printed paragraph of @text (nb_render_paragraphs) as a body paragraph. */
static void
place_text (NbPageLayout *self, const char *text)
{
  g_auto(GStrv) paragraphs = nb_render_paragraphs (text);

  for (guint i = 0; paragraphs[i]; i++)
    place_paragraph (self, grid_paragraph (self, NB_FONT_BODY, paragraphs[i]), "P", NULL);
}

/* ---- Title ---------------------------------------------------------------------------- */

/* The advance of each character of @title in the title's font. */
static double *
title_char_widths (NbPageLayout *self, const char *title, guint n)
{
  g_autoptr(PangoLayout) layout = nb_typeset_layout (self->typeset, NB_FONT_TITLE,
                                                     NB_SIZE_ERHAO, "");
  double *widths = g_new0 (double, n + 1);
  const char *p = title;

  for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      pango_layout_set_text (layout, p, (int) (g_utf8_next_char (p) - p));
      widths[i] = nb_typeset_text_width (layout);
    }
  return widths;
}

/* The user's breaks, made safe (nb_render_title_breaks), and a line wider than the type area broken again by the rules of
 * layout.md §5. */
static GArray *
check_manual_breaks (const char *title, const double *widths, guint n, const GArray *manual)
{
  g_autoptr(GArray) kept = nb_render_title_breaks (title, manual);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  int done = 0;

  for (guint b = 0; b <= kept->len; b++)
    {
      int end = b < kept->len ? g_array_index (kept, int, b) : (int) n;
      const char *from = g_utf8_offset_to_pointer (title, done);
      g_autofree char *segment = g_strndup (from, (gsize) (g_utf8_offset_to_pointer (title, end) - from));
      g_autoptr(GArray) inner = nb_title_breaks_compute (segment, widths + done, NB_AREA_WIDTH);

      for (guint i = 0; i < inner->len; i++)
        {
          int at = done + g_array_index (inner, int, i);

          g_array_append_val (out, at);
        }
      if (b < kept->len)
        g_array_append_val (out, end);
      done = end;
    }
  return out;
}

/* 小标宋 二号, centred from the first grid line, one line per break, then a blank line. */
static void
place_title (NbPageLayout *self, NbReport *report)
{
  const GArray *manual = nb_report_get_title_breaks (report);
  const char *start = self->title;
  guint n_chars = (guint) g_utf8_strlen (self->title, -1);
  guint done = 0;

  g_autofree double *widths = title_char_widths (self, self->title, n_chars);

  if (manual && manual->len > 0)
    self->title_breaks = check_manual_breaks (self->title, widths, n_chars, manual);
  else
    self->title_breaks = nb_title_breaks_compute (self->title, widths, NB_AREA_WIDTH);

  for (guint b = 0; b <= self->title_breaks->len; b++)
    {
      guint end = b < self->title_breaks->len ? (guint) g_array_index (self->title_breaks, int, b)
                                              : n_chars;
      const char *stop;
      g_autofree char *text = NULL;
      PangoLayout *layout;

      if (end <= done || end > n_chars)
        continue;
      stop = g_utf8_offset_to_pointer (start, end - done);
      text = g_strndup (start, (gsize) (stop - start));
      layout = keep_layout (self, nb_typeset_layout (self->typeset, NB_FONT_TITLE,
                                                     NB_SIZE_ERHAO, text));
      /* All title lines are one H1. */
      place_lines (self, layout, NB_SIZE_ERHAO, "H1", NULL, TRUE, done == 0);
      start = stop;
      done = end;
    }
  self->line++;
}

/* ---- Sections ------------------------------------------------------------------------- */

/* “（一）heading。text”: the heading in 楷体 inside the body paragraph (layout.md §4). A
 * part without a heading is text only (nb_render_part_heading). */
static void
place_part (NbPageLayout *self, NbReport *report, guint index)
{
  const NbPart *part = nb_report_get_part (report, index);
  g_autofree char *head = nb_render_part_heading (report, index);
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *first = NULL;
  PangoLayout *layout;
  g_autoptr(PangoAttrList) attrs = NULL;
  PangoFontDescription *kai;

  if (head == NULL)
    {
      place_text (self, part->text);
      return;
    }
  /* A standalone heading: its own line in 楷体, no final punctuation, an H3 with a
   * destination for the outline (layout.md §4, §12.2). */
  if (nb_report_get_standalone_headings (report))
    {
      g_autofree char *title = nb_render_part_title (report, index);
      char *dest = g_strdup_printf ("s1-%u", self->part_dests->len + 1);

      g_ptr_array_add (self->part_titles, g_strdup (title));
      g_ptr_array_add (self->part_dests, dest);
      need_lines (self, 3);
      place_paragraph (self, grid_paragraph (self, NB_FONT_KAI, title), "H3", dest);
      place_text (self, part->text);
      return;
    }
  paragraphs = nb_render_paragraphs (part->text);
  first = g_strconcat (head, paragraphs[0] ? paragraphs[0] : "", NULL);
  layout = grid_paragraph (self, NB_FONT_BODY, first);
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  kai = nb_pdf_fonts_description (self->typeset->fonts, NB_FONT_KAI, NB_SIZE_SANHAO);
  add_range_attr (attrs, pango_attr_font_desc_new (kai), 0, (guint) strlen (head));
  nb_pdf_fonts_note_text (self->typeset->fonts, NB_FONT_KAI, head);
  pango_font_description_free (kai);
  pango_layout_set_attributes (layout, attrs);
  need_lines (self, 2);
  place_paragraph (self, layout, "P", NULL);
  for (guint i = 1; paragraphs[0] && paragraphs[i]; i++)
    place_paragraph (self, grid_paragraph (self, NB_FONT_BODY, paragraphs[i]), "P", NULL);
}

/* The height that must follow a table's heading on the same page: the first block (二),
 * the header rows and the first data row (三), the whole table (四). */
static double
first_unit_height (NbTableLayout *table)
{
  const NbTableDef *def = nb_table_layout_get_def (table);
  const NbTableBlock *block = &def->blocks[0];

  if (def->id == NB_TABLE_S3)
    return nb_table_layout_height (table, block->first_row, block->first_row + block->n_header_rows + 1);
  return nb_table_layout_height (table, block->first_row, block->first_row + block->n_rows);
}

static void
add_table_op (NbPageLayout *self, NbTableLayout *table, double y, guint head_first,
              guint head_end, guint first_row, guint end_row)
{
  Op op = { OP_TABLE };

  op.table = table;
  op.x = NB_AREA_LEFT;
  op.y = NB_AREA_TOP + y;
  op.head_first = head_first;
  op.head_end = head_end;
  op.first_row = first_row;
  op.end_row = end_row;
  /* One Table element across all parts (and pages) of the table. */
  op.table_open = self->table_parts++ == 0;
  g_array_append_val (self->page->ops, op);
}

/* Table 二 breaks only between its blocks, 四 never; 三 between data rows, with its header
 * rows repeated on the next page (layout.md §8). */
static void
place_table (NbPageLayout *self, NbTableLayout *table)
{
  const NbTableDef *def = nb_table_layout_get_def (table);
  gboolean by_rows = def->id == NB_TABLE_S3;
  double y;

  need_height (self, first_unit_height (table));
  y = self->line * NB_LINE_PITCH;
  self->table_parts = 0;
  for (guint b = 0; b < def->n_blocks; b++)
    {
      const NbTableBlock *block = &def->blocks[b];
      guint head_end = block->first_row + block->n_header_rows;
      guint block_end = block->first_row + block->n_rows;
      guint first = block->first_row, head_first = 0, head_last = 0;
      guint end = by_rows ? head_end + 1 : block_end;

      if (y > 0 && y + nb_table_layout_height (table, first, end) > NB_AREA_HEIGHT + 0.01)
        {
          new_page (self);
          y = 0;
        }
      for (; end < block_end; end++)
        {
          double used = nb_table_layout_height (table, head_first, head_last) +
                        nb_table_layout_height (table, first, end + 1);

          if (y + used <= NB_AREA_HEIGHT + 0.01)
            continue;
          /* Fill the page: break before the first row that does not fit, moved up only
           * while a label the break cuts would lack room for its text on either side
           * (the cut label is drawn again in each part). */
          {
            guint at = end;

            while (at > MAX (first, head_end) + 1 && !nb_table_layout_can_break (table, first, at))
              at--;
            if (at > MAX (first, head_end) && nb_table_layout_can_break (table, first, at))
              end = at;
          }
          add_table_op (self, table, y, head_first, head_last, first, end);
          new_page (self);
          y = 0;
          head_first = block->first_row, head_last = head_end;
          first = end;
        }
      add_table_op (self, table, y, head_first, head_last, first, end);
      y += nb_table_layout_height (table, head_first, head_last) +
           nb_table_layout_height (table, first, end);
    }
  g_array_index (self->page->ops, Op, self->page->ops->len - 1).table_close = TRUE;
  /* Body text resumes on the next free grid line. */
  self->line = (guint) ceil (y / NB_LINE_PITCH - 0.001);
}

static void
place_section (NbPageLayout *self, NbReport *report, guint index)
{
  const NbSectionDef *def = nb_format_section (index);
  PangoLayout *heading;
  NbTableLayout *table = NULL;

  self->section_titles[index] = nb_render_clean_line (nb_report_get_section_title (report, index));
  self->section_dests[index] = g_strdup (def->id);
  heading = grid_paragraph (self, NB_FONT_HEI, self->section_titles[index]);

  /* A heading never ends a page: it keeps two body lines, or its table's first part. */
  if (def->kind == NB_SECTION_TABLE)
    {
      table = nb_table_layout_new (self->typeset, report, def->table);
      g_ptr_array_add (self->tables, table);
      need_height (self, NB_LINE_PITCH + first_unit_height (table));
    }
  else
    need_lines (self, 3);
  place_paragraph (self, heading, "H2", self->section_dests[index]);

  if (table)
    {
      place_table (self, table);
      place_text (self, nb_report_get_text (report, NB_TEXT_S2_NOTE + def->table));
    }
  else if (index == 0)
    {
      place_text (self, nb_report_get_text (report, NB_TEXT_S1_INTRO));
      for (guint p = 0; p < nb_report_get_n_parts (report); p++)
        place_part (self, report, p);
    }
  else
    place_text (self, nb_report_get_text (report, index == 4 ? NB_TEXT_S5 : NB_TEXT_S6));
}

/* ---- Signature ------------------------------------------------------------------------- */

/* GB/T 9704-2012 7.3.5.2 (layout.md §7): one blank line after the body; the agency two
 * characters from the right; the date on the next line, its first character two to the
 * right of the agency's, or two characters from the right when it is the longer. */
static void
place_signature (NbPageLayout *self, NbReport *report)
{
  g_autofree char *agency = NULL, *date = NULL;
  PangoLayout *name, *day = NULL;
  double right = NB_AREA_WIDTH - 2 * NB_CHAR_ADVANCE, name_x, day_x = 0;
  PangoLayoutIter *iter;

  if (!nb_render_signature (report, &agency, &date) || !*agency)
    return;
  name = keep_layout (self, nb_typeset_layout (self->typeset, NB_FONT_BODY, NB_SIZE_SANHAO, agency));
  nb_typeset_add_attr (name, pango_attr_letter_spacing_new (
                         (int) lround ((NB_CHAR_ADVANCE - NB_SIZE_SANHAO) * PANGO_SCALE)));
  name_x = right - nb_typeset_text_width (name);
  if (date)
    {
      day = keep_layout (self, nb_typeset_layout (self->typeset, NB_FONT_BODY, NB_SIZE_SANHAO, date));
      nb_typeset_add_attr (day, pango_attr_letter_spacing_new (
                             (int) lround ((NB_CHAR_ADVANCE - NB_SIZE_SANHAO) * PANGO_SCALE)));
      day_x = name_x + 2 * NB_CHAR_ADVANCE;
      if (day_x + nb_typeset_text_width (day) > right + 0.01)
        {
          day_x = right - nb_typeset_text_width (day);
          name_x = day_x - 2 * NB_CHAR_ADVANCE;
        }
    }
  need_lines (self, date ? 3 : 2);
  if (self->line > 0)
    self->line++;
  self->block++;
  iter = pango_layout_get_iter (name);
  add_line (self, name, 0, iter, NB_SIZE_SANHAO, "P", NULL, FALSE, NULL, MAX (name_x, 0));
  pango_layout_iter_free (iter);
  if (day)
    {
      iter = pango_layout_get_iter (day);
      add_line (self, day, 0, iter, NB_SIZE_SANHAO, "P", NULL, FALSE, NULL, MAX (day_x, 0));
      pango_layout_iter_free (iter);
    }
}

/* ---- Page numbers ----------------------------------------------------------------------- */

/* “— N —” in 宋体 四号: odd pages right, even pages left (layout.md §6). */
static void
place_folios (NbPageLayout *self)
{
  g_autoptr(PangoLayout) dash = nb_typeset_layout (self->typeset, NB_FONT_SONG, NB_SIZE_SIHAO,
                                                   "—");
  PangoRectangle ink;
  double dash_centre;

  /* The dash's ink centre below the layout's top. */
  pango_layout_get_extents (dash, &ink, NULL);
  dash_centre = (ink.y + ink.height / 2.0) / PANGO_SCALE;

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      g_autofree char *text = g_strdup_printf ("— %u —", i + 1);
      guint number = i + 1;

      page->folio = nb_typeset_layout (self->typeset, NB_FONT_SONG, NB_SIZE_SIHAO, text);
      pango_layout_get_extents (page->folio, &ink, NULL);
      page->folio_y = NB_FOLIO_CENTRE_Y - dash_centre;
      if (number % 2 == 1)
        page->folio_x = NB_AREA_LEFT + NB_AREA_WIDTH - NB_FOLIO_INSET -
                        (double) (ink.x + ink.width) / PANGO_SCALE;
      else
        page->folio_x = NB_AREA_LEFT + NB_FOLIO_INSET - (double) ink.x / PANGO_SCALE;
    }
}

/* ---- Public ------------------------------------------------------------------------------ */

NbPageLayout *
nb_page_layout_new (NbReport *report, const NbPdfOptions *options)
{
  NbPageLayout *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self = g_object_new (NB_TYPE_PAGE_LAYOUT, NULL);
  self->typeset = nb_typeset_new (options);
  self->title = nb_render_display_title (report);

  new_page (self);
  place_title (self, report);
  place_text (self, nb_report_get_text (report, NB_TEXT_PREAMBLE));
  place_text (self, nb_report_get_text (report, NB_TEXT_CONTACT));
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    place_section (self, report, i);
  place_signature (self, report);
  place_folios (self);
  self->page = NULL;
  return self;
}

guint
nb_page_layout_get_n_pages (NbPageLayout *self)
{
  g_return_val_if_fail (NB_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

/* "' rect=[x y w h]" closing the uri, with '.' as decimal point whatever the locale. */
static void
append_rect (GString *out, double x, double y, double w, double h)
{
  const double values[] = { x, y, w, h };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "' rect=[");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "",
                            g_ascii_formatd (buffer, sizeof buffer, "%.3f", values[i]));
  g_string_append_c (out, ']');
}

/* A Link (uri='…') over the part of each address on @op's line (layout.md §12.2). */
static void
tag_links (cairo_t *cr, const Op *op)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (op->layout, op->line);
  const char *text = pango_layout_get_text (op->layout);
  double size = (double) pango_font_description_get_size (
                  pango_layout_get_font_description (op->layout)) / PANGO_SCALE;

  for (guint i = 0; i < op->links->len; i++)
    {
      const Link *link = &g_array_index (op->links, Link, i);
      int from = MAX (link->start, line->start_index);
      int to = MIN (link->end, line->start_index + line->length);
      PangoRectangle first, last;
      g_autoptr(GString) attributes = NULL;
      double x0, x1;

      if (from >= to)
        continue;
      pango_layout_index_to_pos (op->layout, from, &first);
      pango_layout_index_to_pos (op->layout, (int) (g_utf8_prev_char (text + to) - text), &last);
      x0 = op->origin_x + (double) MIN (first.x, last.x + last.width) / PANGO_SCALE;
      x1 = op->origin_x + (double) MAX (first.x, last.x + last.width) / PANGO_SCALE;
      attributes = g_string_new ("uri='");
      for (const char *p = link->uri; *p; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (attributes, '\\');
          g_string_append_c (attributes, *p);
        }
      append_rect (attributes, x0, op->y - NB_BASELINE_RATIO * size, x1 - x0, size * 1.1);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
}

/* TRUE when the last line of page @index and the first of the next belong to one block:
 * its structure element stays open across the page break (one P, not two). */
static gboolean
block_continues (NbPageLayout *self, guint index)
{
  Page *page, *next;
  const Op *last, *first;

  if (index + 1 >= self->pages->len)
    return FALSE;
  page = g_ptr_array_index (self->pages, index);
  next = g_ptr_array_index (self->pages, index + 1);
  if (page->ops->len == 0 || next->ops->len == 0)
    return FALSE;
  last = &g_array_index (page->ops, Op, page->ops->len - 1);
  first = &g_array_index (next->ops, Op, 0);
  return last->kind == OP_LINE && first->kind == OP_LINE && last->block == first->block;
}

static void
draw_page (NbPageLayout *self, cairo_t *cr, guint index, gboolean tagged, NbFontSubsets *subsets)
{
  Page *page;
  const char *open_tag = NULL;
  guint open_block = 0;

  g_return_if_fail (NB_IS_PAGE_LAYOUT (self));
  g_return_if_fail (index < self->pages->len);
  page = g_ptr_array_index (self->pages, index);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* Pages are drawn in order on one surface: the previous page left this block open. */
  if (tagged && index > 0 && block_continues (self, index - 1))
    {
      const Op *first = &g_array_index (page->ops, Op, 0);

      open_tag = first->tag;
      open_block = first->block;
    }
  for (guint i = 0; i < page->ops->len; i++)
    {
      const Op *op = &g_array_index (page->ops, Op, i);

      if (tagged && open_tag && (op->kind != OP_LINE || op->block != open_block))
        {
          cairo_tag_end (cr, open_tag);
          open_tag = NULL;
        }
      if (op->kind == OP_TABLE)
        {
          NbTableTags tags = NB_TABLE_TAG_NONE;

          if (tagged)
            tags = NB_TABLE_TAG_ROWS | (op->table_open ? NB_TABLE_TAG_OPEN : 0) |
                   (op->table_close ? NB_TABLE_TAG_CLOSE : 0);
          nb_table_layout_draw (op->table, cr, op->x, op->y, op->head_first, op->head_end,
                                op->first_row, op->end_row, tags, subsets);
          continue;
        }
      if (tagged && open_tag == NULL)
        {
          cairo_tag_begin (cr, op->tag, NULL);
          open_tag = op->tag;
          open_block = op->block;
        }
      if (tagged && op->dest)
        {
          g_autofree char *attributes = g_strdup_printf ("name='%s'", op->dest);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
        }
      cairo_move_to (cr, op->x, op->y);
      nb_font_subsets_show_line (subsets, cr, pango_layout_get_line_readonly (op->layout, op->line));
      if (tagged && op->dest)
        cairo_tag_end (cr, CAIRO_TAG_DEST);
      if (tagged && op->links)
        tag_links (cr, op);
    }
  if (tagged && open_tag && !block_continues (self, index))
    cairo_tag_end (cr, open_tag);

  /* The page number stays untagged (no "Artifact" on cairo 1.16, layout.md §12.1). */
  cairo_move_to (cr, page->folio_x, page->folio_y);
  nb_font_subsets_show_layout (subsets, cr, page->folio);
  cairo_restore (cr);
}

void
nb_page_layout_draw_page (NbPageLayout *self, cairo_t *cr, guint page)
{
  draw_page (self, cr, page, FALSE, NULL);
}

void
nb_page_layout_draw_page_tagged (NbPageLayout *self, cairo_t *cr, guint page,
                                 NbFontSubsets *subsets)
{
  draw_page (self, cr, page, TRUE, subsets);
}

const char *
nb_page_layout_get_title (NbPageLayout *self)
{
  return self->title;
}

const char *
nb_page_layout_get_section_title (NbPageLayout *self, guint section)
{
  g_return_val_if_fail (section < NB_N_SECTIONS, NULL);
  return self->section_titles[section];
}

const char *
nb_page_layout_get_section_dest (NbPageLayout *self, guint section)
{
  g_return_val_if_fail (section < NB_N_SECTIONS, NULL);
  return self->section_dests[section];
}

gboolean
nb_page_layout_check_fonts (NbPageLayout *self, GError **error)
{
  return nb_pdf_fonts_check (self->typeset->fonts, error);
}

char **
nb_page_layout_dup_resolved_fonts (NbPageLayout *self)
{
  return nb_pdf_fonts_describe (self->typeset->fonts);
}

guint
nb_page_layout_get_n_part_headings (NbPageLayout *self)
{
  return self->part_titles->len;
}

const char *
nb_page_layout_get_part_heading (NbPageLayout *self, guint index, const char **dest)
{
  g_return_val_if_fail (index < self->part_titles->len, NULL);
  *dest = g_ptr_array_index (self->part_dests, index);
  return g_ptr_array_index (self->part_titles, index);
}

const GArray *
nb_page_layout_get_title_breaks (NbPageLayout *self)
{
  return self->title_breaks;
}
