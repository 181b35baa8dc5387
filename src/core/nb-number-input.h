/* nb-number-input.h — what a number cell accepts of typed or pasted text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-format.h"

G_BEGIN_DECLS

/* The text an insertion of @text at @position into @current leaves, normalized, or NULL
 * when the insertion must be refused: full-width characters become ASCII, thousands
 * separators between digits are dropped; a count takes digits only, money (万元) at most
 * one decimal point in the whole text and at most four decimals. */
char     *nb_number_input_normalize (const char  *current,
                                     int          position,
                                     const char  *text,
                                     gssize       length,
                                     NbUnit       unit);

G_END_DECLS
