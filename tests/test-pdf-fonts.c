/* test-pdf-fonts.c — font roles resolved to installed families (layout.md §9), with the
 * fonts of build-aux/packages.txt (fonts-noto-cjk, fonts-arphic-ukai).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-pdf-fonts.h"
#include "nb-typeset.h"

static void
test_defaults (void)
{
  NbResolvedFont fonts[NB_N_FONT_ROLES];
  g_auto(GStrv) lines = NULL;

  nb_pdf_fonts_resolve (NULL, fonts);
  /* 小标宋 is a heavy Song: the heaviest bundled weight. */
  g_assert_cmpstr (fonts[NB_FONT_TITLE].family, ==, "Noto Serif CJK SC Black");
  g_assert_true (fonts[NB_FONT_TITLE].substitute);
  /* A true 仿宋 for the body, no 宋 stand-in (run build-aux/install-fonts.sh). */
  g_assert_cmpstr (fonts[NB_FONT_BODY].family, ==, "FandolFang");
  g_assert_false (fonts[NB_FONT_BODY].substitute);
  g_assert_cmpstr (fonts[NB_FONT_HEI].family, ==, "Noto Sans CJK SC");
  g_assert_cmpstr (fonts[NB_FONT_KAI].family, ==, "LXGW WenKai");
  g_assert_false (fonts[NB_FONT_KAI].substitute);
  lines = nb_pdf_fonts_describe (fonts);
  g_assert_cmpuint (g_strv_length (lines), ==, NB_N_FONT_ROLES);
  g_assert_nonnull (g_strstr_len (lines[NB_FONT_BODY], -1, "FandolFang"));
  g_assert_null (g_strstr_len (lines[NB_FONT_BODY], -1, "仿宋"));
  nb_pdf_fonts_clear (fonts);
}

/* The families every writer names: the resolved one is in its role's list, in order. */
static void
test_families (void)
{
  g_auto(GStrv) kai = nb_pdf_fonts_families (NB_FONT_KAI);
  g_auto(GStrv) body = nb_pdf_fonts_families (NB_FONT_BODY);

  g_assert_true (g_strv_contains ((const char *const *) body, "FandolFang"));
  g_assert_cmpstr (body[g_strv_length (body) - 1], ==, "Noto Serif CJK SC");
  /* WenKai comes before UKai. */
  for (guint i = 0; kai[i] && !g_str_equal (kai[i], "LXGW WenKai"); i++)
    g_assert_cmpstr (kai[i], !=, "AR PL UKai CN");
  g_assert_true (g_strv_contains ((const char *const *) kai, "LXGW WenKai"));
}

/* Characters the 仿宋 lacks (镕 and 堃 are in names; FandolFang has all 6763 GB2312 hanzi
 * but not these) are named once each, with the face that draws them. */
static void
test_missing_characters (void)
{
  NbResolvedFont fonts[NB_N_FONT_ROLES];
  g_auto(GStrv) lines = NULL;

  nb_pdf_fonts_resolve (NULL, fonts);
  nb_pdf_fonts_note_text (fonts, NB_FONT_BODY, "朱镕基和王堃，镕。\n政府信息公开");
  g_assert_nonnull (fonts[NB_FONT_BODY].missing);
  g_assert_cmpstr (fonts[NB_FONT_BODY].missing->str, ==, "镕堃");
  lines = nb_pdf_fonts_describe (fonts);
  g_assert_cmpuint (g_strv_length (lines), ==, NB_N_FONT_ROLES + 1);
  g_assert_nonnull (strstr (lines[NB_N_FONT_ROLES], "FandolFang"));
  g_assert_nonnull (strstr (lines[NB_N_FONT_ROLES], "“镕堃”"));
  g_assert_nonnull (strstr (lines[NB_N_FONT_ROLES], "Noto Serif CJK SC"));
  nb_pdf_fonts_clear (fonts);
}

/* Ink height of a line of run-in heading text in @role at 三号, in mm. */
static double
ink_height (NbTypeset *typeset, NbFontRole role)
{
  g_autoptr(PangoLayout) layout = nb_typeset_layout (typeset, role, NB_SIZE_SANHAO,
                                                     "积极主动做好政务公开");
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  return (double) ink.height / PANGO_SCALE / NB_PT_PER_MM;
}

/* The 楷体 run-in heads must not look lighter and smaller than the 仿宋 body around them:
 * AR PL UKai's ink is 5.01 mm against FandolFang's 5.53 mm (0.91). */
static void
test_kai_size (void)
{
  g_autoptr(NbTypeset) typeset = nb_typeset_new (NULL);
  double body = ink_height (typeset, NB_FONT_BODY);
  double kai = ink_height (typeset, NB_FONT_KAI);

  g_test_message ("ink height: body %.2f mm, 楷体 %.2f mm", body, kai);
  g_assert_cmpfloat (kai / body, >=, 0.93);
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
  g_test_add_func ("/pdf-fonts/families", test_families);
  g_test_add_func ("/pdf-fonts/missing-characters", test_missing_characters);
  g_test_add_func ("/pdf-fonts/kai-size", test_kai_size);
  return g_test_run ();
}
