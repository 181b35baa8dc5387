/* nb-application.h — the application: actions, preferences, crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NB_TYPE_APPLICATION (nb_application_get_type ())
G_DECLARE_FINAL_TYPE (NbApplication, nb_application, NB, APPLICATION, AdwApplication)

NbApplication *nb_application_new              (GApplicationFlags  flags);
/* The settings, or NULL when the schema is not installed (then defaults apply). */
GSettings     *nb_application_get_settings     (NbApplication     *self);
/* Recovery copies that no open window owns: ids to pass to nb_window_load_draft (). */
GPtrArray     *nb_application_find_drafts      (NbApplication     *self);
/* Asks whether to recover the orphaned drafts; returns the dialog, or NULL when none. */
GtkWidget     *nb_application_offer_recovery   (NbApplication     *self,
                                                GtkWindow         *parent);
/* The sample report: installed, or in the source tree when running uninstalled. */
GFile         *nb_application_get_sample       (void);
/* A window for a file: the active one when it is empty, else a new one. */
void           nb_application_open_file        (NbApplication     *self,
                                                GFile             *file);
/* The one error dialog of the application: @heading over @message, with Close. */
void           nb_show_error                   (GtkWindow         *parent,
                                                const char        *heading,
                                                const char        *message);

G_END_DECLS
