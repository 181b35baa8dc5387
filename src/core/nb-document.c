/* nb-document.c — .nianbao files: JSON documents
 *
 * The writer emits every member in a fixed order, so loading and saving a document gives
 * back the same bytes. The reader builds a new report and returns it only when the whole
 * file was understood: a malformed file changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-document.h"
#include "nb-document-private.h"
#include "nb-safe-file.h"

#include "nb-import.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (nb-document-error-quark, nb_document_error)

/* ---- Writing ------------------------------------------------------------------------------ */

static void
add_string_or_null (JsonBuilder *b, const char *member, const char *text)
{
  json_builder_set_member_name (b, member);
  if (text && text[0])
    json_builder_add_string_value (b, text);
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b, const char *member, const char *text)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, text ? text : "");
}

static void
add_cell_value (JsonBuilder *b, NbReport *report, guint index)
{
  const NbCell *cell = nb_report_get_cell (report, index);
  const NbCellDef *def = nb_format_cell (index);

  if (cell->state == NB_CELL_BLANK && cell->raw == NULL)
    json_builder_add_null_value (b);
  else if (cell->state == NB_CELL_VALUE && def->unit == NB_UNIT_COUNT && cell->raw == NULL)
    json_builder_add_int_value (b, cell->value);
  else if (cell->state == NB_CELL_VALUE)
    {
      g_autofree char *text = nb_report_format_cell (report, index);

      json_builder_add_string_value (b, text);
    }
  else
    json_builder_add_string_value (b, cell->raw);   /* a dash, or text that is no number */
}

/* What an import could not read and the labels it accepted under another name: written
 * only for an imported report, so that a check of the saved file still tells a limit of the
 * import from a defect of the source. */
