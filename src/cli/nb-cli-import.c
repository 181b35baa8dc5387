/* nb-cli-import.c — nianbao-cli import [--format KIND] INPUT -o OUT.nianbao
 *
 * Reads a published report (web page text, HTML or PDF) and writes a .nianbao document,
 * then says what it read: cells found, blank, not found, and the labels it accepted
 * under an older name. A report in the 2019 trial layout is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nb-document.h"
#include "nb-import.h"
#include "nb-cli.h"

static gboolean
parse_kind (const char *name, NbImportKind *kind)
{
  static const struct { const char *name; NbImportKind kind; } kinds[] = {
    { "auto", NB_IMPORT_AUTO }, { "text", NB_IMPORT_TEXT },
    { "html", NB_IMPORT_HTML }, { "pdf", NB_IMPORT_PDF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (name, kinds[i].name))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static void
print_cells (NbImport *import, NbImportCellState state, const char *heading)
{
  gboolean any = FALSE;

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      g_autofree char *name = NULL;

      if (nb_import_get_cell_state (import, i) != state)
        continue;
      if (!any)
        printf ("%s\n", heading);
      any = TRUE;
      name = nb_import_cell_name (i);
      printf ("  %-28s %s\n", nb_format_cell (i)->key, name);
    }
}

static void
print_summary (NbImport *import)
{
  NbReport *report = nb_import_get_report (import);
  GPtrArray *notes = nb_import_get_notes (import);
  guint found = nb_import_count (import, NB_IMPORT_CELL_FOUND);
  guint resolved = nb_import_count (import, NB_IMPORT_CELL_RESOLVED);
  guint blank = nb_import_count (import, NB_IMPORT_CELL_BLANK);
  guint missing = nb_import_count (import, NB_IMPORT_CELL_MISSING);
  guint sections = 0;
  g_autofree char *title = nb_cli_escape (nb_report_get_text (report, NB_TEXT_TITLE));
  g_autofree char *agency = nb_cli_escape (nb_report_get_text (report, NB_TEXT_AGENCY));

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    sections += nb_report_get_section_present (report, s);
  /* The title and agency come from the imported page: no escape sequence reaches the
   * terminal. */
  printf (_("Title: %s\n"), title);
  printf (_("Agency: %s (%s), year %d\n"), agency,
          nb_format_level_name (nb_report_get_level (report)), nb_report_get_year (report));
  if (nb_import_get_level_note (import))
    printf (_("Agency level undecided: %s\n"), nb_import_get_level_note (import));
  printf (_("Sections found: %u of %u; headed parts of section 1: %u\n"), sections,
          NB_N_SECTIONS, nb_report_get_n_parts (report));
  printf (_("Cells found: %u, blank: %u, not found: %u\n"), found + resolved, blank, missing);
  if (resolved)
    printf (_("  of which %u were run together and split by the table's arithmetic\n"), resolved);
  print_cells (import, NB_IMPORT_CELL_BLANK, _("Blank cells (left blank):"));
  print_cells (import, NB_IMPORT_CELL_MISSING, _("Cells not found (left blank, enter them):"));
  for (guint i = 0; notes && i < notes->len; i++)
    {
      const NbImportNote *note = g_ptr_array_index (notes, i);
      g_autofree char *line = nb_import_note_describe (note);
      g_autofree char *safe = nb_cli_escape (line);

      printf ("%s\n", safe);
    }
}

int
nb_cli_import (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *kind_name = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to OUT.nianbao"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("Input format: auto, text, html or pdf (default: auto)"), N_("KIND") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("INPUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) out = NULL;
  NbImportKind kind = NB_IMPORT_AUTO;

  g_option_context_set_summary (context, _("Import a published report (web page text, HTML or PDF)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      nb_cli_error (_("import: name exactly one input file"));
      return NB_CLI_UNUSABLE;
    }
  if (output == NULL)
    {
      nb_cli_error (_("import: name the output file with -o OUT.nianbao"));
      return NB_CLI_UNUSABLE;
    }
  if (kind_name && !parse_kind (kind_name, &kind))
    {
      nb_cli_error (_("import: unknown format “%s”"), kind_name);
      return NB_CLI_UNUSABLE;
    }

  input = g_file_new_for_commandline_arg (files[0]);
  if (!nb_import_read_file (import, input, kind, NULL, &error))
    {
      nb_cli_error ("%s: %s", files[0], error->message);
      return NB_CLI_UNUSABLE;
    }
  print_summary (import);

  out = g_file_new_for_commandline_arg (output);
  if (!nb_document_save (nb_import_get_report (import), out, NULL, &error))
    {
      nb_cli_error ("%s", error->message);
      return NB_CLI_UNUSABLE;
    }
  return NB_CLI_OK;
}
