/* test-pdf-export.c — the sample exported to PDF and read back with poppler-utils
 * (platform.md §10): fonts, metadata, text order, structure, page numbers, determinism.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <math.h>
#include <sys/wait.h>
#include <stdio.h>
#include <string.h>

#include "nb-document.h"
#include "nb-export.h"
#include "nb-checks.h"
#include "nb-page-layout-private.h"
#include "nb-test-util.h"

/* The sample's pages as laid out (a change here is a layout change: look at the pages). */
#define SAMPLE_PAGES 8

static char *tmpdir;
static char *pdf_path;
static char *pdf_path2;

static char *
run (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  g_auto(GStrv) argv = NULL;

  g_assert_true (g_shell_parse_argv (command_line, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* @tool_and_options, the PDF's path, then @after (may be ""). */
static char *
run_on_pdf (const char *tool_and_options, const char *after)
{
  g_autofree char *quoted = g_shell_quote (pdf_path);
  g_autofree char *line = g_strdup_printf ("%s %s %s", tool_and_options, quoted, after);

  return run (line);
}

static void
export_to (NbReport *report, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbPdfOptions options = { NULL };
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_true (nb_export_pdf (report, file, &options, &error));
  g_assert_no_error (error);
  /* One line per role, every role resolved; no character lacks in its role's font (no
   * per-character fallback line); then the R-X-09 warning while half-width punctuation
   * remains (the sample has 124 such marks). */
  g_assert_nonnull (options.resolved_fonts);
  findings = nb_checks_run (report, NULL);
  g_assert_cmpuint (g_strv_length (options.resolved_fonts), ==,
                    5 + (nb_test_count_rule (findings, "R-X-09") > 0));
  g_assert_cmpstr (options.resolved_fonts[1], ==, "Body: FandolFang");
  if (options.resolved_fonts[5])
    g_assert_nonnull (strstr (options.resolved_fonts[5], "R-X-09"));
  g_strfreev (options.resolved_fonts);
}

static void
test_fonts (void)
{
  g_autofree char *out = run_on_pdf ("pdffonts", "");
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (!*lines[i])
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      /* name type… encoding emb sub uni object ID: read the flags from the end. */
      n = g_strv_length (fields);
      g_assert_true (strstr (lines[i], " yes yes yes ") != NULL);
      g_assert_cmpuint (n, >, 5);
      /* No Japanese, Korean or traditional-Chinese face (layout.md §9). */
      for (const char *const *bad = (const char *const[]) { "JP", "KR", "TC", "HK", NULL }; *bad; bad++)
        {
          g_autofree char *tag = g_strconcat ("CJK", *bad, NULL);
          g_autofree char *tag_lower = g_ascii_strdown (tag, -1);

          g_assert_null (strstr (fields[0], tag));
          g_assert_null (strstr (fields[0], tag_lower));
        }
      n_fonts++;
    }
  /* Title, body, heads, run-in heads, page numbers: one face each, nothing else. */
  g_assert_cmpuint (n_fonts, ==, 5);
  g_assert_true (strstr (out, "NotoSerifCJKsc-Black") || strstr (out, "XiaoBiao"));
  /* The 仿宋 role is a real 仿宋, and 楷体 the one that matches it. */
  g_assert_nonnull (strstr (out, "+FandolFang-Regular "));
  g_assert_nonnull (strstr (out, "+LXGWWenKai-Regular "));
  /* Noto Serif (a 宋) only once: the page numbers' 宋体 role, never body text. */
  g_assert_nonnull (strstr (out, "+NotoSerifCJKsc-Regular "));
  g_assert_null (strstr (strstr (out, "+NotoSerifCJKsc-Regular ") + strlen ("+NotoSerifCJKsc-Regular "), "NotoSerifCJKsc-Regular"));
}

static void
test_info (void)
{
  g_autofree char *out = run_on_pdf ("pdfinfo", "");
  g_autofree char *pages = g_strdup_printf ("Pages:           %d\n", SAMPLE_PAGES);

  g_assert_nonnull (strstr (out, "Title:           重庆市黔江区2024年政府信息公开工作年度报告\n"));
  g_assert_nonnull (strstr (out, "Author:          重庆市黔江区人民政府\n"));
  g_assert_nonnull (strstr (out, "Subject:         政府信息公开工作年度报告（统计期限：2024年1月1日至2024年12月31日）\n"));
  g_assert_nonnull (strstr (out, "Keywords:        政府信息公开,年度报告,2024,重庆市黔江区人民政府\n"));
  g_assert_nonnull (strstr (out, "Creator:         Nianbao " PACKAGE_VERSION "\n"));
  /* The export time: SOURCE_DATE_EPOCH here (2025-01-05 09:30 in China). */
  g_assert_nonnull (strstr (out, "CreationDate:    Sun Jan  5 01:30:00 2025 UTC\n"));
  g_assert_nonnull (strstr (out, "ModDate:         Sun Jan  5 01:30:00 2025 UTC\n"));
  g_assert_nonnull (strstr (out, "Metadata Stream: yes\n"));
  g_assert_nonnull (strstr (out, "Tagged:          yes\n"));
  g_assert_nonnull (strstr (out, pages));
  g_assert_nonnull (strstr (out, "Page size:       595.276 x 841.89 pts (A4)\n"));
  g_assert_nonnull (strstr (out, "PDF version:     1.5\n"));
}

static gboolean
is_number (const char *token)
{
  return g_regex_match_simple ("^[0-9]+(\\.[0-9]+)?$", token, 0, 0);
}

static int
find_token (GStrv tokens, int from, const char *text)
{
  for (int i = MAX (from, 0); tokens[i]; i++)
    if (g_str_equal (tokens[i], text))
      return i;
  return -1;
}

/* The title, the six headings in order; between two headings exactly the table's numbers,
 * in grid order (row by row, left to right). */
static void
test_text (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *out = run_on_pdf ("pdftotext -layout", "-");
  g_auto(GStrv) tokens = g_regex_split_simple ("\\s+", out, 0, 0);
  g_autoptr(GString) flat = g_string_new (NULL);
  int heading_at[NB_N_SECTIONS + 1];
  int from = 0;

  for (guint i = 0; tokens[i]; i++)
    g_string_append (flat, tokens[i]);
  if (!g_str_has_prefix (flat->str, nb_report_get_text (report, NB_TEXT_TITLE)))
    g_test_message ("text starts: %.80s", flat->str);
  g_assert_true (g_str_has_prefix (flat->str, nb_report_get_text (report, NB_TEXT_TITLE)));

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      heading_at[s] = find_token (tokens, from, nb_report_get_section_title (report, s));
      g_assert_cmpint (heading_at[s], >=, 0);
      from = heading_at[s] + 1;
    }
  heading_at[NB_N_SECTIONS] = (int) g_strv_length (tokens);

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionDef *def = nb_format_section (s);
      const NbTableDef *table;
      guint next = 0;

      if (def->kind != NB_SECTION_TABLE)
        continue;
      table = nb_format_table (def->table);
      for (int i = heading_at[s] + 1; i < heading_at[s + 1]; i++)
        {
          g_autofree char *expected = NULL;
          const NbGridItem *item = NULL;

          if (!is_number (tokens[i]))
            continue;
          while (next < table->n_items && table->items[next].kind != NB_GRID_VALUE)
            next++;
          g_assert_cmpuint (next, <, table->n_items);
          item = &table->items[next++];
          expected = nb_report_format_cell (report, (guint) item->cell);
          g_assert_cmpstr (tokens[i], ==, *expected ? expected : "0");
        }
      while (next < table->n_items && table->items[next].kind != NB_GRID_VALUE)
        next++;
      g_assert_cmpuint (next, ==, table->n_items);
      g_test_message ("%s: every number of the table in grid order", def->id);
    }
}

