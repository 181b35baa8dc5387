/* nb-check-narrative.c — the prose against the tables and the form of the narrative
 *
 * R-F-02, R-F-04, R-F-08, R-F-09, R-F-10, R-F-12, R-F-13, R-F-14, R-F-15, R-T2-05,
 * R-T3-05, R-T3-06, R-T3-08, R-T4-02, R-X-01, R-X-02, R-X-05, R-X-06, R-X-07.
 * Figures come from nb-narrative.c; approximate figures never enter an equality; a
 * scope word in the figure's own clause downgrades to a note (rules.md §F.4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-narrative.h"

#include <stdarg.h>
#include <string.h>

#include "nb-import.h"

/* Bounds on how far a rule looks from a figure, so that run-on text costs linear time. */
#define MAX_LOOKAHEAD 300
#define MAX_PARTS 40

/* ---- Shared helpers ---------------------------------------------------------------------- */

GArray *
nb_check_s1_texts (NbCheckContext *ctx)
{
  GArray *texts = g_array_new (FALSE, TRUE, sizeof (NbNarrativeText));
  NbNarrativeText intro = { "s1", -1, nb_report_get_text (ctx->report, NB_TEXT_S1_INTRO) };

  g_array_append_val (texts, intro);
  for (guint i = 0; i < nb_report_get_n_parts (ctx->report); i++)
    {
      NbNarrativeText part = { "s1", (int) i, nb_report_get_part (ctx->report, i)->text };

      g_array_append_val (texts, part);
    }
  return texts;
}

NbFinding *
nb_check_add_span (NbCheckContext *ctx, const char *rule, NbSeverity severity,
                   const NbNarrativeText *text, int start, int end, const char *format, ...)
{
  g_autofree char *message = NULL;
  NbFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = nb_check_add (ctx, rule, severity, text->where, "%s", message);
  finding->part = text->part;
  if (start >= 0)
    {
      finding->span_start = start;
      finding->span_end = end;
    }
  return finding;
}

char *
nb_check_format_scaled (gint64 value, guint decimals)
{
  gint64 scale = 1;
  gboolean negative = value < 0;
  gint64 magnitude = negative ? -value : value;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  if (decimals == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, negative ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, negative ? "-" : "",
                          magnitude / scale, (int) decimals, magnitude % scale);
}

gboolean
nb_check_percent (gint64 num, gint64 den, guint decimals, gint64 *scaled)
{
  gint64 scale = 100;
  gboolean negative;
  gint64 n, q;

  if (den == 0 || decimals > 6)
    return FALSE;
  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  negative = (num < 0) != (den < 0);
  n = (num < 0 ? -num : num);
  den = den < 0 ? -den : den;
  if (n > G_MAXINT64 / scale / 2)
    return FALSE;
  q = (2 * n * scale + den) / (2 * den);          /* half up on the magnitude */
  *scaled = negative ? -q : q;
  return TRUE;
}

gboolean
nb_check_is_request_paragraph (const char *text, int start, int end)
{
  return nb_narrative_contains (text, start, end, "申请");
}

static const char *const target_words[NB_N_TARGETS] = {
  "予以公开及部分公开|予以公开和部分公开|予以公开、部分公开",
  "上年结转",
  /* After 上年结转 above: a bare 结转 in a year's account is what goes to next year. */
  "结转下年度|转结下年度|转下年度|结转下一年度|转入下一年度|转入下年度|顺延|结转",
  "不予公开",
  "部分公开",
  "予以公开",
  "无法提供",
  "不予处理",
  "其他处理",
  "法人或其他组织",
  "自然人",
  "法律服务机构",
  "科研机构",
  "社会公益组织",
  "企业",
  "共收办|收办",
  "新收|收到|受理|接收",
  "办结|答复|办理完毕|办理|处理",
};

/* The stretch of a figure's clause that belongs to it: up to its neighbours in the clause. */
static void
own_stretch (GArray *figures, guint index, int *from, int *to)
{
  const NbFigure *f = &g_array_index (figures, NbFigure, index);

  *from = f->clause_start;
  *to = f->clause_end;
  if (index > 0)
    {
      const NbFigure *prev = &g_array_index (figures, NbFigure, index - 1);

      if (prev->end > *from)
        *from = prev->end;
    }
  if (index + 1 < figures->len)
    {
      const NbFigure *next = &g_array_index (figures, NbFigure, index + 1);

      if (next->start < *to)
        *to = next->start;
    }
}

NbRequestTarget
nb_check_request_target (const char *text, GArray *figures, guint index)
{
  const NbFigure *f = &g_array_index (figures, NbFigure, index);
  int from, to;

  /* The label before the figure first (“予以公开19件、部分公开9件”: 19 is 予以公开's),
   * else the one after it (“其中48件为自然人”). */
  own_stretch (figures, index, &from, &to);
  for (guint t = 0; t < NB_N_TARGETS; t++)
    if (nb_narrative_find_any (text, from, f->start, target_words[t], NULL) >= 0)
      return t;
  for (guint t = 0; t < NB_N_TARGETS; t++)
    if (nb_narrative_find_any (text, f->end, to, target_words[t], NULL) >= 0)
      return t;
  return NB_TARGET_NONE;
}

/* A figure that is no count of this year's table: a change (“较上年减少21件”, “同比增加3件”)
 * or a count of another year (“2023年接收申请73件”, “去年为73件”), said before it in its
 * own stretch of the clause. */
static gboolean
is_other_quantity (NbCheckContext *ctx, const char *text, GArray *figures, guint index)
{
  GRegex *year = nb_check_regex ("((?:19|20)\\d\\d)\\s*年");
  const NbFigure *f = &g_array_index (figures, NbFigure, index);
  g_autoptr(GMatchInfo) match = NULL;
  int from, to;

  own_stretch (figures, index, &from, &to);
  if (nb_narrative_find_any (text, from, f->start, "较上年|比上年|较去年|比去年|同比|环比|增加|减少|增长|"
                             "下降|上升|去年|上年度|上一年度|上年同期", NULL) >= 0)
    return TRUE;
  if (!nb_narrative_contains (text, from, f->start, "年"))
    return FALSE;
  g_regex_match_full (year, text, f->start, from, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);

      if (atoi (digits) != nb_report_get_year (ctx->report))
        return TRUE;
    }
  return FALSE;
}

