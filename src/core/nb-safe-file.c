/* nb-safe-file.c — atomic writes with a backup, bounded reads (see nb-safe-file.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-safe-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* “.report.nianbao.nbtmp-XXXXXX”: hidden, and recognisable as ours when left behind. */
#define TEMP_INFIX ".nbtmp-"

static gboolean
set_errno_error (GError **error, int saved)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
  return FALSE;
}

/* A folder we may not create a file in: say so, not “Permission denied” alone. */
static gboolean
set_folder_error (GError **error, const char *dir, int saved)
{
  if (saved != EACCES && saved != EPERM && saved != EROFS)
    return set_errno_error (error, saved);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("the folder “%s” is read-only or you may not write in it"), dir);
  return FALSE;
}

void
nb_safe_file_set_too_large (GError **error, guint64 size, gsize limit)
{
  g_autofree char *have = g_format_size (size);
  g_autofree char *most = g_format_size (limit);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("the file is too large (%s; no report is larger than %s)"), have, most);
}

/* ---- Leftovers ---------------------------------------------------------------------------- */

/* A writer holds an exclusive flock on its temporary until the rename: a temporary whose
 * lock can be taken belongs to a process that died. It is removed only while its name
 * still points to the locked file (a finished rename moved it onto the target). */
static void
remove_if_abandoned (const char *path)
{
  struct stat held, named;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &held) == 0 && S_ISREG (held.st_mode) &&
      lstat (path, &named) == 0 && named.st_ino == held.st_ino && named.st_dev == held.st_dev)
    g_unlink (path);
  close (fd);
}

/* “.NAME.nbtmp-XXXXXX” */
static gboolean
is_temporary_name (const char *name)
{
  const char *infix = strstr (name, TEMP_INFIX);

  return name[0] == '.' && infix && infix > name + 1 && strlen (infix) == strlen (TEMP_INFIX) + 6;
}

static void
remove_leftovers_in (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    if (is_temporary_name (name))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        remove_if_abandoned (path);
      }
}

/* ---- Writing ------------------------------------------------------------------------------ */

/* Follows a chain of symlinks to the file that is to be replaced (which may not exist yet:
 * a dangling link is written through, as a shell redirection would). */
static char *
resolve_links (const char *path, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *link = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if (!(link = g_file_read_link (current, NULL)))
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *relative = g_steal_pointer (&link);

          link = g_build_filename (dir, relative, NULL);
          g_free (relative);
        }
      g_free (current);
      current = g_steal_pointer (&link);
    }
  return set_errno_error (error, ELOOP), NULL;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

/* /dev/null, /dev/stdout, a FIFO: written in place; replacing them would be wrong. */
static gboolean
write_in_place (const char *path, const char *data, gsize length, GError **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  int saved;

  if (fd < 0)
    return set_errno_error (error, errno);
  if (!write_all (fd, data, length))
    {
      saved = errno;
      close (fd);
      return set_errno_error (error, saved);
    }
  if (close (fd) != 0 && errno != EINTR)
    return set_errno_error (error, errno);
  return TRUE;
}

/* A new temporary beside @target, locked (see remove_if_abandoned). */
static int
open_temporary (const char *target, char **temp_out, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *temp = g_strdup_printf ("%s/.%s" TEMP_INFIX "XXXXXX", dir, base);
      int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
      struct stat st;

      if (fd < 0)
        return set_folder_error (error, dir, errno), -1;
      /* Another process's clean-up may have taken it between creation and lock. */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        {
          close (fd);
          continue;
        }
      if (fstat (fd, &st) == 0 && st.st_nlink == 0)
        {
          close (fd);
          continue;
        }
      *temp_out = g_steal_pointer (&temp);
      return fd;
    }
  set_errno_error (error, EEXIST);
  return -1;
}

/* The previous version as “@target~”: a second name for the old file, so no moment is
 * without the target; a rename where hard links are not supported (FAT, some FUSE). */
static gboolean
keep_backup (const char *target, GError **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_errno_error (error, errno);
  if (link (target, backup) == 0)
    return TRUE;
  if (errno == EPERM || errno == EXDEV || errno == EMLINK || errno == ENOTSUP ||
      errno == ENOSYS || errno == EOPNOTSUPP)
    {
      if (g_rename (target, backup) == 0)
        return TRUE;
    }
  return set_errno_error (error, errno);
}

