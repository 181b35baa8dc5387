/* nb-zip-writer.c — ZIP in memory over libarchive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>

#include "nb-zip-writer.h"

struct _NbZipWriter {
  struct archive *archive;
  GByteArray     *bytes;
  gint64          mtime;
  gboolean        failed;       /* libarchive refused once: the archive is unusable */
};

static la_ssize_t
append_cb (struct archive *archive, void *data, const void *buffer, size_t length)
{
  NbZipWriter *self = data;

  g_byte_array_append (self->bytes, buffer, (guint) length);
  return (la_ssize_t) length;
}

static gboolean
archive_failed (NbZipWriter *self, GError **error)
{
  const char *message = archive_error_string (self->archive);

  self->failed = TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "ZIP: %s",
               message ? message : "libarchive failed");
  return FALSE;
}

NbZipWriter *
nb_zip_writer_new (gint64 mtime)
{
  NbZipWriter *self = g_new0 (NbZipWriter, 1);

  self->bytes = g_byte_array_new ();
  /* MS-DOS dates, which ZIP entries carry, start in 1980. */
  self->mtime = MAX (mtime, G_GINT64_CONSTANT (315532800));
  self->archive = archive_write_new ();
  /* No padding of the last block: a ZIP ends with its directory, not with zeros. */
  if (archive_write_set_format_zip (self->archive) != ARCHIVE_OK ||
      archive_write_set_options (self->archive, "zip:compression=deflate") != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block (self->archive, 1) != ARCHIVE_OK ||
      archive_write_open (self->archive, self, NULL, append_cb, NULL) != ARCHIVE_OK)
    self->failed = TRUE;
  return self;
}

gboolean
nb_zip_writer_add (NbZipWriter *self, const char *name, const void *data, gsize length,
                   GError **error)
{
  struct archive_entry *entry;
  gboolean ok;

  if (self->failed)
    return archive_failed (self, error);
  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, (time_t) self->mtime, 0);
  archive_entry_set_uid (entry, 0);
  archive_entry_set_gid (entry, 0);
  ok = archive_write_header (self->archive, entry) == ARCHIVE_OK &&
       archive_write_data (self->archive, data, length) == (la_ssize_t) length &&
       archive_write_finish_entry (self->archive) == ARCHIVE_OK;
  archive_entry_free (entry);
  return ok ? TRUE : archive_failed (self, error);
}

GBytes *
nb_zip_writer_finish (NbZipWriter *self, GError **error)
{
  if (self->failed || archive_write_close (self->archive) != ARCHIVE_OK)
    {
      archive_failed (self, error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&self->bytes));
}

void
nb_zip_writer_free (NbZipWriter *self)
{
  if (self == NULL)
    return;
  archive_write_free (self->archive);
  if (self->bytes)
    g_byte_array_unref (self->bytes);
  g_free (self);
}
