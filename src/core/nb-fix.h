/* nb-fix.h — the mechanical fix a finding offers, applied as one undo step
 *
 * A fix is decided from the finding's rule and location, never guessed from its message:
 * 采用规范标题 (R-F-02), 计算总计 (R-F-05 on a blank total whose parts are all filled),
 * 规范标点 (R-X-09, that text only), 填0 (R-F-05 on a blank input: its row's blanks, once
 * the user confirms).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-finding.h"
#include "nb-session.h"

G_BEGIN_DECLS

typedef enum {
  NB_FIX_NONE,
  NB_FIX_CANONICAL_TITLE,
  NB_FIX_COMPUTE_TOTAL,
  NB_FIX_PUNCTUATION,
  NB_FIX_FILL_ZERO,
} NbFixKind;

NbFixKind    nb_fix_for_finding  (NbReport        *report,
                                  const NbFinding *finding);
/* The button's label: 采用规范标题, 计算总计 … (translated). */
const char  *nb_fix_label        (NbFixKind        kind);
/* Whether the user must confirm first (填0 asserts that nothing happened). */
gboolean     nb_fix_needs_confirm (NbFixKind       kind);
/* Applies the fix as one undo step; FALSE when the finding has none or nothing changed. */
gboolean     nb_fix_apply        (NbSession       *session,
                                  const NbFinding *finding);
/* Where to take the user for a finding on @cell: a computed total cannot be typed in, so
 * its first blank part (or first part); any other cell is itself. */
int          nb_fix_focus_cell   (NbReport        *report,
                                  int              cell);

G_END_DECLS
