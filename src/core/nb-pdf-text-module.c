/* nb-pdf-text-module.c — the module that reads PDF pages with poppler-glib
 *
 * Loaded by nb-pdf-text.c; see nb-pdf-text.h for why it is a module.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-pdf-text.h"

#include <gmodule.h>
#include <poppler.h>

G_MODULE_EXPORT char **nb_pdf_text_module_pages (GBytes *bytes, GError **error);

char **
nb_pdf_text_module_pages (GBytes *bytes, GError **error)
{
  /* Poppler 22.12 (Debian 12) has no g_autoptr support: unref by hand. */
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, error);
  GPtrArray *pages;

  if (doc == NULL)
    return NULL;
  pages = g_ptr_array_new ();
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      char *text = page ? poppler_page_get_text (page) : NULL;

      g_clear_object (&page);
      g_ptr_array_add (pages, text ? text : g_strdup (""));
    }
  g_object_unref (doc);
  g_ptr_array_add (pages, NULL);
  return (char **) g_ptr_array_free (pages, FALSE);
}
