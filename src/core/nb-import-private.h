/* nb-import-private.h — what the importer's readers hand to its parser
 *
 * Each reader (text, HTML, PDF) turns its input into a flat list of items in reading
 * order: lines of text, and table cells when the source marks them. The parser in
 * nb-import.c knows the format; the readers know only their medium.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-import.h"
#include "nb-import-items.h"

G_BEGIN_DECLS

/* The words that say which section a numbered heading opens, beside its ordinal. */
extern const char *const nb_import_section_keywords[NB_N_SECTIONS];

/* Long lines of a page flattened to text cut at its headings and page chrome, in place
 * (the other items keep their texts). */
void        nb_import_flat_items       (NbImportItems *items);

/* The readers. */
NbImportItems *nb_import_text_items    (const char  *text,
                                        gssize       length);
NbImportItems *nb_import_html_items    (const char  *data,
                                        gsize        length,
                                        GError     **error);
NbImportItems *nb_import_pdf_items     (GBytes      *bytes,
                                        GError     **error);

G_END_DECLS
