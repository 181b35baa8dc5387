/* nb-report.c — one annual report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-report.h"

#include <stdio.h>
#include <string.h>

struct _NbReport
{
  GObject        parent_instance;

  char          *texts[NB_N_TEXTS];
  int            year;
  NbAgencyLevel  level;
  NbRegionLevel  region;
  gboolean       people_government;
  GArray        *title_breaks;
  gboolean       signature;
  gboolean       standalone_headings;
  gboolean       info_fee_given;
  gint64         info_fee_yuan;
  gboolean       section_present[NB_N_SECTIONS];
  GStrv          legacy_markers;
  GPtrArray     *overrides;     /* NbOverride, sorted by rule, then where */
  GPtrArray     *sources;       /* NbSource of a merged report, in merge order */

  NbCell        *cells;
  guint          n_cells;
  GPtrArray     *parts;

  NbReport      *previous;
  gint64        *previous_figures;
  gboolean      *previous_known;

  guint64        serial;
};

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *location;
  const char *json_name;
} text_fields[NB_N_TEXTS] = {
  [NB_TEXT_AGENCY] = { "meta.agency", "agency" },
  [NB_TEXT_TITLE] = { "meta.title", "title" },
  [NB_TEXT_PREAMBLE] = { "meta.preamble", "preamble" },
  [NB_TEXT_PERIOD_START] = { "meta.period_start", "period_start" },
  [NB_TEXT_PERIOD_END] = { "meta.period_end", "period_end" },
  [NB_TEXT_PUBLICATION_DATE] = { "meta.publication_date", "publication_date" },
  [NB_TEXT_CONTACT] = { "meta.contact", "contact" },
  [NB_TEXT_PREVIOUS_FILE] = { "meta.previous", "file" },
  [NB_TEXT_S1_TITLE] = { "s1", "title" },
  [NB_TEXT_S2_TITLE] = { "s2", "title" },
  [NB_TEXT_S3_TITLE] = { "s3", "title" },
  [NB_TEXT_S4_TITLE] = { "s4", "title" },
  [NB_TEXT_S5_TITLE] = { "s5", "title" },
  [NB_TEXT_S6_TITLE] = { "s6", "title" },
  [NB_TEXT_S1_INTRO] = { "s1", "intro" },
  [NB_TEXT_S2_NOTE] = { "s2", "note" },
  [NB_TEXT_S3_NOTE] = { "s3", "note" },
  [NB_TEXT_S4_NOTE] = { "s4", "note" },
  [NB_TEXT_S5] = { "s5", "text" },
  [NB_TEXT_S6] = { "s6", "text" },
  [NB_TEXT_SIGNATURE_AGENCY] = { "meta.signature", "agency" },
  [NB_TEXT_SIGNATURE_DATE] = { "meta.signature", "date" },
};

static void
part_free (gpointer data)
{
  NbPart *part = data;

  g_free (part->heading);
  g_free (part->text);
  g_free (part);
}

static void
override_free (gpointer data)
{
  NbOverride *o = data;

  g_free (o->rule);
  g_free (o->where);
  g_free (o->note);
  g_free (o);
}

static void
source_free (gpointer data)
{
  NbSource *s = data;

  g_free (s->file);
  g_free (s->agency);
  g_free (s->sha256);
  g_free (s);
}

static void
emit_changed (NbReport *self, const char *location)
{
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0, location);
}

