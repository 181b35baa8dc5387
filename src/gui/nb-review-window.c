/* nb-review-window.c — 审阅文件夹: a folder's reports read on a worker thread
 *
 * The worker holds one report at a time (nb_review_file ()) and hands each finished row to
 * the main loop; the window keeps only the rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-review-actions.h"
#include "nb-review-export.h"
#include "nb-review-window.h"
#include "nb-review.h"
#include "nb-window.h"

/* One row of the table: a review row, owned by the window's array. */
#define NB_TYPE_REVIEW_ITEM (nb_review_item_get_type ())
G_DECLARE_FINAL_TYPE (NbReviewItem, nb_review_item, NB, REVIEW_ITEM, GObject)

struct _NbReviewItem {
  GObject            parent_instance;
  const NbReviewRow *row;
};

G_DEFINE_FINAL_TYPE (NbReviewItem, nb_review_item, G_TYPE_OBJECT)

static void nb_review_item_class_init (NbReviewItemClass *klass) {}
static void nb_review_item_init (NbReviewItem *self) {}

typedef enum {
  COL_FILE, COL_AGENCY, COL_YEAR, COL_ERRORS, COL_WARNINGS, COL_INFOS, COL_RULES, N_COLUMNS
} Column;

struct _NbReviewWindow {
  AdwWindow       parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle *window_title;
  GtkWidget      *export_button;
  GtkProgressBar *progress;
  GtkLabel       *summary;
  GtkColumnView  *view;

  GFile          *folder;
  GPtrArray      *rows;         /* NbReviewRow, in the folder's order */
  GListStore     *store;        /* NbReviewItem */
  GtkSortListModel *sorted;
  GCancellable   *cancellable;
  GtkColumnViewColumn *columns[N_COLUMNS];
  guint           n_inputs;
  gboolean        done;
};

G_DEFINE_FINAL_TYPE (NbReviewWindow, nb_review_window, ADW_TYPE_WINDOW)

/* ---- Columns */


static const struct {
  const char *id;
  const char *title;
  gboolean    sortable;
  gboolean    expand;
} columns[] = {
  [COL_FILE] = { "file", N_("File"), TRUE, TRUE },
  [COL_AGENCY] = { "agency", N_("Agency"), TRUE, TRUE },
  [COL_YEAR] = { "year", N_("Year"), FALSE, FALSE },
  [COL_ERRORS] = { "errors", N_("Errors"), TRUE, FALSE },
  [COL_WARNINGS] = { "warnings", N_("Warnings"), TRUE, FALSE },
  [COL_INFOS] = { "infos", N_("Notes"), FALSE, FALSE },
  [COL_RULES] = { "rules", N_("Rules fired"), FALSE, TRUE },
};

static char *
column_text (const NbReviewRow *row, Column column)
{
  switch (column)
    {
    case COL_FILE:
      return g_path_get_basename (row->file);
    case COL_AGENCY:
      return g_strdup (row->agency);
    case COL_YEAR:
      return row->year ? g_strdup_printf ("%d", row->year) : g_strdup ("");
    case COL_ERRORS:
    case COL_WARNINGS:
    case COL_INFOS:
      return row->error ? g_strdup ("") : g_strdup_printf ("%u", row->counts[column - COL_ERRORS]);
    case COL_RULES:
    default:
      /* An unreadable file says why where the rules would be. */
      return row->error ? g_strdup_printf (_("Cannot be read: %s"), row->error)
                        : g_strdup (row->rules);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column >= COL_YEAR && column <= COL_INFOS ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_INT (data);
  NbReviewItem *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = column_text (entry->row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COL_FILE ? entry->row->file : text);
  if (entry->row->error || (column == COL_ERRORS && entry->row->counts[NB_SEVERITY_ERROR] > 0))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static int
compare_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  const NbReviewRow *x = ((NbReviewItem *) a)->row, *y = ((NbReviewItem *) b)->row;
  Column column = GPOINTER_TO_INT (data);

  switch (column)
    {
    case COL_AGENCY:
      return g_utf8_collate (x->agency, y->agency);
    case COL_ERRORS:
    case COL_WARNINGS:
      {
        guint i = column - COL_ERRORS;

        /* Unreadable files sort with the worst: they need a look first. */
        guint vx = x->error ? G_MAXUINT : x->counts[i], vy = y->error ? G_MAXUINT : y->counts[i];

        return vx < vy ? -1 : vx > vy;
      }
    case COL_FILE:
    default:
      return g_strcmp0 (x->file, y->file);
    }
}

static void
add_columns (NbReviewWindow *self)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[c].sortable)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (c), NULL));

          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->view, column);
      self->columns[c] = column;      /* the view holds it */
      g_object_unref (column);
    }
}

