/* fuzz-import.c — the importer of text and HTML, as a fuzz target (see nb-fuzz.h)
 *
 * The ordinary suite also runs it over random and mutated inputs (test-fuzz-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

#include <stdlib.h>

/* What was read must survive the checks and a save and load. */
static void
exercise (NbImport *import, const char *input, gsize length)
{
  NbReport *report = nb_import_get_report (import);
  const char *bad = NULL;

  if (report == NULL)
    return;
  if (!nb_fuzz_values_in_input (import, input, length, &bad))
    {
      g_printerr ("fuzz-import: cell %s holds a number that is not in the input\n", bad);
      abort ();
    }
  nb_fuzz_check_spans (report, "fuzz-import");
  nb_fuzz_round_trip (report, "fuzz-import");
}

int
nb_fuzz_import (const uint8_t *data, size_t size)
{
  static const NbImportKind kinds[] = { NB_IMPORT_TEXT, NB_IMPORT_HTML, NB_IMPORT_AUTO };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autoptr(GError) error = NULL;

      nb_import_read_bytes (import, bytes, kinds[k], &error);
      /* Markup can carry any number as an entity; the text reader must not invent. */
      if (kinds[k] == NB_IMPORT_TEXT)
        exercise (import, (const char *) data, size);
      else if (nb_import_get_report (import))
        nb_fuzz_check_spans (nb_import_get_report (import), "fuzz-import");
    }
  return 0;
}

NB_FUZZ_ENTRY (nb_fuzz_import)
