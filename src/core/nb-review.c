/* nb-review.c — a reviewer's check of many reports, one report in memory at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-checks.h"
#include "nb-document.h"
#include "nb-review.h"

struct _NbReviewPrevious {
  GHashTable *files;            /* "normalised agency\nyear" → path */
  GPtrArray  *problems;         /* "file: reason" */
};

void
nb_review_row_free (NbReviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->file);
  g_free (row->agency);
  g_free (row->rules);
  g_clear_pointer (&row->findings, g_ptr_array_unref);
  g_free (row->previous);
  g_free (row->note);
  g_free (row->error);
  g_free (row);
}

static gboolean
is_document_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  return g_str_has_suffix (lower, ".nianbao");
}

static gboolean
is_report_name (const char *name)
{
  static const char *const suffixes[] = { ".nianbao", ".txt", ".html", ".htm", ".pdf" };
  g_autofree char *lower = g_utf8_strdown (name, -1);

  if (name[0] == '.')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

NbReport *
nb_review_load (GFile *file, NbImport **import, GError **error)
{
  g_autoptr(NbImport) importer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = g_file_get_basename (file);

  if (import)
    *import = NULL;
  if (is_document_name (base))
    return nb_document_load (file, NULL, error);

  importer = nb_import_new ();
  if (!nb_import_read_file (importer, file, NB_IMPORT_AUTO, NULL, &local_error) &&
      !g_error_matches (local_error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_LEGACY))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* TRANSLATORS: the file, then why */
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), name,
                   local_error->message);
      return NULL;
    }
  /* The 2019 layout is still a report: R-F-03 says what is wrong with it. */
  if (import)
    *import = g_object_ref (importer);
  return g_object_ref (nb_import_get_report (importer));
}

char *
nb_review_file_sha256 (GFile *file, GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[65536];
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                                   error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Agencies are matched as the importer matches labels: NFKC, no whitespace. */
static char *
previous_key (const char *agency, int year)
{
  g_autofree char *normal = nb_import_normalize (agency);

  return g_strdup_printf ("%s\n%d", normal, year);
}

NbReviewPrevious *
nb_review_previous_new (GFile *dir, GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  NbReviewPrevious *self;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, error);
  if (children == NULL)
    return NULL;
  self = g_new0 (NbReviewPrevious, 1);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_autoptr(GError) local_error = NULL;
      g_autoptr(NbReport) report = NULL;
      g_autofree char *path = g_file_get_parse_name (child);
      char *key;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !is_report_name (g_file_info_get_name (info)))
        continue;
      /* Only the agency and the year are kept: the report goes at once. */
      if (!(report = nb_review_load (child, NULL, &local_error)))
        {
          g_ptr_array_add (self->problems, g_strdup (local_error->message));
          continue;
        }
      key = previous_key (nb_report_get_text (report, NB_TEXT_AGENCY),
                          nb_report_get_year (report));
      if (g_hash_table_contains (self->files, key))
        {
          /* TRANSLATORS: a file of last year's folder, then the one kept */
          g_ptr_array_add (self->problems,
                           g_strdup_printf (_("%s: a second report of the same agency and year; “%s” is used"),
                                            path, (char *) g_hash_table_lookup (self->files, key)));
          g_free (key);
          continue;
        }
      g_hash_table_insert (self->files, key, g_steal_pointer (&path));
    }
  return self;
}

void
nb_review_previous_free (NbReviewPrevious *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->files);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

const GPtrArray *
nb_review_previous_get_problems (NbReviewPrevious *self)
{
  return self->problems;
}

/* g_ptr_array_sort hands pointers to the elements. */
static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

GPtrArray *
nb_review_collect (const char *const *paths)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR) || !(dir = g_dir_open (paths[i], 0, NULL)))
        {
          /* A file, or a folder that cannot be listed: reading it says why. */
          g_ptr_array_add (out, g_strdup (paths[i]));
          continue;
        }
      names = g_ptr_array_new ();
      while ((name = g_dir_read_name (dir)) != NULL)
        if (is_report_name (name))
          g_ptr_array_add (names, g_build_filename (paths[i], name, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (out, g_ptr_array_index (names, j));
    }
  return out;
}

