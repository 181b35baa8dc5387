/* test-narrative.c — figures in prose, the narrative rules and the cross-year rules
 *
 * Each rule is shown firing and not firing, with the traps of rules.md §G.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "nb-checks.h"
#include "nb-document.h"
#include "nb-narrative.h"
#include "nb-test-util.h"

static GPtrArray *
run (NbReport *report)
{
  return nb_checks_run (report, NULL);
}

static guint
count (GPtrArray *findings, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (((NbFinding *) g_ptr_array_index (findings, i))->rule, rule);
  return n;
}

static const NbFinding *
find (GPtrArray *findings, const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule))
        return f;
    }
  return NULL;
}

static void
set (NbReport *report, const char *key, gint64 value)
{
  nb_report_set_value (report, nb_format_cell_index (key), value);
}

/* Section 一 reduced to one part about applications with @text. */
static void
set_request_text (NbReport *report, const char *text)
{
  nb_report_set_part_text (report, 1, text);
}

/* The text a finding's span covers. */
static char *
span_text (NbReport *report, const NbFinding *f)
{
  const char *text;

  g_assert_cmpint (f->span_start, >=, 0);
  if (g_str_equal (f->where, "s1"))
    text = f->part < 0 ? nb_report_get_text (report, NB_TEXT_S1_INTRO) : nb_report_get_part (report, f->part)->text;
  else if (g_str_equal (f->where, "s5"))
    text = nb_report_get_text (report, NB_TEXT_S5);
  else if (g_str_equal (f->where, "s6"))
    text = nb_report_get_text (report, NB_TEXT_S6);
  else
    text = nb_report_get_text (report, NB_TEXT_PREAMBLE);
  return g_strndup (text + f->span_start, f->span_end - f->span_start);
}

/* ---- Extraction ------------------------------------------------------------------------- */

static void
test_numerals (void)
{
  static const struct { const char *text; gint64 value; } cases[] = {
    { "一", 1 }, { "两", 2 }, { "十", 10 }, { "十二", 12 }, { "二十", 20 }, { "二十五", 25 },
    { "一百零五", 105 }, { "三千", 3000 }, { "一万二千", 12000 }, { "二〇二四", 2024 }, { "零", 0 },
  };
  gint64 v;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (nb_narrative_parse_chinese (cases[i].text, strlen (cases[i].text), &v));
      g_assert_cmpint (v, ==, cases[i].value);
    }
  g_assert_false (nb_narrative_parse_chinese ("是", strlen ("是"), &v));
  /* Beyond any figure: refused, not wrapped round (the fuzzer's “五万亿亿” overflowed). */
  g_assert_true (nb_narrative_parse_chinese ("五万亿", strlen ("五万亿"), &v));
  g_assert_cmpint (v, ==, G_GINT64_CONSTANT (5000000000000));
  g_assert_false (nb_narrative_parse_chinese ("五万亿亿", strlen ("五万亿亿"), &v));
  g_assert_false (nb_narrative_parse_chinese ("五十万亿万", strlen ("五十万亿万"), &v));
}

static void
test_figures (void)
{
  const char *text = "共发布信息2万余条,召开讨论会12次,受理申请十二件,予以公开19件,占36.54%;两件维持。"
                     "开展一是二是工作,二十大精神,收费7926.3139万元,共100余条,约300人次,第一次会议。";
  g_autoptr(GArray) figures = nb_narrative_figures (text, 0, strlen (text));
  struct { gint64 value; guint decimals; NbFigureUnit unit; gboolean approximate; const char *span; } expected[] = {
    { 20000, 0, NB_FIGURE_TIAO, TRUE, "2万余条" },
    { 12, 0, NB_FIGURE_CI, FALSE, "12次" },
    { 12, 0, NB_FIGURE_JIAN, FALSE, "十二件" },
    { 19, 0, NB_FIGURE_JIAN, FALSE, "19件" },
    { 3654, 2, NB_FIGURE_PERCENT, FALSE, "36.54%" },
    { 2, 0, NB_FIGURE_JIAN, FALSE, "两件" },
    { 79263139, 4, NB_FIGURE_WANYUAN, FALSE, "7926.3139万元" },
    { 100, 0, NB_FIGURE_TIAO, TRUE, "100余条" },
    { 300, 0, NB_FIGURE_CI, TRUE, "300人次" },
  };

  g_assert_cmpuint (figures->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < figures->len; i++)
    {
      const NbFigure *f = &g_array_index (figures, NbFigure, i);
      g_autofree char *span = g_strndup (text + f->start, f->end - f->start);

      g_assert_cmpstr (span, ==, expected[i].span);
      g_assert_cmpint (f->value, ==, expected[i].value);
      g_assert_cmpuint (f->decimals, ==, expected[i].decimals);
      g_assert_cmpint (f->unit, ==, expected[i].unit);
      g_assert_cmpint (f->approximate, ==, expected[i].approximate);
    }
  /* Clauses end at ，；。 but not at 、; sentences at 。；. */
  {
    const NbFigure *share = &g_array_index (figures, NbFigure, 4);
    g_autofree char *clause = g_strndup (text + share->clause_start, share->clause_end - share->clause_start);
    g_autofree char *sentence = g_strndup (text + share->sentence_start, share->sentence_end - share->sentence_start);

    g_assert_cmpstr (clause, ==, "占36.54%");
    g_assert_true (g_str_has_prefix (sentence, "共发布信息"));
  }
}

