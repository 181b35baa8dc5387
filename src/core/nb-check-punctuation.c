/* nb-check-punctuation.c — R-X-09: half-width punctuation in Chinese prose
 *
 * The marks are the ones nb_punctuation_fix () replaces, so the finding and its one-click
 * fix (规范标点 on the same field) always agree: after the fix the finding is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-check-private.h"

#include <string.h>

#include "nb-punctuation.h"

/* Characters of context shown on each side of the first mark. */
#define EXCERPT_CHARS 4

/* Byte range of the first character that nb_punctuation_fix () changed. The fix replaces
 * one character by one character, so both texts advance character by character. */
static gboolean
first_change (const char *text, const char *fixed, int *start, int *end)
{
  const char *a = text, *b = fixed;

  while (*a && *b)
    {
      const char *next_a = g_utf8_next_char (a), *next_b = g_utf8_next_char (b);

      if (next_a - a != next_b - b || memcmp (a, b, (gsize) (next_a - a)) != 0)
        {
          *start = (int) (a - text);
          *end = (int) (next_a - text);
          return TRUE;
        }
      a = next_a;
      b = next_b;
    }
  return FALSE;
}

/* Characters an excerpt may add so as not to cut a number or a Latin word in two. */
#define EXCERPT_WORD_CHARS 12

/* A few characters either side of [start, end), on the mark's own line; a number or a
 * Latin word at either edge is shown whole (“2024年,政府”, not “024年,政府”). */
static char *
excerpt (const char *text, int start, int end)
{
  const char *from = text + start, *to = text + end;

  for (guint i = 0; from > text; i++)
    {
      const char *prev = g_utf8_prev_char (from);

      if (*prev == '\n' ||
          (i >= EXCERPT_CHARS && !(g_ascii_isalnum (*prev) && g_ascii_isalnum (*from))) ||
          i >= EXCERPT_CHARS + EXCERPT_WORD_CHARS)
        break;
      from = prev;
    }
  for (guint i = 0; *to && *to != '\n'; i++)
    {
      if ((i >= EXCERPT_CHARS && !(g_ascii_isalnum (*to) && to > text && g_ascii_isalnum (to[-1]))) ||
          i >= EXCERPT_CHARS + EXCERPT_WORD_CHARS)
        break;
      to = g_utf8_next_char (to);
    }
  return g_strndup (from, (gsize) (to - from));
}

/* One finding for the field @text (with @extra, a part's heading, counted with it). */
static void
check_field (NbCheckContext *ctx, const char *where, int part, const char *name,
             const char *extra, const char *text)
{
  guint n = 0, n_extra = 0;
  g_autofree char *fixed = NULL;
  g_autofree char *fixed_extra = NULL;
  g_autofree char *shown = NULL;
  NbFinding *finding;
  int start = -1, end = -1;

  if (text == NULL)
    text = "";
  fixed = nb_punctuation_fix (text, &n);
  if (extra)
    fixed_extra = nb_punctuation_fix (extra, &n_extra);
  if (n + n_extra == 0)
    return;
  if (n_extra > 0 && first_change (extra, fixed_extra, &start, &end))
    {
      shown = excerpt (extra, start, end);
      start = end = -1;         /* spans point into the text, not the heading */
    }
  else if (first_change (text, fixed, &start, &end))
    shown = excerpt (text, start, end);
  else
    shown = g_strdup ("");

  finding = nb_check_add (ctx, "R-X-09", NB_SEVERITY_WARNING, where,
                          "%s有%u处半角标点（如“%s”），公开文本应使用全角标点。",
                          name, n + n_extra, shown);
  finding->part = part;
  /* Spans point into narrative texts only (nb-finding.h): not the title, the contact
   * lines or the notes under the tables. */
  if (start >= 0 && (g_str_equal (where, "s1") || g_str_equal (where, "s5") ||
                     g_str_equal (where, "s6") || g_str_equal (where, "meta.preamble")))
    {
      finding->span_start = start;
      finding->span_end = end;
    }
}

static void
check_parts (NbCheckContext *ctx)
{
  static const char *const ordinals[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  };

  for (guint i = 0; i < nb_report_get_n_parts (ctx->report); i++)
    {
      const NbPart *part = nb_report_get_part (ctx->report, i);
      g_autofree char *name = i < G_N_ELEMENTS (ordinals)
                              ? g_strdup_printf ("第一部分（%s）", ordinals[i])
                              : g_strdup_printf ("第一部分第%u项", i + 1);

      check_field (ctx, "s1", (int) i, name, part->heading, part->text);
    }
}

void
nb_check_punctuation (NbCheckContext *ctx)
{
  static const struct {
    NbTextField  field;
    const char  *where;
    const char  *name;
  } fields[] = {
    { NB_TEXT_TITLE, "meta.title", "标题" },
    { NB_TEXT_PREAMBLE, "meta.preamble", "前言" },
    { NB_TEXT_CONTACT, "meta.contact", "联系方式" },
    { NB_TEXT_S1_INTRO, "s1", "第一部分" },
    { NB_TEXT_S2_NOTE, "s2", "第二部分表注" },
    { NB_TEXT_S3_NOTE, "s3", "第三部分表注" },
    { NB_TEXT_S4_NOTE, "s4", "第四部分表注" },
    { NB_TEXT_S5, "s5", "第五部分" },
    { NB_TEXT_S6, "s6", "第六部分" },
  };
  if (ctx->legacy || ctx->options->tables_only)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      check_field (ctx, fields[i].where, -1, fields[i].name, NULL,
                   nb_report_get_text (ctx->report, fields[i].field));
      /* The headed parts of 一 follow its intro, in the order of the report. */
      if (fields[i].field == NB_TEXT_S1_INTRO)
        check_parts (ctx);
    }
}