/* ---- Scope words (rules.md §F.4) ----------------------------------------------------------- */

static gboolean
has_scope_word (NbCheckContext *ctx, const char *text, int start, int end)
{
  static const char *const scope[] = {
    "备案", "全市", "全区", "全县", "全省", "系统", "各级", "共涉及", "累计", "历年", NULL
  };
  const char *own = "";

  if (nb_report_get_people_government (ctx->report))
    switch (nb_report_get_level (ctx->report))
      {
      case NB_LEVEL_PROVINCIAL_GOV: own = "全省|全区|全市"; break;
      case NB_LEVEL_PREFECTURE_GOV: own = "全市|全州"; break;
      case NB_LEVEL_COUNTY_GOV: own = "全区|全县|全市|全旗"; break;
      default: break;
      }
  for (guint i = 0; scope[i]; i++)
    if (nb_narrative_contains (text, start, end, scope[i]) &&
        nb_narrative_find_any (scope[i], 0, strlen (scope[i]), own, NULL) != 0)
      return TRUE;
  return FALSE;
}

static NbSeverity
scoped (NbCheckContext *ctx, const char *text, const NbFigure *f)
{
  return has_scope_word (ctx, text, f->clause_start, f->clause_end) ? NB_SEVERITY_INFO
                                                                     : NB_SEVERITY_WARNING;
}

/* The text of [start, end) to quote in a message, trimmed; a run-on stretch is cut to
 * its first 120 characters. */
static char *
slice (const char *text, int start, int end)
{
  g_autofree char *piece = NULL;
  const char *cut;

  if (end - start > 1200)
    {
      end = start + 1200;
      while ((text[end] & 0xC0) == 0x80)
        end--;
    }
  piece = g_strndup (text + start, end - start);

  g_strstrip (piece);
  if (g_utf8_strlen (piece, -1) <= 120)
    return g_strdup (piece);
  cut = g_utf8_offset_to_pointer (piece, 120);
  return g_strdup_printf ("%.*s……", (int) (cut - piece), piece);
}

/* ---- Form of the sections ------------------------------------------------------------------ */

/* R-F-02: a section title other than the canonical one. */
static void
check_titles (NbCheckContext *ctx)
{
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *section = nb_format_section (s);
      const char *stored = nb_report_get_text (ctx->report, nb_report_section_title_field (s));
      g_autofree char *norm = NULL, *canonical = NULL;

      if (stored[0] == '\0')
        continue;
      norm = nb_import_normalize (stored);
      canonical = nb_import_normalize (section->title);
      if (g_str_equal (norm, canonical))
        continue;
      nb_check_add (ctx, "R-F-02", NB_SEVERITY_WARNING, section->id,
                    "第%s部分标题应为“%s”，当前为“%s”。", section->ordinal, section->title, stored);
    }
}

/* R-F-04: labels the importer accepted under an older name. */
static void
check_labels (NbCheckContext *ctx)
{
  GPtrArray *notes = nb_import_report_notes (ctx->report);

  for (guint i = 0; notes && i < notes->len; i++)
    {
      const NbImportNote *note = g_ptr_array_index (notes, i);

      if (g_str_equal (note->rule, "R-F-04"))
        nb_check_add (ctx, "R-F-04", NB_SEVERITY_WARNING, note->where,
                      "表格项目“%s”与规范名称“%s”不一致，请使用规范名称。",
                      note->actual, note->canonical ? note->canonical : "");
    }
}

static char *
compact (const char *text)
{
  g_autofree char *norm = nb_import_normalize (text);

  /* Trailing punctuation says nothing: “无。” is “无”. */
  while (g_str_has_suffix (norm, "。") || g_str_has_suffix (norm, "."))
    norm[strlen (norm) - (g_str_has_suffix (norm, "。") ? strlen ("。") : 1)] = '\0';
  return g_steal_pointer (&norm);
}

/* R-F-08, R-X-06: section 五 says what is wrong and what will be done. */
static void
check_problems (NbCheckContext *ctx)
{
  NbNarrativeText s5 = { "s5", -1, nb_report_get_text (ctx->report, NB_TEXT_S5) };
  g_autofree char *norm = NULL;
  static const char *const empty[] = { "", "无", "暂无", "没有", NULL };
  guint visible = 0;

  if (!nb_report_get_section_present (ctx->report, 4))
    return;
  /* NFKC folds at most a few characters into one: 50 visible characters stay 10 or more,
   * so only a short text needs normalising to be measured. */
  for (const char *p = s5.text; *p && visible < 50; p = g_utf8_next_char (p))
    visible += !g_unichar_isspace (g_utf8_get_char (p));
  if (visible < 50)
    norm = compact (s5.text);
  if (norm && (g_strv_contains (empty, norm) || g_utf8_strlen (norm, -1) < 10))
    {
      nb_check_add (ctx, "R-F-08", NB_SEVERITY_WARNING, "s5",
                    "第五部分“存在的主要问题及改进情况”内容空缺或过于简单，应写明存在的问题和改进措施。");
      return;
    }
  if (nb_narrative_find_any (s5.text, 0, strlen (s5.text), "下一步|改进|措施|将|拟", NULL) < 0)
    nb_check_add (ctx, "R-X-06", NB_SEVERITY_INFO, "s5", "第五部分只列问题，未写改进措施。");
}

