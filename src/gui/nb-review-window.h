/* nb-review-window.h — 审阅文件夹: the reports of a folder, a row each
 *
 * The folder is read on a worker thread, one report at a time, with a progress bar; the
 * table sorts by file, agency, errors and warnings; activating a row opens that report;
 * the review exports as HTML or CSV (nb_review_export ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NB_TYPE_REVIEW_WINDOW (nb_review_window_get_type ())
G_DECLARE_FINAL_TYPE (NbReviewWindow, nb_review_window, NB, REVIEW_WINDOW, AdwWindow)

/* Starts reading @folder at once; @parent may be NULL. */
GtkWidget   *nb_review_window_new        (GtkWindow      *parent,
                                          GFile          *folder);
/* TRUE once every report of the folder has been read. */
gboolean     nb_review_window_is_done    (NbReviewWindow *self);
/* The rows as shown (sorted as the user sorted them), for tests and the export. */
GListModel  *nb_review_window_get_model  (NbReviewWindow *self);
/* The input of the row at @position of the shown model, or NULL. */
const char  *nb_review_window_get_path   (NbReviewWindow *self,
                                          guint           position);
/* Sorts by a column: "file", "agency", "errors", "warnings". */
void         nb_review_window_sort_by    (NbReviewWindow *self,
                                          const char     *column,
                                          GtkSortType     direction);
gboolean     nb_review_window_export     (NbReviewWindow *self,
                                          GFile          *file,
                                          GError        **error);
/* Opens the report of the row at @position as activating the row does. */
void         nb_review_window_open_row   (NbReviewWindow *self,
                                          guint           position);

G_END_DECLS
