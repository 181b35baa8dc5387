/* nb-finding-location.c — where a finding is, in words for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-location.h"
#include "nb-session.h"

char *
nb_finding_describe_location (const NbFinding *finding)
{
  guint entry = nb_session_entry_for_location (finding->where);

  if (finding->cell >= 0)
    {
      const NbCellDef *cell = nb_format_cell (finding->cell);
      const NbSectionDef *section = nb_format_section (entry - 1);

      return g_strdup_printf ("%s · %s%s%s · %s%s%s", section->ordinal,
                              cell->row_group ? cell->row_group : "",
                              cell->row_group ? " " : "", cell->row_label,
                              cell->col_group ? cell->col_group : "",
                              cell->col_group ? " " : "", cell->col_label);
    }
  if (entry > 0)
    {
      const char *title = nb_format_section (entry - 1)->title;

      if (entry == 1 && finding->part >= 0)
        return g_strdup_printf (_("%s, part %d"), title, finding->part + 1);
      return g_strdup (title);
    }
  return g_strdup (_("Report information"));
}
