/* nb-override-dialog.h — asks before an export that errors would block
 *
 * rules.md, Severity: an ERROR blocks export unless the user overrides it with a note. The
 * dialog lists the errors without a note and offers Cancel or one note for all of them;
 * the note is saved with the report as one undoable step, then the export runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nb-window.h"

G_BEGIN_DECLS

/* Exports the window's report to @file as "pdf", "html" or "json" (nb_window_export_to ())
 * when no error lacks a note. Otherwise presents the dialog and returns it (tests answer
 * it); the export happens when it is answered with a note. With @file NULL (asked before
 * the file chooser), answering it opens the chooser through win.export-FORMAT. */
AdwMessageDialog *nb_override_dialog_export         (NbWindow         *window,
                                                     const char       *format,
                                                     GFile            *file);
/* The entry the note is typed in. */
GtkEditable      *nb_override_dialog_get_note_entry (AdwMessageDialog *dialog);

G_END_DECLS
