/* nb-narrative-page.h — the text sections 一, 五 and 六
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-session.h"

G_BEGIN_DECLS

#define NB_TYPE_NARRATIVE_PAGE (nb_narrative_page_get_type ())
G_DECLARE_FINAL_TYPE (NbNarrativePage, nb_narrative_page, NB, NARRATIVE_PAGE, GtkBox)

/* @section_index: 0 for 一, 4 for 五, 5 for 六. */
GtkWidget *nb_narrative_page_new            (NbSession       *session,
                                             guint            section_index);
/* Focuses the text a finding is about and selects its span when it has one. */
void       nb_narrative_page_focus_finding  (NbNarrativePage *self,
                                             const NbFinding *finding);
/* Focuses the text last changed from the report (by undo or redo), the caret at the end
 * of the change; FALSE when no text was. */
gboolean   nb_narrative_page_focus_change   (NbNarrativePage *self);
/* Inserts the standard 依申请 summary sentence (section 一 only). */
void       nb_narrative_page_insert_summary (NbNarrativePage *self);

G_END_DECLS
