/* nb-pdf-subset.c — HarfBuzz subsets of the faces a document draws, as cairo fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <string.h>
#include <pango/pangofc-font.h>

#include "nb-pdf-subset-private.h"

typedef struct {
  hb_face_t         *face;      /* the full face, from Pango */
  hb_set_t          *glyphs;
  hb_set_t          *unicodes;  /* the characters of glyphs that are their nominal glyph */
  gboolean           by_glyph;  /* some glyph is not any character's nominal glyph */
  char              *file;      /* the font file and its face index in it, from fontconfig */
  int                index;
  hb_blob_t         *blob;      /* the subset font file */
  hb_map_t          *new_ids;   /* old → new glyph ids */
  cairo_font_face_t *subset;    /* NULL until built, or when subsetting failed */
} Face;

/* What draws one PangoFont's runs: the subset at its size, or Pango (font == NULL). */
typedef struct {
  cairo_scaled_font_t *font;
  const hb_map_t      *new_ids;   /* its Face's */
} Scaled;

struct _NbFontSubsets {
  gboolean    built;
  GHashTable *faces;            /* hb_face_t* → Face */
  GHashTable *scaled;           /* PangoFont* → cairo_scaled_font_t* (NULL: use Pango) */
};

/* The last built subsets, kept until the next ones are freed. cairo keeps up to 256
 * destroyed scaled fonts (its holdovers), each with the outline of every glyph it put in a
 * PDF (its glyph cache): new cairo fonts for each export of the same text piled up about
 * 2 MB of heap per export, to 25 MB. An export whose face draws exactly the glyphs of the
 * last one takes over that face's subset, so cairo finds its fonts and their outlines
 * again. The hb_face_t keys stay valid: the kept faces hold a reference. */
static NbFontSubsets *kept;
static guint n_subsets_made;
G_LOCK_DEFINE_STATIC (kept);

/* FreeType faces made here outlive any one export (cairo caches fonts), so the library
 * lives as long as the process. Faces of one library are made and done one at a time
 * (FreeType's rule), and cairo may let go of a face on any thread. */
G_LOCK_DEFINE_STATIC (freetype);

static FT_Library
freetype (void)
{
  static FT_Library library;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      if (FT_Init_FreeType (&library) != 0)
        library = NULL;
      g_once_init_leave (&initialized, 1);
    }
  return library;
}

static void
face_free (gpointer data)
{
  Face *face = data;

  hb_face_destroy (face->face);
  hb_set_destroy (face->glyphs);
  hb_set_destroy (face->unicodes);
  g_free (face->file);
  if (face->new_ids)
    hb_map_destroy (face->new_ids);
  hb_blob_destroy (face->blob);
  if (face->subset)
    cairo_font_face_destroy (face->subset);
  g_free (face);
}

static void
scaled_free (gpointer data)
{
  Scaled *scaled = data;

  if (scaled->font)
    cairo_scaled_font_destroy (scaled->font);
  g_free (scaled);
}

NbFontSubsets *
nb_font_subsets_new (void)
{
  NbFontSubsets *self = g_new0 (NbFontSubsets, 1);

  self->faces = g_hash_table_new_full (NULL, NULL, NULL, face_free);
  self->scaled = g_hash_table_new_full (NULL, NULL, g_object_unref, scaled_free);
  return self;
}

static void
subsets_free (NbFontSubsets *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->scaled);
  g_hash_table_unref (self->faces);
  g_free (self);
}

void
nb_font_subsets_free (NbFontSubsets *self)
{
  NbFontSubsets *old;

  if (self == NULL || !self->built)
    {
      subsets_free (self);
      return;
    }
  G_LOCK (kept);
  old = kept;
  kept = self;
  G_UNLOCK (kept);
  subsets_free (old);
}

guint
nb_font_subsets_get_n_made (void)
{
  guint n;

  G_LOCK (kept);
  n = n_subsets_made;
  G_UNLOCK (kept);
  return n;
}

typedef struct {
  hb_blob_t *blob;
  FT_Face    face;
} Holder;

static void
holder_free (void *data)
{
  Holder *holder = data;

  G_LOCK (freetype);
  FT_Done_Face (holder->face);
  G_UNLOCK (freetype);
  hb_blob_destroy (holder->blob);
  g_free (holder);
}

static const cairo_user_data_key_t holder_key;

/* TRUE if @a and @b are the same version of a font: glyph ids of one are the other's. The
 * glyph count alone would not tell (every Noto CJK version has 65,535 glyphs); the 'head'
 * table holds the font's revision and the checksum of the whole file. */
