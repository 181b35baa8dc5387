/* nb-pdf-subset-private.h — what the tests see of the font subsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-pdf-subset.h"

G_BEGIN_DECLS

/* How many subset fonts the process has made: an export of the same text as the last one
 * makes none (it takes over the last export's, see nb-pdf-subset.c). */
guint nb_font_subsets_get_n_made (void);

G_END_DECLS
