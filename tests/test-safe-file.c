/* test-safe-file.c — saves and exports that lose nothing; reads that refuse what no report is
 *
 * A full disk and a failing fsync come from nb-test-faults.c (no tmpfs or root needed);
 * interrupted saves from a child process killed with SIGKILL at a random moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "nb-document.h"
#include "nb-export.h"
#include "nb-import.h"
#include "nb-safe-file.h"
#include "nb-test-faults.h"
#include "nb-test-util.h"

typedef struct {
  char     *dir;
  NbReport *a;
  NbReport *b;
  char     *bytes_a;
  char     *bytes_b;
} Fixture;

/* Compares without printing two whole reports on failure. */
#define assert_same(a, b) g_assert_true (g_strcmp0 ((a), (b)) == 0)

static NbReport *
titled (const char *title)
{
  NbReport *report = nb_test_load_sample ();

  nb_report_set_text (report, NB_TEXT_TITLE, title);
  return report;
}

static void
fixture_set_up (Fixture *f, gconstpointer unused)
{
  f->dir = g_dir_make_tmp ("nb-safe-file-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->a = titled ("甲版本");
  f->b = titled ("乙版本（更长的标题，使两个版本的长度不同）");
  f->bytes_a = nb_document_serialize (f->a, NULL);
  f->bytes_b = nb_document_serialize (f->b, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer unused)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  nb_test_faults_disarm ();
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->a);
  g_object_unref (f->b);
  g_free (f->bytes_a);
  g_free (f->bytes_b);
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
contents (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("(missing)");
  return text;
}

static gboolean
save (NbReport *report, const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return nb_document_save (report, file, NULL, error);
}

/* Our temporaries (and GIO's) in the folder. */
static guint
count_temporaries (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)))
    n += strstr (name, ".nbtmp-") != NULL || strstr (name, ".goutputstream") != NULL;
  return n;
}

static guint
count_descriptors (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

/* How the saved file is reached: by its name, through a symlink, or as one of two names. */
typedef enum { VIA_NAME, VIA_SYMLINK, VIA_HARD_LINK } Via;

/* Returns the path to save to; *real is the file that holds the bytes. */
static char *
prepare (Fixture *f, Via via, char **real)
{
  *real = path_in (f, "report.nianbao");
  g_assert_true (save (f->a, *real, NULL));
  if (via == VIA_SYMLINK)
    {
      char *link = path_in (f, "link.nianbao");

      g_assert_cmpint (symlink ("report.nianbao", link), ==, 0);
      return link;
    }
  if (via == VIA_HARD_LINK)
    {
      g_autofree char *other = path_in (f, "other.nianbao");

      g_assert_cmpint (link (*real, other), ==, 0);
      return g_strdup (*real);
    }
  return g_strdup (*real);
}

/* A full disk refuses a save: the report and its backup stay whole, twice over. */
static void
test_full_disk (Fixture *f, gconstpointer data)
{
  Via via = GPOINTER_TO_INT (data);
  g_autofree char *real = NULL;
  g_autofree char *target = prepare (f, via, &real);
  g_autofree char *backup = g_strconcat (real, "~", NULL);
  NbTestFaults full = { .write_budget = 100, .write_errno = ENOSPC };
  g_autoptr(NbReport) c = titled ("丙版本");

  {
    g_autoptr(GError) error = NULL;

    save (f->b, target, &error);   /* report = b, backup = a */
    g_assert_no_error (error);
  }
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *now = NULL, *kept = NULL;

      full.write_budget = 100;
      nb_test_faults_arm (&full);
      g_assert_false (save (c, target, &error));
      nb_test_faults_disarm ();
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "No space left"));
      now = contents (real);
      kept = contents (backup);
      assert_same (now, f->bytes_b);
      assert_same (kept, f->bytes_a);
      g_assert_cmpuint (count_temporaries (f), ==, 0);
    }
  if (via == VIA_SYMLINK)
    {
      g_autofree char *link = g_file_read_link (target, NULL);

      g_assert_cmpstr (link, ==, "report.nianbao");
    }
  if (via == VIA_HARD_LINK)
    {
      g_autofree char *other = path_in (f, "other.nianbao");
      g_autofree char *text = contents (other);

      assert_same (text, f->bytes_a);   /* the other name keeps what it had */
    }
}