/* R-F-09, R-X-07: the 信息处理费 of section 六. */
static void
check_other_matters (NbCheckContext *ctx)
{
  NbNarrativeText s6 = { "s6", -1, nb_report_get_text (ctx->report, NB_TEXT_S6) };
  int len = strlen (s6.text);
  g_autoptr(GArray) figures = NULL;
  int at;

  if (!nb_report_get_section_present (ctx->report, 5))
    return;
  if (!strstr (s6.text, "信息处理费"))
    {
      nb_check_add (ctx, "R-F-09", NB_SEVERITY_WARNING, "s6",
                    "第六部分未说明信息处理费收取情况（未收取也应写明“未收取信息处理费”）。");
      return;
    }
  figures = nb_narrative_figures (s6.text, 0, len);
  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);

      if (f->unit == NB_FIGURE_WANYUAN &&
          nb_narrative_contains (s6.text, f->sentence_start, f->sentence_end, "信息处理费"))
        {
          nb_check_add_span (ctx, "R-X-07", NB_SEVERITY_INFO, &s6, f->start, f->end,
                             "信息处理费一般以“元”为单位报告，与表二“行政事业性收费（万元）”不是同一事项。");
          return;
        }
    }
  if ((at = nb_narrative_find_any (s6.text, 0, len, "行政事业性收费", NULL)) >= 0)
    nb_check_add_span (ctx, "R-X-07", NB_SEVERITY_INFO, &s6, at, at + strlen ("行政事业性收费"),
                       "信息处理费一般以“元”为单位报告，与表二“行政事业性收费（万元）”不是同一事项。");
}

/* R-F-10 and R-F-12: what section 一 must cover. */
static void
check_coverage (NbCheckContext *ctx)
{
  static const struct { const char *name; const char *words; } duties[] = {
    { "工作考核", "考核" },
    { "社会评议", "评议|满意度测评" },
    { "责任追究", "责任追究" },
  };
  static const char *const aspect_words[NB_N_ASPECTS] = {
    "主动公开",
    "依申请",
    "信息管理|公开属性|发布审查|规范性文件",
    "平台|网站|新媒体|专区",
    "监督|考核|培训|责任追究",
  };
  g_autofree char *all = nb_report_dup_s1_text (ctx->report);
  int len = strlen (all);
  g_autoptr(GString) missing = g_string_new (NULL);

  if (!nb_report_get_section_present (ctx->report, 0))
    return;
  if (nb_report_get_people_government (ctx->report))
    {
      for (guint i = 0; i < G_N_ELEMENTS (duties); i++)
        if (nb_narrative_find_any (all, 0, len, duties[i].words, NULL) < 0)
          g_string_append_printf (missing, "%s%s", missing->len ? "、" : "", duties[i].name);
      if (missing->len)
        nb_check_add (ctx, "R-F-10", NB_SEVERITY_WARNING, "s1",
                      "人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项），缺少：%s。",
                      missing->str);
    }

  g_string_truncate (missing, 0);
  for (guint a = 0; a < NB_N_ASPECTS; a++)
    if (nb_narrative_find_any (all, 0, len, aspect_words[a], NULL) < 0)
      g_string_append_printf (missing, "%s%s", missing->len ? "、" : "", nb_format_aspect_name (a));
  if (missing->len)
    nb_check_add (ctx, "R-F-12", NB_SEVERITY_INFO, "s1",
                  "总体情况应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，缺少：%s。",
                  missing->str);

  if (ctx->options->length_rule)
    {
      g_autoptr(GString) headed = g_string_new (nb_report_get_text (ctx->report, NB_TEXT_S1_INTRO));
      guint n = 0;

      for (guint i = 0; i < nb_report_get_n_parts (ctx->report); i++)
        {
          const NbPart *part = nb_report_get_part (ctx->report, i);

          /* As printed: （一）heading。text */
          g_string_append_printf (headed, "（一）%s。%s", part->heading, part->text);
        }
      for (const char *p = headed->str; *p; p = g_utf8_next_char (p))
        n += !g_unichar_isspace (g_utf8_get_char (p));
      if (n > 1000)
        nb_check_add (ctx, "R-F-15", NB_SEVERITY_INFO, "s1",
                      "总体情况篇幅较长（当前%u字），部分地区要求原则上不超过一千字。", n);
    }
}

/* R-F-13: a paragraph before 一 that is no part of the front matter. */
static void
check_stray_text (NbCheckContext *ctx)
{
  NbNarrativeText preamble = { "meta.preamble", -1, nb_report_get_text (ctx->report, NB_TEXT_PREAMBLE) };
  g_autoptr(GArray) paragraphs = nb_narrative_paragraphs (preamble.text);

  for (guint i = 2; i + 1 < paragraphs->len; i += 2)
    {
      int start = g_array_index (paragraphs, int, i), end = g_array_index (paragraphs, int, i + 1);

      if (nb_narrative_find_any (preamble.text, start, end,
                                 "条例|本报告|年度报告|统计|电子版|联系|疑问|网站|网址|地址|电话|邮编|邮箱|传真",
                                 NULL) >= 0)
        continue;
      nb_check_add_span (ctx, "R-F-13", NB_SEVERITY_INFO, &preamble, start, end,
                         "第一部分之前（或第六部分之后）出现正文内容，请并入相应部分。");
      return;
    }
}

/* R-F-14: a report of 2021 or later built on the superseded 2019 notice. */
static void
check_basis (NbCheckContext *ctx)
{
  const char *preamble = nb_report_get_text (ctx->report, NB_TEXT_PREAMBLE);
  GRegex *old = nb_check_regex ("国办公开办函[〔\\[(【]?2019[〕\\])】]?60号|格式\\(试行\\)");
  g_autofree char *norm = NULL;

  /* Normalise only a preamble that can match: 2019 (or ２０１９) or 试行 is in it. */
  if (nb_report_get_year (ctx->report) < 2021 ||
      nb_narrative_find_any (preamble, 0, strlen (preamble), "2019|２０１９|试行", NULL) < 0)
    return;
  norm = nb_import_normalize (preamble);
  if (!g_regex_match (old, norm, 0, NULL))
    return;
  nb_check_add (ctx, "R-F-14", NB_SEVERITY_WARNING, "meta.preamble",
                "2021年度起应依据国办公开办函〔2021〕30号编制，引用的是已被替代的2019年试行格式通知。");
}

/* R-X-05: last year's date all over section 一. */
static void
check_stale_year (NbCheckContext *ctx)
{
  g_autofree char *all = nb_report_dup_s1_text (ctx->report);
  int year = nb_report_get_year (ctx->report);
  g_autofree char *now = g_strdup_printf ("%d年", year);
  g_autofree char *last = g_strdup_printf ("%d年", year - 1);
  guint n_now = 0, n_last = 0;

  for (const char *p = all; (p = strstr (p, now)); p += strlen (now))
    n_now++;
  for (const char *p = all; (p = strstr (p, last)); p += strlen (last))
    n_last++;
  if (n_last > n_now)
    nb_check_add (ctx, "R-X-05", NB_SEVERITY_INFO, "s1",
                  "正文多处出现“%d年”，请检查是否沿用了上年文稿。", year - 1);
}

