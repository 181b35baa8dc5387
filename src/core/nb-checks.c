/* nb-checks.c — runs the rule groups in the order of rules.md §F.5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-private.h"

#include "nb-import.h"

#include <stdarg.h>

/* Format version first, then cell validity, arithmetic (三, 四, then 二). Each group
 * knows which of its rules need last year and skips them without it. */
static const NbCheckFunc groups[] = {
  nb_check_form,
  nb_check_table3,
  nb_check_table4,
  nb_check_table2,
  nb_check_narrative,
  nb_check_cross_year,
  nb_check_punctuation,
};

GPtrArray *
nb_checks_run (NbReport *report, const NbCheckOptions *options)
{
  static const NbCheckOptions defaults = { FALSE };
  NbCheckContext ctx = { 0 };

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  ctx.report = report;
  ctx.options = options ? options : &defaults;
  ctx.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  ctx.legacy = nb_check_legacy_layout (report);
  nb_derived_compute (&ctx.derived, report);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (ctx.options->tables_only && groups[i] == nb_check_narrative)
        continue;
      groups[i] (&ctx);
    }
  /* Only an error can be overridden; a note on anything else would say nothing. */
  for (guint i = 0; i < ctx.findings->len; i++)
    {
      NbFinding *f = g_ptr_array_index (ctx.findings, i);

      /* A label's finding (R-F-04) is about the source's text, whatever became of the cell. */
      if (!g_str_equal (f->rule, "R-F-04"))
        nb_check_mark_unread (&ctx, f, NULL, 0);

      if (f->severity == NB_SEVERITY_ERROR)
        f->override_note = g_strdup (nb_report_get_override (report, f->rule, f->where));
    }
  return ctx.findings;
}

NbFinding *
nb_check_add (NbCheckContext *ctx, const char *rule, NbSeverity severity, const char *where,
              const char *format, ...)
{
  g_autofree char *message = NULL;
  NbFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = nb_finding_new (rule, severity, where, message);
  g_ptr_array_add (ctx->findings, finding);
  return finding;
}

GRegex *
nb_check_regex (const char *pattern)
{
  static GHashTable *compiled;
  G_LOCK_DEFINE_STATIC (compiled);
  GRegex *regex;

  G_LOCK (compiled);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_str_hash, g_str_equal);
  regex = g_hash_table_lookup (compiled, pattern);
  if (regex == NULL)
    {
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
      g_hash_table_insert (compiled, (gpointer) pattern, regex);
    }
  G_UNLOCK (compiled);
  return regex;
}

char *
nb_check_cell_name (guint cell)
{
  const NbCellDef *def = nb_format_cell (cell);

  /* Table 三's numbered rows repeat their numbers in every group: name the group too. */
  if (def->table == NB_TABLE_S3 && def->row_group && g_ascii_isdigit (def->row_label[0]))
    return g_strdup_printf ("%s %s/%s", def->row_group, def->row_label, def->col_label);
  return g_strdup_printf ("%s/%s", def->row_label, def->col_label);
}

gint64
nb_check_value (NbCheckContext *ctx, const char *key)
{
  int index = nb_format_cell_index (key);

  if (index >= 0 && nb_report_get_cell (ctx->report, index)->state != NB_CELL_VALUE)
    ctx->blank_seen = TRUE;
  return nb_report_value_by_key (ctx->report, key);
}

gboolean
nb_check_previous (NbCheckContext *ctx, guint cell, gint64 *value, gboolean *from_report)
{
  NbReport *previous = nb_report_get_previous (ctx->report);

  if (previous && nb_report_get_cell (previous, cell)->state != NB_CELL_VALUE)
    return FALSE;
  return nb_report_previous_value (ctx->report, cell, value, from_report);
}

void
nb_check_mark_unread (NbCheckContext *ctx, NbFinding *finding, const int *cells, guint n_cells)
{
  if (finding->cell >= 0 && nb_import_report_unread (ctx->report, finding->cell))
    finding->import_unread = TRUE;
  for (guint i = 0; i < n_cells && !finding->import_unread; i++)
    finding->import_unread = cells[i] >= 0 && nb_import_report_unread (ctx->report, cells[i]);
}
