/* nb-preferences-window.h — fonts per export role, recovery delay, optional rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NB_TYPE_PREFERENCES_WINDOW (nb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, NB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @settings may be NULL (no schema installed): the rows are then insensitive. */
GtkWidget *nb_preferences_window_new (GSettings *settings);

G_END_DECLS