/* ---- Figures against table 二 ------------------------------------------------------------------ */

/* The offset of the last @word in @text[start, end), or −1. */
static int
last_of (const char *text, int start, int end, const char *word)
{
  int last = -1;

  for (int at = nb_narrative_find_any (text, start, end, word, NULL); at >= 0;
       at = nb_narrative_find_any (text, at + 1, end, word, NULL))
    last = at;
  return last;
}

/* R-T2-05: 制发/废止/现行有效 规章 or 行政规范性文件 N件. */
static void
check_documents (NbCheckContext *ctx, const NbNarrativeText *t, GArray *figures)
{
  static const struct { const char *verbs; const char *column; const char *verb; const char *head; } columns[] = {
    { "现行有效", "valid", "现行有效", "现行有效件数" },
    { "废止|失效", "repealed", "废止", "本年废止件数" },
    { "制发|印发|出台|发布|制定", "issued", "制发", "本年制发件数" },
  };

  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);
      int from, to, rules_at, norms_at, column = -1, verb_at = -1;
      const char *prefix, *name;
      g_autofree char *key = NULL;
      gint64 value;

      if (f->unit != NB_FIGURE_JIAN || f->approximate || f->decimals ||
          is_other_quantity (ctx, t->text, figures, i))
        continue;
      if (nb_narrative_find_any (t->text, f->clause_start, f->clause_end, "政策性文件|政策文件", NULL) >= 0)
        continue;
      /* The kind of document: the nearest named before the figure in its clause. */
      own_stretch (figures, i, &from, &to);
      rules_at = last_of (t->text, f->clause_start, f->start, "规章");
      norms_at = last_of (t->text, f->clause_start, f->start, "规范性文件");
      if (norms_at < 0 && rules_at < 0)
        continue;
      if (norms_at > rules_at)
        prefix = "s2.a1.norms", name = "行政规范性文件";
      else
        prefix = "s2.a1.rules", name = "规章";
      /* The figure counts something else about the documents (“规范性文件解读材料15件”), or
       * the noun is inside a title (“《关于加强行政规范性文件管理的通知》等文件5件”). */
      {
        int noun = MAX (norms_at, rules_at);
        int open = last_of (t->text, f->clause_start, noun, "《");

        if (nb_narrative_find_any (t->text, noun, f->start, "解读|图解|备案|审查|审核|征求意见|清理|评估|》", NULL) >= 0 ||
            (open >= 0 && nb_narrative_find_any (t->text, open, noun, "》", NULL) < 0))
          continue;
      }

      /* The verb nearest before the figure in its clause: “制发……11件、废止33件”. */
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_auto(GStrv) verbs = g_strsplit (columns[c].verbs, "|", -1);

          for (guint v = 0; verbs[v]; v++)
            {
              int at = last_of (t->text, from, f->start, verbs[v]);

              if (at < 0)
                at = last_of (t->text, f->clause_start, f->start, verbs[v]);
              if (at > verb_at)
                {
                  verb_at = at;
                  column = c;
                }
            }
        }
      if (column < 0)
        continue;

      key = g_strconcat (prefix, ".", columns[column].column, NULL);
      ctx->blank_seen = FALSE;
      value = nb_check_value (ctx, key);
      if (value != f->value && !ctx->blank_seen)
        nb_check_add_span (ctx, "R-T2-05", scoped (ctx, t->text, f), t, f->start, f->end,
                           "正文称%s%s%" G_GINT64_FORMAT "件，与表二“%s”%" G_GINT64_FORMAT "不一致。",
                           columns[column].verb, name, f->value, columns[column].head, value);
    }
}

/* ---- Figures against table 三 ------------------------------------------------------------------ */

static const char *const target_items[NB_N_TARGETS] = {
  "予以公开及部分公开", "上年结转政府信息公开申请数量", "结转下年度继续办理", "不予公开", "部分公开",
  "予以公开", "无法提供", "不予处理", "其他处理", "法人或其他组织", "自然人", "法律服务机构",
  "科研机构", "社会公益组织", "商业企业", "本年新收及上年结转", "本年新收政府信息公开申请数量",
  "办理结果总计",
};

static gint64
s3 (NbCheckContext *ctx, const char *row, const char *col)
{
  g_autofree char *key = g_strconcat ("s3.", row, ".", col, NULL);

  return nb_check_value (ctx, key);
}

/* Reads the 总计 cells of the rows of a result category, so that a blank among them is seen. */
static void
touch_rows (NbCheckContext *ctx, const char *row_prefix)
{
  const NbTableDef *def = nb_format_table (NB_TABLE_S3);
  g_autofree char *prefix = g_strconcat ("s3.", row_prefix, NULL);

  for (guint i = def->first_cell; i < def->first_cell + def->n_cells; i++)
    {
      const char *key = nb_format_cell (i)->key;

      if (g_str_has_prefix (key, prefix) && g_str_has_suffix (key, ".total"))
        nb_check_value (ctx, key);
    }
}