static void
nb_report_finalize (GObject *object)
{
  NbReport *self = NB_REPORT (object);

  for (guint i = 0; i < NB_N_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->cells[i].raw);
  g_free (self->cells);
  g_clear_pointer (&self->title_breaks, g_array_unref);
  g_clear_pointer (&self->legacy_markers, g_strfreev);
  g_clear_pointer (&self->overrides, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_object (&self->previous);
  g_free (self->previous_figures);
  g_free (self->previous_known);

  G_OBJECT_CLASS (nb_report_parent_class)->finalize (object);
}

static void
nb_report_class_init (NbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_report_finalize;

  /**
   * NbReport::changed:
   * @location: what changed: a cell key, "meta.<field>", "s1" … "s6"
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
nb_report_init (NbReport *self)
{
  for (guint i = 0; i < NB_N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  self->year = 2024;
  self->level = NB_LEVEL_COUNTY_GOV;
  self->region = NB_REGION_COUNTY;
  self->people_government = TRUE;
  self->title_breaks = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    self->section_present[i] = TRUE;
  self->n_cells = nb_format_n_cells ();
  self->cells = g_new0 (NbCell, self->n_cells);
  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->overrides = g_ptr_array_new_with_free_func (override_free);
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->previous_figures = g_new0 (gint64, self->n_cells);
  self->previous_known = g_new0 (gboolean, self->n_cells);
}

NbReport *
nb_report_new (void)
{
  return g_object_new (NB_TYPE_REPORT, NULL);
}

/* A new report with what can be proposed from the agency and the year: the customary
 * title, the preamble with the statistics period, and the five headed parts of 一. */
char *
nb_report_propose_title (const char *agency, int year)
{
  return g_strdup_printf ("%s%d年政府信息公开工作年度报告", agency ? agency : "", year);
}

char *
nb_report_propose_preamble (const char *title, int year)
{
  return g_strdup_printf (
      "根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室"
      "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）"
      "要求，现发布《%s》，所列数据统计时间为%d年1月1日至%d年12月31日。",
      title ? title : "", year, year);
}

char *
nb_date_format_chinese (const char *iso)
{
  unsigned year, month, day;
  char tail;

  if (iso && sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3)
    return g_strdup_printf ("%u年%u月%u日", year, month, day);
  return g_strdup (iso ? iso : "");
}

NbReport *
nb_report_new_for_agency (const char *agency, NbAgencyLevel level, int year)
{
  NbReport *self = nb_report_new ();
  g_autofree char *title = nb_report_propose_title (agency, year);
  g_autofree char *preamble = nb_report_propose_preamble (title, year);
  g_autofree char *start = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *end = g_strdup_printf ("%04d-12-31", year);

  self->year = year;
  self->level = level;
  self->region = nb_format_level_default_region (level);
  self->people_government = nb_format_level_is_government (level);
  nb_report_set_text (self, NB_TEXT_AGENCY, agency);
  nb_report_set_text (self, NB_TEXT_TITLE, title);
  nb_report_set_text (self, NB_TEXT_PREAMBLE, preamble);
  nb_report_set_text (self, NB_TEXT_PERIOD_START, start);
  nb_report_set_text (self, NB_TEXT_PERIOD_END, end);
  for (guint a = 0; a < NB_N_ASPECTS; a++)
    nb_report_insert_part (self, a, a, nb_format_aspect_name (a), "");
  return self;
}

NbReport *
nb_report_copy (NbReport *self)
{
  NbReport *copy;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  copy = nb_report_new ();
  for (guint i = 0; i < NB_N_TEXTS; i++)
    {
      g_free (copy->texts[i]);
      copy->texts[i] = g_strdup (self->texts[i]);
    }
  copy->year = self->year;
  copy->level = self->level;
  copy->region = self->region;
  copy->people_government = self->people_government;
  g_array_append_vals (copy->title_breaks, self->title_breaks->data, self->title_breaks->len);
  copy->signature = self->signature;
  copy->standalone_headings = self->standalone_headings;
  copy->info_fee_given = self->info_fee_given;
  copy->info_fee_yuan = self->info_fee_yuan;
  memcpy (copy->section_present, self->section_present, sizeof self->section_present);
  copy->legacy_markers = g_strdupv (self->legacy_markers);
  for (guint i = 0; i < self->overrides->len; i++)
    {
      const NbOverride *o = g_ptr_array_index (self->overrides, i);
      NbOverride *c = g_new0 (NbOverride, 1);

      c->rule = g_strdup (o->rule);
      c->where = g_strdup (o->where);
      c->note = g_strdup (o->note);
      g_ptr_array_add (copy->overrides, c);
    }
  for (guint i = 0; i < self->sources->len; i++)
    {
      const NbSource *source = g_ptr_array_index (self->sources, i);

      nb_report_add_source (copy, source->file, source->agency, source->sha256);
    }
  for (guint i = 0; i < self->n_cells; i++)
    {
      copy->cells[i] = self->cells[i];
      copy->cells[i].raw = g_strdup (self->cells[i].raw);
    }
  for (guint i = 0; i < self->parts->len; i++)
    {
      const NbPart *part = g_ptr_array_index (self->parts, i);

      nb_report_insert_part (copy, i, part->aspect, part->heading, part->text);
    }
  g_set_object (&copy->previous, self->previous);
  memcpy (copy->previous_figures, self->previous_figures, self->n_cells * sizeof (gint64));
  memcpy (copy->previous_known, self->previous_known, self->n_cells * sizeof (gboolean));
  copy->serial = 0;
  return copy;
}

/* ---- Metadata ------------------------------------------------------------------------- */

const char *
nb_report_get_text (NbReport *self, NbTextField field)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (field < NB_N_TEXTS, NULL);
  return self->texts[field];
}

void
nb_report_set_text (NbReport *self, NbTextField field, const char *text)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (field < NB_N_TEXTS);

  if (text == NULL)
    text = "";
  if (g_str_equal (self->texts[field], text))
    return;
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text);
  emit_changed (self, text_fields[field].location);
}

