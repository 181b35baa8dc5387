/* test-punctuation.c — full-width punctuation next to Chinese text (layout.md §10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "nb-punctuation.h"
#include "nb-report.h"
#include "nb-test-util.h"

static void
check_fix (const char *in, const char *expected, guint expected_changes)
{
  guint n = G_MAXUINT;
  g_autofree char *out = nb_punctuation_fix (in, &n);

  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (n, ==, expected_changes);
  g_assert_cmpuint (nb_punctuation_count (in), ==, expected_changes);
}

static void
check_kept (const char *in)
{
  check_fix (in, in, 0);
}

static void
test_marks (void)
{
  check_fix ("2024年,黔江区坚持", "2024年，黔江区坚持", 1);
  check_fix ("质量;充分发挥", "质量；充分发挥", 1);
  check_fix ("要求如下:一是", "要求如下：一是", 1);
  check_fix ("好!真的吗?", "好！真的吗？", 2);
  /* Either side is enough, also through a quotation mark. */
  check_fix ("3件为企业,1件", "3件为企业，1件", 1);
  check_fix ("占36.54%;部分公开", "占36.54%；部分公开", 1);
  check_fix ("开放日活动”,主动", "开放日活动”，主动", 1);
  check_fix ("“政务公开”,", "“政务公开”，", 1);
  check_fix ("什么?!", "什么？！", 2);
  /* Spaces are kept: only the mark changes. */
  check_fix ("邮箱: a@b.cn", "邮箱： a@b.cn", 1);
}

static void
test_parentheses (void)
{
  check_fix ("(国办公开办函〔2021〕30号)", "（国办公开办函〔2021〕30号）", 2);
  check_fix ("村(居)务", "村（居）务", 2);
  check_fix ("通知》(黔江府办发〔2023〕46号),清退", "通知》（黔江府办发〔2023〕46号），清退", 3);
  /* A pair whose neighbour is Chinese, Latin inside. */
  check_fix ("按照标准(GB/T 15834-2011)执行", "按照标准（GB/T 15834-2011）执行", 2);
  check_fix ("第(1)项", "第（1）项", 2);
  /* Mixed pairs are completed; lone ones follow their neighbours. */
  check_fix ("（一)主动公开", "（一）主动公开", 1);
  check_fix ("一)主动公开", "一）主动公开", 1);
  check_fix ("说明(见附件", "说明（见附件", 1);
  /* A mark made full-width makes its neighbour Chinese context. */
  check_fix ("中,(a)b", "中，（a）b", 3);
  check_kept ("see (1) and (2)");
  check_kept ("f(x) = (a + b)");
}

static void
test_latin_contexts (void)
{
  check_kept ("3.5");
  check_kept ("12:30");
  check_kept ("1,234");
  check_kept ("http://x.cn/a,b");
  check_kept ("e-mail: a@b.cn");
  check_kept ("(1)");
  check_kept ("Hello, world; a: b! c?");
  check_fix ("共1,234件", "共1,234件", 0);
  check_fix ("时间:12:30开始", "时间：12:30开始", 1);
  check_fix ("比例为1:2", "比例为1:2", 0);
  /* A URL ends before the marks of the sentence around it. */
  check_fix ("网址:http://x.cn/a,b,详见", "网址：http://x.cn/a,b，详见", 2);
  check_fix ("见https://x.cn/q?a=1;b=2。", "见https://x.cn/q?a=1;b=2。", 0);
  check_fix ("访问www.gov.cn/a:b,了解", "访问www.gov.cn/a:b，了解", 1);
  check_fix ("联系人:张三,a.b@x.gov.cn;李四", "联系人：张三，a.b@x.gov.cn；李四", 3);
  check_fix ("政府&nbsp;信息", "政府&nbsp;信息", 0);
}

static void
test_document_numbers (void)
{
  check_fix ("国办公开办函[2021]30号", "国办公开办函〔2021〕30号", 2);
  check_fix ("国办公开办函【2021】30号", "国办公开办函〔2021〕30号", 2);
  check_fix ("国办公开办函(2021)30号", "国办公开办函〔2021〕30号", 2);
  check_fix ("国办公开办函（2021）30号", "国办公开办函〔2021〕30号", 2);
  check_fix ("渝府令〔2021)5号", "渝府令〔2021〕5号", 1);
  check_kept ("国办公开办函〔2021〕30号");
  /* Inside a pair of parentheses that goes full-width too. */
  check_fix ("(国办公开办函(2021)30号)", "（国办公开办函〔2021〕30号）", 4);
  /* Not a 文号: no ideograph before, no 号 after, no year. */
  check_fix ("in (2021) 30号", "in (2021) 30号", 0);
  check_fix ("年度(2021)报告", "年度（2021）报告", 2);
  check_fix ("函[12]30号", "函[12]30号", 0);
}

static void
test_nested_titles (void)
{
  check_fix ("《关于<政府信息公开>的通知》", "《关于〈政府信息公开〉的通知》", 2);
  check_kept ("a < b > c");
  check_kept ("《条例》<b>");
  check_fix ("《关于<a>和<b>的通知》", "《关于〈a〉和〈b〉的通知》", 4);
}

