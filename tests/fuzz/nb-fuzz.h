/* nb-fuzz.h — the importer's fuzz entry point and the invariant it checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "nb-import.h"

G_BEGIN_DECLS

/* libFuzzer's entry point: imports @data as text, as HTML and by sniffing, runs the
 * checks and a save/load round trip on what was read; aborts when an invariant breaks. */
int       LLVMFuzzerTestOneInput   (const uint8_t *data,
                                    size_t         size);

/* Whether every value the importer says it found is a number written in @input (the
 * importer never invents one). On FALSE, *@bad names the first cell that is not. */
gboolean  nb_fuzz_values_in_input  (NbImport      *import,
                                    const char    *input,
                                    gsize          length,
                                    const char   **bad);

G_END_DECLS
