/* test-fuzz-import.c — the fuzz target over random and mutated inputs, as a normal test
 *
 * Deterministic: the seed is fixed (NB_FUZZ_SEED overrides it, NB_FUZZ_ROUNDS scales the
 * number of inputs). Inputs: random bytes, random soups of the format's own words, bars
 * and digits, and mutations of the sample's text and HTML and of real published reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

#include <stdlib.h>
#include <string.h>

static GRand *rand_;
static guint rounds = 60;

static void
run (GByteArray *input)
{
  nb_fuzz_import (input->data, input->len);
}

static void
test_random_bytes (void)
{
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GByteArray) input = g_byte_array_new ();
      guint n = g_rand_int_range (rand_, 0, 3000);

      for (guint i = 0; i < n; i++)
        {
          guint8 b = g_rand_int_range (rand_, 0, 256);

          g_byte_array_append (input, &b, 1);
        }
      run (input);
    }
}

/* Words the parser looks for, so that random input reaches its deeper paths. */
static const char *const vocabulary[] = {
  "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
  "规章", "行政规范性文件", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费",
  "第二十条第(一)项", "本年新制作数量", "(六)其他处理", "一、本年新收政府信息公开申请数量",
  "(一)予以公开", "1.属于国家秘密", "2.没有现成信息需要另行制作", "(七)总计", "四、结转下年度继续办理",
  "结果维持", "总计", "行政复议", "|", " |", "| ||", "||||", "\n", "\n", "\n", " ", "0", "1", "12",
  "000", "4830010052", "7926.3139", "130,024", "—", "/", "&nbsp;", "<td>", "</td>", "<tr>", "<table>",
  "</table>", "<p>", "<br>", "<td rowspan=\"3\">", "(一)积极主动做好政务公开。", "2024年", "共收到申请52件，",
  "其中48件为自然人，", "占36.54%；", "同比减少28.77%。", "两件", "十二件", "2万余条", "复议后起诉1件。",
  "\xff", "\xe4\xb8", "%PDF-1.4",
  /* What real pages add: line endings, a BOM, full-width digits, page chrome, a closing. */
  "\r\n", "\xef\xbb\xbf", "４８", "当前位置：首页", "【打印本页】", "网站地图 | 联系我们", "联系电话：023-79223344",
  "重庆市黔江区人民政府办公室", "2025年1月20日", "<th>", "</th>", "3至5件", "分别占", "较上年减少2件，",
  "每一件", "未收到行政复议申请。", "《规范性文件》",
};

static void
test_word_soup (void)
{
  for (guint r = 0; r < rounds * 4; r++)
    {
      g_autoptr(GByteArray) input = g_byte_array_new ();
      guint n = g_rand_int_range (rand_, 0, 600);

      for (guint i = 0; i < n; i++)
        {
          const char *word = vocabulary[g_rand_int_range (rand_, 0, G_N_ELEMENTS (vocabulary))];

          g_byte_array_append (input, (const guint8 *) word, strlen (word));
        }
      run (input);
    }
}

static void
mutate (GByteArray *input)
{
  guint n = g_rand_int_range (rand_, 1, 12);

  for (guint m = 0; m < n && input->len > 0; m++)
    {
      guint at = g_rand_int_range (rand_, 0, input->len);
      guint span = g_rand_int_range (rand_, 1, MIN (input->len - at, 400) + 1);

      switch (g_rand_int_range (rand_, 0, 5))
        {
        case 0:               /* flip a byte */
          input->data[at] ^= 1u << g_rand_int_range (rand_, 0, 8);
          break;
        case 1:               /* cut a stretch */
          g_byte_array_remove_range (input, at, span);
          break;
        case 2:               /* repeat a stretch */
          {
            g_autoptr(GByteArray) copy = g_byte_array_new ();

            g_byte_array_append (copy, input->data + at, span);
            g_byte_array_append (input, copy->data, copy->len);
          }
          break;
        case 3:               /* a word of the format somewhere */
          {
            const char *word = vocabulary[g_rand_int_range (rand_, 0, G_N_ELEMENTS (vocabulary))];
            g_autoptr(GByteArray) rest = g_byte_array_new ();

            g_byte_array_append (rest, input->data + at, input->len - at);
            g_byte_array_set_size (input, at);
            g_byte_array_append (input, (const guint8 *) word, strlen (word));
            g_byte_array_append (input, rest->data, rest->len);
          }
          break;
        default:              /* truncate */
          g_byte_array_set_size (input, at);
          break;
        }
    }
}

static void
mutate_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GByteArray) input = g_byte_array_new ();

      g_byte_array_append (input, (const guint8 *) contents, length);
      mutate (input);
      run (input);
    }
}

static void
test_mutated_text (void)
{
  mutate_file ("qianjiang-2024.txt");
}

static void
test_mutated_html (void)
{
  mutate_file ("qianjiang-2024.html");
}

static void
test_mutated_legacy (void)
{
  mutate_file ("legacy-2019.txt");
}

/* The real shapes of issue 12: a portal page on one line (run-in headings, figures run
 * together), -layout text with wrapped labels, and a Word-made PDF (mutated bytes reach
 * poppler and the glyph reader). */
static void
test_mutated_real (void)
{
  mutate_file ("fidelity/pingtan-2021.txt");
  mutate_file ("fidelity/portal-run-together-2022.txt");
  mutate_file ("fidelity/layout-wrapped-2022.txt");
  mutate_file ("fidelity/hongze-2023.pdf");
}

int
main (int argc, char **argv)
{
  const char *seed = g_getenv ("NB_FUZZ_SEED");
  const char *scale = g_getenv ("NB_FUZZ_ROUNDS");

  g_test_init (&argc, &argv, NULL);
  rand_ = g_rand_new_with_seed (seed ? (guint32) strtoul (seed, NULL, 10) : 5u);
  if (scale)
    rounds = (guint) strtoul (scale, NULL, 10);

  g_test_add_func ("/fuzz/random-bytes", test_random_bytes);
  g_test_add_func ("/fuzz/word-soup", test_word_soup);
  g_test_add_func ("/fuzz/mutated-text", test_mutated_text);
  g_test_add_func ("/fuzz/mutated-html", test_mutated_html);
  g_test_add_func ("/fuzz/mutated-legacy", test_mutated_legacy);
  g_test_add_func ("/fuzz/mutated-real", test_mutated_real);
  {
    int status = g_test_run ();

    g_rand_free (rand_);
    return status;
  }
}
