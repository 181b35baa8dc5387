/* nb-export-docx.c — the report as a Word document (Office Open XML) in the official layout
 *
 * What the upper-level office edits and prints: A4 with the margins and 22-line grid of
 * layout.md, the title, the six sections with their heading fonts and run-in （一）
 * headings, tables 二, 三 and 四 as real Word tables (nb-docx-tables.c), page numbers
 * “— N —” outside on odd and even pages, the signature block. Fonts are named by role,
 * never embedded, so the receiving office's 仿宋_GB2312 and 方正小标宋 are used.
 *
 * The same report gives the same bytes: the creation date is SOURCE_DATE_EPOCH when set,
 * else the report's own date, as in the PDF; never the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "nb-docx-private.h"
#include "nb-export.h"
#include "nb-export-private.h"
#include "nb-render-text.h"
#include "nb-title-breaks.h"

#define W(name) BAD_CAST (name)

typedef struct {
  xmlTextWriterPtr  w;
  NbReport         *report;
  NbDocxFonts       fonts;
} Document;

/* <w:p> with a style and, when @right_twips ≥ 0, right alignment that far from the edge. */
static void
paragraph_begin (Document *doc, const char *style, int right_twips)
{
  xmlTextWriterStartElement (doc->w, W ("w:p"));
  if (style == NULL && right_twips < 0)
    return;
  xmlTextWriterStartElement (doc->w, W ("w:pPr"));
  if (style)
    nb_docx_val (doc->w, "w:pStyle", style);
  if (right_twips >= 0)
    {
      xmlTextWriterStartElement (doc->w, W ("w:ind"));
      xmlTextWriterWriteFormatAttribute (doc->w, W ("w:right"), "%d", right_twips);
      xmlTextWriterWriteAttribute (doc->w, W ("w:firstLine"), W ("0"));
      xmlTextWriterWriteAttribute (doc->w, W ("w:firstLineChars"), W ("0"));
      xmlTextWriterEndElement (doc->w);
      nb_docx_val (doc->w, "w:jc", "right");
    }
  xmlTextWriterEndElement (doc->w);
}

static void
paragraph_end (Document *doc)
{
  xmlTextWriterEndElement (doc->w);
}

/* The body paragraphs of @text (nb_render_paragraphs); @run_in, in 楷体, opens the first. */
static void
write_paragraphs (Document *doc, const char *text, const char *run_in)
{
  g_auto(GStrv) lines = nb_render_paragraphs (text);

  for (guint i = 0; lines[i] || (i == 0 && run_in); i++)
    {
      paragraph_begin (doc, NULL, -1);
      if (i == 0 && run_in)
        nb_docx_run (doc->w, run_in, doc->fonts.family[NB_FONT_KAI], 0);
      if (lines[i])
        nb_docx_run (doc->w, lines[i], NULL, 0);
      paragraph_end (doc);
      if (!lines[i])
        break;
    }
}

/* The advance of each title character at 二号 in a full-width CJK face: 1 em for CJK,
 * half for digits and Latin, which is how Word sets 方正小标宋 and its stand-ins. */
static double *
title_widths (const char *title, guint n)
{
  double *widths = g_new0 (double, n + 1);
  const char *p = title;

  for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
    widths[i] = g_unichar_iswide (g_utf8_get_char (p)) ? NB_SIZE_ERHAO : NB_SIZE_ERHAO / 2;
  return widths;
}

/* The title centred, broken where the user asked or by the rules of layout.md §5 (never
 * “……工作年度 / 报告”), then one blank grid line. */
static void
write_title (Document *doc)
{
  g_autofree char *title = nb_render_display_title (doc->report);
  guint n = (guint) g_utf8_strlen (title, -1);
  g_autofree double *widths = title_widths (title, n);
  g_autoptr(GArray) breaks = nb_render_title_breaks (title, nb_report_get_title_breaks (doc->report));
  GString *text = g_string_new (NULL);
  int done = 0;

  if (breaks->len == 0)
    {
      g_array_unref (breaks);
      breaks = nb_title_breaks_compute (title, widths, NB_AREA_WIDTH);
    }
  for (guint i = 0; i <= breaks->len; i++)
    {
      int end = i < breaks->len ? g_array_index (breaks, int, i) : (int) n;
      const char *from = g_utf8_offset_to_pointer (title, done);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, from, g_utf8_offset_to_pointer (title, end) - from);
      done = end;
    }
  paragraph_begin (doc, "Title", -1);
  nb_docx_run (doc->w, text->str, NULL, 0);
  paragraph_end (doc);
  g_string_free (text, TRUE);
  paragraph_begin (doc, NULL, -1);
  paragraph_end (doc);
}

static void
write_section (Document *doc, guint s)
{
  const NbSectionDef *def = nb_format_section (s);
  g_autofree char *title = nb_render_clean_line (nb_report_get_section_title (doc->report, s));

  paragraph_begin (doc, "Heading1", -1);
  nb_docx_run (doc->w, title, NULL, 0);
  paragraph_end (doc);
  if (def->kind == NB_SECTION_TABLE)
    nb_docx_write_table (doc->w, &doc->fonts, doc->report, def->table);
  write_paragraphs (doc, nb_render_section_text (doc->report, s), NULL);
  for (guint i = 0; s == 0 && i < nb_report_get_n_parts (doc->report); i++)
    {
      g_autofree char *heading = nb_render_part_heading (doc->report, i);

      write_paragraphs (doc, nb_report_get_part (doc->report, i)->text, heading);
    }
}