/* ---- The sample (rules.md §G.1) ------------------------------------------------------------ */

static void
test_sample (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = run (report);
  const char *expected[] = { "R-F-05", "R-F-02", "R-F-10", "R-T2-05" };
  const NbFinding *f;
  g_autofree char *span = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      f = g_ptr_array_index (findings, i);
      g_test_message ("%s %s %s", f->rule, f->where, f->message);
    }
  /* R-X-09 once per text with half-width marks (test-check-punctuation). */
  g_assert_cmpuint (findings->len - nb_test_count_rule (findings, "R-X-09"), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      f = find (findings, expected[i]);
      g_assert_nonnull (f);
      g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
    }
  g_assert_cmpstr (find (findings, "R-F-02")->message, ==,
                   "第五部分标题应为“五、存在的主要问题及改进情况”，当前为“五、存在问题与改进路径”。");
  g_assert_cmpstr (find (findings, "R-F-10")->message, ==,
                   "人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项），缺少：社会评议。");
  f = find (findings, "R-T2-05");
  g_assert_cmpstr (f->message, ==, "正文称制发行政规范性文件12件，与表二“本年制发件数”11不一致。");
  g_assert_cmpint (f->part, ==, 0);
  span = span_text (report, f);
  g_assert_cmpstr (span, ==, "12件");
}

/* The five shares are recognised, on the base of 本年新收 (52). */
static void
test_sample_shares (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GArray) shares = nb_narrative_shares (report);
  const struct { gint64 stated; gint64 count; const char *item; } expected[] = {
    { 3654, 19, "予以公开" }, { 1731, 9, "部分公开" }, { 2115, 11, "不予公开" },
    { 1731, 9, "无法提供" }, { 577, 3, "其他处理" },
  };

  g_assert_cmpuint (shares->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < shares->len; i++)
    {
      const NbShare *share = &g_array_index (shares, NbShare, i);

      g_assert_cmpint (share->stated, ==, expected[i].stated);
      g_assert_cmpuint (share->decimals, ==, 2);
      g_assert_cmpint (share->count, ==, expected[i].count);
      g_assert_cmpint (share->base, ==, 52);
      g_assert_cmpstr (share->base_name, ==, "本年新收");
      g_assert_cmpstr (share->item, ==, expected[i].item);
      g_assert_cmpint (share->part, ==, 1);
    }
}

/* The five shares are read and checked: with another base every one of them fails. */
static void
test_sample_percentages (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  const char *shares[] = { "36.54%", "17.31%", "21.15%", "17.31%", "5.77%" };
  guint k = 0;

  set (report, "s3.new.total", 60);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-06"), ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *span = NULL;

      if (!g_str_equal (f->rule, "R-T3-06"))
        continue;
      span = span_text (report, f);
      g_assert_cmpstr (span, ==, shares[k++]);
    }
  g_assert_cmpstr (find (findings, "R-T3-06")->message, ==,
                   "“予以公开占36.54%”与计算值不符：按本年新收60件计为31.67%，按办理总数51件计为37.25%。");
}

static void
test_length_rule (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  NbCheckOptions options = { .length_rule = TRUE };
  g_autoptr(GPtrArray) findings = nb_checks_run (report, &options);
  const NbFinding *f = find (findings, "R-F-15");

  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, NB_SEVERITY_INFO);
  g_assert_cmpstr (f->message, ==, "总体情况篇幅较长（当前2028字），部分地区要求原则上不超过一千字。");
}

/* ---- Form of the narrative ----------------------------------------------------------------- */

