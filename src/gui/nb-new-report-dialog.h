/* nb-new-report-dialog.h — 新建报告: asks for the agency, its level and the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nb-format.h"

G_BEGIN_DECLS

#define NB_TYPE_NEW_REPORT_DIALOG (nb_new_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NbNewReportDialog, nb_new_report_dialog, NB, NEW_REPORT_DIALOG,
                      AdwMessageDialog)

/* A dialog over @parent; its "create" response (enabled once an agency is typed) means
 * the choice below is to be made into a report. */
NbNewReportDialog *nb_new_report_dialog_new              (GtkWindow         *parent);
/* The agency as typed, without surrounding spaces. */
char              *nb_new_report_dialog_dup_agency       (NbNewReportDialog *self);
NbAgencyLevel      nb_new_report_dialog_get_level        (NbNewReportDialog *self);
int                nb_new_report_dialog_get_year         (NbNewReportDialog *self);
/* The entry the agency is typed in. */
GtkEditable       *nb_new_report_dialog_get_agency_entry (NbNewReportDialog *self);

G_END_DECLS
