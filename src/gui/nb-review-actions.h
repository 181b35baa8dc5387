/* nb-review-actions.h — 审阅文件夹 and 合并多个报告 in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds app.review-folder (choose a folder, open its review window) and app.merge-reports
 * (choose .nianbao files, open their sum as a new document) to @app; each uses the active
 * window as the parent of its dialogs. */
void  nb_review_actions_install   (GtkApplication *app);

/* The same, from a given window. */
void  nb_review_actions_review    (GtkWindow      *parent);
void  nb_review_actions_merge     (GtkWindow      *parent);

/* Merges @files (GFile) on a worker thread and opens the result in a new window; when
 * sources have errors, asks whether to merge anyway; other refusals are explained. */
void  nb_review_actions_merge_files (GtkWindow    *parent,
                                     GListModel   *files,
                                     gboolean      force);

/* The file a native chooser returned (NULL when cancelled); the dialog is destroyed and
 * released. */
GFile *nb_review_actions_take_file (GtkNativeDialog *dialog,
                                    int              response);

G_END_DECLS
