/* nb-pdf-text.h — the text of a PDF's pages, from a module loaded on demand
 *
 * Poppler brings some thirty libraries (NSS, OpenJPEG, LCMS …) that take longer to load than
 * a whole check or HTML export; only a PDF import needs them. So the poppler calls live in a
 * small module (nb-pdf-text-module.c) that nb_pdf_text_pages () opens the first time a PDF is
 * read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of each page in reading order, NULL-terminated (free with g_strfreev). */
char   **nb_pdf_text_pages   (GBytes  *bytes,
                              GError **error);

/* The module's one entry point, and its signature. */
#define NB_PDF_TEXT_SYMBOL "nb_pdf_text_module_pages"
typedef char **(*NbPdfTextPagesFunc) (GBytes *bytes, GError **error);

G_END_DECLS
