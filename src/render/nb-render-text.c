/* nb-render-text.c — text as the PDF and HTML writers print it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-render-text.h"

#define IDEOGRAPHIC_SPACE "\u3000"

static gboolean
is_break (gunichar c)
{
  return c == '\n' || c == 0x2028 || c == 0x2029;
}

/* @text with controls dropped; breaks become '\n' (@keep_breaks) or nothing. */
static char *
clean (const char *text, gboolean keep_breaks)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_break (c))
        {
          if (keep_breaks)
            g_string_append_c (out, '\n');
        }
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        continue;
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* Blanks and ideographic spaces off the front (a typed indent), blanks off the end. */
static char *
trim (char *line)
{
  char *p = g_strstrip (line);

  while (g_str_has_prefix (p, IDEOGRAPHIC_SPACE) || *p == ' ')
    p += *p == ' ' ? 1 : strlen (IDEOGRAPHIC_SPACE);
  return p;
}

char **
nb_render_paragraphs (const char *text)
{
  g_autofree char *cleaned = clean (text, TRUE);
  g_auto(GStrv) lines = g_strsplit (cleaned, "\n", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = trim (lines[i]);

      if (*line)
        g_ptr_array_add (out, g_strdup (line));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

char *
nb_render_clean_line (const char *text)
{
  g_autofree char *cleaned = clean (text, FALSE);

  return g_strdup (trim (cleaned));
}

char *
nb_render_display_title (NbReport *report)
{
  g_autofree char *title = nb_render_clean_line (nb_report_get_text (report, NB_TEXT_TITLE));
  g_autofree char *agency = NULL;

  if (*title)
    return g_steal_pointer (&title);
  agency = nb_render_clean_line (nb_report_get_text (report, NB_TEXT_AGENCY));
  return nb_report_propose_title (agency, nb_report_get_year (report));
}

GArray *
nb_render_title_breaks (const char *title, const GArray *manual)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (int));
  int n = (int) g_utf8_strlen (title, -1);
  int done = 0;

  for (guint i = 0; manual && i < manual->len; i++)
    {
      int at = g_array_index (manual, int, i);

      /* Two characters at least on each side: never one character alone. */
      if (at >= done + 2 && at <= n - 2)
        {
          g_array_append_val (kept, at);
          done = at;
        }
    }
  return kept;
}

/* 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
static void
append_chinese_number (GString *out, guint n)
{
  static const char *const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n >= 100)
    {
      g_string_append_printf (out, "%u", n);
      return;
    }
  if (n >= 20)
    g_string_append (out, digits[n / 10]);
  if (n >= 10)
    g_string_append (out, "十");
  if (n % 10 || n == 0)
    g_string_append (out, digits[n % 10]);
}

char *
nb_render_part_heading (NbReport *report, guint index)
{
  g_autofree char *heading = NULL;
  GString *out;
  guint number = 0;

  for (guint i = 0; i <= index; i++)
    {
      g_free (heading);
      heading = nb_render_clean_line (nb_report_get_part (report, i)->heading);
      if (*heading)
        number++;
    }
  if (!*heading)
    return NULL;
  out = g_string_new ("（");
  append_chinese_number (out, number);
  g_string_append_printf (out, "）%s", heading);
  /* The model keeps the heading without final punctuation, but a typed one stays. */
  if (!g_str_has_suffix (heading, "。") && !g_str_has_suffix (heading, "？") &&
      !g_str_has_suffix (heading, "！"))
    g_string_append (out, "。");
  return g_string_free (out, FALSE);
}

char *
nb_render_part_title (NbReport *report, guint index)
{
  g_autofree char *heading = nb_render_part_heading (report, index);
  gsize len;

  if (heading == NULL)
    return NULL;
  len = strlen (heading);
  while (len > 0 && (g_str_has_suffix (heading, "。") || g_str_has_suffix (heading, "？") ||
                     g_str_has_suffix (heading, "！")))
    {
      len -= strlen ("。");
      heading[len] = '\0';
    }
  return g_steal_pointer (&heading);
}

gboolean
nb_render_signature (NbReport *report, char **agency, char **date)
{
  const char *name = nb_report_get_text (report, NB_TEXT_SIGNATURE_AGENCY);
  const char *day = nb_report_get_text (report, NB_TEXT_SIGNATURE_DATE);
  g_autofree char *printed = NULL;

  *agency = *date = NULL;
  if (!nb_report_get_signature (report))
    return FALSE;
  *agency = nb_render_clean_line (name && *name ? name : nb_report_get_text (report, NB_TEXT_AGENCY));
  if (!day || !*day)
    day = nb_report_get_text (report, NB_TEXT_PUBLICATION_DATE);
  printed = day && *day ? nb_date_format_chinese (day) : NULL;
  *date = printed && *printed ? g_steal_pointer (&printed) : NULL;
  return TRUE;
}

char *
nb_render_cell_text (NbReport *report, guint index)
{
  const NbCell *cell = nb_report_get_cell (report, index);

  if (cell == NULL || cell->state != NB_CELL_VALUE)
    return g_strdup ("0");
  if (nb_format_cell (index)->unit == NB_UNIT_MONEY)
    return nb_money_format_wanyuan (cell->value);
  return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);
}

gsize
nb_render_link_length (const char *text, const char *p, gboolean *mail)
{
  gsize n = 0;
  gboolean at = FALSE;

  *mail = FALSE;
  /* Only where a word starts: not in the middle of an ASCII run. */
  if (p > text && g_ascii_isalnum (p[-1]))
    return 0;
  while (p[n] && (g_ascii_isalnum (p[n]) || strchr ("-._~:/?#@!$&*+=%", p[n])))
    at |= p[n++] == '@';
  while (n > 0 && strchr (".:,!?", p[n - 1]))
    n--;
  if (g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://"))
    return n > strlen ("https://") ? n : 0;
  /* name@host.domain: something before the @ and a dot after it. */
  if (at && p[0] != '@')
    {
      const char *host = memchr (p, '@', n);
      const char *dot = host ? memchr (host, '.', n - (gsize) (host - p)) : NULL;

      *mail = dot && dot > host + 1 && dot < p + n - 1;
      return *mail ? n : 0;
    }
  return 0;
}

char *
nb_render_subject (NbReport *report)
{
  g_autofree char *start = nb_date_format_chinese (nb_report_get_text (report, NB_TEXT_PERIOD_START));
  g_autofree char *end = nb_date_format_chinese (nb_report_get_text (report, NB_TEXT_PERIOD_END));

  return g_strdup_printf ("政府信息公开工作年度报告（统计期限：%s至%s）", start, end);
}

const char *
nb_render_section_text (NbReport *report, guint index)
{
  static const NbTextField texts[NB_N_SECTIONS] = {
    NB_TEXT_S1_INTRO, NB_TEXT_S2_NOTE, NB_TEXT_S3_NOTE, NB_TEXT_S4_NOTE, NB_TEXT_S5, NB_TEXT_S6,
  };

  g_return_val_if_fail (index < NB_N_SECTIONS, NULL);
  return nb_report_get_text (report, texts[index]);
}
