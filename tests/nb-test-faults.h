/* nb-test-faults.h — a full disk, a failing disk and a read-only folder, on demand
 *
 * nb-test-faults.c defines write(), fsync() and open() in the test executable, where they
 * take precedence over the C library's for our code and for GLib's alike (so the same test
 * fails against code that writes through GIO). Unarmed, they pass every call through.
 * Only regular files are affected: TAP output on a pipe is left alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

typedef struct {
  gssize write_budget;   /* bytes written before write() fails with write_errno; −1: no limit */
  int    write_errno;    /* ENOSPC: the disk is full */
  int    fsync_errno;    /* EIO: fsync fails */
  int    create_errno;   /* EACCES: creating a file fails (a read-only folder, even as root) */
} NbTestFaults;

void  nb_test_faults_arm     (const NbTestFaults *faults);
void  nb_test_faults_disarm  (void);
