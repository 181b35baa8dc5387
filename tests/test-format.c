/* test-format.c — the format definition matches format.md §3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-format.h"

static void
test_cell_counts (void)
{
  g_assert_cmpuint (nb_format_table (NB_TABLE_S2)->n_cells, ==, 10);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S3)->n_cells, ==, 175);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S4)->n_cells, ==, 15);
  g_assert_cmpuint (nb_format_n_cells (), ==, 200);
  g_assert_cmpuint (nb_format_s3_n_rows (), ==, 25);
  g_assert_cmpuint (nb_format_s3_n_cols (), ==, 7);
}

static void
test_keys (void)
{
  static const char *const keys[] = {
    "s2.a1.rules.issued", "s2.a1.norms.valid", "s2.a5.license", "s2.a6.penalty",
    "s2.a6.coercion", "s2.a8.fees", "s3.new.np", "s3.new.total", "s3.np_repeat.np",
    "s3.na_need_create.total", "s3.results_total.other_org", "s3.carry_out.total",
    "s4.rev.upheld", "s4.lit_direct.pending", "s4.lit_after.total",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int index = nb_format_cell_index (keys[i]);

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpstr (nb_format_cell (index)->key, ==, keys[i]);
    }
  g_assert_cmpint (nb_format_cell_index ("s3.new.subtotal"), ==, -1);
  g_assert_cmpint (nb_format_cell_index ("s2.a9.purchase"), ==, -1);
  g_assert_cmpint (nb_format_cell (nb_format_cell_index ("s2.a8.fees"))->unit, ==, NB_UNIT_MONEY);
  g_assert_cmpint (nb_format_cell_index_in (NB_TABLE_S3, "new.np"), ==,
                   nb_format_cell_index ("s3.new.np"));
}

static void
test_labels (void)
{
  const NbCellDef *cell = nb_format_cell (nb_format_cell_index ("s3.deny_safety.legal"));

  g_assert_cmpstr (cell->row_label, ==, "3.危及“三安全一稳定”");
  g_assert_cmpstr (cell->row_group, ==, "（三）不予公开");
  g_assert_cmpstr (cell->col_label, ==, "法律服务机构");
  g_assert_cmpstr (cell->col_group, ==, "法人或其他组织");
  cell = nb_format_cell (nb_format_cell_index ("s2.a1.norms.repealed"));
  g_assert_cmpstr (cell->row_label, ==, "行政规范性文件");
  g_assert_cmpstr (cell->col_label, ==, "本年废止件数");
  g_assert_cmpstr (nb_format_section (4)->title, ==, "五、存在的主要问题及改进情况");
  g_assert_cmpstr (nb_format_section_short_title (0), ==, "总体情况");
}

static void
test_computed (void)
{
  g_assert_true (nb_format_cell (nb_format_cell_index ("s3.new.total"))->computed);
  g_assert_true (nb_format_cell (nb_format_cell_index ("s3.results_total.np"))->computed);
  g_assert_true (nb_format_cell (nb_format_cell_index ("s4.rev.total"))->computed);
  g_assert_false (nb_format_cell (nb_format_cell_index ("s3.new.np"))->computed);
  g_assert_false (nb_format_cell (nb_format_cell_index ("s2.a1.norms.valid"))->computed);
}

/* Every grid position is covered exactly once, and merges match format.md §3. */
static void
check_grid (NbTableId t)
{
  const NbTableDef *table = nb_format_table (t);
  g_autofree guint8 *covered = g_new0 (guint8, table->n_rows * table->n_cols);
  guint values = 0;

  for (guint i = 0; i < table->n_items; i++)
    {
      const NbGridItem *item = &table->items[i];

      for (guint r = item->row; r < item->row + item->row_span; r++)
        for (guint c = item->col; c < item->col + item->col_span; c++)
          {
            g_assert_cmpuint (r, <, table->n_rows);
            g_assert_cmpuint (c, <, table->n_cols);
            covered[r * table->n_cols + c]++;
          }
      if (item->kind == NB_GRID_VALUE)
        {
          values++;
          g_assert_cmpuint (nb_format_cell (item->cell)->grid_row, ==, item->row);
        }
    }
  for (guint i = 0; i < table->n_rows * table->n_cols; i++)
    g_assert_cmpuint (covered[i], ==, 1);
  g_assert_cmpuint (values, ==, table->n_cells);
}