static void
test_title (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) before = run (report);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (count (before, "R-F-02"), ==, 1);
  nb_report_set_text (report, NB_TEXT_S5_TITLE, "");
  after = run (report);
  g_assert_cmpuint (count (after, "R-F-02"), ==, 0);
  /* ASCII punctuation of a copied title is no deviation. */
  nb_report_set_text (report, NB_TEXT_S4_TITLE, "四、政府信息公开行政复议、行政诉讼情况 ");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = run (report);
  g_assert_cmpuint (count (after, "R-F-02"), ==, 0);
  nb_report_set_text (report, NB_TEXT_S6_TITLE, "六、其他报告的事项");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = run (report);
  g_assert_cmpstr (find (after, "R-F-02")->where, ==, "s6");
}

static void
test_problems_and_fee (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_text (report, NB_TEXT_S5, "无。");
  nb_report_set_text (report, NB_TEXT_S6, "无。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-08"), ==, 1);
  g_assert_cmpuint (count (findings, "R-F-09"), ==, 1);
  g_assert_cmpuint (count (findings, "R-X-06"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Problems without improvement; the fee in 万元 next to 行政事业性收费. */
  nb_report_set_text (report, NB_TEXT_S5, "一是网站栏目更新不够及时，二是政策解读形式单一，三是基层公开不够规范。");
  nb_report_set_text (report, NB_TEXT_S6, "本年度收取信息处理费0.05万元。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-08"), ==, 0);
  g_assert_cmpuint (count (findings, "R-F-09"), ==, 0);
  g_assert_cmpuint (count (findings, "R-X-06"), ==, 1);
  g_assert_cmpuint (count (findings, "R-X-07"), ==, 1);
  g_assert_cmpstr (find (findings, "R-X-07")->message, ==,
                   "信息处理费一般以“元”为单位报告，与表二“行政事业性收费（万元）”不是同一事项。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_text (report, NB_TEXT_S6, "本年度未收取信息处理费。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-07"), ==, 0);
}

static void
test_oversight_duties (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = g_strconcat (nb_report_get_part (report, 4)->text, "开展社会评议1次。", NULL);

  /* 满意度 alone (in 五) is no 评议. */
  g_assert_nonnull (strstr (nb_report_get_text (report, NB_TEXT_S5), "满意度"));
  nb_report_set_part_text (report, 4, text);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-10"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A department need not report them. */
  nb_report_set_part_text (report, 4, "加强培训。");
  nb_report_set_part_heading (report, 4, "加强监督保障");
  nb_report_set_people_government (report, FALSE);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-10"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_people_government (report, TRUE);
  findings = run (report);
  g_assert_cmpstr (find (findings, "R-F-10")->message, ==,
                   "人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项），缺少：工作考核、社会评议、责任追究。");
}

static void
test_aspects (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  while (nb_report_get_n_parts (report) > 0)
    nb_report_remove_part (report, 0);
  nb_report_set_text (report, NB_TEXT_S1_INTRO,
                      "本年度主动公开政府信息，办理依申请公开，加强监督考核和责任追究，开展社会评议。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-12"), ==, 1);
  g_assert_cmpint (find (findings, "R-F-12")->severity, ==, NB_SEVERITY_INFO);
  g_assert_cmpstr (find (findings, "R-F-12")->message, ==,
                   "总体情况应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，缺少：政府信息管理、政府信息公开平台建设。");
}

