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

#include "nb-export.h"
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

/* Edit, undo, export, twenty times: the first export makes one subset per face drawn
 * (the sample draws five), the others none, and all give the same bytes. */
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
  g_test_add_func ("/pdf-repeat/same-text", test_same_text);
  g_test_add_func ("/pdf-repeat/changed-text", test_changed_text);
  return g_test_run ();
}