const char *
nb_report_text_location (NbTextField field)
{
  g_return_val_if_fail (field < NB_N_TEXTS, NULL);
  return text_fields[field].location;
}

const char *
nb_report_text_json_name (NbTextField field)
{
  g_return_val_if_fail (field < NB_N_TEXTS, NULL);
  return text_fields[field].json_name;
}

NbTextField
nb_report_section_title_field (guint section_index)
{
  g_return_val_if_fail (section_index < NB_N_SECTIONS, NB_TEXT_S1_TITLE);
  return NB_TEXT_S1_TITLE + section_index;
}

const char *
nb_report_get_section_title (NbReport *self, guint section_index)
{
  const char *stored = nb_report_get_text (self, nb_report_section_title_field (section_index));

  return stored[0] ? stored : nb_format_section (section_index)->title;
}

int
nb_report_get_year (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->year;
}

void
nb_report_set_year (NbReport *self, int year)
{
  g_return_if_fail (NB_IS_REPORT (self));
  if (self->year == year)
    return;
  self->year = year;
  emit_changed (self, "meta.year");
}

NbAgencyLevel
nb_report_get_level (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->level;
}

void
nb_report_set_level (NbReport *self, NbAgencyLevel level)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (level < NB_N_LEVELS);
  if (self->level == level)
    return;
  self->level = level;
  emit_changed (self, "meta.level");
}

NbRegionLevel
nb_report_get_region (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->region;
}

void
nb_report_set_region (NbReport *self, NbRegionLevel region)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (region < NB_N_REGIONS);
  if (self->region == region)
    return;
  self->region = region;
  emit_changed (self, "meta.region_level");
}

gboolean
nb_report_get_signature (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->signature;
}

void
nb_report_set_signature (NbReport *self, gboolean shown)
{
  g_return_if_fail (NB_IS_REPORT (self));
  if (self->signature == !!shown)
    return;
  self->signature = !!shown;
  emit_changed (self, "meta.signature");
}

gboolean
nb_report_get_standalone_headings (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->standalone_headings;
}

void
nb_report_set_standalone_headings (NbReport *self, gboolean standalone)
{
  g_return_if_fail (NB_IS_REPORT (self));
  if (self->standalone_headings == !!standalone)
    return;
  self->standalone_headings = !!standalone;
  emit_changed (self, "s1");
}

gboolean
nb_report_get_people_government (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->people_government;
}

void
nb_report_set_people_government (NbReport *self, gboolean value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  value = !!value;
  if (self->people_government == value)
    return;
  self->people_government = value;
  emit_changed (self, "meta.people_government");
}

const GArray *
nb_report_get_title_breaks (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->title_breaks;
}

