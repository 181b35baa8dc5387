/* nb-cli-review.c — nianbao-cli review [--previous-dir DIR] [-o OUT] DIR-or-FILE…
 *
 * A reviewer's pass over a whole folder: a row per report with its counts and rules, the
 * findings of each, and every input that could not be read with the reason. Without -o the
 * review is printed; -o writes HTML, or CSV when the name ends in .csv.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nb-cli.h"
#include "nb-review-export.h"
#include "nb-review.h"

static void
print_row (const NbReviewRow *row)
{
  if (row->error)
    {
      printf (_("%s\n  cannot be read: %s\n"), row->file, row->error);
      return;
    }
  printf ("%s\n  %s %d  ", row->file, row->agency[0] ? row->agency : "-", row->year);
  printf (_("%u errors, %u warnings, %u notes"), row->counts[NB_SEVERITY_ERROR],
          row->counts[NB_SEVERITY_WARNING], row->counts[NB_SEVERITY_INFO]);
  printf ("  %s\n", row->rules);
  if (row->imported)
    printf (_("  imported: %u table cells could not be read\n"), row->n_unread);
  if (row->previous)
    printf (_("  compared with last year’s %s\n"), row->previous);
  if (row->note)
    printf ("  %s\n", row->note);
  for (guint i = 0; i < row->findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (row->findings, i);

      printf ("    %s %-7s %-28s %s\n", nb_severity_name (f->severity), f->rule, f->where,
              f->message);
    }
}

int
nb_cli_review (int argc, char **argv)
{
  g_autofree char *previous_dir = NULL, *output = NULL;
  g_auto(GStrv) inputs = NULL;
  GOptionEntry entries[] = {
    { "previous-dir", 0, 0, G_OPTION_ARG_FILENAME, &previous_dir,
      N_("Last year's reports: each report is checked against its agency's"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the review as HTML, or CSV when the name ends in .csv"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("DIR-or-FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReviewPrevious) previous = NULL;
  g_autoptr(GPtrArray) paths = NULL, rows = NULL;
  const GPtrArray *problems = NULL;
  gboolean any_error = FALSE, any_unreadable = FALSE;

  g_option_context_set_summary (context,
                                _("Check every report of a folder (.nianbao, published text, HTML or PDF) and list the findings of each."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  if (inputs == NULL || inputs[0] == NULL)
    {
      nb_cli_error (_("review: name a folder or report files"));
      return NB_CLI_UNUSABLE;
    }
  if (previous_dir)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (previous_dir);

      if (!(previous = nb_review_previous_new (dir, &error)))
        {
          nb_cli_error (_("--previous-dir %s: %s"), previous_dir, error->message);
          return NB_CLI_UNUSABLE;
        }
      problems = nb_review_previous_get_problems (previous);
      for (guint i = 0; i < problems->len; i++)
        nb_cli_error (_("last year’s folder: %s"), (char *) g_ptr_array_index (problems, i));
    }

  paths = nb_review_collect ((const char *const *) inputs);
  /* A review written into the folder it reviews is no report to read the next time. */
  if (output)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      for (guint i = paths->len; i-- > 0;)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_ptr_array_index (paths, i));

          if (g_file_equal (file, out))
            g_ptr_array_remove_index (paths, i);
        }
    }
  if (paths->len == 0)
    {
      nb_cli_error (_("review: no report (.nianbao, .txt, .html, .htm, .pdf) in %s"), inputs[0]);
      return NB_CLI_UNUSABLE;
    }
  rows = nb_review_run (paths, previous);
  for (guint i = 0; i < rows->len; i++)
    {
      const NbReviewRow *row = g_ptr_array_index (rows, i);

      any_unreadable |= row->error != NULL;
      any_error |= row->findings && nb_findings_blocking (row->findings) > 0;
      if (row->error)
        nb_cli_error ("%s", row->error);
      if (output == NULL)
        print_row (row);
    }
  if (output)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!nb_review_export (rows, problems, file, &error))
        {
          nb_cli_error ("%s", error->message);
          return NB_CLI_UNUSABLE;
        }
    }
  return any_unreadable ? NB_CLI_UNUSABLE : any_error ? NB_CLI_FINDINGS : NB_CLI_OK;
}
