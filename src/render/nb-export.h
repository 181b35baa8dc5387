/* nb-export.h — writing a report out: PDF, HTML, JSON, Word
 *
 * One entry point per format, shared by nianbao-cli export and the window's export actions.
 * Each writes atomically (temporary file + rename) and fails with a GError that names the
 * file and says what went wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

typedef struct {
  /* Font family lists per role (layout.md §9); NULL = the defaults. */
  const char *font_title;       /* 小标宋 role */
  const char *font_body;        /* 仿宋 role */
  const char *font_heading;     /* 黑体 role */
  const char *font_kaiti;       /* 楷体 role */
  /* Filled in by the PDF export: what each role resolved to, for the export dialog
   * ("正文：Noto Serif CJK SC（替代仿宋）"), one line per role (NB_N_FONT_ROLES lines), then
   * the characters a role's font lacks and a warning while R-X-09 findings remain.
   * Free with g_strfreev. */
  char      **resolved_fonts;
} NbPdfOptions;

gboolean  nb_export_pdf    (NbReport      *report,
                            GFile         *file,
                            NbPdfOptions  *options,
                            GError       **error);

/* Standalone page, or the body only with inline styles for a CMS editor. */
gboolean  nb_export_html   (NbReport      *report,
                            GFile         *file,
                            gboolean       fragment,
                            GError       **error);
char     *nb_html_render   (NbReport      *report,
                            gboolean       fragment);

/* The document's JSON plus "derived" and "findings" blocks. */
gboolean  nb_export_json   (NbReport      *report,
                            GFile         *file,
                            GError       **error);

/* A Word document (Office Open XML) in the official layout; fonts named, not embedded:
 * the families @fonts chooses per role (may be NULL), then each role's own list. */
gboolean  nb_export_docx   (NbReport            *report,
                            GFile               *file,
                            const NbPdfOptions  *fonts,
                            GError             **error);

G_END_DECLS
