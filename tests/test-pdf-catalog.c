/* test-pdf-catalog.c — what the PDF export adds after cairo (nb-pdf-catalog.h): page
 * labels, /Lang, DisplayDocTitle, XMP, the export time as CreationDate; and one structure
 * element for a paragraph that crosses a page. Read back with poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "nb-export.h"
#include "nb-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* 2025-01-05 09:30:00 in China */
#define EPOCH "1736040600"

static char *tmpdir;

static char *
export_sample (const char *name)
{
  g_autoptr(NbReport) report = nb_test_load_sample ();
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbPdfOptions options = { NULL };

  g_assert_true (nb_export_pdf (report, file, &options, &error));
  g_assert_no_error (error);
  g_strfreev (options.resolved_fonts);
  return path;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The last catalog of the file (the one an incremental update puts in force). */
static char *
last_catalog (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  const char *at = NULL, *end;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (const char *p = data; (p = memmem (p, len - (gsize) (p - data), "/Type /Catalog", 14)); p++)
    at = p;
  g_assert_nonnull (at);
  end = memmem (at, len - (gsize) (at - data), "endobj", 6);
  g_assert_nonnull (end);
  return g_strndup (at, (gsize) (end - at));
}

/* Labels “1” … “8”, matching the printed “— N —” (cairo 1.16 alone wrote none). */
static void
test_page_labels (void)
{
  g_autofree char *path = export_sample ("labels.pdf");
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  int n = poppler_document_get_n_pages (doc);

  g_assert_cmpint (n, >=, 6);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *label = poppler_page_get_label (page);
      g_autofree char *expected = g_strdup_printf ("%d", i + 1);

      g_assert_cmpstr (label, ==, expected);
    }
}

static void
test_catalog (void)
{
  g_autofree char *path = export_sample ("catalog.pdf");
  g_autofree char *catalog = last_catalog (path);
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  g_autofree char *xmp = poppler_document_get_metadata (doc);
  g_autofree char *title = poppler_document_get_title (doc);

  g_assert_nonnull (strstr (catalog, "/Lang (zh-CN)"));
  g_assert_nonnull (strstr (catalog, "/DisplayDocTitle true"));
  /* What cairo wrote is still in force. */
  g_assert_nonnull (strstr (catalog, "/StructTreeRoot"));
  g_assert_nonnull (strstr (catalog, "/Outlines"));
  g_assert_nonnull (xmp);
  g_assert_nonnull (strstr (xmp, "<rdf:li xml:lang=\"x-default\">重庆市黔江区2024年政府信息公开工作年度报告</rdf:li>"));
  g_assert_nonnull (strstr (xmp, "<dc:creator><rdf:Seq><rdf:li>重庆市黔江区人民政府</rdf:li>"));
  g_assert_nonnull (strstr (xmp, "<xmp:CreateDate>2025-01-05T09:30:00+08:00</xmp:CreateDate>"));
  /* The /Info dictionary agrees. */
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, 1736040600);
  g_assert_cmpint (poppler_document_get_modification_date (doc), ==, 1736040600);
  g_assert_cmpstr (title, ==, "重庆市黔江区2024年政府信息公开工作年度报告");
}

/* Without SOURCE_DATE_EPOCH the creation date is the export time, not a fixed date. */
static void
test_export_time (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC, after;

  g_unsetenv ("SOURCE_DATE_EPOCH");
  path = export_sample ("now.pdf");
  after = g_get_real_time () / G_USEC_PER_SEC;
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_creation_date (doc), >=, before - 1);
  g_assert_cmpint (poppler_document_get_creation_date (doc), <=, after + 1);
}

/* With SOURCE_DATE_EPOCH two exports are the same bytes. */
static void
test_reproducible (void)
{
  g_autofree char *a = export_sample ("a.pdf"), *b = export_sample ("b.pdf");
  g_autofree char *da = NULL, *db = NULL;
  gsize la, lb;

  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  g_assert_cmpmem (da, la, db, lb);
}

/* The （一） paragraph runs from page 1 to page 2: one P holding both pages' text. */
static void
test_paragraph_across_pages (void)
{
  g_autofree char *path = export_sample ("struct.pdf");
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdfinfo -struct-text %s", quoted);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int start = -1, status = 0;
  gboolean found = FALSE;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (int i = 0; lines[i]; i++)
    if (strstr (lines[i], "\"（一）积极主动做好政务公开。"))
      start = i;
  g_assert_cmpint (start, >, 0);
  g_assert_nonnull (strstr (lines[start - 1], "P"));
  /* The text items after it, up to the next element, include the page-2 part. */
  for (int i = start + 1; lines[i] && g_str_has_prefix (g_strchug (lines[i]), "\""); i++)
    found |= strstr (lines[i], "现代信息技术") != NULL;
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", EPOCH, TRUE);
  tmpdir = g_dir_make_tmp ("nb-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/pdf-catalog/page-labels", test_page_labels);
  g_test_add_func ("/pdf-catalog/catalog", test_catalog);
  g_test_add_func ("/pdf-catalog/export-time", test_export_time);
  g_test_add_func ("/pdf-catalog/reproducible", test_reproducible);
  g_test_add_func ("/pdf-catalog/paragraph-across-pages", test_paragraph_across_pages);
  status = g_test_run ();
  if (status == 0)
    {
      g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *p = g_build_filename (tmpdir, name, NULL);

          g_unlink (p);
        }
      g_rmdir (tmpdir);
    }
  return status;
}
