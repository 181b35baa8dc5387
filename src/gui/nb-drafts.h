/* nb-drafts.h — recovery copies of unsaved reports
 *
 * One owner of the draft folder and its file names: ID.nianbao (the report) and ID.source
 * (the URI of the file it was opened from, if any).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* The folder recovery copies are written to. */
char     *nb_drafts_dir       (void);
/* The recovery copy of draft @id (ID.nianbao). */
char     *nb_drafts_path      (const char *id);
/* Writes @report as draft @id, remembering @source (or that there is none). */
gboolean  nb_drafts_write     (const char *id,
                               NbReport   *report,
                               GFile      *source,
                               GError    **error);
/* Reads draft @id back; @source gets the file it was opened from, or NULL. */
NbReport *nb_drafts_load      (const char *id,
                               GFile     **source,
                               GError    **error);
void      nb_drafts_remove    (const char *id);
/* Keeps a draft that cannot be read for whoever wants to look at it (ID.nianbao.broken),
 * no longer offered. */
void      nb_drafts_set_aside (const char *id);
/* The ids of the drafts in the folder. */
GPtrArray *nb_drafts_list     (void);
/* Names the report a draft holds for the recovery prompt: agency, year and file. */
char     *nb_drafts_describe  (const char *id);

G_END_DECLS
