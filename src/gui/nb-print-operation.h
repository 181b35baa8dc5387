/* nb-print-operation.h — printing a report with the page renderer of the PDF export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_PRINT_OPERATION (nb_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (NbPrintOperation, nb_print_operation, NB, PRINT_OPERATION, GtkPrintOperation)

/* A4 portrait, full page, in points; the report is laid out when printing begins. */
NbPrintOperation *nb_print_operation_new        (NbReport         *report);
NbReport         *nb_print_operation_get_report (NbPrintOperation *self);

G_END_DECLS
