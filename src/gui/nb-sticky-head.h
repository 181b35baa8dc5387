/* nb-sticky-head.h — head rows of a table that stay in sight while its body scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_STICKY_HEAD (nb_sticky_head_get_type ())
G_DECLARE_FINAL_TYPE (NbStickyHead, nb_sticky_head, NB, STICKY_HEAD, GtkWidget)

/* Puts @scrolled in an overlay (returned) that draws the sticky head over its top. */
GtkWidget *nb_sticky_head_wrap        (GtkScrolledWindow *scrolled,
                                       NbStickyHead     **head);
/* @copy (a new label drawn like @original) is shown over @original's column once the
 * head rows have scrolled away. */
void       nb_sticky_head_add         (NbStickyHead      *self,
                                       GtkWidget         *original,
                                       GtkWidget         *copy);
/* How tall the head rows are: what the sticky head covers of the body. */
double     nb_sticky_head_get_height  (NbStickyHead      *self);

G_END_DECLS