static gboolean
same_font (hb_face_t *a, hb_face_t *b)
{
  hb_blob_t *head_a = hb_face_reference_table (a, HB_TAG ('h', 'e', 'a', 'd'));
  hb_blob_t *head_b = hb_face_reference_table (b, HB_TAG ('h', 'e', 'a', 'd'));
  unsigned int len_a, len_b;
  const char *data_a = hb_blob_get_data (head_a, &len_a);
  const char *data_b = hb_blob_get_data (head_b, &len_b);
  gboolean same = hb_face_get_glyph_count (a) == hb_face_get_glyph_count (b) && len_a > 0 &&
                  len_a == len_b && memcmp (data_a, data_b, len_a) == 0;

  hb_blob_destroy (head_a);
  hb_blob_destroy (head_b);
  return same;
}

/* The face to subset from: the same file and face as Pango's, through a mapping of its
 * own that is unmapped when the subset is made. Subsetting a CJK font reads megabytes of
 * its glyph data; read through Pango's mapping, which lives as long as the process, those
 * pages would stay in the window's resident memory after the export. */
static hb_face_t *
source_face (Face *face)
{
  hb_blob_t *blob = face->file ? hb_blob_create_from_file_or_fail (face->file) : NULL;
  hb_face_t *source;

  if (blob == NULL)
    return hb_face_reference (face->face);
  /* fontconfig keeps a named instance in the upper bits; HarfBuzz wants the face. */
  source = hb_face_create (blob, (unsigned) face->index & 0xFFFF);
  hb_blob_destroy (blob);
  if (!same_font (source, face->face))
    {
      /* Not the face Pango drew with (the package was upgraded since): subset Pango's. */
      hb_face_destroy (source);
      return hb_face_reference (face->face);
    }
  return source;
}

/* Subsets @face into face->blob (stays NULL on failure). Shaping is done, so the layout
 * and vertical tables go; charstrings are flattened (desubroutinized), which HarfBuzz
 * does twice as fast as subsetting the subroutines, for a slightly larger file. */
static void
subset_face (Face *face)
{
  static const hb_tag_t dropped[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('B', 'A', 'S', 'E'), HB_TAG ('J', 'S', 'T', 'F'), HB_TAG ('V', 'O', 'R', 'G'),
    HB_TAG ('v', 'h', 'e', 'a'), HB_TAG ('v', 'm', 't', 'x'),
  };
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *source = source_face (face);
  hb_subset_plan_t *plan;
  hb_face_t *subset;

  if (input == NULL)
    {
      hb_face_destroy (source);
      return;
    }
  /* HarfBuzz 6 plans a glyph-set subset by reading the whole cmap (about 9 ms for a CJK
   * face, whatever the number of glyphs); a character set needs under 1 ms. Characters
   * give the same glyphs when every glyph drawn is its character's nominal glyph (no
   * GSUB: the layout tables are dropped anyway). */
  if (face->by_glyph)
    hb_set_union (hb_subset_input_glyph_set (input), face->glyphs);
  else
    hb_set_union (hb_subset_input_unicode_set (input), face->unicodes);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  plan = hb_subset_plan_create_or_fail (source, input);
  hb_subset_input_destroy (input);
  if (plan != NULL && (subset = hb_subset_plan_execute_or_fail (plan)) != NULL)
    {
      face->new_ids = hb_map_copy (hb_subset_plan_old_to_new_glyph_mapping (plan));
      face->blob = hb_face_reference_blob (subset);
      hb_face_destroy (subset);
    }
  if (plan != NULL)
    hb_subset_plan_destroy (plan);
  hb_face_destroy (source);
}

