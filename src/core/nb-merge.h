/* nb-merge.h — a region's figures: the three tables of several reports summed
 *
 * The sources must be reports of one year in the 2021 format. Cell by cell, the merged
 * value is the sum of the sources' values, and a cell blank in every source stays blank.
 * Because every total of the format is a sum of its parts, the merged tables pass the
 * arithmetic rules whenever the sources do. The merged report lists each source (file,
 * agency, SHA-256) in its metadata. Sources are read on every core, one report per worker
 * at a time: memory does not grow with their number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_MERGE_ERROR (nb_merge_error_quark ())

typedef enum {
  NB_MERGE_ERROR_UNREADABLE,    /* a source could not be read */
  NB_MERGE_ERROR_MIXED,         /* sources of different years or formats */
  NB_MERGE_ERROR_SOURCE_ERRORS, /* a source has errors and force was not given */
  NB_MERGE_ERROR_OVERFLOW,      /* a sum beyond the largest value a cell holds */
} NbMergeError;

typedef struct {
  const char    *agency;        /* of the merged report; "" to fill in later */
  NbAgencyLevel  level;
  gboolean       force;         /* merge sources that have errors (without a note) too */
  int            explain_cell;  /* the cell whose contributions to list, or −1 */
} NbMergeOptions;

GQuark     nb_merge_error_quark (void);

/* Returns the merged report, or NULL with an error that lists every source at fault.
 * With options->explain_cell ≥ 0 and @explanation, *explanation lists each source's value
 * of that cell and the sum. */
NbReport  *nb_merge_files       (GPtrArray             *paths,
                                 const NbMergeOptions  *options,
                                 char                 **explanation,
                                 GError               **error);

G_END_DECLS