static void
test_stray_text_and_basis (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *preamble = g_strconcat (nb_report_get_text (report, NB_TEXT_PREAMBLE),
                                           "\n本报告电子版可在区政府门户网站下载。", NULL);
  g_autofree char *stray = NULL;

  nb_report_set_text (report, NB_TEXT_PREAMBLE, preamble);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-13"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  stray = g_strconcat (preamble, "\n2024年，我区政务公开工作取得新成效。", NULL);
  nb_report_set_text (report, NB_TEXT_PREAMBLE, stray);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-13"), ==, 1);
  g_assert_cmpint (find (findings, "R-F-13")->severity, ==, NB_SEVERITY_INFO);
  g_clear_pointer (&findings, g_ptr_array_unref);

  g_assert_cmpuint (count (findings = run (report), "R-F-14"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  nb_report_set_year (report, 2022);
  nb_report_set_text (report, NB_TEXT_PREAMBLE,
                      "根据《条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）编制本报告。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-F-14"), ==, 1);
  g_assert_cmpint (find (findings, "R-F-14")->severity, ==, NB_SEVERITY_WARNING);
}

static void
test_stale_year (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_text (report, NB_TEXT_S1_INTRO, "2023年，我区坚持依法公开。2023年共发布信息。");
  nb_report_set_part_text (report, 0, "2023年，持续推进。");
  nb_report_set_part_text (report, 1, "");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-05"), ==, 1);
  g_assert_cmpstr (find (findings, "R-X-05")->message, ==, "正文多处出现“2023年”，请检查是否沿用了上年文稿。");
}

/* ---- Figures against the tables ------------------------------------------------------------- */

static void
test_documents (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  /* Scope words in other clauses (全区, 累计) leave it a warning: checked in test_sample. */
  set (report, "s2.a1.norms.issued", 12);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-05"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 政策性文件 is not 行政规范性文件. */
  set (report, "s2.a1.norms.issued", 4);
  nb_report_set_part_text (report, 0, "本年出台政策性文件9件，出台政策文件3件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-05"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 废止, 现行有效, 规章; a scope word in the same clause downgrades. */
  nb_report_set_part_text (report, 0, "废止行政规范性文件30件，现行有效规范性文件95件，制发规章1件；系统内制发行政规范性文件40件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-05"), ==, 3);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *span = NULL;

      if (!g_str_equal (f->rule, "R-T2-05"))
        continue;
      span = span_text (report, f);
      if (g_str_equal (span, "40件"))
        g_assert_cmpint (f->severity, ==, NB_SEVERITY_INFO);
      else
        g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
    }
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* One clause, three figures: each takes the verb before it. */
  set (report, "s2.a1.norms.issued", 11);
  nb_report_set_part_text (report, 0, "本年制发行政规范性文件11件、废止33件、现行有效95件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-05"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  nb_report_set_part_text (report, 0, "本年制发行政规范性文件11件、废止32件、现行有效95件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-05"), ==, 1);
  g_assert_cmpstr (find (findings, "R-T2-05")->message, ==, "正文称废止行政规范性文件32件，与表二“本年废止件数”33不一致。");
}

static void
test_requests (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  /* 收办 = 新收 + 上年结转. */
  set (report, "s3.new.total", 40);
  set (report, "s3.carry_in.total", 5);
  set_request_text (report, "本年共收办政府信息公开申请45件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-05"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 受理 one less than the table. */
  set (report, "s3.new.total", 6);
  set (report, "s3.carry_in.total", 0);
  set_request_text (report, "全年受理政府信息公开申请5件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-05"), ==, 1);
  g_assert_cmpint (find (findings, "R-T3-05")->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpstr (find (findings, "R-T3-05")->message, ==,
                   "正文“全年受理政府信息公开申请5件”为5件，与表三“本年新收政府信息公开申请数量”6件不一致。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Chinese numerals; 召开讨论会12次 is no application figure. */
  set_request_text (report, "召开讨论会12次。全年受理政府信息公开申请六件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-05"), ==, 0);
}

static void
test_shares (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  /* A share on the base of 答复数 passes. */
  set (report, "s3.new.total", 120);
  set (report, "s3.carry_in.total", 0);
  set (report, "s3.results_total.total", 112);
  set (report, "s3.carry_out.total", 8);
  set (report, "s3.open.total", 56);
  set_request_text (report, "本年新收申请120件。予以公开56件，占50.00%。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-06"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  {
    g_autoptr(GArray) shares = nb_narrative_shares (report);

    /* The sample's shares were in this part; the one left matched 答复数. */
    g_assert_cmpuint (shares->len, ==, 1);
    g_assert_cmpint (g_array_index (shares, NbShare, 0).base, ==, 112);
    g_assert_cmpstr (g_array_index (shares, NbShare, 0).base_name, ==, "办理结果总计");
  }

  set_request_text (report, "本年新收申请120件。予以公开56件，占48.00%。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-06"), ==, 1);
  g_assert_cmpstr (find (findings, "R-T3-06")->message, ==,
                   "“予以公开占48.00%”与计算值不符：按本年新收120件计为46.67%，按办理总数112件计为50.00%。");
}

static void
test_claims (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  set (report, "s3.carry_out.total", 2);
  set_request_text (report, "本年收到申请52件，申请已全部按期办结。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-08"), ==, 1);
  g_assert_cmpstr (find (findings, "R-T3-08")->message, ==,
                   "正文称“已全部按期办结”，但表三显示结转下年度继续办理为2件。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_request_text (report, "本年未收到政府信息公开申请。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-08"), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_request_text (report, "本年收到申请0件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-08"), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_request_text (report, "本年收到申请10件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-08"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set (report, "s3.carry_out.total", 0);
  set_request_text (report, "本年收到申请52件，申请已全部按期办结。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T3-08"), ==, 0);
}

