/* nb-export-file.c — atomic writes for the export writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-export-private.h"

gboolean
nb_export_write_file (GFile *file, const char *data, gsize length, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* g_file_replace_contents writes beside the target and renames over it: a crash or a
   * full disk never leaves half an export where the old one was. */
  if (g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                               &local_error))
    return TRUE;
  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code, _("Could not write “%s”: %s"),
               name, local_error->message);
  return FALSE;
}
