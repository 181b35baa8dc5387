/* nb-narrative.h — figures in the prose of a report
 *
 * A figure is a number with its unit (件, 条, 次, %, 元, 万元 …), Chinese numerals included
 * (一件, 两件, 十二件). Approximate figures (2万余条, 100余条, 约300人) are marked so that no
 * equality rule uses them. Each figure knows its byte span and the clause and sentence it
 * stands in: clauses end at ，；。 (not at 、), sentences at 。；; (rules.md §F.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

typedef enum {
  NB_FIGURE_JIAN,               /* 件 */
  NB_FIGURE_TIAO,               /* 条 */
  NB_FIGURE_CI,                 /* 次, 人次 */
  NB_FIGURE_GE,                 /* 个, 项, 家, 份, 篇 */
  NB_FIGURE_PERCENT,            /* % ％ */
  NB_FIGURE_YUAN,               /* 元 */
  NB_FIGURE_WANYUAN,            /* 万元 */
  NB_N_FIGURE_UNITS,
} NbFigureUnit;

typedef struct {
  int          start;           /* byte span of number and unit in the text */
  int          end;
  gint64       value;           /* scaled by 10^decimals: 36.54% → 3654, decimals 2 */
  guint        decimals;
  NbFigureUnit unit;
  gboolean     approximate;     /* 余, 多, 约, 近, 左右 … */
  int          clause_start;    /* the clause around it */
  int          clause_end;
  int          sentence_start;
  int          sentence_end;
} NbFigure;

/* The figures of @text[start, end), offsets relative to @text. Returns an array of NbFigure. */
GArray     *nb_narrative_figures        (const char *text,
                                         int         start,
                                         int         end);

/* 一 → 1, 两 → 2, 十二 → 12, 一百零五 → 105, 二〇二四 → 2024. FALSE when not a numeral. */
gboolean    nb_narrative_parse_chinese  (const char *text,
                                         gsize       length,
                                         gint64     *value);

/* Byte ranges of the paragraphs (lines) of @text, as pairs start, end. */
GArray     *nb_narrative_paragraphs     (const char *text);

/* Whether @needle occurs in @text[start, end). */
gboolean    nb_narrative_contains       (const char *text,
                                         int         start,
                                         int         end,
                                         const char *needle);

/* The first of the |-separated @alternatives in @text[start, end): its offset, or −1. */
int         nb_narrative_find_any       (const char *text,
                                         int         start,
                                         int         end,
                                         const char *alternatives,
                                         const char **which);

/* The statistics period stated in @text (rules.md R-F-07): compared as dates, whatever the
 * wording — 2024年1月1日至2024年12月31日, 自…起至…止, 从…起，至…止, …—…, …到…, the year
 * not repeated before 12月31日, full-width digits and the spaces a PDF puts between digits
 * and Chinese. Fills year, month, day of start then end; FALSE when no period is stated. */
gboolean    nb_narrative_find_period    (const char *text,
                                         int         date[6]);

/* A share stated in section 一 (“予以公开19件，占36.54%”) and the base it was found to
 * be computed on (rules.md §F.3): the UI shows which denominator matched. */
typedef struct {
  const char *where;            /* "s1" */
  int         part;             /* −1 intro, else the headed part */
  int         span_start;       /* the percentage in that text */
  int         span_end;
  gint64      stated;           /* scaled: 3654 */
  guint       decimals;
  gint64      count;            /* the count it is a share of: 19 */
  gint64      base;             /* the matching denominator: 52; 0 when none matched */
  const char *base_name;        /* "本年新收", "本年新收及上年结转", "办理结果总计"; NULL */
  const char *item;             /* "予以公开", or NULL when the count names nothing known */
} NbShare;

/* The shares of the paragraphs about applications, checked: an array of NbShare. */
GArray     *nb_narrative_shares         (NbReport   *report);

G_END_DECLS