static void
add_import_trace (JsonBuilder *b, NbReport *report)
{
  GPtrArray *notes = nb_import_report_notes (report);
  gboolean any_unread = FALSE;

  for (guint i = 0; i < nb_format_n_cells () && !any_unread; i++)
    any_unread = nb_import_report_unread (report, i);
  if (!any_unread && (notes == NULL || notes->len == 0))
    return;
  json_builder_set_member_name (b, "import");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "unread");
  json_builder_begin_array (b);
  for (guint i = 0; i < nb_format_n_cells (); i++)
    if (nb_import_report_unread (report, i))
      json_builder_add_string_value (b, nb_format_cell (i)->key);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; notes && i < notes->len; i++)
    {
      const NbImportNote *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (b);
      add_string (b, "rule", note->rule);
      add_string (b, "where", note->where);
      add_string (b, "actual", note->actual);
      add_string (b, "canonical", note->canonical);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_meta (JsonBuilder *b, NbReport *report)
{
  const GArray *breaks = nb_report_get_title_breaks (report);
  const char *const *markers = nb_report_get_legacy_markers (report);
  const char *previous_file = nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE);
  gboolean any_figure = FALSE;

  json_builder_set_member_name (b, "meta");
  json_builder_begin_object (b);
  add_string (b, "agency", nb_report_get_text (report, NB_TEXT_AGENCY));
  add_string (b, "level", nb_format_level_id (nb_report_get_level (report)));
  add_string (b, "region_level", nb_format_region_id (nb_report_get_region (report)));
  json_builder_set_member_name (b, "people_government");
  json_builder_add_boolean_value (b, nb_report_get_people_government (report));
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, nb_report_get_year (report));
  add_string (b, "title", nb_report_get_text (report, NB_TEXT_TITLE));
  json_builder_set_member_name (b, "title_breaks");
  json_builder_begin_array (b);
  for (guint i = 0; i < breaks->len; i++)
    json_builder_add_int_value (b, g_array_index (breaks, int, i));
  json_builder_end_array (b);
  add_string (b, "preamble", nb_report_get_text (report, NB_TEXT_PREAMBLE));
  add_string (b, "period_start", nb_report_get_text (report, NB_TEXT_PERIOD_START));
  add_string (b, "period_end", nb_report_get_text (report, NB_TEXT_PERIOD_END));
  add_string_or_null (b, "publication_date", nb_report_get_text (report, NB_TEXT_PUBLICATION_DATE));
  add_string (b, "contact", nb_report_get_text (report, NB_TEXT_CONTACT));
  /* Written only when set, so that documents without them keep their bytes. */
  if (nb_report_get_signature (report))
    {
      json_builder_set_member_name (b, "signature");
      json_builder_begin_object (b);
      add_string (b, "agency", nb_report_get_text (report, NB_TEXT_SIGNATURE_AGENCY));
      add_string (b, "date", nb_report_get_text (report, NB_TEXT_SIGNATURE_DATE));
      json_builder_end_object (b);
    }
  if (nb_report_get_standalone_headings (report))
    {
      json_builder_set_member_name (b, "run_in_headings");
      json_builder_add_boolean_value (b, FALSE);
    }

  for (guint i = 0; i < nb_format_n_cells () && !any_figure; i++)
    any_figure = nb_report_get_previous_figure (report, i, NULL);
  json_builder_set_member_name (b, "previous");
  if (!previous_file[0] && !any_figure)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      add_string_or_null (b, "file", previous_file);
      json_builder_set_member_name (b, "figures");
      json_builder_begin_object (b);
      for (guint i = 0; i < nb_format_n_cells (); i++)
        {
          gint64 value;

          if (!nb_report_get_previous_figure (report, i, &value))
            continue;
          json_builder_set_member_name (b, nb_format_cell (i)->key);
          if (nb_format_cell (i)->unit == NB_UNIT_MONEY)
            {
              g_autofree char *wanyuan = nb_money_format_wanyuan (value);

              json_builder_add_string_value (b, wanyuan);
            }
          else
            json_builder_add_int_value (b, value);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }

  /* Only documents converted from the 2019 trial layout carry this member. */
  if (markers)
    {
      json_builder_set_member_name (b, "legacy_markers");
      json_builder_begin_array (b);
      for (guint i = 0; markers[i]; i++)
        json_builder_add_string_value (b, markers[i]);
      json_builder_end_array (b);
    }
  add_import_trace (b, report);
  /* Written only when the user has overridden an error, so other files keep their bytes. */
  if (nb_report_get_n_overrides (report) > 0)
    {
      json_builder_set_member_name (b, "overrides");
      json_builder_begin_array (b);
      for (guint i = 0; i < nb_report_get_n_overrides (report); i++)
        {
          const NbOverride *o = nb_report_get_override_at (report, i);

          json_builder_begin_object (b);
          add_string (b, "rule", o->rule);
          add_string (b, "where", o->where);
          add_string (b, "note", o->note);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  /* Only merged reports (nianbao-cli merge) list their sources. */
  if (nb_report_get_n_sources (report) > 0)
    {
      json_builder_set_member_name (b, "sources");
      json_builder_begin_array (b);
      for (guint i = 0; i < nb_report_get_n_sources (report); i++)
        {
          const NbSource *source = nb_report_get_source_at (report, i);

          json_builder_begin_object (b);
          add_string (b, "file", source->file);
          add_string (b, "agency", source->agency);
          add_string (b, "sha256", source->sha256);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_sections (JsonBuilder *b, NbReport *report)
{
  static const NbTextField bodies[NB_N_SECTIONS] = {
    NB_TEXT_S1_INTRO, NB_TEXT_S2_NOTE, NB_TEXT_S3_NOTE, NB_TEXT_S4_NOTE, NB_TEXT_S5, NB_TEXT_S6,
  };

  json_builder_set_member_name (b, "sections");
  json_builder_begin_object (b);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      if (!nb_report_get_section_present (report, s))
        continue;
      json_builder_set_member_name (b, nb_format_section (s)->id);
      json_builder_begin_object (b);
      add_string_or_null (b, "title", nb_report_get_text (report, nb_report_section_title_field (s)));
      add_string (b, nb_report_text_json_name (bodies[s]), nb_report_get_text (report, bodies[s]));
      if (s == 0)
        {
          json_builder_set_member_name (b, "parts");
          json_builder_begin_array (b);
          for (guint i = 0; i < nb_report_get_n_parts (report); i++)
            {
              const NbPart *part = nb_report_get_part (report, i);

              json_builder_begin_object (b);
              add_string (b, "aspect", nb_format_aspect_id (part->aspect));
              add_string (b, "heading", part->heading);
              add_string (b, "text", part->text);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      if (s == 5)
        {
          gint64 yuan;

          json_builder_set_member_name (b, "info_fee_yuan");
          if (nb_report_get_info_fee (report, &yuan))
            json_builder_add_int_value (b, yuan);
          else
            json_builder_add_null_value (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

/* Tables 二 and 四 are flat ("a1.rules.issued": 0); table 三 is nested by row. */
static void
add_tables (JsonBuilder *b, NbReport *report)
{
  json_builder_set_member_name (b, "tables");
  json_builder_begin_object (b);
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const NbTableDef *table = nb_format_table (t);
      const char *open_row = NULL;

      json_builder_set_member_name (b, table->section_id);
      json_builder_begin_object (b);
      for (guint i = table->first_cell; i < table->first_cell + table->n_cells; i++)
        {
          const NbCellDef *def = nb_format_cell (i);

          if (t == NB_TABLE_S3)
            {
              if (open_row != def->row_key)
                {
                  if (open_row)
                    json_builder_end_object (b);
                  json_builder_set_member_name (b, def->row_key);
                  json_builder_begin_object (b);
                  open_row = def->row_key;
                }
              json_builder_set_member_name (b, def->col_key);
            }
          else
            json_builder_set_member_name (b, def->local_key);
          add_cell_value (b, report, i);
        }
      if (open_row)
        json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

JsonNode *
nb_document_to_json (NbReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  json_builder_begin_object (b);
  add_string (b, "format", NB_DOCUMENT_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, NB_DOCUMENT_VERSION);
  add_meta (b, report);
  add_sections (b, report);
  add_tables (b, report);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
nb_document_serialize (NbReport *report, gsize *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = nb_document_to_json (report);
  GString *text;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');
  if (length)
    *length = text->len;
  return g_string_free (text, FALSE);
}

gboolean
nb_document_save (NbReport *report, GFile *file, GCancellable *cancellable, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = nb_document_serialize (report, &length);
  /* A crash or a full disk mid-save leaves the old report and its backup untouched. */
  if (nb_safe_file_write (file, data, length, NB_SAFE_FILE_BACKUP, &local_error))
    return TRUE;
  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}

/* ---- Reading ------------------------------------------------------------------------------ */

typedef struct {
  const char *name;
  GError    **error;
} Reader;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Reader *r, int code, const char *path, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  g_autofree char *valid_path = path ? g_utf8_make_valid (path, -1) : NULL;
  g_autofree char *valid_what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* A member name or value quoted from the file may hold a lone surrogate that json-glib
   * let through as invalid UTF-8: the message shows U+FFFD instead of raw bytes. */
  valid_what = g_utf8_make_valid (what, -1);
  if (path)
    g_set_error (r->error, NB_DOCUMENT_ERROR, code, "%s: %s: %s", r->name, valid_path,
                 valid_what);
  else
    g_set_error (r->error, NB_DOCUMENT_ERROR, code, "%s: %s", r->name, valid_what);
  return FALSE;
}

static const char *
describe (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    default:
      return _("a number");
    }
}

static char *
member_path (const char *path, const char *member)
{
  return g_strconcat (path, ".", member, NULL);
}

static gboolean
is_type (JsonNode *node, GType type)
{
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The member @member of @object as an object; NULL (and an error) when absent or not one. */
static JsonObject *
get_object (Reader *r, JsonObject *object, const char *member, const char *path)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = member_path (path, member);

  if (node == NULL)
    return fail (r, NB_DOCUMENT_ERROR_FORMAT, where, _("this member is missing")), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, where, _("expected an object, found %s"),
                 describe (node)), NULL;
  return json_node_get_object (node);
}

/* A string member; a missing or null member reads as "" when @optional. */
static gboolean
get_string (Reader *r, JsonObject *object, const char *member, const char *path,
            gboolean optional, const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = member_path (path, member);

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && optional)
    {
      *out = "";
      return TRUE;
    }
  if (node == NULL)
    return fail (r, NB_DOCUMENT_ERROR_FORMAT, where, _("this member is missing"));
  if (!is_type (node, G_TYPE_STRING))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, where, _("expected a string, found %s"),
                 describe (node));
  *out = json_node_get_string (node);
  /* json-glib 1.6 lets a lone surrogate escape ("\ud800") through as invalid UTF-8; a
   * save would then write a file that cannot be opened again. */
  if (!g_utf8_validate (*out, -1, NULL))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, where, _("the text is not valid Unicode"));
  return TRUE;
}

static gboolean
get_int (Reader *r, JsonObject *object, const char *member, const char *path, gint64 *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = member_path (path, member);

  if (node == NULL)
    return fail (r, NB_DOCUMENT_ERROR_FORMAT, where, _("this member is missing"));
  if (!is_type (node, G_TYPE_INT64))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, where, _("expected an integer, found %s"),
                 describe (node));
  *out = json_node_get_int (node);
  return TRUE;
}

/* A whole number within [@min, @max]; json-glib saturates literals beyond 64 bits, so the
 * bound also catches those. */
static gboolean
check_range (Reader *r, const char *path, gint64 value, gint64 min, gint64 max)
{
  if (value >= min && value <= max)
    return TRUE;
  return fail (r, NB_DOCUMENT_ERROR_INVALID, path,
               _("%lld is out of range (%lld to %lld)"), (long long) value, (long long) min,
               (long long) max);
}

/* Rejects members a Nianbao document does not have at this place: a misspelt member
 * would otherwise be dropped silently and lost at the next save. */
static gboolean
check_members (Reader *r, JsonObject *object, const char *path, const char *const *known)
{
  GList *members = json_object_get_members (object);
  const char *unknown = NULL;

  for (GList *l = members; l && !unknown; l = l->next)
    if (!g_strv_contains (known, l->data))
      unknown = l->data;
  if (unknown)
    {
      g_autofree char *where = member_path (path, unknown);

      g_list_free (members);
      return fail (r, NB_DOCUMENT_ERROR_INVALID, where,
                   _("unknown member (a misspelt name?)"));
    }
  g_list_free (members);
  return TRUE;
}

static gboolean
read_texts (Reader *r, NbReport *report, JsonObject *object, const char *path,
            const NbTextField *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *text;

      if (!get_string (r, object, nb_report_text_json_name (fields[i]), path, TRUE, &text))
        return FALSE;
      nb_report_set_text (report, fields[i], text);
    }
  return TRUE;
}

static gboolean
read_previous (Reader *r, NbReport *report, JsonObject *meta)
{
  JsonNode *node = json_object_get_member (meta, "previous");
  JsonObject *previous, *figures;
  const char *file;
  GList *members;
  gboolean ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  static const char *const known[] = { "file", "figures", NULL };

  if (!(previous = get_object (r, meta, "previous", "$.meta")) ||
      !check_members (r, previous, "$.meta.previous", known))
    return FALSE;
  if (!get_string (r, previous, "file", "$.meta.previous", TRUE, &file))
    return FALSE;
  nb_report_set_text (report, NB_TEXT_PREVIOUS_FILE, file);
  if (!json_object_has_member (previous, "figures"))
    return TRUE;
  if (!(figures = get_object (r, previous, "figures", "$.meta.previous")))
    return FALSE;
  members = json_object_get_members (figures);
  for (GList *l = members; l && ok; l = l->next)
    {
      const char *key = l->data;
      int index = nb_format_cell_index (key);
      gint64 value;

      if (index < 0)
        ok = fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.previous.figures",
                   _("“%s” is not a cell of the 2021 format"), key);
      else
        {
          g_autofree char *where = member_path ("$.meta.previous.figures", key);
          JsonNode *figure = json_object_get_member (figures, key);

          /* The fee is written as in the table: a decimal string in 万元. */
          if (nb_format_cell (index)->unit == NB_UNIT_MONEY)
            {
              if (!is_type (figure, G_TYPE_STRING) ||
                  !nb_money_parse_wanyuan (json_node_get_string (figure), &value, NULL) ||
                  value < 0)
                ok = fail (r, NB_DOCUMENT_ERROR_INVALID, where,
                           _("expected an amount in 10,000 yuan as a decimal string (\"7926.3139\"), found %s"),
                           describe (figure));
            }
          else
            ok = get_int (r, figures, key, "$.meta.previous.figures", &value) &&
                 check_range (r, where, value, 0, NB_MAX_COUNT);
          if (ok)
            nb_report_set_previous_figure (report, index, TRUE, value);
        }
    }
  g_list_free (members);
  return ok;
}

static gboolean
read_overrides (Reader *r, NbReport *report, JsonObject *meta)
{
  static const char *const known[] = { "rule", "where", "note", NULL };
  JsonNode *node = json_object_get_member (meta, "overrides");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.overrides",
                 _("expected an array, found %s"), describe (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("$.meta.overrides[%u]", i);
      JsonObject *object;
      const char *rule, *where, *note;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, path, _("expected an object, found %s"),
                     describe (element));
      object = json_node_get_object (element);
      if (!check_members (r, object, path, known) ||
          !get_string (r, object, "rule", path, FALSE, &rule) ||
          !get_string (r, object, "where", path, FALSE, &where) ||
          !get_string (r, object, "note", path, FALSE, &note))
        return FALSE;
      /* An override without its reason is what the rule forbids. */
      if (!rule[0] || !where[0] || !note[0])
        {
          g_autofree char *member = member_path (path, !rule[0] ? "rule" : !where[0] ? "where" : "note");

          return fail (r, NB_DOCUMENT_ERROR_INVALID, member, _("must not be empty"));
        }
      if (nb_report_get_override (report, rule, where) != NULL)
        return fail (r, NB_DOCUMENT_ERROR_INVALID, path,
                     _("a second override of %s at %s"), rule, where);
      nb_report_set_override (report, rule, where, note);
    }
  return TRUE;
}

/* $.meta.import (add_import_trace ()): unknown cell keys and malformed notes are errors. */
static gboolean
read_import_trace (Reader *r, NbReport *report, JsonObject *meta)
{
  JsonNode *node = json_object_get_member (meta, "import");
  JsonObject *trace;
  JsonArray *unread = NULL, *notes = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.import", _("expected an object, found %s"), describe (node));
  trace = json_node_get_object (node);
  if (json_object_has_member (trace, "unread"))
    {
      node = json_object_get_member (trace, "unread");
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.import.unread", _("expected an array, found %s"), describe (node));
      unread = json_node_get_array (node);
    }
  if (json_object_has_member (trace, "notes"))
    {
      node = json_object_get_member (trace, "notes");
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.import.notes", _("expected an array, found %s"), describe (node));
      notes = json_node_get_array (node);
    }
  for (guint i = 0; unread && i < json_array_get_length (unread); i++)
    {
      JsonNode *element = json_array_get_element (unread, i);
      int cell = is_type (element, G_TYPE_STRING) ? nb_format_cell_index (json_node_get_string (element)) : -1;

      if (cell < 0)
        return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.import.unread", _("element %u is not a cell key"), i);
      nb_import_report_set_unread (report, cell, TRUE);
    }
  for (guint i = 0; notes && i < json_array_get_length (notes); i++)
    {
      JsonNode *element = json_array_get_element (notes, i);
      JsonObject *note = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *rule = note ? json_object_get_string_member_with_default (note, "rule", NULL) : NULL;
      const char *where = note ? json_object_get_string_member_with_default (note, "where", NULL) : NULL;

      if (rule == NULL || where == NULL || !g_utf8_validate (rule, -1, NULL) || !g_utf8_validate (where, -1, NULL))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.import.notes", _("element %u is not a note"), i);
      nb_import_report_add_note (report, rule, where,
                                 json_object_get_string_member_with_default (note, "actual", ""),
                                 json_object_get_string_member_with_default (note, "canonical", ""));
    }
  return TRUE;
}

static gboolean
read_sources (Reader *r, NbReport *report, JsonObject *meta)
{
  static const char *const known[] = { "file", "agency", "sha256", NULL };
  JsonNode *node = json_object_get_member (meta, "sources");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.sources",
                 _("expected an array, found %s"), describe (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("$.meta.sources[%u]", i);
      const char *file, *agency, *sha256;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, path, _("expected an object, found %s"),
                     describe (element));
      if (!check_members (r, json_node_get_object (element), path, known) ||
          !get_string (r, json_node_get_object (element), "file", path, FALSE, &file) ||
          !get_string (r, json_node_get_object (element), "agency", path, FALSE, &agency) ||
          !get_string (r, json_node_get_object (element), "sha256", path, FALSE, &sha256))
        return FALSE;
      nb_report_add_source (report, file, agency, sha256);
    }
  return TRUE;
}

