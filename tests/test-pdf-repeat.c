/* test-pdf-repeat.c — many PDF exports in one process, as in a long editing session
 *
 * cairo keeps each font it made, with the outline of every glyph it wrote, for a while
 * after the font is freed. New subset fonts for every export of unchanged text made the
 * window grow by about 2 MB per export (issue 10's edit / undo / export cycles). An
 * export whose faces draw the glyphs of the last export makes no new subset font, and its
 * bytes do not depend on what was exported before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-export.h"
#include "nb-page-layout.h"
#include "nb-pdf-subset-private.h"
#include "nb-test-util.h"

/* Exports @report to a temporary file and returns the PDF's bytes. */
static GBytes *
export_bytes (NbReport *report)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("nb-pdf-repeat-XXXXXX.pdf", &stream, &error);
  NbPdfOptions options = { NULL };
  g_autofree char *path = NULL;
  char *data = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (nb_export_pdf (report, file, &options, &error));
  g_assert_no_error (error);
  g_strfreev (options.resolved_fonts);
  path = g_file_get_path (file);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_file_delete (file, NULL, NULL);
  return g_bytes_new_take (data, length);
}

/* The resident pages of the font files mapped into this process, in KiB (from smaps). */
static guint64
font_pages_kib (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean font = FALSE;
  guint64 kib = 0;

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_ascii_isxdigit (lines[i][0]) && strchr (lines[i], '-') != NULL && strchr (lines[i], ' ') != NULL)
        font = g_str_has_suffix (lines[i], ".ttc") || g_str_has_suffix (lines[i], ".otf") ||
               g_str_has_suffix (lines[i], ".ttf");
      else if (font && g_str_has_prefix (lines[i], "Rss:"))
        kib += g_ascii_strtoull (lines[i] + 4, NULL, 10);
    }
  return kib;
}

/* The window shows the report in 预览 before it is exported: the fonts' outlines are
 * resident already. Subsetting reads megabytes more of each CJK font; read through
 * Pango's mapping of the file, which lives as long as the process, those pages stayed
 * resident after the export (≈10 MB for the sample). Run first, in a fresh process. */
static void
test_font_pages (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbPageLayout) layout = nb_page_layout_new (report, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 850);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) pdf = NULL;
  guint64 shown, exported;

  /* A process of its own: no export before this one. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  cairo_scale (cr, 600 / NB_PAGE_WIDTH_PT, 600 / NB_PAGE_WIDTH_PT);
  for (guint i = 0; i < nb_page_layout_get_n_pages (layout); i++)
    nb_page_layout_draw_page (layout, cr, i);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  shown = font_pages_kib ();
  pdf = export_bytes (report);
  exported = font_pages_kib ();
  g_test_message ("font pages resident: %" G_GUINT64_FORMAT " KiB shown, %" G_GUINT64_FORMAT
                  " KiB after the export", shown, exported);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (exported, <, shown + 3 * 1024);
}

/* An edit and its reversal (the text set and set back, as the window's undo does to the
 * model), then an export, twenty times: the first export makes one subset per face drawn
 * (the sample draws five with the fonts build-aux/install-deps.sh installs), the others
 * none, and all give the same bytes. */
static void
test_same_text (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *s5 = g_strdup (nb_report_get_text (report, NB_TEXT_S5));
  g_autofree char *edited = g_strconcat (s5, "龙", NULL);
  g_autoptr(GBytes) first = NULL;
  guint made = nb_font_subsets_get_n_made ();
  guint after_first;

  first = export_bytes (report);
  after_first = nb_font_subsets_get_n_made ();
  g_assert_cmpuint (after_first - made, ==, 5);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GBytes) again = NULL;

      nb_report_set_text (report, NB_TEXT_S5, edited);
      nb_report_set_text (report, NB_TEXT_S5, s5);
      again = export_bytes (report);
      g_assert_true (g_bytes_equal (first, again));
      g_assert_cmpuint (nb_font_subsets_get_n_made (), ==, after_first);
    }
}

/* A character new to the body font: only the body's subset is made again; back to the
 * old text, the bytes are those of the first export. */
static void
test_changed_text (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *s5 = g_strdup (nb_report_get_text (report, NB_TEXT_S5));
  g_autofree char *edited = g_strconcat (s5, "鹰", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) back = NULL;
  guint made;

  first = export_bytes (report);
  made = nb_font_subsets_get_n_made ();
  nb_report_set_text (report, NB_TEXT_S5, edited);
  changed = export_bytes (report);
  g_assert_false (g_bytes_equal (first, changed));
  g_assert_cmpuint (nb_font_subsets_get_n_made (), ==, made + 1);
  nb_report_set_text (report, NB_TEXT_S5, s5);
  back = export_bytes (report);
  g_assert_cmpuint (nb_font_subsets_get_n_made (), ==, made + 2);
  g_assert_true (g_bytes_equal (first, back));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", "1736040600", TRUE);
  g_test_add_func ("/pdf-repeat/font-pages", test_font_pages);
  g_test_add_func ("/pdf-repeat/same-text", test_same_text);
  g_test_add_func ("/pdf-repeat/changed-text", test_changed_text);
  return g_test_run ();
}
