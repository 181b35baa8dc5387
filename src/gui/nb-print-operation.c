/* nb-print-operation.c — GtkPrintOperation drawing NbPageLayout pages
 *
 * begin-print lays the report out once, paginate reports the page count, draw-page draws
 * page N exactly as the PDF export does (platform.md §7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-page-layout.h"
#include "nb-print-operation.h"

struct _NbPrintOperation {
  GtkPrintOperation  parent_instance;

  NbReport          *report;
  NbPageLayout      *layout;
};

G_DEFINE_FINAL_TYPE (NbPrintOperation, nb_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
nb_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
  self->layout = nb_page_layout_new (self->report, NULL);
}

/* GTK emits ::paginate only when a handler is connected (a vfunc alone is not enough). */
static gboolean
paginate_cb (GtkPrintOperation *operation, GtkPrintContext *context, gpointer data)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, nb_page_layout_get_n_pages (self->layout));
  return TRUE;
}

static void
nb_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / NB_PAGE_WIDTH_PT, height / NB_PAGE_HEIGHT_PT);

  cairo_save (cr);
  /* Other paper than A4: shrink to fit, centred; never enlarge. */
  if (scale < 0.999)
    {
      cairo_translate (cr, (width - NB_PAGE_WIDTH_PT * scale) / 2, (height - NB_PAGE_HEIGHT_PT * scale) / 2);
      cairo_scale (cr, scale, scale);
    }
  nb_page_layout_draw_page (self->layout, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
nb_print_operation_end_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  g_clear_object (&NB_PRINT_OPERATION (operation)->layout);
}

static void
nb_print_operation_finalize (GObject *object)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->report);
  G_OBJECT_CLASS (nb_print_operation_parent_class)->finalize (object);
}

static void
nb_print_operation_class_init (NbPrintOperationClass *klass)
{
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nb_print_operation_finalize;
  print_class->begin_print = nb_print_operation_begin_print;
  print_class->draw_page = nb_print_operation_draw_page;
  print_class->end_print = nb_print_operation_end_print;
}

static void
nb_print_operation_init (NbPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  g_signal_connect (self, "paginate", G_CALLBACK (paginate_cb), NULL);
}

NbPrintOperation *
nb_print_operation_new (NbReport *report)
{
  NbPrintOperation *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self = g_object_new (NB_TYPE_PRINT_OPERATION, NULL);
  self->report = g_object_ref (report);
  if (nb_report_get_text (report, NB_TEXT_TITLE)[0])
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                      nb_report_get_text (report, NB_TEXT_TITLE));
  return self;
}

NbReport *
nb_print_operation_get_report (NbPrintOperation *self)
{
  g_return_val_if_fail (NB_IS_PRINT_OPERATION (self), NULL);
  return self->report;
}
