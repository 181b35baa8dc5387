/* nb-export-json.c — JSON export (owned by the HTML/JSON work: replace this placeholder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-export.h"

gboolean
nb_export_json (NbReport *report, GFile *file, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("JSON export is not available yet"));
  return FALSE;
}
