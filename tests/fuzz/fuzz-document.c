/* fuzz-document.c — the .nianbao loader as a fuzz target (see nb-fuzz.h)
 *
 * Any bytes either load or are refused with a message naming the file; what loads must
 * save and load again to the same bytes (a save never loses what a load accepted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

#include <stdlib.h>

#include "nb-document.h"

int
nb_fuzz_document (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  report = nb_document_parse ((const char *) data, (gssize) size, "fuzz.nianbao", &error);
  if (report == NULL)
    {
      if (error == NULL || error->domain != NB_DOCUMENT_ERROR ||
          !g_str_has_prefix (error->message, "fuzz.nianbao: ") ||
          !g_utf8_validate (error->message, -1, NULL))
        {
          g_printerr ("fuzz-document: a refusal without a proper message\n");
          abort ();
        }
      return 0;
    }
  nb_fuzz_check_spans (report, "fuzz-document");
  nb_fuzz_round_trip (report, "fuzz-document");
  return 0;
}

NB_FUZZ_ENTRY (nb_fuzz_document)