void
nb_report_set_title_breaks (NbReport *self, const int *offsets, guint n_offsets)
{
  g_return_if_fail (NB_IS_REPORT (self));
  if (self->title_breaks->len == n_offsets &&
      (n_offsets == 0 || memcmp (self->title_breaks->data, offsets, n_offsets * sizeof (int)) == 0))
    return;
  g_array_set_size (self->title_breaks, 0);
  g_array_append_vals (self->title_breaks, offsets, n_offsets);
  emit_changed (self, "meta.title_breaks");
}

gboolean
nb_report_get_info_fee (NbReport *self, gint64 *yuan)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  if (yuan)
    *yuan = self->info_fee_given ? self->info_fee_yuan : 0;
  return self->info_fee_given;
}

void
nb_report_set_info_fee (NbReport *self, gboolean given, gint64 yuan)
{
  g_return_if_fail (NB_IS_REPORT (self));
  given = !!given;
  if (!given)
    yuan = 0;
  if (self->info_fee_given == given && self->info_fee_yuan == yuan)
    return;
  self->info_fee_given = given;
  self->info_fee_yuan = yuan;
  emit_changed (self, "s6");
}

gboolean
nb_report_get_section_present (NbReport *self, guint section_index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (section_index < NB_N_SECTIONS, FALSE);
  return self->section_present[section_index];
}

void
nb_report_set_section_present (NbReport *self, guint section_index, gboolean present)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (section_index < NB_N_SECTIONS);
  present = !!present;
  if (self->section_present[section_index] == present)
    return;
  self->section_present[section_index] = present;
  emit_changed (self, nb_format_section (section_index)->id);
}

const char *const *
nb_report_get_legacy_markers (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return (const char *const *) self->legacy_markers;
}

/* The position of (rule, where) in the sorted list; *found tells whether it is there. */
static guint
find_override (NbReport *self, const char *rule, const char *where, gboolean *found)
{
  guint lo = 0, hi = self->overrides->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const NbOverride *o = g_ptr_array_index (self->overrides, mid);
      int cmp = strcmp (o->rule, rule);

      if (cmp == 0)
        cmp = strcmp (o->where, where);
      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = FALSE;
  return lo;
}

const char *
nb_report_get_override (NbReport *self, const char *rule, const char *where)
{
  gboolean found;
  guint i;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (rule != NULL && where != NULL, NULL);

  i = find_override (self, rule, where, &found);
  return found ? ((NbOverride *) g_ptr_array_index (self->overrides, i))->note : NULL;
}

void
nb_report_set_override (NbReport *self, const char *rule, const char *where, const char *note)
{
  gboolean found;
  guint i;
  NbOverride *o;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (rule != NULL && where != NULL);

  i = find_override (self, rule, where, &found);
  if (note == NULL || note[0] == '\0')
    {
      if (!found)
        return;
      g_ptr_array_remove_index (self->overrides, i);
    }
  else if (found)
    {
      o = g_ptr_array_index (self->overrides, i);
      if (g_str_equal (o->note, note))
        return;
      g_free (o->note);
      o->note = g_strdup (note);
    }
  else
    {
      o = g_new0 (NbOverride, 1);
      o->rule = g_strdup (rule);
      o->where = g_strdup (where);
      o->note = g_strdup (note);
      g_ptr_array_insert (self->overrides, i, o);
    }
  emit_changed (self, "meta.overrides");
}

void
nb_report_remove_override (NbReport *self, const char *rule, const char *where)
{
  nb_report_set_override (self, rule, where, NULL);
}

guint
nb_report_get_n_overrides (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->overrides->len;
}

const NbOverride *
nb_report_get_override_at (NbReport *self, guint index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->overrides->len, NULL);
  return g_ptr_array_index (self->overrides, index);
}

void
nb_report_set_legacy_markers (NbReport *self, const char *const *markers)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_clear_pointer (&self->legacy_markers, g_strfreev);
  if (markers && markers[0])
    self->legacy_markers = g_strdupv ((char **) markers);
  emit_changed (self, "meta.format");
}

/* ---- Cells ------------------------------------------------------------------------------ */

