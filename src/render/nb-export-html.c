/* nb-export-html.c — HTML export (owned by the HTML work: replace this placeholder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-export.h"

char *
nb_html_render (NbReport *report, gboolean fragment)
{
  return NULL;
}

gboolean
nb_export_html (NbReport *report, GFile *file, gboolean fragment, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("HTML export is not available yet"));
  return FALSE;
}
