/* nb-table-page.h — one statistical table (二, 三 or 四) as an editable grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-session.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_PAGE (nb_table_page_get_type ())
G_DECLARE_FINAL_TYPE (NbTablePage, nb_table_page, NB, TABLE_PAGE, GtkBox)

GtkWidget *nb_table_page_new             (NbSession   *session,
                                          NbTableId    table);
/* The entry of a cell (a global index of nb_format_cell ()), or NULL when not in this table. */
GtkWidget *nb_table_page_get_cell_widget (NbTablePage *self,
                                          guint        index);
gboolean   nb_table_page_focus_cell      (NbTablePage *self,
                                          guint        index);

G_END_DECLS
