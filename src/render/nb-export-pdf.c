/* nb-export-pdf.c — PDF export (owned by the PDF work: replace this placeholder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-export.h"

gboolean
nb_export_pdf (NbReport *report, GFile *file, NbPdfOptions *options, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("PDF export is not available yet"));
  return FALSE;
}