static void
test_cases (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  /* Region-wide 备案 figures: a note, not a warning. */
  set_request_text (report, "全市共备案行政复议案件120件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T4-02"), ==, 1);
  g_assert_cmpint (find (findings, "R-T4-02")->severity, ==, NB_SEVERITY_INFO);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_request_text (report, "本年被申请行政复议7件，其中维持2件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T4-02"), ==, 1);
  g_assert_cmpint (find (findings, "R-T4-02")->severity, ==, NB_SEVERITY_WARNING);
  g_assert_cmpstr (find (findings, "R-T4-02")->message, ==, "正文称行政复议7件，与表四“行政复议—总计”3件不一致。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 行政诉讼 alone is the sum of both kinds (1 + 2); 复议后 only lit_after. */
  set_request_text (report, "被提起行政诉讼3件。不服复议提起诉讼1件。直接起诉2件，其中结果维持1件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T4-02"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_request_text (report, "不服复议提起诉讼3件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T4-02"), ==, 1);
}

static void
test_parts (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_part_text (report, 0, "共发布信息500条，其中动态信息300条、政策文件150条、解读100条。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-01"), ==, 1);
  g_assert_cmpstr (find (findings, "R-X-01")->message, ==,
                   "正文“共发布信息500条，其中动态信息300条、政策文件150条、解读100条”中各分项之和550大于总数500。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The list may open the next sentence (从……来看，其中). */
  nb_report_set_part_text (report, 0, "全年共接收申请52件。从申请人来看，其中48件为自然人，5件为企业。");
  findings = run (report);
  g_assert_cmpstr (find (findings, "R-X-01")->message, ==,
                   "正文“全年共接收申请52件。从申请人来看，其中48件为自然人，5件为企业”中各分项之和53大于总数52。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_part_text (report, 0, "共发布信息500条，其中动态信息300条、解读200条。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-01"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_part_text (report, 0, "共发布信息500条，其中动态信息300条。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-01"), ==, 0);
}

static void
test_missing_numbers (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_part_text (report, 2, "清理规章制度，现行有效的规范性文件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-02"), ==, 1);
  g_assert_cmpstr (find (findings, "R-X-02")->message, ==, "正文“现行有效的规范性文件”缺少具体数字。");
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_part_text (report, 2, "现行有效规范性文件XX件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-02"), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_part_text (report, 2, "现行有效规范性文件95件。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-02"), ==, 0);
}

/* ---- Cross-year (rules.md §G.1 variants) ------------------------------------------------------ */

static void
test_trend (void)
{
  static const struct { gint64 last; gboolean fires; } cases[] = { { 73, FALSE }, { 72, TRUE }, { 74, TRUE } };
  int new_total = nb_format_cell_index ("s3.new.total");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbReport) report = nb_test_load_sample ();
      g_autoptr(GPtrArray) findings = NULL;

      nb_report_set_previous_figure (report, new_total, TRUE, cases[i].last);
      findings = run (report);
      g_assert_cmpuint (count (findings, "R-T3-07"), ==, cases[i].fires);
      if (cases[i].last == 72)
        g_assert_cmpstr (find (findings, "R-T3-07")->message, ==,
                         "正文称同比减少28.77%，按上年72件、本年52件计算应为27.78%。");
    }

  {
    g_autoptr(NbReport) report = nb_test_load_sample ();
    g_autoptr(GPtrArray) findings = NULL;

    set (report, "s3.new.total", 404);
    nb_report_set_previous_figure (report, new_total, TRUE, 400);
    set_request_text (report, "全年收到政府信息公开申请404件，同比增长1.05%。");
    findings = run (report);
    g_assert_cmpuint (count (findings, "R-T3-07"), ==, 1);
    g_clear_pointer (&findings, g_ptr_array_unref);
    set_request_text (report, "全年收到政府信息公开申请404件，同比增长1.0%。");
    findings = run (report);
    g_assert_cmpuint (count (findings, "R-T3-07"), ==, 0);
  }
}

