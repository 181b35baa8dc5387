/* nb-pdf-catalog.c — one incremental update over cairo's PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE     /* memmem: the file holds binary streams, so no str* search */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-pdf-catalog.h"

/* The last occurrence of @needle in @data[0, len). */
static const char *
find_last (const char *data, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The first occurrence of @needle in @data[0, len). */
static const char *
find_first (const char *data, gsize len, const char *needle)
{
  return memmem (data, len, needle, strlen (needle));
}

/* The unsigned number after @key in @from[0, len), or −1. */
static gint64
number_after (const char *from, gsize len, const char *key)
{
  const char *at = find_first (from, len, key);

  if (at == NULL)
    return -1;
  at += strlen (key);
  while (*at == ' ' || *at == '\n' || *at == '\r')
    at++;
  if (!g_ascii_isdigit (*at))
    return -1;
  return g_ascii_strtoll (at, NULL, 10);
}

/* The entries of cairo's catalog, one per line, without those this update replaces. */
static char *
catalog_entries (const char *data, gsize len, gint64 root)
{
  g_autofree char *head = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj\n<<", root);
  const char *start = find_first (data, len, head);
  const char *end;
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (start == NULL)
    return NULL;
  start += strlen (head);
  end = find_first (start, (gsize) (data + len - start), "\nendobj");
  if (end == NULL)
    return NULL;
  /* The dictionary closes on the line before endobj. */
  while (end > start && (end[-1] == '\n' || end[-1] == ' '))
    end--;
  if (end - start < 2 || memcmp (end - 2, ">>", 2) != 0)
    return NULL;
  end -= 2;
  {
    g_autofree char *body = g_strndup (start, (gsize) (end - start));

    lines = g_strsplit (body, "\n", -1);
  }
  out = g_string_new (NULL);
  for (guint i = 0; lines[i]; i++)
    {
      const char *entry = g_strstrip (lines[i]);

      if (*entry == '\0' || g_str_has_prefix (entry, "/PageLabels") ||
          g_str_has_prefix (entry, "/Lang") || g_str_has_prefix (entry, "/ViewerPreferences") ||
          g_str_has_prefix (entry, "/Metadata"))
        continue;
      g_string_append_printf (out, "   %s\n", entry);
    }
  return g_string_free (out, FALSE);
}

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* The XMP packet (ISO 16684-1): the document information again, as PDF/A and most
 * document managers read it. */
static char *
xmp_packet (const NbPdfCatalog *info)
{
  /* Each property: opening markup, value, closing markup. */
  const struct { const char *open; const char *value; const char *close; } properties[] = {
    { "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", info->title, "</rdf:li></rdf:Alt></dc:title>" },
    { "<dc:creator><rdf:Seq><rdf:li>", info->author, "</rdf:li></rdf:Seq></dc:creator>" },
    { "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", info->subject,
      "</rdf:li></rdf:Alt></dc:description>" },
    { "<dc:language><rdf:Bag><rdf:li>", info->lang, "</rdf:li></rdf:Bag></dc:language>" },
    { "<xmp:CreateDate>", info->date, "</xmp:CreateDate>" },
    { "<xmp:ModifyDate>", info->date, "</xmp:ModifyDate>" },
    { "<xmp:MetadataDate>", info->date, "</xmp:MetadataDate>" },
    { "<xmp:CreatorTool>", info->creator, "</xmp:CreatorTool>" },
    { "<pdf:Producer>", info->producer, "</pdf:Producer>" },
  };
  GString *x = g_string_new ("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                             "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                             " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                             "  <rdf:Description rdf:about=\"\"\n"
                             "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                             "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                             "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                             "   <dc:format>application/pdf</dc:format>\n");

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_string_append_printf (x, "   %s", properties[i].open);
      append_escaped (x, properties[i].value);
      g_string_append_printf (x, "%s\n", properties[i].close);
    }
  g_string_append (x, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
  return g_string_free (x, FALSE);
}

/* A cross-reference entry is exactly 20 bytes. */
static void
xref_entry (GString *out, gsize offset)
{
  g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", offset);
}

GBytes *
nb_pdf_catalog_update (GBytes *pdf, const NbPdfCatalog *info, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  const char *trailer, *startxref;
  gint64 size, root, info_obj, prev;
  g_autofree char *entries = NULL;
  g_autofree char *xmp = NULL;
  g_autofree char *id = NULL;
  GString *out;
  gsize catalog_at, metadata_at, xref_at;

  g_return_val_if_fail (pdf != NULL && info != NULL, NULL);

  trailer = find_last (data, len, "\ntrailer");
  startxref = find_last (data, len, "\nstartxref");
  if (trailer == NULL || startxref == NULL || startxref < trailer)
    goto unexpected;
  size = number_after (trailer, (gsize) (startxref - trailer), "/Size");
  root = number_after (trailer, (gsize) (startxref - trailer), "/Root");
  info_obj = number_after (trailer, (gsize) (startxref - trailer), "/Info");
  prev = number_after (startxref, (gsize) (data + len - startxref), "startxref");
  if (size <= 0 || root <= 0 || root >= size || prev <= 0 || (gsize) prev >= len)
    goto unexpected;
  if (!(entries = catalog_entries (data, len, root)))
    goto unexpected;

  xmp = xmp_packet (info);
  /* The file identifier: the same bytes give the same identifier. */
  id = g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) data, len);

  out = g_string_new_len (data, (gssize) len);
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  metadata_at = out->len;
  g_string_append_printf (out, "%" G_GINT64_FORMAT " 0 obj\n<< /Type /Metadata\n   /Subtype /XML\n"
                          "   /Length %" G_GSIZE_FORMAT "\n>>\nstream\n%s\nendstream\nendobj\n",
                          size, strlen (xmp), xmp);
  catalog_at = out->len;
  g_string_append_printf (out, "%" G_GINT64_FORMAT " 0 obj\n<< %s", root, entries + 3);
  g_string_append_printf (out, "   /PageLabels << /Nums [ 0 << /S /D >> ] >>\n"
                               "   /Lang (%s)\n"
                               "   /ViewerPreferences << /DisplayDocTitle true >>\n"
                               "   /Metadata %" G_GINT64_FORMAT " 0 R\n>>\nendobj\n",
                          info->lang, size);

  xref_at = out->len;
  g_string_append (out, "xref\n0 1\n0000000000 65535 f \n");
  g_string_append_printf (out, "%" G_GINT64_FORMAT " 1\n", root);
  xref_entry (out, catalog_at);
  g_string_append_printf (out, "%" G_GINT64_FORMAT " 1\n", size);
  xref_entry (out, metadata_at);
  g_string_append_printf (out, "trailer\n<< /Size %" G_GINT64_FORMAT "\n   /Root %" G_GINT64_FORMAT " 0 R\n",
                          size + 1, root);
  if (info_obj > 0)
    g_string_append_printf (out, "   /Info %" G_GINT64_FORMAT " 0 R\n", info_obj);
  g_string_append_printf (out, "   /ID [<%s> <%s>]\n   /Prev %" G_GINT64_FORMAT "\n>>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", id, id, prev, xref_at);
  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);

unexpected:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The PDF written by cairo has no cross-reference table and trailer that could be completed."));
  return NULL;
}
