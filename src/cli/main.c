/* main.c — nianbao-cli: check, export and import reports without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nb-cli.h"
#include "nb-locale.h"

static const struct {
  const char   *name;
  NbCliCommand  run;
  const char   *summary;
} commands[] = {
  { "check", nb_cli_check, N_("Check reports and print their findings") },
  { "export", nb_cli_export, N_("Export a report as PDF, HTML or JSON") },
  { "import", nb_cli_import, N_("Import a published report (text, HTML or PDF)") },
  { "review", nb_cli_review, N_("Review a folder of reports: a row per report, the findings of each") },
  { "merge", nb_cli_merge, N_("Sum the tables of several reports of one year into a new report") },
};

char *
nb_cli_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c >= 0x80 && c < 0xa0)          /* C1: U+009B is a CSI of its own */
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

void
nb_cli_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = nb_cli_escape (message);
  g_printerr ("nianbao-cli: %s\n", escaped);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: nianbao-cli COMMAND [OPTION…] FILE…"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “nianbao-cli COMMAND --help” for the options of a command."));
}

int
main (int argc, char **argv)
{
  /* Run from the build folder, the catalogues compiled there (nb-locale.h). */
  nb_locale_init ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? NB_CLI_UNUSABLE : NB_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("nianbao-cli %s\n", PACKAGE_VERSION);
      return NB_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  nb_cli_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return NB_CLI_UNUSABLE;
}
