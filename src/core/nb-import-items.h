/* nb-import-items.h — where the importer keeps the items of an input and a table's tokens
 *
 * A 20 MB text may be a million lines of a few dozen bytes, and one table section most of
 * it: items, tokens and their texts lie in large blocks (one array, blocks of tokens,
 * string chunks), not an allocation each, so that importing takes a small multiple of the
 * input's memory (issue 13).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- Items: what the readers hand to the parser ------------------------------------------ */

typedef struct {
  const char *text;             /* trimmed, valid UTF-8, owned by the list */
  gboolean    cell;             /* a table cell of the source (HTML); "" is an empty cell */
} NbImportItem;

/* The items of one input: one array, their texts in large blocks. */
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

/* ---- Tokens of a table: what the parser cuts a table section into ------------------------- */

typedef enum {
  NB_IMPORT_TOKEN_LABEL,
  NB_IMPORT_TOKEN_VALUE,
  NB_IMPORT_TOKEN_BLANK,
} NbImportTokenKind;

typedef struct {
  NbImportTokenKind kind;
  const char       *text;       /* label: normalised; value: digits; blank: the dash or NULL */
  const char       *orig;       /* label as written */
} NbImportToken;

/* Where the tokens of one table section and their texts live. */
typedef struct _NbImportTokenStore NbImportTokenStore;

NbImportTokenStore *nb_import_token_store_new  (void);
void        nb_import_token_store_free (NbImportTokenStore *store);
/* A copy of @text (or NULL) that lives as long as @store. */
const char *nb_import_token_store_text (NbImportTokenStore *store,
                                        const char         *text);
/* A new token of @store, with copies of @text and @orig, appended to @tokens. */
void        nb_import_token_store_add  (NbImportTokenStore *store,
                                        GPtrArray          *tokens,
                                        NbImportTokenKind   kind,
                                        const char         *text,
                                        const char         *orig);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportTokenStore, nb_import_token_store_free)

G_END_DECLS