/* The table's figure for a target, and an accepted alternative (rules.md R-T3-05). */
static void
target_values (NbCheckContext *ctx, NbRequestTarget target, gboolean not_held, gint64 *v, gint64 *alt)
{
  const NbDerived *d = &ctx->derived;
  guint total = NB_S3_COLS - 1;
  gint64 orgs_new = 0, orgs_in = 0;

  for (guint c = 1; c < total; c++)
    {
      orgs_new += s3 (ctx, "new", nb_format_s3_col_key (c));
      orgs_in += s3 (ctx, "carry_in", nb_format_s3_col_key (c));
    }
  *alt = G_MININT64;
  switch (target)
    {
    case NB_TARGET_OPEN_AND_PARTIAL:
      *v = s3 (ctx, "open", "total") + s3 (ctx, "partial", "total"); break;
    case NB_TARGET_CARRY_IN: *v = s3 (ctx, "carry_in", "total"); break;
    case NB_TARGET_CARRY_OUT: *v = s3 (ctx, "carry_out", "total"); break;
    case NB_TARGET_DENY: *v = d->category[NB_RESULT_DENY][total]; touch_rows (ctx, "deny_"); break;
    case NB_TARGET_PARTIAL: *v = s3 (ctx, "partial", "total"); break;
    case NB_TARGET_OPEN: *v = s3 (ctx, "open", "total"); break;
    case NB_TARGET_NOT_AVAILABLE:
      *v = d->category[NB_RESULT_NOT_AVAILABLE][total];
      touch_rows (ctx, "na_");
      if (not_held)
        *alt = s3 (ctx, "na_not_held", "total");
      break;
    case NB_TARGET_NOT_PROCESSED: *v = d->category[NB_RESULT_NOT_PROCESSED][total]; touch_rows (ctx, "np_"); break;
    case NB_TARGET_OTHER: *v = d->category[NB_RESULT_OTHER][total]; touch_rows (ctx, "oth_"); break;
    case NB_TARGET_ORGS: *v = orgs_new; *alt = orgs_new + orgs_in; break;
    case NB_TARGET_PERSONS: *v = s3 (ctx, "new", "np"); *alt = *v + s3 (ctx, "carry_in", "np"); break;
    case NB_TARGET_LEGAL: *v = s3 (ctx, "new", "legal"); break;
    case NB_TARGET_RESEARCH: *v = s3 (ctx, "new", "research"); break;
    case NB_TARGET_NGO: *v = s3 (ctx, "new", "ngo"); break;
    case NB_TARGET_BUSINESS: *v = s3 (ctx, "new", "biz"); break;
    case NB_TARGET_RECEIVED:
      *v = s3 (ctx, "new", "total") + s3 (ctx, "carry_in", "total"); *alt = s3 (ctx, "new", "total"); break;
    case NB_TARGET_NEW:
      *v = s3 (ctx, "new", "total"); *alt = *v + s3 (ctx, "carry_in", "total"); break;
    case NB_TARGET_RESULTS:
      *v = s3 (ctx, "results_total", "total"); *alt = *v + s3 (ctx, "carry_out", "total"); break;
    case NB_TARGET_NONE:
    case NB_N_TARGETS:
    default:
      *v = 0; break;
    }
}

static gboolean
is_trend (const char *text, const NbFigure *f)
{
  return nb_narrative_find_any (text, f->clause_start, f->clause_end,
                                "同比|环比|增长|减少|下降|上升|增加|较上年|比上年", NULL) >= 0;
}

/* “予以公开19件、部分公开9件，分别占36.54%、17.31%”: the k-th share after 分别 is the
 * share of the k-th of as many counts before it. FALSE when no 分别 applies; then
 * @count_index is G_MAXUINT if the counts are too few to pair. */
static gboolean
respective_count (const char *text, GArray *figures, guint index, guint *count_index)
{
  const NbFigure *f = &g_array_index (figures, NbFigure, index);
  int at = nb_narrative_find_any (text, f->sentence_start, f->start, "分别", NULL);
  guint shares = 0, k = 0, counts = 0;

  if (at < 0)
    return FALSE;
  for (int next; (next = nb_narrative_find_any (text, at + 1, f->start, "分别", NULL)) >= 0;)
    at = next;
  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *g = &g_array_index (figures, NbFigure, i);

      if (g->sentence_start != f->sentence_start || g->unit != NB_FIGURE_PERCENT || g->start < at)
        continue;
      if (i == index)
        k = shares;
      shares++;
    }
  for (guint i = 0; i < index; i++)
    {
      const NbFigure *g = &g_array_index (figures, NbFigure, i);

      counts += g->sentence_start == f->sentence_start && g->unit == NB_FIGURE_JIAN && g->end <= at;
    }
  *count_index = G_MAXUINT;
  if (counts < shares)
    return TRUE;
  /* The (counts − shares + k)-th count of the sentence before 分别. */
  for (guint i = 0, n = 0; i < index; i++)
    {
      const NbFigure *g = &g_array_index (figures, NbFigure, i);

      if (g->sentence_start != f->sentence_start || g->unit != NB_FIGURE_JIAN || g->end > at)
        continue;
      if (n++ == counts - shares + k)
        {
          *count_index = i;
          break;
        }
    }
  return TRUE;
}

static const char *const share_bases[] = { "本年新收", "本年新收及上年结转", "办理结果总计" };

/* R-T3-06: a share, on any of the three bases in use. With @sink, the share is recorded
 * there with the base it matched instead. */
static void
check_share (NbCheckContext *ctx, const NbNarrativeText *t, GArray *figures, guint index, GArray *sink)
{
  const NbFigure *f = &g_array_index (figures, NbFigure, index);
  gint64 new_total, bases[3];
  const NbFigure *count = NULL;
  guint count_index = G_MAXUINT;
  gint64 p1 = 0, p2 = 0;
  g_autofree char *stated = NULL, *s1 = NULL, *s2 = NULL;
  NbRequestTarget target;

  /* A rate (办结率, 实质公开率, 满意度) is a ratio of its own, not a share of one count. */
  if (nb_narrative_find_any (t->text, f->clause_start, f->start, "率|满意度", NULL) >= 0)
    return;
  ctx->blank_seen = FALSE;
  new_total = s3 (ctx, "new", "total");
  bases[0] = new_total;
  bases[1] = new_total + s3 (ctx, "carry_in", "total");
  bases[2] = s3 (ctx, "results_total", "total");
  if (!respective_count (t->text, figures, index, &count_index))
    for (guint i = index; i-- > 0 && i + MAX_PARTS > index;)
      {
        const NbFigure *g = &g_array_index (figures, NbFigure, i);

        if (g->sentence_start != f->sentence_start)
          break;
        if (g->unit == NB_FIGURE_JIAN)
          {
            count_index = i;
            break;
          }
      }
  if (count_index < index)
    count = &g_array_index (figures, NbFigure, count_index);
  if (count == NULL || count->approximate || count->decimals)
    return;
  target = nb_check_request_target (t->text, figures, count_index);
  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      gint64 computed;

      if (nb_check_percent (count->value, bases[b], f->decimals, &computed) &&
          ABS (computed - f->value) <= 1)
        {
          if (sink)
            {
              NbShare share = { t->where, t->part, f->start, f->end, f->value, f->decimals,
                                count->value, bases[b], share_bases[b],
                                target >= 0 ? target_items[target] : NULL };

              g_array_append_val (sink, share);
            }
          return;
        }
    }
  if (sink)
    {
      NbShare share = { t->where, t->part, f->start, f->end, f->value, f->decimals, count->value,
                        0, NULL, target >= 0 ? target_items[target] : NULL };

      g_array_append_val (sink, share);
    }
  /* A base with a blank cell is no claim (rules.md §0): nothing to compare with. */
  if (ctx->blank_seen)
    return;
  nb_check_percent (count->value, bases[0], f->decimals, &p1);
  nb_check_percent (count->value, bases[2], f->decimals, &p2);
  stated = nb_check_format_scaled (f->value, f->decimals);
  s1 = nb_check_format_scaled (p1, f->decimals);
  s2 = nb_check_format_scaled (p2, f->decimals);
  nb_check_add_span (ctx, "R-T3-06", scoped (ctx, t->text, count), t, f->start, f->end,
                     "“%s占%s%%”与计算值不符：按本年新收%" G_GINT64_FORMAT "件计为%s%%，按办理总数%"
                     G_GINT64_FORMAT "件计为%s%%。",
                     target >= 0 ? target_items[target] : "该项", stated, bases[0], s1, bases[2], s2);
}

