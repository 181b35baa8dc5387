/* nb-findings-page.h — every finding of the checks, grouped by severity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-finding-location.h"
#include "nb-session.h"

G_BEGIN_DECLS

#define NB_TYPE_FINDINGS_PAGE (nb_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (NbFindingsPage, nb_findings_page, NB, FINDINGS_PAGE, GtkBox)

GtkWidget *nb_findings_page_new           (NbSession      *session);
/* Activates the n-th row (in display order), as a click would. FALSE when there is none. */
gboolean   nb_findings_page_activate_nth  (NbFindingsPage *self,
                                           guint           n);

G_END_DECLS
