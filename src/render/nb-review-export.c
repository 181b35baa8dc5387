/* nb-review-export.c — the review of many reports as an HTML page or a CSV file
 *
 * The page is Chinese like the reports it reviews; CSV column names are fixed identifiers
 * so that scripts and spreadsheets can rely on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-export-private.h"
#include "nb-html-private.h"
#include "nb-review-export.h"

static const char review_style[] =
  "body{font-family:sans-serif;margin:2em;line-height:1.5}"
  "table{border-collapse:collapse;margin:1em 0}"
  "th,td{border:1px solid #999;padding:0.2em 0.5em;text-align:left;vertical-align:top}"
  "td.n{text-align:right}tr.unreadable td{color:#a00}"
  "caption{text-align:left;font-weight:bold}";

static void
cell (GString *out, const char *klass, const char *text)
{
  g_string_append (out, klass ? "<td class=\"" : "<td");
  if (klass)
    g_string_append_printf (out, "%s\"", klass);
  g_string_append_c (out, '>');
  nb_html_escape (out, text ? text : "", -1);
  g_string_append (out, "</td>");
}

static void
count_cell (GString *out, guint value)
{
  g_string_append_printf (out, "<td class=\"n\">%u</td>", value);
}

/* What the summary says beside the counts: the import's gaps, last year's file, a note. */
static char *
row_remark (const NbReviewRow *row)
{
  GString *out = g_string_new (NULL);

  if (row->error)
    g_string_append_printf (out, "无法读取：%s", row->error);
  if (row->imported)
    g_string_append_printf (out, "由已发布文本导入，%u 个单元格未能读出；", row->n_unread);
  if (row->previous)
    g_string_append_printf (out, "与上年报告 %s 比对；", row->previous);
  if (row->note)
    g_string_append (out, row->note);
  return g_string_free (out, FALSE);
}

