/* nb-pdf-text.c — opens the poppler module the first time a PDF is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-pdf-text.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

/* NB_MODULE_DIR points at the build folder in tests and uninstalled runs. */
static NbPdfTextPagesFunc
load_module (GError **error)
{
  static NbPdfTextPagesFunc pages_func;
  static char *load_error;
  G_LOCK_DEFINE_STATIC (module);
  NbPdfTextPagesFunc func;

  G_LOCK (module);
  if (pages_func == NULL && load_error == NULL)
    {
      const char *dir = g_getenv ("NB_MODULE_DIR");
      g_autofree char *path = g_module_build_path (dir && dir[0] ? dir : PKGLIBDIR, "nb-pdf-text");
      /* Run from the build folder with nothing installed: the module built beside us. */
      if (!(dir && dir[0]) && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *built = g_module_build_path (BUILD_MODULEDIR, "nb-pdf-text");

          if (g_file_test (built, G_FILE_TEST_EXISTS))
            {
              g_free (path);
              path = g_steal_pointer (&built);
            }
        }
      GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      gpointer symbol = NULL;

      if (module == NULL || !g_module_symbol (module, NB_PDF_TEXT_SYMBOL, &symbol))
        load_error = g_strdup_printf (_("PDF reading is not available (%s)"), g_module_error ());
      else
        {
          g_module_make_resident (module);
          pages_func = (NbPdfTextPagesFunc) symbol;
        }
    }
  func = pages_func;
  if (func == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, load_error);
  G_UNLOCK (module);
  return func;
}

char **
nb_pdf_text_pages (GBytes *bytes, GError **error)
{
  NbPdfTextPagesFunc func = load_module (error);

  return func ? func (bytes, error) : NULL;
}
