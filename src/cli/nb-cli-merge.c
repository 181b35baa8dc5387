/* nb-cli-merge.c — nianbao-cli merge -o OUT [--force] [--explain KEY] FILE…
 *
 * A region's figures: the three tables of its reports summed into a new document whose
 * metadata lists each source with its agency and checksum. --explain lists what each
 * source gave to one cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nb-cli.h"
#include "nb-document.h"
#include "nb-merge.h"

int
nb_cli_merge (int argc, char **argv)
{
  g_autofree char *output = NULL, *explain_key = NULL, *agency = NULL, *level_id = NULL;
  gboolean force = FALSE;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The merged report (.nianbao)"),
      N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Merge sources that have errors without a note too"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_STRING, &explain_key,
      N_("Print what each source gives to a cell (s3.new.total)"), N_("KEY") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Agency of the merged report"),
      N_("NAME") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_id,
      N_("Level of the merged report (default county_gov)"), N_("LEVEL") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(NbReport) merged = NULL;
  g_autofree char *explanation = NULL;
  NbMergeOptions options = { "", NB_LEVEL_COUNTY_GOV, FALSE, -1 };

  g_option_context_set_summary (context,
                                _("Sum the tables of several reports of one year into a new report."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  if (files == NULL || files[0] == NULL)
    {
      nb_cli_error (_("merge: name the reports to merge"));
      return NB_CLI_UNUSABLE;
    }
  if (output == NULL && explain_key == NULL)
    {
      nb_cli_error (_("merge: name the merged report with -o OUT.nianbao"));
      return NB_CLI_UNUSABLE;
    }
  if (explain_key && (options.explain_cell = nb_format_cell_index (explain_key)) < 0)
    {
      nb_cli_error (_("--explain: “%s” is not a cell of the 2021 format (e.g. s3.new.total)"),
                    explain_key);
      return NB_CLI_UNUSABLE;
    }
  if (level_id && (int) (options.level = nb_format_level_from_id (level_id)) < 0)
    {
      nb_cli_error (_("--level: unknown agency level “%s”"), level_id);
      return NB_CLI_UNUSABLE;
    }
  options.agency = agency ? agency : "";
  options.force = force;

  for (guint i = 0; files[i]; i++)
    g_ptr_array_add (paths, files[i]);
  if (!(merged = nb_merge_files (paths, &options, &explanation, &error)))
    {
      nb_cli_error ("%s", error->message);
      return g_error_matches (error, NB_MERGE_ERROR, NB_MERGE_ERROR_SOURCE_ERRORS)
        ? NB_CLI_FINDINGS : NB_CLI_UNUSABLE;
    }
  if (explanation)
    printf ("%s", explanation);
  if (output)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!nb_document_save (merged, file, NULL, &error))
        {
          nb_cli_error ("%s", error->message);
          return NB_CLI_UNUSABLE;
        }
      /* TRANSLATORS: how many reports, then the file written */
      g_printerr (_("nianbao-cli: merged %u reports into %s\n"), paths->len, output);
    }
  return NB_CLI_OK;
}
