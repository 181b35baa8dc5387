/* nb-format.h — the 2021 report format (国办公开办函〔2021〕30号) as data
 *
 * The one definition of the sections, the three tables (labels, merged cells, cell keys,
 * units) and their arithmetic relations. The checks, the JSON reader and writer, the
 * editor, the PDF and HTML writers and the importer all walk what is declared here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NB_N_SECTIONS 6

typedef enum {
  NB_SECTION_NARRATIVE,
  NB_SECTION_TABLE,
} NbSectionKind;

typedef enum {
  NB_TABLE_S2,            /* 二、主动公开政府信息情况 */
  NB_TABLE_S3,            /* 三、收到和处理政府信息公开申请情况 */
  NB_TABLE_S4,            /* 四、政府信息公开行政复议、行政诉讼情况 */
  NB_N_TABLES,
  NB_TABLE_NONE = -1,
} NbTableId;

typedef struct {
  const char    *id;            /* "s1" … "s6": the location used in findings and JSON */
  guint          number;        /* 1 … 6 */
  const char    *ordinal;       /* "一" */
  const char    *title;         /* canonical, full-width: "一、总体情况" */
  NbSectionKind  kind;
  NbTableId      table;         /* NB_TABLE_NONE for narrative sections */
  const char   *const *variants;  /* other titles importers accept (format.md §7.2), NULL-terminated */
} NbSectionDef;

typedef enum {
  NB_UNIT_COUNT,                /* 件, a non-negative integer */
  NB_UNIT_MONEY,                /* 万元 on paper, held as integer 元 */
} NbUnit;

/* One input cell of a table. Cells are numbered 0 … nb_format_n_cells () - 1, table by
 * table in the order of format.md §3; the cells of one table are contiguous. */
typedef struct {
  const char *key;              /* full key: "s2.a1.norms.issued", "s3.new.np", "s4.rev.total" */
  const char *local_key;        /* key inside its table: "a1.norms.issued", "new.np", "rev.total" */
  NbTableId   table;
  const char *row_key;          /* "a1.norms", "new", "rev" */
  const char *col_key;          /* "issued", "np", "total" */
  const char *row_label;        /* most specific row label: "2.没有现成信息需要另行制作" */
  const char *row_group;        /* enclosing label or NULL: "（四）无法提供", "第二十条第（一）项" */
  const char *col_label;        /* "总计", "本年制发件数" */
  const char *col_group;        /* enclosing column head or NULL: "法人或其他组织", "复议后起诉" */
  NbUnit      unit;
  gboolean    computed;         /* a total: the editor derives it from its parts */
  guint       grid_row;         /* position in the printed grid (see NbGridItem) */
  guint       grid_col;
} NbCellDef;

typedef enum {
  NB_GRID_BLOCK_HEAD,           /* 第二十条第（一）项, spanning the whole width */
  NB_GRID_COL_HEAD,             /* a column head: 本年制发件数, 自然人, 行政复议 … */
  NB_GRID_ROW_HEAD,             /* a row label: 规章, 1.属于国家秘密 */
  NB_GRID_GROUP_HEAD,           /* a row-spanning group label: 三、本年度办理结果, （三）不予公开 */
  NB_GRID_CORNER,               /* the note in table 三's top left corner */
  NB_GRID_VALUE,                /* an input cell; see .cell */
} NbGridKind;

/* One cell of the printed grid, with its merge. */
typedef struct {
  NbGridKind  kind;
  guint       row;
  guint       col;
  guint       row_span;
  guint       col_span;
  const char *text;             /* label text; NULL for values */
  int         cell;             /* cell index for NB_GRID_VALUE, else -1 */
} NbGridItem;

/* A run of grid rows printed together: table 二 has four (one per 第二十条 item), the
 * other tables one. Rows [first_row, first_row + n_header_rows) are the block's heads. */
typedef struct {
  const char *caption;          /* "第二十条第（一）项"; the section title for 三 and 四 */
  guint       first_row;
  guint       n_rows;
  guint       n_header_rows;
} NbTableBlock;

typedef struct {
  NbTableId           id;
  const char         *section_id;      /* "s2" */
  guint               n_rows;          /* grid size */
  guint               n_cols;
  const NbGridItem   *items;           /* in reading order: row by row, left to right */
  guint               n_items;
  const NbTableBlock *blocks;
  guint               n_blocks;
  guint               first_cell;      /* cells [first_cell, first_cell + n_cells) */
  guint               n_cells;
  const double       *col_widths_mm;   /* printed column widths, summing to 156 mm */
} NbTableDef;

