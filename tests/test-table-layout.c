/* test-table-layout.c — table typography (layout.md §8): sizes, number fit, header words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-table-layout.h"
#include "nb-test-util.h"

/* The laid-out text of the head labelled @label in @table. */
static const char *
head_text (NbTableLayout *layout, const char *label)
{
  const NbTableDef *def = nb_table_layout_get_def (layout);

  for (guint i = 0; i < def->n_items; i++)
    if (def->items[i].text && g_str_equal (def->items[i].text, label) &&
        def->items[i].kind == NB_GRID_COL_HEAD)
      return nb_table_layout_cell_text (layout, i);
  g_assert_not_reached ();
  return NULL;
}

/* The laid-out text of the row or group label @label (the first one) in @table. */
static const char *
label_text (NbTableLayout *layout, const char *label)
{
  const NbTableDef *def = nb_table_layout_get_def (layout);

  for (guint i = 0; i < def->n_items; i++)
    if (def->items[i].text && g_str_equal (def->items[i].text, label) &&
        (def->items[i].kind == NB_GRID_ROW_HEAD || def->items[i].kind == NB_GRID_GROUP_HEAD))
      return nb_table_layout_cell_text (layout, i);
  g_assert_not_reached ();
  return NULL;
}

/* Row labels break at natural points in balanced lines, never leaving one character on a
 * line (“申请数/量”, “（三）/不予公/开”); the narrow 三、本年度办理结果 cell reads top
 * to bottom a character a line, not in pairs that cut words (“本年/度办/理结/果”). */
static void
test_row_labels (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  g_autoptr(NbTableLayout) s3 = nb_table_layout_new (typeset, report, NB_TABLE_S3);
  const NbTableDef *def = nb_table_layout_get_def (s3);

  g_assert_cmpstr (label_text (s3, "（三）不予公开"), ==, "（三）\n不予\n公开");
  g_assert_cmpstr (label_text (s3, "（四）无法提供"), ==, "（四）\n无法\n提供");
  g_assert_cmpstr (label_text (s3, "三、本年度办理结果"), ==, "三、\n本\n年\n度\n办\n理\n结\n果");
  g_assert_cmpstr (label_text (s3, "一、本年新收政府信息公开申请数量"), ==, "一、本年新收政府\n信息公开申请数量");
  g_assert_cmpstr (label_text (s3, "6.属于四类过程性信息"), ==, "6.属于四类\n过程性信息");
  /* Every wider label: no line of a single character (a mark aside) after another. */
  for (guint i = 0; i < def->n_items; i++)
    {
      const NbGridItem *item = &def->items[i];
      g_auto(GStrv) lines = NULL;

      if ((item->kind != NB_GRID_ROW_HEAD && item->kind != NB_GRID_GROUP_HEAD) ||
          g_str_equal (item->text, "三、本年度办理结果"))
        continue;
      lines = g_strsplit (nb_table_layout_cell_text (s3, i), "\n", -1);
      for (guint l = 1; lines[l]; l++)
        {
          glong n = g_utf8_strlen (lines[l], -1);

          if (n == 1 || (n == 2 && g_unichar_ispunct (g_utf8_get_char (g_utf8_next_char (lines[l])))))
            g_error ("label “%s” leaves “%s” alone on a line", item->text, lines[l]);
        }
    }
}

static void
test_sizes_and_words (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  g_autoptr(NbTableLayout) s2 = nb_table_layout_new (typeset, report, NB_TABLE_S2);
  g_autoptr(NbTableLayout) s3 = nb_table_layout_new (typeset, report, NB_TABLE_S3);
  g_autoptr(NbTableLayout) s4 = nb_table_layout_new (typeset, report, NB_TABLE_S4);

  g_assert_cmpfloat (nb_table_layout_font_size (s2), ==, 12.0);
  g_assert_cmpfloat (nb_table_layout_font_size (s3), ==, 10.5);
  g_assert_cmpfloat (nb_table_layout_font_size (s4), ==, 10.5);

  /* Word boundaries, three characters a line in 三, two in 四. */
  g_assert_cmpstr (head_text (s3, "商业企业"), ==, "商业\n企业");
  g_assert_cmpstr (head_text (s3, "社会公益组织"), ==, "社会\n公益\n组织");
  g_assert_cmpstr (head_text (s3, "法律服务机构"), ==, "法律\n服务\n机构");
  g_assert_cmpstr (head_text (s3, "自然人"), ==, "自然人");
  g_assert_cmpstr (head_text (s4, "结果维持"), ==, "结果\n维持");
  g_assert_cmpstr (head_text (s4, "尚未审结"), ==, "尚未\n审结");
  g_assert_cmpstr (head_text (s4, "未经复议直接起诉"), ==, "未经复议直接起诉");
}

/* A number too wide for its column shrinks the whole table to 小五, never one cell. */
static void
test_number_fit (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  g_autoptr(NbTableLayout) s4 = NULL;
  int cell = nb_format_cell_index ("s4.rev.upheld");

  g_assert_cmpint (cell, >=, 0);
  nb_report_set_value (report, (guint) cell, 12345);
  s4 = nb_table_layout_new (typeset, report, NB_TABLE_S4);
  g_assert_cmpfloat (nb_table_layout_font_size (s4), ==, 9.0);
}

