/* test-check-punctuation.c — R-X-09: half-width punctuation in Chinese prose (rules.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-punctuation.h"
#include "nb-test-util.h"

static GPtrArray *
rule_findings (NbReport *report)
{
  g_autoptr(GPtrArray) all = nb_checks_run (report, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);

  for (guint i = 0; i < all->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (all, i);

      if (g_str_equal (f->rule, "R-X-09"))
        g_ptr_array_add (found, nb_finding_copy (f));
    }
  return found;
}

/* R-X-09's finding in section 六, or NULL. */
static NbFinding *
s6_finding (NbReport *report)
{
  g_autoptr(GPtrArray) found = rule_findings (report);

  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (((NbFinding *) g_ptr_array_index (found, i))->where, "s6"))
      return nb_finding_copy (g_ptr_array_index (found, i));
  return NULL;
}

/* rules.md: the web text's half-width commas and semicolons in the preamble, 一, 五 and 六,
 * one finding per field; 124 marks in all (106 commas, 10 semicolons, 4 pairs of ()). */
static void
test_sample (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) found = rule_findings (report);
  gboolean preamble = FALSE, s5 = FALSE, s6 = FALSE;
  guint s1 = 0, total = 0;

  g_assert_cmpuint (found->len, ==, 9);
  for (guint i = 0; i < found->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (found, i);
      guint n = 0;

      g_assert_cmpint (f->severity, ==, NB_SEVERITY_WARNING);
      g_assert_true (g_str_has_suffix (f->message, "”），公开文本应使用全角标点。"));
      g_assert_nonnull (strstr (f->message, "处半角标点（如“"));
      g_assert_cmpint (sscanf (strstr (f->message, "有") + strlen ("有"), "%u", &n), ==, 1);
      total += n;
      preamble |= g_str_equal (f->where, "meta.preamble");
      s1 += g_str_equal (f->where, "s1");
      s5 |= g_str_equal (f->where, "s5");
      s6 |= g_str_equal (f->where, "s6");
      /* The span is the first mark, in the field's own text. */
      if (f->span_start >= 0)
        g_assert_cmpint (f->span_end - f->span_start, ==, 1);
    }
  g_assert_true (preamble && s5 && s6);
  g_assert_cmpuint (s1, ==, 1 + nb_report_get_n_parts (report));
  g_assert_cmpuint (total, ==, 124);
  /* The first finding: the preamble's “(国办公开办函〔2021〕30号)”. */
  g_assert_cmpstr (((NbFinding *) g_ptr_array_index (found, 0))->message, ==,
                   "前言有4处半角标点（如“的通知》(国办公开”），公开文本应使用全角标点。");
}

/* The one-click fix (规范标点 of the field) clears the field's finding and no other. */
static void
test_fix_clears (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(GPtrArray) before = rule_findings (report);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *fixed = nb_punctuation_fix (nb_report_get_text (report, NB_TEXT_S5), NULL);

  nb_report_set_text (report, NB_TEXT_S5, fixed);
  after = rule_findings (report);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (((NbFinding *) g_ptr_array_index (after, i))->where, !=, "s5");
}

/* Latin contexts are no finding; a 文号 year in [ ] is; the span and count are exact. */
static void
test_contexts (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbFinding) f = NULL;
  const char *text = "网址https://a.example/x?a=1,2，共1,000条。依据国办发[2021]30号文件;";

  nb_report_set_text (report, NB_TEXT_S6, "网址https://www.example.gov.cn/a,b 电话023-1234,邮箱a@b.cn。收费1,000元。");
  f = s6_finding (report);
  g_assert_nonnull (f);
  /* Only the comma after the phone number touches Chinese (邮箱). */
  g_assert_cmpstr (f->message, ==, "第六部分有1处半角标点（如“1234,邮箱a@”），公开文本应使用全角标点。");
  g_clear_pointer (&f, nb_finding_free);

  /* A number at the excerpt's edge is shown whole, not “024年,政府信息”. */
  nb_report_set_text (report, NB_TEXT_S6, "报告期内，2024年,政府信息公开工作稳步推进。");
  f = s6_finding (report);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->message, ==, "第六部分有1处半角标点（如“2024年,政府信息”），公开文本应使用全角标点。");
  g_clear_pointer (&f, nb_finding_free);

  nb_report_set_text (report, NB_TEXT_S6, text);
  f = s6_finding (report);
  g_assert_nonnull (f);
  /* [ ] → 〔 〕 (two marks) and the final ; — the URL and 1,000 stay. */
  g_assert_nonnull (strstr (f->message, "有3处半角标点"));
  g_assert_cmpint (f->span_start, ==, (int) (strstr (text, "[") - text));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check-punctuation/sample", test_sample);
  g_test_add_func ("/check-punctuation/fix-clears", test_fix_clears);
  g_test_add_func ("/check-punctuation/contexts", test_contexts);
  return g_test_run ();
}