static void
test_previous_tables (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  int valid = nb_format_cell_index ("s2.a1.norms.valid");
  int carry_out = nb_format_cell_index ("s3.carry_out.total");

  nb_report_set_previous_figure (report, valid, TRUE, 117);
  nb_report_set_previous_figure (report, carry_out, TRUE, 0);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-01"), ==, 0);
  g_assert_cmpuint (count (findings, "R-T3-04"), ==, 0);
  g_assert_cmpuint (count (findings, "R-X-04"), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  nb_report_set_previous_figure (report, valid, TRUE, 116);
  nb_report_set_previous_figure (report, carry_out, TRUE, 2);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-T2-01"), ==, 1);
  g_assert_cmpuint (count (findings, "R-T3-04"), ==, 1);
  g_assert_cmpint (find (findings, "R-T3-04")->severity, ==, NB_SEVERITY_WARNING);
}

/* Last year's whole report: copied text and tables. */
static void
test_copied_report (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbReport) prev = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_previous (report, prev);
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-04"), ==, 1);
  g_assert_cmpstr (find (findings, "R-X-04")->message, ==, "本年表格数据与上年完全相同，请核实是否更新。");
  /* 一 and 五 repeated; 六 is one sentence, alike every year, and not judged. */
  g_assert_cmpuint (count (findings, "R-X-03"), ==, 2);
  g_assert_cmpstr (find (findings, "R-X-03")->message, ==, "第一部分与上年年报文字重复率为100%，请避免内容雷同。");
  /* The full report is loaded: a carry-over mismatch is an error then. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  set (prev, "s3.carry_out.total", 2);
  set (prev, "s3.carry_out.np", 2);
  nb_report_set_text (prev, NB_TEXT_S5, "另一年的问题完全不同，我们将在明年继续努力，加强培训，提升质量，完善制度，规范流程，强化监督。");
  while (nb_report_get_n_parts (prev) > 0)
    nb_report_remove_part (prev, 0);
  nb_report_set_text (prev, NB_TEXT_S1_INTRO, "上一年度的总体情况用完全不同的文字写成，内容涉及其他方面的工作安排和成效，与本年没有重复。");
  findings = run (report);
  g_assert_cmpuint (count (findings, "R-X-04"), ==, 0);
  g_assert_cmpuint (count (findings, "R-X-03"), ==, 0);
  g_assert_cmpint (find (findings, "R-T3-04")->severity, ==, NB_SEVERITY_ERROR);
}

/* Run-on text with thousands of figures in one sentence: the rules look near each
 * figure, so this finishes (the suite's timeout would catch quadratic work). */
static void
test_run_on_text (void)
{
  static const char *const units[] = {
    "复议1件，", "共收到申请5件，其中", "占3.5%，", "诉讼2件，", "制发规范性文件3件、", "两件",
  };
  g_autoptr(NbReport) report = nb_test_load_sample ();

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GString) text = g_string_new ("申请");
      g_autoptr(GPtrArray) findings = NULL;

      for (guint i = 0; i < 10000; i++)
        g_string_append (text, units[u]);
      set_request_text (report, text->str);
      findings = run (report);
      g_assert_nonnull (findings);
      for (guint i = 0; i < findings->len; i++)
        g_assert_cmpuint (strlen (((NbFinding *) g_ptr_array_index (findings, i))->message), <, 2000);
    }
}


/* Every span of @findings lies in its field, on character boundaries, and a figure rule's
 * span holds the figure (digits or a Chinese numeral). */
static void
assert_spans_valid (NbReport *report, GPtrArray *findings)
{
  static const char *const figure_rules[] = { "R-T2-05", "R-T3-05", "R-T3-06", "R-T3-07", "R-T4-02", "R-X-01", NULL };

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *span = NULL;

      if (f->span_start < 0)
        continue;
      g_assert_cmpint (f->span_end, >, f->span_start);
      span = span_text (report, f);
      g_assert_true (g_utf8_validate (span, -1, NULL));
      if (g_strv_contains (figure_rules, f->rule))
        {
          gboolean numeral = FALSE;

          for (const char *c = span; *c && !numeral; c = g_utf8_next_char (c))
            {
              gunichar u = g_utf8_get_char (c);

              numeral = g_unichar_isdigit (u) || g_utf8_strchr ("〇零一二两三四五六七八九十百千万", -1, u);
            }
          g_assert_true (numeral);
        }
    }
}

/* The one finding of @rule in @findings, its span covering exactly @figure. */
static void
assert_one_at (NbReport *report, GPtrArray *findings, const char *rule, const char *where, int part,
               const char *figure)
{
  const NbFinding *f = find (findings, rule);
  g_autofree char *span = NULL;

  g_assert_cmpuint (count (findings, rule), ==, 1);
  g_assert_cmpstr (f->where, ==, where);
  g_assert_cmpint (f->part, ==, part);
  span = span_text (report, f);
  g_assert_cmpstr (span, ==, figure);
}

