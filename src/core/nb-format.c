/* nb-format.c — the 2021 report format as data
 *
 * The static tables below are written once, in the words of format.md §2–§3. The grids,
 * the cell list and the relations are built from them on first use, so a row or a column
 * added here reaches every layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-format.h"

#include <string.h>

/* ---- Sections ---------------------------------------------------------------------- */

static const char *const s2_variants[] = { "二、行政机关主动公开政府信息情况", NULL };
static const char *const s3_variants[] = {
  "三、行政机关收到和处理政府信息公开申请情况",
  "三、收到和处理政府信息公开的申请情况",
  NULL
};
static const char *const s4_variants[] = {
  "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
  "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
  NULL
};
static const char *const s5_variants[] = {
  "五、政府信息公开工作存在的主要问题及改进情况",
  "五、存在的主要问题和改进措施",
  "五、存在问题与改进路径",
  NULL
};
static const char *const s6_variants[] = {
  "六、其他事项",
  "六、其他需要汇报事项",
  "六、其他报告的事项",
  NULL
};
static const char *const no_variants[] = { NULL };

static const NbSectionDef sections[NB_N_SECTIONS] = {
  { "s1", 1, "一", "一、总体情况", NB_SECTION_NARRATIVE, NB_TABLE_NONE, no_variants },
  { "s2", 2, "二", "二、主动公开政府信息情况", NB_SECTION_TABLE, NB_TABLE_S2, s2_variants },
  { "s3", 3, "三", "三、收到和处理政府信息公开申请情况", NB_SECTION_TABLE, NB_TABLE_S3, s3_variants },
  { "s4", 4, "四", "四、政府信息公开行政复议、行政诉讼情况", NB_SECTION_TABLE, NB_TABLE_S4, s4_variants },
  { "s5", 5, "五", "五、存在的主要问题及改进情况", NB_SECTION_NARRATIVE, NB_TABLE_NONE, s5_variants },
  { "s6", 6, "六", "六、其他需要报告的事项", NB_SECTION_NARRATIVE, NB_TABLE_NONE, s6_variants },
};

/* ---- Table 二 ------------------------------------------------------------------------ */

typedef struct {
  const char *key;              /* "a1.rules" */
  const char *label;
} S2Row;

typedef struct {
  const char *head;             /* 第二十条第（一）项 */
  const char *col_labels[3];
  const char *col_keys[3];      /* NULL when the block has a single value column */
  guint       n_cols;
  S2Row       rows[2];
  guint       n_rows;
  NbUnit      unit;
} S2Block;

static const S2Block s2_blocks[] = {
  { "第二十条第（一）项",
    { "本年制发件数", "本年废止件数", "现行有效件数" }, { "issued", "repealed", "valid" }, 3,
    { { "a1.rules", "规章" }, { "a1.norms", "行政规范性文件" } }, 2, NB_UNIT_COUNT },
  { "第二十条第（五）项",
    { "本年处理决定数量" }, { NULL }, 1,
    { { "a5.license", "行政许可" } }, 1, NB_UNIT_COUNT },
  { "第二十条第（六）项",
    { "本年处理决定数量" }, { NULL }, 1,
    { { "a6.penalty", "行政处罚" }, { "a6.coercion", "行政强制" } }, 2, NB_UNIT_COUNT },
  { "第二十条第（八）项",
    { "本年收费金额（单位：万元）" }, { NULL }, 1,
    { { "a8.fees", "行政事业性收费" } }, 1, NB_UNIT_MONEY },
};

static const char s2_row_head[] = "信息内容";
static const double s2_widths[] = { 42, 38, 38, 38 };

/* ---- Table 三 ------------------------------------------------------------------------ */

static const char s3_corner[] = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
static const char s3_applicants[] = "申请人情况";
static const char s3_orgs[] = "法人或其他组织";

typedef struct {
  const char *key;
  const char *label;
} S3Col;

static const S3Col s3_cols[] = {
  { "np", "自然人" },
  { "biz", "商业企业" },
  { "research", "科研机构" },
  { "ngo", "社会公益组织" },
  { "legal", "法律服务机构" },
  { "other_org", "其他" },
  { "total", "总计" },
};
#define S3_N_COLS G_N_ELEMENTS (s3_cols)
#define S3_FIRST_ORG 1
#define S3_N_ORGS 5
#define S3_TOTAL_COL 6

