/* nb-check-cross-year.c — this year against last year's report: R-T3-07, R-X-03, R-X-04
 *
 * R-T2-01, R-T2-06, R-T3-04 and R-T3-12 live with their tables (nb-check-tables.c). All
 * rules here are skipped when last year is not attached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-narrative.h"

#include <string.h>

#include "nb-import.h"

static gboolean
previous (NbCheckContext *ctx, const char *key, gint64 *value)
{
  return nb_check_previous (ctx, nb_format_cell_index (key), value, NULL);
}

/* R-T3-07: a stated 同比 change of the applications received. */
static void
check_trend (NbCheckContext *ctx, const NbNarrativeText *t, GArray *figures, guint index)
{
  const NbFigure *f = &g_array_index (figures, NbFigure, index);
  gint64 now[2], last[2], p_new, p_in;
  const char *word = NULL;
  gboolean bound = FALSE, down;
  gint64 stated, q = 0;
  g_autofree char *shown = NULL, *computed = NULL;

  if (nb_narrative_find_any (t->text, f->clause_start, f->clause_end, "同比|较上年|比上年", NULL) < 0 ||
      nb_narrative_find_any (t->text, f->clause_start, f->start, "增长|增加|上升|减少|下降", &word) < 0)
    return;
  /* The figure it speaks of: a count of applications received, earlier in the sentence. */
  for (guint i = index; i-- > 0;)
    {
      const NbFigure *g = &g_array_index (figures, NbFigure, i);
      NbRequestTarget target;

      if (g->sentence_start != f->sentence_start)
        break;
      if (g->unit != NB_FIGURE_JIAN)
        continue;
      target = nb_check_request_target (t->text, figures, i);
      bound = target == NB_TARGET_NEW || target == NB_TARGET_RECEIVED;
      break;
    }
  if (!bound || !previous (ctx, "s3.new.total", &p_new))
    return;
  if (!previous (ctx, "s3.carry_in.total", &p_in))
    p_in = -1;

  down = g_str_equal (word, "减少") || g_str_equal (word, "下降");
  stated = down ? -f->value : f->value;
  now[0] = nb_check_value (ctx, "s3.new.total");
  last[0] = p_new;
  now[1] = now[0] + nb_check_value (ctx, "s3.carry_in.total");
  last[1] = p_in >= 0 ? p_new + p_in : 0;
  for (guint k = 0; k < 2; k++)
    {
      gint64 c;

      if (nb_check_percent (now[k] - last[k], last[k], f->decimals, &c) && ABS (c - stated) <= 1)
        return;
    }
  if (!nb_check_percent (now[0] - last[0], last[0], f->decimals, &q))
    return;
  shown = nb_check_format_scaled (f->value, f->decimals);
  /* Said the other way round when the direction itself is wrong. */
  computed = nb_check_format_scaled ((q < 0) == down ? ABS (q) : q, f->decimals);
  nb_check_add_span (ctx, "R-T3-07", NB_SEVERITY_WARNING, t, f->start, f->end,
                     "正文称同比%s%s%%，按上年%" G_GINT64_FORMAT "件、本年%" G_GINT64_FORMAT
                     "件计算应为%s%%。", down ? "减少" : "增长", shown, last[0], now[0], computed);
}

static void
check_trends (NbCheckContext *ctx)
{
  g_autoptr(GArray) texts = nb_check_s1_texts (ctx);

  for (guint i = 0; i < texts->len; i++)
    {
      const NbNarrativeText *t = &g_array_index (texts, NbNarrativeText, i);
      g_autoptr(GArray) paragraphs = nb_narrative_paragraphs (t->text);

      for (guint p = 0; p + 1 < paragraphs->len; p += 2)
        {
          int start = g_array_index (paragraphs, int, p), end = g_array_index (paragraphs, int, p + 1);
          g_autoptr(GArray) figures = NULL;

          if (!nb_check_is_request_paragraph (t->text, start, end))
            continue;
          figures = nb_narrative_figures (t->text, start, end);
          for (guint f = 0; f < figures->len; f++)
            if (g_array_index (figures, NbFigure, f).unit == NB_FIGURE_PERCENT &&
                !g_array_index (figures, NbFigure, f).approximate)
              check_trend (ctx, t, figures, f);
        }
    }
}

