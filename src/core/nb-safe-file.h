/* nb-safe-file.h — the one way Nianbao writes a file, and reads one with a bound
 *
 * Writing: a temporary file beside the target (after following symlinks), written,
 * fsynced, given the target's mode, and renamed over it; with a backup, the previous
 * version stays as “NAME~” (a hard link, else a rename — never a copy); then the folder is
 * fsynced. Any failure removes the temporary and leaves the target as it was. A device or
 * FIFO target (/dev/null, /dev/stdout) is written in place, never replaced by a plain file.
 * A temporary left by a killed process is removed the next time a file is written in its
 * folder or a document there is opened.
 *
 * Reading: regular files only (a FIFO or a device is refused at once, without blocking),
 * and at most @limit bytes.
 *
 * Errors are G_IO_ERROR with a message that gives the reason only; callers name the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* No report, text or HTML page comes near these; a PDF with scanned pages may be large. */
#define NB_SAFE_FILE_MAX_TEXT ((gsize) 20 * 1024 * 1024)
#define NB_SAFE_FILE_MAX_PDF  ((gsize) 100 * 1024 * 1024)

typedef enum {
  NB_SAFE_FILE_NONE   = 0,
  NB_SAFE_FILE_BACKUP = 1 << 0,   /* keep the previous version as “NAME~” */
} NbSafeFileFlags;

gboolean  nb_safe_file_write             (GFile            *file,
                                          const char       *data,
                                          gsize             length,
                                          NbSafeFileFlags   flags,
                                          GError          **error);

GBytes   *nb_safe_file_read              (GFile            *file,
                                          gsize             limit,
                                          GCancellable     *cancellable,
                                          GError          **error);

/* Sets “the file is too large (SIZE; at most LIMIT)”. */
void      nb_safe_file_set_too_large     (GError          **error,
                                          guint64           size,
                                          gsize             limit);

/* Removes the temporaries of @file's folder whose writer has died (see above); each
 * folder is looked at once per process. */
void      nb_safe_file_remove_leftovers  (GFile            *file);

G_END_DECLS
