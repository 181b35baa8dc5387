/* nb-level-year.c — the agency level and year choices every form offers
 *
 * 报告信息 and the new-report dialog ask the same two questions; one list of levels and one
 * range of years keeps them from drifting apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-format.h"
#include "nb-level-year.h"

void
nb_level_year_setup (AdwComboRow *level, GtkSpinButton *year)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  int first, last;

  for (guint l = 0; l < NB_N_LEVELS; l++)
    gtk_string_list_append (levels, nb_format_level_name (l));
  adw_combo_row_set_model (level, G_LIST_MODEL (levels));
  nb_format_year_range (&first, &last);
  gtk_spin_button_set_range (year, first, last);
}
