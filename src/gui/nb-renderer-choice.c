/* nb-renderer-choice.c — cairo where OpenGL is only a software rasteriser
 *
 * GTK 4.8 draws with OpenGL whenever it gets a context, even when that context is Mesa's
 * llvmpipe running on the CPU: virtual and remote desktops, machines whose GPU has no driver
 * (common on office computers). There the OpenGL renderer compiles its shaders on the CPU
 * before the first frame (≈0.4 s) and keeps ≈100 MB for them, while cairo draws the same
 * widgets sooner. GTK 4.14 makes this choice itself ("gsk: Don't use gpu renderers with
 * llvmpipe"); this backports it to older GTK, and never overrides a renderer the user named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>

#include "nb-renderer-choice.h"

gboolean
nb_renderer_name_is_software (const char *gl_renderer)
{
  static const char *const software[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer" };

  if (gl_renderer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
nb_renderer_probe_gl (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  char *name;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

NbRendererChoice
nb_renderer_choice_apply (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NB_RENDERER_GTK_DEFAULT);

  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 14)
    return NB_RENDERER_GTK_DEFAULT;
  /* GTK reads the display's choice before GSK_RENDERER, so a user's choice must win here. */
  if (g_getenv ("GSK_RENDERER") != NULL || g_object_get_data (G_OBJECT (display), "gsk-renderer") != NULL)
    return NB_RENDERER_USER;

  gl_renderer = nb_renderer_probe_gl (display);
  if (!nb_renderer_name_is_software (gl_renderer))
    return NB_RENDERER_GTK_DEFAULT;
  g_debug ("OpenGL is %s, a software rasteriser: drawing with cairo", gl_renderer);
  g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
  return NB_RENDERER_CAIRO_FOR_SOFTWARE_GL;
}
