/* nb-locale.c — where the programs find their translations
 *
 * The window and the CLI read the same catalogues. Installed, they are under LOCALEDIR;
 * run from the build folder (tests, build-aux/run.sh, a developer trying a change) nothing
 * is installed there, and the build folder's po/ holds them (po/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-locale.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

const char *
nb_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *built = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                             GETTEXT_PACKAGE ".mo", NULL);
  const char *dir = g_getenv ("NB_LOCALEDIR");

  if (dir != NULL && dir[0] != '\0')
    return dir;
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

void
nb_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, nb_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
