/* nb-table-layout.h — the three tables measured and drawn (layout.md §8)
 *
 * Column widths come from the format; row heights from the text of each row's cells.
 * Drawing takes two row ranges: the header rows to repeat (may be empty) and the rows of
 * this page; a row-spanning label cut by a page break is drawn again in its part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "nb-pdf-subset.h"
#include "nb-report.h"
#include "nb-typeset.h"

G_BEGIN_DECLS

typedef struct _NbTableLayout NbTableLayout;

/* The type size and the cell padding of table @id, in points, before any shrinking
 * (layout.md §8); for writers that leave the layout to another program (.docx). */
void              nb_table_layout_metrics   (NbTableId       id,
                                             double         *size,
                                             double         *pad_h,
                                             double         *pad_v);
/* The words of a head label, where it may break: 商业/企业, 社会/公益/组织, 复议后/起诉. */
GPtrArray        *nb_table_layout_head_words (const char    *text);

NbTableLayout    *nb_table_layout_new       (NbTypeset      *typeset,
                                             NbReport       *report,
                                             NbTableId       id);
void              nb_table_layout_free      (NbTableLayout  *self);
const NbTableDef *nb_table_layout_get_def   (NbTableLayout  *self);
double            nb_table_layout_font_size (NbTableLayout  *self);
/* The size of the numbers: the table's size, or less when one fits no other way. */
double            nb_table_layout_value_size (NbTableLayout *self);
/* The text of grid item @index as laid out (head labels with their line breaks). */
const char       *nb_table_layout_cell_text (NbTableLayout  *self,
                                             guint           index);
/* The width of grid item @index's text in points (a value cell's single line). */
double            nb_table_layout_cell_width (NbTableLayout *self,
                                              guint          index);
/* Height of grid rows [first_row, end_row) in points. */
double            nb_table_layout_height    (NbTableLayout  *self,
                                             guint           first_row,
                                             guint           end_row);
/* TRUE when a page break before grid row @at (the page's part starting at @first) leaves
 * every cut row-spanning label room for its text on both sides. */
gboolean          nb_table_layout_can_break (NbTableLayout  *self,
                                             guint           first,
                                             guint           at);
/* Structure tags around a drawn part (PDF). One Table element spans every part of a
 * table, across pages: the first part opens it, the last closes it. */
typedef enum {
  NB_TABLE_TAG_NONE    = 0,
  NB_TABLE_TAG_ROWS    = 1 << 0,  /* TR › TH/TD around the rows of this part */
  NB_TABLE_TAG_OPEN    = 1 << 1,  /* cairo_tag_begin "Table" first */
  NB_TABLE_TAG_CLOSE   = 1 << 2,  /* cairo_tag_end "Table" last */
} NbTableTags;

/* Draws rows [head_first, head_end) and then [first_row, end_row) with the table's top
 * left corner at (@x, @y). The repeated header rows stay untagged: they are already in
 * the structure once. @subsets (may be NULL) draws the text with the export's font
 * subsets. */
void              nb_table_layout_draw      (NbTableLayout  *self,
                                             cairo_t        *cr,
                                             double          x,
                                             double          y,
                                             guint           head_first,
                                             guint           head_end,
                                             guint           first_row,
                                             guint           end_row,
                                             NbTableTags     tags,
                                             NbFontSubsets  *subsets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTableLayout, nb_table_layout_free)

G_END_DECLS
