/* nb-fuzz.h — the fuzz targets, one per input parser, and the invariants they share
 *
 * Each nb_fuzz_<target> takes any bytes and aborts when an invariant breaks. Built with
 * -Dfuzzing=true (clang), tests/fuzz/meson.build links each into a libFuzzer executable
 * fuzz-<target> (NB_FUZZ_MAIN defines LLVMFuzzerTestOneInput); in the ordinary suite,
 * test-fuzz-corpus runs them over the seed corpora and every input that ever crashed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "nb-import.h"

G_BEGIN_DECLS

/* Text, HTML and sniffed imports; values found are in the input; checks; round trip. */
int       nb_fuzz_import           (const uint8_t *data,
                                    size_t         size);
/* A .nianbao document: loads or is refused; what loads saves and reloads to the same bytes. */
int       nb_fuzz_document         (const uint8_t *data,
                                    size_t         size);
/* A PDF through poppler (the module of nb-pdf-text.h) and the importer. */
int       nb_fuzz_import_pdf       (const uint8_t *data,
                                    size_t         size);
/* Figures in prose: spans inside the text, clauses and sentences around them. */
int       nb_fuzz_narrative        (const uint8_t *data,
                                    size_t         size);

/* Whether every value the importer says it found is a number written in @input (the
 * importer never invents one). On FALSE, *@bad names the first cell that is not. */
gboolean  nb_fuzz_values_in_input  (NbImport      *import,
                                    const char    *input,
                                    gsize          length,
                                    const char   **bad);

/* The checks run with every span inside its field. @who names the target in the message
 * before abort(). */
void      nb_fuzz_check_spans      (NbReport      *report,
                                    const char    *who);
/* The report saves, loads and saves again to the same bytes. */
void      nb_fuzz_round_trip       (NbReport      *report,
                                    const char    *who);

#ifdef NB_FUZZ_MAIN
#define NB_FUZZ_ENTRY(target) \
  int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size); \
  int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) { return target (data, size); }
#else
#define NB_FUZZ_ENTRY(target)
#endif

G_END_DECLS
