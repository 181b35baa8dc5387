/* main.c — nianbao: the editor window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-application.h"
#include "nb-locale.h"

int
main (int argc, char **argv)
{
  g_autoptr(NbApplication) app = NULL;

  /* The translations: NB_LOCALEDIR, else installed, else the build folder's (nb-locale.c). */
  nb_locale_init ();
  app = nb_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
