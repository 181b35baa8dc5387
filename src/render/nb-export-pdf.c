/* nb-export-pdf.c — the report as a tagged, bookmarked A4 PDF (layout.md §12)
 *
 * The same document gives the same bytes: the creation date comes from the report's
 * publication date, never from the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "nb-export.h"
#include "nb-page-layout-private.h"

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* "2024-01-05" → "2024年1月5日": full year, no leading zeros (layout.md §10). */
static char *
chinese_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/* The publication date at 00:00 in China, or 1 January of the next year. */
static char *
pdf_date (NbReport *report)
{
  const char *published = nb_report_get_text (report, NB_TEXT_PUBLICATION_DATE);
  int y, m, d;

  if (published && sscanf (published, "%d-%d-%d", &y, &m, &d) == 3)
    return g_strdup_printf ("%04d-%02d-%02dT00:00:00+08:00", y, m, d);
  return g_strdup_printf ("%04d-01-01T00:00:00+08:00", nb_report_get_year (report) + 1);
}

static void
set_metadata (cairo_surface_t *surface, NbReport *report, NbPageLayout *layout)
{
  const char *agency = nb_report_get_text (report, NB_TEXT_AGENCY);
  g_autofree char *start = chinese_date (nb_report_get_text (report, NB_TEXT_PERIOD_START));
  g_autofree char *end = chinese_date (nb_report_get_text (report, NB_TEXT_PERIOD_END));
  g_autofree char *subject = g_strdup_printf ("政府信息公开工作年度报告（统计期限：%s至%s）", start, end);
  g_autofree char *keywords = g_strdup_printf ("政府信息公开,年度报告,%d,%s",
                                               nb_report_get_year (report), agency);
  g_autofree char *date = pdf_date (report);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, nb_page_layout_get_title (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, agency);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nianbao " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Every glyph the pages draw, subset per face (see nb-pdf-subset.h). */
static NbFontSubsets *
collect_glyphs (NbPageLayout *layout)
{
  NbFontSubsets *subsets = nb_font_subsets_new ();
  cairo_surface_t *nowhere = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (nowhere);

  for (guint page = 0; page < nb_page_layout_get_n_pages (layout); page++)
    nb_page_layout_draw_page_tagged (layout, cr, page, subsets);
  cairo_destroy (cr);
  cairo_surface_destroy (nowhere);
  nb_font_subsets_build (subsets);
  return subsets;
}

/* The whole PDF in memory, so a failure leaves nothing half-written on disk. */
static GBytes *
render (NbReport *report, NbPageLayout *layout, GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages = nb_page_layout_get_n_pages (layout);
  g_autoptr(NbFontSubsets) subsets = collect_glyphs (layout);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, NB_PAGE_WIDTH_PT,
                                                 NB_PAGE_HEIGHT_PT);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, report, layout);
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      g_autofree char *link = g_strdup_printf ("dest='%s'", nb_page_layout_get_section_dest (layout, i));

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     nb_page_layout_get_section_title (layout, i), link,
                                     CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }

  cr = cairo_create (surface);
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *label = g_strdup_printf ("%u", page + 1);

      /* Page labels match the printed “— N —”. */
      cairo_pdf_surface_set_page_label (surface, label);
      nb_page_layout_draw_page_tagged (layout, cr, page, subsets);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* Writes @bytes to a temporary file beside @file, then renames it over @file. */
static gboolean
write_atomically (GFile *file, GBytes *bytes, GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize written;

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("Not a file name"));
      return FALSE;
    }
  for (guint attempt = 0; stream == NULL; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autoptr(GError) local = NULL;

      g_clear_object (&temp);
      temp = g_file_get_child (parent, name);
      stream = g_file_create (temp, G_FILE_CREATE_NONE, NULL, &local);
      if (stream == NULL && (attempt > 8 || !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error) ||
      !g_file_move (temp, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
nb_export_pdf (NbReport *report, GFile *file, NbPdfOptions *options, GError **error)
{
  g_autoptr(NbPageLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = nb_page_layout_new (report, options);
  if (options)
    {
      g_strfreev (options->resolved_fonts);
      options->resolved_fonts = nb_page_layout_dup_resolved_fonts (layout);
    }
  if (!(bytes = render (report, layout, error)) || !write_atomically (file, bytes, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Cannot write the PDF “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}
