/* nb-preview.c — page preview: a GtkDrawingArea in a GtkScrolledWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nb-page-layout.h"
#include "nb-preview.h"

/* Lay out again this long after the last edit: one layout per pause in typing. */
#define RELAYOUT_DELAY_MS 300
#define PAGE_GAP          16.0
#define ZOOM_STEP         1.2

struct _NbPreview {
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkWidget    *area;
  NbReport     *report;
  NbPageLayout *layout;
  double        zoom;
  guint         relayout_source;
};

enum {
  PROP_0,
  PROP_REPORT,
  PROP_ZOOM,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NbPreview, nb_preview, GTK_TYPE_WIDGET)

static void
update_size (NbPreview *self)
{
  guint n = self->layout ? nb_page_layout_get_n_pages (self->layout) : 0;
  double page_h = NB_PAGE_HEIGHT_PT * self->zoom;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area),
                                      (int) (NB_PAGE_WIDTH_PT * self->zoom + 2 * PAGE_GAP));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area),
                                       (int) (n * (page_h + PAGE_GAP) + PAGE_GAP));
  gtk_widget_queue_draw (self->area);
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  NbPreview *self = data;
  double page_w = NB_PAGE_WIDTH_PT * self->zoom, page_h = NB_PAGE_HEIGHT_PT * self->zoom;
  double x = MAX (PAGE_GAP, (width - page_w) / 2);
  double clip_y0, clip_y1;

  /* A neutral desk under the white pages. */
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  cairo_paint (cr);
  if (self->layout == NULL)
    return;
  cairo_clip_extents (cr, NULL, &clip_y0, NULL, &clip_y1);
  for (guint i = 0; i < nb_page_layout_get_n_pages (self->layout); i++)
    {
      double y = PAGE_GAP + i * (page_h + PAGE_GAP);

      /* Only the pages in view. */
      if (y > clip_y1 || y + page_h < clip_y0)
        continue;
      cairo_save (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
      cairo_rectangle (cr, x + 1, y + 2, page_w, page_h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x, y, page_w, page_h);
      cairo_fill (cr);
      cairo_rectangle (cr, x, y, page_w, page_h);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, self->zoom, self->zoom);
      nb_page_layout_draw_page (self->layout, cr, i);
      cairo_restore (cr);
    }
}

void
nb_preview_relayout (NbPreview *self)
{
  guint old_pages;

  g_return_if_fail (NB_IS_PREVIEW (self));

  g_clear_handle_id (&self->relayout_source, g_source_remove);
  old_pages = nb_preview_get_n_pages (self);
  g_clear_object (&self->layout);
  if (self->report)
    self->layout = nb_page_layout_new (self->report, NULL);
  update_size (self);
  if (old_pages != nb_preview_get_n_pages (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static gboolean
relayout_timeout (gpointer data)
{
  NbPreview *self = data;

  self->relayout_source = 0;
  nb_preview_relayout (self);
  return G_SOURCE_REMOVE;
}

static void
report_changed_cb (NbPreview *self, const char *location)
{
  /* Restart the pause on every edit. */
  g_clear_handle_id (&self->relayout_source, g_source_remove);
  self->relayout_source = g_timeout_add (RELAYOUT_DELAY_MS, relayout_timeout, self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, gpointer data)
{
  NbPreview *self = data;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Ctrl + wheel zooms; plain wheel scrolls. */
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  nb_preview_set_zoom (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP);
  return TRUE;
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbPreview *self = NB_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    nb_preview_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    nb_preview_set_zoom (self, self->zoom / ZOOM_STEP);
  else
    nb_preview_set_zoom (self, 1.0);
}

static void
nb_preview_dispose (GObject *object)
{
  NbPreview *self = NB_PREVIEW (object);

  g_clear_handle_id (&self->relayout_source, g_source_remove);
  nb_preview_set_report (self, NULL);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (nb_preview_parent_class)->dispose (object);
}

static void
nb_preview_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbPreview *self = NB_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, nb_preview_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_preview_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NbPreview *self = NB_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      nb_preview_set_report (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      nb_preview_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_preview_class_init (NbPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_preview_dispose;
  object_class->get_property = nb_preview_get_property;
  object_class->set_property = nb_preview_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, NB_PREVIEW_ZOOM_MIN, NB_PREVIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-reset", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nb-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nb_preview_init (NbPreview *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->zoom = 1.0;
  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_halign (self->area, GTK_ALIGN_FILL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->area);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("accessible name", "Print preview"), -1);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (self->scroller, scroll);
}

GtkWidget *
nb_preview_new (void)
{
  return g_object_new (NB_TYPE_PREVIEW, NULL);
}

void
nb_preview_set_report (NbPreview *self, NbReport *report)
{
  g_return_if_fail (NB_IS_PREVIEW (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  if (self->report == report)
    return;
  if (self->report)
    g_signal_handlers_disconnect_by_func (self->report, report_changed_cb, self);
  g_set_object (&self->report, report);
  if (report)
    g_signal_connect_object (report, "changed", G_CALLBACK (report_changed_cb), self,
                             G_CONNECT_SWAPPED);
  /* The first layout at once: a new report is not typing. */
  nb_preview_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

NbReport *
nb_preview_get_report (NbPreview *self)
{
  g_return_val_if_fail (NB_IS_PREVIEW (self), NULL);
  return self->report;
}

void
nb_preview_set_zoom (NbPreview *self, double zoom)
{
  g_return_if_fail (NB_IS_PREVIEW (self));

  zoom = CLAMP (zoom, NB_PREVIEW_ZOOM_MIN, NB_PREVIEW_ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  update_size (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
nb_preview_get_zoom (NbPreview *self)
{
  g_return_val_if_fail (NB_IS_PREVIEW (self), 1.0);
  return self->zoom;
}

guint
nb_preview_get_n_pages (NbPreview *self)
{
  g_return_val_if_fail (NB_IS_PREVIEW (self), 0);
  return self->layout ? nb_page_layout_get_n_pages (self->layout) : 0;
}
