/* test-renderer-choice.c — the window draws with cairo where OpenGL is software
 *
 * Under Xvfb, OpenGL is Mesa's llvmpipe: GTK 4.8 would compile its GL shaders on the CPU
 * for the first frame. The suite's environment names GSK_RENDERER=cairo for every UI test;
 * this test removes that so that the application's own choice is what runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-renderer-choice.h"
#include "test-window-utils.h"

static const char *
window_renderer (NbWindow *window)
{
  return G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
}

static void
test_names (void)
{
  g_assert_true (nb_renderer_name_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (nb_renderer_name_is_software ("softpipe"));
  g_assert_true (nb_renderer_name_is_software ("Software Rasterizer"));
  g_assert_false (nb_renderer_name_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (nb_renderer_name_is_software ("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (nb_renderer_name_is_software (NULL));
}

/* Xvfb has no GPU: its OpenGL is Mesa's software rasteriser, and the window chooses cairo.
 * Without OpenGL at all GTK falls back to cairo by itself, which would prove nothing. */
static void
test_software_gl_draws_with_cairo (void)
{
  g_autofree char *gl = nb_renderer_probe_gl (gdk_display_get_default ());
  NbWindow *window;

  if (!nb_renderer_name_is_software (gl))
    {
      g_test_skip (gl ? "OpenGL here is not a software rasteriser" : "no OpenGL here");
      return;
    }
  window = nb_test_open_sample (1000, 700);
  g_test_message ("OpenGL: %s", gl);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gdk_display_get_default ()), "gsk-renderer"), ==, "cairo");
  g_assert_cmpstr (window_renderer (window), ==, "GskCairoRenderer");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A renderer the user names is kept (GTK reads the display's choice before GSK_RENDERER). */
static void
test_user_choice_kept (void)
{
  if (g_test_subprocess ())
    {
      NbWindow *window = nb_test_open_sample (1000, 700);

      GdkDisplay *display = gdk_display_get_default ();
      g_autoptr(GdkGLContext) gl = gdk_display_create_gl_context (display, NULL);

      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
      /* Without any OpenGL GTK itself falls back to cairo. */
      if (gl != NULL && gdk_gl_context_realize (gl, NULL))
        g_assert_cmpstr (window_renderer (window), !=, "GskCairoRenderer");
      return;
    }
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("GSK_RENDERER");
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = NULL;
  int status;

  /* The suite's own GSK_RENDERER=cairo would hide the choice under test. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    g_unsetenv ("GSK_RENDERER");
  tmp = nb_test_init (&argc, &argv);
  g_test_add_func ("/renderer-choice/names", test_names);
  g_test_add_func ("/renderer-choice/software-gl", test_software_gl_draws_with_cairo);
  g_test_add_func ("/renderer-choice/user-choice", test_user_choice_kept);
  status = g_test_run ();
  nb_test_finish (tmp);
  return status;
}
