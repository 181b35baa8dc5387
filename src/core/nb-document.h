/* nb-document.h — .nianbao files: JSON documents, loaded and saved losslessly
 *
 * The schema is data/nianbao.schema.json. Loading never changes anything on failure and
 * names the file, the JSON path and what is wrong; saving is atomic with a backup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_DOCUMENT_FORMAT "gov-2021"
#define NB_DOCUMENT_VERSION 1

#define NB_DOCUMENT_ERROR (nb_document_error_quark ())

typedef enum {
  NB_DOCUMENT_ERROR_SYNTAX,     /* not JSON (truncated, wrong file) */
  NB_DOCUMENT_ERROR_FORMAT,     /* JSON, but not a Nianbao document */
  NB_DOCUMENT_ERROR_NEWER,      /* written by a newer Nianbao */
  NB_DOCUMENT_ERROR_INVALID,    /* a value of the wrong type or out of range */
} NbDocumentError;

GQuark       nb_document_error_quark       (void);

/* Parses a document held in memory; @name is used in messages. */
NbReport    *nb_document_parse             (const char   *data,
                                            gssize        length,
                                            const char   *name,
                                            GError      **error);
NbReport    *nb_document_load              (GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);
/* The document as a JSON tree, to embed (the JSON export adds "derived" and "findings"). */
JsonNode    *nb_document_to_json           (NbReport     *report);
NbReport    *nb_document_from_json         (JsonNode     *root,
                                            const char   *name,
                                            GError      **error);
/* UTF-8 JSON text, two-space indented, with a final newline: the bytes a save writes. */
char        *nb_document_serialize         (NbReport     *report,
                                            gsize        *length);
gboolean     nb_document_save              (NbReport     *report,
                                            GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);
/* Loads @report's last-year file (meta.previous.file), relative to @base when not absolute. */
gboolean     nb_document_load_previous     (NbReport     *report,
                                            GFile        *base,
                                            GError      **error);

/* Attaches @previous as last year's report; refuses one that is not for year − 1. */
gboolean     nb_document_attach_previous   (NbReport     *report,
                                            NbReport     *previous,
                                            GError      **error);

G_END_DECLS