static gboolean
read_meta (Reader *r, NbReport *report, JsonObject *root)
{
  static const NbTextField texts[] = {
    NB_TEXT_AGENCY, NB_TEXT_TITLE, NB_TEXT_PREAMBLE, NB_TEXT_PERIOD_START, NB_TEXT_PERIOD_END,
    NB_TEXT_PUBLICATION_DATE, NB_TEXT_CONTACT,
  };
  static const char *const known[] = {
    "agency", "level", "region_level", "people_government", "year", "title", "title_breaks",
    "preamble", "period_start", "period_end", "publication_date", "contact", "previous",
    "legacy_markers", "overrides", "import", "signature", "run_in_headings", "sources",
    NULL
  };
  JsonObject *meta = get_object (r, root, "meta", "$");
  const char *level_id, *region_id;
  int level, region;
  gint64 year;
  JsonNode *node;

  if (meta == NULL || !check_members (r, meta, "$.meta", known))
    return FALSE;
  if (!read_texts (r, report, meta, "$.meta", texts, G_N_ELEMENTS (texts)))
    return FALSE;

  if (!get_int (r, meta, "year", "$.meta", &year))
    return FALSE;
  if (year < 2000 || year > 2999)
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.year",
                 _("%lld is not a report year"), (long long) year);
  nb_report_set_year (report, (int) year);

  if (!get_string (r, meta, "level", "$.meta", FALSE, &level_id))
    return FALSE;
  if ((level = nb_format_level_from_id (level_id)) < 0)
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.level",
                 _("unknown agency level “%s”"), level_id);
  nb_report_set_level (report, level);

  if (!get_string (r, meta, "region_level", "$.meta", TRUE, &region_id))
    return FALSE;
  region = region_id[0] ? nb_format_region_from_id (region_id)
                        : (int) nb_format_level_default_region (level);
  if (region < 0)
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.region_level",
                 _("unknown region level “%s”"), region_id);
  nb_report_set_region (report, region);

  node = json_object_get_member (meta, "people_government");
  if (node && !is_type (node, G_TYPE_BOOLEAN))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.people_government",
                 _("expected true or false, found %s"), describe (node));
  nb_report_set_people_government (report, node ? json_node_get_boolean (node)
                                                : nb_format_level_is_government (level));

  node = json_object_get_member (meta, "signature");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      static const NbTextField signature_texts[] = { NB_TEXT_SIGNATURE_AGENCY, NB_TEXT_SIGNATURE_DATE };
      static const char *const signature_known[] = { "agency", "date", NULL };
      JsonObject *signature = get_object (r, meta, "signature", "$.meta");

      if (signature == NULL || !check_members (r, signature, "$.meta.signature", signature_known) ||
          !read_texts (r, report, signature, "$.meta.signature", signature_texts,
                       G_N_ELEMENTS (signature_texts)))
        return FALSE;
      nb_report_set_signature (report, TRUE);
    }
  node = json_object_get_member (meta, "run_in_headings");
  if (node && !is_type (node, G_TYPE_BOOLEAN))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.run_in_headings",
                 _("expected true or false, found %s"), describe (node));
  nb_report_set_standalone_headings (report, node && !json_node_get_boolean (node));

  node = json_object_get_member (meta, "title_breaks");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;
      g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (int));

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.title_breaks",
                     _("expected an array, found %s"), describe (node));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          int offset;

          if (!is_type (element, G_TYPE_INT64) || json_node_get_int (element) <= 0 ||
              json_node_get_int (element) > 1000)
            return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.title_breaks",
                         _("element %u is not a character offset in the title"), i);
          offset = (int) json_node_get_int (element);
          g_array_append_val (breaks, offset);
        }
      nb_report_set_title_breaks (report, (int *) (gpointer) breaks->data, breaks->len);
    }

  node = json_object_get_member (meta, "legacy_markers");
  if (node && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;
      g_autoptr(GPtrArray) markers = g_ptr_array_new ();

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.legacy_markers",
                     _("expected an array, found %s"), describe (node));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!is_type (element, G_TYPE_STRING) ||
              !g_utf8_validate (json_node_get_string (element), -1, NULL))
            return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.meta.legacy_markers",
                         _("element %u is not a string"), i);
          g_ptr_array_add (markers, (gpointer) json_node_get_string (element));
        }
      g_ptr_array_add (markers, NULL);
      nb_report_set_legacy_markers (report, (const char *const *) markers->pdata);
    }

  return read_previous (r, report, meta) && read_overrides (r, report, meta) &&
         read_import_trace (r, report, meta) && read_sources (r, report, meta);
}

