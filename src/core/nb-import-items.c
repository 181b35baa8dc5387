/* nb-import-items.c — where the importer keeps the items of an input and a table's tokens
 *
 * Kept apart from the parser (nb-import.c) because how they are stored is a concern of its
 * own: a 20 MB text may be a million short lines, and one table section most of it, so
 * items, tokens and their texts lie in large blocks rather than an allocation each. That
 * keeps importing a small multiple of the input's memory (issue 13).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-import-items.h"

#include <string.h>

/* ---- Items ------------------------------------------------------------------------------- */

NbImportItems *
nb_import_items_new (void)
{
  NbImportItems *items = g_new0 (NbImportItems, 1);

  items->array = g_array_new (FALSE, FALSE, sizeof (NbImportItem));
  items->texts = g_string_chunk_new (64 * 1024);
  return items;
}

void
nb_import_items_free (NbImportItems *items)
{
  if (items == NULL)
    return;
  g_array_unref (items->array);
  g_string_chunk_free (items->texts);
  g_free (items);
}

void
nb_import_items_drop_empty_lines (NbImportItems *items)
{
  guint kept = 0;

  for (guint i = 0; i < items->array->len; i++)
    {
      const NbImportItem *item = nb_import_items_get (items, i);

      if (item->cell || item->text[0] != '\0')
        g_array_index (items->array, NbImportItem, kept++) = *item;
    }
  g_array_set_size (items->array, kept);
}

/* Strips Unicode white space too: &nbsp; and the ideographic space pad published cells.
 * A tab-separated row keeps its trailing tabs: they end an empty last cell. The stripped
 * text is [*start, *end) of @text. */
static void
strip_unicode (const char *text, gsize length, const char **start_out, const char **end_out)
{
  const char *start = text, *end = text + length;
  const char *last = end;

  while (start < end && (g_unichar_isspace (g_utf8_get_char (start)) || g_utf8_get_char (start) == 0xFEFF))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (!prev || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (memchr (start, '\t', end - start))
    while (end < last && (*end == '\t' || *end == ' '))
      end++;
  *start_out = start;
  *end_out = end;
}

void
nb_import_items_add (NbImportItems *items, const char *text, gssize length, gboolean cell)
{
  NbImportItem item = { NULL, cell };
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  g_autofree char *copy = NULL;
  const char *start, *end;

  /* A piece of text read already is valid: copied once, into the list. */
  if (!g_utf8_validate_len (text, n, NULL))
    {
      copy = g_utf8_make_valid (text, n);
      text = copy;
      n = strlen (copy);
    }
  strip_unicode (text, n, &start, &end);
  item.text = g_string_chunk_insert_len (items->texts, start, end - start);
  g_array_append_val (items->array, item);
}

/* ---- Tokens of a table ---------------------------------------------------------------------- */

/* Where the tokens of a table section and their texts live: a section may be most of the
 * input, so they are kept in large blocks rather than three allocations a token. */
#define TOKEN_BLOCK 4096

struct _NbImportTokenStore {
  GPtrArray    *blocks;         /* of TOKEN_BLOCK tokens each */
  guint         used;           /* tokens used in the last block */
  GStringChunk *texts;
};

NbImportTokenStore *
nb_import_token_store_new (void)
{
  NbImportTokenStore *store = g_new0 (NbImportTokenStore, 1);

  store->blocks = g_ptr_array_new_with_free_func (g_free);
  store->texts = g_string_chunk_new (64 * 1024);
  return store;
}

void
nb_import_token_store_free (NbImportTokenStore *store)
{
  g_ptr_array_unref (store->blocks);
  g_string_chunk_free (store->texts);
  g_free (store);
}

const char *
nb_import_token_store_text (NbImportTokenStore *store, const char *text)
{
  return text ? g_string_chunk_insert (store->texts, text) : NULL;
}

void
nb_import_token_store_add (NbImportTokenStore *store, GPtrArray *tokens, NbImportTokenKind kind,
                           const char *text, const char *orig)
{
  NbImportToken *tok;

  if (store->blocks->len == 0 || store->used == TOKEN_BLOCK)
    {
      g_ptr_array_add (store->blocks, g_new (NbImportToken, TOKEN_BLOCK));
      store->used = 0;
    }
  tok = (NbImportToken *) g_ptr_array_index (store->blocks, store->blocks->len - 1) + store->used++;
  tok->kind = kind;
  tok->text = nb_import_token_store_text (store, text);
  /* A label mostly reads as written: one copy serves both. */
  tok->orig = orig && text && g_str_equal (orig, text) ? tok->text : nb_import_token_store_text (store, orig);
  g_ptr_array_add (tokens, tok);
}
