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

#include "nb-checks.h"
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

/* The last footer, the file closed and read back. */
static GBytes *
finish_pdf (Printer *p, cairo_surface_t *surface, const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  footer (p);
  cairo_destroy (p->cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static GBytes *
print_report (NbReport *report, const char *path, gboolean with_header)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  Printer p = { cairo_create (surface), 50, 1, with_header };
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
  return finish_pdf (&p, surface, path);
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

/* ---- A table as Word or WPS prints it --------------------------------------------------------
 *
 * Each cell is text at its own position: the label in the first column, wrapped over lines of
 * LABEL_CHARS characters, the figures in their columns on the label's middle line, an empty
 * cell drawn as nothing. Table 三 crosses a page and its heads are printed again there; the
 * preamble puts spaces between digits and Chinese (“2024 年 1 月 1 日”). */

#define LABEL_CHARS 11
#define COL_X 250.0
#define COL_W 44.0

static void
grid_break_page (Printer *p)
{
  footer (p);
  cairo_show_page (p->cr);
  p->page++;
  p->y = 50;
}

static void
grid_text (Printer *p, double x, double y, const char *text)
{
  cairo_move_to (p->cr, x, y);
  cairo_show_text (p->cr, text);
}

static void
grid_heads (Printer *p)
{
  static const char *const heads[] = { "自然人", "商业", "科研", "社会", "法律", "其他", "总计" };

  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    grid_text (p, COL_X + c * COL_W, p->y, heads[c]);
  p->y += LINE_H * 1.5;
}

/* One row: the label wrapped, the figures on the middle line, in their columns. */
static void
grid_row (Printer *p, NbReport *report, const char *label, const int *cells, guint n, double col_x, double col_w)
{
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (label, -1, NULL);
  glong len = 0, lines;

  while (chars[len])
    len++;
  lines = MAX (1, (len + LABEL_CHARS - 1) / LABEL_CHARS);
  for (glong l = 0; l < lines; l++)
    {
      g_autofree char *piece = g_ucs4_to_utf8 (chars + l * LABEL_CHARS, MIN (LABEL_CHARS, len - l * LABEL_CHARS),
                                               NULL, NULL, NULL);

      grid_text (p, 40, p->y + l * LINE_H, piece);
    }
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *text = nb_report_format_cell (report, cells[c]);

      if (text[0])
        grid_text (p, col_x + c * col_w, p->y + (lines - 1) / 2 * LINE_H, text);
    }
  p->y += lines * LINE_H + 4;
}

/* The preamble with a space on each side of every run of digits. */
static char *
spaced_digits (const char *text)
{
  g_autoptr(GRegex) digits = g_regex_new ("([0-9]+)", 0, 0, NULL);

  return g_regex_replace (digits, text, -1, 0, " \\1 ", 0, NULL);
}

static GBytes *
print_grid_report (NbReport *report, const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  Printer p = { cairo_create (surface), 50, 1, FALSE };
  g_autofree char *preamble = spaced_digits (nb_report_get_text (report, NB_TEXT_PREAMBLE));
  cairo_select_font_face (p.cr, "Noto Serif CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (p.cr, 11);
  print_line (&p, nb_report_get_text (report, NB_TEXT_TITLE));
  print_text (&p, preamble);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *section = nb_format_section (s);
      const NbTableDef *def = section->table != NB_TABLE_NONE ? nb_format_table (section->table) : NULL;

      if (s == 2)
        grid_break_page (&p);
      print_line (&p, nb_report_get_section_title (report, s));
      if (s == 0)
        print_text (&p, "本年度依申请公开工作平稳有序。");
      else if (section->table == NB_TABLE_S4)
        {
          int cells[15];

          for (guint c = 0; c < 15; c++)
            cells[c] = def->first_cell + c;
          print_line (&p, "行政复议 行政诉讼");
          grid_row (&p, report, "", cells, 15, 40, 35);
        }
      else if (def)
        {
          const char *row = NULL;
          int cells[8];
          guint n = 0;

          if (section->table == NB_TABLE_S3)
            grid_heads (&p);
          for (guint i = def->first_cell; i <= def->first_cell + def->n_cells; i++)
            {
              const NbCellDef *cell = i < def->first_cell + def->n_cells ? nb_format_cell (i) : NULL;

              if (row && (cell == NULL || !g_str_equal (cell->row_key, row)))
                {
                  const NbCellDef *first = nb_format_cell (cells[0]);

                  /* Half-way through table 三, the page ends and the heads come again. */
                  if (section->table == NB_TABLE_S3 && g_str_equal (row, "na_not_held"))
                    {
                      grid_break_page (&p);
                      grid_heads (&p);
                    }
                  if (first->row_group && first->row_label != first->row_group &&
                      g_ascii_isdigit (first->row_label[0]) && first->row_label[0] == '1')
                    print_line (&p, first->row_group);
                  grid_row (&p, report, first->row_label, cells, n, COL_X,
                            section->table == NB_TABLE_S3 ? COL_W : 100);
                  n = 0;
                }
              if (cell == NULL)
                break;
              row = cell->row_key;
              cells[n++] = i;
            }
        }
      else
        print_text (&p, nb_report_get_text (report, s == 4 ? NB_TEXT_S5 : NB_TEXT_S6));
    }
  return finish_pdf (&p, surface, path);
}

/* Every figure read in its column, the empty cell read as a blank of the source (not as a
 * cell the import missed), the wrapped labels whole, the period across its spaces. */
static void
test_pdf_grid (void)
{
  g_autoptr(NbReport) sample = nb_test_load_sample ();
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "grid.pdf", NULL);
  g_autoptr(GBytes) bytes = print_grid_report (sample, path);
  g_autoptr(GPtrArray) findings = NULL;
  NbReport *report;
  int blank = nb_format_cell_index ("s3.na_need_create.total");

  g_assert_true (nb_import_read_bytes (import, bytes, NB_IMPORT_AUTO, &error));
  g_assert_no_error (error);
  report = nb_import_get_report (import);
  g_test_message ("PDF: %s", path);

  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PERIOD_START), ==, "2024-01-01");
  g_assert_cmpstr (nb_report_get_text (report, NB_TEXT_PERIOD_END), ==, "2024-12-31");
  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      if ((int) i == blank)
        {
          g_assert_cmpint (nb_import_get_cell_state (import, i), ==, NB_IMPORT_CELL_BLANK);
          continue;
        }
      if (nb_import_get_cell_state (import, i) != NB_IMPORT_CELL_FOUND)
        g_error ("%s not read", nb_format_cell (i)->key);
      g_assert_cmpint (nb_report_value (report, i), ==, nb_report_value (sample, i));
    }
  findings = nb_checks_run (report, NULL);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-07"), ==, 0);
  g_assert_cmpuint (nb_test_count_rule (findings, "R-F-04"), ==, 0);
  if (g_getenv ("NB_KEEP_PDF") == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
}

/* A scan: pages of images only. A clear message, no crash. */
static void
test_pdf_scan (void)
{
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scan.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;

  for (guint page = 0; page < 2; page++)
    {
      cairo_rectangle (cr, 60, 60, 300, 400);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_false (nb_import_read_bytes (import, bytes, NB_IMPORT_AUTO, &error));
  g_assert_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "OCR"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/pdf", test_pdf);
  g_test_add_func ("/import/pdf/running-head", test_pdf_running_head);
  g_test_add_func ("/import/pdf/grid", test_pdf_grid);
  g_test_add_func ("/import/pdf/scan", test_pdf_scan);
  return g_test_run ();
}