static gboolean
read_parts (Reader *r, NbReport *report, JsonObject *s1)
{
  static const char *const part_members[] = { "aspect", "heading", "text", NULL };
  JsonNode *node = json_object_get_member (s1, "parts");
  JsonArray *parts;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.sections.s1.parts",
                 _("expected an array, found %s"), describe (node));
  parts = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonNode *element = json_array_get_element (parts, i);
      g_autofree char *path = g_strdup_printf ("$.sections.s1.parts[%u]", i);
      JsonObject *part;
      const char *aspect_id, *heading, *text;
      int aspect;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, path, _("expected an object, found %s"),
                     describe (element));
      part = json_node_get_object (element);
      if (!check_members (r, part, path, part_members))
        return FALSE;
      if (!get_string (r, part, "aspect", path, FALSE, &aspect_id) ||
          !get_string (r, part, "heading", path, TRUE, &heading) ||
          !get_string (r, part, "text", path, TRUE, &text))
        return FALSE;
      if ((aspect = nb_format_aspect_from_id (aspect_id)) < 0)
        {
          g_autofree char *where = member_path (path, "aspect");

          return fail (r, NB_DOCUMENT_ERROR_INVALID, where, _("unknown aspect “%s”"), aspect_id);
        }
      nb_report_insert_part (report, i, aspect, heading, text);
    }
  return TRUE;
}

