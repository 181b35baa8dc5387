/* bench-pdf-memory.c — resident memory over repeated PDF exports in one process (never a test)
 *
 * Exports the sample N times (default 30) as the window does, one report kept open, and
 * prints resident memory and the heap in use (mallinfo2) every 5 exports: what stays after
 * each export is what a long editing session accumulates. With --edit, a character of the
 * body text changes before each export (a new glyph each time: no font subset can be
 * reused). Run by build-aux/bench.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>

#include "nb-bench-util.h"
#include "nb-document.h"
#include "nb-export.h"

static void
print_memory (const char *what)
{
  printf ("%-22s RSS %6.1f MiB, heap in use %6.1f MiB, free in heap %6.1f MiB\n", what,
          nb_bench_rss_mib (), nb_bench_heap_mib (), mallinfo2 ().fordblks / 1048576.0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;
  guint n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 30;
  gboolean edit = argc > 3 && g_str_equal (argv[3], "--edit");
  g_autofree char *s5 = NULL;

  if (argc < 2 || !g_file_get_contents (argv[1], &data, &length, &error) ||
      !(report = nb_document_parse (data, length, argv[1], &error)))
    {
      fprintf (stderr, "usage: bench-pdf-memory SAMPLE [N [--edit]]: %s\n", error ? error->message : "");
      return 1;
    }
  s5 = g_strdup (nb_report_get_text (report, NB_TEXT_S5));
  dir = g_dir_make_tmp ("nb-bench-XXXXXX", &error);
  path = g_build_filename (dir, "bench.pdf", NULL);
  file = g_file_new_for_path (path);
  print_memory ("before");
  for (guint i = 1; i <= n; i++)
    {
      NbPdfOptions options = { NULL };

      if (edit)
        {
          /* 一 U+4E00 onwards: CJK ideographs every body font has, one new per export. */
          char ideograph[8] = { 0 };
          g_autofree char *text = NULL;

          g_unichar_to_utf8 (0x4E00 + 37 * i, ideograph);
          text = g_strconcat (s5, ideograph, NULL);
          nb_report_set_text (report, NB_TEXT_S5, text);
        }
      if (!nb_export_pdf (report, file, &options, &error))
        {
          fprintf (stderr, "export failed: %s\n", error->message);
          return 1;
        }
      g_strfreev (options.resolved_fonts);
      if (i == 1 || i % 5 == 0)
        {
          g_autofree char *what = g_strdup_printf ("after export %u", i);

          print_memory (what);
        }
    }
  /* What the allocator keeps but no one uses: a leak would stay after this. */
  malloc_trim (0);
  print_memory ("after malloc_trim");
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
