/* nb-cli-export.c — nianbao-cli export --to pdf|html|json|docx [--fragment] [--force]
 *                  [--font-title|--font-body|--font-heading|--font-kaiti FAMILIES] [-o OUT] FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-cli.h"
#include "nb-document.h"
#include "nb-export.h"

/* report.nianbao → report.pdf, beside the input. */
static char *
default_output (const char *input, const char *extension)
{
  g_autofree char *base = g_strdup (input);
  char *dot = strrchr (base, '.');
  char *slash = strrchr (base, '/');

  if (dot && (!slash || dot > slash))
    *dot = '\0';
  return g_strconcat (base, ".", extension, NULL);
}

/* rules.md, Severity: an error blocks the export unless the user overrode it with a note.
 * Lists the blocking errors on stderr and returns how many there are. */
static guint
report_blocking (NbReport *report)
{
  g_autoptr(GPtrArray) findings = nb_checks_run (report, NULL);
  guint n = nb_findings_blocking (findings);

  if (n == 0)
    return 0;
  nb_cli_error (g_dngettext (GETTEXT_PACKAGE,
                             "export: the report has %u error without a note; fix it, add an override with a note, or use --force:",
                             "export: the report has %u errors without a note; fix them, add overrides with notes, or use --force:",
                             n), n);
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      g_autofree char *message = NULL;

      if (f->severity != NB_SEVERITY_ERROR || f->override_note != NULL)
        continue;
      message = nb_cli_escape (f->message);
      g_printerr ("  %s %s %s\n", f->rule, f->where, message);
    }
  return n;
}

int
nb_cli_export (int argc, char **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  gboolean fragment = FALSE;
  gboolean force = FALSE;
  g_autofree char *font_title = NULL, *font_body = NULL, *font_heading = NULL, *font_kaiti = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to, N_("Format to write: pdf, html, json or docx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (default: beside the input)"), N_("OUT") },
    { "fragment", 0, 0, G_OPTION_ARG_NONE, &fragment, N_("HTML: write only the body, with inline styles for a CMS"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Export even when errors without a note remain"), NULL },
    /* The fonts Preferences chooses in the window, for PDF and Word. */
    { "font-title", 0, 0, G_OPTION_ARG_STRING, &font_title, N_("PDF and Word: the title's font families, comma-separated, before the defaults"), N_("FAMILIES") },
    { "font-body", 0, 0, G_OPTION_ARG_STRING, &font_body, N_("PDF and Word: the body's font families, comma-separated, before the defaults"), N_("FAMILIES") },
    { "font-heading", 0, 0, G_OPTION_ARG_STRING, &font_heading, N_("PDF and Word: the section headings' font families, comma-separated, before the defaults"), N_("FAMILIES") },
    { "font-kaiti", 0, 0, G_OPTION_ARG_STRING, &font_kaiti, N_("PDF and Word: the run-in headings' (楷体) font families, comma-separated, before the defaults"), N_("FAMILIES") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(NbReport) report = NULL;
  NbPdfOptions options;
  gboolean ok;

  g_option_context_set_summary (context, _("Export a report as PDF, HTML, JSON or Word (.docx)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  if (to == NULL || !(g_str_equal (to, "pdf") || g_str_equal (to, "html") || g_str_equal (to, "json") ||
                      g_str_equal (to, "docx")))
    {
      nb_cli_error (_("export: say --to pdf, --to html, --to json or --to docx"));
      return NB_CLI_UNUSABLE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      nb_cli_error (_("export: name exactly one report file"));
      return NB_CLI_UNUSABLE;
    }

  input = g_file_new_for_commandline_arg (files[0]);
  if (!(report = nb_document_load (input, NULL, &error)))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  /* Exports show year-on-year figures when last year can be read; without it they are
   * still worth writing, so a missing file is a warning here. */
  if (!nb_document_load_previous (report, input, &error))
    {
      nb_cli_error ("%s", error->message);
      g_clear_error (&error);
    }
  if (!force && report_blocking (report) > 0)
    return NB_CLI_FINDINGS;
  if (output == NULL)
    output = default_output (files[0], to);
  out = g_file_new_for_commandline_arg (output);
  /* `-o x.nianbao x.nianbao` (or a default name equal to the input) would replace the
   * report with its export. */
  if (g_file_equal (input, out))
    {
      nb_cli_error (_("export: the output “%s” is the report itself; choose another name with -o"),
                    output);
      return NB_CLI_UNUSABLE;
    }

  /* HTML and JSON name no fonts of their own (the portal's style sheet decides). */
  if ((font_title || font_body || font_heading || font_kaiti) &&
      !(g_str_equal (to, "pdf") || g_str_equal (to, "docx")))
    nb_cli_error (_("export: --font-* applies to --to pdf and --to docx only; ignored"));
  options = (NbPdfOptions) {
    .font_title = font_title, .font_body = font_body, .font_heading = font_heading,
    .font_kaiti = font_kaiti,
  };
  if (g_str_equal (to, "pdf"))
    {
      ok = nb_export_pdf (report, out, &options, &error);
      for (guint i = 0; ok && options.resolved_fonts && options.resolved_fonts[i]; i++)
        g_printerr ("%s\n", options.resolved_fonts[i]);
      g_strfreev (options.resolved_fonts);
    }
  else if (g_str_equal (to, "html"))
    ok = nb_export_html (report, out, fragment, &error);
  else if (g_str_equal (to, "docx"))
    ok = nb_export_docx (report, out, &options, &error);
  else
    ok = nb_export_json (report, out, &error);

  if (!ok)
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  printf ("%s\n", output);
  return NB_CLI_OK;
}