static gboolean
read_sections (Reader *r, NbReport *report, JsonObject *root)
{
  static const NbTextField bodies[NB_N_SECTIONS] = {
    NB_TEXT_S1_INTRO, NB_TEXT_S2_NOTE, NB_TEXT_S3_NOTE, NB_TEXT_S4_NOTE, NB_TEXT_S5, NB_TEXT_S6,
  };
  static const char *const section_ids[] = { "s1", "s2", "s3", "s4", "s5", "s6", NULL };
  static const char *const known[NB_N_SECTIONS][4] = {
    { "title", "intro", "parts", NULL }, { "title", "note", NULL }, { "title", "note", NULL },
    { "title", "note", NULL }, { "title", "text", NULL }, { "title", "text", "info_fee_yuan", NULL },
  };
  JsonObject *sections = get_object (r, root, "sections", "$");

  if (sections == NULL || !check_members (r, sections, "$.sections", section_ids))
    return FALSE;
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const char *id = nb_format_section (s)->id;
      g_autofree char *path = member_path ("$.sections", id);
      NbTextField fields[2] = { nb_report_section_title_field (s), bodies[s] };
      JsonObject *section;

      /* A missing section is kept as missing: R-F-01 reports it. */
      if (!json_object_has_member (sections, id))
        {
          nb_report_set_section_present (report, s, FALSE);
          continue;
        }
      if (!(section = get_object (r, sections, id, "$.sections")) ||
          !check_members (r, section, path, known[s]))
        return FALSE;
      if (!read_texts (r, report, section, path, fields, G_N_ELEMENTS (fields)))
        return FALSE;
      if (s == 0 && !read_parts (r, report, section))
        return FALSE;
      if (s == 5)
        {
          JsonNode *node = json_object_get_member (section, "info_fee_yuan");

          if (node && !JSON_NODE_HOLDS_NULL (node))
            {
              if (!is_type (node, G_TYPE_INT64))
                return fail (r, NB_DOCUMENT_ERROR_INVALID, "$.sections.s6.info_fee_yuan",
                             _("expected an integer number of yuan, found %s"), describe (node));
              if (!check_range (r, "$.sections.s6.info_fee_yuan", json_node_get_int (node),
                                0, NB_MAX_YUAN))
                return FALSE;
              nb_report_set_info_fee (report, TRUE, json_node_get_int (node));
            }
        }
    }
  return TRUE;
}