/* Phrasings of real reports beyond the sample: what must fire, where, and what must not. */
static void
test_phrasings (void)
{
  static const struct { const char *text; const char *rule; const char *figure; } cases[] = {
    /* Counts of this year's applications that disagree with table 三 (52 new, 51 done, 1 carried). */
    { "共受理政府信息公开申请120件，办结118件，结转1件。", "R-T3-05", NULL },
    { "全区共接收申请五十二件，其中四十八件为自然人，三件为企业，一件为法律服务机构。", NULL, NULL },
    { "全区共接收申请一百零五件。", "R-T3-05", "一百零五件" },
    { "共受理政府信息公开申请52件，办结51件，结转1件。", NULL, NULL },
    { "共受理政府信息公开申请52件，办结51件，结转2件。", "R-T3-05", "2件" },
    { "共受理申请52件，办结51件，结转下一年度办理1件。", NULL, NULL },
    { "上年结转申请0件。", NULL, NULL },
    /* 一件 in words is no count; a claim about reviews is none about requests. */
    { "依申请公开方面，对每一件申请认真答复。", NULL, NULL },
    { "推进“高效办成一件事”，受理申请更便捷。", NULL, NULL },
    { "推进“高效办成一件事”，共受理申请一件。", "R-T3-05", "一件" },
    { "全年未收到行政复议申请。", NULL, NULL },
    { "全年未收到政府信息公开申请。", "R-T3-08", "未收到政府信息公开申请" },
    /* A count binds to the label before it; shares after 分别 pair with the counts in turn. */
    { "共接收申请52件，其中予以公开19件、部分公开9件，分别占36.54%、17.31%。", NULL, NULL },
    { "共接收申请52件，其中予以公开19件、部分公开9件，分别占36.54%、18.31%。", "R-T3-06", "18.31%" },
    { "共接收申请52件，予以公开19件，部分公开9件，实质公开率54.90%，办结率98.08%。", NULL, NULL },
    { "行政复议3件，维持原结果2件、结果纠正1件。", NULL, NULL },
    { "行政复议3件，维持原结果2件、结果纠正2件。", "R-T4-02", "2件" },
    { "全区共接收申请５２件，予以公开１９件，占３６．５４％。", NULL, NULL },
    { "全区共接收申请52件，予以公开19件，占37.54％。", "R-T3-06", "37.54％" },
    /* A range, a change and another year's count are no count of this year's table. */
    { "全区共接收申请3至5件。", NULL, NULL },
    { "全区共接收申请3件至5件。", NULL, NULL },
    { "全区共接收申请数量较上年减少21件。", NULL, NULL },
    { "受理申请数量比2023年减少21件。", NULL, NULL },
    { "2023年接收申请73件，2024年接收申请52件。", NULL, NULL },
    { "2024年接收申请49件。", "R-T3-05", "49件" },
    { "行政复议数量同比增加2件。", NULL, NULL },
    { "信息公开类行政复议5件。", "R-T4-02", "5件" },
    { "本年规范性文件数量较上年减少3件。", NULL, NULL },
    { "本年制发规范性文件十二件。", "R-T2-05", "十二件" },
    { "本年废止规范性文件34件。", "R-T2-05", "34件" },
    { "发布规范性文件解读材料15件。", NULL, NULL },
    { "印发《关于加强行政规范性文件管理的通知》等文件5件。", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbReport) report = nb_test_load_sample ();
      g_autoptr(GPtrArray) findings = NULL;
      static const char *const narrative[] = { "R-T3-05", "R-T3-06", "R-T3-08", "R-T4-02", "R-X-01", "R-X-02", NULL };

      set_request_text (report, cases[i].text);
      findings = run (report);
      g_test_message ("%s", cases[i].text);
      assert_spans_valid (report, findings);
      for (guint r = 0; narrative[r]; r++)
        if (!cases[i].rule || !g_str_equal (narrative[r], cases[i].rule))
          g_assert_cmpuint (count (findings, narrative[r]), ==, 0);
      /* The sample's own R-T2-05 in part 0 stays; a new one is in part 1. */
      if (cases[i].rule && g_str_equal (cases[i].rule, "R-T2-05"))
        {
          g_assert_cmpuint (count (findings, "R-T2-05"), ==, 2);
          continue;
        }
      g_assert_cmpuint (count (findings, "R-T2-05"), ==, 1);
      if (cases[i].rule == NULL)
        continue;
      g_assert_cmpuint (count (findings, cases[i].rule), >=, 1);
      if (cases[i].figure)
        assert_one_at (report, findings, cases[i].rule, "s1", 1, cases[i].figure);
    }
}

/* Every finding's span underlines its figure in the field it is in: intro, a later
 * paragraph of a part, 五, 六. */