static void
test_structure (void)
{
  g_autofree char *structure = run_on_pdf ("pdfinfo -struct-text", "");
  g_autofree char *dests = run_on_pdf ("pdfinfo -dests", "");
  g_autofree char *raw = NULL;
  gsize length;

  for (const char *const *tag = (const char *const[]) { "Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", NULL }; *tag; tag++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s", *tag);
      g_autofree char *nested = g_strdup_printf (" %s", *tag);

      g_assert_true (g_str_has_prefix (structure, *tag) || strstr (structure, nested) || strstr (structure, line));
    }
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      g_autofree char *name = g_strdup_printf ("\"%s\"", nb_format_section (s)->id);

      g_assert_nonnull (strstr (dests, name));
    }
  g_assert_true (g_file_get_contents (pdf_path, &raw, &length, NULL));
  g_assert_nonnull (memmem (raw, length, "/Outlines", 9));
  g_assert_nonnull (memmem (raw, length, "/PageLabels", 11));
}

static void
test_reproducible (void)
{
  g_autofree char *a = NULL, *b = NULL;
  gsize len_a, len_b;

  g_assert_true (g_file_get_contents (pdf_path, &a, &len_a, NULL));
  g_assert_true (g_file_get_contents (pdf_path2, &b, &len_b, NULL));
  g_assert_cmpuint (len_a, ==, len_b);
  g_assert_true (memcmp (a, b, len_a) == 0);
}