/* The subset as a cairo font face, or NULL. */
static cairo_font_face_t *
wrap_subset (Face *face)
{
  Holder *holder;
  const char *data;
  unsigned int length = 0;
  cairo_font_face_t *font_face;
  gboolean made;

  if (face->blob == NULL || freetype () == NULL)
    return NULL;
  holder = g_new0 (Holder, 1);
  holder->blob = hb_blob_reference (face->blob);
  data = hb_blob_get_data (holder->blob, &length);
  G_LOCK (freetype);
  made = length > 0 &&
         FT_New_Memory_Face (freetype (), (const FT_Byte *) data, (FT_Long) length, 0, &holder->face) == 0;
  G_UNLOCK (freetype);
  if (!made)
    {
      hb_blob_destroy (holder->blob);
      g_free (holder);
      return NULL;
    }
  font_face = cairo_ft_font_face_create_for_ft_face (holder->face, 0);
  if (cairo_font_face_set_user_data (font_face, &holder_key, holder, holder_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_font_face_destroy (font_face);
      holder_free (holder);
      return NULL;
    }
  return font_face;
}

/* Moves the subset of the kept face that drew the same glyphs as @face into @face. */
static gboolean
take_kept_subset (Face *face)
{
  Face *old = kept ? g_hash_table_lookup (kept->faces, face->face) : NULL;

  if (old == NULL || old->subset == NULL || old->by_glyph != face->by_glyph ||
      !hb_set_is_equal (old->glyphs, face->glyphs) || !hb_set_is_equal (old->unicodes, face->unicodes))
    return FALSE;
  face->blob = g_steal_pointer (&old->blob);
  face->new_ids = g_steal_pointer (&old->new_ids);
  face->subset = g_steal_pointer (&old->subset);
  return TRUE;
}

void
nb_font_subsets_build (NbFontSubsets *self)
{
  GHashTableIter iter;
  Face *face;

  g_return_if_fail (!self->built);

  /* One thread per face was measured no faster: one face (the body's) dominates. */
  self->built = TRUE;
  /* What the last export made is taken under the lock; subsetting the rest, hundreds of
   * milliseconds for a CJK face, runs without it, so another export need not wait. */
  G_LOCK (kept);
  g_hash_table_iter_init (&iter, self->faces);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &face))
    take_kept_subset (face);
  G_UNLOCK (kept);
  g_hash_table_iter_init (&iter, self->faces);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &face))
    {
      if (face->subset != NULL)
        continue;
      subset_face (face);
      face->subset = wrap_subset (face);
      if (face->subset != NULL)
        {
          G_LOCK (kept);
          n_subsets_made++;
          G_UNLOCK (kept);
        }
    }
}

static hb_face_t *
font_face (PangoFont *font)
{
  hb_font_t *hb_font = font ? pango_font_get_hb_font (font) : NULL;

  return hb_font ? hb_font_get_face (hb_font) : NULL;
}

/* Where fontconfig found @font: its file and the face's index in it; NULL when unknown. */
static void
font_file (PangoFont *font, char **file, int *index)
{
  FcPattern *pattern = PANGO_IS_FC_FONT (font) ? pango_fc_font_get_pattern (PANGO_FC_FONT (font)) : NULL;
  FcChar8 *path = NULL;

  *file = NULL;
  *index = 0;
  if (pattern != NULL && FcPatternGetString (pattern, FC_FILE, 0, &path) == FcResultMatch &&
      FcPatternGetInteger (pattern, FC_INDEX, 0, index) == FcResultMatch)
    *file = g_strdup ((const char *) path);
}

static void
collect_run (NbFontSubsets *self, const char *text, PangoGlyphItem *run)
{
  PangoFont *font = run->item->analysis.font;
  hb_face_t *hb_face = font_face (font);
  hb_font_t *hb_font;
  PangoGlyphItemIter iter;
  Face *face;

  if (hb_face == NULL)
    return;
  face = g_hash_table_lookup (self->faces, hb_face);
  if (face == NULL)
    {
      face = g_new0 (Face, 1);
      face->face = hb_face_reference (hb_face);
      font_file (font, &face->file, &face->index);
      face->glyphs = hb_set_create ();
      face->unicodes = hb_set_create ();
      g_hash_table_insert (self->faces, hb_face, face);
    }
  hb_font = pango_font_get_hb_font (font);
  for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, text); more;
       more = pango_glyph_item_iter_next_cluster (&iter))
    {
      int first = MIN (iter.start_glyph, iter.end_glyph + 1);
      int last = MAX (iter.start_glyph + 1, iter.end_glyph);
      gunichar c = g_utf8_get_char (text + iter.start_index);
      hb_codepoint_t nominal;

      for (int i = first; i < last; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;

          if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            continue;
          hb_set_add (face->glyphs, glyph);
          /* One character, one glyph, its nominal one: the character stands for it. */
          if (iter.end_char - iter.start_char == 1 && last - first == 1 &&
              hb_font_get_nominal_glyph (hb_font, c, &nominal) && nominal == glyph)
            hb_set_add (face->unicodes, c);
          else
            face->by_glyph = TRUE;
        }
    }
}

/* Fonts that fontconfig makes bold or slanted by transforming the outlines: drawing the
 * subset's plain outlines would lose that, so Pango draws them. */
static gboolean
synthesized (PangoFont *font)
{
  FcPattern *pattern = PANGO_IS_FC_FONT (font) ? pango_fc_font_get_pattern (PANGO_FC_FONT (font)) : NULL;
  FcBool embolden = FcFalse;
  FcMatrix *matrix = NULL;

  if (pattern == NULL)
    return TRUE;
  FcPatternGetBool (pattern, FC_EMBOLDEN, 0, &embolden);
  FcPatternGetMatrix (pattern, FC_MATRIX, 0, &matrix);
  return embolden || (matrix && (matrix->xy != 0 || matrix->yx != 0 || matrix->xx != 1 || matrix->yy != 1));
}