static gboolean
is_cjk_char (gunichar c)
{
  return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* The first ASCII , ( ) ; : ! ? next to an ideograph or a CJK mark, other than , and :
 * between two digits; NULL if none. */
static const char *
find_ascii_next_to_cjk (const char *text)
{
  gunichar prev = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gunichar after = *next != '\0' ? g_utf8_get_char (next) : 0;
      gboolean in_number = (c == ',' || c == ':') && prev < 0x80 && g_ascii_isdigit (prev) &&
                           after < 0x80 && g_ascii_isdigit (after);

      if (c < 0x80 && strchr (",();:!?", (int) c) != NULL && !in_number &&
          (is_cjk_char (prev) || is_cjk_char (after)))
        return p;
      prev = c;
    }
  return NULL;
}

/* Random mixes of the characters the rules look at: the output is valid UTF-8 of the same
 * length in characters, a second fix changes nothing, and no ASCII mark is left next to
 * Chinese outside a number or a URL. */
static void
test_random (void)
{
  static const char *const pieces[] = {
    "中", "文", "号", "函", "发", "a", "b", "1", "2021", ",", "(", ")", ";", ":", "!", "?",
    "《", "》", "<", ">", "[", "]", "【", "】", "（", "）", "，", "“", "”", " ", ".", "@",
    "http://", "&amp;", "〔", "〕", "—", "\n",
  };
  GRand *rand = g_rand_new_with_seed (20241231);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;
      guint len = (guint) g_rand_int_range (rand, 0, 24);
      guint n = 0;

      for (guint k = 0; k < len; k++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      once = nb_punctuation_fix (s->str, &n);
      g_assert_true (g_utf8_validate (once, -1, NULL));
      g_assert_cmpint (g_utf8_strlen (once, -1), ==, g_utf8_strlen (s->str, -1));
      twice = nb_punctuation_fix (once, &n);
      if (g_strcmp0 (once, twice) != 0)
        g_error ("not final: «%s» → «%s» → «%s»", s->str, once, twice);
      if (strstr (s->str, "http") == NULL && strstr (s->str, "@") == NULL &&
          strstr (s->str, "&") == NULL)
        {
          const char *left = find_ascii_next_to_cjk (once);

          if (left != NULL)
            g_error ("ASCII '%c' left in «%s» → «%s»", *left, s->str, once);
        }
    }
  g_rand_free (rand);
}

static void
test_edges (void)
{
  check_kept ("");
  check_fix (",", ",", 0);
  check_fix ("中,", "中，", 1);
  check_fix (",中", "，中", 1);
  /* Invalid UTF-8 is returned unchanged. */
  check_kept ("\xff,中");
}

/* The fixed marks and 〔〕〈〉 mapped back to ASCII. */
static char *
map_back (const char *text)
{
  static const struct { const char *wide; const char *ascii; } map[] = {
    { "，", "," }, { "（", "(" }, { "）", ")" }, { "；", ";" }, { "：", ":" },
    { "！", "!" }, { "？", "?" }, { "〈", "<" }, { "〉", ">" },
  };
  GString *s = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    g_string_replace (s, map[i].wide, map[i].ascii, 0);
  return g_string_free (s, FALSE);
}

static void
check_sample_text (const char *text, guint *total)
{
  guint n = 0;
  g_autofree char *fixed = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (text == NULL)
    return;
  fixed = nb_punctuation_fix (text, &n);
  g_assert_true (g_utf8_validate (fixed, -1, NULL));
  g_assert_null (find_ascii_next_to_cjk (fixed));
  a = map_back (text);
  b = map_back (fixed);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, g_utf8_strlen (fixed, -1));
  *total += n;

  /* Fixing again changes nothing. */
  {
    g_autofree char *again = nb_punctuation_fix (fixed, &n);

    g_assert_cmpstr (again, ==, fixed);
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_sample (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  guint total = 0;
  g_autofree char *preamble = NULL;

  for (guint f = 0; f < NB_N_TEXTS; f++)
    check_sample_text (nb_report_get_text (report, f), &total);
  for (guint i = 0; i < nb_report_get_n_parts (report); i++)
    {
      const NbPart *part = nb_report_get_part (report, i);

      check_sample_text (part->heading, &total);
      check_sample_text (part->text, &total);
    }
  g_test_message ("%u marks fixed in the sample", total);
  g_assert_cmpuint (total, >, 100);

  preamble = nb_punctuation_fix (nb_report_get_text (report, NB_TEXT_PREAMBLE), NULL);
  g_assert_nonnull (strstr (preamble, "通知》（国办公开办函〔2021〕30号）要求，现发布"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/punctuation/marks", test_marks);
  g_test_add_func ("/punctuation/parentheses", test_parentheses);
  g_test_add_func ("/punctuation/latin-contexts", test_latin_contexts);
  g_test_add_func ("/punctuation/document-numbers", test_document_numbers);
  g_test_add_func ("/punctuation/nested-titles", test_nested_titles);
  g_test_add_func ("/punctuation/edges", test_edges);
  g_test_add_func ("/punctuation/random", test_random);
  g_test_add_func ("/punctuation/sample", test_sample);
  return g_test_run ();
}
