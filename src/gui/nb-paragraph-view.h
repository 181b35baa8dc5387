/* nb-paragraph-view.h — a text view that grows with its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_PARAGRAPH_VIEW (nb_paragraph_view_get_type ())
G_DECLARE_FINAL_TYPE (NbParagraphView, nb_paragraph_view, NB, PARAGRAPH_VIEW, GtkTextView)

GtkWidget *nb_paragraph_view_new (void);

G_END_DECLS
