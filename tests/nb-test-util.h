/* nb-test-util.h — what the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-document.h"
#include "nb-finding.h"

G_BEGIN_DECLS

/* The sample report (NB_SAMPLE in the test environment); aborts the test if it won't load. */
NbReport   *nb_test_load_sample     (void);
/* A copy of the sample with the computed totals made consistent and every cell filled. */
NbReport   *nb_test_clean_sample    (void);
/* Sets a cell by key. */
void        nb_test_set             (NbReport   *report,
                                     const char *key,
                                     gint64      value);
/* The findings of @rule (NULL: all) in @findings, counted. */
guint       nb_test_count_rule      (GPtrArray  *findings,
                                     const char *rule);
/* The first finding of @rule, or NULL. */
const NbFinding *nb_test_find_rule  (GPtrArray  *findings,
                                     const char *rule);

/* A table as printed lines: the heads, then each row's labels and values, cells joined by
 * @separator (a blank value is an empty field). */
GPtrArray  *nb_test_table_lines     (NbReport   *report,
                                     NbTableId   id,
                                     const char *separator);

/* g_test_init for tests that export: the export time fixed by SOURCE_DATE_EPOCH
 * (2025-01-05 09:30 in China) so that exports are reproducible, and a new temporary
 * folder nb-@name-XXXXXX for them, returned. */
char       *nb_test_init_export     (int        *argc,
                                     char     ***argv,
                                     const char *name);
/* After g_test_run: when the tests passed (@status 0) removes the files in @dir and @dir;
 * after a failure leaves them to look at. Returns @status. */
int         nb_test_finish_export   (const char *dir,
                                     int         status);

G_END_DECLS
