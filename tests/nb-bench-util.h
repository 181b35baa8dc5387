/* nb-bench-util.h — memory figures for the benchmarks (never for tests: no asserts on them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The process's resident memory (VmRSS) in MiB, or -1. */
double nb_bench_rss_mib  (void);
/* What malloc has handed out and not had back, in MiB (mallinfo2's uordblks): unlike RSS,
 * it does not count memory the allocator keeps free. */
double nb_bench_heap_mib (void);

G_END_DECLS
