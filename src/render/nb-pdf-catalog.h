/* nb-pdf-catalog.h — what cairo 1.16 cannot write into a PDF's catalog, added afterwards
 *
 * cairo 1.16 writes no /Lang, no /ViewerPreferences, no XMP /Metadata and no trailer /ID,
 * and its page labels come out as an empty /Nums array for labels that are plain numbers
 * (layout.md §12). The export therefore finishes cairo's bytes with one incremental update
 * (ISO 32000-1 §7.5.6): page labels "1" … "n" (one decimal range from the first page,
 * matching the printed “— N —”), a new catalog under the same object number with those entries, an
 * XMP stream, and a trailer that points back to cairo's. Everything cairo wrote (structure
 * tree, outline, links) stays as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char  *lang;          /* "zh-CN" */
  const char  *title;         /* these four also go into the XMP packet */
  const char  *author;
  const char  *subject;
  const char  *creator;       /* the creating application */
  const char  *producer;      /* as in /Info: "cairo 1.16.0 (https://cairographics.org)" */
  const char  *date;          /* ISO 8601 with offset: "2025-01-05T09:30:00+08:00" */
} NbPdfCatalog;

/* @pdf (a complete file as cairo wrote it, classic cross-reference table) with the update
 * appended, or NULL with an error when @pdf is not laid out as expected. */
GBytes *nb_pdf_catalog_update (GBytes              *pdf,
                               const NbPdfCatalog  *info,
                               GError             **error);

G_END_DECLS
