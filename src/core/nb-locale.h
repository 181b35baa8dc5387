/* nb-locale.h — where the programs find their translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NB_LOCALEDIR when set; else the installed translations; else, run from the build folder
 * with nothing installed, the catalogues compiled there. */
const char *nb_locale_dir  (void);

/* The user's locale, and the messages of GETTEXT_PACKAGE from nb_locale_dir () in UTF-8:
 * the first thing each program's main () does. */
void        nb_locale_init (void);

G_END_DECLS
