/* nb-test-sample.h — what the importer and narrative tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* The sample report named by $NB_SAMPLE; aborts the test when it cannot be read. */
NbReport *nb_test_load_sample (void);

G_END_DECLS
