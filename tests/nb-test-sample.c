/* nb-test-sample.c — loading the sample report in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-test-sample.h"

#include "nb-document.h"

NbReport *
nb_test_load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NB_SAMPLE"));
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return report;
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