/* R-T3-05 and R-T3-06 over one paragraph about applications. */
static void
check_requests (NbCheckContext *ctx, const NbNarrativeText *t, GArray *figures, GArray *shares)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);
      NbRequestTarget target;
      gint64 v, alt;
      g_autofree char *clause = NULL;

      if (f->approximate)
        continue;
      if (f->unit == NB_FIGURE_PERCENT)
        {
          if (!is_trend (t->text, f))
            check_share (ctx, t, figures, i, shares);
          continue;
        }
      if (f->unit != NB_FIGURE_JIAN || f->decimals || is_other_quantity (ctx, t->text, figures, i))
        continue;
      /* Reviews and lawsuits are R-T4-02's. */
      if (nb_narrative_find_any (t->text, f->clause_start, f->clause_end, "复议|诉讼|起诉", NULL) >= 0)
        continue;
      target = nb_check_request_target (t->text, figures, i);
      if (target == NB_TARGET_NONE)
        continue;
      ctx->blank_seen = FALSE;
      target_values (ctx, target,
                     target == NB_TARGET_NOT_AVAILABLE &&
                     nb_narrative_contains (t->text, f->sentence_start, f->sentence_end, "不掌握"),
                     &v, &alt);
      /* A blank is no claim of 0 (rules.md §0): nothing to compare with. */
      if (f->value == v || f->value == alt || ctx->blank_seen)
        continue;
      clause = slice (t->text, f->clause_start, f->clause_end);
      nb_check_add_span (ctx, "R-T3-05", scoped (ctx, t->text, f), t, f->start, f->end,
                         "正文“%s”为%" G_GINT64_FORMAT "件，与表三“%s”%" G_GINT64_FORMAT "件不一致。",
                         clause, f->value, target_items[target], v);
    }
}

/* Where the clause holding @at begins: after the last ，；。 or line break before it. */
static int
clause_start_before (const char *text, int at)
{
  const char *p = text + at;

  while (p > text)
    {
      const char *prev = g_utf8_find_prev_char (text, p);
      gunichar c = g_utf8_get_char (prev);

      if (c == 0x3002 || c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == '\n')
        break;
      p = prev;
    }
  return p - text;
}

/* R-T3-08: “未收到申请” or “全部办结” against the table. */
static void
check_claims (NbCheckContext *ctx, const NbNarrativeText *t, int start, int end)
{
  GRegex *none = nb_check_regex ("未收到[^。；;，,]*申请|无依申请|没有收到[^。；;，,]*申请|"
                                        "申请[^。；;，,0-9]{0,6}(?<![0-9])(?:0|零)件");
  GRegex *done = nb_check_regex ("(?:全部|均已|均|已全部)[^。；;，,]{0,4}(?:办结|答复完毕)");
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *para = g_strndup (t->text + start, end - start);
  gint64 received = s3 (ctx, "new", "total"), results = s3 (ctx, "results_total", "total");
  gint64 carried = s3 (ctx, "carry_out", "total");
  int from, to;

  /* “未收到行政复议申请” says nothing of information requests, nor “上年结转申请0件” of
   * this year's. */
  g_regex_match (none, para, 0, &match);
  while (g_match_info_matches (match) &&
         g_match_info_fetch_pos (match, 0, &from, &to) &&
         nb_narrative_find_any (para, clause_start_before (para, from), to, "复议|诉讼|起诉|结转", NULL) >= 0)
    g_match_info_next (match, NULL);
  if (g_match_info_matches (match) && (received > 0 || results > 0))
    {
      g_autofree char *said = g_match_info_fetch (match, 0);

      nb_check_add_span (ctx, "R-T3-08", NB_SEVERITY_WARNING, t, start + from, start + to,
                         "正文称“%s”，但表三显示%s为%" G_GINT64_FORMAT "件。", said,
                         received > 0 ? "本年新收政府信息公开申请数量" : "办理结果总计",
                         received > 0 ? received : results);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (done, para, 0, &match) && carried > 0)
    {
      g_autofree char *said = g_match_info_fetch (match, 0);

      g_match_info_fetch_pos (match, 0, &from, &to);
      nb_check_add_span (ctx, "R-T3-08", NB_SEVERITY_WARNING, t, start + from, start + to,
                         "正文称“%s”，但表三显示%s为%" G_GINT64_FORMAT "件。", said,
                         "结转下年度继续办理", carried);
    }
}

/* ---- Figures against table 四 ------------------------------------------------------------------ */

typedef enum {
  CASES_NONE,
  CASES_REVIEW,
  CASES_DIRECT,
  CASES_AFTER,
  CASES_LITIGATION,             /* both kinds of lawsuit */
} Cases;