/* A failing fsync fails the save and the export, keeps the file, and leaks no descriptor. */
static void
test_fsync_failure (Fixture *f, gconstpointer unused)
{
  g_autofree char *target = path_in (f, "report.nianbao");
  g_autofree char *json = path_in (f, "report.json");
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  NbTestFaults eio = { .write_budget = -1, .fsync_errno = EIO };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) export_error = NULL;
  g_autofree char *now = NULL;
  guint before;

  g_assert_true (save (f->a, target, NULL));
  before = count_descriptors ();
  nb_test_faults_arm (&eio);
  g_assert_false (save (f->b, target, &error));
  g_assert_false (nb_export_json (f->b, json_file, &export_error));
  nb_test_faults_disarm ();
  g_assert_nonnull (strstr (error->message, "report.nianbao"));
  g_assert_nonnull (strstr (export_error->message, "report.json"));
  g_assert_cmpuint (count_descriptors (), ==, before);
  now = contents (target);
  assert_same (now, f->bytes_a);
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temporaries (f), ==, 0);
}

/* A folder we may not write in is named as such (root is refused by the fault hook). */
static void
test_read_only_folder (Fixture *f, gconstpointer unused)
{
  g_autofree char *target = path_in (f, "report.nianbao");
  NbTestFaults denied = { .write_budget = -1, .create_errno = EACCES };
  g_autoptr(GError) error = NULL;

  nb_test_faults_arm (&denied);
  g_assert_false (save (f->a, target, &error));
  nb_test_faults_disarm ();
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "read-only or you may not write in it"));
  g_assert_nonnull (strstr (error->message, f->dir));
  g_assert_null (strstr (error->message, "Backup"));
}

