/* nb-document-private.h — what the document reader checks before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A report nests four levels ($.tables.s3.new.np); json-glib recurses once per level and
 * overflows the stack near 100,000. */
#define NB_DOCUMENT_MAX_DEPTH 32

typedef enum {
  NB_DOCUMENT_SCAN_OK,
  NB_DOCUMENT_SCAN_TOO_DEEP,    /* *where: the container that opens one level too many */
  NB_DOCUMENT_SCAN_DUPLICATE,   /* *where: the second occurrence of a member */
} NbDocumentScan;

/* One pass over UTF-8 @data without recursion. Malformed JSON scans as OK: the parser
 * then says what is wrong with it. */
NbDocumentScan  nb_document_scan  (const char  *data,
                                   gsize        size,
                                   char       **where);

G_END_DECLS