const NbCell *
nb_report_get_cell (NbReport *self, guint index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->n_cells, NULL);
  return &self->cells[index];
}

gint64
nb_report_value (NbReport *self, guint index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (index < self->n_cells, 0);
  /* Arithmetic treats a blank or unreadable cell as 0; the checks report it. */
  return self->cells[index].state == NB_CELL_VALUE ? self->cells[index].value : 0;
}

gint64
nb_report_value_by_key (NbReport *self, const char *key)
{
  int index = nb_format_cell_index (key);

  g_return_val_if_fail (index >= 0, 0);
  return nb_report_value (self, index);
}

static void
store_cell (NbReport *self, guint index, NbCellState state, gint64 value, const char *raw)
{
  NbCell *cell = &self->cells[index];

  if (cell->state == state && cell->value == value && g_strcmp0 (cell->raw, raw) == 0)
    return;
  cell->state = state;
  cell->value = value;
  g_free (cell->raw);
  cell->raw = g_strdup (raw);
  emit_changed (self, nb_format_cell (index)->key);
}

/* The bound of a cell's value in its unit (count or 元). */
static gint64
max_value (guint index)
{
  return nb_format_cell (index)->unit == NB_UNIT_MONEY ? NB_MAX_YUAN : NB_MAX_COUNT;
}

void
nb_report_set_value (NbReport *self, guint index, gint64 value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->n_cells);
  g_return_if_fail (value >= -max_value (index) && value <= max_value (index));
  store_cell (self, index, NB_CELL_VALUE, value, NULL);
}

void
nb_report_set_blank (NbReport *self, guint index, const char *raw)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->n_cells);
  store_cell (self, index, NB_CELL_BLANK, 0, raw && raw[0] ? raw : NULL);
}

static gboolean
is_dash (const char *text)
{
  static const char *const dashes[] = {
    "-", "--", "—", "——", "–", "/", "\\", "－", "／", "―", "&nbsp;", "\u00a0", NULL
  };

  return g_strv_contains (dashes, text);
}

/* Digits only, ASCII, after NFKC; an optional leading minus (a negative number is kept so
 * that R-F-06 can name it). */
