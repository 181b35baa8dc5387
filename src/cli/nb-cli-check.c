/* nb-cli-check.c — nianbao-cli check [--json] [--previous PREV] FILE…
 *
 * Reviewers run it over many departments' reports at once; a file that cannot be read is
 * reported and skipped, the others are still checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "nb-checks.h"
#include "nb-document.h"
#include "nb-cli.h"

static void
print_text (const char *file, GPtrArray *findings)
{
  guint counts[NB_N_SEVERITIES];

  g_autofree char *name = nb_cli_escape (file);

  nb_findings_count (findings, counts);
  printf ("%s\n", name);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      /* Messages quote the report's text, which may hold terminal escape sequences. */
      g_autofree char *where = nb_cli_escape (f->where);
      g_autofree char *message = nb_cli_escape (f->message);

      printf ("  %s %-7s %-28s %s", nb_severity_name (f->severity), f->rule, where, message);
      /* About a cell the import could not read: a limit of the import, not of the report. */
      printf ("%s", nb_finding_origin_note (f));
      /* An overridden error no longer blocks: say so, with the user's reason. */
      if (f->override_note)
        {
          g_autofree char *note = nb_cli_escape (f->override_note);

          printf ("（已说明：%s）", note);
        }
      printf ("\n");
    }
  printf (_("  %u errors, %u warnings, %u notes\n"), counts[NB_SEVERITY_ERROR],
          counts[NB_SEVERITY_WARNING], counts[NB_SEVERITY_INFO]);
}

static void
add_json (JsonBuilder *b, const char *file, GPtrArray *findings)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    nb_finding_add_json (g_ptr_array_index (findings, i), b, FALSE);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Attaches last year: --previous wins over the file named in the document. */
static gboolean
attach_previous (NbReport *report, GFile *file, NbReport *previous, GError **error)
{
  gboolean ok = previous ? nb_document_attach_previous (report, previous, error)
                         : nb_document_load_previous (report, file, error);

  /* In a batch, say which report the problem belongs to. */
  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
    }
  return ok;
}

/* One report of the batch: read and checked on a worker thread, printed in order after. */
typedef struct {
  const char *path;
  NbReport   *previous;       /* --previous, shared read-only by every job */
  GPtrArray  *findings;       /* NULL when the file could not be used */
  char       *error;
} Job;

static void
check_one (gpointer data, gpointer unused)
{
  Job *job = data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_document_load (file, NULL, &error);

  if (report == NULL || !attach_previous (report, file, job->previous, &error))
    job->error = g_strdup (error->message);
  else
    job->findings = nb_checks_run (report, NULL);
}

/* Reviewers check whole folders of reports: the files are independent, so every core
 * works (the format and the compiled patterns are shared read-only). */
static void
check_all (Job *jobs, guint n_jobs)
{
  GThreadPool *pool;

  if (n_jobs < 2 || g_get_num_processors () < 2)
    {
      for (guint i = 0; i < n_jobs; i++)
        check_one (&jobs[i], NULL);
      return;
    }
  pool = g_thread_pool_new (check_one, NULL, (int) MIN (g_get_num_processors (), n_jobs),
                            TRUE, NULL);
  for (guint i = 0; i < n_jobs; i++)
    g_thread_pool_push (pool, &jobs[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

int
nb_cli_check (int argc, char **argv)
{
  gboolean as_json = FALSE;
  g_autofree char *previous_path = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the findings as JSON"), NULL },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous_path,
      N_("Last year's report, for the cross-year checks"), N_("PREV") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean any_error = FALSE, any_unusable = FALSE;
  g_autofree Job *jobs = NULL;
  guint n_jobs;

  g_option_context_set_summary (context, _("Check reports and print their findings."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  if (files == NULL || files[0] == NULL)
    {
      nb_cli_error (_("check: name at least one report file"));
      return NB_CLI_UNUSABLE;
    }
  if (previous_path)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (previous_path);

      if (!(previous = nb_document_load (file, NULL, &error)))
        {
          nb_cli_error ("%s", error->message);
          return NB_CLI_UNUSABLE;
        }
    }

  n_jobs = g_strv_length (files);
  jobs = g_new0 (Job, n_jobs);
  for (guint i = 0; i < n_jobs; i++)
    jobs[i] = (Job) { files[i], previous, NULL, NULL };
  check_all (jobs, n_jobs);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_jobs; i++)
    {
      Job *job = &jobs[i];

      if (job->findings == NULL)
        {
          nb_cli_error ("%s", job->error);
          g_free (job->error);
          any_unusable = TRUE;
          continue;
        }
      /* An error the user overrode with a note does not fail the check. */
      any_error |= nb_findings_blocking (job->findings) > 0;
      if (as_json)
        add_json (builder, job->path, job->findings);
      else
        print_text (job->path, job->findings);
      g_ptr_array_unref (job->findings);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (as_json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }

  return any_unusable ? NB_CLI_UNUSABLE : any_error ? NB_CLI_FINDINGS : NB_CLI_OK;
}
