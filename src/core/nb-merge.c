/* nb-merge.c — the three tables of several reports summed, each source traced
 *
 * Workers read, check and add up sources into partial sums of their own (a sum does not
 * depend on the order), keeping of each source only a small record; the records are then
 * judged in the order given, so messages and metadata follow the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-checks.h"
#include "nb-import.h"
#include "nb-merge.h"
#include "nb-review.h"

G_DEFINE_QUARK (nb-merge-error-quark, nb_merge_error)

/* What is kept of a source once it has been added. */
typedef struct {
  char     *agency;
  char     *sha256;
  int       year;
  gboolean  legacy;             /* the 2019 trial layout */
  char     *errors;             /* its errors without a note, one per line, or NULL */
  char     *contribution;       /* the explained cell as written in the source */
  char     *unreadable;         /* why it could not be read, or NULL */
} Source;

typedef struct {
  gint64   *sums;
  gboolean *given;              /* some source has a value in the cell */
} Partial;

typedef struct {
  GPtrArray            *paths;
  const NbMergeOptions *options;
  Source               *sources;
  Partial              *partials;      /* one per worker */
  gint                  next;
  gint                  next_worker;
} Batch;

static void
source_clear (Source *s)
{
  g_free (s->agency);
  g_free (s->sha256);
  g_free (s->errors);
  g_free (s->contribution);
  g_free (s->unreadable);
}

static char *
blocking_errors (GPtrArray *findings)
{
  GString *out = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (f->severity != NB_SEVERITY_ERROR || f->override_note)
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      g_string_append_printf (out, "\n    %s %s %s", f->rule, f->where, f->message);
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

static char *
describe_cell (NbReport *report, guint cell)
{
  const NbCell *c = nb_report_get_cell (report, cell);

  if (c->state == NB_CELL_BLANK)
    return g_strdup (_("blank"));
  if (c->state == NB_CELL_INVALID)
    /* TRANSLATORS: a cell holding text that is no number; not added */
    return g_strdup_printf (_("“%s” (not a number, not added)"), c->raw);
  return nb_report_format_cell (report, cell);
}

static void
add_source (Batch *batch, guint index, Partial *partial)
{
  const char *path = g_ptr_array_index (batch->paths, index);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_review_load (file, NULL, &error);
  g_autoptr(GPtrArray) findings = NULL;
  Source *s = &batch->sources[index];

  if (report == NULL || !(s->sha256 = nb_review_file_sha256 (file, &error)))
    {
      s->unreadable = g_strdup (error->message);
      return;
    }
  s->agency = g_strdup (nb_report_get_text (report, NB_TEXT_AGENCY));
  s->year = nb_report_get_year (report);
  s->legacy = nb_report_get_legacy_markers (report) != NULL;
  findings = nb_checks_run (report, NULL);
  s->errors = blocking_errors (findings);
  if (batch->options->explain_cell >= 0)
    s->contribution = describe_cell (report, batch->options->explain_cell);

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCell *c = nb_report_get_cell (report, i);

      /* Each value is at most NB_MAX_YUAN and a partial sum is kept at most one above the
       * limit, so the addition cannot overflow. */
      if (c->state != NB_CELL_VALUE)
        continue;
      partial->given[i] = TRUE;
      partial->sums[i] = MIN (partial->sums[i] + c->value, NB_MAX_YUAN + 1);
    }
}

static gpointer
merge_worker (gpointer data)
{
  Batch *batch = data;
  Partial *partial = &batch->partials[g_atomic_int_add (&batch->next_worker, 1)];
  guint i;

  while ((i = (guint) g_atomic_int_add (&batch->next, 1)) < batch->paths->len)
    add_source (batch, i, partial);
  return NULL;
}

/* Every source at fault, in order, under the first reason that applies to the batch:
 * unreadable, then mixed years or formats, then errors without --force. */
static gboolean
judge_sources (Batch *batch, GError **error)
{
  g_autoptr(GString) unreadable = g_string_new (NULL);
  g_autoptr(GString) mixed = g_string_new (NULL);
  g_autoptr(GString) faulty = g_string_new (NULL);
  const Source *first = &batch->sources[0];
  const char *first_path = g_ptr_array_index (batch->paths, 0);

  for (guint i = 0; i < batch->paths->len; i++)
    {
      const Source *s = &batch->sources[i];
      const char *path = g_ptr_array_index (batch->paths, i);

      if (s->unreadable)
        g_string_append_printf (unreadable, "\n  %s", s->unreadable);
      else if (s->legacy)
        g_string_append_printf (mixed, _("\n  %s is in the 2019 trial layout, not the 2021 format"),
                                path);
      else if (!first->unreadable && s->year != first->year)
        g_string_append_printf (mixed, _("\n  %s is a report for %d, %s for %d"), path, s->year,
                                first_path, first->year);
      else if (s->errors && !batch->options->force)
        g_string_append_printf (faulty, "\n  %s:%s", path, s->errors);
    }
  if (unreadable->len)
    g_set_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_UNREADABLE,
                 _("These sources could not be read; nothing was merged:%s"), unreadable->str);
  else if (mixed->len)
    g_set_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_MIXED,
                 _("Only reports of one year in the 2021 format can be merged:%s"), mixed->str);
  else if (faulty->len)
    g_set_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_SOURCE_ERRORS,
                 _("These sources have errors; correct them, explain them with a note, or merge anyway with --force:%s"),
                 faulty->str);
  return !unreadable->len && !mixed->len && !faulty->len;
}