/* The width of @text in twips at 三号 on the grid: half a character for digits and Latin. */
static int
grid_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? NB_DOCX_CHAR : NB_DOCX_CHAR / 2;
  return width;
}

/* The signature block (layout.md §7): the agency and the date. The model has no signature
 * of its own yet, so the block is the agency and the publication date, printed when the
 * report has a publication date. */
static gboolean
signature (NbReport *report, char **agency, char **date)
{
  const char *published = nb_report_get_text (report, NB_TEXT_PUBLICATION_DATE);

  if (published == NULL || *published == '\0')
    return FALSE;
  *agency = nb_render_clean_line (nb_report_get_text (report, NB_TEXT_AGENCY));
  *date = nb_date_format_chinese (published);
  return **agency != '\0';
}

/* One blank grid line; the signature two characters from the right edge; the date below,
 * starting two characters right of the signature's start, or two characters from the edge
 * with the signature moved left when the date is the longer. */
static void
write_signature (Document *doc)
{
  g_autofree char *agency = NULL;
  g_autofree char *date = NULL;
  int agency_right, date_right;

  if (!signature (doc->report, &agency, &date))
    return;
  agency_right = 2 * NB_DOCX_CHAR;
  date_right = agency_right + grid_width (agency) - 2 * NB_DOCX_CHAR - grid_width (date);
  if (date_right < 2 * NB_DOCX_CHAR)
    {
      date_right = 2 * NB_DOCX_CHAR;
      agency_right = date_right + grid_width (date) + 2 * NB_DOCX_CHAR - grid_width (agency);
    }
  paragraph_begin (doc, NULL, -1);
  paragraph_end (doc);
  paragraph_begin (doc, NULL, agency_right);
  nb_docx_run (doc->w, agency, NULL, 0);
  paragraph_end (doc);
  paragraph_begin (doc, NULL, date_right);
  nb_docx_run (doc->w, date, NULL, 0);
  paragraph_end (doc);
}

static gboolean
write_document (Document *doc, NbZipWriter *zip, GError **error)
{
  NbDocxPart part;

  doc->w = nb_docx_part_begin (&part, "w:document", NB_DOCX_NS_W);
  xmlTextWriterWriteAttribute (doc->w, W ("xmlns:r"), W (NB_DOCX_NS_R));
  xmlTextWriterStartElement (doc->w, W ("w:body"));
  write_title (doc);
  write_paragraphs (doc, nb_report_get_text (doc->report, NB_TEXT_PREAMBLE), NULL);
  /* The contact line and the portal address belong right after the preamble. */
  write_paragraphs (doc, nb_report_get_text (doc->report, NB_TEXT_CONTACT), NULL);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    write_section (doc, s);
  write_signature (doc);
  nb_docx_write_sect_pr (doc->w);
  xmlTextWriterEndElement (doc->w);
  xmlTextWriterEndElement (doc->w);
  return nb_docx_part_add (&part, zip, "word/document.xml", error);
}

/* SOURCE_DATE_EPOCH (reproducible builds), else the publication date at 00:00 in China,
 * else 1 January of the next year: the PDF's date. */
static gint64
created_time (NbReport *report)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  const char *published = nb_report_get_text (report, NB_TEXT_PUBLICATION_DATE);
  g_autoptr(GTimeZone) china = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) time = NULL;
  int y = nb_report_get_year (report) + 1, m = 1, d = 1;
  guint64 seconds;

  if (epoch && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return (gint64) seconds;
  if (published && sscanf (published, "%d-%d-%d", &y, &m, &d) != 3)
    y = nb_report_get_year (report) + 1, m = 1, d = 1;
  time = g_date_time_new (china, y, m, d, 0, 0, 0);
  return time ? g_date_time_to_unix (time) : 0;
}

/* The whole package in memory, so a failure leaves nothing half-written on disk. */
static GBytes *
render (NbReport *report, const NbPdfOptions *fonts, GError **error)
{
  Document doc = { NULL, report };
  g_autoptr(NbZipWriter) zip = NULL;
  gint64 created;
  gboolean ok;

  created = created_time (report);
  zip = nb_zip_writer_new (created);
  nb_docx_fonts_init (&doc.fonts, fonts);
  ok = nb_docx_write_package (zip, error) &&
       write_document (&doc, zip, error) &&
       nb_docx_write_styles (&doc.fonts, zip, error) &&
       nb_docx_write_settings (zip, error) &&
       nb_docx_write_font_table (&doc.fonts, zip, error) &&
       nb_docx_write_footers (zip, error) &&
       nb_docx_write_properties (report, created, zip, error);
  nb_docx_fonts_clear (&doc.fonts);
  return ok ? nb_zip_writer_finish (zip, error) : NULL;
}

gboolean
nb_export_docx (NbReport *report, GFile *file, const NbPdfOptions *fonts, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = render (report, fonts, &local_error)))
    {
      nb_export_set_write_error (error, file, local_error->domain, local_error->code,
                                 local_error->message);
      return FALSE;
    }
  return nb_export_write_file (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
