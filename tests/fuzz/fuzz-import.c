/* fuzz-import.c — a libFuzzer target for the importer
 *
 * Build with clang -fsanitize=fuzzer,address (tests/meson.build does when the compiler
 * supports it) and run over a corpus such as tests/data/. The same entry point runs in
 * the normal test suite through test-fuzz-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-document.h"

gboolean
nb_fuzz_values_in_input (NbImport *import, const char *input, gsize length, const char **bad)
{
  NbReport *report = nb_import_get_report (import);
  g_autoptr(GRegex) numbers = g_regex_new ("[0-9]+(?:\\.[0-9]+)?", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *valid = g_utf8_make_valid (input, length);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  g_autofree char *digits = NULL;

  if (report == NULL)
    return TRUE;
  /* Grouping commas (130,024) are not part of the number the cell holds. */
  digits = g_strdelimit (g_strdup (nfkc ? nfkc : valid), ",", ' ');
  {
    GString *plain = g_string_new (NULL);

    for (const char *p = digits; *p; p++)
      if (!(*p == ' ' && p > digits && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]) &&
            g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])))
        g_string_append_c (plain, *p);
    g_free (digits);
    digits = g_string_free (plain, FALSE);
  }
  g_regex_match (numbers, digits, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (seen, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      const NbCell *cell = nb_report_get_cell (report, i);
      g_autofree char *text = NULL;

      if (nb_import_get_cell_state (import, i) == NB_IMPORT_CELL_MISSING && cell->state != NB_CELL_BLANK)
        {
          *bad = nb_format_cell (i)->key;
          return FALSE;
        }
      if (nb_import_get_cell_state (import, i) != NB_IMPORT_CELL_FOUND || cell->state != NB_CELL_VALUE)
        continue;
      text = nb_report_format_cell (report, i);
      if (!g_hash_table_contains (seen, text))
        {
          *bad = nb_format_cell (i)->key;
          return FALSE;
        }
    }
  return TRUE;
}

/* The text a finding's span is in, or NULL. */
static const char *
span_field (NbReport *report, const NbFinding *f)
{
  if (g_str_equal (f->where, "s1"))
    return f->part < 0 ? nb_report_get_text (report, NB_TEXT_S1_INTRO)
         : (guint) f->part < nb_report_get_n_parts (report) ? nb_report_get_part (report, f->part)->text : NULL;
  if (g_str_equal (f->where, "s5"))
    return nb_report_get_text (report, NB_TEXT_S5);
  if (g_str_equal (f->where, "s6"))
    return nb_report_get_text (report, NB_TEXT_S6);
  if (g_str_equal (f->where, "meta.preamble"))
    return nb_report_get_text (report, NB_TEXT_PREAMBLE);
  return NULL;
}

/* The editor underlines each span: it must lie in its field, on character boundaries. */
static void
check_spans (NbReport *report, GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      const char *text;

      if (f->span_start < 0)
        continue;
      text = span_field (report, f);
      if (text == NULL || f->span_end <= f->span_start || (gsize) f->span_end > strlen (text) ||
          !g_utf8_validate (text + f->span_start, f->span_end - f->span_start, NULL) ||
          (text[f->span_end] & 0xC0) == 0x80)
        {
          g_printerr ("fuzz-import: %s has a span [%d, %d) outside its text in %s\n",
                      f->rule, f->span_start, f->span_end, f->where);
          abort ();
        }
    }
}

/* What was read must survive the checks and a save and load. */
static void
exercise (NbImport *import, const char *input, gsize length)
{
  NbReport *report = nb_import_get_report (import);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(NbReport) again = NULL;
  g_autofree char *json = NULL;
  const char *bad = NULL;
  gsize json_length;

  if (report == NULL)
    return;
  if (!nb_fuzz_values_in_input (import, input, length, &bad))
    {
      g_printerr ("fuzz-import: cell %s holds a number that is not in the input\n", bad);
      abort ();
    }
  findings = nb_checks_run (report, NULL);
  check_spans (report, findings);
  json = nb_document_serialize (report, &json_length);
  again = nb_document_parse (json, json_length, "fuzz", NULL);
  if (again == NULL)
    {
      g_printerr ("fuzz-import: an imported report does not load again\n");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const NbImportKind kinds[] = { NB_IMPORT_TEXT, NB_IMPORT_HTML, NB_IMPORT_AUTO };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(NbImport) import = nb_import_new ();
      g_autoptr(GError) error = NULL;

      nb_import_read_bytes (import, bytes, kinds[k], &error);
      /* Markup can carry any number as an entity; the text reader must not invent. */
      if (kinds[k] == NB_IMPORT_TEXT)
        exercise (import, (const char *) data, size);
      else if (nb_import_get_report (import))
        {
          g_autoptr(GPtrArray) findings = nb_checks_run (nb_import_get_report (import), NULL);

          check_spans (nb_import_get_report (import), findings);
        }
    }
  return 0;
}
