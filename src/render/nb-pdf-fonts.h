/* nb-pdf-fonts.h — font roles (layout.md §9) resolved to installed families
 *
 * Each role has a family list; the first installed family wins. fontconfig aliases are
 * never trusted: a family counts only when fontconfig lists a face of that exact name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "nb-export.h"

G_BEGIN_DECLS

typedef enum {
  NB_FONT_TITLE,        /* 小标宋 */
  NB_FONT_BODY,         /* 仿宋 */
  NB_FONT_HEI,          /* 黑体: level-1 headings, table heads */
  NB_FONT_KAI,          /* 楷体: level-2 and run-in headings */
  NB_FONT_SONG,         /* 宋体: page numbers */
  NB_N_FONT_ROLES,
} NbFontRole;

typedef struct {
  char        *family;      /* the installed family that won */
  PangoWeight  weight;
  gboolean     substitute;  /* a stand-in of another design (宋 for 仿宋) */
  char        *fallback;    /* the list's last family, for per-glyph fallback */
  char        *tried;       /* the families looked for, comma-separated, for errors */
  gboolean     installed;   /* FALSE: no family of the list is installed */
  gpointer     charset;     /* the winner's FcCharSet, made on first use */
  GString     *missing;     /* characters set in this role that the winner lacks, once each */
} NbResolvedFont;

void                  nb_pdf_fonts_resolve     (const NbPdfOptions   *options,
                                                NbResolvedFont        fonts[NB_N_FONT_ROLES]);
void                  nb_pdf_fonts_clear       (NbResolvedFont        fonts[NB_N_FONT_ROLES]);
/* FALSE, with an error naming the role and the families looked for, when a role has no
 * installed family: the export would print tofu and claim a font it did not use. */
gboolean              nb_pdf_fonts_check       (const NbResolvedFont  fonts[NB_N_FONT_ROLES],
                                                GError              **error);
/* A description of @role at @size_pt points (the layout runs at 72 dpi: 1 unit = 1 pt). */
PangoFontDescription *nb_pdf_fonts_description (const NbResolvedFont  fonts[NB_N_FONT_ROLES],
                                                NbFontRole            role,
                                                double                size_pt);
/* Notes the characters of @text that @role's family lacks: Pango draws them with a
 * fallback face, which the export summary names (nb_pdf_fonts_describe). */
void                  nb_pdf_fonts_note_text   (NbResolvedFont        fonts[NB_N_FONT_ROLES],
                                                NbFontRole            role,
                                                const char           *text);
/* The family list of @role in order of preference (layout.md §9), ending in a family the
 * app bundles: the one list every writer (PDF, HTML, docx) names. Free with g_strfreev. */
char                **nb_pdf_fonts_families    (NbFontRole            role);
/* The families the user named for @role in @options (a comma-separated list there), in
 * their order, blanks dropped; NULL when there are none. Free with g_strfreev. */
char                **nb_pdf_fonts_user_families (const NbPdfOptions *options,
                                                  NbFontRole          role);
/* The families of the installed fonts that cover Simplified Chinese (fontconfig's
 * zh-cn), sorted, each once: what Preferences offers per role. Free with g_strfreev. */
char                **nb_pdf_fonts_list_chinese (void);
/* One line per role for the export dialog: "Body: Noto Serif CJK SC (substitute for 仿宋)",
 * then one line per role whose family lacks characters of the report. */
char                **nb_pdf_fonts_describe    (const NbResolvedFont  fonts[NB_N_FONT_ROLES]);

G_END_DECLS
