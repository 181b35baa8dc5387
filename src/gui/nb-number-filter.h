/* nb-number-filter.h — keeps a number entry to digits (and one decimal point for money)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-format.h"

G_BEGIN_DECLS

/* Filters what is typed or pasted into @editable (a GtkText, or a GtkEntry and the like
 * through its delegate): full-width characters become ASCII, thousands separators between
 * digits are dropped, and an insertion that still holds anything else is refused as a
 * whole with the error bell. A count takes digits only; money (万元) takes at most one
 * decimal point in the whole text and at most four decimals.
 *
 * Text inserted while @editable carries the object data "nb-updating" (a refresh from the
 * model) is let through unchanged. When @leave is not NULL it is called with @user_data
 * whenever the focus leaves @editable, to show the stored value again. */
void      nb_number_filter_attach    (GtkEditable *editable,
                                      NbUnit       unit,
                                      GCallback    leave,
                                      gpointer     user_data);

G_END_DECLS