static char *
explain (Batch *batch, NbReport *merged, guint cell)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = nb_import_cell_name (cell);
  g_autofree char *total = describe_cell (merged, cell);

  g_string_append_printf (out, "%s  %s\n", nb_format_cell (cell)->key, name);
  for (guint i = 0; i < batch->paths->len; i++)
    g_string_append_printf (out, "  %s  %s  %s\n", (char *) g_ptr_array_index (batch->paths, i),
                            batch->sources[i].agency, batch->sources[i].contribution);
  /* TRANSLATORS: the merged value of the explained cell */
  g_string_append_printf (out, _("  sum of %u sources: %s\n"), batch->paths->len, total);
  return g_string_free (out, FALSE);
}

static NbReport *
build_report (Batch *batch, guint n_workers, GError **error)
{
  const NbMergeOptions *options = batch->options;
  g_autoptr(NbReport) merged = nb_report_new_for_agency (options->agency, options->level,
                                                          batch->sources[0].year);

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      gint64 limit = nb_format_cell (i)->unit == NB_UNIT_MONEY ? NB_MAX_YUAN : NB_MAX_COUNT;
      gboolean given = FALSE;
      gint64 sum = 0;

      for (guint w = 0; w < n_workers; w++)
        {
          given |= batch->partials[w].given[i];
          sum = MIN (sum + batch->partials[w].sums[i], NB_MAX_YUAN + 1);
        }
      if (sum > limit)
        {
          g_set_error (error, NB_MERGE_ERROR, NB_MERGE_ERROR_OVERFLOW,
                       _("The sum of %s is beyond the largest value a cell holds"),
                       nb_format_cell (i)->key);
          return NULL;
        }
      /* A cell blank in every source stays blank: 0 would claim a figure nobody gave. */
      if (given)
        nb_report_set_value (merged, i, sum);
    }
  for (guint i = 0; i < batch->paths->len; i++)
    nb_report_add_source (merged, g_ptr_array_index (batch->paths, i),
                          batch->sources[i].agency, batch->sources[i].sha256);
  return g_steal_pointer (&merged);
}

NbReport *
nb_merge_files (GPtrArray *paths, const NbMergeOptions *options, char **explanation,
                GError **error)
{
  guint n_workers = MIN (g_get_num_processors (), MAX (paths->len, 1));
  g_autofree GThread **workers = NULL;
  NbReport *merged = NULL;
  Batch batch;

  g_return_val_if_fail (paths->len > 0, NULL);
  g_return_val_if_fail (options->explain_cell < (int) nb_format_n_cells (), NULL);

  batch = (Batch) { paths, options, g_new0 (Source, paths->len), g_new0 (Partial, n_workers),
                    0, 0 };
  workers = g_new0 (GThread *, n_workers);

  for (guint w = 0; w < n_workers; w++)
    {
      batch.partials[w].sums = g_new0 (gint64, nb_format_n_cells ());
      batch.partials[w].given = g_new0 (gboolean, nb_format_n_cells ());
    }
  /* The format and the compiled patterns are shared read-only, as in nianbao-cli check. */
  for (guint w = 1; w < n_workers; w++)
    workers[w] = g_thread_new ("merge", merge_worker, &batch);
  merge_worker (&batch);
  for (guint w = 1; w < n_workers; w++)
    g_thread_join (workers[w]);

  if (judge_sources (&batch, error) && (merged = build_report (&batch, n_workers, error)) &&
      explanation && options->explain_cell >= 0)
    *explanation = explain (&batch, merged, options->explain_cell);

  for (guint w = 0; w < n_workers; w++)
    {
      g_free (batch.partials[w].sums);
      g_free (batch.partials[w].given);
    }
  for (guint i = 0; i < paths->len; i++)
    source_clear (&batch.sources[i]);
  g_free (batch.sources);
  g_free (batch.partials);
  return merged;
}