static void
test_spans (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_text (report, NB_TEXT_S1_INTRO, "第一段。\n全区共接收申请49件。");
  nb_report_set_part_text (report, 3, "第一段没有数字。\n共发布信息500条，其中动态信息300条、政策文件150条、解读100条。");
  nb_report_set_text (report, NB_TEXT_S5, "下一步将改进。\n共发布信息50条，其中动态信息30条、解读30条。");
  nb_report_set_text (report, NB_TEXT_S6, "2024年，收取信息处理费XX元。");
  findings = run (report);
  assert_spans_valid (report, findings);
  assert_one_at (report, findings, "R-T3-05", "s1", -1, "49件");
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *span = NULL;

      if (g_str_equal (f->rule, "R-X-01"))
        {
          span = span_text (report, f);
          g_assert_true (g_str_equal (span, "500条") || g_str_equal (span, "50条"));
          g_assert_true ((g_str_equal (f->where, "s1") && f->part == 3) || g_str_equal (f->where, "s5"));
        }
    }
  g_assert_cmpuint (count (findings, "R-X-01"), ==, 2);
  assert_one_at (report, findings, "R-X-02", "s6", -1, "XX元");
}

/* Scope words in the figure's own clause: 全区 is a district government's own level (no
 * downgrade) but a department's region; 备案 always downgrades. */
static void
test_scope_levels (void)
{
  static const struct { const char *text; gboolean government; NbSeverity severity; } cases[] = {
    { "全区信息公开类行政复议5件。", TRUE, NB_SEVERITY_WARNING },
    { "全区信息公开类行政复议5件。", FALSE, NB_SEVERITY_INFO },
    { "全区共备案行政复议案件120件。", TRUE, NB_SEVERITY_INFO },
    { "全市信息公开类行政复议5件。", TRUE, NB_SEVERITY_WARNING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbReport) report = nb_test_load_sample ();
      g_autoptr(GPtrArray) findings = NULL;

      if (!cases[i].government)
        {
          nb_report_set_level (report, NB_LEVEL_DEPARTMENT);
          nb_report_set_people_government (report, FALSE);
        }
      set_request_text (report, cases[i].text);
      findings = run (report);
      g_assert_cmpuint (count (findings, "R-T4-02"), ==, 1);
      g_assert_cmpint (find (findings, "R-T4-02")->severity, ==, cases[i].severity);
    }
}

/* Found by fuzz-narrative: the comma of “6,666条” ended the figure's clause inside the
 * figure (tests/fuzz/regressions/narrative/grouping-comma-clause.txt). */
static void
test_grouping_comma_clause (void)
{
  const char *text = "全年共发布6,666条，占66%。";
  g_autoptr(GArray) figures = nb_narrative_figures (text, 0, (int) strlen (text));
  const NbFigure *f;

  g_assert_cmpuint (figures->len, >=, 1);
  f = &g_array_index (figures, NbFigure, 0);
  g_assert_cmpint (f->value, ==, 6666);
  g_assert_cmpint (f->clause_start, <=, f->start);
  g_assert_cmpint (f->clause_end, >=, f->end);
  g_assert_cmpint (f->sentence_end, >=, f->clause_end);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/narrative/numerals", test_numerals);
  g_test_add_func ("/narrative/figures", test_figures);
  g_test_add_func ("/narrative/sample", test_sample);
  g_test_add_func ("/narrative/sample-shares", test_sample_shares);
  g_test_add_func ("/narrative/sample-percentages", test_sample_percentages);
  g_test_add_func ("/narrative/length-rule", test_length_rule);
  g_test_add_func ("/narrative/title", test_title);
  g_test_add_func ("/narrative/problems-and-fee", test_problems_and_fee);
  g_test_add_func ("/narrative/oversight-duties", test_oversight_duties);
  g_test_add_func ("/narrative/aspects", test_aspects);
  g_test_add_func ("/narrative/stray-text-and-basis", test_stray_text_and_basis);
  g_test_add_func ("/narrative/stale-year", test_stale_year);
  g_test_add_func ("/narrative/documents", test_documents);
  g_test_add_func ("/narrative/requests", test_requests);
  g_test_add_func ("/narrative/shares", test_shares);
  g_test_add_func ("/narrative/claims", test_claims);
  g_test_add_func ("/narrative/cases", test_cases);
  g_test_add_func ("/narrative/parts", test_parts);
  g_test_add_func ("/narrative/missing-numbers", test_missing_numbers);
  g_test_add_func ("/narrative/run-on-text", test_run_on_text);
  g_test_add_func ("/narrative/phrasings", test_phrasings);
  g_test_add_func ("/narrative/spans", test_spans);
  g_test_add_func ("/narrative/scope-levels", test_scope_levels);
  g_test_add_func ("/cross-year/trend", test_trend);
  g_test_add_func ("/cross-year/previous-tables", test_previous_tables);
  g_test_add_func ("/cross-year/copied-report", test_copied_report);
  g_test_add_func ("/narrative/grouping-comma-clause", test_grouping_comma_clause);
  return g_test_run ();
}
