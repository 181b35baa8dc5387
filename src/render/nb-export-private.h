/* nb-export-private.h — what the export writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data atomically (a temporary file renamed over @file), with an error that
 * names the file. */
gboolean  nb_export_write_file  (GFile       *file,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);

G_END_DECLS
