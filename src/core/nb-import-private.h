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

G_BEGIN_DECLS

typedef struct {
  const char *text;             /* trimmed, valid UTF-8, owned by the list */
  gboolean    cell;             /* a table cell of the source (HTML); "" is an empty cell */
} NbImportItem;

/* The items of one input. A text may be most of a 20 MB file in lines of a few dozen
 * bytes: the items lie in one array and their texts in large blocks, not an allocation
 * each (issue 13: memory a small multiple of the input). */
typedef struct {
  GArray       *array;          /* NbImportItem, in reading order */
  GStringChunk *texts;
} NbImportItems;

NbImportItems *nb_import_items_new     (void);
void        nb_import_items_free       (NbImportItems *items);
void        nb_import_items_add        (NbImportItems *items,
                                        const char    *text,
                                        gssize         length,
                                        gboolean       cell);
/* Drops the lines left empty (empty cells are positions, and stay). */
void        nb_import_items_drop_empty_lines (NbImportItems *items);

static inline guint
nb_import_items_len (const NbImportItems *items)
{
  return items->array->len;
}

static inline const NbImportItem *
nb_import_items_get (const NbImportItems *items, guint i)
{
  return &g_array_index (items->array, NbImportItem, i);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportItems, nb_import_items_free)

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
