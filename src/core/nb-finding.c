/* nb-finding.c — one result of a check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-finding.h"

#include "nb-format.h"

G_DEFINE_BOXED_TYPE (NbFinding, nb_finding, nb_finding_copy, nb_finding_free)

NbFinding *
nb_finding_new (const char *rule, NbSeverity severity, const char *where, const char *message)
{
  NbFinding *finding = g_new0 (NbFinding, 1);

  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->where = g_strdup (where);
  finding->cell = nb_format_cell_index (where);
  finding->part = -1;
  finding->span_start = -1;
  finding->span_end = -1;
  finding->message = g_strdup (message);
  return finding;
}

NbFinding *
nb_finding_copy (const NbFinding *finding)
{
  NbFinding *copy = g_memdup2 (finding, sizeof *finding);

  copy->rule = g_strdup (finding->rule);
  copy->where = g_strdup (finding->where);
  copy->message = g_strdup (finding->message);
  copy->override_note = g_strdup (finding->override_note);
  return copy;
}

void
nb_finding_free (NbFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->where);
  g_free (finding->message);
  g_free (finding->override_note);
  g_free (finding);
}

gboolean
nb_finding_is_import_limit (const NbFinding *finding)
{
  g_return_val_if_fail (finding != NULL, FALSE);
  return finding->import_unread;
}

const char *
nb_finding_origin_note (const NbFinding *finding)
{
  return nb_finding_is_import_limit (finding) ? "（导入未能读出此单元格）" : "";
}

const char *
nb_severity_id (NbSeverity severity)
{
  static const char *const ids[NB_N_SEVERITIES] = { "error", "warning", "info" };

  g_return_val_if_fail (severity < NB_N_SEVERITIES, NULL);
  return ids[severity];
}

const char *
nb_severity_name (NbSeverity severity)
{
  static const char *const names[NB_N_SEVERITIES] = { "错误", "警告", "提示" };

  g_return_val_if_fail (severity < NB_N_SEVERITIES, NULL);
  return names[severity];
}

void
nb_findings_count (GPtrArray *findings, guint counts[NB_N_SEVERITIES])
{
  for (guint s = 0; s < NB_N_SEVERITIES; s++)
    counts[s] = 0;
  for (guint i = 0; i < findings->len; i++)
    counts[((NbFinding *) g_ptr_array_index (findings, i))->severity]++;
}

guint
nb_findings_blocking (GPtrArray *findings)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      n += f->severity == NB_SEVERITY_ERROR && f->override_note == NULL;
    }
  return n;
}

void
nb_finding_add_json (const NbFinding *f, JsonBuilder *b, gboolean with_span)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, f->rule);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, nb_severity_id (f->severity));
  json_builder_set_member_name (b, "where");
  json_builder_add_string_value (b, f->where);
  if (with_span)
    {
      json_builder_set_member_name (b, "part");
      if (f->part >= 0)
        json_builder_add_int_value (b, f->part);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "span");
      if (f->span_start >= 0 && f->span_end >= f->span_start)
        {
          json_builder_begin_array (b);
          json_builder_add_int_value (b, f->span_start);
          json_builder_add_int_value (b, f->span_end);
          json_builder_end_array (b);
        }
      else
        json_builder_add_null_value (b);
    }
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, f->message);
  /* Only on findings about a cell the import could not read: other output keeps its bytes. */
  if (f->import_unread)
    {
      json_builder_set_member_name (b, "import_unread");
      json_builder_add_boolean_value (b, TRUE);
    }
  /* Only on overridden errors, so that output without one keeps its bytes. */
  if (f->override_note)
    {
      json_builder_set_member_name (b, "override");
      json_builder_add_string_value (b, f->override_note);
    }
  json_builder_end_object (b);
}
