/* nb-paragraph-view.c — a text view that grows with its text
 *
 * Outside a scrolled window, GTK 4.8's GtkTextView measures its full height only once its
 * lines are laid out, but does not ask its parent for that height again: a page of
 * several views would show each one clipped. This view asks again after an allocation
 * whose height is not its measured one, and after each change of its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-paragraph-view.h"
#include "nb-text-filter.h"

struct _NbParagraphView
{
  GtkTextView parent_instance;

  guint       resize_id;
};

G_DEFINE_FINAL_TYPE (NbParagraphView, nb_paragraph_view, GTK_TYPE_TEXT_VIEW)

static gboolean
resize_cb (gpointer data)
{
  NbParagraphView *self = data;

  self->resize_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_resize (NbParagraphView *self)
{
  if (self->resize_id == 0)
    self->resize_id = g_idle_add_full (G_PRIORITY_LOW, resize_cb, self, NULL);
}

static void
nb_paragraph_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  int minimum = 0;

  GTK_WIDGET_CLASS (nb_paragraph_view_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
  if (minimum != height)
    schedule_resize (NB_PARAGRAPH_VIEW (widget));
}

static void
nb_paragraph_view_dispose (GObject *object)
{
  NbParagraphView *self = NB_PARAGRAPH_VIEW (object);

  g_clear_handle_id (&self->resize_id, g_source_remove);
  G_OBJECT_CLASS (nb_paragraph_view_parent_class)->dispose (object);
}

static void
nb_paragraph_view_class_init (NbParagraphViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nb_paragraph_view_dispose;
  GTK_WIDGET_CLASS (klass)->size_allocate = nb_paragraph_view_size_allocate;
}

static void
nb_paragraph_view_init (NbParagraphView *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (schedule_resize), self, G_CONNECT_SWAPPED);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  nb_text_filter_attach_view (GTK_TEXT_VIEW (self));
}

GtkWidget *
nb_paragraph_view_new (void)
{
  return g_object_new (NB_TYPE_PARAGRAPH_VIEW, NULL);
}
