/* test-signature.c — the signature block and standalone （一） headings (layout.md §4, §7):
 * in the model and the .nianbao file, the PDF (position, structure, outline) and the HTML.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "nb-document.h"
#include "nb-export.h"
#include "nb-test-util.h"
#include "nb-typeset.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

static char *tmpdir;

static NbReport *
signed_sample (void)
{
  NbReport *report = nb_test_load_sample ();

  nb_report_set_signature (report, TRUE);
  nb_report_set_text (report, NB_TEXT_SIGNATURE_DATE, "2025-01-05");
  nb_report_set_standalone_headings (report, TRUE);
  return report;
}

/* Written only when set, read back as written; a document without them keeps its bytes. */
static void
test_document (void)
{
  g_autoptr(NbReport) plain = nb_test_load_sample ();
  g_autoptr(NbReport) report = signed_sample ();
  g_autoptr(NbReport) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL, *plain_data = NULL, *original = NULL;
  gsize len, plain_len, original_len;

  plain_data = nb_document_serialize (plain, &plain_len);
  g_assert_true (g_file_get_contents (g_getenv ("NB_SAMPLE"), &original, &original_len, NULL));
  g_assert_cmpmem (plain_data, plain_len, original, original_len);
  g_assert_null (strstr (plain_data, "signature"));

  data = nb_document_serialize (report, &len);
  g_assert_nonnull (strstr (data, "\"signature\" : {"));
  g_assert_nonnull (strstr (data, "\"date\" : \"2025-01-05\""));
  g_assert_nonnull (strstr (data, "\"run_in_headings\" : false"));
  back = nb_document_parse (data, (gssize) len, "signed.nianbao", &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_get_signature (back));
  g_assert_true (nb_report_get_standalone_headings (back));
  g_assert_cmpstr (nb_report_get_text (back, NB_TEXT_SIGNATURE_DATE), ==, "2025-01-05");

  /* A bad value is refused with its place in the file. */
  {
    g_autofree char *bad = g_strdup (data);
    char *at = strstr (bad, "\"run_in_headings\" : false");
    g_autoptr(NbReport) none = NULL;

    memcpy (at, "\"run_in_headings\" : 0    ", strlen ("\"run_in_headings\" : false"));
    none = nb_document_parse (bad, -1, "bad.nianbao", &error);
    g_assert_null (none);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "run_in_headings"));
  }
}

static char *
run (const char *tool, const char *path, const char *after)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("%s %s %s", tool, quoted, after);
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The word @text's box on the last page, from pdftotext -bbox. */
static gboolean
word_box (const char *bbox, const char *text, double *x_min, double *x_max)
{
  g_autofree char *needle = g_strdup_printf (">%s</word>", text);
  const char *at = g_strrstr (bbox, needle);
  const char *start;

  if (at == NULL)
    return FALSE;
  start = g_strrstr_len (bbox, at - bbox, "<word ");
  return sscanf (start, "<word xMin=\"%lf\" yMin=\"%*f\" xMax=\"%lf\"", x_min, x_max) == 2;
}

static void
test_pdf (void)
{
  g_autoptr(NbReport) report = signed_sample ();
  g_autofree char *path = g_build_filename (tmpdir, "signed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *structure = NULL, *bbox = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  PopplerIndexIter *outline, *child;
  NbPdfOptions options = { NULL };
  double agency_min, agency_max, date_min, date_max;
  guint h3 = 0, children = 0;

  g_assert_true (nb_export_pdf (report, file, &options, &error));
  g_assert_no_error (error);
  g_strfreev (options.resolved_fonts);

  /* Agency two characters from the right edge of the type area; the date's first
   * character two characters right of the agency's. */
  bbox = run ("pdftotext -bbox", path, "-");
  g_assert_true (word_box (bbox, "重庆市黔江区人民政府", &agency_min, &agency_max));
  g_assert_true (word_box (bbox, "2025年1月5日", &date_min, &date_max));
  g_assert_cmpfloat_with_epsilon (agency_max, NB_AREA_LEFT + NB_AREA_WIDTH - 2 * NB_CHAR_ADVANCE, 1.0);
  g_assert_cmpfloat_with_epsilon (date_min - agency_min, 2 * NB_CHAR_ADVANCE, 1.0);

  /* Five H3 headings without final punctuation. */
  structure = run ("pdfinfo -struct-text", path, "");
  for (const char *p = structure; (p = strstr (p, "H3 (block)")); p++)
    h3++;
  g_assert_cmpuint (h3, ==, 5);
  g_assert_nonnull (strstr (structure, "\"（一）积极主动做好政务公开\"\n"));

  /* The outline has them under 一. */
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  outline = poppler_index_iter_new (doc);
  g_assert_nonnull (outline);
  child = poppler_index_iter_get_child (outline);
  g_assert_nonnull (child);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (child);

      if (children == 0)
        g_assert_cmpstr (action->any.title, ==, "（一）积极主动做好政务公开");
      poppler_action_free (action);
      children++;
    }
  while (poppler_index_iter_next (child));
  g_assert_cmpuint (children, ==, 5);
  poppler_index_iter_free (child);
  poppler_index_iter_free (outline);
  g_unlink (path);
}

static void
test_html (void)
{
  g_autoptr(NbReport) report = signed_sample ();
  g_autofree char *page = nb_html_render (report, FALSE);
  g_autofree char *fragment = nb_html_render (report, TRUE);

  g_assert_nonnull (strstr (page, "<h3>（一）积极主动做好政务公开</h3>"));
  g_assert_null (strstr (page, "class=\"run-in\""));
  g_assert_nonnull (strstr (page, "<p class=\"signature\">重庆市黔江区人民政府<br>2025年1月5日</p>"));
  g_assert_nonnull (strstr (fragment, "text-align:right"));
}

int
main (int argc, char **argv)
{
  tmpdir = nb_test_init_export (&argc, &argv, "signature");
  g_test_add_func ("/signature/document", test_document);
  g_test_add_func ("/signature/pdf", test_pdf);
  g_test_add_func ("/signature/html", test_html);
  return nb_test_finish_export (tmpdir, g_test_run ());
}