/* Labels shared by several rows are one pointer, so that consecutive rows that share it
 * merge into one row-spanning cell. */
static const char l1_results[] = "三、本年度办理结果";
static const char l2_deny[] = "（三）不予公开";
static const char l2_na[] = "（四）无法提供";
static const char l2_np[] = "（五）不予处理";
static const char l2_oth[] = "（六）其他处理";

typedef struct {
  const char *key;
  const char *level1;           /* c0 */
  const char *level2;           /* c1 */
  const char *level3;           /* c2 */
  gboolean    result;           /* one of the 21 rows summed into （七）总计 */
} S3Row;

static const S3Row s3_rows[] = {
  { "new", "一、本年新收政府信息公开申请数量", NULL, NULL, FALSE },
  { "carry_in", "二、上年结转政府信息公开申请数量", NULL, NULL, FALSE },
  { "open", l1_results, "（一）予以公开", NULL, TRUE },
  { "partial", l1_results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", NULL, TRUE },
  { "deny_secret", l1_results, l2_deny, "1.属于国家秘密", TRUE },
  { "deny_law", l1_results, l2_deny, "2.其他法律行政法规禁止公开", TRUE },
  { "deny_safety", l1_results, l2_deny, "3.危及“三安全一稳定”", TRUE },
  { "deny_third_party", l1_results, l2_deny, "4.保护第三方合法权益", TRUE },
  { "deny_internal", l1_results, l2_deny, "5.属于三类内部事务信息", TRUE },
  { "deny_process", l1_results, l2_deny, "6.属于四类过程性信息", TRUE },
  { "deny_enforcement", l1_results, l2_deny, "7.属于行政执法案卷", TRUE },
  { "deny_query", l1_results, l2_deny, "8.属于行政查询事项", TRUE },
  { "na_not_held", l1_results, l2_na, "1.本机关不掌握相关政府信息", TRUE },
  { "na_need_create", l1_results, l2_na, "2.没有现成信息需要另行制作", TRUE },
  { "na_unclear", l1_results, l2_na, "3.补正后申请内容仍不明确", TRUE },
  { "np_petition", l1_results, l2_np, "1.信访举报投诉类申请", TRUE },
  { "np_repeat", l1_results, l2_np, "2.重复申请", TRUE },
  { "np_publication", l1_results, l2_np, "3.要求提供公开出版物", TRUE },
  { "np_mass", l1_results, l2_np, "4.无正当理由大量反复申请", TRUE },
  { "np_confirm", l1_results, l2_np, "5.要求行政机关确认或重新出具已获取信息", TRUE },
  { "oth_no_correction", l1_results, l2_oth,
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", TRUE },
  { "oth_no_fee", l1_results, l2_oth,
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", TRUE },
  { "oth_other", l1_results, l2_oth, "3.其他", TRUE },
  { "results_total", l1_results, "（七）总计", NULL, FALSE },
  { "carry_out", "四、结转下年度继续办理", NULL, NULL, FALSE },
};
#define S3_N_ROWS G_N_ELEMENTS (s3_rows)
#define S3_HEAD_ROWS 3
#define S3_LABEL_COLS 3

static const double s3_widths[] = { 10, 16, 34, 13.7, 13.7, 13.7, 13.7, 13.7, 13.7, 13.8 };

/* ---- Table 四 ------------------------------------------------------------------------ */

typedef struct {
  const char *key;              /* "rev" */
  const char *label;            /* 行政复议 / 未经复议直接起诉 / 复议后起诉 */
} S4Group;

static const S4Group s4_groups[] = {
  { "rev", "行政复议" },
  { "lit_direct", "未经复议直接起诉" },
  { "lit_after", "复议后起诉" },
};
static const char s4_litigation[] = "行政诉讼";
static const S3Col s4_cols[] = {
  { "upheld", "结果维持" },
  { "corrected", "结果纠正" },
  { "other", "其他结果" },
  { "pending", "尚未审结" },
  { "total", "总计" },
};
static const double s4_widths[] = { 10.4, 10.4, 10.4, 10.4, 10.4, 10.4, 10.4, 10.4,
                                    10.4, 10.4, 10.4, 10.4, 10.4, 10.4, 10.4 };

/* ---- Other vocabularies --------------------------------------------------------------- */

static const struct {
  const char *id;
  const char *name;
  gboolean    government;
  NbRegionLevel region;
} levels[NB_N_LEVELS] = {
  { "state_council_dept", "国务院部门", FALSE, NB_REGION_NATIONAL },
  { "provincial_gov", "省级人民政府", TRUE, NB_REGION_PROVINCIAL },
  { "prefecture_gov", "设区的市级人民政府", TRUE, NB_REGION_PREFECTURE },
  { "county_gov", "县级人民政府", TRUE, NB_REGION_COUNTY },
  { "township_gov", "乡镇人民政府", TRUE, NB_REGION_TOWNSHIP },
  { "subdistrict", "街道办事处", FALSE, NB_REGION_TOWNSHIP },
  { "department", "政府部门", FALSE, NB_REGION_COUNTY },
};

static const struct {
  const char *id;
  const char *name;
} regions[NB_N_REGIONS] = {
  { "national", "国家级" },
  { "provincial", "省级" },
  { "prefecture", "市级" },
  { "county", "县级" },
  { "township", "乡镇级" },
};

static const struct {
  const char *id;
  const char *name;
} aspects[NB_N_ASPECTS] = {
  { "active", "主动公开" },
  { "on_request", "依申请公开" },
  { "info_management", "政府信息管理" },
  { "platform", "政府信息公开平台建设" },
  { "oversight", "监督保障" },
};

static const char *const legacy_markers[] = {
  "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
  "第二十条第（九）项", "其他对外管理服务事项", NULL
};

/* ---- The built definition --------------------------------------------------------------- */

#define MAX_CELLS 256

typedef struct {
  NbCellDef          cells[MAX_CELLS];
  guint              n_cells;
  GHashTable        *by_key;           /* full key → index + 1 */
  GHashTable        *by_local[NB_N_TABLES];
  NbTableDef         tables[NB_N_TABLES];
  GArray            *items[NB_N_TABLES];
  NbTableBlock       s2_blocks[G_N_ELEMENTS (s2_blocks)];
  NbTableBlock       s3_block;
  NbTableBlock       s4_block;
  int                s3_grid[S3_N_ROWS][S3_N_COLS];
  GArray            *sums;
  GArray            *balances;
} Format;

static Format format;

static void
add_item (NbTableId table, NbGridKind kind, guint row, guint col, guint row_span,
          guint col_span, const char *text, int cell)
{
  NbGridItem item = { kind, row, col, row_span, col_span, text, cell };

  g_array_append_val (format.items[table], item);
}

static int
add_cell (NbTableId table, const char *local_key, const char *row_key, const char *col_key,
          const char *row_label, const char *row_group, const char *col_label,
          const char *col_group, NbUnit unit, gboolean computed, guint grid_row,
          guint grid_col)
{
  static const char *const prefixes[NB_N_TABLES] = { "s2.", "s3.", "s4." };
  NbCellDef *def;
  guint index = format.n_cells++;
  g_autofree char *key = g_strconcat (prefixes[table], local_key, NULL);

  g_assert (index < MAX_CELLS);
  def = &format.cells[index];
  /* Interned: the format lives as long as the process. */
  def->key = g_intern_string (key);
  def->local_key = g_intern_string (local_key);
  def->table = table;
  def->row_key = row_key;
  def->col_key = col_key;
  def->row_label = row_label;
  def->row_group = row_group;
  def->col_label = col_label;
  def->col_group = col_group;
  def->unit = unit;
  def->computed = computed;
  def->grid_row = grid_row;
  def->grid_col = grid_col;
  g_hash_table_insert (format.by_key, (gpointer) def->key, GINT_TO_POINTER (index + 1));
  g_hash_table_insert (format.by_local[table], (gpointer) def->local_key,
                       GINT_TO_POINTER (index + 1));
  return (int) index;
}

static void
build_s2 (void)
{
  guint row = 0;

  for (guint b = 0; b < G_N_ELEMENTS (s2_blocks); b++)
    {
      const S2Block *block = &s2_blocks[b];
      guint value_span = 3 / block->n_cols;

      format.s2_blocks[b] = (NbTableBlock) { block->head, row, 2 + block->n_rows, 2 };
      add_item (NB_TABLE_S2, NB_GRID_BLOCK_HEAD, row, 0, 1, 4, block->head, -1);
      row++;
      add_item (NB_TABLE_S2, NB_GRID_COL_HEAD, row, 0, 1, 1, s2_row_head, -1);
      for (guint c = 0; c < block->n_cols; c++)
        add_item (NB_TABLE_S2, NB_GRID_COL_HEAD, row, 1 + c * value_span, 1, value_span,
                  block->col_labels[c], -1);
      row++;
      for (guint r = 0; r < block->n_rows; r++, row++)
        {
          const S2Row *srow = &block->rows[r];

          add_item (NB_TABLE_S2, NB_GRID_ROW_HEAD, row, 0, 1, 1, srow->label, -1);
          for (guint c = 0; c < block->n_cols; c++)
            {
              const char *col_key = block->col_keys[c];
              g_autofree char *local = col_key ? g_strconcat (srow->key, ".", col_key, NULL)
                                               : g_strdup (srow->key);
              int cell = add_cell (NB_TABLE_S2, local, srow->key, col_key, srow->label,
                                   block->head, block->col_labels[c], NULL, block->unit,
                                   FALSE, row, 1 + c * value_span);

              add_item (NB_TABLE_S2, NB_GRID_VALUE, row, 1 + c * value_span, 1, value_span,
                        NULL, cell);
            }
        }
    }
  format.tables[NB_TABLE_S2] = (NbTableDef) {
    .id = NB_TABLE_S2, .section_id = "s2", .n_rows = row, .n_cols = 4,
    .blocks = format.s2_blocks, .n_blocks = G_N_ELEMENTS (s2_blocks),
    .col_widths_mm = s2_widths,
  };
}

/* How many rows starting at @row share the label at @level (1 or 2). */
static guint
s3_span (guint row, int level)
{
  const char *label = level == 1 ? s3_rows[row].level1 : s3_rows[row].level2;
  guint n = 1;

  while (row + n < S3_N_ROWS &&
         (level == 1 ? s3_rows[row + n].level1 : s3_rows[row + n].level2) == label)
    n++;
  return n;
}

static void
build_s3 (void)
{
  NbTableId t = NB_TABLE_S3;

  add_item (t, NB_GRID_CORNER, 0, 0, 3, 3, s3_corner, -1);
  add_item (t, NB_GRID_COL_HEAD, 0, 3, 1, 7, s3_applicants, -1);
  add_item (t, NB_GRID_COL_HEAD, 1, 3, 2, 1, s3_cols[0].label, -1);
  add_item (t, NB_GRID_COL_HEAD, 1, 4, 1, 5, s3_orgs, -1);
  add_item (t, NB_GRID_COL_HEAD, 1, 9, 2, 1, s3_cols[S3_TOTAL_COL].label, -1);
  for (guint c = S3_FIRST_ORG; c < S3_FIRST_ORG + S3_N_ORGS; c++)
    add_item (t, NB_GRID_COL_HEAD, 2, 3 + c, 1, 1, s3_cols[c].label, -1);

  for (guint r = 0; r < S3_N_ROWS; r++)
    {
      const S3Row *row = &s3_rows[r];
      guint grid_row = S3_HEAD_ROWS + r;
      const char *row_label = row->level3 ? row->level3 : row->level2 ? row->level2 : row->level1;
      const char *row_group = row->level3 ? row->level2 : row->level2 ? row->level1 : NULL;

      if (r == 0 || s3_rows[r - 1].level1 != row->level1)
        {
          if (row->level2)
            add_item (t, NB_GRID_GROUP_HEAD, grid_row, 0, s3_span (r, 1), 1, row->level1, -1);
          else
            add_item (t, NB_GRID_ROW_HEAD, grid_row, 0, 1, 3, row->level1, -1);
        }
      if (row->level2 && (r == 0 || s3_rows[r - 1].level2 != row->level2))
        {
          if (row->level3)
            add_item (t, NB_GRID_GROUP_HEAD, grid_row, 1, s3_span (r, 2), 1, row->level2, -1);
          else
            add_item (t, NB_GRID_ROW_HEAD, grid_row, 1, 1, 2, row->level2, -1);
        }
      if (row->level3)
        add_item (t, NB_GRID_ROW_HEAD, grid_row, 2, 1, 1, row->level3, -1);

      for (guint c = 0; c < S3_N_COLS; c++)
        {
          g_autofree char *local = g_strconcat (row->key, ".", s3_cols[c].key, NULL);
          gboolean computed = c == S3_TOTAL_COL || g_str_equal (row->key, "results_total");
          const char *col_group = c == 0 || c == S3_TOTAL_COL ? s3_applicants : s3_orgs;
          int cell = add_cell (t, local, row->key, s3_cols[c].key, row_label, row_group,
                               s3_cols[c].label, col_group, NB_UNIT_COUNT, computed,
                               grid_row, S3_LABEL_COLS + c);

          format.s3_grid[r][c] = cell;
          add_item (t, NB_GRID_VALUE, grid_row, S3_LABEL_COLS + c, 1, 1, NULL, cell);
        }
    }
  format.s3_block = (NbTableBlock) { sections[2].title, 0, S3_HEAD_ROWS + S3_N_ROWS, S3_HEAD_ROWS };
  format.tables[t] = (NbTableDef) {
    .id = t, .section_id = "s3", .n_rows = S3_HEAD_ROWS + S3_N_ROWS,
    .n_cols = S3_LABEL_COLS + S3_N_COLS, .blocks = &format.s3_block, .n_blocks = 1,
    .col_widths_mm = s3_widths,
  };
}

static void
build_s4 (void)
{
  NbTableId t = NB_TABLE_S4;
  guint n_cols = G_N_ELEMENTS (s4_cols);

  add_item (t, NB_GRID_COL_HEAD, 0, 0, 1, n_cols, s4_groups[0].label, -1);
  add_item (t, NB_GRID_COL_HEAD, 0, n_cols, 1, 2 * n_cols, s4_litigation, -1);
  for (guint c = 0; c < n_cols; c++)
    add_item (t, NB_GRID_COL_HEAD, 1, c, 2, 1, s4_cols[c].label, -1);
  for (guint g = 1; g < G_N_ELEMENTS (s4_groups); g++)
    add_item (t, NB_GRID_COL_HEAD, 1, g * n_cols, 1, n_cols, s4_groups[g].label, -1);
  for (guint g = 1; g < G_N_ELEMENTS (s4_groups); g++)
    for (guint c = 0; c < n_cols; c++)
      add_item (t, NB_GRID_COL_HEAD, 2, g * n_cols + c, 1, 1, s4_cols[c].label, -1);

  for (guint g = 0; g < G_N_ELEMENTS (s4_groups); g++)
    for (guint c = 0; c < n_cols; c++)
      {
        g_autofree char *local = g_strconcat (s4_groups[g].key, ".", s4_cols[c].key, NULL);
        const char *group = g == 0 ? NULL : s4_litigation;
        int cell = add_cell (t, local, s4_groups[g].key, s4_cols[c].key, s4_groups[g].label,
                             group, s4_cols[c].label, s4_groups[g].label, NB_UNIT_COUNT,
                             c == n_cols - 1, 3, g * n_cols + c);

        add_item (t, NB_GRID_VALUE, 3, g * n_cols + c, 1, 1, NULL, cell);
      }
  format.s4_block = (NbTableBlock) { sections[3].title, 0, 4, 3 };
  format.tables[t] = (NbTableDef) {
    .id = t, .section_id = "s4", .n_rows = 4, .n_cols = 3 * n_cols,
    .blocks = &format.s4_block, .n_blocks = 1, .col_widths_mm = s4_widths,
  };
}

static void
add_sum (const char *rule, const char *name, int total, const int *parts, guint n_parts)
{
  NbSumRelation rel = { rule, name, total, n_parts, { 0 } };

  g_assert (n_parts <= G_N_ELEMENTS (rel.parts));
  memcpy (rel.parts, parts, n_parts * sizeof (int));
  g_array_append_val (format.sums, rel);
}

static void
build_relations (void)
{
  int parts[24];
  int results_row = -1, new_row = -1, carry_in_row = -1, carry_out_row = -1;

  format.sums = g_array_new (FALSE, FALSE, sizeof (NbSumRelation));
  format.balances = g_array_new (FALSE, FALSE, sizeof (NbBalanceRelation));

  for (guint r = 0; r < S3_N_ROWS; r++)
    {
      const char *key = s3_rows[r].key;

      results_row = g_str_equal (key, "results_total") ? (int) r : results_row;
      new_row = g_str_equal (key, "new") ? (int) r : new_row;
      carry_in_row = g_str_equal (key, "carry_in") ? (int) r : carry_in_row;
      carry_out_row = g_str_equal (key, "carry_out") ? (int) r : carry_out_row;
    }

  /* R-T3-01: each row's 总计 is the sum of the six applicant columns. */
  for (guint r = 0; r < S3_N_ROWS; r++)
    {
      for (guint c = 0; c < S3_TOTAL_COL; c++)
        parts[c] = format.s3_grid[r][c];
      add_sum ("R-T3-01", format.cells[format.s3_grid[r][0]].row_label,
               format.s3_grid[r][S3_TOTAL_COL], parts, S3_TOTAL_COL);
    }

  /* R-T3-02: （七）总计 is the sum of the 21 result rows, in every column. */
  for (guint c = 0; c < S3_N_COLS; c++)
    {
      guint n = 0;

      for (guint r = 0; r < S3_N_ROWS; r++)
        if (s3_rows[r].result)
          parts[n++] = format.s3_grid[r][c];
      add_sum ("R-T3-02", s3_cols[c].label, format.s3_grid[results_row][c], parts, n);
    }

  /* R-T3-03: the printed 勾稽关系, in every column. */
  for (guint c = 0; c < S3_N_COLS; c++)
    {
      NbBalanceRelation rel = {
        "R-T3-03", s3_cols[c].label,
        { format.s3_grid[new_row][c], format.s3_grid[carry_in_row][c] },
        { format.s3_grid[results_row][c], format.s3_grid[carry_out_row][c] },
      };

      g_array_append_val (format.balances, rel);
    }

  /* R-T4-01: each group's 总计. */
  for (guint g = 0; g < G_N_ELEMENTS (s4_groups); g++)
    {
      guint n_cols = G_N_ELEMENTS (s4_cols);
      guint first = format.tables[NB_TABLE_S4].first_cell + g * n_cols;

      for (guint c = 0; c + 1 < n_cols; c++)
        parts[c] = (int) (first + c);
      add_sum ("R-T4-01", s4_groups[g].label, (int) (first + n_cols - 1), parts, n_cols - 1);
    }
}

static gpointer
build_format (gpointer data)
{
  void (*builders[NB_N_TABLES]) (void) = { build_s2, build_s3, build_s4 };

  format.by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      guint first = format.n_cells;

      format.by_local[t] = g_hash_table_new (g_str_hash, g_str_equal);
      format.items[t] = g_array_new (FALSE, FALSE, sizeof (NbGridItem));
      builders[t] ();
      format.tables[t].first_cell = first;
      format.tables[t].n_cells = format.n_cells - first;
      format.tables[t].items = (const NbGridItem *) (gpointer) format.items[t]->data;
      format.tables[t].n_items = format.items[t]->len;
    }
  build_relations ();
  return NULL;
}

static inline void
ensure_format (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_format, NULL);
}

/* ---- Public API ------------------------------------------------------------------------ */

const NbSectionDef *
nb_format_section (guint index)
{
  g_return_val_if_fail (index < NB_N_SECTIONS, NULL);
  return &sections[index];
}

const NbSectionDef *
nb_format_section_by_id (const char *id)
{
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (g_strcmp0 (sections[i].id, id) == 0)
      return &sections[i];
  return NULL;
}

const char *
nb_format_section_short_title (guint index)
{
  const char *title = nb_format_section (index)->title;

  /* Skip the ordinal and its 顿号: "一、" is two characters. */
  return g_utf8_offset_to_pointer (title, 2);
}

guint
nb_format_n_cells (void)
{
  ensure_format ();
  return format.n_cells;
}

const NbCellDef *
nb_format_cell (guint index)
{
  ensure_format ();
  g_return_val_if_fail (index < format.n_cells, NULL);
  return &format.cells[index];
}

int
nb_format_cell_index (const char *key)
{
  ensure_format ();
  return GPOINTER_TO_INT (g_hash_table_lookup (format.by_key, key)) - 1;
}

int
nb_format_cell_index_in (NbTableId table, const char *local_key)
{
  ensure_format ();
  g_return_val_if_fail (table >= 0 && table < NB_N_TABLES, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (format.by_local[table], local_key)) - 1;
}

const NbTableDef *
nb_format_table (NbTableId table)
{
  ensure_format ();
  g_return_val_if_fail (table >= 0 && table < NB_N_TABLES, NULL);
  return &format.tables[table];
}

guint nb_format_s3_n_rows (void) { return S3_N_ROWS; }
guint nb_format_s3_n_cols (void) { return S3_N_COLS; }

const char *
nb_format_s3_row_key (guint row)
{
  g_return_val_if_fail (row < S3_N_ROWS, NULL);
  return s3_rows[row].key;
}

const char *
nb_format_s3_col_key (guint col)
{
  g_return_val_if_fail (col < S3_N_COLS, NULL);
  return s3_cols[col].key;
}

int
nb_format_s3_row (const char *row_key)
{
  for (guint r = 0; r < S3_N_ROWS; r++)
    if (g_strcmp0 (s3_rows[r].key, row_key) == 0)
      return (int) r;
  return -1;
}

int
nb_format_s3_col (const char *col_key)
{
  for (guint c = 0; c < S3_N_COLS; c++)
    if (g_strcmp0 (s3_cols[c].key, col_key) == 0)
      return (int) c;
  return -1;
}

int
nb_format_s3_cell (guint row, guint col)
{
  ensure_format ();
  g_return_val_if_fail (row < S3_N_ROWS && col < S3_N_COLS, -1);
  return format.s3_grid[row][col];
}

const NbSumRelation *
nb_format_sum_relations (guint *n_relations)
{
  ensure_format ();
  *n_relations = format.sums->len;
  return (const NbSumRelation *) (gpointer) format.sums->data;
}

const NbBalanceRelation *
nb_format_balance_relations (guint *n_relations)
{
  ensure_format ();
  *n_relations = format.balances->len;
  return (const NbBalanceRelation *) (gpointer) format.balances->data;
}

const char *
nb_format_level_id (NbAgencyLevel level)
{
  g_return_val_if_fail (level < NB_N_LEVELS, NULL);
  return levels[level].id;
}

const char *
nb_format_level_name (NbAgencyLevel level)
{
  g_return_val_if_fail (level < NB_N_LEVELS, NULL);
  return levels[level].name;
}

int
nb_format_level_from_id (const char *id)
{
  for (guint i = 0; i < NB_N_LEVELS; i++)
    if (g_strcmp0 (levels[i].id, id) == 0)
      return (int) i;
  return -1;
}

gboolean
nb_format_level_is_government (NbAgencyLevel level)
{
  g_return_val_if_fail (level < NB_N_LEVELS, FALSE);
  return levels[level].government;
}

NbRegionLevel
nb_format_level_default_region (NbAgencyLevel level)
{
  g_return_val_if_fail (level < NB_N_LEVELS, NB_REGION_COUNTY);
  return levels[level].region;
}

const char *
nb_format_region_id (NbRegionLevel region)
{
  g_return_val_if_fail (region < NB_N_REGIONS, NULL);
  return regions[region].id;
}

const char *
nb_format_region_name (NbRegionLevel region)
{
  g_return_val_if_fail (region < NB_N_REGIONS, NULL);
  return regions[region].name;
}

int
nb_format_region_from_id (const char *id)
{
  for (guint i = 0; i < NB_N_REGIONS; i++)
    if (g_strcmp0 (regions[i].id, id) == 0)
      return (int) i;
  return -1;
}

const char *
nb_format_aspect_id (NbAspect aspect)
{
  g_return_val_if_fail (aspect < NB_N_ASPECTS, NULL);
  return aspects[aspect].id;
}

const char *
nb_format_aspect_name (NbAspect aspect)
{
  g_return_val_if_fail (aspect < NB_N_ASPECTS, NULL);
  return aspects[aspect].name;
}

int
nb_format_aspect_from_id (const char *id)
{
  for (guint i = 0; i < NB_N_ASPECTS; i++)
    if (g_strcmp0 (aspects[i].id, id) == 0)
      return (int) i;
  return -1;
}

const char *const *
nb_format_legacy_markers (void)
{
  return legacy_markers;
}

void
nb_format_year_range (int *first, int *last)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  *first = 2021;
  *last = MAX (2021, g_date_time_get_year (now));
}
