/* fuzz-import-pdf.c — the PDF importer (poppler, then our layout reader) as a fuzz target
 *
 * Poppler is loaded as a module (nb-pdf-text.h): NB_MODULE_DIR names the build's
 * src/core. What is read must survive the checks and a save and load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

int
nb_fuzz_import_pdf (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;

  if (nb_import_read_pdf (import, bytes, &error) && nb_import_get_report (import))
    {
      nb_fuzz_check_spans (nb_import_get_report (import), "fuzz-import-pdf");
      nb_fuzz_round_trip (nb_import_get_report (import), "fuzz-import-pdf");
    }
  return 0;
}

NB_FUZZ_ENTRY (nb_fuzz_import_pdf)
