/* test-pdf-fonts.c — font roles resolved to installed families (layout.md §9), with the
 * fonts of build-aux/packages.txt (fonts-noto-cjk, fonts-arphic-ukai).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-pdf-fonts.h"

static void
test_defaults (void)
{
  NbResolvedFont fonts[NB_N_FONT_ROLES];
  g_auto(GStrv) lines = NULL;

  nb_pdf_fonts_resolve (NULL, fonts);
  g_assert_cmpstr (fonts[NB_FONT_TITLE].family, ==, "Noto Serif CJK SC");
  g_assert_cmpint (fonts[NB_FONT_TITLE].weight, ==, PANGO_WEIGHT_BOLD);
  g_assert_true (fonts[NB_FONT_TITLE].substitute);
  g_assert_cmpstr (fonts[NB_FONT_BODY].family, ==, "Noto Serif CJK SC");
  g_assert_true (fonts[NB_FONT_BODY].substitute);
  g_assert_cmpstr (fonts[NB_FONT_HEI].family, ==, "Noto Sans CJK SC");
  g_assert_cmpstr (fonts[NB_FONT_KAI].family, ==, "AR PL UKai CN");
  g_assert_false (fonts[NB_FONT_KAI].substitute);
  lines = nb_pdf_fonts_describe (fonts);
  g_assert_cmpuint (g_strv_length (lines), ==, NB_N_FONT_ROLES);
  g_assert_nonnull (g_strstr_len (lines[NB_FONT_BODY], -1, "Noto Serif CJK SC"));
  g_assert_nonnull (g_strstr_len (lines[NB_FONT_BODY], -1, "仿宋"));
  nb_pdf_fonts_clear (fonts);
}

/* The user's list comes first; a family that is not installed is skipped, never left to
 * fontconfig's aliases (which turn “FangSong” into a sans face). */
static void
test_user_list (void)
{
  NbPdfOptions options = { .font_body = "No Such Font, ar pl ukai cn" };
  NbResolvedFont fonts[NB_N_FONT_ROLES];
  g_autoptr(PangoFontDescription) desc = NULL;

  nb_pdf_fonts_resolve (&options, fonts);
  g_assert_cmpstr (fonts[NB_FONT_BODY].family, ==, "AR PL UKai CN");
  g_assert_false (fonts[NB_FONT_BODY].substitute);
  desc = nb_pdf_fonts_description (fonts, NB_FONT_BODY, 16);
  /* Per-glyph fallback goes to the list's last family. */
  g_assert_cmpstr (pango_font_description_get_family (desc), ==, "AR PL UKai CN,Noto Serif CJK SC");
  g_assert_cmpint (pango_font_description_get_size (desc), ==, 16 * PANGO_SCALE);
  nb_pdf_fonts_clear (fonts);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-fonts/defaults", test_defaults);
  g_test_add_func ("/pdf-fonts/user-list", test_user_list);
  return g_test_run ();
}