/* An export keeps a private (0600) file private; a save too. */
static void
test_mode_kept (Fixture *f, gconstpointer unused)
{
  g_autofree char *html = path_in (f, "report.html");
  g_autofree char *target = path_in (f, "report.nianbao");
  g_autoptr(GFile) file = g_file_new_for_path (html);
  struct stat st;

  g_assert_true (g_file_set_contents (html, "old", -1, NULL));
  g_assert_cmpint (g_chmod (html, 0600), ==, 0);
  g_assert_true (nb_export_html (f->a, file, FALSE, NULL));
  g_assert_cmpint (g_stat (html, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_true (save (f->a, target, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_true (save (f->b, target, NULL));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

typedef struct {
  char    *path;
  GString *read;
} FifoReader;

static gpointer
read_fifo (gpointer data)
{
  FifoReader *r = data;
  g_autoptr(GIOChannel) channel = g_io_channel_new_file (r->path, "r", NULL);
  g_autofree char *text = NULL;

  g_io_channel_set_encoding (channel, NULL, NULL);
  g_io_channel_read_to_end (channel, &text, NULL, NULL);
  g_string_append (r->read, text ? text : "");
  return NULL;
}

/* An export to /dev/null (through a symlink here) or to a FIFO writes into it: neither is
 * replaced by a plain file. */
static void
test_special_targets (Fixture *f, gconstpointer unused)
{
  g_autofree char *null_link = path_in (f, "null.json");
  g_autofree char *fifo = path_in (f, "fifo.json");
  g_autoptr(GFile) null_file = g_file_new_for_path (null_link);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autofree char *expected_path = path_in (f, "plain.json");
  g_autoptr(GFile) expected_file = g_file_new_for_path (expected_path);
  g_autofree char *expected = NULL;
  FifoReader reader = { fifo, g_string_new (NULL) };
  GThread *thread;
  struct stat st;

  g_assert_cmpint (symlink ("/dev/null", null_link), ==, 0);
  /* Some containers make /dev/null root's alone; the FIFO below tests the same path. */
  if (access ("/dev/null", W_OK) == 0)
    {
      g_assert_true (nb_export_json (f->a, null_file, NULL));
      g_assert_cmpint (lstat (null_link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
      g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }

  g_assert_true (nb_export_json (f->a, expected_file, NULL));
  expected = contents (expected_path);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  thread = g_thread_new ("fifo", read_fifo, &reader);
  g_assert_true (nb_export_json (f->a, fifo_file, NULL));
  g_thread_join (thread);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpstr (reader.read->str, ==, expected);
  g_string_free (reader.read, TRUE);
}

/* A FIFO or /dev/zero named as a report (or as last year's) is refused at once; a file
 * above the limit too. SIGALRM fails the test if anything blocks. */
static void
test_bounded_reads (Fixture *f, gconstpointer unused)
{
  g_autofree char *fifo = path_in (f, "fifo.nianbao");
  g_autofree char *huge = path_in (f, "huge.nianbao");
  g_autofree char *text = path_in (f, "huge.txt");
  const char *paths[] = { fifo, "/dev/zero", huge };
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fd = open (huge, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (ftruncate (fd, NB_SAFE_FILE_MAX_TEXT + 1), ==, 0);
  close (fd);
  g_assert_cmpint (link (huge, text), ==, 0);
  alarm (20);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_document_load (file, NULL, &error);
      g_autoptr(NbImport) import = nb_import_new ();
      g_autoptr(GError) import_error = NULL;

      g_assert_null (report);
      g_assert_nonnull (strstr (error->message, i < 2 ? "not a regular file" : "too large"));
      g_assert_false (nb_import_read_file (import, file, NB_IMPORT_AUTO, NULL, &import_error));
      g_assert_nonnull (import_error);
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (text);
    g_autoptr(NbImport) import = nb_import_new ();
    g_autoptr(GError) error = NULL;

    /* Text is bounded at 20 MB even though a PDF may be larger. */
    g_assert_false (nb_import_read_file (import, file, NB_IMPORT_AUTO, NULL, &error));
    g_assert_nonnull (strstr (error->message, "too large"));
  }
  /* A report can name any path as last year's: the reviewer's check must not hang on it. */
  {
    g_autofree char *base_path = path_in (f, "report.nianbao");
    g_autoptr(GFile) base = g_file_new_for_path (base_path);
    g_autoptr(GError) error = NULL;

    nb_report_set_text (f->a, NB_TEXT_PREVIOUS_FILE, "/dev/zero");
    g_assert_false (nb_document_load_previous (f->a, base, &error));
    g_assert_nonnull (strstr (error->message, "meta.previous.file"));
    g_assert_nonnull (strstr (error->message, "not a regular file"));
  }
  alarm (0);
}

/* Temporaries whose writer died are removed when a report of their folder is next opened;
 * one still being written (locked) is left alone, and so is a file not named as ours. */
static void
test_leftovers (Fixture *f, gconstpointer unused)
{
  g_autofree char *target = path_in (f, "report.nianbao");
  g_autofree char *dead = path_in (f, ".report.nianbao.nbtmp-abcdef");
  g_autofree char *live = path_in (f, ".report.nianbao.nbtmp-ghijkl");
  g_autofree char *other_dead = path_in (f, ".other.nianbao.nbtmp-abcdef");
  g_autofree char *not_ours = path_in (f, "notes.nbtmp-abcdef");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(NbReport) loaded = NULL;
  int fd;

  g_assert_true (save (f->a, target, NULL));
  g_assert_true (g_file_set_contents (dead, "half a rep", -1, NULL));
  g_assert_true (g_file_set_contents (other_dead, "x", -1, NULL));
  g_assert_true (g_file_set_contents (not_ours, "x", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  fd = open (live, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  loaded = nb_document_load (file, NULL, NULL);
  g_assert_nonnull (loaded);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other_dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  close (fd);
}

/* ---- kill -9 in the middle of saves and exports ------------------------------------------ */

typedef enum { KILL_SAVE, KILL_EXPORT } KillWhat;

static void
write_one (KillWhat what, NbReport *report, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (what == KILL_SAVE)
    nb_document_save (report, file, NULL, NULL);
  else
    nb_export_json (report, file, NULL);
}

static void
kill_loop (Fixture *f, KillWhat what, Via via)
{
  g_autofree char *real = path_in (f, "report.out");
  g_autofree char *target = NULL;
  g_autofree char *other = path_in (f, "other.out");
  g_autofree char *expect_a = NULL, *expect_b = NULL;
  guint rounds = 40, max_temps = 0;

  write_one (what, f->b, real);
  expect_b = contents (real);
  write_one (what, f->a, real);
  expect_a = contents (real);
  if (via == VIA_SYMLINK)
    {
      target = path_in (f, "link.out");
      g_assert_cmpint (symlink ("report.out", target), ==, 0);
    }
  else
    {
      target = g_strdup (real);
      g_assert_cmpint (link (real, other), ==, 0);
    }

  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *now = NULL;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint n = 0;; n++)
            write_one (what, n % 2 ? f->a : f->b, target);
        }
      g_usleep (g_random_int_range (0, 30000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      now = contents (real);
      if (g_strcmp0 (now, expect_a) != 0 && g_strcmp0 (now, expect_b) != 0)
        g_error ("round %u: the file is neither version (%zu bytes)", i, strlen (now));
      max_temps = MAX (max_temps, count_temporaries (f));
      if (via == VIA_SYMLINK)
        g_assert_true (g_file_test (target, G_FILE_TEST_IS_SYMLINK));
      else
        {
          g_autofree char *kept = contents (other);

          assert_same (kept, expect_a);
        }
    }
  g_assert_cmpuint (max_temps, <=, 1);
  /* The next start: opening the report (or the next export) clears what a kill left. */
  if (what == KILL_SAVE)
    {
      g_autoptr(GFile) file = g_file_new_for_path (target);
      g_autoptr(NbReport) loaded = nb_document_load (file, NULL, NULL);

      g_assert_nonnull (loaded);
    }
  else
    write_one (what, f->a, target);
  g_assert_cmpuint (count_temporaries (f), ==, 0);
}

static void
test_kill (Fixture *f, gconstpointer data)
{
  int n = GPOINTER_TO_INT (data);

  kill_loop (f, n / 2, n % 2 ? VIA_HARD_LINK : VIA_SYMLINK);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)
  ADD ("/safe-file/full-disk/name", test_full_disk, VIA_NAME);
  ADD ("/safe-file/full-disk/symlink", test_full_disk, VIA_SYMLINK);
  ADD ("/safe-file/full-disk/hard-link", test_full_disk, VIA_HARD_LINK);
  ADD ("/safe-file/fsync-failure", test_fsync_failure, 0);
  ADD ("/safe-file/read-only-folder", test_read_only_folder, 0);
  ADD ("/safe-file/mode-kept", test_mode_kept, 0);
  ADD ("/safe-file/special-targets", test_special_targets, 0);
  ADD ("/safe-file/bounded-reads", test_bounded_reads, 0);
  ADD ("/safe-file/leftovers", test_leftovers, 0);
  ADD ("/safe-file/kill/save-symlink", test_kill, KILL_SAVE * 2);
  ADD ("/safe-file/kill/save-hard-link", test_kill, KILL_SAVE * 2 + 1);
  ADD ("/safe-file/kill/export-symlink", test_kill, KILL_EXPORT * 2);
  ADD ("/safe-file/kill/export-hard-link", test_kill, KILL_EXPORT * 2 + 1);
#undef ADD
  return g_test_run ();
}
