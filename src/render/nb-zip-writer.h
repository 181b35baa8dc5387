/* nb-zip-writer.h — a ZIP archive built in memory (libarchive), for the .docx export
 *
 * Entries are deflated, owned by nobody (uid/gid 0, mode 0644) and dated @mtime (Unix
 * seconds; 1980 at the earliest, as ZIP's dates start then), so the same parts give the same
 * bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NbZipWriter NbZipWriter;

NbZipWriter *nb_zip_writer_new    (gint64        mtime);
/* Adds the entry @name (a relative path, '/'-separated) with @length bytes of @data. */
gboolean     nb_zip_writer_add    (NbZipWriter  *self,
                                   const char   *name,
                                   const void   *data,
                                   gsize         length,
                                   GError      **error);
/* Writes the central directory and returns the whole archive. */
GBytes      *nb_zip_writer_finish (NbZipWriter  *self,
                                   GError      **error);
void         nb_zip_writer_free   (NbZipWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbZipWriter, nb_zip_writer_free)

G_END_DECLS
