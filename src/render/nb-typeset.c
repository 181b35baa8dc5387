/* nb-typeset.c — the PangoContext every page is laid out with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-typeset.h"

NbTypeset *
nb_typeset_new (const NbPdfOptions *options)
{
  NbTypeset *self = g_new0 (NbTypeset, 1);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  nb_pdf_fonts_resolve (options, self->fonts);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Metrics must not depend on the target (PDF, printer, screen at any zoom). */
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Without zh-cn fontconfig picks Noto Sans CJK JP for CJK runs (layout.md §9). */
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
  cairo_font_options_destroy (font_options);
  return self;
}

void
nb_typeset_free (NbTypeset *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->context);
  nb_pdf_fonts_clear (self->fonts);
  g_free (self);
}

void
nb_typeset_add_attr (PangoLayout *layout, PangoAttribute *attr)
{
  PangoAttrList *old = pango_layout_get_attributes (layout);
  /* A copy: setting the layout's own list again would not invalidate it. */
  g_autoptr(PangoAttrList) attrs = old ? pango_attr_list_copy (old) : pango_attr_list_new ();

  attr->start_index = 0;
  attr->end_index = G_MAXUINT;
  pango_attr_list_insert (attrs, attr);
  pango_layout_set_attributes (layout, attrs);
}

PangoLayout *
nb_typeset_layout (NbTypeset *self, NbFontRole role, double size_pt, const char *text)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = nb_pdf_fonts_description (self->fonts, role, size_pt);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  nb_pdf_fonts_note_text (self->fonts, role, text);
  nb_typeset_add_attr (layout, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  return layout;
}

double
nb_typeset_text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}
