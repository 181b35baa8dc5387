/* nb-drafts.c — recovery copies of unsaved reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "nb-document.h"
#include "nb-drafts.h"
#include "nb-safe-file.h"

#define DRAFT_SUFFIX ".nianbao"
#define SOURCE_SUFFIX ".source"

char *
nb_drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
}

static char *
draft_file (const char *id, const char *suffix)
{
  g_autofree char *dir = nb_drafts_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

char *
nb_drafts_path (const char *id)
{
  return draft_file (id, DRAFT_SUFFIX);
}

/* Every write of a draft goes through here: the one place to change how files are saved. */
static gboolean
write_file (const char *path, const char *data, gssize length, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (length < 0)
    length = strlen (data);
  return nb_safe_file_write (file, data, length, NB_SAFE_FILE_NONE, error);
}

gboolean
nb_drafts_write (const char *id, NbReport *report, GFile *source, GError **error)
{
  g_autofree char *dir = nb_drafts_dir ();
  g_autofree char *path = draft_file (id, DRAFT_SUFFIX);
  g_autofree char *source_path = draft_file (id, SOURCE_SUFFIX);
  g_autofree char *data = NULL;
  gsize length = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  data = nb_document_serialize (report, &length);
  if (!write_file (path, data, length, error))
    return FALSE;
  if (source != NULL)
    {
      g_autofree char *uri = g_file_get_uri (source);

      return write_file (source_path, uri, -1, error);
    }
  g_unlink (source_path);
  return TRUE;
}

NbReport *
nb_drafts_load (const char *id, GFile **source, GError **error)
{
  g_autofree char *path = draft_file (id, DRAFT_SUFFIX);
  g_autofree char *source_path = draft_file (id, SOURCE_SUFFIX);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbReport *report = nb_document_load (file, NULL, error);

  if (source != NULL)
    *source = (report != NULL && g_file_get_contents (source_path, &uri, NULL, NULL) &&
               *uri != '\0') ? g_file_new_for_uri (uri) : NULL;
  return report;
}

void
nb_drafts_remove (const char *id)
{
  g_autofree char *path = NULL;
  g_autofree char *source_path = NULL;

  if (id == NULL)
    return;
  path = draft_file (id, DRAFT_SUFFIX);
  source_path = draft_file (id, SOURCE_SUFFIX);
  g_unlink (path);
  g_unlink (source_path);
}

void
nb_drafts_set_aside (const char *id)
{
  g_autofree char *path = draft_file (id, DRAFT_SUFFIX);
  g_autofree char *broken = g_strconcat (path, ".broken", NULL);

  if (g_rename (path, broken) != 0)
    g_warning ("Could not rename %s: %s", path, g_strerror (errno));
}

GPtrArray *
nb_drafts_list (void)
{
  g_autofree char *dir_path = nb_drafts_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return ids;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, DRAFT_SUFFIX))
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX)));
  return ids;
}

char *
nb_drafts_describe (const char *id)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(NbReport) report = nb_drafts_load (id, &source, NULL);
  const char *agency;
  g_autofree char *file = NULL;

  if (report == NULL)
    return g_strdup (_("A recovery copy that cannot be read"));
  agency = nb_report_get_text (report, NB_TEXT_AGENCY);
  if (agency == NULL || *agency == '\0')
    agency = _("No agency");
  file = source != NULL ? g_file_get_basename (source) : g_strdup (_("never saved"));
  /* TRANSLATORS: agency, year of the report, file name */
  return g_strdup_printf (_("%s, %d (%s)"), agency, nb_report_get_year (report), file);
}
