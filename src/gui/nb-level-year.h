/* nb-level-year.h — the agency level and year choices every form offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Fills @level with the format's agency levels and limits @year to the years a report in
 * the 2021 format can exist for (nb_format_year_range). */
void nb_level_year_setup (AdwComboRow *level, GtkSpinButton *year);

G_END_DECLS