/* Ink bounds of the page number, in points, from a 144 dpi greyscale rendering. */
static void
folio_ink (int page, double *left, double *right, double *dash_centre)
{
  g_autofree char *prefix = g_build_filename (tmpdir, "folio", NULL);
  g_autofree char *quoted = g_shell_quote (pdf_path);
  g_autofree char *quoted_prefix = g_shell_quote (prefix);
  g_autofree char *cmd = g_strdup_printf ("pdftoppm -r 144 -gray -singlefile -f %d -l %d %s %s",
                                          page, page, quoted, quoted_prefix);
  g_autofree char *out = run (cmd);
  g_autofree char *pgm_path = g_strconcat (prefix, ".pgm", NULL);
  g_autofree char *data = NULL;
  gsize length;
  int width, height, maxval, header = 0;
  int x0 = G_MAXINT, x1 = -1, dash_x1, top = G_MAXINT, bottom = -1;
  const double scale = 72.0 / 144.0;
  /* Only the band below the type area (37 + 225 mm = 742.7 pt) holds the number. */
  int band_top = (int) (745 / scale), band_bottom = (int) (790 / scale);

  g_assert_true (g_file_get_contents (pgm_path, &data, &length, NULL));
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", &width, &height, &maxval, &header), ==, 3);
  header++;
  for (int y = band_top; y < band_bottom; y++)
    for (int x = 0; x < width; x++)
      if ((guchar) data[header + y * width + x] < 128)
        x0 = MIN (x0, x), x1 = MAX (x1, x);
  g_assert_cmpint (x1, >=, 0);
  /* The first dash: the leftmost ink run, up to the first blank column. */
  for (dash_x1 = x0; dash_x1 < x1; dash_x1++)
    {
      gboolean ink = FALSE;

      for (int y = band_top; y < band_bottom && !ink; y++)
        ink = (guchar) data[header + y * width + dash_x1] < 128;
      if (!ink)
        break;
    }
  for (int y = band_top; y < band_bottom; y++)
    for (int x = x0; x < dash_x1; x++)
      if ((guchar) data[header + y * width + x] < 128)
        top = MIN (top, y), bottom = MAX (bottom, y);
  *left = x0 * scale;
  *right = (x1 + 1) * scale;
  *dash_centre = (top + bottom + 1) / 2.0 * scale;
}

/* “— N —” (layout.md §6): dash ink centre 269 mm from the top; odd pages end 179.06 mm from
 * the left edge, even pages start at 32.94 mm. */
static void
test_page_numbers (void)
{
  double left, right, centre;

  folio_ink (1, &left, &right, &centre);
  g_test_message ("page 1: ink %.2f-%.2f pt, dash centre %.2f pt", left, right, centre);
  g_assert_cmpfloat (fabs (right - 507.57), <, 1.5);
  g_assert_cmpfloat (fabs (centre - 762.52), <, 1.5);
  folio_ink (2, &left, &right, &centre);
  g_test_message ("page 2: ink %.2f-%.2f pt, dash centre %.2f pt", left, right, centre);
  g_assert_cmpfloat (fabs (left - 93.37), <, 1.5);
  g_assert_cmpfloat (fabs (centre - 762.52), <, 1.5);
}

