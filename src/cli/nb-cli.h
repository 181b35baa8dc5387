/* nb-cli.h — the subcommands of nianbao-cli
 *
 * Exit codes: 0 success (no error, or each overridden with a note), 1 an error without a note,
 * 2 a file or an argument could not be used (message on stderr).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum {
  NB_CLI_OK = 0,
  NB_CLI_FINDINGS = 1,
  NB_CLI_UNUSABLE = 2,
};

typedef int (*NbCliCommand) (int argc, char **argv);

int  nb_cli_check     (int argc, char **argv);
int  nb_cli_export    (int argc, char **argv);
int  nb_cli_import    (int argc, char **argv);
int  nb_cli_review    (int argc, char **argv);
int  nb_cli_merge     (int argc, char **argv);

/* @text for a terminal: control characters (an escape sequence in a report's text would
 * be obeyed by the terminal) as \xNN or \uNNNN, invalid UTF-8 as U+FFFD. */
char *nb_cli_escape   (const char *text);

/* Prints "nianbao-cli: message" on stderr, escaped. */
void nb_cli_error     (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
