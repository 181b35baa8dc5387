/* nb-punctuation-action.h — 规范标点: full-width punctuation in the report's prose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-session.h"
#include "nb-window.h"

G_BEGIN_DECLS

/* Applies nb_punctuation_fix () to the title, preamble, section 一 (intro, part headings and
 * texts), 五, 六, the notes under the tables and the contact, as one undo step. Returns the
 * number of marks replaced. */
guint  nb_punctuation_apply          (NbSession *session);
/* Adds win.fix-punctuation: applies the fix and says in a toast how many marks changed,
 * with a button to undo it. */
void   nb_punctuation_action_install (NbWindow  *window);

G_END_DECLS