static void
test_atomic_failure (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *path = g_build_filename (tmpdir, "no-such-folder", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_export_pdf (report, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
}

/* nianbao-cli export --to pdf writes the same bytes as the library call. */
static void
test_cli (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "cli.pdf", NULL);
  g_autofree char *quoted_cli = g_shell_quote (g_getenv ("NB_CLI"));
  g_autofree char *quoted_path = g_shell_quote (path);
  g_autofree char *quoted_sample = g_shell_quote (g_getenv ("NB_SAMPLE"));
  g_autofree char *cmd = g_strdup_printf ("%s export --to pdf -o %s %s", quoted_cli, quoted_path, quoted_sample);
  g_autofree char *out = run (cmd);
  g_autofree char *a = NULL, *b = NULL;
  gsize len_a, len_b;

  g_assert_true (g_file_get_contents (pdf_path, &a, &len_a, NULL));
  g_assert_true (g_file_get_contents (path, &b, &len_b, NULL));
  g_assert_true (len_a == len_b && memcmp (a, b, len_a) == 0);

  /* --font-body sets the body as Preferences does in the window: a family not installed
   * is passed over, the next one named is used and not called a substitute. */
  g_free (cmd);
  cmd = g_strdup_printf ("%s export --to pdf --font-body 'No Such Font, Noto Sans CJK SC' -o %s %s",
                         quoted_cli, quoted_path, quoted_sample);
  g_free (out);
  out = run (cmd);
  g_free (cmd);
  cmd = g_strdup_printf ("pdffonts %s", quoted_path);
  g_free (out);
  out = run (cmd);
  g_assert_nonnull (strstr (out, "+NotoSansCJKsc-Regular "));
}

/* A new, empty report: every cell blank prints 0, no text, still a valid document; the
 * dates are the export time (SOURCE_DATE_EPOCH), not the publication date. */
static void
test_new_report (void)
{
  g_autoptr(NbReport) report = nb_report_new_for_agency ("某某县人民政府", NB_LEVEL_COUNTY_GOV, 2025);
  g_autofree char *path = g_build_filename (tmpdir, "new.pdf", NULL);
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *cmd = g_strdup_printf ("pdftotext -layout %s -", quoted);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  nb_report_set_text (report, NB_TEXT_PUBLICATION_DATE, "2026-01-20");
  export_to (report, path);
  text = run (cmd);
  g_free (cmd);
  cmd = g_strdup_printf ("pdfinfo %s", quoted);
  info = run (cmd);
  g_assert_nonnull (strstr (info, "Title:           某某县人民政府2025年政府信息公开工作年度报告\n"));
  g_assert_nonnull (strstr (info, "CreationDate:    Sun Jan  5 01:30:00 2025 UTC\n"));
  g_assert_nonnull (strstr (info, "ModDate:         Sun Jan  5 01:30:00 2025 UTC\n"));
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_assert_nonnull (strstr (text, nb_format_section (s)->title));
}

/* The sample's title breaks before the fixed tail with real font metrics; a break the
 * user set wins. */
static void
test_title_breaks (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbPageLayout) layout = nb_page_layout_new (report, NULL);
  g_autoptr(NbPageLayout) manual = NULL;
  const GArray *breaks = nb_page_layout_get_title_breaks (layout);
  const int offsets[] = { 6 };

  g_assert_cmpuint (breaks->len, ==, 1);
  g_assert_cmpint (g_array_index (breaks, int, 0), ==, 11);   /* 重庆市黔江区2024年 / 政府… */
  nb_report_set_title_breaks (report, offsets, 1);
  manual = nb_page_layout_new (report, NULL);
  breaks = nb_page_layout_get_title_breaks (manual);
  g_assert_cmpuint (breaks->len, ==, 1);
  g_assert_cmpint (g_array_index (breaks, int, 0), ==, 6);
}

