/* nb-test-sample.c — loading the sample report in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-test-sample.h"

#include "nb-document.h"

NbReport *
nb_test_load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return report;
}