static const char *
cases_name (Cases c)
{
  static const char *const names[] = { "", "行政复议", "未经复议直接起诉", "复议后起诉", "行政诉讼" };

  return names[c];
}

static gint64
cases_value (NbCheckContext *ctx, Cases c, const char *col)
{
  g_autofree char *direct = g_strconcat ("s4.lit_direct.", col, NULL);
  g_autofree char *after = g_strconcat ("s4.lit_after.", col, NULL);
  g_autofree char *review = g_strconcat ("s4.rev.", col, NULL);

  switch (c)
    {
    case CASES_REVIEW: return nb_check_value (ctx, review);
    case CASES_DIRECT: return nb_check_value (ctx, direct);
    case CASES_AFTER: return nb_check_value (ctx, after);
    case CASES_LITIGATION: return nb_check_value (ctx, direct) + nb_check_value (ctx, after);
    case CASES_NONE:
    default: return 0;
    }
}

#define AFTER_REVIEW "复议后|不服复议|不满行政复议结果后|不服行政复议"
#define DIRECT_SUIT "未经复议|直接起诉"

/* What the sentence says about the kind of lawsuit, read once per sentence. */
typedef struct {
  int   sentence;
  Cases kind;
} SentenceCases;

/* Which cases a clause speaks of; the sentence settles the kind of lawsuit. */
static Cases
clause_cases (const char *text, const NbFigure *f, SentenceCases *cache)
{
  int cs = f->clause_start, ce = f->clause_end, ss = f->sentence_start, se = f->sentence_end;

  if (nb_narrative_find_any (text, cs, ce, "诉讼|起诉", NULL) >= 0)
    {
      if (nb_narrative_find_any (text, cs, ce, AFTER_REVIEW, NULL) >= 0)
        return CASES_AFTER;
      if (nb_narrative_find_any (text, cs, ce, DIRECT_SUIT, NULL) >= 0)
        return CASES_DIRECT;
      if (cache->sentence != ss)
        {
          cache->sentence = ss;
          cache->kind = nb_narrative_find_any (text, ss, se, AFTER_REVIEW, NULL) >= 0 ? CASES_AFTER
                      : nb_narrative_find_any (text, ss, se, DIRECT_SUIT, NULL) >= 0 ? CASES_DIRECT
                      : CASES_LITIGATION;
        }
      return cache->kind;
    }
  if (nb_narrative_contains (text, cs, ce, "复议"))
    return CASES_REVIEW;
  return CASES_NONE;
}

/* R-T4-02 over one paragraph: a clause naming the cases sets the context for the result
 * clauses after it (“复议3件，2件维持原结果，1件结果纠正”). */
static void
check_cases (NbCheckContext *ctx, const NbNarrativeText *t, GArray *figures)
{
  static const struct { const char *words; const char *col; const char *label; } results[] = {
    { "尚未审结|未审结", "pending", "尚未审结" },
    { "其他结果", "other", "其他结果" },
    { "纠正", "corrected", "结果纠正" },
    { "维持", "upheld", "结果维持" },
  };
  Cases context = CASES_NONE;
  int context_sentence = -1;
  SentenceCases cache = { -1, CASES_NONE };

  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);
      Cases cases = clause_cases (t->text, f, &cache);
      const char *col = "total", *label = "总计";
      int from, to;
      gint64 v;

      if (f->sentence_start != context_sentence)
        context = CASES_NONE;
      if (cases != CASES_NONE)
        {
          context = cases;
          context_sentence = f->sentence_start;
        }
      /* The context comes from a clause of this sentence naming reviews or lawsuits. */
      if (f->unit != NB_FIGURE_JIAN || f->approximate || f->decimals || context == CASES_NONE ||
          is_other_quantity (ctx, t->text, figures, i))
        continue;
      /* The result named before the figure (“维持原结果2件、结果纠正1件”), else after it
       * (“2件维持原结果”). */
      own_stretch (figures, i, &from, &to);
      for (guint pass = 0; pass < 2 && g_str_equal (col, "total"); pass++)
        for (guint r = 0; r < G_N_ELEMENTS (results); r++)
          if (nb_narrative_find_any (t->text, pass ? f->end : from, pass ? to : f->start,
                                     results[r].words, NULL) >= 0)
            {
              col = results[r].col;
              label = results[r].label;
              break;
            }
      if (cases == CASES_NONE && g_str_equal (col, "total"))
        continue;             /* a bare count after the context names nothing */
      ctx->blank_seen = FALSE;
      v = cases_value (ctx, context, col);
      if (v == f->value || ctx->blank_seen)
        continue;
      nb_check_add_span (ctx, "R-T4-02", scoped (ctx, t->text, f), t, f->start, f->end,
                         "正文称%s%s%" G_GINT64_FORMAT "件，与表四“%s—%s”%" G_GINT64_FORMAT "件不一致。",
                         cases_name (context), g_str_equal (col, "total") ? "" : label, f->value,
                         cases_name (context), label, v);
    }
}

/* ---- Internal consistency of the prose -------------------------------------------------------- */

static gboolean
is_total_word (const char *text, int from, int to)
{
  const char *words = "共计|合计|总计|共";

  for (int at = nb_narrative_find_any (text, from, to, words, NULL); at >= 0;
       at = nb_narrative_find_any (text, at + 1, to, words, NULL))
    {
      /* 公共, 共同, 共享 are no totals. */
      if (!(at >= 3 && memcmp (text + at - 3, "公", 3) == 0) &&
          !g_str_has_prefix (text + at + 3, "同") && !g_str_has_prefix (text + at + 3, "享") &&
          !g_str_has_prefix (text + at + 3, "建"))
        return TRUE;
    }
  return FALSE;
}