/* ---- Reading the folder */

static void
update_progress (NbReviewWindow *self)
{
  guint totals[NB_N_SEVERITIES] = { 0 }, n_unreadable = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const NbReviewRow *row = g_ptr_array_index (self->rows, i);

      n_unreadable += row->error != NULL;
      for (guint s = 0; s < NB_N_SEVERITIES; s++)
        totals[s] += row->counts[s];
    }
  if (self->n_inputs > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) self->rows->len / self->n_inputs);
  /* TRANSLATORS: reports read so far, of how many */
  text = g_strdup_printf (_("Read %u of %u"), self->rows->len, self->n_inputs);
  gtk_progress_bar_set_text (self->progress, text);
  g_free (text);
  text = g_strdup_printf (_("%u reports: %u errors, %u warnings, %u notes; %u files cannot be read"),
                          self->rows->len - n_unreadable, totals[NB_SEVERITY_ERROR],
                          totals[NB_SEVERITY_WARNING], totals[NB_SEVERITY_INFO], n_unreadable);
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), !self->done);
  gtk_widget_set_sensitive (self->export_button, self->done);
}

typedef struct {
  NbReviewWindow *self;
  NbReviewRow    *row;
} Delivery;

static gboolean
deliver_row (gpointer data)
{
  Delivery *d = data;
  NbReviewWindow *self = d->self;

  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(NbReviewItem) item = g_object_new (NB_TYPE_REVIEW_ITEM, NULL);

      item->row = d->row;
      g_ptr_array_add (self->rows, g_steal_pointer (&d->row));
      g_list_store_append (self->store, item);
      update_progress (self);
    }
  nb_review_row_free (d->row);
  g_object_unref (d->self);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static void
review_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GPtrArray *paths = data;

  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Delivery *d = g_new0 (Delivery, 1);

      d->self = g_object_ref (source);
      d->row = nb_review_file (g_ptr_array_index (paths, i), NULL);
      g_main_context_invoke (NULL, deliver_row, d);
    }
  g_task_return_boolean (task, TRUE);
}

/* The table gets its model once every row is in: GTK 4.8's list view fails an assertion
 * when it is measured after rows were added to a shown, empty model and before they are
 * allocated, and the progress bar says how far the reading is meanwhile. */
static void
show_rows (NbReviewWindow *self)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));

  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
}

static void
review_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  NbReviewWindow *self = NB_REVIEW_WINDOW (source);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->done = TRUE;
  show_rows (self);
  update_progress (self);
}

static void
start_review (NbReviewWindow *self)
{
  g_autofree char *path = g_file_get_path (self->folder);
  g_autofree char *name = g_file_get_parse_name (self->folder);
  g_autoptr(GTask) task = NULL;
  GPtrArray *paths;

  adw_window_title_set_subtitle (self->window_title, name);
  if (path == NULL)
    {
      self->done = TRUE;
      update_progress (self);
      gtk_label_set_text (self->summary, _("Only a folder on this computer can be reviewed."));
      return;
    }
  {
    const char *inputs[] = { path, NULL };

    paths = nb_review_collect (inputs);
  }
  self->n_inputs = paths->len;
  update_progress (self);
  task = g_task_new (self, self->cancellable, review_done_cb, NULL);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, review_thread);
}

