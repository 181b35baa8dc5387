/* nb-checks.h — the consistency checks of rules.md
 *
 * nb_checks_run () evaluates every rule in the order of rules.md §F.5 and returns the
 * findings. Each group of rules lives in its own file (nb-check-*.c) and registers a
 * function in the list of nb-checks.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-derived.h"
#include "nb-finding.h"
#include "nb-report.h"

G_BEGIN_DECLS

typedef struct {
  gboolean length_rule;         /* R-F-15: the optional 1000-character rule for 一 */
  /* Only the rules of the form and the tables: what must follow every keystroke in a cell.
   * The narrative rules read all the prose and may run after a pause (rules.md §F.5). */
  gboolean tables_only;
} NbCheckOptions;

/* Returns a new array of NbFinding (owned; free with g_ptr_array_unref). */
GPtrArray   *nb_checks_run            (NbReport              *report,
                                       const NbCheckOptions  *options);

G_END_DECLS
