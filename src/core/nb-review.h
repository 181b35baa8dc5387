/* nb-review.h — a reviewer's check of many reports: a row per report
 *
 * Each input (a .nianbao document, or a published report as text, HTML or PDF read through
 * the importer) is read, checked and dropped before the next: the rows keep only the
 * agency, the year, the counts and the findings, so memory does not grow with the reports.
 * An input that cannot be read becomes a row with the reason; it never stops a review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-finding.h"
#include "nb-import.h"
#include "nb-report.h"

G_BEGIN_DECLS

typedef struct {
  char       *file;             /* the input as named on the command line or in the folder */
  char       *agency;           /* "" when unknown */
  int         year;             /* 0 when unreadable */
  gboolean    imported;         /* read through the importer (text, HTML, PDF) */
  guint       n_unread;         /* imported: table cells the importer could not read */
  guint       counts[NB_N_SEVERITIES];
  char       *rules;            /* the rules that fired, each once, space-separated */
  GPtrArray  *findings;         /* NbFinding, in the order of the checks */
  char       *previous;         /* last year's report the cross-year checks used, or NULL */
  char       *note;             /* a remark on the row (last year's file unusable …), or NULL */
  char       *error;            /* why the input could not be read; NULL when it was */
} NbReviewRow;

void             nb_review_row_free       (NbReviewRow        *row);

/* Last year's reports of a folder, by agency: only (agency, year, file) is kept. */
typedef struct _NbReviewPrevious NbReviewPrevious;

NbReviewPrevious *nb_review_previous_new  (GFile              *dir,
                                           GError            **error);
void             nb_review_previous_free  (NbReviewPrevious   *previous);
/* Files of the folder that could not be read, as "file: reason" (the review goes on). */
const GPtrArray *nb_review_previous_get_problems (NbReviewPrevious *previous);

/* Reads a report: a .nianbao document by its name (nb_document_load), anything else through
 * the importer (nb_import_read_file). A report in the 2019 trial layout is returned (its
 * checks say so). With @import, the importer is returned too (NULL for a document). */
NbReport        *nb_review_load           (GFile              *file,
                                           NbImport          **import,
                                           GError            **error);
/* The SHA-256 of a file's bytes, in hex, read in blocks. */
char            *nb_review_file_sha256    (GFile              *file,
                                           GError            **error);

/* The inputs named: a folder stands for its reports (.nianbao, .txt, .html, .htm, .pdf,
 * by name); a file stands for itself. Returns paths (owned strings). */
GPtrArray       *nb_review_collect        (const char *const  *paths);

/* Reads and checks one input; never NULL (row->error says why it could not be read).
 * @previous (may be NULL) supplies last year's report of the same agency. */
NbReviewRow     *nb_review_file           (const char         *path,
                                           NbReviewPrevious   *previous);

/* Reviews @paths on every core, at most one report per worker in memory; the rows come
 * back in the order of @paths. */
GPtrArray       *nb_review_run            (GPtrArray          *paths,
                                           NbReviewPrevious   *previous);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbReviewRow, nb_review_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbReviewPrevious, nb_review_previous_free)

G_END_DECLS