/* pdftotext of @path with all white space removed. */
static char *
flat_text (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *cmd = g_strdup_printf ("pdftotext %s -", quoted);
  g_autofree char *out = run (cmd);
  g_auto(GStrv) tokens = g_regex_split_simple ("\\s+", out, 0, 0);

  return g_strjoinv ("", tokens);
}

/* The PDF and the HTML print the same text (nb-render-text.c): run-in headings without a
 * doubled 。, a part without heading neither printed with an ordinal nor counted, typed
 * U+3000 indents, C1 controls and U+2028 gone, the same title when none is set. */
static void
test_shared_text (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *path = g_build_filename (tmpdir, "shared.pdf", NULL);
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *cmd = g_strdup_printf ("pdfinfo %s", quoted);
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  const char *title = "重庆市黔江区人民政府2024年政府信息公开工作年度报告";
  g_autofree char *title_line = g_strdup_printf ("Title:           %s\n", title);
  g_autofree char *html_title = g_strdup_printf ("<title>%s</title>", title);
  const char *const absent[] = { "。。", "！。", "（二）。", "（五）持续", "\u3000", "\u2028", "\xc2\x85", "\x7f" };

  nb_report_set_text (report, NB_TEXT_TITLE, "");
  nb_report_set_part_heading (report, 0, "积极主动做好政务公开！");
  nb_report_set_part_heading (report, 1, "");
  nb_report_set_part_text (report, 1, "\u3000\u3000依申请公开甲段。\u2028\u3000乙段\xc2\x85续\x7f写。");
  nb_report_set_text (report, NB_TEXT_PREAMBLE, "\u3000\u3000序言甲。\u2029序言乙。");
  export_to (report, path);
  pdf = flat_text (path);
  info = run (cmd);
  html = nb_html_render (report, FALSE);

  g_assert_nonnull (strstr (info, title_line));
  g_assert_true (g_str_has_prefix (pdf, title));
  g_assert_nonnull (strstr (html, html_title));
  g_assert_nonnull (strstr (pdf, "（一）积极主动做好政务公开！按照"));
  g_assert_nonnull (strstr (html, "积极主动做好政务公开！</span>按照"));
  /* Part 2 has no heading: part 3 is the second numbered one. */
  g_assert_nonnull (strstr (pdf, "依申请公开甲段。乙段续写。（二）做优做实政府信息管理。"));
  g_assert_nonnull (strstr (html, ">依申请公开甲段。</p>"));
  g_assert_nonnull (strstr (html, ">乙段续写。</p>"));
  g_assert_nonnull (strstr (html, ">（二）做优做实政府信息管理。</span>"));
  g_assert_nonnull (strstr (html, ">序言甲。</p>"));
  g_assert_nonnull (strstr (pdf, "（四）持续强化"));
  g_assert_nonnull (strstr (html, ">（四）持续强化"));
  g_assert_nonnull (strstr (pdf, "序言甲。序言乙。"));
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      if (strstr (pdf, absent[i]))
        g_test_message ("PDF has %s", absent[i]);
      g_assert_null (strstr (pdf, absent[i]));
      g_assert_null (strstr (html, absent[i]));
    }
}

/* Addresses in the contact line and the narratives carry Link tags with the URI (and
 * mailto: for e-mail), as the HTML links them. */
static void
test_links (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *path = g_build_filename (tmpdir, "links.pdf", NULL);
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *cmd = g_strdup_printf ("pdfinfo -struct %s", quoted);
  g_autofree char *structure = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  nb_report_set_text (report, NB_TEXT_CONTACT, "电子邮箱：gk@qianjiang.gov.cn；网址：https://www.qianjiang.gov.cn/zwgk/，欢迎查阅。");
  nb_report_set_text (report, NB_TEXT_S6, "详见http://example.gov.cn/a?b=1。");
  export_to (report, path);
  structure = run (cmd);
  g_assert_nonnull (strstr (structure, "    Link (inline)"));
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_nonnull (memmem (bytes, length, "/URI (mailto:gk@qianjiang.gov.cn)", strlen ("/URI (mailto:gk@qianjiang.gov.cn)")));
  g_assert_nonnull (memmem (bytes, length, "/URI (https://www.qianjiang.gov.cn/zwgk/)", strlen ("/URI (https://www.qianjiang.gov.cn/zwgk/)")));
  g_assert_nonnull (memmem (bytes, length, "/URI (http://example.gov.cn/a?b=1)", strlen ("/URI (http://example.gov.cn/a?b=1)")));
}