/* Attaches last year's report: the one of the same agency in --previous-dir, else the one
 * the document names (as nianbao-cli check does). A problem becomes the row's note. */
static void
attach_previous (NbReviewRow *row, NbReport *report, GFile *file, NbReviewPrevious *previous)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  const char *path = NULL;

  if (previous)
    {
      key = previous_key (row->agency, row->year - 1);
      path = g_hash_table_lookup (previous->files, key);
    }
  if (path)
    {
      g_autoptr(GFile) previous_file = g_file_new_for_path (path);
      g_autoptr(NbReport) last = nb_review_load (previous_file, NULL, &error);

      if (last && nb_document_attach_previous (report, last, &error))
        row->previous = g_strdup (path);
    }
  else if (!row->imported && nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE)[0])
    {
      if (nb_document_load_previous (report, file, &error))
        row->previous = g_strdup (nb_report_get_text (report, NB_TEXT_PREVIOUS_FILE));
    }
  if (error)
    row->note = g_strdup_printf (_("Last year’s report not used: %s"), error->message);
}

static char *
rules_fired (GPtrArray *findings)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      if (g_ptr_array_find_with_equal_func (seen, f->rule, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, f->rule);
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, f->rule);
    }
  return g_string_free (out, FALSE);
}

NbReviewRow *
nb_review_file (const char *path, NbReviewPrevious *previous)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImport) import = NULL;
  g_autoptr(NbReport) report = NULL;
  NbReviewRow *row = g_new0 (NbReviewRow, 1);

  row->file = g_strdup (path);
  row->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      row->agency = g_strdup ("");
      row->rules = g_strdup ("");
      row->error = g_strdup_printf (_("%s: a folder that cannot be listed"), path);
      return row;
    }
  if (!(report = nb_review_load (file, &import, &error)))
    {
      row->agency = g_strdup ("");
      row->rules = g_strdup ("");
      row->error = g_strdup (error->message);
      return row;
    }
  row->agency = g_strdup (nb_report_get_text (report, NB_TEXT_AGENCY));
  row->year = nb_report_get_year (report);
  row->imported = import != NULL;
  if (import)
    row->n_unread = nb_import_count (import, NB_IMPORT_CELL_MISSING);
  attach_previous (row, report, file, previous);
  g_ptr_array_unref (row->findings);
  row->findings = nb_checks_run (report, NULL);
  nb_findings_count (row->findings, row->counts);
  row->rules = rules_fired (row->findings);
  return row;
}

typedef struct {
  GPtrArray        *paths;
  NbReviewPrevious *previous;
  NbReviewRow     **rows;
  gint              next;       /* the next input to take, atomically */
} Batch;

/* Each worker takes the next input when it is done with its report. */
static gpointer
review_worker (gpointer data)
{
  Batch *batch = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&batch->next, 1)) < batch->paths->len)
    batch->rows[i] = nb_review_file (g_ptr_array_index (batch->paths, i), batch->previous);
  return NULL;
}

GPtrArray *
nb_review_run (GPtrArray *paths, NbReviewPrevious *previous)
{
  Batch batch = { paths, previous, g_new0 (NbReviewRow *, MAX (paths->len, 1)), 0 };
  guint n_workers = MIN (g_get_num_processors (), MAX (paths->len, 1));
  g_autofree GThread **workers = g_new0 (GThread *, n_workers);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_review_row_free);

  /* The format and the compiled patterns are shared read-only, as in nianbao-cli check. */
  for (guint w = 1; w < n_workers; w++)
    workers[w] = g_thread_new ("review", review_worker, &batch);
  review_worker (&batch);
  for (guint w = 1; w < n_workers; w++)
    g_thread_join (workers[w]);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (rows, batch.rows[i]);
  g_free (batch.rows);
  return rows;
}