static gboolean
read_cell (Reader *r, NbReport *report, guint index, JsonNode *node, const char *path)
{
  const NbCellDef *def = nb_format_cell (index);

  if (JSON_NODE_HOLDS_NULL (node))
    nb_report_set_blank (report, index, NULL);
  else if (is_type (node, G_TYPE_INT64))
    {
      gint64 value = json_node_get_int (node);

      /* Negative counts load (R-F-06 names them); absurd ones are a damaged file. */
      if (!check_range (r, path, value, -NB_MAX_COUNT, NB_MAX_COUNT))
        return FALSE;
      nb_report_set_value (report, index, def->unit == NB_UNIT_MONEY ? value * 10000 : value);
    }
  else if (is_type (node, G_TYPE_STRING))
    {
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return fail (r, NB_DOCUMENT_ERROR_INVALID, path, _("the text is not valid Unicode"));
      nb_report_set_cell_text (report, index, json_node_get_string (node));
    }
  else if (def->unit == NB_UNIT_MONEY)
    return fail (r, NB_DOCUMENT_ERROR_INVALID, path,
                 _("expected an amount in 10,000 yuan as a decimal string (\"7926.3139\"), found %s"),
                 describe (node));
  else
    return fail (r, NB_DOCUMENT_ERROR_INVALID, path,
                 _("expected a whole number of cases or null, found %s"), describe (node));
  return TRUE;
}

