/* nb-test-sample.h — what the importer and narrative tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* The sample report named by $NB_SAMPLE; aborts the test when it cannot be read. */
NbReport *nb_test_load_sample (void);

/* A table as printed lines: the heads, then each row's labels and values, cells joined by
 * @separator (a blank value is an empty field). */
GPtrArray *nb_test_table_lines (NbReport   *report,
                                NbTableId   id,
                                const char *separator);

G_END_DECLS
