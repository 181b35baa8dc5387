/* nb-export-html.c — the report as a web page for the government portal
 *
 * Two modes (layout.md §11): a self-contained standalone page with an embedded screen and
 * print stylesheet, and a fragment (the article only) whose critical styling is repeated
 * inline, because CMS editors strip <style> blocks and classes. No scripts, no external
 * requests. Every piece of user text goes through nb_html_escape (). The tables are
 * written by nb-html-tables.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "nb-export.h"
#include "nb-export-private.h"
#include "nb-html-private.h"
#include "nb-render-text.h"

/* Font lists mirror the roles of layout.md §9, generic family last. */
#define FONT_TITLE "\"方正小标宋简体\", \"FZXiaoBiaoSong-B05S\", \"方正小标宋_GBK\", \"Source Han Serif SC Heavy\", \"Noto Serif CJK SC Black\", \"Noto Serif CJK SC\", serif"
#define FONT_BODY "\"仿宋_GB2312\", \"FangSong_GB2312\", \"FangSong\", \"仿宋\", \"STFangsong\", \"Zhuque Fangsong\", \"FandolFang\", \"Noto Serif CJK SC\", serif"
#define FONT_HEI "\"黑体\", \"SimHei\", \"Noto Sans CJK SC\", sans-serif"
#define FONT_KAI "\"楷体_GB2312\", \"KaiTi_GB2312\", \"KaiTi\", \"楷体\", \"STKaiti\", \"LXGW WenKai\", \"AR PL UKai CN\", \"FandolKai\", \"Noto Serif CJK SC\", serif"

static const char stylesheet[] =
  "body{margin:0;background:#fff;color:#000}\n"
  "article{max-width:42em;margin:0 auto;padding:1.5em 1em 3em;font-family:" FONT_BODY ";"
  "font-size:1.0625rem;line-height:1.8}\n"
  "h1{font-family:" FONT_TITLE ";font-weight:bold;font-size:1.5em;line-height:1.5;"
  "text-align:center;margin:0.5em 0 1em}\n"
  "h2{font-family:" FONT_HEI ";font-weight:bold;font-size:1em;margin:1em 0 0.3em;text-indent:2em}\n"
  "h3{font-family:" FONT_KAI ";font-weight:normal;font-size:1em;margin:0.5em 0 0;text-indent:2em}\n"
  "p{margin:0;text-indent:2em;text-align:justify}\n"
  ".run-in{font-family:" FONT_KAI "}\n"
  ".signature{text-align:right;margin:1.8em 2em 0 0}\n"
  "h1 .nb-keep{display:inline-block}\n"
  ".nb-scroll{overflow-x:auto}\n"
  "table{border-collapse:collapse;width:100%;margin:0.5em 0 1em;font-size:0.8em;line-height:1.3;"
  "font-variant-numeric:tabular-nums}\n"
  "table.nb-complex{min-width:34em}\n"
  "caption{font-family:" FONT_HEI ";font-weight:bold;text-align:left;padding:0.3em 0}\n"
  "th,td{border:1px solid #000;padding:0.2em 0.3em;text-align:center;vertical-align:middle}\n"
  /* Heads in 黑体 as printed; row labels in the body font, as the PDF prints them. */
  "thead th{font-family:" FONT_HEI ";font-weight:bold}\n"
  "tbody th{font-weight:normal}\n"
  "thead th{word-break:keep-all}\n"
  "th.nb-left{text-align:left}\n"
  "td.nb-corner{font-size:0.9em;text-align:left}\n"
  ".nb-vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
  "clip:rect(0 0 0 0);border:0}\n"
  "a{color:#00c}\n"
  /* Phone width: the wide tables shrink to fit rather than scroll, where they can. */
  "@media (max-width:30em){article{padding:1em 0.6em 2em}"
  "table.nb-complex{min-width:0;font-size:0.7em}th,td{padding:0.15em 0.1em}"
  /* … and table 四's fifteen columns fall back to breaks between characters. */
  ".nb-wide thead th{word-break:normal}}\n"
  /* Print: A4 with the margins of GB/T 9704 (layout.md §1, §11). */
  "@page{size:A4;margin:37mm 26mm 35mm 28mm}\n"
  "@page :right{@bottom-right{content:\"— \" counter(page) \" —\";font-size:14pt}}\n"
  "@page :left{@bottom-left{content:\"— \" counter(page) \" —\";font-size:14pt}}\n"
  "@media print{article{max-width:none;margin:0;padding:0;font-size:16pt;line-height:28.99pt}"
  "h1{font-size:22pt;line-height:1.4}"
  "table{font-size:12pt;line-height:1.3}table.nb-complex{font-size:10.5pt;min-width:0}"
  ".nb-scroll{overflow:visible}"
  "thead{display:table-header-group}tr,h2{break-inside:avoid}h2{break-after:avoid}"
  /* Table 二's blocks and table 四 stay whole; table 三 breaks between rows only. */
  "table:not(.nb-complex),table.nb-wide{break-inside:avoid}"
  "a{color:#000;text-decoration:none}}\n";

