/* nb-request-summary.h — the standard 依申请公开 sentence of section 一, from table 三
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-derived.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* The sentence, computed from table 三 (and last year when known). */
char      *nb_request_summary (NbReport        *report,
                               const NbDerived *derived);

G_END_DECLS
