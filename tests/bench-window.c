/* bench-window.c — the window's resident memory through a working session (never a test)
 *
 * Prints, in MiB: after the first frame with the sample; after visiting every page,
 * 预览 included; before and after 20 cycles of edit / undo / export PDF, and the growth.
 * build-aux/bench.sh runs it under Xvfb beside GNOME Text Editor's figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>

#include "nb-bench-util.h"
#include "nb-preview.h"
#include "test-window-utils.h"

int
main (int argc, char **argv)
{
  static const char *const pages[] = {
    "info", "s1", "s2", "s3", "s4", "s5", "s6", "findings", "preview",
  };
  g_autofree char *tmp = nb_test_init (&argc, &argv);
  g_autofree char *pdf = g_build_filename (tmp, "bench.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  NbWindow *window = nb_test_open_sample (1200, 800);
  NbSession *session = nb_window_get_session (window);
  int cell = nb_format_cell_index ("s3.new.np");
  double before, after_first = 0;

  nb_test_spin (500);
  printf ("first window with the sample   %6.1f MiB\n", nb_bench_rss_mib ());
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      nb_window_show_page (window, pages[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      if (g_getenv ("NB_BENCH_STEPS") != NULL)
        printf ("  page %-10s                %6.1f MiB\n", pages[i], nb_bench_rss_mib ());
    }
  /* The preview lays the pages out after a pause; give it the time. */
  nb_test_spin (1500);
  printf ("after every page (预览 too)      %6.1f MiB\n", nb_bench_rss_mib ());

  /* Typing happens in table 三; the preview lays out again in the background. */
  nb_window_show_page (window, "s3");
  nb_test_spin (1500);
  before = nb_bench_rss_mib ();
  printf ("settled on table 三             %6.1f MiB (heap in use %.1f MiB)\n", before,
          nb_bench_heap_mib ());
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", 50 + i);

      nb_session_edit_cell (session, cell, text);
      nb_session_seal (session);
      nb_session_undo (session);
      /* NB_BENCH_NO_EXPORT: the edits alone, to tell where memory goes. */
      if (g_getenv ("NB_BENCH_NO_EXPORT") == NULL && !nb_window_export_to (window, "pdf", file, NULL))
        {
          printf ("PDF export failed\n");
          break;
        }
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      /* The first export maps the export fonts' pages and fills cairo's caches once; what
       * the later cycles add is what would grow through a day of work. */
      if (i == 0)
        after_first = nb_bench_rss_mib ();
      if (i == 0 || g_getenv ("NB_BENCH_STEPS") != NULL)
        printf ("  cycle %2u                     %6.1f MiB (heap in use %.1f MiB)\n", i + 1,
                nb_bench_rss_mib (), nb_bench_heap_mib ());
    }
  nb_test_spin (1500);
  printf ("20 × edit / undo / export PDF  %6.1f MiB (growth %+.1f MiB; heap in use %.1f MiB)\n",
          nb_bench_rss_mib (), nb_bench_rss_mib () - before, nb_bench_heap_mib ());
  printf ("  of which the first export      %+6.1f MiB, cycles 2–20 %+.1f MiB\n",
          after_first - before, nb_bench_rss_mib () - after_first);
  /* What the allocator keeps but no one uses: a leak would stay after this. */
  malloc_trim (0);
  printf ("  after malloc_trim            %6.1f MiB (growth %+.1f MiB)\n", nb_bench_rss_mib (),
          nb_bench_rss_mib () - before);
  g_unlink (pdf);
  gtk_window_destroy (GTK_WINDOW (window));
  nb_test_finish (tmp);
  return 0;
}
