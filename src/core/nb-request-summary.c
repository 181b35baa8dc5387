/* nb-request-summary.c — the standard 依申请公开 sentence of section 一, from table 三
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-request-summary.h"

static void
append_share (GString *out, const char *name, gint64 count, NbRatio share)
{
  g_autofree char *percent = nb_ratio_format_percent (share, 2);

  g_string_append_printf (out, "%s%" G_GINT64_FORMAT "件", name, count);
  if (percent != NULL)
    g_string_append_printf (out, "，占%s", percent);
}

/* The wording is the report's own language (data, like the format's labels): it is not
 * translated. */
char *
nb_request_summary (NbReport *report, const NbDerived *derived)
{
  GString *out = g_string_new (NULL);
  const guint total = NB_S3_COLS - 1;

  g_string_append_printf (out, "%d年，本机关共收到政府信息公开申请%" G_GINT64_FORMAT "件",
                          nb_report_get_year (report),
                          nb_report_value_by_key (report, "s3.new.total"));
  if (derived->has_yoy[NB_YOY_NEW])
    {
      gint64 scaled = 0;

      if (nb_ratio_percent_scaled (derived->yoy[NB_YOY_NEW], 2, &scaled))
        {
          NbRatio magnitude = derived->yoy[NB_YOY_NEW];
          g_autofree char *percent = NULL;

          magnitude.num = ABS (magnitude.num);
          percent = nb_ratio_format_percent (magnitude, 2);
          if (scaled == 0)
            g_string_append (out, "，与上年持平");
          else
            g_string_append_printf (out, "，同比%s%s", scaled > 0 ? "增长" : "下降", percent);
        }
    }
  g_string_append_printf (out, "，上年结转%" G_GINT64_FORMAT "件。办理结果中，",
                          nb_report_value_by_key (report, "s3.carry_in.total"));
  for (guint c = NB_RESULT_OPEN; c <= NB_RESULT_OTHER; c++)
    {
      append_share (out, nb_result_category_name (c), derived->category[c][total],
                    derived->share_of_new[c]);
      g_string_append (out, "；");
    }
  g_string_append_printf (out, "%s%" G_GINT64_FORMAT "件。",
                          nb_result_category_name (NB_RESULT_CARRY_OUT),
                          derived->category[NB_RESULT_CARRY_OUT][total]);
  return g_string_free (out, FALSE);
}
