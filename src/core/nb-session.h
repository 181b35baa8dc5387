/* nb-session.h — one open report with its findings, derived figures and undo history
 *
 * Every edit the window makes goes through here: the old value is recorded for undo, the
 * totals follow their parts, and the findings are recomputed once per edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-checks.h"
#include "nb-derived.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_SESSION (nb_session_get_type ())
G_DECLARE_FINAL_TYPE (NbSession, nb_session, NB, SESSION, GObject)

NbSession       *nb_session_new                (NbReport      *report);
NbReport        *nb_session_get_report         (NbSession     *self);
/* Current findings (NbFinding), recomputed after every edit. */
GPtrArray       *nb_session_get_findings       (NbSession     *self);
const NbDerived *nb_session_get_derived        (NbSession     *self);
void             nb_session_set_length_rule    (NbSession     *self,
                                                gboolean       enabled);
void             nb_session_recalculate        (NbSession     *self);

/* User edits, each one undoable. Consecutive edits of the same field merge into one step. */
void             nb_session_edit_cell          (NbSession     *self,
                                                guint          index,
                                                const char    *text);
void             nb_session_edit_text          (NbSession     *self,
                                                NbTextField    field,
                                                const char    *text);
void             nb_session_edit_part_heading  (NbSession     *self,
                                                guint          part,
                                                const char    *heading);
void             nb_session_edit_part_text     (NbSession     *self,
                                                guint          part,
                                                const char    *text);
void             nb_session_insert_part        (NbSession     *self,
                                                guint          position,
                                                NbAspect       aspect,
                                                const char    *heading,
                                                const char    *text);
void             nb_session_remove_part        (NbSession     *self,
                                                guint          part);
void             nb_session_edit_fee           (NbSession     *self,
                                                gboolean       given,
                                                gint64         yuan);
void             nb_session_edit_year          (NbSession     *self,
                                                int            year);
void             nb_session_edit_level         (NbSession     *self,
                                                NbAgencyLevel  level);
void             nb_session_edit_title_breaks  (NbSession     *self,
                                                const int     *offsets,
                                                guint          n_offsets);
/* Switches of the layout (nb_report_set_signature, nb_report_set_standalone_headings);
 * each flip is an undo step of its own. */
void             nb_session_edit_signature     (NbSession     *self,
                                                gboolean       shown);
void             nb_session_edit_standalone_headings (NbSession *self,
                                                gboolean       standalone);
/* Loads @file as last year's report and attaches it (refused unless it is for year − 1);
 * only then stores its path, as an undoable edit. */
gboolean         nb_session_attach_previous    (NbSession     *self,
                                                GFile         *file,
                                                GError       **error);
/* Overrides every error of @findings that has none yet with @note (non-empty), as one
 * undoable step (rules.md, Severity: the note lets the report be exported). */
void             nb_session_override_errors    (NbSession     *self,
                                                GPtrArray     *findings,
                                                const char    *note);
/* The text, cell and number edits made between these calls form one undo step (a fix
 * applied to many fields at once); the findings are recomputed once, at the end. A step
 * with no change is dropped. */
void             nb_session_begin_step         (NbSession     *self);
void             nb_session_end_step           (NbSession     *self);
/* Ends the current merge run: the next edit starts a new undo step. */
void             nb_session_seal               (NbSession     *self);

gboolean         nb_session_can_undo           (NbSession     *self);
gboolean         nb_session_can_redo           (NbSession     *self);
void             nb_session_undo               (NbSession     *self);
void             nb_session_redo               (NbSession     *self);

/* Names the state of the report reached through the undo history: the id of the newest
 * undoable step, 0 when there is none. Equal ids mean equal content, as far as undoable
 * edits go; changes made around the session are counted by nb_session_get_n_unrecorded. */
guint64          nb_session_get_state_id       (NbSession     *self);
guint            nb_session_get_n_unrecorded   (NbSession     *self);

/* The location the last undo or redo touched ("s3.new.np", "s1" …), for focusing it. */
const char      *nb_session_get_last_location  (NbSession     *self);

/* Counts per sidebar entry: 0 = report information, 1…6 = sections. An error overridden
 * with a note counts as a warning. */
void             nb_session_count_findings     (NbSession     *self,
                                                guint          entry,
                                                guint          counts[NB_N_SEVERITIES]);
/* Which sidebar entry a finding's location belongs to. */
guint            nb_session_entry_for_location (const char    *where);

G_END_DECLS
