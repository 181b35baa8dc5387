/* nb-test-faults.c — see nb-test-faults.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* open and open64 are two symbols here, both replaced. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include "nb-test-faults.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean armed;
static NbTestFaults faults;

void
nb_test_faults_arm (const NbTestFaults *f)
{
  faults = *f;
  armed = TRUE;
}

void
nb_test_faults_disarm (void)
{
  armed = FALSE;
}

static gboolean
is_regular (int fd)
{
  struct stat st;

  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

ssize_t
write (int fd, const void *data, size_t length)
{
  static ssize_t (*real) (int, const void *, size_t);

  if (!real)
    real = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");
  if (armed && faults.write_errno && faults.write_budget >= 0 && is_regular (fd))
    {
      if (faults.write_budget == 0)
        {
          errno = faults.write_errno;
          return -1;
        }
      /* A nearly full disk takes part of the write, then refuses the rest. */
      length = MIN (length, (size_t) faults.write_budget);
      faults.write_budget -= (gssize) length;
    }
  return real (fd, data, length);
}

static int
fail_sync (int fd, const char *name)
{
  int (*real) (int) = (int (*) (int)) dlsym (RTLD_NEXT, name);

  if (armed && faults.fsync_errno && is_regular (fd))
    {
      errno = faults.fsync_errno;
      return -1;
    }
  return real (fd);
}

int
fsync (int fd)
{
  return fail_sync (fd, "fsync");
}

int
fdatasync (int fd)
{
  return fail_sync (fd, "fdatasync");
}

static int
open_with (const char *name, const char *path, int flags, va_list args)
{
  int (*real) (const char *, int, ...) = (int (*) (const char *, int, ...)) dlsym (RTLD_NEXT, name);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg (args, mode_t) : 0;

  if (armed && faults.create_errno && (flags & O_CREAT))
    {
      errno = faults.create_errno;
      return -1;
    }
  return real (path, flags, mode);
}

/* open() and open64() alike: GLib calls one or the other depending on how it was built. */
#define DEFINE_OPEN(name) \
  int name (const char *path, int flags, ...); \
  int name (const char *path, int flags, ...) \
  { \
    va_list args; \
    int fd; \
    va_start (args, flags); \
    fd = open_with (#name, path, flags, args); \
    va_end (args); \
    return fd; \
  }

DEFINE_OPEN (open)
DEFINE_OPEN (open64)
