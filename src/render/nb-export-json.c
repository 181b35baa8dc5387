/* nb-export-json.c — the report for data collection: the document plus what follows from it
 *
 * The export is the .nianbao document (nb_document_to_json ()) with two more top-level
 * members: "derived", every figure of nb-derived.h, and "findings", the checks' list. The
 * reader ignores both, so an export opens as a document again and they are recomputed,
 * never trusted. Numbers are integers only: ratios are written as numerator and
 * denominator with the percentage as text (data/nianbao-export.schema.json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-checks.h"
#include "nb-derived.h"
#include "nb-document.h"
#include "nb-export.h"
#include "nb-export-private.h"

static void
add_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

/* { "np": …, "biz": …, …, "total": … } over table 三's value columns. */
static void
add_columns (JsonBuilder *b, const char *member, const gint64 values[NB_S3_COLS])
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint c = 0; c < NB_S3_COLS; c++)
    add_int (b, nb_format_s3_col_key (c), values[c]);
  json_builder_end_object (b);
}

/* { "num": 19, "den": 52, "percent": "36.54%" }; percent is null when den is 0. */
static void
add_ratio (JsonBuilder *b, const char *member, NbRatio ratio)
{
  g_autofree char *percent = nb_ratio_format_percent (ratio, 2);

  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  add_int (b, "num", ratio.num);
  add_int (b, "den", ratio.den);
  json_builder_set_member_name (b, "percent");
  if (percent)
    json_builder_add_string_value (b, percent);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static void
add_shares (JsonBuilder *b, const char *member, const NbRatio shares[NB_N_RESULTS])
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint k = 0; k < NB_N_RESULTS; k++)
    add_ratio (b, nb_result_category_id (k), shares[k]);
  json_builder_end_object (b);
}

static void
add_derived (JsonBuilder *b, NbReport *report)
{
  NbDerived d;

  nb_derived_compute (&d, report);
  json_builder_set_member_name (b, "derived");
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "s3");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "row_totals");
  json_builder_begin_object (b);
  for (guint r = 0; r < nb_format_s3_n_rows (); r++)
    add_int (b, nb_format_s3_row_key (r), d.row_total[r]);
  json_builder_end_object (b);
  add_columns (b, "results", d.results);
  json_builder_set_member_name (b, "categories");
  json_builder_begin_object (b);
  for (guint k = 0; k < NB_N_RESULTS; k++)
    add_columns (b, nb_result_category_id (k), d.category[k]);
  json_builder_end_object (b);
  add_columns (b, "received", d.received);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "s4");
  json_builder_begin_object (b);
  add_int (b, "review_total", d.review_total);
  add_int (b, "lit_direct_total", d.lit_direct_total);
  add_int (b, "lit_after_total", d.lit_after_total);
  add_int (b, "lit_total", d.lit_total);
  json_builder_end_object (b);

  add_shares (b, "share_of_new", d.share_of_new);
  add_shares (b, "share_of_results", d.share_of_results);
  add_ratio (b, "completion_rate", d.completion_rate);
  add_ratio (b, "substantive_open_rate", d.substantive_open_rate);
  add_ratio (b, "review_correction_rate", d.review_correction_rate);

  json_builder_set_member_name (b, "yoy");
  json_builder_begin_object (b);
  for (guint y = 0; y < NB_N_YOY; y++)
    {
      json_builder_set_member_name (b, nb_yoy_figure_id (y));
      if (!d.has_yoy[y])
        {
          json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_object (b);
      add_int (b, "previous", d.yoy_previous[y]);
      add_int (b, "current", d.yoy_previous[y] + d.yoy[y].num);
      add_ratio (b, "change", d.yoy[y]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_end_object (b);
}

static void
add_findings (JsonBuilder *b, NbReport *report)
{
  g_autoptr(GPtrArray) findings = nb_checks_run (report, NULL);

  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    nb_finding_add_json (g_ptr_array_index (findings, i), b, TRUE);
  json_builder_end_array (b);
}

/* The blocks as a JSON object of their own, to be merged into the document's root. */
static JsonObject *
build_extra (NbReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  add_derived (b, report);
  add_findings (b, report);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  return json_object_ref (json_node_get_object (node));
}

gboolean
nb_export_json (NbReport *report, GFile *file, GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) text = NULL;
  JsonObject *object;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  root = nb_document_to_json (report);
  object = json_node_get_object (root);
  extra = build_extra (report);
  json_object_set_member (object, "derived", json_object_dup_member (extra, "derived"));
  json_object_set_member (object, "findings", json_object_dup_member (extra, "findings"));

  /* The same layout as a saved document: two-space indent, final newline. */
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');
  return nb_export_write_file (file, text->str, text->len, error);
}