/* The character 5-grams of a text, whitespace and punctuation aside. */
static GHashTable *
shingles (const char *text)
{
  g_autofree char *norm = nb_import_normalize (text);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  int n;

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    if (!g_unichar_ispunct (g_utf8_get_char (p)))
      {
        int at = p - norm;

        g_array_append_val (starts, at);
      }
  n = starts->len;
  for (int i = 0; i + 5 <= n; i++)
    {
      GString *gram = g_string_new (NULL);

      for (int k = 0; k < 5; k++)
        {
          const char *c = norm + g_array_index (starts, int, i + k);

          g_string_append_len (gram, c, g_utf8_next_char (c) - c);
        }
      g_hash_table_add (set, g_string_free (gram, FALSE));
    }
  return set;
}

/* Jaccard similarity in percent; −1 when a text is too short to judge. */
static int
similarity (const char *a, const char *b)
{
  g_autoptr(GHashTable) x = shingles (a);
  g_autoptr(GHashTable) y = shingles (b);
  GHashTableIter iter;
  gpointer key;
  guint common = 0, all;

  /* A sentence or two (“未收取信息处理费”) is alike every year and says nothing. */
  if (g_hash_table_size (x) < 40 || g_hash_table_size (y) < 40)
    return -1;
  g_hash_table_iter_init (&iter, x);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    common += g_hash_table_contains (y, key);
  all = g_hash_table_size (x) + g_hash_table_size (y) - common;
  return (int) ((guint64) common * 100 / all);
}

/* R-X-03: narrative sections copied from last year. */
static void
check_repeated_text (NbCheckContext *ctx, NbReport *prev)
{
  g_autofree char *s1 = nb_report_dup_s1_text (ctx->report);
  g_autofree char *prev_s1 = nb_report_dup_s1_text (prev);
  const struct { guint section; const char *now; const char *last; } sections[] = {
    { 0, s1, prev_s1 },
    { 4, nb_report_get_text (ctx->report, NB_TEXT_S5), nb_report_get_text (prev, NB_TEXT_S5) },
    { 5, nb_report_get_text (ctx->report, NB_TEXT_S6), nb_report_get_text (prev, NB_TEXT_S6) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const NbSectionDef *section = nb_format_section (sections[i].section);
      int r = similarity (sections[i].now, sections[i].last);

      if (r >= 80)
        nb_check_add (ctx, "R-X-03", NB_SEVERITY_WARNING, section->id,
                      "第%s部分与上年年报文字重复率为%d%%，请避免内容雷同。", section->ordinal, r);
    }
}

/* R-X-04: every table figure as last year, some of them not zero. */
static void
check_copied_tables (NbCheckContext *ctx)
{
  gboolean any_nonzero = FALSE;

  for (guint i = 0; i < nb_format_n_cells (); i++)
    {
      gint64 last;

      /* Copied means alike, blanks included: here a blank compares as itself. */
      if (!nb_report_previous_value (ctx->report, i, &last, NULL) ||
          last != nb_report_value (ctx->report, i))
        return;
      any_nonzero |= last != 0;
    }
  if (any_nonzero)
    nb_check_add (ctx, "R-X-04", NB_SEVERITY_WARNING, "s2", "本年表格数据与上年完全相同，请核实是否更新。");
}

void
nb_check_cross_year (NbCheckContext *ctx)
{
  NbReport *prev = nb_report_get_previous (ctx->report);

  if (!nb_report_has_previous (ctx->report))
    return;
  if (!ctx->legacy)
    check_trends (ctx);
  if (prev)
    check_repeated_text (ctx, prev);
  check_copied_tables (ctx);
}