/* ---- Opening a row, exporting */

void
nb_review_window_open_row (NbReviewWindow *self, guint position)
{
  g_autoptr(NbReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GError) error = NULL;
  NbWindow *window;

  if (item == NULL || app == NULL || !NB_IS_APPLICATION (app))
    return;
  file = g_file_new_for_path (item->row->file);
  lower = g_utf8_strdown (item->row->file, -1);
  if (g_str_has_suffix (lower, ".nianbao"))
    {
      nb_application_open_file (NB_APPLICATION (app), file);
      return;
    }
  /* A published report opens as a new document read by the importer, which says why
   * when it cannot. */
  window = nb_window_new (NB_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  nb_window_import_file (window, file, &error);
}

static void
activate_cb (GtkColumnView *view, guint position, NbReviewWindow *self)
{
  nb_review_window_open_row (self, position);
}

gboolean
nb_review_window_export (NbReviewWindow *self, GFile *file, GError **error)
{
  return nb_review_export (self->rows, NULL, file, error);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, NbReviewWindow *self)
{
  g_autoptr(GFile) file = nb_review_actions_take_file (dialog, response);
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  if (nb_review_window_export (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
    }
  else
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Review"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  NbReviewWindow *self = NB_REVIEW_WINDOW (widget);
  gboolean csv = g_str_equal (action, "review.export-csv");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export the Review"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, csv ? _("CSV (spreadsheet)") : _("Web page (HTML)"));
  gtk_file_filter_add_pattern (filter, csv ? "*.csv" : "*.html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* TRANSLATORS: the suggested name of the exported review, without extension */
  {
    g_autofree char *suggested = g_strdup_printf ("%s.%s", _("review"), csv ? "csv" : "html");

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- The window */

static void
nb_review_window_dispose (GObject *object)
{
  NbReviewWindow *self = NB_REVIEW_WINDOW (object);

  /* Rows still on their way from the worker are dropped, and the worker stops. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_REVIEW_WINDOW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nb_review_window_parent_class)->dispose (object);
}

static void
nb_review_window_finalize (GObject *object)
{
  NbReviewWindow *self = NB_REVIEW_WINDOW (object);

  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (nb_review_window_parent_class)->finalize (object);
}

static void
nb_review_window_class_init (NbReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nb_review_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = nb_review_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, view);
  gtk_widget_class_install_action (widget_class, "review.export-html", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "review.export-csv", NULL, export_action);
}

static void
nb_review_window_init (NbReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_review_row_free);
  self->cancellable = g_cancellable_new ();
  self->store = g_list_store_new (NB_TYPE_REVIEW_ITEM);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_column_view_set_single_click_activate (self->view, FALSE);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);
}

GtkWidget *
nb_review_window_new (GtkWindow *parent, GFile *folder)
{
  NbReviewWindow *self = g_object_new (NB_TYPE_REVIEW_WINDOW, NULL);

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->folder = g_object_ref (folder);
  start_review (self);
  return GTK_WIDGET (self);
}

gboolean
nb_review_window_is_done (NbReviewWindow *self)
{
  return self->done;
}

GListModel *
nb_review_window_get_model (NbReviewWindow *self)
{
  return G_LIST_MODEL (self->sorted);
}

const char *
nb_review_window_get_path (NbReviewWindow *self, guint position)
{
  g_autoptr(NbReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  return item ? item->row->file : NULL;
}

void
nb_review_window_sort_by (NbReviewWindow *self, const char *column, GtkSortType direction)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (g_str_equal (columns[c].id, column))
      gtk_column_view_sort_by_column (self->view, self->columns[c], direction);
}