/* A blank cell prints 0. */
static void
test_blank_is_zero (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  g_autoptr(NbTableLayout) s4 = NULL;
  const NbTableDef *def;
  int cell = nb_format_cell_index ("s4.rev.upheld");

  nb_report_set_blank (report, (guint) cell, NULL);
  s4 = nb_table_layout_new (typeset, report, NB_TABLE_S4);
  def = nb_table_layout_get_def (s4);
  for (guint i = 0; i < def->n_items; i++)
    if (def->items[i].cell == cell)
      g_assert_cmpstr (nb_table_layout_cell_text (s4, i), ==, "0");
}

/* The grid item of cell @key in @layout. */
static guint
item_of (NbTableLayout *layout, const char *key)
{
  const NbTableDef *def = nb_table_layout_get_def (layout);
  int cell = nb_format_cell_index (key);

  for (guint i = 0; i < def->n_items; i++)
    if (def->items[i].kind == NB_GRID_VALUE && def->items[i].cell == cell)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* The widest number the format allows (NB_MAX_COUNT) stays on one line inside its
 * column: the table goes to 小五 and its numbers shrink further. */
static void
test_number_at_bound (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  g_autoptr(NbTableLayout) s4 = NULL;
  g_autoptr(NbTableLayout) s3 = NULL;
  guint item;
  const NbGridItem *grid;
  double inner;

  nb_report_set_value (report, (guint) nb_format_cell_index ("s4.rev.upheld"), NB_MAX_COUNT);
  nb_report_set_value (report, (guint) nb_format_cell_index ("s3.new.np"), NB_MAX_COUNT);
  s4 = nb_table_layout_new (typeset, report, NB_TABLE_S4);
  s3 = nb_table_layout_new (typeset, report, NB_TABLE_S3);

  item = item_of (s4, "s4.rev.upheld");
  grid = &nb_table_layout_get_def (s4)->items[item];
  inner = nb_table_layout_get_def (s4)->col_widths_mm[grid->col] * NB_PT_PER_MM - 2 * NB_PT_PER_MM;
  g_assert_cmpstr (nb_table_layout_cell_text (s4, item), ==, "1000000000000");
  g_assert_cmpfloat (nb_table_layout_font_size (s4), ==, 9.0);
  g_assert_cmpfloat (nb_table_layout_value_size (s4), <, 9.0);
  g_assert_cmpfloat (nb_table_layout_cell_width (s4, item), <=, inner + 0.01);
  g_assert_cmpfloat (nb_table_layout_cell_width (s4, item), >, inner * 0.8);

  item = item_of (s3, "s3.new.np");
  grid = &nb_table_layout_get_def (s3)->items[item];
  inner = nb_table_layout_get_def (s3)->col_widths_mm[grid->col] * NB_PT_PER_MM - 2 * NB_PT_PER_MM;
  g_assert_cmpstr (nb_table_layout_cell_text (s3, item), ==, "1000000000000");
  g_assert_cmpfloat (nb_table_layout_cell_width (s3, item), <=, inner + 0.01);
}

/* Value cells print the stored value: "0017" as 17; invalid text prints 0 and does not
 * shrink the table. */
static void
test_canonical_values (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  g_autoptr(NbTableLayout) s3 = NULL;
  g_autoptr(NbTableLayout) s2 = NULL;

  nb_report_set_cell_text (report, (guint) nb_format_cell_index ("s3.new.np"), "0017");
  g_assert_cmpint (nb_report_set_cell_text (report, (guint) nb_format_cell_index ("s3.new.biz"),
                                            "abcdefghijklmnop"), ==, NB_CELL_INVALID);
  nb_report_set_cell_text (report, (guint) nb_format_cell_index ("s2.a8.fees"), "7926.3");
  s3 = nb_table_layout_new (typeset, report, NB_TABLE_S3);
  s2 = nb_table_layout_new (typeset, report, NB_TABLE_S2);
  g_assert_cmpstr (nb_table_layout_cell_text (s3, item_of (s3, "s3.new.np")), ==, "17");
  g_assert_cmpstr (nb_table_layout_cell_text (s3, item_of (s3, "s3.new.biz")), ==, "0");
  g_assert_cmpfloat (nb_table_layout_font_size (s3), ==, 10.5);
  g_assert_cmpstr (nb_table_layout_cell_text (s2, item_of (s2, "s2.a8.fees")), ==, "7926.3000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-layout/sizes-and-words", test_sizes_and_words);
  g_test_add_func ("/table-layout/row-labels", test_row_labels);
  g_test_add_func ("/table-layout/number-fit", test_number_fit);
  g_test_add_func ("/table-layout/blank-is-zero", test_blank_is_zero);
  g_test_add_func ("/table-layout/number-at-bound", test_number_at_bound);
  g_test_add_func ("/table-layout/canonical-values", test_canonical_values);
  return g_test_run ();
}
