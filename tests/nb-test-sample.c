/* nb-test-util.c — the sample report ($NB_SAMPLE) for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-document.h"
#include "nb-test-util.h"

NbReport *
nb_test_load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return report;
}
