/* nb-test-util.c — what the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-test-util.h"

#include <glib/gstdio.h>

#include "nb-checks.h"

NbReport *
nb_test_load_sample (void)
{
  const char *path = g_getenv ("NB_SAMPLE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  report = nb_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

NbReport *
nb_test_clean_sample (void)
{
  NbReport *report = nb_test_load_sample ();

  nb_report_set_value (report, nb_format_cell_index ("s3.na_need_create.total"), 0);
  return report;
}

void
nb_test_set (NbReport *report, const char *key, gint64 value)
{
  int index = nb_format_cell_index (key);

  g_assert_cmpint (index, >=, 0);
  nb_report_set_value (report, index, value);
}

guint
nb_test_count_rule (GPtrArray *findings, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (rule == NULL || g_str_equal (f->rule, rule))
        n++;
    }
  return n;
}

const NbFinding *
nb_test_find_rule (GPtrArray *findings, const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule))
        return f;
    }
  return NULL;
}

GPtrArray *
nb_test_table_lines (NbReport *report, NbTableId id, const char *separator)
{
  const NbTableDef *table = nb_format_table (id);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = NULL;
  guint row = 0;

  for (guint i = 0; i < table->n_items; i++)
    {
      const NbGridItem *item = &table->items[i];

      if (line && item->row != row)
        {
          g_ptr_array_add (lines, g_string_free (line, FALSE));
          line = NULL;
        }
      row = item->row;
      if (line)
        g_string_append (line, separator);
      else
        line = g_string_new (NULL);
      if (item->kind == NB_GRID_VALUE)
        {
          g_autofree char *value = nb_report_format_cell (report, item->cell);

          g_string_append (line, value);
        }
      else
        g_string_append (line, item->text);
    }
  if (line)
    g_ptr_array_add (lines, g_string_free (line, FALSE));
  return lines;
}

char *
nb_test_init_export (int *argc, char ***argv, const char *name)
{
  g_autofree char *template = g_strdup_printf ("nb-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir;

  g_test_init (argc, argv, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", "1736040600", TRUE);
  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  return dir;
}

int
nb_test_finish_export (const char *dir, int status)
{
  g_autoptr(GDir) folder = NULL;
  const char *name;

  if (status != 0)
    return status;
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return status;
}
