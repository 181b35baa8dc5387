/* nb-export-pdf.c — the report as a tagged, bookmarked A4 PDF (layout.md §12)
 *
 * The creation date is the export time; with SOURCE_DATE_EPOCH set (reproducible builds,
 * tests) it is that instant instead, so the same document gives the same bytes. What cairo
 * 1.16 cannot write (/Lang, page labels, XMP) is added by nb-pdf-catalog.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "nb-checks.h"
#include "nb-export.h"
#include "nb-export-private.h"
#include "nb-page-layout-private.h"
#include "nb-pdf-catalog.h"
#include "nb-render-text.h"

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The export time, or SOURCE_DATE_EPOCH when set, in China Standard Time (UTC+8, the
 * reports' own time): the same instant always gives the same text. */
static char *
pdf_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GTimeZone) china = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 seconds;
  char *end = NULL;

  if (epoch && *epoch && (seconds = g_ascii_strtoll (epoch, &end, 10), *end == '\0') && seconds >= 0)
    utc = g_date_time_new_from_unix_utc (seconds);
  if (utc == NULL)
    utc = g_date_time_new_now_utc ();
  local = g_date_time_to_timezone (utc, china);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S+08:00");
}

static void
set_metadata (cairo_surface_t *surface, NbReport *report, NbPageLayout *layout, const char *date)
{
  g_autofree char *agency = nb_render_clean_line (nb_report_get_text (report, NB_TEXT_AGENCY));
  g_autofree char *subject = nb_render_subject (report);
  g_autofree char *keywords = g_strdup_printf ("政府信息公开,年度报告,%d,%s",
                                               nb_report_get_year (report), agency);

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

/* Lang, page labels, viewer preferences and XMP after cairo (nb-pdf-catalog.h). */
static GBytes *
complete (GBytes *pdf, NbReport *report, NbPageLayout *layout, const char *date, GError **error)
{
  g_autofree char *agency = nb_render_clean_line (nb_report_get_text (report, NB_TEXT_AGENCY));
  g_autofree char *subject = nb_render_subject (report);
  g_autofree char *producer = g_strdup_printf ("cairo %s (https://cairographics.org)",
                                               cairo_version_string ());
  NbPdfCatalog info = {
    .lang = "zh-CN",
    .title = nb_page_layout_get_title (layout),
    .author = agency,
    .subject = subject,
    .creator = "Nianbao " PACKAGE_VERSION,
    .producer = producer,
    .date = date,
  };

  return nb_pdf_catalog_update (pdf, &info, error);
}

/* The whole PDF in memory, so a failure leaves nothing half-written on disk. */
static GBytes *
render (NbReport *report, NbPageLayout *layout, GError **error)
{
  g_autofree char *date = pdf_date ();
  g_autoptr(GBytes) drawn = NULL;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages = nb_page_layout_get_n_pages (layout);
  g_autoptr(NbFontSubsets) subsets = collect_glyphs (layout);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, NB_PAGE_WIDTH_PT,
                                                 NB_PAGE_HEIGHT_PT);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, report, layout, date);
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      g_autofree char *link = g_strdup_printf ("dest='%s'", nb_page_layout_get_section_dest (layout, i));
      int id = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                              nb_page_layout_get_section_title (layout, i), link,
                                              CAIRO_PDF_OUTLINE_FLAG_OPEN);

      /* Standalone （一） headings under 一 (run-in ones are no outline entries). */
      for (guint p = 0; i == 0 && p < nb_page_layout_get_n_part_headings (layout); p++)
        {
          const char *dest;
          const char *heading = nb_page_layout_get_part_heading (layout, p, &dest);
          g_autofree char *part_link = g_strdup_printf ("dest='%s'", dest);

          cairo_pdf_surface_add_outline (surface, id, heading, part_link, 0);
        }
    }

  cr = cairo_create (surface);
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < n_pages; page++)
    {
      /* No cairo_pdf_surface_set_page_label (): cairo 1.16 writes "1", "2" … as an empty
       * /Nums array. complete () labels the pages instead. */
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
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return NULL;
    }
  drawn = g_byte_array_free_to_bytes (bytes);
  return complete (drawn, report, layout, date, error);
}

/* The export summary: the fonts, then a warning while half-width punctuation (R-X-09)
 * remains, since a PDF printed with it is not one to publish. */
static char **
summary (NbReport *report, NbPageLayout *layout)
{
  g_auto(GStrv) fonts = nb_page_layout_dup_resolved_fonts (layout);
  g_autoptr(GPtrArray) findings = nb_checks_run (report, NULL);
  GPtrArray *lines = g_ptr_array_new ();
  guint n_fields = 0;

  for (guint i = 0; fonts[i]; i++)
    g_ptr_array_add (lines, g_strdup (fonts[i]));
  for (guint i = 0; i < findings->len; i++)
    n_fields += g_str_equal (((NbFinding *) g_ptr_array_index (findings, i))->rule, "R-X-09");
  if (n_fields > 0)
    g_ptr_array_add (lines, g_strdup_printf (
                       /* TRANSLATORS: R-X-09; the fix is the editor's 规范标点 action */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Warning: %u text still has half-width punctuation (R-X-09); apply 规范标点 before publishing.",
                                    "Warning: %u texts still have half-width punctuation (R-X-09); apply 规范标点 before publishing.",
                                    n_fields), n_fields));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

gboolean
nb_export_pdf (NbReport *report, GFile *file, NbPdfOptions *options, GError **error)
{
  g_autoptr(NbPageLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = nb_page_layout_new (report, options);
  /* No font for a role: refuse rather than write tofu under a font report that lies. */
  if (!nb_page_layout_check_fonts (layout, error))
    return FALSE;
  if (!(bytes = render (report, layout, &local_error)))
    {
      nb_export_set_write_error (error, file, local_error->domain, local_error->code,
                                 local_error->message);
      return FALSE;
    }
  if (!nb_export_write_file (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  if (options)
    {
      g_strfreev (options->resolved_fonts);
      options->resolved_fonts = summary (report, layout);
    }
  return TRUE;
}