static gboolean
read_flat_table (Reader *r, NbReport *report, NbTableId t, JsonObject *object, const char *path)
{
  GList *members = json_object_get_members (object);
  gboolean ok = TRUE;

  for (GList *l = members; l && ok; l = l->next)
    {
      const char *key = l->data;
      int index = nb_format_cell_index_in (t, key);
      g_autofree char *where = member_path (path, key);

      if (index < 0)
        ok = fail (r, NB_DOCUMENT_ERROR_INVALID, where,
                   _("not a cell of this table in the 2021 format"));
      else
        ok = read_cell (r, report, index, json_object_get_member (object, key), where);
    }
  g_list_free (members);
  return ok;
}

static gboolean
read_table3 (Reader *r, NbReport *report, JsonObject *object, const char *path)
{
  GList *rows = json_object_get_members (object);
  gboolean ok = TRUE;

  for (GList *l = rows; l && ok; l = l->next)
    {
      const char *row_key = l->data;
      int row = nb_format_s3_row (row_key);
      g_autofree char *row_path = member_path (path, row_key);
      JsonObject *cells;
      GList *cols;

      if (row < 0)
        {
          ok = fail (r, NB_DOCUMENT_ERROR_INVALID, row_path,
                     _("not a row of table 3 in the 2021 format"));
          break;
        }
      if (!(cells = get_object (r, object, row_key, path)))
        {
          ok = FALSE;
          break;
        }
      cols = json_object_get_members (cells);
      for (GList *c = cols; c && ok; c = c->next)
        {
          const char *col_key = c->data;
          int col = nb_format_s3_col (col_key);
          g_autofree char *where = member_path (row_path, col_key);

          if (col < 0)
            ok = fail (r, NB_DOCUMENT_ERROR_INVALID, where,
                       _("not a column of table 3 in the 2021 format"));
          else
            ok = read_cell (r, report, nb_format_s3_cell (row, col),
                            json_object_get_member (cells, col_key), where);
        }
      g_list_free (cols);
    }
  g_list_free (rows);
  return ok;
}

static gboolean
read_tables (Reader *r, NbReport *report, JsonObject *root)
{
  static const char *const table_ids[] = { "s2", "s3", "s4", NULL };
  JsonObject *tables = get_object (r, root, "tables", "$");

  if (tables == NULL || !check_members (r, tables, "$.tables", table_ids))
    return FALSE;
  for (guint t = 0; t < NB_N_TABLES; t++)
    {
      const char *id = nb_format_table (t)->section_id;
      g_autofree char *path = member_path ("$.tables", id);
      JsonObject *table;

      /* Cells a file leaves out are blank; R-F-05 names each. */
      if (!json_object_has_member (tables, id))
        continue;
      if (!(table = get_object (r, tables, id, "$.tables")))
        return FALSE;
      if (!(t == NB_TABLE_S3 ? read_table3 (r, report, table, path)
                             : read_flat_table (r, report, t, table, path)))
        return FALSE;
    }
  return TRUE;
}

NbReport *
nb_document_from_json (JsonNode *root_node, const char *name, GError **error)
{
  /* A JSON export loads as its document: "derived" and "findings" are recomputed. */
  static const char *const known[] = {
    "format", "version", "meta", "sections", "tables", "derived", "findings", NULL
  };
  Reader r = { name, error };
  g_autoptr(NbReport) report = NULL;
  JsonObject *root;
  JsonNode *format, *version;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (&r, NB_DOCUMENT_ERROR_FORMAT, "$",
                 _("not a Nianbao report: expected a JSON object, found %s"),
                 describe (root_node)), NULL;
  root = json_node_get_object (root_node);

  format = json_object_get_member (root, "format");
  if (!is_type (format, G_TYPE_STRING))
    return fail (&r, NB_DOCUMENT_ERROR_FORMAT, "$.format",
                 _("not a Nianbao report: the member “format” is missing")), NULL;
  if (!g_str_equal (json_node_get_string (format), NB_DOCUMENT_FORMAT))
    return fail (&r, NB_DOCUMENT_ERROR_FORMAT, "$.format",
                 _("the report format “%s” is not supported; this version reads “%s”"),
                 json_node_get_string (format), NB_DOCUMENT_FORMAT), NULL;

  version = json_object_get_member (root, "version");
  if (!is_type (version, G_TYPE_INT64) || json_node_get_int (version) < 1)
    return fail (&r, NB_DOCUMENT_ERROR_FORMAT, "$.version",
                 _("expected a positive integer schema version, found %s"),
                 describe (version)), NULL;
  if (json_node_get_int (version) > NB_DOCUMENT_VERSION)
    return fail (&r, NB_DOCUMENT_ERROR_NEWER, NULL,
                 _("this report was saved by a newer version of Nianbao (schema version %lld; "
                   "this version reads up to %d). Update Nianbao to open it."),
                 (long long) json_node_get_int (version), NB_DOCUMENT_VERSION), NULL;

  if (!check_members (&r, root, "$", known))
    return NULL;
  report = nb_report_new ();
  if (!read_meta (&r, report, root) || !read_sections (&r, report, root) ||
      !read_tables (&r, report, root))
    return NULL;
  return g_steal_pointer (&report);
}