static const NbGridItem *
find_item (NbTableId t, const char *text)
{
  const NbTableDef *table = nb_format_table (t);

  for (guint i = 0; i < table->n_items; i++)
    if (g_strcmp0 (table->items[i].text, text) == 0)
      return &table->items[i];
  return NULL;
}

static void
test_grids (void)
{
  const NbGridItem *item;
  double width = 0;

  check_grid (NB_TABLE_S2);
  check_grid (NB_TABLE_S3);
  check_grid (NB_TABLE_S4);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S2)->n_rows, ==, 14);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S3)->n_rows, ==, 28);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S3)->n_cols, ==, 10);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S4)->n_cols, ==, 15);
  g_assert_cmpuint (nb_format_table (NB_TABLE_S2)->n_blocks, ==, 4);

  item = find_item (NB_TABLE_S3, "三、本年度办理结果");
  g_assert_nonnull (item);
  g_assert_cmpuint (item->row, ==, 5);
  g_assert_cmpuint (item->row_span, ==, 22);
  item = find_item (NB_TABLE_S3, "（三）不予公开");
  g_assert_cmpuint (item->row_span, ==, 8);
  item = find_item (NB_TABLE_S3, "法人或其他组织");
  g_assert_cmpuint (item->col_span, ==, 5);
  item = find_item (NB_TABLE_S3, "一、本年新收政府信息公开申请数量");
  g_assert_cmpuint (item->col_span, ==, 3);
  item = find_item (NB_TABLE_S4, "行政诉讼");
  g_assert_cmpuint (item->col_span, ==, 10);
  item = find_item (NB_TABLE_S2, "本年收费金额（单位：万元）");
  g_assert_cmpuint (item->col_span, ==, 3);

  for (guint c = 0; c < nb_format_table (NB_TABLE_S3)->n_cols; c++)
    width += nb_format_table (NB_TABLE_S3)->col_widths_mm[c];
  g_assert_cmpfloat_with_epsilon (width, 156.0, 0.001);
}

static void
test_relations (void)
{
  guint n_sums, n_balances, rows = 0, cols = 0, groups = 0;
  const NbSumRelation *sums = nb_format_sum_relations (&n_sums);
  const NbBalanceRelation *balances = nb_format_balance_relations (&n_balances);

  for (guint i = 0; i < n_sums; i++)
    {
      rows += g_str_equal (sums[i].rule, "R-T3-01");
      cols += g_str_equal (sums[i].rule, "R-T3-02");
      groups += g_str_equal (sums[i].rule, "R-T4-01");
      if (g_str_equal (sums[i].rule, "R-T3-02"))
        g_assert_cmpuint (sums[i].n_parts, ==, 21);
    }
  g_assert_cmpuint (rows, ==, 25);
  g_assert_cmpuint (cols, ==, 7);
  g_assert_cmpuint (groups, ==, 3);
  g_assert_cmpuint (n_balances, ==, 7);
  g_assert_cmpint (balances[0].left[0], ==, nb_format_cell_index ("s3.new.np"));
  g_assert_cmpint (balances[6].right[1], ==, nb_format_cell_index ("s3.carry_out.total"));
}

static void
test_vocabularies (void)
{
  g_assert_cmpint (nb_format_level_from_id ("county_gov"), ==, NB_LEVEL_COUNTY_GOV);
  g_assert_cmpint (nb_format_level_from_id ("nonsense"), ==, -1);
  g_assert_true (nb_format_level_is_government (NB_LEVEL_COUNTY_GOV));
  g_assert_false (nb_format_level_is_government (NB_LEVEL_DEPARTMENT));
  g_assert_cmpint (nb_format_aspect_from_id ("oversight"), ==, NB_ASPECT_OVERSIGHT);
  g_assert_true (g_strv_contains (nb_format_legacy_markers (), "本年新制作数量"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/cell-counts", test_cell_counts);
  g_test_add_func ("/format/keys", test_keys);
  g_test_add_func ("/format/labels", test_labels);
  g_test_add_func ("/format/computed", test_computed);
  g_test_add_func ("/format/grids", test_grids);
  g_test_add_func ("/format/relations", test_relations);
  g_test_add_func ("/format/vocabularies", test_vocabularies);
  return g_test_run ();
}