static void
write_summary (GString *out, GPtrArray *rows)
{
  g_string_append (out, "<table id=\"summary\">\n<caption>各报告检查结果</caption>\n<thead><tr>"
                        "<th scope=\"col\">文件</th><th scope=\"col\">机关</th>"
                        "<th scope=\"col\">年度</th><th scope=\"col\">错误</th>"
                        "<th scope=\"col\">警告</th><th scope=\"col\">提示</th>"
                        "<th scope=\"col\">触发的规则</th><th scope=\"col\">说明</th>"
                        "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const NbReviewRow *row = g_ptr_array_index (rows, i);
      g_autofree char *remark = row_remark (row);
      g_autofree char *year = row->year ? g_strdup_printf ("%d", row->year) : g_strdup ("");

      g_string_append (out, row->error ? "<tr class=\"unreadable\"><td>" : "<tr><td>");
      if (!row->error)
        g_string_append_printf (out, "<a href=\"#r%u\">", i + 1);
      nb_html_escape (out, row->file, -1);
      g_string_append (out, row->error ? "</td>" : "</a></td>");
      cell (out, NULL, row->agency);
      cell (out, "n", year);
      for (guint s = 0; s < NB_N_SEVERITIES; s++)
        count_cell (out, row->counts[s]);
      cell (out, NULL, row->rules);
      cell (out, NULL, remark);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
write_findings (GString *out, guint index, const NbReviewRow *row)
{
  g_string_append_printf (out, "<section aria-labelledby=\"r%u\">\n<h2 id=\"r%u\">", index + 1,
                          index + 1);
  nb_html_escape (out, row->agency[0] ? row->agency : "（未写机关）", -1);
  g_string_append (out, "　<small>");
  nb_html_escape (out, row->file, -1);
  g_string_append (out, "</small></h2>\n");
  if (row->findings->len == 0)
    {
      g_string_append (out, "<p>未发现问题。</p>\n</section>\n");
      return;
    }
  g_string_append (out, "<table>\n<thead><tr><th scope=\"col\">类别</th><th scope=\"col\">规则</th>"
                        "<th scope=\"col\">位置</th><th scope=\"col\">说明</th></tr></thead>\n"
                        "<tbody>\n");
  for (guint i = 0; i < row->findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (row->findings, i);
      g_autofree char *message = f->override_note
        ? g_strdup_printf ("%s%s（已说明：%s）", f->message, nb_finding_origin_note (f),
                           f->override_note)
        : g_strconcat (f->message, nb_finding_origin_note (f), NULL);

      g_string_append (out, "<tr>");
      cell (out, nb_severity_id (f->severity), nb_severity_name (f->severity));
      cell (out, NULL, f->rule);
      cell (out, NULL, f->where);
      cell (out, NULL, message);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</section>\n");
}

/* A heading and a list of messages; nothing when there are none. */
static void
write_list (GString *out, const char *heading, const char *const *items, guint n_items)
{
  if (n_items == 0)
    return;
  g_string_append_printf (out, "<h2>%s</h2>\n<ul>\n", heading);
  for (guint i = 0; i < n_items; i++)
    {
      g_string_append (out, "<li>");
      nb_html_escape (out, items[i], -1);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

char *
nb_review_render_html (GPtrArray *rows, const GPtrArray *problems)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) unreadable = g_ptr_array_new ();
  guint totals[NB_N_SEVERITIES] = { 0 }, n_unreadable;

  for (guint i = 0; i < rows->len; i++)
    {
      const NbReviewRow *row = g_ptr_array_index (rows, i);

      if (row->error)
        g_ptr_array_add (unreadable, row->error);
      for (guint s = 0; s < NB_N_SEVERITIES; s++)
        totals[s] += row->counts[s];
    }
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n<title>年报审阅</title>\n"
                               "<style>%s</style>\n</head>\n<body>\n<h1>年报审阅</h1>\n",
                          review_style);
  n_unreadable = unreadable->len;
  g_string_append_printf (out, "<p>共 %u 个文件：%u 份报告已检查，%u 个无法读取。"
                               "错误 %u 条，警告 %u 条，提示 %u 条。</p>\n",
                          rows->len, rows->len - n_unreadable, n_unreadable,
                          totals[NB_SEVERITY_ERROR], totals[NB_SEVERITY_WARNING],
                          totals[NB_SEVERITY_INFO]);
  write_summary (out, rows);
  for (guint i = 0; i < rows->len; i++)
    if (!((NbReviewRow *) g_ptr_array_index (rows, i))->error)
      write_findings (out, i, g_ptr_array_index (rows, i));
  write_list (out, "无法读取的文件", (const char *const *) unreadable->pdata, unreadable->len);
  if (problems)
    write_list (out, "上年报告文件夹中的问题", (const char *const *) problems->pdata,
                problems->len);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
static void
csv_field (GString *out, const char *text, gboolean last)
{
  text = text ? text : "";
  if (strpbrk (text, ",\"\r\n") == NULL)
    g_string_append (out, text);
  else
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_record (GString *out, const char *const fields[14])
{
  for (guint i = 0; i < 14; i++)
    csv_field (out, fields[i], i == 13);
}

char *
nb_review_render_csv (GPtrArray *rows, const GPtrArray *problems)
{
  static const char *const header[14] = {
    "record", "file", "agency", "year", "errors", "warnings", "infos", "rules",
    "unread_cells", "previous", "severity", "rule", "where", "message"
  };
  GString *out = g_string_new ("\xef\xbb\xbf");    /* BOM: spreadsheets then read UTF-8 */

  csv_record (out, header);
  for (guint i = 0; i < rows->len; i++)
    {
      const NbReviewRow *row = g_ptr_array_index (rows, i);
      g_autofree char *year = NULL, *errors = NULL, *warnings = NULL, *infos = NULL;
      g_autofree char *unread = NULL;

      if (row->error)
        {
          const char *fields[14] = { "unreadable", row->file, [13] = row->error };

          csv_record (out, fields);
          continue;
        }
      year = g_strdup_printf ("%d", row->year);
      errors = g_strdup_printf ("%u", row->counts[NB_SEVERITY_ERROR]);
      warnings = g_strdup_printf ("%u", row->counts[NB_SEVERITY_WARNING]);
      infos = g_strdup_printf ("%u", row->counts[NB_SEVERITY_INFO]);
      unread = row->imported ? g_strdup_printf ("%u", row->n_unread) : NULL;
      {
        const char *fields[14] = { "report", row->file, row->agency, year, errors, warnings,
                                   infos, row->rules, unread, row->previous, [13] = row->note };

        csv_record (out, fields);
      }
      for (guint j = 0; j < row->findings->len; j++)
        {
          const NbFinding *f = g_ptr_array_index (row->findings, j);
          g_autofree char *message = g_strconcat (f->message, nb_finding_origin_note (f), NULL);
          const char *fields[14] = { "finding", row->file, row->agency, [10] = nb_severity_id (f->severity),
                                     f->rule, f->where, message };

          csv_record (out, fields);
        }
    }
  for (guint i = 0; problems && i < problems->len; i++)
    {
      const char *fields[14] = { "problem", [13] = g_ptr_array_index (problems, i) };

      csv_record (out, fields);
    }
  return g_string_free (out, FALSE);
}

gboolean
nb_review_export (GPtrArray *rows, const GPtrArray *problems, GFile *file, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *data = g_str_has_suffix (lower, ".csv")
    ? nb_review_render_csv (rows, problems)
    : nb_review_render_html (rows, problems);

  return nb_export_write_file (file, data, strlen (data), error);
}
