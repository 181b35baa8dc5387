/* test-import-fidelity.c — how faithfully real and synthetic reports are imported
 *
 * Every NAME.expected.json in tests/data/fidelity/ (the published reports of
 * ../shared/corpus/, copied, and small synthetic inputs of each shape the importer reads)
 * names its input and the cells and defects a careful reader finds in it. Each input is
 * imported, saved and loaded back (as nianbao-cli import then check would), checked, and
 * compared: cells exact / expected, numbers invented (a figure where the source has another
 * or none), defects found / expected, unexpected errors and warnings. The figures are
 * printed per input and in total; every input must import, and none may have an invented
 * number or an unexpected error or warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <math.h>

#include "nb-checks.h"
#include "nb-document.h"
#include "nb-import.h"
#include "nb-test-util.h"

typedef struct {
  guint exact, total, invented, found, wanted, unexpected, failed;
} Score;

static char *
data_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "fidelity", NULL);
}

/* The expected value of a cell: TRUE and *value, or FALSE for null (blank in the source). */
static gboolean
expected_value (JsonNode *node, double *value)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    *value = g_ascii_strtod (json_node_get_string (node), NULL);
  else
    *value = json_node_get_double (node);
  return TRUE;
}

static void
score_cell (NbReport *report, const char *key, JsonNode *node, Score *score, GString *log)
{
  int index = nb_format_cell_index (key);
  const NbCell *cell;
  double want = 0, got;
  gboolean has_want = expected_value (node, &want);

  score->total++;
  if (index < 0)
    {
      g_string_append_printf (log, "  unknown key %s\n", key);
      return;
    }
  cell = nb_report_get_cell (report, index);
  if (cell->state != NB_CELL_VALUE)
    {
      if (!has_want)
        score->exact++;
      else
        g_string_append_printf (log, "  %s: not read (source %g)\n", key, want);
      return;
    }
  got = nb_format_cell (index)->unit == NB_UNIT_MONEY ? cell->value / 10000.0 : (double) cell->value;
  if (has_want && fabs (got - want) < 1e-6)
    score->exact++;
  else if (has_want && nb_format_cell (index)->unit == NB_UNIT_MONEY && cell->raw &&
           fabs (g_ascii_strtod (cell->raw, NULL) - want) < 1e-9)
    score->exact++;             /* a fee with more decimals than 元 holds, kept as written */
  else
    {
      char source[G_ASCII_DTOSTR_BUF_SIZE] = "blank";

      if (has_want)
        g_ascii_dtostr (source, sizeof source, want);
      score->invented++;
      g_string_append_printf (log, "  %s: INVENTED %g (source %s)\n", key, got, source);
    }
}

static void
score_cells (NbReport *report, JsonObject *expected, Score *score, GString *log)
{
  static const char *const tables[] = { "s2", "s3", "s4" };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      JsonObject *table = json_object_get_object_member (expected, tables[t]);
      g_autoptr(GList) keys = table ? json_object_get_members (table) : NULL;

      for (GList *k = keys; k; k = k->next)
        {
          JsonNode *node = json_object_get_member (table, k->data);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *row = json_node_get_object (node);
              g_autoptr(GList) cols = json_object_get_members (row);

              for (GList *c = cols; c; c = c->next)
                {
                  g_autofree char *key = g_strdup_printf ("%s.%s.%s", tables[t], (char *) k->data, (char *) c->data);

                  score_cell (report, key, json_object_get_member (row, c->data), score, log);
                }
            }
          else
            {
              g_autofree char *key = g_strdup_printf ("%s.%s", tables[t], (char *) k->data);

              score_cell (report, key, node, score, log);
            }
        }
    }
}

