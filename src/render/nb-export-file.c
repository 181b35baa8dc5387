/* nb-export-file.c — atomic writes for the export writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "nb-export-private.h"

void
nb_export_set_write_error (GError **error, GFile *file, GQuark domain, int code,
                           const char *reason)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* TRANSLATORS: the file, then why (“Permission denied”) */
  g_set_error (error, domain, code, _("Cannot write “%s”: %s"), name, reason);
}

static gboolean
errno_error (GError **error, GFile *file, int saved)
{
  nb_export_set_write_error (error, file, G_IO_ERROR, g_io_error_from_errno (saved),
                             g_strerror (saved));
  return FALSE;
}

/* A local file: a hidden temporary beside it, written, synced and renamed over it, so
 * the error can say why in the system's words and name the target, not the temporary. */
static gboolean
write_local (GFile *file, const char *path, const char *data, gsize length, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  int saved;

  if (fd < 0)
    return errno_error (error, file, errno);
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      done += (gsize) n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (temp, path) != 0)
    goto failed;
  return TRUE;

failed:
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  return errno_error (error, file, saved);
}

gboolean
nb_export_write_file (GFile *file, const char *data, gsize length, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) != NULL)
    return write_local (file, path, data, length, error);
  /* Elsewhere (GVfs), g_file_replace_contents also writes beside the target and renames
   * over it: a crash or a full disk never leaves half an export where the old one was. */
  if (g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                               &local_error))
    return TRUE;
  nb_export_set_write_error (error, file, local_error->domain, local_error->code,
                             local_error->message);
  return FALSE;
}
