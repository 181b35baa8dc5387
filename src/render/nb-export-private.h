/* nb-export-private.h — what the export writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data atomically (a temporary file renamed over @file). Fails with “Cannot
 * write “FILE”: reason” (nb_export_set_write_error). */
gboolean  nb_export_write_file  (GFile       *file,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);

/* The one message for a failed export: “Cannot write “FILE”: @reason”. */
void      nb_export_set_write_error (GError     **error,
                                     GFile       *file,
                                     GQuark       domain,
                                     int          code,
                                     const char  *reason);

G_END_DECLS