/* The rules of the hand-found defects ("R-T4-01"; several in one string are all wanted). */
static GHashTable *
wanted_rules (JsonObject *expected)
{
  GHashTable *rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *issues = json_object_get_array_member (expected, "issues");
  g_autoptr(GRegex) id = g_regex_new ("R-[A-Z0-9]+-\\d+", 0, 0, NULL);

  for (guint i = 0; issues && i < json_array_get_length (issues); i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);
      const char *rule = json_object_get_string_member_with_default (issue, "rule", "");
      g_autoptr(GMatchInfo) match = NULL;

      if (strstr (rule, "artefact"))
        continue;
      for (g_regex_match (id, rule, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        g_hash_table_add (rules, g_match_info_fetch (match, 0));
    }
  return rules;
}

static void
score_findings (NbReport *report, JsonObject *expected, Score *score, GString *log)
{
  g_autoptr(GHashTable) wanted = wanted_rules (expected);
  g_autoptr(GHashTable) got = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) unexpected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) findings = nb_checks_run (report, NULL);
  JsonArray *optional = json_object_has_member (expected, "optional_rules")
                          ? json_object_get_array_member (expected, "optional_rules") : NULL;
  GHashTableIter iter;
  gpointer rule;

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);
      gboolean allowed = g_hash_table_contains (wanted, f->rule);

      g_hash_table_add (got, f->rule);
      for (guint o = 0; optional && o < json_array_get_length (optional); o++)
        allowed |= g_str_equal (json_array_get_string_element (optional, o), f->rule);
      if (f->severity != NB_SEVERITY_INFO && !allowed && g_hash_table_add (unexpected, f->rule))
        g_string_append_printf (log, "  unexpected %s %s %s: %s\n", nb_severity_id (f->severity), f->rule,
                                f->where, f->message);
    }
  score->wanted += g_hash_table_size (wanted);
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &rule, NULL))
    {
      if (g_hash_table_contains (got, rule))
        score->found++;
      else
        g_string_append_printf (log, "  missed %s\n", (char *) rule);
    }
  score->unexpected += g_hash_table_size (unexpected);
}

/* Import, save and load back: what a check of the saved file sees. NULL when the import
 * fails (the message goes to @log). */
static NbReport *
import_and_reload (const char *path, GString *log)
{
  g_autoptr(NbImport) import = nb_import_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  NbReport *loaded;

  if (!nb_import_read_file (import, file, NB_IMPORT_AUTO, NULL, &error))
    {
      g_string_append_printf (log, "  IMPORT FAILED: %s\n", error->message);
      return NULL;
    }
  saved = nb_document_serialize (nb_import_get_report (import), NULL);
  loaded = nb_document_parse (saved, -1, path, &error);
  g_assert_no_error (error);
  return loaded;
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
test_fidelity (void)
{
  g_autofree char *dir = data_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Score all = { 0 };
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_suffix (name, ".expected.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  g_assert_cmpuint (names->len, >=, 5);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *expected_path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) log = g_string_new (NULL);
      g_autoptr(NbReport) report = NULL;
      g_autofree char *input = NULL;
      JsonObject *expected;
      Score score = { 0 };

      json_parser_load_from_file (parser, expected_path, &error);
      g_assert_no_error (error);
      expected = json_node_get_object (json_parser_get_root (parser));
      input = g_build_filename (dir, json_object_get_string_member (expected, "file"), NULL);
      report = import_and_reload (input, log);
      if (report == NULL)
        {
          /* Nothing read: every cell counts as not read, no defect as found. */
          g_autoptr(GHashTable) wanted = wanted_rules (expected);
          g_autoptr(GString) unread = g_string_new (NULL);

          report = nb_report_new ();
          for (guint c = 0; c < nb_format_n_cells (); c++)
            nb_report_set_blank (report, c, NULL);
          score.failed++;
          score_cells (report, expected, &score, unread);
          score.wanted += g_hash_table_size (wanted);
        }
      else
        {
          score_cells (report, expected, &score, log);
          score_findings (report, expected, &score, log);
        }

      g_test_message ("%s: cells %u/%u exact, invented %u; defects %u/%u; unexpected errors/warnings %u\n%s",
                      json_object_get_string_member (expected, "file"), score.exact, score.total,
                      score.invented, score.found, score.wanted, score.unexpected, log->str);
      all.exact += score.exact;
      all.total += score.total;
      all.invented += score.invented;
      all.found += score.found;
      all.wanted += score.wanted;
      all.unexpected += score.unexpected;
      all.failed += score.failed;
    }
  g_test_message ("total: cells %u/%u (%.1f%%), invented %u, defects %u/%u, unexpected errors/warnings %u, "
                  "imports failed %u", all.exact, all.total, 100.0 * all.exact / MAX (all.total, 1), all.invented,
                  all.found, all.wanted, all.unexpected, all.failed);
  g_assert_cmpuint (all.failed, ==, 0);
  g_assert_cmpuint (all.invented, ==, 0);
  g_assert_cmpuint (all.unexpected, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/fidelity", test_fidelity);
  return g_test_run ();
}
