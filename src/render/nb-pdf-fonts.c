/* nb-pdf-fonts.c — role → family resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-pdf-fonts.h"

typedef struct {
  const char  *family;
  PangoWeight  weight;
  gboolean     true_design;     /* FALSE: a stand-in of another design */
} FontChoice;

/* layout.md §9, in order; each list ends in a family of fonts-noto-cjk. */
static const FontChoice title_fonts[] = {
  { "方正小标宋简体", PANGO_WEIGHT_NORMAL, TRUE },
  { "FZXiaoBiaoSong-B05S", PANGO_WEIGHT_NORMAL, TRUE },
  { "方正小标宋_GBK", PANGO_WEIGHT_NORMAL, TRUE },
  { "Source Han Serif SC Heavy", PANGO_WEIGHT_NORMAL, FALSE },
  { "Noto Serif CJK SC Black", PANGO_WEIGHT_NORMAL, FALSE },
  { "Noto Serif CJK SC", PANGO_WEIGHT_BOLD, FALSE },
  { NULL }
};
static const FontChoice body_fonts[] = {
  { "仿宋_GB2312", PANGO_WEIGHT_NORMAL, TRUE },
  { "FangSong_GB2312", PANGO_WEIGHT_NORMAL, TRUE },
  { "FangSong", PANGO_WEIGHT_NORMAL, TRUE },
  { "仿宋", PANGO_WEIGHT_NORMAL, TRUE },
  { "STFangsong", PANGO_WEIGHT_NORMAL, TRUE },
  { "Zhuque Fangsong", PANGO_WEIGHT_NORMAL, TRUE },
  { "FandolFang", PANGO_WEIGHT_NORMAL, TRUE },
  { "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL, FALSE },
  { NULL }
};
static const FontChoice hei_fonts[] = {
  { "黑体", PANGO_WEIGHT_NORMAL, TRUE },
  { "SimHei", PANGO_WEIGHT_NORMAL, TRUE },
  /* SimHei is heavier than Noto Sans Regular. */
  { "Noto Sans CJK SC", PANGO_WEIGHT_BOLD, TRUE },
  { NULL }
};
static const FontChoice kai_fonts[] = {
  { "楷体_GB2312", PANGO_WEIGHT_NORMAL, TRUE },
  { "KaiTi_GB2312", PANGO_WEIGHT_NORMAL, TRUE },
  { "KaiTi", PANGO_WEIGHT_NORMAL, TRUE },
  { "楷体", PANGO_WEIGHT_NORMAL, TRUE },
  { "STKaiti", PANGO_WEIGHT_NORMAL, TRUE },
  /* Its strokes and ink height match a 仿宋 body; AR PL UKai's are lighter and smaller. */
  { "LXGW WenKai", PANGO_WEIGHT_NORMAL, TRUE },
  { "AR PL UKai CN", PANGO_WEIGHT_NORMAL, TRUE },
  { "FandolKai", PANGO_WEIGHT_NORMAL, TRUE },
  { "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL, FALSE },
  { NULL }
};
static const FontChoice song_fonts[] = {
  { "宋体", PANGO_WEIGHT_NORMAL, TRUE },
  { "SimSun", PANGO_WEIGHT_NORMAL, TRUE },
  { "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL, TRUE },
  { NULL }
};

static const struct {
  const FontChoice *choices;
  const char       *design;     /* the style the role asks for: data, not translated */
  const char       *use;
} roles[NB_N_FONT_ROLES] = {
  [NB_FONT_TITLE] = { title_fonts, "小标宋", NC_("font role", "Title") },
  [NB_FONT_BODY] = { body_fonts, "仿宋", NC_("font role", "Body") },
  [NB_FONT_HEI] = { hei_fonts, "黑体", NC_("font role", "Headings and table heads") },
  [NB_FONT_KAI] = { kai_fonts, "楷体", NC_("font role", "Run-in headings") },
  [NB_FONT_SONG] = { song_fonts, "宋体", NC_("font role", "Page numbers") },
};

/* fontconfig compares family names ignoring case and blanks. */
static char *
family_key (const char *family, gboolean bold)
{
  g_autofree char *folded = g_utf8_casefold (family, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (*p != ' ')
      g_string_append_c (key, *p);
  if (bold)
    g_string_append (key, "\nbold");
  return g_string_free (key, FALSE);
}

/* Every installed family, and "family\nbold" for those with a bold face, mapped to the
 * name as fontconfig spells it: one listing instead of one per candidate. */
static GHashTable *
installed_families (void)
{
  GHashTable *families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, FC_WEIGHT, NULL);
  FcFontSet *set = FcFontList (NULL, pattern, objects);

  for (int i = 0; set && i < set->nfont; i++)
    {
      FcChar8 *family;
      int weight = FC_WEIGHT_REGULAR;

      FcPatternGetInteger (set->fonts[i], FC_WEIGHT, 0, &weight);
      for (int n = 0; FcPatternGetString (set->fonts[i], FC_FAMILY, n, &family) == FcResultMatch; n++)
        {
          g_hash_table_insert (families, family_key ((const char *) family, FALSE),
                               g_strdup ((const char *) family));
          if (weight == FC_WEIGHT_BOLD)
            g_hash_table_insert (families, family_key ((const char *) family, TRUE),
                                 g_strdup ((const char *) family));
        }
    }
  if (set)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return families;
}

/* The family as installed when fontconfig lists a face of exactly this family (and
 * weight, when bold), else NULL. */
static const char *
family_installed (GHashTable *families, const char *family, PangoWeight weight)
{
  g_autofree char *key = family_key (family, weight >= PANGO_WEIGHT_BOLD);

  return g_hash_table_lookup (families, key);
}

static const char *
user_list (const NbPdfOptions *options, NbFontRole role)
{
  if (options == NULL)
    return NULL;
  switch (role)
    {
    case NB_FONT_TITLE: return options->font_title;
    case NB_FONT_BODY: return options->font_body;
    case NB_FONT_HEI: return options->font_heading;
    case NB_FONT_KAI: return options->font_kaiti;
    case NB_FONT_SONG:
    case NB_N_FONT_ROLES:
    default: return NULL;
    }
}

static void
set_font (NbResolvedFont *font, const char *family, PangoWeight weight, gboolean substitute)
{
  font->family = g_strdup (family);
  font->weight = weight;
  font->substitute = substitute;
}

void
nb_pdf_fonts_resolve (const NbPdfOptions *options, NbResolvedFont fonts[NB_N_FONT_ROLES])
{
  g_autoptr(GHashTable) families = installed_families ();

  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    {
      NbResolvedFont *font = &fonts[r];
      const FontChoice *choices = roles[r].choices;
      g_auto(GStrv) names = nb_pdf_fonts_user_families (options, r);
      guint last = 0;
      g_autofree char *chosen = names ? g_strjoinv (", ", names) : NULL;
      g_autoptr(GString) tried = g_string_new (chosen);

      memset (font, 0, sizeof *font);
      while (choices[last + 1].family)
        last++;
      font->fallback = g_strdup (choices[last].family);

      /* The user's families come first; the user chose them, so they are not flagged. */
      for (guint i = 0; names && names[i] && !font->family; i++)
        {
          const char *installed = family_installed (families, names[i], PANGO_WEIGHT_NORMAL);

          if (installed)
            set_font (font, installed, PANGO_WEIGHT_NORMAL, FALSE);
        }
      for (guint i = 0; choices[i].family && !font->family; i++)
        if (family_installed (families, choices[i].family, choices[i].weight) != NULL)
          set_font (font, choices[i].family, choices[i].weight, !choices[i].true_design);
      font->installed = font->family != NULL;
      /* Nothing installed at all: the preview still draws (fontconfig picks), the export
       * refuses (nb_pdf_fonts_check). */
      if (!font->family)
        set_font (font, choices[last].family, choices[last].weight, TRUE);
      for (guint i = 0; choices[i].family; i++)
        g_string_append_printf (tried, "%s%s", tried->len ? ", " : "", choices[i].family);
      font->tried = g_string_free (g_steal_pointer (&tried), FALSE);
    }
}

void
nb_pdf_fonts_clear (NbResolvedFont fonts[NB_N_FONT_ROLES])
{
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    {
      g_clear_pointer (&fonts[r].family, g_free);
      g_clear_pointer (&fonts[r].fallback, g_free);
      g_clear_pointer (&fonts[r].tried, g_free);
      g_clear_pointer (&fonts[r].charset, FcCharSetDestroy);
      if (fonts[r].missing)
        g_string_free (g_steal_pointer (&fonts[r].missing), TRUE);
    }
}

gboolean
nb_pdf_fonts_check (const NbResolvedFont fonts[NB_N_FONT_ROLES], GError **error)
{
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    if (!fonts[r].installed)
      {
        /* TRANSLATORS: role (“Body”), the Chinese style (仿宋), the families looked for */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("No font for “%s” (%s) is installed; looked for: %s. Install fonts-noto-cjk or one of these fonts."),
                     g_dpgettext2 (GETTEXT_PACKAGE, "font role", roles[r].use), roles[r].design,
                     fonts[r].tried);
        return FALSE;
      }
  return TRUE;
}

PangoFontDescription *
nb_pdf_fonts_description (const NbResolvedFont fonts[NB_N_FONT_ROLES], NbFontRole role,
                          double size_pt)
{
  const NbResolvedFont *font = &fonts[role];
  PangoFontDescription *desc = pango_font_description_new ();
  g_autofree char *families = NULL;

  /* The list's last family catches glyphs the winner lacks, before fontconfig's defaults
   * (which would be a Japanese face). */
  if (g_str_equal (font->family, font->fallback))
    families = g_strdup (font->family);
  else
    families = g_strconcat (font->family, ",", font->fallback, NULL);
  pango_font_description_set_family (desc, families);
  pango_font_description_set_weight (desc, font->weight);
  pango_font_description_set_size (desc, (int) (size_pt * PANGO_SCALE + 0.5));
  return desc;
}

static int
sort_names (const char **a, const char **b)
{
  return g_utf8_collate (*a, *b);
}

/* The characters of the face fontconfig picks for @font's family and weight. */
static FcCharSet *
font_charset (const NbResolvedFont *font)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcCharSet *charset = NULL, *found;
  FcResult result;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) font->family);
  if (font->weight >= PANGO_WEIGHT_BOLD)
    FcPatternAddInteger (pattern, FC_WEIGHT, FC_WEIGHT_BOLD);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match && FcPatternGetCharSet (match, FC_CHARSET, 0, &found) == FcResultMatch)
    charset = FcCharSetCopy (found);
  else
    charset = FcCharSetCreate ();
  if (match)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return charset;
}