/* "\u0000" in a string: json-glib would cut the text there and lose the rest. An escaped
 * backslash before it ("\\u0000") is plain text, so count the backslashes. */
static gboolean
contains_escaped_nul (const char *data, gsize size)
{
  for (gsize i = 0; i + 6 <= size; i++)
    {
      gsize slashes = 0;

      if (data[i] != '\\' || g_ascii_strncasecmp (data + i + 1, "u0000", 5) != 0)
        continue;
      for (gsize j = i; j > 0 && data[j - 1] == '\\'; j--)
        slashes++;
      if (slashes % 2 == 0)
        return TRUE;
    }
  return FALSE;
}

/* json-glib 1.6 reads an integer literal beyond 64 bits as −1 without a word; a number
 * with more digits than any cell may hold is refused before parsing. Returns the byte
 * offset of the first such literal, or −1. */
static gssize
find_oversized_number (const char *data, gsize size)
{
  gboolean in_string = FALSE;
  gsize digits = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      if (g_ascii_isdigit (c))
        {
          if (++digits > 17)
            return (gssize) i;
        }
      else
        digits = 0;
    }
  return -1;
}

NbReport *
nb_document_parse (const char *data, gssize length, const char *name, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;
  gsize size = length < 0 ? strlen (data) : (gsize) length;

  g_return_val_if_fail (data != NULL, NULL);

  if (size == 0)
    {
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_SYNTAX,
                   _("%s: the file is empty"), name);
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_SYNTAX,
                   _("%s: not a Nianbao report: the file is not UTF-8 text"), name);
      return NULL;
    }
  if (find_oversized_number (data, size) >= 0)
    {
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_INVALID,
                   _("%s: a number in the file is too large for any cell (byte %ld)"),
                   name, (long) find_oversized_number (data, size));
      return NULL;
    }
  switch (nb_document_scan (data, size, &where))
    {
    case NB_DOCUMENT_SCAN_TOO_DEEP:
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_FORMAT,
                   _("%s: %s: nested more than %d levels deep; no report is"), name, where,
                   NB_DOCUMENT_MAX_DEPTH);
      return NULL;
    case NB_DOCUMENT_SCAN_DUPLICATE:
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_INVALID,
                   _("%s: %s: this member appears twice; only one may be kept"), name, where);
      return NULL;
    case NB_DOCUMENT_SCAN_OK:
      break;
    }
  if (contains_escaped_nul (data, size))
    {
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_INVALID,
                   _("%s: the file contains a NUL character (\\u0000), which no report text may hold"),
                   name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* json-glib quotes a string with a lone surrogate ("\ud800") as raw bytes. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_SYNTAX,
                   _("%s: not valid JSON (the file may be truncated or damaged): %s"),
                   name, reason);
      return NULL;
    }
  return nb_document_from_json (json_parser_get_root (parser), name, error);
}

NbReport *
nb_document_load (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  /* A FIFO, /dev/zero or a huge file named as a report (or as last year's) is refused
   * before anything is read. */
  if (!(bytes = nb_safe_file_read (file, NB_SAFE_FILE_MAX_TEXT, cancellable, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  /* Opening a report is the next start after a save that was killed. */
  nb_safe_file_remove_leftovers (file);
  data = g_bytes_get_data (bytes, &length);
  return nb_document_parse (data ? data : "", length, name, error);
}

gboolean
nb_document_load_previous (NbReport *report, GFile *base, GError **error)
{
  const char *path = nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE);
  g_autoptr(GFile) file = NULL;
  g_autoptr(NbReport) previous = NULL;

  if (!path[0])
    return TRUE;
  if (g_path_is_absolute (path) || base == NULL)
    file = g_file_new_for_path (path);
  else
    {
      g_autoptr(GFile) dir = g_file_get_parent (base);

      file = g_file_resolve_relative_path (dir, path);
    }
  if (!(previous = nb_document_load (file, NULL, error)))
    {
      g_prefix_error (error, _("Last year's report (meta.previous.file): "));
      return FALSE;
    }
  return nb_document_attach_previous (report, previous, error);
}

gboolean
nb_document_attach_previous (NbReport *report, NbReport *previous, GError **error)
{
  int year = nb_report_get_year (report);
  int last = nb_report_get_year (previous);

  /* Cross-year rules compare with year − 1; any other report would give false errors. */
  if (last != year - 1)
    {
      g_set_error (error, NB_DOCUMENT_ERROR, NB_DOCUMENT_ERROR_INVALID,
                   _("last year's report is for %d, but this report is for %d"), last, year);
      return FALSE;
    }
  nb_report_set_previous (report, previous);
  return TRUE;
}
