/* nb-document-scan.c — nesting depth and duplicate members, found before parsing
 *
 * json-glib keeps the last of two members with the same name without a word, and parses
 * nesting by recursion; both are checked here in a loop with a bounded stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-document-private.h"

#include <string.h>

typedef struct {
  gboolean    object;
  guint       index;        /* arrays: the element being read */
  char       *key;          /* objects: the member being read (owned by keys) */
  GHashTable *keys;
} Level;

/* Four hex digits at @p, or −1. */
static int
hex4 (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The member name of a JSON string body (no quotes), escapes decoded; a lone surrogate
 * becomes U+FFFD so that the name can be printed. */
static char *
decode_key (const char *raw, gsize length)
{
  GString *key = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      int c, low;

      if (raw[i] != '\\' || i + 1 >= length)
        {
          g_string_append_c (key, raw[i]);
          continue;
        }
      switch (raw[++i])
        {
        case 'b': g_string_append_c (key, '\b'); break;
        case 'f': g_string_append_c (key, '\f'); break;
        case 'n': g_string_append_c (key, '\n'); break;
        case 'r': g_string_append_c (key, '\r'); break;
        case 't': g_string_append_c (key, '\t'); break;
        case 'u':
          if (i + 4 >= length)
            return g_string_free (key, FALSE);
          if ((c = hex4 (raw + i + 1)) < 0)
            return g_string_free (key, FALSE);
          i += 4;
          if (c >= 0xD800 && c < 0xDC00 && i + 6 < length && raw[i + 1] == '\\' &&
              raw[i + 2] == 'u' && (low = hex4 (raw + i + 3)) >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 6;
            }
          if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD;
          g_string_append_unichar (key, (gunichar) c);
          break;
        default:
          g_string_append_c (key, raw[i]);   /* \" \\ \/ */
        }
    }
  return g_string_free (key, FALSE);
}

/* "$.tables.s3[2]…" down to (not including) level @n. */
static GString *
path_to (const Level *levels, guint n)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < n; i++)
    if (levels[i].object && levels[i].key)
      g_string_append_printf (path, ".%s", levels[i].key);
    else if (!levels[i].object)
      g_string_append_printf (path, "[%u]", levels[i].index);
  return path;
}

NbDocumentScan
nb_document_scan (const char *data, gsize size, char **where)
{
  Level levels[NB_DOCUMENT_MAX_DEPTH];
  NbDocumentScan result = NB_DOCUMENT_SCAN_OK;
  guint depth = 0;
  gboolean expect_key = FALSE;

  for (gsize i = 0; i < size && result == NB_DOCUMENT_SCAN_OK; i++)
    {
      Level *top = depth ? &levels[depth - 1] : NULL;
      gsize start, end;

      switch (data[i])
        {
        case '"':
          start = end = i + 1;
          while (end < size && data[end] != '"')
            end += data[end] == '\\' ? 2 : 1;
          i = end;
          if (top && top->object && expect_key && end <= size)
            {
              char *key = decode_key (data + start, MIN (end, size) - start);

              expect_key = FALSE;
              if (g_hash_table_contains (top->keys, key))
                {
                  GString *path = path_to (levels, depth - 1);

                  g_string_append_printf (path, ".%s", key);
                  *where = g_string_free (path, FALSE);
                  result = NB_DOCUMENT_SCAN_DUPLICATE;
                  g_free (key);
                  break;
                }
              g_hash_table_add (top->keys, key);
              top->key = key;
            }
          break;
        case '{':
        case '[':
          if (depth == NB_DOCUMENT_MAX_DEPTH)
            {
              *where = g_string_free (path_to (levels, depth), FALSE);
              result = NB_DOCUMENT_SCAN_TOO_DEEP;
              break;
            }
          levels[depth++] = (Level) {
            .object = data[i] == '{',
            .keys = data[i] == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL)
                                   : NULL,
          };
          expect_key = data[i] == '{';
          break;
        case '}':
        case ']':
          if (depth == 0)
            return NB_DOCUMENT_SCAN_OK;   /* unbalanced: the parser will say where */
          g_clear_pointer (&levels[--depth].keys, g_hash_table_unref);
          expect_key = FALSE;
          break;
        case ',':
          if (top && top->object)
            expect_key = TRUE;
          else if (top)
            top->index++;
          break;
        default:
          break;
        }
    }
  while (depth > 0)
    g_clear_pointer (&levels[--depth].keys, g_hash_table_unref);
  return result;
}