/* How to draw @font's runs: its subset at its size, or Pango when there is none. */
static const Scaled *
scaled_font (NbFontSubsets *self, PangoFont *font)
{
  Scaled *scaled = g_hash_table_lookup (self->scaled, font);
  cairo_scaled_font_t *pango_scaled;
  cairo_matrix_t font_matrix, ctm;
  cairo_font_options_t *options;
  Face *face;

  if (scaled)
    return scaled;
  scaled = g_new0 (Scaled, 1);
  face = font_face (font) ? g_hash_table_lookup (self->faces, font_face (font)) : NULL;
  pango_scaled = PANGO_IS_CAIRO_FONT (font) ? pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)) : NULL;
  /* A named instance of a variable font (a Bold of a variable family): the subset would
   * lose the instance's coordinates, so Pango draws it. */
  if (face && face->subset && pango_scaled && !synthesized (font) && (face->index >> 16) == 0 &&
      !hb_ot_var_has_data (face->face))
    {
      options = cairo_font_options_create ();
      cairo_scaled_font_get_font_matrix (pango_scaled, &font_matrix);
      cairo_scaled_font_get_ctm (pango_scaled, &ctm);
      cairo_scaled_font_get_font_options (pango_scaled, options);
      scaled->font = cairo_scaled_font_create (face->subset, &font_matrix, &ctm, options);
      scaled->new_ids = face->new_ids;
      cairo_font_options_destroy (options);
      if (cairo_scaled_font_status (scaled->font) != CAIRO_STATUS_SUCCESS)
        g_clear_pointer (&scaled->font, cairo_scaled_font_destroy);
    }
  g_hash_table_insert (self->scaled, g_object_ref (font), scaled);
  return scaled;
}

/* One run with the subset font: glyphs at Pango's positions, clusters for the text. */
static void
show_run (cairo_t *cr, const Scaled *scaled, const char *text, PangoGlyphItem *run,
          double x, double y)
{
  PangoGlyphString *glyphs = run->glyphs;
  g_autofree cairo_glyph_t *out = g_new (cairo_glyph_t, glyphs->num_glyphs + 1);
  g_autofree cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, glyphs->num_glyphs + 1);
  g_autofree int *index_of = g_new (int, glyphs->num_glyphs + 1);
  PangoGlyphItemIter iter;
  int n_out = 0, n_clusters = 0;
  double pen = x;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];

      index_of[i] = n_out;
      if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        {
          out[n_out].index = hb_map_get (scaled->new_ids, info->glyph);
          out[n_out].x = pen + (double) info->geometry.x_offset / PANGO_SCALE;
          out[n_out].y = y + (double) info->geometry.y_offset / PANGO_SCALE;
          n_out++;
        }
      pen += (double) info->geometry.width / PANGO_SCALE;
    }
  index_of[glyphs->num_glyphs] = n_out;

  for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, text); more;
       more = pango_glyph_item_iter_next_cluster (&iter))
    {
      int first = MIN (iter.start_glyph, iter.end_glyph), last = MAX (iter.start_glyph, iter.end_glyph);
      int n_glyphs = index_of[last] - index_of[first];
      int n_bytes = iter.end_index - iter.start_index;

      if (n_glyphs == 0 && n_bytes == 0)
        continue;
      clusters[n_clusters].num_bytes = n_bytes;
      clusters[n_clusters].num_glyphs = n_glyphs;
      n_clusters++;
    }

  cairo_set_scaled_font (cr, scaled->font);
  cairo_show_text_glyphs (cr, text + run->item->offset, run->item->length, out, n_out,
                          clusters, n_clusters, 0);
}

void
nb_font_subsets_show_line (NbFontSubsets *self, cairo_t *cr, PangoLayoutLine *line)
{
  const char *text;
  double x, y;

  if (self == NULL)
    {
      pango_cairo_show_layout_line (cr, line);
      return;
    }

  text = pango_layout_get_text (line->layout);
  cairo_get_current_point (cr, &x, &y);
  for (GSList *l = line->runs; l; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      const Scaled *scaled;

      /* No font at all (nothing installed): nothing to draw. */
      if (run->item->analysis.font == NULL)
        ;
      else if (!self->built)
        collect_run (self, text, run);
      else if ((scaled = scaled_font (self, run->item->analysis.font))->font)
        show_run (cr, scaled, text, run, x, y);
      else
        {
          cairo_move_to (cr, x, y);
          pango_cairo_show_glyph_item (cr, text, run);
        }
      x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
    }
}

void
nb_font_subsets_show_layout (NbFontSubsets *self, cairo_t *cr, PangoLayout *layout)
{
  PangoLayoutIter *iter;
  double x, y;

  if (self == NULL)
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }

  cairo_get_current_point (cr, &x, &y);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      nb_font_subsets_show_line (self, cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
