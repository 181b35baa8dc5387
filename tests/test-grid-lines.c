/* test-grid-lines.c — Chinese line breaking of the body (nb-grid-lines.h), on the sample
 * exported to PDF and read back with `pdftotext -layout`, and on the break rules alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-export.h"
#include "nb-grid-lines.h"
#include "nb-punctuation.h"
#include "nb-render-text.h"
#include "nb-test-util.h"

static char *tmpdir;

/* The sample as an office would publish it: its R-X-09 warnings fixed (规范标点). */
static NbReport *
fixed_sample (void)
{
  NbReport *report = nb_test_load_sample ();

  for (guint f = 0; f < NB_N_TEXTS; f++)
    {
      const char *text = nb_report_get_text (report, f);
      g_autofree char *fixed = text ? nb_punctuation_fix (text, NULL) : NULL;

      if (fixed && f != NB_TEXT_PREVIOUS_FILE)
        nb_report_set_text (report, f, fixed);
    }
  for (guint p = 0; p < nb_report_get_n_parts (report); p++)
    {
      g_autofree char *text = nb_punctuation_fix (nb_report_get_part (report, p)->text, NULL);

      nb_report_set_part_text (report, p, text);
    }
  return report;
}

/* Every printed paragraph of the report (to tell a paragraph's last line). */
static GPtrArray *
paragraphs (NbReport *report)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < NB_N_TEXTS; f++)
    {
      g_auto(GStrv) list = nb_render_paragraphs (nb_report_get_text (report, f));

      for (guint i = 0; list[i]; i++)
        g_ptr_array_add (all, g_strdup (list[i]));
    }
  for (guint p = 0; p < nb_report_get_n_parts (report); p++)
    {
      g_auto(GStrv) list = nb_render_paragraphs (nb_report_get_part (report, p)->text);

      for (guint i = 0; list[i]; i++)
        g_ptr_array_add (all, g_strdup (list[i]));
    }
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_ptr_array_add (all, g_strdup (nb_format_section (s)->title));
  return all;
}

static gboolean
ends_paragraph (GPtrArray *all, const char *line)
{
  for (guint i = 0; i < all->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (all, i), line))
      return TRUE;
  return FALSE;
}

static double
units_of (gunichar c)
{
  return g_unichar_iswide (c) ? 1 : 0.5;
}

/* Grid characters a line fills: a full-width character 1, a half-width one ½. */
static double
units (const char *line)
{
  double n = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (*p != ' ')              /* pdftotext's spaces show a spread line, they fill nothing */
      n += units_of (g_utf8_get_char (p));
  return n;
}

/* Grid characters of the unbreakable word a line starts with: opening marks, a run of
 * digits and Latin letters (or one character), closing marks. */
static double
first_word (const char *line)
{
  const char *p = line + strspn (line, " ");
  double n = 0;
  gboolean latin = FALSE;

  for (; *p && nb_grid_lines_is_opening (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    n += units_of (g_utf8_get_char (p));
  for (; *p && g_ascii_isgraph (*p) && !nb_grid_lines_is_opening ((gunichar) *p); p++, latin = TRUE)
    n += 0.5;
  if (!latin && *p)
    {
      n += units_of (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  for (; *p && nb_grid_lines_is_closing (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    n += units_of (g_utf8_get_char (p));
  return n;
}

static guint
letters (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    n += !g_unichar_ispunct (g_utf8_get_char (p));
  return n;
}

/* No line of a full paragraph shorter than 26 of 28 characters except paragraph ends; no
 * paragraph-final line of one character. Table rows and page numbers are not body lines. */
static void
test_sample_lines (void)
{
  g_autoptr(NbReport) report = fixed_sample ();
  g_autoptr(GPtrArray) all = paragraphs (report);
  g_autofree char *path = g_build_filename (tmpdir, "lines.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", quoted);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  NbPdfOptions options = { NULL };
  g_autofree char *title = nb_render_display_title (report);
  guint body = 0, ends = 0;
  gboolean tables = FALSE;
  int status = 0;

  g_assert_true (nb_export_pdf (report, file, &options, &error));
  g_assert_no_error (error);
  g_strfreev (options.resolved_fonts);
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      gboolean indented = g_str_has_prefix (lines[i], "  ");
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      double filled;

      /* Sections 二 to 四 are tables: their cells are no body lines. */
      if (g_str_equal (line, nb_format_section (1)->title))
        tables = TRUE;
      else if (g_str_equal (line, nb_format_section (4)->title))
        tables = FALSE;
      if (tables || *line == '\0' || g_str_has_prefix (line, "—") || strstr (title, line))
        continue;
      filled = units (line) + (indented ? 2 : 0);
      if (ends_paragraph (all, line))
        {
          ends++;
          if (letters (line) < 2)
            {
              g_test_message ("paragraph-final line of one character: %s", line);
              g_test_fail ();
            }
          continue;
        }
      body++;
      /* A number is never broken, nor a bracket from its content: a line before such a
       * word that does not fit stays short (“……占 / 36.54%”, “……办函 / 〔2021〕”). */
      if (filled < 26 && lines[i + 1] && filled + first_word (lines[i + 1]) > 28)
        continue;
      if (filled < 26)
        {
          g_test_message ("loose line (%.1f of 28): %s", filled, line);
          g_test_fail ();
        }
    }
  g_assert_cmpuint (body, >, 50);
  g_assert_cmpuint (ends, >=, 8);
}

/* Break rules on known advances (16 pt characters, 10 a line). */
static void
test_rules (void)
{
  const char *text = "一二三四五六七八九“十一”二三四五。六七";
  glong n = g_utf8_strlen (text, -1);
  g_autofree double *widths = g_new (double, n);
  g_autofree double *halves = g_new (double, n);
  g_autofree gboolean *halt = g_new0 (gboolean, n);
  g_autoptr(GArray) starts = NULL;

  for (glong i = 0; i < n; i++)
    widths[i] = 16, halves[i] = 8;
  starts = nb_grid_lines_compute (text, widths, halves, 160, 0, halt);
  /* “ may not end a line: the first line ends after 九. The second fills up to 六; 七
   * alone would be the last line, so 六 comes down with it. */
  g_assert_cmpuint (starts->len, ==, 3);
  g_assert_cmpint (g_array_index (starts, int, 1), ==, 9);
  g_assert_cmpint (g_array_index (starts, int, 2), ==, 18);
  /* A line that starts with an opening mark sets it flush. */
  g_assert_true (halt[9]);
  g_assert_false (halt[0]);
}

/* Adjacent marks: the closing mark of a pair takes half width. */
static void
test_compression (void)
{
  const char *text = "通知》（国办";
  g_autofree double *widths = g_new (double, 6);
  g_autofree double *halves = g_new (double, 6);
  g_autofree gboolean *halt = g_new0 (gboolean, 6);
  g_autoptr(GArray) starts = NULL;

  for (guint i = 0; i < 6; i++)
    widths[i] = 16, halves[i] = 8;
  starts = nb_grid_lines_compute (text, widths, halves, 160, 0, halt);
  g_assert_true (halt[2]);              /* 》 */
  g_assert_false (halt[3]);             /* （ */
  g_assert_cmpuint (starts->len, ==, 1);
}

int
main (int argc, char **argv)
{
  tmpdir = nb_test_init_export (&argc, &argv, "lines");
  g_test_add_func ("/grid-lines/sample", test_sample_lines);
  g_test_add_func ("/grid-lines/rules", test_rules);
  g_test_add_func ("/grid-lines/compression", test_compression);
  return nb_test_finish_export (tmpdir, g_test_run ());
}
