/* test-import-pdf.c — the importer on a PDF printed from the sample report
 *
 * The PDF is drawn here with cairo: paragraphs wrapped over several lines, table rows as
 * lines of whitespace-separated cells, a page footer “-N-” on every page. Poppler reads
 * it back in reading order; the importer must give the sample's text and figures again,
 * except the row whose blank cell a PDF cannot show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-import.h"
#include "nb-test-util.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define LINE_H 16.0
#define WRAP 38

typedef struct {
  cairo_t *cr;
  double   y;
  int      page;
  gboolean header;              /* a running head in two columns on every page */
} Printer;

/* The running head many offices print: the agency on the left, the report on the right. */
static void
header (Printer *p)
{
  if (!p->header)
    return;
  cairo_move_to (p->cr, 40, 25);
  cairo_show_text (p->cr, "重庆市黔江区人民政府");
  cairo_move_to (p->cr, 330, 25);
  cairo_show_text (p->cr, "2024年政府信息公开工作年度报告");
}

static void
footer (Printer *p)
{
  g_autofree char *text = g_strdup_printf ("-%d-", p->page);

  cairo_move_to (p->cr, PAGE_W / 2 - 10, PAGE_H - 30);
  cairo_show_text (p->cr, text);
}

static void
print_line (Printer *p, const char *text)
{
  if (p->y > PAGE_H - 70)
    {
      footer (p);
      cairo_show_page (p->cr);
      p->page++;
      p->y = 50;
      header (p);
    }
  cairo_move_to (p->cr, 40, p->y);
  cairo_show_text (p->cr, text);
  p->y += LINE_H;
}

/* A paragraph over lines of WRAP characters; a line never ends with 。 nor starts with a
 * parenthesis inside a paragraph, as a typesetter's line breaks seldom would. */
static void
print_paragraph (Printer *p, const char *text)
{
  const char *start = text;

  while (*start)
    {
      const char *end = start;
      glong n = 0;

      while (*end && n < WRAP)
        end = g_utf8_next_char (end), n++;
      while (*end && end > start + 3 &&
             (g_str_has_prefix (end, "(") || g_str_has_prefix (end, "（") ||
              g_str_has_prefix (g_utf8_find_prev_char (start, end), "。")))
        end = g_utf8_find_prev_char (start, end);
      {
        g_autofree char *line = g_strndup (start, end - start);

        print_line (p, line);
      }
      start = end;
    }
}

static void
print_text (Printer *p, const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i]; i++)
    if (paragraphs[i][0])
      print_paragraph (p, paragraphs[i]);
}

static void
print_table (Printer *p, NbReport *report, NbTableId id)
{
  g_autoptr(GPtrArray) lines = nb_test_table_lines (report, id, " ");

  for (guint i = 0; i < lines->len; i++)
    print_line (p, g_ptr_array_index (lines, i));
}

static GBytes *
print_report (NbReport *report, const char *path, gboolean with_header)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  Printer p = { cairo_create (surface), 50, 1, with_header };
  g_autofree char *contents = NULL;
  gsize length;

  cairo_select_font_face (p.cr, "Noto Serif CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (p.cr, 11);
  header (&p);
  print_line (&p, nb_report_get_text (report, NB_TEXT_TITLE));
  print_text (&p, nb_report_get_text (report, NB_TEXT_PREAMBLE));
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *section = nb_format_section (s);

      print_line (&p, nb_report_get_section_title (report, s));
      if (s == 0)
        {
          print_text (&p, nb_report_get_text (report, NB_TEXT_S1_INTRO));
          for (guint i = 0; i < nb_report_get_n_parts (report); i++)
            {
              const NbPart *part = nb_report_get_part (report, i);
              g_autofree char *text = g_strdup_printf ("(%s)%s。%s", nb_format_section (i)->ordinal,
                                                       part->heading, part->text);

              print_text (&p, text);
            }
        }
      else if (section->table != NB_TABLE_NONE)
        print_table (&p, report, section->table);
      else
        print_text (&p, nb_report_get_text (report, s == 4 ? NB_TEXT_S5 : NB_TEXT_S6));
    }
  footer (&p);
  cairo_destroy (p.cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
check_pdf (gboolean with_header)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GBytes) bytes = print_report (sample, path, with_header);
  NbReport *report;
  int blank_row = nb_format_s3_row ("na_need_create");

  g_assert_true (nb_import_read_bytes (import, bytes, NB_IMPORT_AUTO, &error));
  g_assert_no_error (error);
  report = nb_import_get_report (import);
  g_test_message ("PDF: %s", path);

  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_TITLE), ==, nb_report_get_text (sample, NB_TEXT_TITLE));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_AGENCY), ==, nb_report_get_text (sample, NB_TEXT_AGENCY));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PREAMBLE), ==, nb_report_get_text (sample, NB_TEXT_PREAMBLE));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S1_INTRO), ==, nb_report_get_text (sample, NB_TEXT_S1_INTRO));
  g_assert_cmpuint (nb_report_get_n_parts (report), ==, nb_report_get_n_parts (sample));
  for (guint i = 0; i < nb_report_get_n_parts (sample); i++)
    {
      g_assert_cmpstr (nb_report_get_part (report, i)->heading, ==, nb_report_get_part (sample, i)->heading);
      g_assert_cmpstr (nb_report_get_part (report, i)->text, ==, nb_report_get_part (sample, i)->text);
    }
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S5), ==, nb_report_get_text (sample, NB_TEXT_S5));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S6), ==, nb_report_get_text (sample, NB_TEXT_S6));
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_S5_TITLE), ==, nb_report_get_text (sample, NB_TEXT_S5_TITLE));

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCellDef *def = nb_format_cell (i);

      if (def->table == NB_TABLE_S3 && g_str_equal (def->row_key, nb_format_s3_row_key (blank_row)))
        g_assert_cmpint (nb_import_get_cell_state (import, i), ==, NB_IMPORT_CELL_MISSING);
      else
        {
          NbImportCellState state = nb_import_get_cell_state (import, i);

          /* Poppler runs table 四's one-digit cells together (“210031010200011”); the
           * importer splits them because only one reading satisfies the totals. */
          g_assert_true (state == NB_IMPORT_CELL_FOUND ||
                         (state == NB_IMPORT_CELL_RESOLVED && def->table == NB_TABLE_S4));
          g_assert_cmpint (nb_report_value (report, i), ==, nb_report_value (sample, i));
        }
    }
  if (g_getenv ("NB_KEEP_PDF") == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
}

static void
test_pdf (void)
{
  check_pdf (FALSE);
}

/* A running head (agency | report title) on every page is no title, no text, no cell. */
static void
test_pdf_running_head (void)
{
  check_pdf (TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/pdf", test_pdf);
  g_test_add_func ("/import/pdf/running-head", test_pdf_running_head);
  return g_test_run ();
}