void
nb_html_escape (GString *out, const char *text, gssize len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;

  for (const char *p = text; p < end; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '\n': case '\t': g_string_append_c (out, *p); break;
      case '\xc2':
        /* C1 controls (U+0080–U+009F) are not allowed in HTML text either. */
        if (p + 1 < end && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
          p++;
        else
          g_string_append_c (out, *p);
        break;
      default:
        /* Other control characters are not allowed in HTML text: drop them. */
        if ((guchar) *p >= 0x20 && *p != 0x7f)
          g_string_append_c (out, *p);
        break;
      }
}

void
nb_html_attrs (NbHtml *html, const char *klass, const char *style)
{
  if (html->fragment && style)
    g_string_append_printf (html->out, " style=\"%s\"", style);
  else if (!html->fragment && klass)
    g_string_append_printf (html->out, " class=\"%s\"", klass);
}

static void
write_text_with_links (NbHtml *html, const char *text)
{
  const char *run = text;
  const char *p = text;

  while (*p)
    {
      gboolean mail;
      gsize n;

      n = nb_render_link_length (text, p, &mail);
      if (n == 0)
        {
          p++;
          continue;
        }
      nb_html_escape (html->out, run, p - run);
      g_string_append_printf (html->out, "<a href=\"%s", mail ? "mailto:" : "");
      nb_html_escape (html->out, p, n);
      g_string_append (html->out, "\">");
      nb_html_escape (html->out, p, n);
      g_string_append (html->out, "</a>");
      p += n;
      run = p;
    }
  nb_html_escape (html->out, run, p - run);
}

static void
open_paragraph (NbHtml *html)
{
  g_string_append (html->out, "<p");
  nb_html_attrs (html, NULL, "text-indent:2em;text-align:justify;line-height:1.8;margin:0");
  g_string_append_c (html->out, '>');
}

/* The printed paragraphs of @text (nb_render_paragraphs); @run_in (already escaped)
 * opens the first one. */
static void
write_paragraphs (NbHtml *html, const char *text, const char *run_in)
{
  g_auto(GStrv) lines = nb_render_paragraphs (text);

  for (guint i = 0; lines[i] || (i == 0 && run_in); i++)
    {
      open_paragraph (html);
      if (i == 0 && run_in)
        g_string_append (html->out, run_in);
      if (lines[i])
        write_text_with_links (html, lines[i]);
      g_string_append (html->out, "</p>\n");
      if (!lines[i])
        break;
    }
}

/* The run-in heading "（一）积极主动做好政务公开。" (nb_render_part_heading), escaped. */
static char *
run_in_heading (NbHtml *html, const char *heading)
{
  GString *span = g_string_new ("<span");
  NbHtml inner = { span, html->report, html->fragment };

  nb_html_attrs (&inner, "run-in", "font-family:" FONT_KAI);
  g_string_append_c (span, '>');
  nb_html_escape (span, heading, -1);
  g_string_append (span, "</span>");
  return g_string_free (span, FALSE);
}

static void
write_overview (NbHtml *html)
{
  write_paragraphs (html, nb_report_get_text (html->report, NB_TEXT_S1_INTRO), NULL);
  for (guint i = 0; i < nb_report_get_n_parts (html->report); i++)
    {
      const NbPart *part = nb_report_get_part (html->report, i);
      g_autofree char *heading = nb_render_part_heading (html->report, i);
      g_autofree char *run_in = NULL;
      g_autofree char *title = NULL;

      /* A standalone heading is an <h3> without final punctuation (layout.md §11). */
      if (heading && nb_report_get_standalone_headings (html->report))
        {
          title = nb_render_part_title (html->report, i);
          g_string_append (html->out, "<h3");
          nb_html_attrs (html, NULL, "font-family:" FONT_KAI ";font-weight:normal;font-size:1em;"
                                     "margin:0.5em 0 0;text-indent:2em");
          g_string_append_c (html->out, '>');
          nb_html_escape (html->out, title, -1);
          g_string_append (html->out, "</h3>\n");
        }
      else if (heading)
        run_in = run_in_heading (html, heading);
      write_paragraphs (html, part->text, run_in);
    }
}

/* The signature block (layout.md §7), right-aligned: agency, then the date. */
static void
write_signature (NbHtml *html)
{
  g_autofree char *agency = NULL, *date = NULL;

  if (!nb_render_signature (html->report, &agency, &date) || !*agency)
    return;
  g_string_append (html->out, "<p");
  nb_html_attrs (html, "signature", "text-align:right;margin:1.8em 2em 0 0;line-height:1.8");
  g_string_append_c (html->out, '>');
  nb_html_escape (html->out, agency, -1);
  if (date)
    {
      g_string_append (html->out, "<br>");
      nb_html_escape (html->out, date, -1);
    }
  g_string_append (html->out, "</p>\n");
}

/* Where the title may break when the user set no breaks: after the year ("…2024年" /
 * "政府信息公开工作年度报告", layout.md §5 rule 2). 0 when the title has no year. */
static gsize
title_year_end (const char *title)
{
  for (const char *p = title; *p; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && g_str_has_prefix (p + 4, "年") && p[4 + strlen ("年")])
      return (gsize) (p - title) + 4 + strlen ("年");
  return 0;
}

static void
write_title (NbHtml *html, const char *title)
{
  g_autoptr(GArray) breaks = nb_render_title_breaks (title, nb_report_get_title_breaks (html->report));
  const char *p = title;
  glong done = 0;
  gsize year_end = title_year_end (title);

  g_string_append (html->out, "<h1");
  nb_html_attrs (html, NULL, "text-align:center;font-size:1.5em;line-height:1.5");
  g_string_append_c (html->out, '>');
  /* Without breaks set by the user, the browser wraps the title only between the two
   * halves, each kept whole while it fits the line: never "……工作年度 / 报告". */
  if (breaks->len == 0 && year_end > 0)
    {
      for (int half = 0; half < 2; half++)
        {
          g_string_append (html->out, "<span");
          nb_html_attrs (html, "nb-keep", "display:inline-block");
          g_string_append_c (html->out, '>');
          nb_html_escape (html->out, half ? title + year_end : title, half ? -1 : (gssize) year_end);
          g_string_append (html->out, "</span>");
        }
      g_string_append (html->out, "</h1>\n");
      return;
    }
  /* title_breaks are character offsets after which the printed title breaks. */
  for (guint i = 0; i < breaks->len; i++)
    {
      glong at = g_array_index (breaks, int, i);
      glong length = g_utf8_strlen (p, -1);
      const char *end;

      if (at <= done || at - done >= length)
        continue;
      end = g_utf8_offset_to_pointer (p, at - done);
      nb_html_escape (html->out, p, end - p);
      g_string_append (html->out, "<br>");
      done = at;
      p = end;
    }
  nb_html_escape (html->out, p, -1);
  g_string_append (html->out, "</h1>\n");
}

static void
write_section (NbHtml *html, guint s)
{
  const NbSectionDef *def = nb_format_section (s);
  g_autofree char *title = nb_render_clean_line (nb_report_get_section_title (html->report, s));

  g_string_append_printf (html->out, "<section aria-labelledby=\"%s\">\n<h2 id=\"%s\"", def->id,
                          def->id);
  nb_html_attrs (html, NULL, "font-size:1em;font-weight:bold;text-indent:2em");
  g_string_append_c (html->out, '>');
  nb_html_escape (html->out, title, -1);
  g_string_append (html->out, "</h2>\n");
  if (s == 0)
    write_overview (html);
  else
    {
      if (def->kind == NB_SECTION_TABLE)
        nb_html_write_table (html, def->table);
      write_paragraphs (html, nb_render_section_text (html->report, s), NULL);
    }
  g_string_append (html->out, "</section>\n");
}

static void
write_head (NbHtml *html, const char *title)
{
  GString *out = html->out;
  g_autofree char *description = nb_render_subject (html->report);
  g_autofree char *agency = nb_render_clean_line (nb_report_get_text (html->report, NB_TEXT_AGENCY));

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<title>");
  nb_html_escape (out, title, -1);
  g_string_append (out, "</title>\n<meta name=\"author\" content=\"");
  nb_html_escape (out, agency, -1);
  g_string_append (out, "\">\n<meta name=\"description\" content=\"");
  nb_html_escape (out, description, -1);
  g_string_append_printf (out, "\">\n<meta name=\"generator\" content=\"Nianbao %s\">\n"
                               "<style>\n%s</style>\n</head>\n<body>\n",
                          PACKAGE_VERSION, stylesheet);
}

char *
nb_html_render (NbReport *report, gboolean fragment)
{
  NbHtml html = { g_string_new (NULL), report, fragment };
  g_autofree char *title = nb_render_display_title (report);
  const char *contact = nb_report_get_text (report, NB_TEXT_CONTACT);

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  if (!fragment)
    write_head (&html, title);
  g_string_append (html.out, "<article");
  if (fragment)
    g_string_append (html.out, " lang=\"zh-CN\"");
  nb_html_attrs (&html, "nb-report", "font-size:16px;line-height:1.8");
  g_string_append (html.out, ">\n");
  write_title (&html, title);
  write_paragraphs (&html, nb_report_get_text (report, NB_TEXT_PREAMBLE), NULL);
  /* The contact line and the portal address belong right after the preamble. */
  write_paragraphs (&html, contact, NULL);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    write_section (&html, s);
  write_signature (&html);
  g_string_append (html.out, "</article>\n");
  if (!fragment)
    g_string_append (html.out, "</body>\n</html>\n");
  return g_string_free (html.out, FALSE);
}

gboolean
nb_export_html (NbReport *report, GFile *file, gboolean fragment, GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = nb_html_render (report, fragment);
  return nb_export_write_file (file, text, strlen (text), error);
}
