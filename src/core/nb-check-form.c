/* nb-check-form.c — structure and form: R-F-01, R-F-03, R-F-05, R-F-06, R-F-07, R-F-11
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-private.h"

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
  if (!ctx->legacy)
    return;
  nb_check_add (ctx, "R-F-03", NB_SEVERITY_ERROR, "s2",
                "表格使用的是2019年试行格式，请按《中华人民共和国政府信息公开工作年度报告格式》"
                "（国办公开办函〔2021〕30号）重新填报。");
}

static gboolean
table_all_blank (NbCheckContext *ctx, const NbTableDef *table)
{
  for (guint i = table->first_cell; i < table->first_cell + table->n_cells; i++)
    if (nb_report_get_cell (ctx->report, i)->state != NB_CELL_BLANK)
      return FALSE;
  return TRUE;
}

/* R-F-05 and R-F-06: one finding per blank or unreadable cell; a wholly blank table is
 * one error instead of a warning per cell. */
static void
check_cells (NbCheckContext *ctx)
{
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
          name = nb_check_cell_name (i);
          if (cell->state == NB_CELL_BLANK)
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

/* "2024-01-01" → TRUE and the parts. */
static gboolean
parse_iso_date (const char *text, int *y, int *m, int *d)
{
  return text && sscanf (text, "%4d-%2d-%2d", y, m, d) == 3 && g_date_valid_dmy (*d, *m, *y);
}

/* The first "YYYY年M月D日至YYYY年M月D日" in @text. */
static gboolean
find_stated_period (const char *text, int *y1, int *m1, int *d1, int *y2, int *m2, int *d2)
{
  GRegex *regex = nb_check_regex ("(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:至|到|—|-|～|~)"
                                         "(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
  g_autoptr(GMatchInfo) match = NULL;
  int *parts[6] = { y1, m1, d1, y2, m2, d2 };

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *group = g_match_info_fetch (match, i + 1);

      *parts[i] = atoi (group);
    }
  return TRUE;
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
  if (preamble && preamble[0] &&
      (!find_stated_period (preamble, &y1, &m1, &d1, &y2, &m2, &d2) ||
       !(y1 == year && m1 == 1 && d1 == 1 && y2 == year && m2 == 12 && d2 == 31)))
    nb_check_add (ctx, "R-F-07", NB_SEVERITY_WARNING, "meta.preamble", message, year, year);

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
  check_period (ctx);
  check_publication_date (ctx);
}