/* The rename is on disk only once the folder is synced. Folders some file systems cannot
 * sync (EINVAL) are left as they are. */
static gboolean
sync_folder (const char *target, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved = 0;

  if (fd < 0)
    return TRUE;
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    saved = errno;
  close (fd);
  return saved ? set_errno_error (error, saved) : TRUE;
}

static gboolean
write_local (const char *path, const char *data, gsize length, NbSafeFileFlags flags,
             GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean exists;
  int fd, saved;

  if (stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return set_errno_error (error, EISDIR);
      if (!S_ISREG (st.st_mode))
        return write_in_place (path, data, length, error);
    }
  if (!(target = resolve_links (path, error)))
    return FALSE;
  exists = stat (target, &st) == 0;
  {
    g_autofree char *dir = g_path_get_dirname (target);

    remove_leftovers_in (dir);
  }
  if ((fd = open_temporary (target, &temp, error)) < 0)
    return FALSE;

  /* The replacement keeps the file's permissions (a 0600 report stays private) and, when
   * we may, its owner. */
  if (exists)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto failed;
      /* Only root may give a file away; otherwise the owner is us and the mode holds. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("keeping the owner of %s: %s", target, g_strerror (errno));
    }
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if ((flags & NB_SAFE_FILE_BACKUP) && exists && !keep_backup (target, error))
    {
      close (fd);
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, target) != 0)
    goto failed;
  /* Closing releases the lock only now: the temporary's name is gone already. */
  if (close (fd) != 0 && errno != EINTR)
    return set_errno_error (error, errno);
  return sync_folder (target, error);

failed:
  saved = errno;
  close (fd);
  g_unlink (temp);
  return set_errno_error (error, saved);
}

gboolean
nb_safe_file_write (GFile *file, const char *data, gsize length, NbSafeFileFlags flags,
                    GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if ((path = g_file_get_path (file)) != NULL)
    return write_local (path, data ? data : "", length, flags, error);
  /* Elsewhere (GVfs) the backend writes beside the target and renames it over. */
  return g_file_replace_contents (file, data ? data : "", length, NULL,
                                  (flags & NB_SAFE_FILE_BACKUP) != 0, G_FILE_CREATE_NONE, NULL,
                                  NULL, error);
}

/* Once per folder and process: a batch check of 2,000 reports in one folder must not list
 * it 2,000 times. */
void
nb_safe_file_remove_leftovers (GFile *file)
{
  static GHashTable *cleaned;
  G_LOCK_DEFINE_STATIC (cleaned);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  gboolean first;

  if (!path || !(target = resolve_links (path, NULL)))
    return;
  dir = g_path_get_dirname (target);
  G_LOCK (cleaned);
  if (!cleaned)
    cleaned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = g_hash_table_add (cleaned, g_strdup (dir));
  G_UNLOCK (cleaned);
  if (first)
    remove_leftovers_in (dir);
}

/* ---- Reading ------------------------------------------------------------------------------ */

static gboolean
set_not_regular_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("it is not a regular file (a folder, pipe or device cannot be read)"));
  return FALSE;
}

/* O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it. */
static GBytes *
read_local (const char *path, gsize limit, GError **error)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  g_autoptr(GByteArray) bytes = NULL;
  struct stat st;
  int saved;

  if (fd < 0)
    return set_errno_error (error, errno), NULL;
  if (fstat (fd, &st) != 0)
    goto failed;
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return set_not_regular_error (error), NULL;
    }
  if ((guint64) st.st_size > limit)
    {
      close (fd);
      return nb_safe_file_set_too_large (error, st.st_size, limit), NULL;
    }
  /* The size is only a hint: the file may grow while it is read. */
  bytes = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > limit)
        {
          close (fd);
          return nb_safe_file_set_too_large (error, bytes->len + (gsize) n, limit), NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

failed:
  saved = errno;
  close (fd);
  return set_errno_error (error, saved), NULL;
}

static GBytes *
read_remote (GFile *file, gsize limit, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return set_not_regular_error (error), NULL;
  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > limit)
        return nb_safe_file_set_too_large (error, bytes->len + (gsize) n, limit), NULL;
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
nb_safe_file_read (GFile *file, gsize limit, GCancellable *cancellable, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((path = g_file_get_path (file)) != NULL)
    return read_local (path, limit, error);
  return read_remote (file, limit, cancellable, error);
}