/* R-X-01: “共 N …，其中 a、b …” whose parts exceed the total. */
static void
check_parts (NbCheckContext *ctx, const NbNarrativeText *t, GArray *figures)
{
  GRegex *next_parts = nb_check_regex ("^\\s*(?:其中|从[^，,。；;]{0,12}来看[，,]\\s*其中)");

  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);
      int from, to, list_at, list_sentence = -1;
      gint64 sum = 0;
      guint n_parts = 0;
      int list_end = f->sentence_end;

      if (f->approximate || f->unit == NB_FIGURE_PERCENT)
        continue;
      own_stretch (figures, i, &from, &to);
      if (!is_total_word (t->text, from, f->start))
        continue;
      list_at = nb_narrative_find_any (t->text, f->end, MIN (f->sentence_end, f->end + MAX_LOOKAHEAD), "其中", NULL);
      if (list_at < 0)
        {
          /* The list may open the next sentence. */
          const char *next = t->text + f->sentence_end;

          if (*next && *next != '\n')
            next = g_utf8_next_char (next);
          else
            continue;
          if (!g_regex_match (next_parts, next, 0, NULL))
            continue;
          list_sentence = next - t->text;
        }
      for (guint j = i + 1; j < figures->len && j <= i + MAX_PARTS; j++)
        {
          const NbFigure *g = &g_array_index (figures, NbFigure, j);
          gboolean in_list = list_sentence < 0 ? g->sentence_start == f->sentence_start && g->start > list_at
                                               : g->sentence_start == list_sentence;

          if (!in_list)
            {
              if (g->sentence_start > (list_sentence < 0 ? f->sentence_start : list_sentence))
                break;
              continue;
            }
          if (g->unit != f->unit || g->decimals != f->decimals)
            continue;
          if (g->approximate)
            {
              n_parts = 0;
              break;
            }
          sum += g->value;
          n_parts++;
          list_end = g->sentence_end;
        }
      if (n_parts > 0 && sum > f->value)
        {
          g_autofree char *said = slice (t->text, f->sentence_start, list_end);
          g_autofree char *total = nb_check_format_scaled (f->value, f->decimals);
          g_autofree char *parts = nb_check_format_scaled (sum, f->decimals);

          nb_check_add_span (ctx, "R-X-01", NB_SEVERITY_WARNING, t, f->start, f->end,
                             "正文“%s”中各分项之和%s大于总数%s。", said, parts, total);
        }
    }
}

/* R-X-02: a quantity without its number. */
static void
check_missing_numbers (NbCheckContext *ctx, const NbNarrativeText *t)
{
  GRegex *regex = nb_check_regex ("(?:现行有效|共计|合计)(?:共|为|有)?[^0-9０-９一二三四五六七八九十百千万两。，；,;]{0,8}"
                                         "(?:件|条|次)(?=[。，；,;]|$)|"
                                         "(?:XX|xx|ＸＸ|××|\\*)+\\s*(?:件|条|次|个|%|元)");
  g_autoptr(GMatchInfo) match = NULL;

  /* The pattern has no fixed start, so the regex tries every position: look for the
   * words it needs first. */
  if (nb_narrative_find_any (t->text, 0, strlen (t->text), "现行有效|共计|合计|XX|xx|ＸＸ|××|*", NULL) < 0)
    return;
  g_regex_match (regex, t->text, 0, &match);
  while (g_match_info_matches (match))
    {
      int from, to;

      g_match_info_fetch_pos (match, 0, &from, &to);
      /* Quote from the start of the clause. */
      {
        g_autofree char *said = slice (t->text, clause_start_before (t->text, from), to);

        nb_check_add_span (ctx, "R-X-02", NB_SEVERITY_WARNING, t, from, to,
                           "正文“%s”缺少具体数字。", said);
      }
      g_match_info_next (match, NULL);
    }
}

static void
check_text (NbCheckContext *ctx, const NbNarrativeText *t, GArray *shares)
{
  g_autoptr(GArray) paragraphs = nb_narrative_paragraphs (t->text);

  for (guint i = 0; i + 1 < paragraphs->len; i += 2)
    {
      int start = g_array_index (paragraphs, int, i), end = g_array_index (paragraphs, int, i + 1);
      g_autoptr(GArray) figures = nb_narrative_figures (t->text, start, end);

      if (!ctx->legacy)
        check_documents (ctx, t, figures);
      if (!ctx->legacy && nb_check_is_request_paragraph (t->text, start, end))
        {
          check_requests (ctx, t, figures, shares);
          check_claims (ctx, t, start, end);
        }
      if (!ctx->legacy)
        check_cases (ctx, t, figures);
      check_parts (ctx, t, figures);
    }
  check_missing_numbers (ctx, t);
}

void
nb_check_narrative (NbCheckContext *ctx)
{
  g_autoptr(GArray) texts = nb_check_s1_texts (ctx);

  check_titles (ctx);
  check_labels (ctx);
  check_basis (ctx);
  check_stray_text (ctx);
  check_coverage (ctx);
  check_problems (ctx);
  check_other_matters (ctx);
  check_stale_year (ctx);
  for (guint i = 0; i < texts->len; i++)
    check_text (ctx, &g_array_index (texts, NbNarrativeText, i), NULL);
  /* 五 and 六 have no table to agree with, but the prose's own sums and placeholders
   * are as wrong there as in 一. */
  {
    const NbNarrativeText tail[] = {
      { "s5", -1, nb_report_get_text (ctx->report, NB_TEXT_S5) },
      { "s6", -1, nb_report_get_text (ctx->report, NB_TEXT_S6) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
      {
        g_autoptr(GArray) paragraphs = nb_narrative_paragraphs (tail[i].text);

        for (guint k = 0; k + 1 < paragraphs->len; k += 2)
          {
            g_autoptr(GArray) figures = nb_narrative_figures (tail[i].text, g_array_index (paragraphs, int, k),
                                                              g_array_index (paragraphs, int, k + 1));

            check_parts (ctx, &tail[i], figures);
          }
        check_missing_numbers (ctx, &tail[i]);
      }
  }
}

GArray *
nb_narrative_shares (NbReport *report)
{
  static const NbCheckOptions defaults = { FALSE };
  NbCheckContext ctx = { 0 };
  GArray *shares = g_array_new (FALSE, TRUE, sizeof (NbShare));
  g_autoptr(GArray) texts = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), shares);

  ctx.report = report;
  ctx.options = &defaults;
  ctx.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  nb_derived_compute (&ctx.derived, report);
  texts = nb_check_s1_texts (&ctx);
  for (guint i = 0; i < texts->len; i++)
    check_text (&ctx, &g_array_index (texts, NbNarrativeText, i), shares);
  g_ptr_array_unref (ctx.findings);
  return shares;
}