static gboolean
parse_count (const char *text, gint64 *value)
{
  const char *digits = text[0] == '-' ? text + 1 : text;
  guint64 magnitude;

  if (digits[0] == '\0')
    return FALSE;
  for (const char *p = digits; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (digits, 10, 0, NB_MAX_COUNT, &magnitude, NULL))
    return FALSE;
  *value = text[0] == '-' ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

static char *
format_value (guint index, gint64 value)
{
  if (nb_format_cell (index)->unit == NB_UNIT_MONEY)
    return nb_money_format_wanyuan (value);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

NbCellState
nb_report_set_cell_text (NbReport *self, guint index, const char *text)
{
  g_autofree char *normal = NULL;
  gint64 value = 0;
  gboolean ok;

  g_return_val_if_fail (NB_IS_REPORT (self), NB_CELL_INVALID);
  g_return_val_if_fail (index < self->n_cells, NB_CELL_INVALID);

  if (text == NULL)
    text = "";
  /* NFKC folds full-width digits (０１２) and marks into ASCII. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    normal = g_strdup ("");
  g_strstrip (normal);

  if (normal[0] == '\0' || is_dash (normal))
    {
      /* A dash is kept as written so that a round trip shows what the source said. */
      nb_report_set_blank (self, index, normal[0] ? text : NULL);
      return NB_CELL_BLANK;
    }

  if (nb_format_cell (index)->unit == NB_UNIT_MONEY)
    ok = nb_money_parse_wanyuan (normal, &value, NULL);
  else
    ok = parse_count (normal, &value);

  if (!ok)
    {
      store_cell (self, index, NB_CELL_INVALID, 0, text);
      return NB_CELL_INVALID;
    }
  else
    {
      g_autofree char *canonical = format_value (index, value);

      /* Keep the text as written only when it says more than the value (7926.31390,
       * 0052, a fee with five decimals). */
      store_cell (self, index, NB_CELL_VALUE, value,
                  g_str_equal (canonical, normal) ? NULL : normal);
      return NB_CELL_VALUE;
    }
}

char *
nb_report_format_cell (NbReport *self, guint index)
{
  const NbCell *cell = nb_report_get_cell (self, index);

  g_return_val_if_fail (cell != NULL, NULL);
  switch (cell->state)
    {
    case NB_CELL_BLANK:
      return g_strdup ("");
    case NB_CELL_INVALID:
      return g_strdup (cell->raw ? cell->raw : "");
    case NB_CELL_VALUE:
    default:
      return cell->raw ? g_strdup (cell->raw) : format_value (index, cell->value);
    }
}

static const NbSumRelation *
relation_for_total (guint index)
{
  guint n;
  const NbSumRelation *sums = nb_format_sum_relations (&n);

  for (guint i = 0; i < n; i++)
    if (sums[i].total == (int) index)
      return &sums[i];
  return NULL;
}

gint64
nb_report_computed_total (NbReport *self, guint index)
{
  const NbSumRelation *rel = relation_for_total (index);
  gint64 sum = 0;

  g_return_val_if_fail (rel != NULL, 0);
  for (guint i = 0; i < rel->n_parts; i++)
    sum += nb_report_value (self, rel->parts[i]);
  return sum;
}

guint
nb_report_update_totals (NbReport *self)
{
  guint n, changed = 0;
  const NbSumRelation *sums = nb_format_sum_relations (&n);
  gboolean again = TRUE;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);

  /* （七）总计 is both a column sum and a row sum; repeat until nothing moves (two passes). */
  for (guint pass = 0; again && pass < 4; pass++)
    {
      again = FALSE;
      for (guint i = 0; i < n; i++)
        {
          gint64 sum = 0;
          const NbCell *cell = &self->cells[sums[i].total];

          for (guint p = 0; p < sums[i].n_parts; p++)
            sum += nb_report_value (self, sums[i].parts[p]);
          if (cell->state != NB_CELL_VALUE || cell->value != sum || cell->raw != NULL)
            {
              nb_report_set_value (self, sums[i].total, sum);
              changed++;
              again = TRUE;
            }
        }
    }
  return changed;
}

/* ---- Section 一 -------------------------------------------------------------------------- */

guint
nb_report_get_n_parts (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->parts->len;
}

const NbPart *
nb_report_get_part (NbReport *self, guint index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->parts->len, NULL);
  return g_ptr_array_index (self->parts, index);
}

void
nb_report_insert_part (NbReport *self, guint position, NbAspect aspect, const char *heading,
                       const char *text)
{
  NbPart *part;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (aspect < NB_N_ASPECTS);

  part = g_new0 (NbPart, 1);
  part->aspect = aspect;
  part->heading = g_strdup (heading ? heading : "");
  part->text = g_strdup (text ? text : "");
  g_ptr_array_insert (self->parts, MIN (position, self->parts->len), part);
  emit_changed (self, "s1");
}

void
nb_report_remove_part (NbReport *self, guint index)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->parts->len);
  g_ptr_array_remove_index (self->parts, index);
  emit_changed (self, "s1");
}

static void
replace_string (char **field, const char *value, NbReport *self)
{
  if (value == NULL)
    value = "";
  if (g_str_equal (*field, value))
    return;
  g_free (*field);
  *field = g_strdup (value);
  emit_changed (self, "s1");
}

void
nb_report_set_part_heading (NbReport *self, guint index, const char *heading)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->parts->len);
  replace_string (&((NbPart *) g_ptr_array_index (self->parts, index))->heading, heading, self);
}

void
nb_report_set_part_text (NbReport *self, guint index, const char *text)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->parts->len);
  replace_string (&((NbPart *) g_ptr_array_index (self->parts, index))->text, text, self);
}

char *
nb_report_dup_s1_text (NbReport *self)
{
  GString *all;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  all = g_string_new (self->texts[NB_TEXT_S1_INTRO]);
  for (guint i = 0; i < self->parts->len; i++)
    {
      const NbPart *part = g_ptr_array_index (self->parts, i);

      g_string_append_printf (all, "\n%s\n%s", part->heading, part->text);
    }
  return g_string_free (all, FALSE);
}

