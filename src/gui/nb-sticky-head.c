/* nb-sticky-head.c — head rows of a table that stay in sight while its body scrolls
 *
 * The head rows stay in the table's grid, so the columns keep one width; a copy of each
 * head label lies over the top of the scrolled window, placed exactly over the column of
 * its original, and is shown only once the originals have scrolled out of sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "nb-sticky-head.h"

struct _NbStickyHead
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled;   /* the overlay's main child (owned by the overlay) */
  GPtrArray         *originals;  /* head labels in the grid, parallel to the children */
};

G_DEFINE_FINAL_TYPE (NbStickyHead, nb_sticky_head, GTK_TYPE_WIDGET)

/* The head's box in the scrolled window's coordinates; FALSE before it is laid out. */
static gboolean
head_extent (NbStickyHead *self, graphene_rect_t *extent)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->originals->len; i++)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->originals, i),
                                      GTK_WIDGET (self->scrolled), &bounds))
        continue;
      if (any)
        graphene_rect_union (extent, &bounds, extent);
      else
        *extent = bounds;
      any = TRUE;
    }
  return any;
}

double
nb_sticky_head_get_height (NbStickyHead *self)
{
  graphene_rect_t extent;

  g_return_val_if_fail (NB_IS_STICKY_HEAD (self), 0);
  return head_extent (self, &extent) ? extent.size.height : 0;
}

/* The overlay asks where the copy goes: over the table's columns only (the card beside
 * the table stays in sight), as tall as the head once the originals start to leave the top
 * edge, else nothing. */
static gboolean
get_child_position_cb (GtkOverlay *overlay, GtkWidget *widget, GdkRectangle *rect,
                       NbStickyHead *self)
{
  graphene_rect_t extent;
  int min_height;

  if (widget != GTK_WIDGET (self))
    return FALSE;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  *rect = (GdkRectangle) { 0, 0, gtk_widget_get_width (GTK_WIDGET (self->scrolled)), 0 };
  if (head_extent (self, &extent) && extent.origin.y < 0)
    {
      /* Whole pixels that cover the originals' columns, never past the scrolled window. */
      int left = MAX (0, (int) floor (extent.origin.x));
      int right = MIN (rect->width, (int) ceil (extent.origin.x + extent.size.width));

      rect->x = left;
      rect->width = MAX (0, right - left);
      rect->height = (int) ceil (extent.size.height);
    }
  return TRUE;
}

static void
adjustment_changed_cb (NbStickyHead *self)
{
  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (self));

  /* The copy's own allocation may stay the same while its children must move. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (overlay != NULL)
    gtk_widget_queue_allocate (overlay);
}

static void
nb_sticky_head_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  /* The copies take the sizes of their originals, not their own. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);
  *minimum = *natural = 0;
}

static void
nb_sticky_head_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  NbStickyHead *self = NB_STICKY_HEAD (widget);
  graphene_rect_t extent = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  guint i = 0;

  if (head_extent (self, &extent))
    extent.origin.x = MAX (0, floor (extent.origin.x));
  /* The copy lies at the head's left edge, at the scrolled window's top: the originals'
   * bounds there are the copies' places, moved by where the head now starts. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->originals, i),
                                      GTK_WIDGET (self->scrolled), &bounds))
        bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) {
                                  (int) round (bounds.origin.x - extent.origin.x),
                                  (int) round (bounds.origin.y - extent.origin.y),
                                  (int) round (bounds.size.width),
                                  (int) round (bounds.size.height) }, -1);
    }
}

static void
nb_sticky_head_dispose (GObject *object)
{
  NbStickyHead *self = NB_STICKY_HEAD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->originals, g_ptr_array_unref);
  G_OBJECT_CLASS (nb_sticky_head_parent_class)->dispose (object);
}

static void
nb_sticky_head_class_init (NbStickyHeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_sticky_head_dispose;
  widget_class->measure = nb_sticky_head_measure;
  widget_class->size_allocate = nb_sticky_head_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "nb-sticky-head");
}

static void
nb_sticky_head_init (NbStickyHead *self)
{
  self->originals = g_ptr_array_new ();
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  /* Screen readers read the table's own head; the copy is only drawn. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
nb_sticky_head_wrap (GtkScrolledWindow *scrolled, NbStickyHead **head)
{
  GtkWidget *overlay = gtk_overlay_new ();
  NbStickyHead *self = g_object_new (NB_TYPE_STICKY_HEAD, NULL);

  self->scrolled = scrolled;
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (scrolled));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self));
  g_signal_connect_object (overlay, "get-child-position", G_CALLBACK (get_child_position_cb),
                           self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (scrolled), "value-changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (scrolled), "value-changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  *head = self;
  return overlay;
}

void
nb_sticky_head_add (NbStickyHead *self, GtkWidget *original, GtkWidget *copy)
{
  g_return_if_fail (NB_IS_STICKY_HEAD (self));

  g_ptr_array_add (self->originals, original);
  gtk_widget_set_can_target (copy, FALSE);
  gtk_widget_set_parent (copy, GTK_WIDGET (self));
}
