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
