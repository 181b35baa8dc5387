/* nb-text-filter.h — report text never takes a tab character
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tab moves the focus out of @view, and tabs in inserted or pasted text are dropped. */
void nb_text_filter_attach_view     (GtkTextView *view);
/* Tabs in text inserted or pasted into @editable (an entry, or a row with an entry) are
 * dropped. */
void nb_text_filter_attach_editable (GtkEditable *editable);

G_END_DECLS