/* ---- Last year -------------------------------------------------------------------------- */

NbReport *
nb_report_get_previous (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->previous;
}

void
nb_report_set_previous (NbReport *self, NbReport *previous)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (previous == NULL || NB_IS_REPORT (previous));
  g_return_if_fail (previous != self);
  if (g_set_object (&self->previous, previous))
    emit_changed (self, "meta.previous");
}

void
nb_report_set_previous_figure (NbReport *self, guint index, gboolean known, gint64 value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < self->n_cells);
  g_return_if_fail (value >= -max_value (index) && value <= max_value (index));
  known = !!known;
  if (!known)
    value = 0;
  if (self->previous_known[index] == known && self->previous_figures[index] == value)
    return;
  self->previous_known[index] = known;
  self->previous_figures[index] = value;
  emit_changed (self, "meta.previous");
}

gboolean
nb_report_get_previous_figure (NbReport *self, guint index, gint64 *value)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (index < self->n_cells, FALSE);
  if (value)
    *value = self->previous_figures[index];
  return self->previous_known[index];
}

gboolean
nb_report_previous_value (NbReport *self, guint index, gint64 *value, gboolean *from_report)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (index < self->n_cells, FALSE);

  if (self->previous != NULL)
    {
      if (value)
        *value = nb_report_value (self->previous, index);
      if (from_report)
        *from_report = TRUE;
      return TRUE;
    }
  if (from_report)
    *from_report = FALSE;
  return nb_report_get_previous_figure (self, index, value);
}

gboolean
nb_report_has_previous (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  if (self->previous != NULL)
    return TRUE;
  for (guint i = 0; i < self->n_cells; i++)
    if (self->previous_known[i])
      return TRUE;
  return FALSE;
}

guint64
nb_report_get_serial (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->serial;
}

/* ---- Money ------------------------------------------------------------------------------ */

/* "7926.3139" 万元 → 79263139 元, exactly, without a double. More than four decimals are
 * rounded half-up to whole 元; *n_decimals tells how many there were (R-T2-04). */
gboolean
nb_money_parse_wanyuan (const char *text, gint64 *yuan, guint *n_decimals)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 whole = 0, fraction = 0;
  guint decimals = 0;
  gboolean round_up = FALSE;
  gboolean any_digit = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      any_digit = TRUE;
      whole = whole * 10 + (guint64) (*p - '0');
      if (whole > (guint64) NB_MAX_COUNT)
        return FALSE;
    }
  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, decimals++)
        {
          any_digit = TRUE;
          if (decimals < 4)
            fraction = fraction * 10 + (guint64) (*p - '0');
          else if (decimals == 4)
            round_up = *p >= '5';
        }
    }
  if (*p != '\0' || !any_digit)
    return FALSE;
  for (guint d = MIN (decimals, 4); d < 4; d++)
    fraction *= 10;
  *yuan = (gint64) (whole * 10000 + fraction + (round_up ? 1 : 0));
  if (negative)
    *yuan = -*yuan;
  if (n_decimals)
    *n_decimals = decimals;
  return TRUE;
}

char *
nb_money_format_wanyuan (gint64 yuan)
{
  guint64 magnitude = yuan < 0 ? (guint64) -yuan : (guint64) yuan;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%04" G_GUINT64_FORMAT, yuan < 0 ? "-" : "",
                          magnitude / 10000, magnitude % 10000);
}

void
nb_report_add_source (NbReport *self, const char *file, const char *agency, const char *sha256)
{
  NbSource *source;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (file != NULL && agency != NULL && sha256 != NULL);

  source = g_new0 (NbSource, 1);
  source->file = g_strdup (file);
  source->agency = g_strdup (agency);
  source->sha256 = g_strdup (sha256);
  g_ptr_array_add (self->sources, source);
  emit_changed (self, "meta.sources");
}

guint
nb_report_get_n_sources (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->sources->len;
}

const NbSource *
nb_report_get_source_at (NbReport *self, guint index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, index);
}
