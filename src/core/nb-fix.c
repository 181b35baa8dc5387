/* nb-fix.c — the mechanical fix a finding offers, applied as one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nb-fix.h"
#include "nb-punctuation.h"

/* The relation whose total is @cell, or NULL. */
static const NbSumRelation *
relation_of_total (int cell)
{
  guint n;
  const NbSumRelation *sums = nb_format_sum_relations (&n);

  for (guint i = 0; i < n; i++)
    if (sums[i].total == cell)
      return &sums[i];
  return NULL;
}

static gboolean
parts_filled (NbReport *report, const NbSumRelation *sum)
{
  for (guint p = 0; p < sum->n_parts; p++)
    if (nb_report_get_cell (report, sum->parts[p])->state != NB_CELL_VALUE)
      return FALSE;
  return TRUE;
}

/* A finding on one of section 一's headed parts: its index, else −1. */
static int
part_at (NbReport *report, const NbFinding *finding)
{
  if (g_strcmp0 (finding->where, "s1") == 0 && finding->part >= 0 &&
      (guint) finding->part < nb_report_get_n_parts (report))
    return finding->part;
  return -1;
}

/* The text field a finding's location names, or −1 (section 一's parts are not fields). */
static int
text_field_at (const NbFinding *finding)
{
  for (guint f = 0; f < NB_N_TEXTS; f++)
    {
      gboolean is_title = FALSE;

      /* A section's title shares its location ("s5"): the finding is on the prose. */
      for (guint s = 0; s < NB_N_SECTIONS; s++)
        is_title |= nb_report_section_title_field (s) == f;
      if (!is_title && g_strcmp0 (nb_report_text_location (f), finding->where) == 0)
        return (int) f;
    }
  return -1;
}

NbFixKind
nb_fix_for_finding (NbReport *report, const NbFinding *finding)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NB_FIX_NONE);
  g_return_val_if_fail (finding != NULL, NB_FIX_NONE);

  if (g_str_equal (finding->rule, "R-F-02") && nb_format_section_by_id (finding->where) != NULL)
    return NB_FIX_CANONICAL_TITLE;
  if (g_str_equal (finding->rule, "R-X-09") &&
      (part_at (report, finding) >= 0 || text_field_at (finding) >= 0))
    return NB_FIX_PUNCTUATION;
  if (g_str_equal (finding->rule, "R-F-05") && finding->cell >= 0 &&
      nb_report_get_cell (report, finding->cell)->state == NB_CELL_BLANK)
    {
      const NbSumRelation *sum = relation_of_total (finding->cell);

      if (sum != NULL)
        return parts_filled (report, sum) ? NB_FIX_COMPUTE_TOTAL : NB_FIX_NONE;
      return NB_FIX_FILL_ZERO;
    }
  return NB_FIX_NONE;
}

const char *
nb_fix_label (NbFixKind kind)
{
  switch (kind)
    {
    case NB_FIX_CANONICAL_TITLE:
      return _("Use the Standard Title");
    case NB_FIX_COMPUTE_TOTAL:
      return _("Compute the Total");
    case NB_FIX_PUNCTUATION:
      return _("Standard Punctuation");
    case NB_FIX_FILL_ZERO:
      return _("Fill With 0");
    case NB_FIX_NONE:
    default:
      return NULL;
    }
}

gboolean
nb_fix_needs_confirm (NbFixKind kind)
{
  return kind == NB_FIX_FILL_ZERO;
}

/* Every blank input cell in the row of @cell (its table's grid row) becomes 0. */
static void
fill_row_with_zero (NbSession *session, int cell)
{
  NbReport *report = nb_session_get_report (session);
  const NbCellDef *def = nb_format_cell (cell);
  const NbTableDef *table = nb_format_table (def->table);

  for (guint i = table->first_cell; i < table->first_cell + table->n_cells; i++)
    {
      const NbCellDef *other = nb_format_cell (i);

      if (other->grid_row == def->grid_row && !other->computed &&
          nb_report_get_cell (report, i)->state == NB_CELL_BLANK)
        nb_session_edit_cell (session, i, "0");
    }
}

static void
fix_punctuation (NbSession *session, const NbFinding *finding)
{
  NbReport *report = nb_session_get_report (session);
  int part = part_at (report, finding);
  int field = text_field_at (finding);
  const char *text = part >= 0 ? nb_report_get_part (report, part)->text
                     : field >= 0 ? nb_report_get_text (report, field) : NULL;
  g_autofree char *fixed = text ? nb_punctuation_fix (text, NULL) : NULL;

  if (fixed == NULL || g_str_equal (fixed, text))
    return;
  if (part >= 0)
    nb_session_edit_part_text (session, part, fixed);
  else
    nb_session_edit_text (session, field, fixed);
}

gboolean
nb_fix_apply (NbSession *session, const NbFinding *finding)
{
  NbReport *report;
  NbFixKind kind;
  guint64 before;

  g_return_val_if_fail (NB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  report = nb_session_get_report (session);
  kind = nb_fix_for_finding (report, finding);
  if (kind == NB_FIX_NONE)
    return FALSE;
  before = nb_session_get_state_id (session);
  nb_session_seal (session);
  nb_session_begin_step (session);
  switch (kind)
    {
    case NB_FIX_CANONICAL_TITLE:
      {
        const NbSectionDef *section = nb_format_section_by_id (finding->where);

        nb_session_edit_text (session, nb_report_section_title_field (section->number - 1),
                              section->title);
      }
      break;
    case NB_FIX_COMPUTE_TOTAL:
      /* Editing a total makes the report derive it from its parts. */
      nb_session_edit_cell (session, finding->cell, "");
      break;
    case NB_FIX_PUNCTUATION:
      fix_punctuation (session, finding);
      break;
    case NB_FIX_FILL_ZERO:
      fill_row_with_zero (session, finding->cell);
      break;
    case NB_FIX_NONE:
    default:
      break;
    }
  nb_session_end_step (session);
  nb_session_seal (session);
  return nb_session_get_state_id (session) != before;
}

int
nb_fix_focus_cell (NbReport *report, int cell)
{
  const NbSumRelation *sum;

  if (cell < 0 || !nb_format_cell (cell)->computed || (sum = relation_of_total (cell)) == NULL)
    return cell;
  for (guint p = 0; p < sum->n_parts; p++)
    if (nb_report_get_cell (report, sum->parts[p])->state == NB_CELL_BLANK)
      return sum->parts[p];
  return sum->parts[0];
}
