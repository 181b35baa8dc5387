/* nb-check-form.c — structure and form: R-F-01, R-F-03, R-F-05, R-F-06, R-F-07, R-F-11
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-private.h"
#include "nb-import.h"
#include "nb-narrative.h"

#include <stdio.h>
#include <stdlib.h>

static void
check_sections (NbCheckContext *ctx)
{
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      const NbSectionDef *section = nb_format_section (i);

      if (!nb_report_get_section_present (ctx->report, i))
        nb_check_add (ctx, "R-F-01", NB_SEVERITY_ERROR, section->id,
                      "报告缺少第%s部分“%s”或顺序与国办公开办函〔2021〕30号格式不一致。",
                      section->ordinal, section->title);
    }
}

/* The one 2019 marker a 2021 table may keep alone: （六）其他处理 printed as one row. */
static gboolean
is_remnant_marker (const char *marker)
{
  return g_str_equal (marker, nb_format_cell (nb_format_cell_index ("s3.oth_other.np"))->row_group);
}

gboolean
nb_check_legacy_layout (NbReport *report)
{
  const char *const *markers = nb_report_get_legacy_markers (report);

  for (guint i = 0; markers && markers[i]; i++)
    if (!is_remnant_marker (markers[i]))
      return TRUE;
  return FALSE;
}

/* Text that is no number ("1e5", "三", 21 digits): the form is wrong, not the sign. */
static void
add_not_a_number (NbCheckContext *ctx, const NbCellDef *def, const char *name,
                         const char *raw)
{
  gboolean digits_only = raw[0] != '\0';

  for (const char *p = raw; *p; p++)
    digits_only &= g_ascii_isdigit (*p) || *p == '.' || *p == ',';
  if (digits_only)
    nb_check_add (ctx, "R-F-06", NB_SEVERITY_ERROR, def->key,
                  "“%s”当前为“%s”，数值过大，不是可填写的数。", name, raw);
  else if (def->unit == NB_UNIT_MONEY)
    nb_check_add (ctx, "R-F-06", NB_SEVERITY_ERROR, def->key,
                  "“%s”应填写以万元为单位、用阿拉伯数字写的数（如“7926.3139”），当前“%s”无法识别为数。",
                  name, raw);
  else
    nb_check_add (ctx, "R-F-06", NB_SEVERITY_ERROR, def->key,
                  "“%s”应填写用阿拉伯数字写的整数（如“12”），当前“%s”无法识别为数。", name, raw);
}

static void
check_legacy_layout (NbCheckContext *ctx)
{
  const char *const *markers = nb_report_get_legacy_markers (ctx->report);

  if (ctx->legacy)
    nb_check_add (ctx, "R-F-03", NB_SEVERITY_ERROR, "s2",
                  "表格使用的是2019年试行格式，请按《中华人民共和国政府信息公开工作年度报告格式》"
                  "（国办公开办函〔2021〕30号）重新填报。");
  else if (markers && markers[0])
    nb_check_add (ctx, "R-F-03", NB_SEVERITY_ERROR, "s3",
                  "表三“%s”未按2021年格式分列三项，请按国办公开办函〔2021〕30号格式分项填报。",
                  markers[0]);
}

/* Blank in the source: cells the importer could not read are no claim either way. */
static gboolean
table_all_blank (NbCheckContext *ctx, const NbTableDef *table)
{
  for (guint i = table->first_cell; i < table->first_cell + table->n_cells; i++)
    if (nb_report_get_cell (ctx->report, i)->state != NB_CELL_BLANK || nb_import_report_unread (ctx->report, i))
      return FALSE;
  return TRUE;
}

/* R-F-05 and R-F-06: one finding per blank or unreadable cell; a wholly blank table is
 * one error instead of a warning per cell. */
static void
check_cells (NbCheckContext *ctx)
{
  gboolean remnant = !ctx->legacy && nb_report_get_legacy_markers (ctx->report) != NULL;

  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_format_table (t);
      const NbSectionDef *section = nb_format_section_by_id (table->section_id);
      gboolean all_blank = table_all_blank (ctx, table);

      if (all_blank)
        nb_check_add (ctx, "R-F-05", NB_SEVERITY_ERROR, table->section_id,
                      "“%s”表格全部为空白。没有数据请填“0”，不要留空或填“/”。",
                      section->title);

      for (guint i = table->first_cell; i < table->first_cell + table->n_cells; i++)
        {
          const NbCell *cell = nb_report_get_cell (ctx->report, i);
          const NbCellDef *def = nb_format_cell (i);
          g_autofree char *name = NULL;

          if (cell->state == NB_CELL_VALUE && cell->value >= 0)
            continue;
          if (cell->state == NB_CELL_BLANK && all_blank)
            continue;
          /* A 2019 remnant: the three sub-rows were never printed; R-F-03 says so once. */
          if (cell->state == NB_CELL_BLANK && remnant && g_str_has_prefix (def->key, "s3.oth_"))
            continue;
          name = nb_check_cell_name (i);
          /* Not read by the importer: no defect of the source, a cell to fill in. */
          if (nb_import_report_unread (ctx->report, i))
            nb_check_add (ctx, "R-F-05", NB_SEVERITY_INFO, def->key,
                          "导入时未能读出“%s”，已留空，请对照原文填写。", name);
          else if (cell->state == NB_CELL_BLANK)
            nb_check_add (ctx, "R-F-05", NB_SEVERITY_WARNING, def->key,
                          "“%s”为空白。没有数据请填“0”，不要留空或填“/”。", name);
          else if (cell->state == NB_CELL_INVALID)
            add_not_a_number (ctx, def, name, cell->raw);
          else
            {
              g_autofree char *text = nb_report_format_cell (ctx->report, i);

              nb_check_add (ctx, "R-F-06", NB_SEVERITY_ERROR, def->key,
                            def->unit == NB_UNIT_MONEY
                              ? "“%s”应填写非负数（单位：万元），当前为“%s”。"
                              : "“%s”应填写非负整数，当前为“%s”。",
                            name, text);
            }
        }
    }
}

