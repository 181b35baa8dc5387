/* test-session.c — the editing session without a window: undo steps, sidebar counts and
 * the fixes findings offer (nb-fix.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-fix.h"
#include "nb-session.h"
#include "nb-test-util.h"

static const NbFinding *
find (NbSession *session, const char *rule, const char *where)
{
  GPtrArray *findings = nb_session_get_findings (session);

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->rule, rule) && g_str_equal (finding->where, where))
        return finding;
    }
  return NULL;
}

/* The sample's blank 总计 of 三（四）2: its parts are all filled, so the finding offers
 * 计算总计, which fills it in one undo step; undo makes it blank again. A finding on the
 * total takes the user to a part. */
static void
test_compute_total (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  int total = nb_format_cell_index ("s3.na_need_create.total");
  const NbFinding *finding = find (session, "R-F-05", "s3.na_need_create.total");
  g_autoptr(NbFinding) copy = NULL;

  g_assert_nonnull (finding);
  g_assert_cmpint (nb_report_get_cell (report, total)->state, ==, NB_CELL_BLANK);
  g_assert_cmpint (nb_fix_for_finding (report, finding), ==, NB_FIX_COMPUTE_TOTAL);
  g_assert_cmpstr (nb_fix_label (NB_FIX_COMPUTE_TOTAL), !=, NULL);
  g_assert_false (nb_fix_needs_confirm (NB_FIX_COMPUTE_TOTAL));
  g_assert_cmpint (nb_fix_focus_cell (report, total), ==, nb_format_cell_index ("s3.na_need_create.np"));

  copy = nb_finding_copy (finding);
  g_assert_true (nb_fix_apply (session, copy));
  g_assert_cmpint (nb_report_get_cell (report, total)->state, ==, NB_CELL_VALUE);
  g_assert_cmpint (nb_report_get_cell (report, total)->value, ==, 0);
  g_assert_null (find (session, "R-F-05", "s3.na_need_create.total"));

  nb_session_undo (session);
  g_assert_cmpint (nb_report_get_cell (report, total)->state, ==, NB_CELL_BLANK);
  g_assert_false (nb_session_can_undo (session));
  nb_session_redo (session);
  g_assert_cmpint (nb_report_get_cell (report, total)->state, ==, NB_CELL_VALUE);
}

/* R-F-02: 采用规范标题 puts the canonical title back as one step. */
static void
test_canonical_title (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  NbTextField field = nb_report_section_title_field (1);
  const NbFinding *finding;
  g_autoptr(NbFinding) copy = NULL;

  nb_session_edit_text (session, field, "二、主动公开情况");
  nb_session_seal (session);
  finding = find (session, "R-F-02", "s2");
  g_assert_nonnull (finding);
  g_assert_cmpint (nb_fix_for_finding (report, finding), ==, NB_FIX_CANONICAL_TITLE);
  copy = nb_finding_copy (finding);
  g_assert_true (nb_fix_apply (session, copy));
  g_assert_cmpstr (nb_report_get_text (report, field), ==, nb_format_section (1)->title);
  g_assert_null (find (session, "R-F-02", "s2"));
  nb_session_undo (session);
  g_assert_cmpstr (nb_report_get_text (report, field), ==, "二、主动公开情况");
}

/* R-X-09 (added by the punctuation check): 规范标点 fixes only the text it names. */
static void
test_punctuation (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  g_autoptr(NbFinding) finding = nb_finding_new ("R-X-09", NB_SEVERITY_WARNING,
                                                 nb_report_text_location (NB_TEXT_S5), "半角标点");
  g_autofree char *s6 = g_strdup (nb_report_get_text (report, NB_TEXT_S6));

  nb_session_edit_text (session, NB_TEXT_S5, "存在问题,改进措施:加强培训.");
  nb_session_seal (session);
  g_assert_cmpint (nb_fix_for_finding (report, finding), ==, NB_FIX_PUNCTUATION);
  g_assert_true (nb_fix_apply (session, finding));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S5), ==, "存在问题，改进措施：加强培训.");
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), ==, s6);
  nb_session_undo (session);
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S5), ==, "存在问题,改进措施:加强培训.");
}

