/* nb-check-narrative.h — what the narrative and cross-year rules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-check-private.h"
#include "nb-narrative.h"

G_BEGIN_DECLS

/* One narrative text of the report, as findings locate it. */
typedef struct {
  const char *where;            /* "s1", "s5", "s6", "meta.preamble" */
  int         part;             /* s1: −1 intro, else the headed part */
  const char *text;
} NbNarrativeText;

/* The texts of section 一: the intro, then each headed part. */
GArray      *nb_check_s1_texts           (NbCheckContext        *ctx);

/* Adds a finding located at @text[start, end) (start < 0: the whole text). */
NbFinding   *nb_check_add_span           (NbCheckContext        *ctx,
                                          const char            *rule,
                                          NbSeverity             severity,
                                          const NbNarrativeText *text,
                                          int                    start,
                                          int                    end,
                                          const char            *format,
                                          ...) G_GNUC_PRINTF (7, 8);

/* The figures of @text[start, end) bound to a label of table 三 (rules.md §F.2). */
typedef enum {
  NB_TARGET_NONE = -1,
  NB_TARGET_OPEN_AND_PARTIAL,
  NB_TARGET_CARRY_IN,
  NB_TARGET_CARRY_OUT,
  NB_TARGET_DENY,
  NB_TARGET_PARTIAL,
  NB_TARGET_OPEN,
  NB_TARGET_NOT_AVAILABLE,
  NB_TARGET_NOT_PROCESSED,
  NB_TARGET_OTHER,
  NB_TARGET_ORGS,
  NB_TARGET_PERSONS,
  NB_TARGET_LEGAL,
  NB_TARGET_RESEARCH,
  NB_TARGET_NGO,
  NB_TARGET_BUSINESS,
  NB_TARGET_RECEIVED,
  NB_TARGET_NEW,
  NB_TARGET_RESULTS,
  NB_N_TARGETS,
} NbRequestTarget;

/* Which table-三 figure the @index-th figure names, from the words of its own stretch
 * of clause. */
NbRequestTarget nb_check_request_target  (const char            *text,
                                          GArray                *figures,
                                          guint                  index);

/* "36.54" from 3654 and 2 decimals. */
char        *nb_check_format_scaled      (gint64                 value,
                                          guint                  decimals);

/* 100·num/den scaled by 10^decimals, rounded half away from zero. FALSE when den is 0. */
gboolean     nb_check_percent            (gint64                 num,
                                          gint64                 den,
                                          guint                  decimals,
                                          gint64                *scaled);

/* Whether a paragraph is about applications (R-T3-05 … R-T3-08 scan only those). */
gboolean     nb_check_is_request_paragraph (const char          *text,
                                          int                    start,
                                          int                    end);

G_END_DECLS