void
nb_pdf_fonts_note_text (NbResolvedFont fonts[NB_N_FONT_ROLES], NbFontRole role, const char *text)
{
  NbResolvedFont *font = &fonts[role];

  g_return_if_fail (role < NB_N_FONT_ROLES);
  if (text == NULL || !font->installed)
    return;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xFEFF)
        continue;
      if (font->charset == NULL)
        font->charset = font_charset (font);
      if (FcCharSetHasChar (font->charset, c))
        continue;
      if (font->missing == NULL)
        font->missing = g_string_new (NULL);
      if (g_utf8_strchr (font->missing->str, (gssize) font->missing->len, c) != NULL)
        continue;
      g_string_append_unichar (font->missing, c);
    }
}

char **
nb_pdf_fonts_list_chinese (void)
{
  FcPattern *pattern = FcPatternCreate ();
  FcLangSet *langs = FcLangSetCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *set;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  FcLangSetAdd (langs, (const FcChar8 *) "zh-cn");
  FcPatternAddLangSet (pattern, FC_LANG, langs);
  set = FcFontList (NULL, pattern, objects);
  for (int i = 0; set && i < set->nfont; i++)
    {
      FcChar8 *family;

      for (int n = 0; FcPatternGetString (set->fonts[i], FC_FAMILY, n, &family) == FcResultMatch; n++)
        if (g_utf8_validate ((const char *) family, -1, NULL) &&
            g_hash_table_add (seen, (gpointer) family))
          g_ptr_array_add (names, g_strdup ((const char *) family));
    }
  g_ptr_array_sort (names, (GCompareFunc) sort_names);
  g_ptr_array_add (names, NULL);
  if (set)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcLangSetDestroy (langs);
  FcPatternDestroy (pattern);
  return (char **) g_ptr_array_free (names, FALSE);
}

