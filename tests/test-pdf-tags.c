/* test-pdf-tags.c — regression for the cairo 1.16.0 crash of layout.md §12.1
 *
 * A document with a CAIRO_TAG_DEST and a tag name cairo does not know crashes inside
 * cairo_surface_finish (). This renders what the export renders — destinations, an
 * outline, page labels and the structure tags it uses, across pages — finishes the
 * surface and checks the status. A crash fails the test through its exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* Every structure tag the page renderer emits; all known to cairo 1.16. */
static const char *const used_tags[] = { "H1", "H2", "P", "Table", "TR", "TH", "TD", NULL };

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
show_text (cairo_t *cr, PangoLayout *layout, const char *text, double y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 72, y);
  pango_cairo_show_layout (cr, layout);
}

static void
test_dest_outline_tags (void)
{
  gsize written = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &written, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Noto Serif CJK SC 16");
  int parent;

  pango_context_set_language (pango_layout_get_context (layout), pango_language_from_string ("zh-cn"));
  pango_layout_set_font_description (layout, desc);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "标题");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-01T00:00:00+08:00");
  parent = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "一、总体情况",
                                          "dest='s1'", CAIRO_PDF_OUTLINE_FLAG_OPEN);
  cairo_pdf_surface_add_outline (surface, parent, "（一）子项", "dest='s1-1'", 0);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "二、表格", "dest='s2'",
                                 CAIRO_PDF_OUTLINE_FLAG_OPEN);

  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < 2; page++)
    {
      g_autofree char *label = g_strdup_printf ("%u", page + 1);
      g_autofree char *dest = g_strdup_printf ("name='s%u'", page + 1);

      cairo_pdf_surface_set_page_label (surface, label);
      cairo_tag_begin (cr, "H2", NULL);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
      show_text (cr, layout, "一、总体情况", 100);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
      cairo_tag_end (cr, "H2");
      if (page == 0)
        {
          cairo_tag_begin (cr, CAIRO_TAG_DEST, "name='s1-1'");
          show_text (cr, layout, "（一）", 130);
          cairo_tag_end (cr, CAIRO_TAG_DEST);
        }
      for (guint t = 0; used_tags[t]; t++)
        {
          cairo_tag_begin (cr, used_tags[t], NULL);
          show_text (cr, layout, used_tags[t], 160 + 30 * t);
          cairo_tag_end (cr, used_tags[t]);
        }
      /* Untagged content (page numbers, table rules), as the renderer draws it. */
      cairo_rectangle (cr, 72, 600, 200, 40);
      cairo_stroke (cr);
      show_text (cr, layout, "— 1 —", 760);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_object_unref (layout);
  pango_font_description_free (desc);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (written, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/cairo-dest-outline-tags", test_dest_outline_tags);
  return g_test_run ();
}
