/* nb-new-report-dialog.c — 新建报告: asks for the agency, its level and the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-level-year.h"
#include "nb-new-report-dialog.h"

struct _NbNewReportDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  GtkWidget *agency_row;
  GtkWidget *level_row;
  GtkWidget *year_spin;
};

G_DEFINE_FINAL_TYPE (NbNewReportDialog, nb_new_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
nb_new_report_dialog_dup_agency (NbNewReportDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->agency_row))));
}

NbAgencyLevel
nb_new_report_dialog_get_level (NbNewReportDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), NB_LEVEL_DEPARTMENT);
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->level_row));
}

int
nb_new_report_dialog_get_year (NbNewReportDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), 0);
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));
}

GtkEditable *
nb_new_report_dialog_get_agency_entry (NbNewReportDialog *self)
{
  g_return_val_if_fail (NB_IS_NEW_REPORT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->agency_row);
}

/* Without an agency there is no title to propose: 创建 waits for one. */
static void
agency_changed_cb (NbNewReportDialog *self)
{
  g_autofree char *agency = nb_new_report_dialog_dup_agency (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           agency[0] != '\0');
}

static void
nb_new_report_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NB_TYPE_NEW_REPORT_DIALOG);
  G_OBJECT_CLASS (nb_new_report_dialog_parent_class)->dispose (object);
}

static void
nb_new_report_dialog_class_init (NbNewReportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nb_new_report_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-new-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, agency_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, NbNewReportDialog, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, agency_changed_cb);
}

static void
nb_new_report_dialog_init (NbNewReportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  nb_level_year_setup (ADW_COMBO_ROW (self->level_row), GTK_SPIN_BUTTON (self->year_spin));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->level_row), NB_LEVEL_DEPARTMENT);
  /* In January one writes about the year just ended. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), g_date_time_get_year (now) - 1);
}

NbNewReportDialog *
nb_new_report_dialog_new (GtkWindow *parent)
{
  return g_object_new (NB_TYPE_NEW_REPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
}