char **
nb_pdf_fonts_user_families (const NbPdfOptions *options, NbFontRole role)
{
  const char *list = user_list (options, role);
  g_auto(GStrv) parts = NULL;
  GPtrArray *names;

  if (list == NULL || *list == '\0')
    return NULL;
  parts = g_strsplit (list, ",", -1);
  names = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_ptr_array_add (names, g_strdup (parts[i]));
  if (names->len == 0)
    return (char **) (g_ptr_array_free (names, TRUE), NULL);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

char **
nb_pdf_fonts_families (NbFontRole role)
{
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (role < NB_N_FONT_ROLES, NULL);
  for (const FontChoice *c = roles[role].choices; c->family; c++)
    g_ptr_array_add (names, g_strdup (c->family));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

char **
nb_pdf_fonts_describe (const NbResolvedFont fonts[NB_N_FONT_ROLES])
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    {
      const NbResolvedFont *font = &fonts[r];
      g_autofree char *name = font->weight >= PANGO_WEIGHT_BOLD
                              ? g_strconcat (font->family, " Bold", NULL)
                              : g_strdup (font->family);

      if (font->substitute)
        /* TRANSLATORS: role, font, the Chinese style it stands in for */
        g_ptr_array_add (lines, g_strdup_printf (C_("font role line", "%s: %s (substitute for %s)"),
                                                 g_dpgettext2 (GETTEXT_PACKAGE, "font role", roles[r].use),
                                                 name, roles[r].design));
      else
        g_ptr_array_add (lines, g_strdup_printf (C_("font role line", "%s: %s"),
                                                 g_dpgettext2 (GETTEXT_PACKAGE, "font role", roles[r].use),
                                                 name));
    }
  for (guint r = 0; r < NB_N_FONT_ROLES; r++)
    if (fonts[r].missing && fonts[r].missing->len > 0)
      /* TRANSLATORS: role, font, the characters it lacks, the font that draws them */
      g_ptr_array_add (lines, g_strdup_printf (C_("font role line", "%s: %s lacks “%s”; these are drawn in %s"),
                                               g_dpgettext2 (GETTEXT_PACKAGE, "font role", roles[r].use),
                                               fonts[r].family, fonts[r].missing->str,
                                               fonts[r].fallback));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}
