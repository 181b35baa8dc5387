/* nb-docx-package.c — the parts of the .docx around the document text
 *
 * Styles (the type scale of layout.md §3 by font role), settings (odd and even footers),
 * the font table (families named, never embedded), the two footers with “— N —”, the core
 * and extended properties, and the package's content types and relationships. Child
 * elements follow the order of the ECMA-376 schema: Word offers to “repair” a document
 * whose elements are out of order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-docx-private.h"
#include "nb-render-text.h"

#define W(name) BAD_CAST (name)

/* Every part of the package, with its content type and who points at it: the package
 * (“/”) or the document. The content types and both relationship parts come from here,
 * so no part can be written without being declared. */
static const struct {
  const char *name;
  const char *content_type;
  const char *owner;            /* "" = the package's _rels/.rels, "word" = the document's */
  const char *rel_type;
  const char *rel_id;
} parts[] = {
  { "word/document.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "rId1" },
  { "docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", "",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "rId2" },
  { "docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", "",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "rId3" },
  { "word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "word", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "rId1" },
  { "word/settings.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", "word",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "rId2" },
  { "word/fontTable.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml", "word",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable", "rId3" },
  /* Odd pages (Word's “default” footer) and even pages. */
  { "word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "word", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "rId4" },
  { "word/footer2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "word", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "rId5" },
};

/* ---- Writing helpers ------------------------------------------------------------------- */

xmlTextWriterPtr
nb_docx_part_begin (NbDocxPart *part, const char *root, const char *ns)
{
  const char *colon = strchr (root, ':');
  g_autofree char *xmlns = colon ? g_strdup_printf ("xmlns:%.*s", (int) (colon - root), root)
                                 : g_strdup ("xmlns");

  part->buffer = xmlBufferCreate ();
  part->w = xmlNewTextWriterMemory (part->buffer, 0);
  xmlTextWriterStartDocument (part->w, NULL, "UTF-8", "yes");
  xmlTextWriterStartElement (part->w, W (root));
  xmlTextWriterWriteAttribute (part->w, W (xmlns), W (ns));
  return part->w;
}

gboolean
nb_docx_part_add (NbDocxPart *part, NbZipWriter *zip, const char *name, GError **error)
{
  gboolean ok;

  xmlTextWriterEndDocument (part->w);
  xmlFreeTextWriter (part->w);
  ok = nb_zip_writer_add (zip, name, xmlBufferContent (part->buffer),
                          (gsize) xmlBufferLength (part->buffer), error);
  xmlBufferFree (part->buffer);
  memset (part, 0, sizeof *part);
  return ok;
}

void
nb_docx_val (xmlTextWriterPtr w, const char *name, const char *value)
{
  xmlTextWriterStartElement (w, W (name));
  xmlTextWriterWriteAttribute (w, W ("w:val"), W (value));
  xmlTextWriterEndElement (w);
}

void
nb_docx_val_int (xmlTextWriterPtr w, const char *name, int value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  nb_docx_val (w, name, text);
}

void
nb_docx_empty (xmlTextWriterPtr w, const char *name)
{
  xmlTextWriterStartElement (w, W (name));
  xmlTextWriterEndElement (w);
}

void
nb_docx_fonts (xmlTextWriterPtr w, const char *family)
{
  xmlTextWriterStartElement (w, W ("w:rFonts"));
  /* The CJK font's own digits and Latin (layout.md §9: no separate Latin font). */
  xmlTextWriterWriteAttribute (w, W ("w:ascii"), W (family));
  xmlTextWriterWriteAttribute (w, W ("w:eastAsia"), W (family));
  xmlTextWriterWriteAttribute (w, W ("w:hAnsi"), W (family));
  xmlTextWriterWriteAttribute (w, W ("w:cs"), W (family));
  xmlTextWriterEndElement (w);
}

void
nb_docx_lang (xmlTextWriterPtr w, const char *name)
{
  xmlTextWriterStartElement (w, W (name));
  xmlTextWriterWriteAttribute (w, W ("w:val"), W ("en-US"));
  xmlTextWriterWriteAttribute (w, W ("w:eastAsia"), W ("zh-CN"));
  xmlTextWriterEndElement (w);
}

void
nb_docx_size (xmlTextWriterPtr w, double size_pt)
{
  int half_points = (int) (size_pt * 2.0 + 0.5);

  nb_docx_val_int (w, "w:sz", half_points);
  nb_docx_val_int (w, "w:szCs", half_points);
}

void
nb_docx_exact_lines (xmlTextWriterPtr w, int line_twips)
{
  xmlTextWriterStartElement (w, W ("w:spacing"));
  xmlTextWriterWriteAttribute (w, W ("w:before"), W ("0"));
  xmlTextWriterWriteAttribute (w, W ("w:after"), W ("0"));
  xmlTextWriterWriteFormatAttribute (w, W ("w:line"), "%d", line_twips);
  xmlTextWriterWriteAttribute (w, W ("w:lineRule"), W ("exact"));
  xmlTextWriterEndElement (w);
}

/* XML 1.0 allows no C0 controls but tab and newlines, nor U+FFFE and U+FFFF: a report
 * with one of them pasted in must still give a document Word opens. */
static gboolean
xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
}

void
nb_docx_text (xmlTextWriterPtr w, const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    if (xml_char (g_utf8_get_char (p)))
      g_string_append_len (clean, p, g_utf8_next_char (p) - p);
  xmlTextWriterWriteString (w, W (clean->str));
  g_string_free (clean, TRUE);
}

void
nb_docx_run (xmlTextWriterPtr w, const char *text, const char *family, double size_pt)
{
  const char *p = text;

  xmlTextWriterStartElement (w, W ("w:r"));
  if (family || size_pt > 0)
    {
      xmlTextWriterStartElement (w, W ("w:rPr"));
      if (family)
        nb_docx_fonts (w, family);
      if (size_pt > 0)
        nb_docx_size (w, size_pt);
      xmlTextWriterEndElement (w);
    }
  for (;;)
    {
      const char *end = strchr (p, '\n');
      g_autofree char *line = g_strndup (p, end ? (gsize) (end - p) : strlen (p));

      if (*line)
        {
          xmlTextWriterStartElement (w, W ("w:t"));
          xmlTextWriterWriteAttribute (w, W ("xml:space"), W ("preserve"));
          nb_docx_text (w, line);
          xmlTextWriterEndElement (w);
        }
      if (!end)
        break;
      xmlTextWriterStartElement (w, W ("w:br"));
      xmlTextWriterEndElement (w);
      p = end + 1;
    }
  xmlTextWriterEndElement (w);
}

/* ---- Fonts ----------------------------------------------------------------------------- */

/* The alternative offered for a family: the same design without the “_GB2312” of the old
 * code page when the list has it (仿宋_GB2312 → 仿宋, the 仿宋 every Windows ships), else
 * the list's next name (黑体 → SimHei). */
static const char *
alternative (char **list)
{
  const char *suffix = strstr (list[0], "_GB2312");

  for (guint i = 1; suffix && list[i]; i++)
    if (strlen (list[i]) == (gsize) (suffix - list[0]) &&
        strncmp (list[i], list[0], strlen (list[i])) == 0)
      return list[i];
  return list[1];
}

/* The user's families for @role first, then the role's own list, each once. */
static char **
role_families (const NbPdfOptions *options, NbFontRole role)
{
  g_auto(GStrv) chosen = nb_pdf_fonts_user_families (options, role);
  g_auto(GStrv) defaults = nb_pdf_fonts_families (role);
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();

  for (guint i = 0; chosen && chosen[i]; i++)
    g_strv_builder_add (list, chosen[i]);
  for (guint i = 0; defaults[i]; i++)
    if (chosen == NULL || !g_strv_contains ((const char *const *) chosen, defaults[i]))
      g_strv_builder_add (list, defaults[i]);
  return g_strv_builder_end (list);
}

void
nb_docx_fonts_init (NbDocxFonts *fonts, const NbPdfOptions *options)
{
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    {
      fonts->list[r] = role_families (options, r);
      fonts->family[r] = fonts->list[r][0];
      fonts->alternative[r] = alternative (fonts->list[r]);
    }
}

void
nb_docx_fonts_clear (NbDocxFonts *fonts)
{
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    g_clear_pointer (&fonts->list[r], g_strfreev);
}

gboolean
nb_docx_write_font_table (const NbDocxFonts *fonts, NbZipWriter *zip, GError **error)
{
  NbDocxPart part;
  xmlTextWriterPtr w;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  w = nb_docx_part_begin (&part, "w:fonts", NB_DOCX_NS_W);
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    {
      if (!g_hash_table_add (seen, (gpointer) fonts->family[r]))
        continue;
      xmlTextWriterStartElement (w, W ("w:font"));
      xmlTextWriterWriteAttribute (w, W ("w:name"), W (fonts->family[r]));
      if (fonts->alternative[r])
        nb_docx_val (w, "w:altName", fonts->alternative[r]);
      /* GB2312 character set: Word looks for a Chinese face when the named one is missing. */
      nb_docx_val (w, "w:charset", "86");
      nb_docx_val (w, "w:family", r == NB_FONT_HEI ? "modern" : "roman");
      nb_docx_val (w, "w:pitch", "variable");
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  return nb_docx_part_add (&part, zip, "word/fontTable.xml", error);
}

/* ---- Styles ---------------------------------------------------------------------------- */

static void
indent (xmlTextWriterPtr w, const char *side, int chars)
{
  g_autofree char *twips = g_strdup_printf ("%d", chars * NB_DOCX_CHAR);
  g_autofree char *hundredths = g_strdup_printf ("%d", chars * 100);
  g_autofree char *side_chars = g_strconcat (side, "Chars", NULL);

  xmlTextWriterStartElement (w, W ("w:ind"));
  xmlTextWriterWriteAttribute (w, W (side), W (twips));
  xmlTextWriterWriteAttribute (w, W (side_chars), W (hundredths));
  xmlTextWriterEndElement (w);
}

/* The paragraph styles (layout.md §3). Each is based on Normal except Normal itself. */
static const struct {
  const char *id;
  const char *name;
  NbFontRole  role;
  double      size;
  int         spacing;          /* character spacing, twips (−4: 28 characters a line) */
  int         first_line;       /* first-line indent in characters; −1: Normal's */
  const char *jc;               /* NULL: Normal's */
  int         outline;          /* outline level for the navigation pane; −1: none */
} styles[] = {
  /* Body: 仿宋 三号, justified, first line indented two characters, on the grid. */
  { "Normal", "Normal", NB_FONT_BODY, NB_SIZE_SANHAO, -4, 2, "both", -1 },
  /* The title: 小标宋 二号, centred, no letter spacing. */
  { "Title", "Title", NB_FONT_TITLE, NB_SIZE_ERHAO, 0, 0, "center", -1 },
  /* 一、 headings: 黑体 三号, indented like the body, kept with what follows. */
  { "Heading1", "heading 1", NB_FONT_HEI, NB_SIZE_SANHAO, -4, -1, NULL, 0 },
  /* Table cells: centred, no indent; size and line height set per table. */
  { "NbTableText", "Table Text", NB_FONT_BODY, NB_SIZE_XIAOSI, 0, 0, "center", -1 },
  /* Page numbers: 宋体 四号 on a single line (layout.md §6). */
  { "Footer", "footer", NB_FONT_SONG, NB_SIZE_SIHAO, 0, 0, NULL, -1 },
};

static void
write_style (xmlTextWriterPtr w, const NbDocxFonts *fonts, guint i)
{
  gboolean normal = i == 0;

  xmlTextWriterStartElement (w, W ("w:style"));
  xmlTextWriterWriteAttribute (w, W ("w:type"), W ("paragraph"));
  if (normal)
    xmlTextWriterWriteAttribute (w, W ("w:default"), W ("1"));
  xmlTextWriterWriteAttribute (w, W ("w:styleId"), W (styles[i].id));
  nb_docx_val (w, "w:name", styles[i].name);
  if (!normal)
    nb_docx_val (w, "w:basedOn", "Normal");
  nb_docx_val (w, "w:next", "Normal");
  nb_docx_val (w, "w:qFormat", "1");

  xmlTextWriterStartElement (w, W ("w:pPr"));
  if (styles[i].outline == 0)
    nb_docx_empty (w, "w:keepNext");
  if (normal)
    {
      /* No extra space between Chinese and digits or Latin: “2024年”, as in the PDF. */
      nb_docx_val (w, "w:autoSpaceDE", "0");
      nb_docx_val (w, "w:autoSpaceDN", "0");
      /* The exact line pitch is the grid; LibreOffice would otherwise snap each line to
       * the next grid line and set 19 lines a page instead of 22. */
      nb_docx_val (w, "w:snapToGrid", "0");
      nb_docx_exact_lines (w, NB_DOCX_LINE_PITCH);
    }
  else if (styles[i].role == NB_FONT_SONG)
    {
      xmlTextWriterStartElement (w, W ("w:spacing"));
      xmlTextWriterWriteAttribute (w, W ("w:line"), W ("240"));
      xmlTextWriterWriteAttribute (w, W ("w:lineRule"), W ("auto"));
      xmlTextWriterEndElement (w);
    }
  if (styles[i].first_line >= 0)
    indent (w, "w:firstLine", styles[i].first_line);
  if (styles[i].jc)
    nb_docx_val (w, "w:jc", styles[i].jc);
  if (styles[i].outline >= 0)
    nb_docx_val_int (w, "w:outlineLvl", styles[i].outline);
  xmlTextWriterEndElement (w);

  xmlTextWriterStartElement (w, W ("w:rPr"));
  nb_docx_fonts (w, fonts->family[styles[i].role]);
  nb_docx_val_int (w, "w:spacing", styles[i].spacing);
  nb_docx_size (w, styles[i].size);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

gboolean
nb_docx_write_styles (const NbDocxFonts *fonts, NbZipWriter *zip, GError **error)
{
  NbDocxPart part;
  xmlTextWriterPtr w;

  w = nb_docx_part_begin (&part, "w:styles", NB_DOCX_NS_W);
  xmlTextWriterStartElement (w, W ("w:docDefaults"));
  xmlTextWriterStartElement (w, W ("w:rPrDefault"));
  xmlTextWriterStartElement (w, W ("w:rPr"));
  nb_docx_fonts (w, fonts->family[NB_FONT_BODY]);
  nb_docx_size (w, NB_SIZE_SANHAO);
  nb_docx_lang (w, "w:lang");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, W ("w:pPrDefault"));
  xmlTextWriterStartElement (w, W ("w:pPr"));
  nb_docx_exact_lines (w, NB_DOCX_LINE_PITCH);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    write_style (w, fonts, i);
  xmlTextWriterEndElement (w);
  return nb_docx_part_add (&part, zip, "word/styles.xml", error);
}

/* ---- Settings, footers ----------------------------------------------------------------- */

gboolean
nb_docx_write_settings (NbZipWriter *zip, GError **error)
{
  NbDocxPart part;
  xmlTextWriterPtr w;

  w = nb_docx_part_begin (&part, "w:settings", NB_DOCX_NS_W);
  xmlTextWriterStartElement (w, W ("w:zoom"));
  xmlTextWriterWriteAttribute (w, W ("w:percent"), W ("100"));
  xmlTextWriterEndElement (w);
  nb_docx_val_int (w, "w:defaultTabStop", 2 * NB_DOCX_CHAR);
  /* Odd pages carry the number on the right, even pages on the left. */
  nb_docx_empty (w, "w:evenAndOddHeaders");
  /* Full-width punctuation keeps its width, as on the grid. */
  nb_docx_val (w, "w:characterSpacingControl", "doNotCompress");
  xmlTextWriterStartElement (w, W ("w:compat"));
  xmlTextWriterStartElement (w, W ("w:compatSetting"));
  xmlTextWriterWriteAttribute (w, W ("w:name"), W ("compatibilityMode"));
  xmlTextWriterWriteAttribute (w, W ("w:uri"), W ("http://schemas.microsoft.com/office/word"));
  xmlTextWriterWriteAttribute (w, W ("w:val"), W ("15"));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  nb_docx_lang (w, "w:themeFontLang");
  xmlTextWriterEndElement (w);
  return nb_docx_part_add (&part, zip, "word/settings.xml", error);
}

static void
field_char (xmlTextWriterPtr w, const char *type)
{
  xmlTextWriterStartElement (w, W ("w:r"));
  xmlTextWriterStartElement (w, W ("w:fldChar"));
  xmlTextWriterWriteAttribute (w, W ("w:fldCharType"), W (type));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

/* “— N —” with the number as a PAGE field, one character in from the outer edge. */
static gboolean
write_footer (gboolean odd, NbZipWriter *zip, GError **error)
{
  NbDocxPart part;
  xmlTextWriterPtr w;

  w = nb_docx_part_begin (&part, "w:ftr", NB_DOCX_NS_W);
  xmlTextWriterStartElement (w, W ("w:p"));
  xmlTextWriterStartElement (w, W ("w:pPr"));
  nb_docx_val (w, "w:pStyle", "Footer");
  xmlTextWriterStartElement (w, W ("w:ind"));
  xmlTextWriterWriteFormatAttribute (w, W (odd ? "w:right" : "w:left"), "%d",
                                     NB_DOCX_TWIPS (NB_SIZE_SIHAO));
  xmlTextWriterWriteAttribute (w, W ("w:firstLine"), W ("0"));
  xmlTextWriterEndElement (w);
  nb_docx_val (w, "w:jc", odd ? "right" : "left");
  xmlTextWriterEndElement (w);
  nb_docx_run (w, "— ", NULL, 0);
  /* A complex field: begin, the instruction, the last value shown, end. */
  field_char (w, "begin");
  xmlTextWriterStartElement (w, W ("w:r"));
  xmlTextWriterStartElement (w, W ("w:instrText"));
  xmlTextWriterWriteAttribute (w, W ("xml:space"), W ("preserve"));
  xmlTextWriterWriteString (w, W (" PAGE "));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  field_char (w, "separate");
  nb_docx_run (w, "1", NULL, 0);
  field_char (w, "end");
  nb_docx_run (w, " —", NULL, 0);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  return nb_docx_part_add (&part, zip, odd ? "word/footer1.xml" : "word/footer2.xml", error);
}

gboolean
nb_docx_write_footers (NbZipWriter *zip, GError **error)
{
  return write_footer (TRUE, zip, error) && write_footer (FALSE, zip, error);
}

void
nb_docx_write_sect_pr (xmlTextWriterPtr w)
{
  static const struct { const char *type, *id; } footers[] = {
    { "default", "rId4" }, { "even", "rId5" },
  };

  xmlTextWriterStartElement (w, W ("w:sectPr"));
  for (guint i = 0; i < G_N_ELEMENTS (footers); i++)
    {
      xmlTextWriterStartElement (w, W ("w:footerReference"));
      xmlTextWriterWriteAttribute (w, W ("w:type"), W (footers[i].type));
      xmlTextWriterWriteAttribute (w, W ("r:id"), W (footers[i].id));
      xmlTextWriterEndElement (w);
    }
  /* A4 and the margins of layout.md §1: 37 mm top, 28 mm left, 26 right, 35 bottom. */
  xmlTextWriterStartElement (w, W ("w:pgSz"));
  xmlTextWriterWriteFormatAttribute (w, W ("w:w"), "%d", NB_DOCX_TWIPS (210 * NB_PT_PER_MM));
  xmlTextWriterWriteFormatAttribute (w, W ("w:h"), "%d", NB_DOCX_TWIPS (297 * NB_PT_PER_MM));
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, W ("w:pgMar"));
  xmlTextWriterWriteFormatAttribute (w, W ("w:top"), "%d", NB_DOCX_TWIPS (NB_AREA_TOP));
  xmlTextWriterWriteFormatAttribute (w, W ("w:right"), "%d", NB_DOCX_TWIPS (26 * NB_PT_PER_MM));
  xmlTextWriterWriteFormatAttribute (w, W ("w:bottom"), "%d", NB_DOCX_TWIPS (35 * NB_PT_PER_MM));
  xmlTextWriterWriteFormatAttribute (w, W ("w:left"), "%d", NB_DOCX_TWIPS (NB_AREA_LEFT));
  xmlTextWriterWriteFormatAttribute (w, W ("w:header"), "%d", NB_DOCX_TWIPS (15 * NB_PT_PER_MM));
  /* The footer's bottom edge 25.5 mm above the paper's: the dash's ink centre lands 28 mm
   * above it, 7 mm below the type area (layout.md §6; measured in LibreOffice's PDF:
   * 764.0 pt from the top with 25 mm, against 762.5 pt wanted). */
  xmlTextWriterWriteFormatAttribute (w, W ("w:footer"), "%d", NB_DOCX_TWIPS (25.5 * NB_PT_PER_MM));
  xmlTextWriterWriteAttribute (w, W ("w:gutter"), W ("0"));
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, W ("w:docGrid"));
  xmlTextWriterWriteAttribute (w, W ("w:type"), W ("lines"));
  xmlTextWriterWriteFormatAttribute (w, W ("w:linePitch"), "%d", NB_DOCX_LINE_PITCH);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

/* ---- Properties and the package -------------------------------------------------------- */

static void
text_element (xmlTextWriterPtr w, const char *name, const char *text)
{
  xmlTextWriterStartElement (w, W (name));
  nb_docx_text (w, text);
  xmlTextWriterEndElement (w);
}

gboolean
nb_docx_write_properties (NbReport *report, gint64 created, NbZipWriter *zip, GError **error)
{
  g_autofree char *title = nb_render_display_title (report);
  g_autofree char *agency = nb_render_clean_line (nb_report_get_text (report, NB_TEXT_AGENCY));
  g_autofree char *subject = nb_render_subject (report);
  g_autofree char *keywords = g_strdup_printf ("政府信息公开,年度报告,%d,%s",
                                               nb_report_get_year (report), agency);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (created);
  g_autofree char *date = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  NbDocxPart part;
  xmlTextWriterPtr w;

  w = nb_docx_part_begin (&part, "cp:coreProperties",
                          "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xmlTextWriterWriteAttribute (w, W ("xmlns:dc"), W ("http://purl.org/dc/elements/1.1/"));
  xmlTextWriterWriteAttribute (w, W ("xmlns:dcterms"), W ("http://purl.org/dc/terms/"));
  xmlTextWriterWriteAttribute (w, W ("xmlns:xsi"), W ("http://www.w3.org/2001/XMLSchema-instance"));
  text_element (w, "dc:title", title);
  text_element (w, "dc:subject", subject);
  text_element (w, "dc:creator", agency);
  text_element (w, "cp:keywords", keywords);
  text_element (w, "dc:language", "zh-CN");
  for (guint i = 0; i < 2; i++)
    {
      xmlTextWriterStartElement (w, W (i == 0 ? "dcterms:created" : "dcterms:modified"));
      xmlTextWriterWriteAttribute (w, W ("xsi:type"), W ("dcterms:W3CDTF"));
      xmlTextWriterWriteString (w, W (date));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  if (!nb_docx_part_add (&part, zip, "docProps/core.xml", error))
    return FALSE;

  w = nb_docx_part_begin (&part, "Properties",
                          "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  text_element (w, "Application", "Nianbao " PACKAGE_VERSION);
  xmlTextWriterEndElement (w);
  return nb_docx_part_add (&part, zip, "docProps/app.xml", error);
}

static gboolean
write_relationships (NbZipWriter *zip, const char *owner, const char *name, GError **error)
{
  NbDocxPart part;
  xmlTextWriterPtr w;

  w = nb_docx_part_begin (&part, "Relationships",
                          "http://schemas.openxmlformats.org/package/2006/relationships");
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!g_str_equal (parts[i].owner, owner))
        continue;
      xmlTextWriterStartElement (w, W ("Relationship"));
      xmlTextWriterWriteAttribute (w, W ("Id"), W (parts[i].rel_id));
      xmlTextWriterWriteAttribute (w, W ("Type"), W (parts[i].rel_type));
      /* Targets are relative to the owner's folder. */
      xmlTextWriterWriteAttribute (w, W ("Target"), W (parts[i].name + (*owner ? strlen (owner) + 1 : 0)));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  return nb_docx_part_add (&part, zip, name, error);
}

gboolean
nb_docx_write_package (NbZipWriter *zip, GError **error)
{
  NbDocxPart part;
  xmlTextWriterPtr w;

  w = nb_docx_part_begin (&part, "Types",
                          "http://schemas.openxmlformats.org/package/2006/content-types");
  xmlTextWriterStartElement (w, W ("Default"));
  xmlTextWriterWriteAttribute (w, W ("Extension"), W ("rels"));
  xmlTextWriterWriteAttribute (w, W ("ContentType"),
                               W ("application/vnd.openxmlformats-package.relationships+xml"));
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, W ("Default"));
  xmlTextWriterWriteAttribute (w, W ("Extension"), W ("xml"));
  xmlTextWriterWriteAttribute (w, W ("ContentType"), W ("application/xml"));
  xmlTextWriterEndElement (w);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part_name = g_strconcat ("/", parts[i].name, NULL);

      xmlTextWriterStartElement (w, W ("Override"));
      xmlTextWriterWriteAttribute (w, W ("PartName"), W (part_name));
      xmlTextWriterWriteAttribute (w, W ("ContentType"), W (parts[i].content_type));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  /* The content types come first in the archive: some readers look for them there. */
  return nb_docx_part_add (&part, zip, "[Content_Types].xml", error) &&
         write_relationships (zip, "", "_rels/.rels", error) &&
         write_relationships (zip, "word", "word/_rels/document.xml.rels", error);
}
