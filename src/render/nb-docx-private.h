/* nb-docx-private.h — shared by the pieces of the .docx writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlwriter.h>

#include "nb-pdf-fonts.h"
#include "nb-report.h"
#include "nb-typeset.h"
#include "nb-zip-writer.h"

G_BEGIN_DECLS

#define NB_DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NB_DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Lengths in twentieths of a point (twips), the unit of WordprocessingML. */
#define NB_DOCX_TWIPS(pt)  ((int) ((pt) * 20.0 + 0.5))
/* The 22-line grid as an exact line pitch of 28.95 pt (layout.md §2). */
#define NB_DOCX_LINE_PITCH 579
/* One character of 三号 on the 28-character grid, for indents: 15.8 pt. */
#define NB_DOCX_CHAR       316

/* One XML part being written. */
typedef struct {
  xmlBufferPtr     buffer;
  xmlTextWriterPtr w;
} NbDocxPart;

/* Starts the part with its root element @root in namespace @ns (xmlns:w for "w:…"). */
xmlTextWriterPtr nb_docx_part_begin (NbDocxPart     *part,
                                   const char       *root,
                                   const char       *ns);
/* Ends the document and adds it to @zip as @name; frees the writer either way. */
gboolean nb_docx_part_add         (NbDocxPart       *part,
                                   NbZipWriter      *zip,
                                   const char       *name,
                                   GError          **error);

/* <w:NAME w:val="VALUE"/>, and the same with an integer. */
void     nb_docx_val              (xmlTextWriterPtr  w,
                                   const char       *name,
                                   const char       *value);
void     nb_docx_val_int          (xmlTextWriterPtr  w,
                                   const char       *name,
                                   int               value);
/* <NAME/> */
void     nb_docx_empty            (xmlTextWriterPtr  w,
                                   const char       *name);
/* <w:rFonts> naming @family for every script. */
void     nb_docx_fonts            (xmlTextWriterPtr  w,
                                   const char       *family);
/* <@name w:val="en-US" w:eastAsia="zh-CN"/>: w:lang, w:themeFontLang. */
void     nb_docx_lang             (xmlTextWriterPtr  w,
                                   const char       *name);
/* <w:sz> and <w:szCs> in points. */
void     nb_docx_size             (xmlTextWriterPtr  w,
                                   double            size_pt);
/* <w:spacing> of a paragraph: exact lines of @line_twips, nothing before or after. */
void     nb_docx_exact_lines      (xmlTextWriterPtr  w,
                                   int               line_twips);
/* @text as character data, without the characters XML does not allow. */
void     nb_docx_text             (xmlTextWriterPtr  w,
                                   const char       *text);
/* A run of @text; @family (may be NULL: the style's) and @size_pt (0: the style's).
 * Newlines in @text become <w:br/>. */
void     nb_docx_run              (xmlTextWriterPtr  w,
                                   const char       *text,
                                   const char       *family,
                                   double            size_pt);

/* The fonts a role names: the families the user chose (Preferences), then the role's own list
 * (nb_pdf_fonts_families); the first of them (仿宋_GB2312 by default), and the alternative the
 * font table offers for it (仿宋). Nothing is embedded. */
typedef struct {
  char       **list[NB_N_FONT_ROLES];
  const char  *family[NB_N_FONT_ROLES];
  const char  *alternative[NB_N_FONT_ROLES];
} NbDocxFonts;

void     nb_docx_fonts_init       (NbDocxFonts      *fonts,
                                   const NbPdfOptions *options);
void     nb_docx_fonts_clear      (NbDocxFonts      *fonts);

/* The package's fixed parts: styles, settings, font table, footers, properties. */
gboolean nb_docx_write_styles     (const NbDocxFonts *fonts,
                                   NbZipWriter      *zip,
                                   GError          **error);
gboolean nb_docx_write_font_table (const NbDocxFonts *fonts,
                                   NbZipWriter      *zip,
                                   GError          **error);
gboolean nb_docx_write_settings   (NbZipWriter      *zip,
                                   GError          **error);
gboolean nb_docx_write_footers    (NbZipWriter      *zip,
                                   GError          **error);
gboolean nb_docx_write_properties (NbReport         *report,
                                   gint64            created,
                                   NbZipWriter      *zip,
                                   GError          **error);
/* [Content_Types].xml and the relationships, for the parts above and the document. */
gboolean nb_docx_write_package    (NbZipWriter      *zip,
                                   GError          **error);
/* The section properties: A4, GB/T 9704 margins, the footers, the line grid. */
void     nb_docx_write_sect_pr    (xmlTextWriterPtr  w);

/* Table @id as a Word table, walking the printed grid of nb_format_table (). */
void     nb_docx_write_table      (xmlTextWriterPtr  w,
                                   const NbDocxFonts *fonts,
                                   NbReport         *report,
                                   NbTableId         id);

G_END_DECLS