/* Table 三 breaks across pages: still one Table element, and the repeated header rows
 * are not tagged a second time (one TR per grid row). */
static void
test_one_table (void)
{
  g_autofree char *structure = run_on_pdf ("pdfinfo -struct", "");
  g_auto(GStrv) lines = g_strsplit (structure, "\n", -1);
  guint tables = 0, rows[4] = { 0 };

  for (guint i = 0; lines[i]; i++)
    if (g_str_equal (lines[i], "  Table (block)"))
      tables++;
    else if (g_str_has_prefix (lines[i], "    TR") && tables > 0 && tables < 4)
      rows[tables]++;
  g_assert_cmpuint (tables, ==, 3);
  g_assert_cmpuint (rows[1], ==, nb_format_table (NB_TABLE_S2)->n_rows);
  g_assert_cmpuint (rows[2], ==, nb_format_table (NB_TABLE_S3)->n_rows);
  g_assert_cmpuint (rows[3], ==, nb_format_table (NB_TABLE_S4)->n_rows);
}

/* No CJK font at all (a font configuration whose only folder is empty): the export fails
 * naming the role, writes nothing and claims no font. */
static void
test_no_fonts (void)
{
  g_autofree char *fonts = g_build_filename (tmpdir, "no-fonts", NULL);
  g_autofree char *conf = g_build_filename (tmpdir, "no-fonts.conf", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "no-fonts.pdf", NULL);
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<fontconfig><dir>%s</dir>"
                                          "<cachedir>%s</cachedir></fontconfig>\n", fonts, fonts);
  const char *argv[] = { g_getenv ("NB_CLI"), "export", "--to", "pdf", "-o", out,
                         g_getenv ("NB_SAMPLE"), NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (fonts, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, xml, -1, NULL));
  env = g_environ_setenv (env, "FONTCONFIG_FILE", conf, TRUE);
  env = g_environ_setenv (env, "G_DEBUG", "fatal-warnings", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  /* An ordinary failure, not a crash or a critical. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "Title"));
  g_assert_nonnull (strstr (err, "Noto Serif CJK SC"));
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* The CLI never replaces the report with its export. */
static void
test_cli_own_input (void)
{
  g_autofree char *input = g_build_filename (tmpdir, "self.nianbao", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize length;
  const char *argv[] = { g_getenv ("NB_CLI"), "export", "--to", "html", "-o", input, input, NULL };
  const char *json_argv[] = { g_getenv ("NB_CLI"), "export", "--to", "json", NULL, NULL };
  g_autofree char *json_input = g_build_filename (tmpdir, "self.json", NULL);
  int status;

  g_assert_true (g_file_get_contents (g_getenv ("NB_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (input, contents, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (json_input, contents, (gssize) length, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  /* The default output of a .json report exported to JSON is the report itself. */
  json_argv[4] = json_input;
  g_assert_true (g_spawn_sync (NULL, (char **) json_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (input, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (json_input, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

/* Every format says “Cannot write “FILE”: reason”, naming the file once, never a
 * temporary. */
static void
test_write_errors (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autofree char *dir = g_build_filename (tmpdir, "read-only", NULL);
  const char *names[] = { "out.pdf", "out.html", "out.json" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0500), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, "no-such-folder", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: %s", path, g_strerror (ENOENT));
      gboolean ok = i == 0 ? nb_export_pdf (report, file, NULL, &error)
                    : i == 1 ? nb_export_html (report, file, FALSE, &error)
                    : nb_export_json (report, file, &error);

      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* A manual break that leaves one character alone is dropped; a manual line wider than
 * the type area is broken again. */
static void
test_manual_title_breaks (void)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  g_autoptr(NbPageLayout) lone = NULL;
  g_autoptr(NbPageLayout) wide = NULL;
  const GArray *breaks;
  const int at_one[] = { 1, 11 };
  g_autofree char *html = NULL;
  const int at_end[] = { 28 };

  nb_report_set_title_breaks (report, at_one, 2);
  lone = nb_page_layout_new (report, NULL);
  breaks = nb_page_layout_get_title_breaks (lone);
  g_assert_cmpuint (breaks->len, ==, 1);
  g_assert_cmpint (g_array_index (breaks, int, 0), ==, 11);
  html = nb_html_render (report, TRUE);
  g_assert_nonnull (strstr (html, ">重庆市黔江区2024年<br>政府信息公开工作年度报告</h1>"));

  /* A long title with a break only before 报告: its first 28 characters are wider than
   * the type area at 二号, so that line is broken again. */
  nb_report_set_text (report, NB_TEXT_TITLE, "重庆市黔江区人民政府办公室2024年政府信息公开工作年度报告");
  nb_report_set_title_breaks (report, at_end, 1);
  wide = nb_page_layout_new (report, NULL);
  breaks = nb_page_layout_get_title_breaks (wide);
  g_assert_cmpuint (breaks->len, >=, 2);
  g_assert_cmpint (g_array_index (breaks, int, breaks->len - 1), ==, 28);
  g_assert_cmpint (g_array_index (breaks, int, 0), <, 28);
}

/* Table 三 fills its page: the break falls before the first row that does not fit, so
 * （七）总计 (7 mm) ends page 6 where the break used to leave 45.8 mm blank before it. */
static void
test_table_fills_page (void)
{
  g_autofree char *page6 = run_on_pdf ("pdftotext -layout -f 6 -l 6", "-");
  g_autofree char *page7 = run_on_pdf ("pdftotext -layout -f 7 -l 7", "-");

  g_assert_nonnull (strstr (page6, "（七）总计"));
  g_assert_nonnull (strstr (page6, "3.其他"));
  g_assert_null (strstr (page7, "（七）总计"));
  g_assert_nonnull (strstr (page7, "四、结转下年度继续办理"));
}

int
main (int argc, char **argv)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Reproducible exports (test_reproducible, test_info's dates). */
  g_setenv ("SOURCE_DATE_EPOCH", "1736040600", TRUE);
  tmpdir = g_dir_make_tmp ("nb-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  pdf_path = g_build_filename (tmpdir, "sample.pdf", NULL);
  pdf_path2 = g_build_filename (tmpdir, "again.pdf", NULL);
  report = nb_test_load_sample ();
  export_to (report, pdf_path);
  export_to (report, pdf_path2);

  g_test_add_func ("/pdf/fonts", test_fonts);
  g_test_add_func ("/pdf/info", test_info);
  g_test_add_func ("/pdf/text", test_text);
  g_test_add_func ("/pdf/structure", test_structure);
  g_test_add_func ("/pdf/reproducible", test_reproducible);
  g_test_add_func ("/pdf/page-numbers", test_page_numbers);
  g_test_add_func ("/pdf/atomic-failure", test_atomic_failure);
  g_test_add_func ("/pdf/cli", test_cli);
  g_test_add_func ("/pdf/title-breaks", test_title_breaks);
  g_test_add_func ("/pdf/new-report", test_new_report);
  g_test_add_func ("/pdf/shared-text", test_shared_text);
  g_test_add_func ("/pdf/links", test_links);
  g_test_add_func ("/pdf/one-table", test_one_table);
  g_test_add_func ("/pdf/no-fonts", test_no_fonts);
  g_test_add_func ("/pdf/cli-own-input", test_cli_own_input);
  g_test_add_func ("/pdf/write-errors", test_write_errors);
  g_test_add_func ("/pdf/manual-title-breaks", test_manual_title_breaks);
  g_test_add_func ("/pdf/table-fills-page", test_table_fills_page);
  status = g_test_run ();

  if (status == 0)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
      g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
      GFileInfo *info;

      while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

          g_file_delete (child, NULL, NULL);
          g_object_unref (info);
        }
      g_file_delete (dir, NULL, NULL);
    }
  return status;
}