/* R-F-06 for cells printed with a unit or a note (“5件”, “15（含修订3件）”): the importer
 * read the figure and noted the cell as printed; while the cell still holds that figure,
 * the printed form is what the source says. */
static void
check_noted_cells (NbCheckContext *ctx)
{
  GPtrArray *notes = nb_import_report_notes (ctx->report);

  for (guint i = 0; notes && i < notes->len; i++)
    {
      const NbImportNote *note = g_ptr_array_index (notes, i);
      int index = nb_format_cell_index (note->where);
      g_autofree char *name = NULL;
      g_autofree char *now = NULL;

      if (!g_str_equal (note->rule, "R-F-06") || index < 0 ||
          nb_report_get_cell (ctx->report, index)->state != NB_CELL_VALUE)
        continue;
      now = nb_report_format_cell (ctx->report, index);
      if (g_strcmp0 (now, note->canonical) != 0)
        continue;
      name = nb_check_cell_name (index);
      nb_check_add (ctx, "R-F-06", NB_SEVERITY_ERROR, note->where,
                    "“%s”应填写非负整数，当前为“%s”。", name, note->actual);
    }
}

/* "2024-01-01" → TRUE and the parts. */
static gboolean
parse_iso_date (const char *text, int *y, int *m, int *d)
{
  return text && sscanf (text, "%4d-%2d-%2d", y, m, d) == 3 && g_date_valid_dmy (*d, *m, *y);
}

static void
check_period (NbCheckContext *ctx)
{
  static const char message[] = "统计期限应为%d年1月1日至%d年12月31日，与报告年度不一致。";
  int year = nb_report_get_year (ctx->report);
  int y1, m1, d1, y2, m2, d2;
  const char *title = nb_report_get_text (ctx->report, NB_TEXT_TITLE);
  const char *start = nb_report_get_text (ctx->report, NB_TEXT_PERIOD_START);
  const char *end = nb_report_get_text (ctx->report, NB_TEXT_PERIOD_END);
  GRegex *title_year = nb_check_regex ("(\\d{4})年");
  g_autoptr(GMatchInfo) match = NULL;

  g_autofree char *preamble = g_utf8_normalize (nb_report_get_text (ctx->report, NB_TEXT_PREAMBLE),
                                                -1, G_NORMALIZE_NFKC);

  if (start[0] && (!parse_iso_date (start, &y1, &m1, &d1) || y1 != year || m1 != 1 || d1 != 1))
    nb_check_add (ctx, "R-F-07", NB_SEVERITY_WARNING, "meta.period_start", message, year, year);
  if (end[0] && (!parse_iso_date (end, &y2, &m2, &d2) || y2 != year || m2 != 12 || d2 != 31))
    nb_check_add (ctx, "R-F-07", NB_SEVERITY_WARNING, "meta.period_end", message, year, year);

  /* NFKC first: full-width digits (２０２４年) are digits. A preamble that states no
   * period at all is flagged too: every report states it. */
  if (preamble && preamble[0])
    {
      int stated[6];

      /* No period stated at all is a hint; a period of another year is the warning. */
      if (!nb_narrative_find_period (preamble, stated))
        nb_check_add (ctx, "R-F-07", NB_SEVERITY_INFO, "meta.preamble",
                      "前言未写明统计期限（应为%d年1月1日至%d年12月31日）。", year, year);
      else if (!(stated[0] == year && stated[1] == 1 && stated[2] == 1 &&
                 stated[3] == year && stated[4] == 12 && stated[5] == 31))
        nb_check_add (ctx, "R-F-07", NB_SEVERITY_WARNING, "meta.preamble", message, year, year);
    }

  if (g_regex_match (title_year, title, 0, &match))
    {
      g_autofree char *stated = g_match_info_fetch (match, 1);

      if (atoi (stated) != year)
        nb_check_add (ctx, "R-F-07", NB_SEVERITY_WARNING, "meta.title", message, year, year);
    }
}

static void
check_publication_date (NbCheckContext *ctx)
{
  const char *date = nb_report_get_text (ctx->report, NB_TEXT_PUBLICATION_DATE);
  int year = nb_report_get_year (ctx->report);
  gboolean government = nb_report_get_people_government (ctx->report);
  int deadline_month = government ? 3 : 1;
  int deadline_day = 31;
  int y, m, d;

  if (!date[0] || !parse_iso_date (date, &y, &m, &d))
    return;
  if (y < year + 1 || (y == year + 1 && (m < deadline_month ||
                                         (m == deadline_month && d <= deadline_day))))
    return;
  nb_check_add (ctx, "R-F-11", NB_SEVERITY_INFO, "meta.publication_date",
                "按《条例》第四十九条，%d月%d日前应公布上一年度年报。",
                deadline_month, deadline_day);
}

void
nb_check_form (NbCheckContext *ctx)
{
  check_sections (ctx);
  check_legacy_layout (ctx);
  check_cells (ctx);
  check_noted_cells (ctx);
  check_period (ctx);
  check_publication_date (ctx);
}
