/* nb-fuzz.c — invariants shared by the fuzz targets (see nb-fuzz.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-document.h"

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
check_spans (NbReport *report, GPtrArray *findings, const char *who)
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
          g_printerr ("%s: %s has a span [%d, %d) outside its text in %s\n",
                      who, f->rule, f->span_start, f->span_end, f->where);
          abort ();
        }
    }
}

void
nb_fuzz_check_spans (NbReport *report, const char *who)
{
  g_autoptr(GPtrArray) findings = nb_checks_run (report, NULL);

  check_spans (report, findings, who);
}

void
nb_fuzz_round_trip (NbReport *report, const char *who)
{
  g_autoptr(NbReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  first = nb_document_serialize (report, &length);
  again = nb_document_parse (first, length, "fuzz", &error);
  if (again == NULL)
    {
      g_printerr ("%s: a report does not load again after a save: %s\n", who, error->message);
      abort ();
    }
  second = nb_document_serialize (again, NULL);
  if (!g_str_equal (first, second))
    {
      g_printerr ("%s: a save, a load and a save again give different bytes\n", who);
      abort ();
    }
}

/* Every number of @text as the importer reads it: grouping commas and the space of
 * "130 024" left out, then each run of digits with its decimals ("7926.3139"). A plain
 * scan: a regular expression here took 70 % of the harness's time. */
static void
collect_numbers (const char *text, GHashTable *seen)
{
  g_autofree char *digits = g_strdelimit (g_strdup (text), ",", ' ');
  GString *plain = g_string_new (NULL);

  for (const char *p = digits; *p; p++)
    if (!(*p == ' ' && p > digits && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])))
      g_string_append_c (plain, *p);
  for (const char *p = plain->str; *p;)
    {
      const char *start = p;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          ;
      g_hash_table_add (seen, g_strndup (start, p - start));
      /* "-1" is read as a negative count, which R-F-06 then reports. */
      if (start > plain->str && start[-1] == '-')
        g_hash_table_add (seen, g_strndup (start - 1, p - start + 1));
    }
  g_string_free (plain, TRUE);
}

gboolean
nb_fuzz_values_in_input (NbImport *import, const char *input, gsize length, const char **bad)
{
  NbReport *report = nb_import_get_report (import);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *valid = NULL;
  g_autofree char *nfkc = NULL;

  if (report == NULL)
    return TRUE;
  valid = g_utf8_make_valid (input, length);
  nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  collect_numbers (nfkc ? nfkc : valid, seen);
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