/* 填0 fills the blanks of the finding's row, and only those, as one step. */
static void
test_fill_zero (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  int biz = nb_format_cell_index ("s3.new.biz");
  int research = nb_format_cell_index ("s3.new.research");
  int carry = nb_format_cell_index ("s3.carry_in.biz");
  const NbFinding *finding;
  g_autoptr(NbFinding) copy = NULL;
  gint64 carry_value = nb_report_get_cell (report, carry)->value;

  nb_session_edit_cell (session, biz, "");
  nb_session_seal (session);
  nb_session_edit_cell (session, research, "");
  nb_session_seal (session);
  finding = find (session, "R-F-05", "s3.new.biz");
  g_assert_nonnull (finding);
  g_assert_cmpint (nb_fix_for_finding (report, finding), ==, NB_FIX_FILL_ZERO);
  g_assert_true (nb_fix_needs_confirm (NB_FIX_FILL_ZERO));
  copy = nb_finding_copy (finding);
  g_assert_true (nb_fix_apply (session, copy));
  g_assert_cmpint (nb_report_get_cell (report, biz)->state, ==, NB_CELL_VALUE);
  g_assert_cmpint (nb_report_get_cell (report, research)->value, ==, 0);
  g_assert_cmpint (nb_report_get_cell (report, carry)->value, ==, carry_value);
  nb_session_undo (session);
  g_assert_cmpint (nb_report_get_cell (report, biz)->state, ==, NB_CELL_BLANK);
  g_assert_cmpint (nb_report_get_cell (report, research)->state, ==, NB_CELL_BLANK);
}

/* The sidebar's counts: an error overridden with a note counts as a warning. */
static void
test_count_overridden (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  guint before[NB_N_SEVERITIES], after[NB_N_SEVERITIES];
  guint entry = nb_session_entry_for_location ("s3.new.np");

  nb_session_edit_cell (session, nb_format_cell_index ("s3.new.np"), "999");
  nb_session_seal (session);
  nb_session_count_findings (session, entry, before);
  g_assert_cmpuint (before[NB_SEVERITY_ERROR], >, 0);
  nb_session_override_errors (session, nb_session_get_findings (session), "核对后无误");
  nb_session_count_findings (session, entry, after);
  g_assert_cmpuint (after[NB_SEVERITY_ERROR], ==, 0);
  g_assert_cmpuint (after[NB_SEVERITY_WARNING], ==,
                    before[NB_SEVERITY_WARNING] + before[NB_SEVERITY_ERROR]);
}

/* The layout switches: each flip is one undo step, even flipped back at once, and the
 * state id moves so that the window counts the report as changed. */
static void
test_layout_switches (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbSession) session = nb_session_new (report);
  guint64 saved = nb_session_get_state_id (session);

  g_assert_false (nb_report_get_signature (report));
  nb_session_edit_signature (session, TRUE);
  g_assert_true (nb_report_get_signature (report));
  g_assert_cmpuint (nb_session_get_state_id (session), !=, saved);
  nb_session_edit_signature (session, FALSE);
  nb_session_edit_signature (session, FALSE);     /* no change: no step */
  g_assert_false (nb_report_get_signature (report));
  nb_session_undo (session);
  g_assert_true (nb_report_get_signature (report));
  g_assert_cmpstr (nb_session_get_last_location (session), ==, "meta.signature");
  nb_session_undo (session);
  g_assert_false (nb_report_get_signature (report));
  g_assert_false (nb_session_can_undo (session));
  g_assert_cmpuint (nb_session_get_state_id (session), ==, saved);

  g_assert_false (nb_report_get_standalone_headings (report));
  nb_session_edit_standalone_headings (session, TRUE);
  g_assert_true (nb_report_get_standalone_headings (report));
  nb_session_undo (session);
  g_assert_false (nb_report_get_standalone_headings (report));
  g_assert_cmpstr (nb_session_get_last_location (session), ==, "meta.standalone_headings");
  nb_session_redo (session);
  g_assert_true (nb_report_get_standalone_headings (report));
  g_assert_cmpuint (nb_session_get_n_unrecorded (session), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session/fix-compute-total", test_compute_total);
  g_test_add_func ("/session/fix-canonical-title", test_canonical_title);
  g_test_add_func ("/session/fix-punctuation", test_punctuation);
  g_test_add_func ("/session/fix-fill-zero", test_fill_zero);
  g_test_add_func ("/session/count-overridden", test_count_overridden);
  g_test_add_func ("/session/layout-switches", test_layout_switches);
  return g_test_run ();
}
