/* bench-core.c — in-process cost of loading and checking the sample
 *
 * Prints figures (medians over many runs), never pass/fail: speed is measured here, not
 * asserted in tests. Run by build-aux/bench.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "nb-checks.h"
#include "nb-document.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *samples, guint n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[n / 2];
}

int
main (int argc, char **argv)
{
  enum { RUNS = 2000 };
  g_autofree char *data = NULL;
  g_autofree double *load = g_new (double, RUNS);
  g_autofree double *recheck = g_new (double, RUNS);
  g_autofree double *tables = g_new (double, RUNS);
  const NbCheckOptions tables_only = { .tables_only = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  int np = nb_format_cell_index ("s3.new.np");
  gsize length;

  if (argc < 2 || !g_file_get_contents (argv[1], &data, &length, &error))
    {
      g_printerr ("usage: bench-core SAMPLE.nianbao\n");
      return 2;
    }

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NbReport) r = nb_document_parse (data, length, "sample", &error);
      g_autoptr(GPtrArray) findings = nb_checks_run (r, NULL);

      load[i] = (double) (g_get_monotonic_time () - start);
    }

  /* One keystroke in the editor: a cell changes, totals follow, derived figures and all
   * checks run again. */
  report = nb_document_parse (data, length, "sample", &error);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      NbDerived derived;
      g_autoptr(GPtrArray) findings = NULL;

      nb_report_set_value (report, np, 48 + (i & 1));
      nb_report_update_totals (report);
      nb_derived_compute (&derived, report);
      findings = nb_checks_run (report, NULL);
      recheck[i] = (double) (g_get_monotonic_time () - start);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      NbDerived derived;
      g_autoptr(GPtrArray) findings = NULL;

      nb_report_set_value (report, np, 48 + (i & 1));
      nb_report_update_totals (report);
      nb_derived_compute (&derived, report);
      findings = nb_checks_run (report, &tables_only);
      tables[i] = (double) (g_get_monotonic_time () - start);
    }

  printf ("load + check of the sample, in process:        %8.1f µs (median of %d)\n",
          median (load, RUNS), RUNS);
  printf ("edit + totals + derived + form and table rules: %8.1f µs (median of %d)\n",
          median (tables, RUNS), RUNS);
  printf ("edit + totals + derived + all rules (prose too): %8.1f µs (median of %d)\n",
          median (recheck, RUNS), RUNS);
  return 0;
}