/* total == Σ parts (R-T3-01, R-T3-02, R-T4-01). */
typedef struct {
  const char *rule;
  const char *name;             /* what the relation is about: a row label, a column label, a group */
  int         total;
  guint       n_parts;
  int         parts[24];
} NbSumRelation;

/* left[0] + left[1] == right[0] + right[1]: the printed 勾稽关系 of table 三 (R-T3-03). */
typedef struct {
  const char *rule;
  const char *name;             /* column label */
  int         left[2];          /* new, carry_in */
  int         right[2];         /* results_total, carry_out */
} NbBalanceRelation;

/* Agency levels (format.md §6). */
typedef enum {
  NB_LEVEL_STATE_COUNCIL_DEPT,
  NB_LEVEL_PROVINCIAL_GOV,
  NB_LEVEL_PREFECTURE_GOV,
  NB_LEVEL_COUNTY_GOV,
  NB_LEVEL_TOWNSHIP_GOV,
  NB_LEVEL_SUBDISTRICT,
  NB_LEVEL_DEPARTMENT,
  NB_N_LEVELS,
} NbAgencyLevel;

typedef enum {
  NB_REGION_NATIONAL,
  NB_REGION_PROVINCIAL,
  NB_REGION_PREFECTURE,
  NB_REGION_COUNTY,
  NB_REGION_TOWNSHIP,
  NB_N_REGIONS,
} NbRegionLevel;

/* The five customary aspects of 一、总体情况. */
typedef enum {
  NB_ASPECT_ACTIVE,             /* 主动公开 */
  NB_ASPECT_ON_REQUEST,         /* 依申请公开 */
  NB_ASPECT_INFO_MANAGEMENT,    /* 政府信息管理 */
  NB_ASPECT_PLATFORM,           /* 政府信息公开平台建设 */
  NB_ASPECT_OVERSIGHT,          /* 监督保障 */
  NB_N_ASPECTS,
} NbAspect;

const NbSectionDef *nb_format_section           (guint               index);
const NbSectionDef *nb_format_section_by_id     (const char         *id);

guint               nb_format_n_cells           (void);
const NbCellDef    *nb_format_cell              (guint               index);
int                 nb_format_cell_index        (const char         *key);
int                 nb_format_cell_index_in     (NbTableId           table,
                                                 const char         *local_key);

const NbTableDef   *nb_format_table             (NbTableId           table);

/* Table 三's rows and columns by key (−1 when unknown), and its cell at (row, col). */
guint               nb_format_s3_n_rows         (void);
guint               nb_format_s3_n_cols         (void);
const char         *nb_format_s3_row_key        (guint               row);
const char         *nb_format_s3_col_key        (guint               col);
int                 nb_format_s3_row            (const char         *row_key);
int                 nb_format_s3_col            (const char         *col_key);
int                 nb_format_s3_cell           (guint               row,
                                                 guint               col);

const NbSumRelation     *nb_format_sum_relations     (guint *n_relations);
const NbBalanceRelation *nb_format_balance_relations (guint *n_relations);

const char         *nb_format_level_id          (NbAgencyLevel       level);
const char         *nb_format_level_name        (NbAgencyLevel       level);
int                 nb_format_level_from_id     (const char         *id);
gboolean            nb_format_level_is_government (NbAgencyLevel     level);
NbRegionLevel       nb_format_level_default_region (NbAgencyLevel    level);
const char         *nb_format_region_id         (NbRegionLevel       region);
const char         *nb_format_region_name       (NbRegionLevel       region);
int                 nb_format_region_from_id    (const char         *id);

const char         *nb_format_aspect_id         (NbAspect            aspect);
const char         *nb_format_aspect_name       (NbAspect            aspect);
int                 nb_format_aspect_from_id    (const char         *id);

/* Words that mark the superseded 2019 trial layout (R-F-03), NULL-terminated. */
const char *const  *nb_format_legacy_markers    (void);

/* The text of a section's canonical title without its ordinal: "总体情况". */
const char         *nb_format_section_short_title (guint             index);

/* The years a 2021-format report can be written for: 2021 … the current year (a report
 * for a year not yet ended is a draft, one for a later year cannot exist). */
void                nb_format_year_range        (int                *first,
                                                 int                *last);

G_END_DECLS
