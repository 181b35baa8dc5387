/* test-uninstalled.c — run from the build folder with nothing installed, the PDF module is
 * found without NB_MODULE_DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>

#include "nb-locale.h"
#include "nb-pdf-text.h"

/* Bytes that are no PDF: a loaded module says so; a missing one says PDF reading is not
 * available (G_IO_ERROR_NOT_SUPPORTED). */
static void
test_module_found (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("not a PDF", 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *installed = g_module_build_path (PKGLIBDIR, "nb-pdf-text");
  char **pages;

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("an installed module is found first");
      return;
    }
  pages = nb_pdf_text_pages (bytes, &error);
  g_assert_null (pages);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED));
}

/* The translations: NB_LOCALEDIR first; else, nothing installed, the build folder's. */
static void
test_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_setenv ("NB_LOCALEDIR", "/nowhere/locale", TRUE);
  g_assert_cmpstr (nb_locale_dir (), ==, "/nowhere/locale");
  g_unsetenv ("NB_LOCALEDIR");
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("installed translations are found first");
      return;
    }
  g_assert_cmpstr (nb_locale_dir (), ==, BUILD_LOCALEDIR);
}

int
main (int argc, char **argv)
{
  g_unsetenv ("NB_MODULE_DIR");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uninstalled/pdf-module", test_module_found);
  g_test_add_func ("/uninstalled/locale-dir", test_locale_dir);
  return g_test_run ();
}
