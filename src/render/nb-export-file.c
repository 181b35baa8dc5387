/* nb-export-file.c — exports go through the one safe writer (nb-safe-file.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-export-private.h"
#include "nb-safe-file.h"

void
nb_export_set_write_error (GError **error, GFile *file, GQuark domain, int code,
                           const char *reason)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* TRANSLATORS: the file, then why (“Permission denied”) */
  g_set_error (error, domain, code, _("Cannot write “%s”: %s"), name, reason);
}

/* Atomic, mode kept, written through a symlink and into a device (/dev/null) rather than
 * replacing it; no backup: an export is made again from the report. */
gboolean
nb_export_write_file (GFile *file, const char *data, gsize length, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (nb_safe_file_write (file, data, length, NB_SAFE_FILE_NONE, &local_error))
    return TRUE;
  nb_export_set_write_error (error, file, local_error->domain, local_error->code,
                             local_error->message);
  return FALSE;
}
