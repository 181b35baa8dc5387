/* nb-renderer-choice.h — which GSK renderer the windows draw with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  NB_RENDERER_GTK_DEFAULT,   /* GTK decides: a GPU, no OpenGL at all, or GTK ≥ 4.14 */
  NB_RENDERER_USER,          /* GSK_RENDERER or the display already names one */
  NB_RENDERER_CAIRO_FOR_SOFTWARE_GL,
} NbRendererChoice;

NbRendererChoice nb_renderer_choice_apply (GdkDisplay *display);
gboolean         nb_renderer_name_is_software (const char *gl_renderer);
/* The GL_RENDERER string of an OpenGL context on @display, or NULL where there is none. */
char            *nb_renderer_probe_gl (GdkDisplay *display);

G_END_DECLS
