/* test-fuzz-corpus.c — every fuzz target over its seeds and over every input that once
 * crashed it (tests/fuzz/corpus/TARGET, tests/fuzz/regressions/TARGET), in the ordinary
 * suite: a crash found by fuzzing stays fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-fuzz.h"

typedef int (*Target) (const uint8_t *data, size_t size);

static const struct {
  const char *name;
  Target      run;
} targets[] = {
  { "document", nb_fuzz_document },
  { "import", nb_fuzz_import },
  { "import-pdf", nb_fuzz_import_pdf },
  { "narrative", nb_fuzz_narrative },
};

static guint
run_folder (const char *kind, guint t)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", kind, targets[t].name, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (name[0] == '.' || !g_file_get_contents (path, &data, &length, NULL))
        continue;
      g_test_message ("%s %s", targets[t].name, name);
      targets[t].run ((const uint8_t *) data, length);
      n++;
    }
  return n;
}

static void
test_target (gconstpointer data)
{
  guint t = GPOINTER_TO_UINT (data);

  /* Every target has seeds: an empty folder would make this test prove nothing. */
  g_assert_cmpuint (run_folder ("corpus", t), >, 0);
  run_folder ("regressions", t);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *path = g_strdup_printf ("/fuzz-corpus/%s", targets[t].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (t), test_target);
    }
  return g_test_run ();
}
