/* nb-import.h — reading a published report (web page text, HTML, PDF) into a model
 *
 * The importer finds the title, the agency, the year, the preamble, the six sections, the
 * headed parts of 一 and every table cell, matching labels after NFKC normalisation
 * (format.md §7). It never guesses: a cell it cannot read stays blank and is listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_IMPORT_ERROR (nb_import_error_quark ())

typedef enum {
  NB_IMPORT_ERROR_UNREADABLE,   /* not a text, HTML or PDF document that can be read */
  NB_IMPORT_ERROR_NOT_A_REPORT, /* no section of the format was found */
  NB_IMPORT_ERROR_LEGACY,       /* the 2019 trial layout (R-F-03); the report is still kept */
} NbImportError;

typedef enum {
  NB_IMPORT_AUTO,               /* by content: %PDF, markup, else text */
  NB_IMPORT_TEXT,
  NB_IMPORT_HTML,
  NB_IMPORT_PDF,
} NbImportKind;

/* What became of each table cell. */
typedef enum {
  NB_IMPORT_CELL_MISSING,       /* not read: left blank, listed */
  NB_IMPORT_CELL_FOUND,         /* a value was read */
  NB_IMPORT_CELL_BLANK,         /* the source has the position, empty or a dash */
  NB_IMPORT_CELL_RESOLVED,      /* figures run together, split because only one reading fits */
} NbImportCellState;

/* Something the importer accepted that the checks report later (R-F-04, R-F-13), or the
 * figures of a 2019 single row （六）其他处理 (rule "R-F-03", where "s3.oth", actual the
 * seven figures separated by spaces), which table 三's column sums count. */
typedef struct {
  const char *rule;             /* "R-F-04" */
  char       *where;            /* a cell key or a section id */
  char       *actual;           /* the text as found */
  char       *canonical;        /* the label of the format, or NULL */
} NbImportNote;

#define NB_TYPE_IMPORT (nb_import_get_type ())
G_DECLARE_FINAL_TYPE (NbImport, nb_import, NB, IMPORT, GObject)

GQuark             nb_import_error_quark      (void);

NbImport          *nb_import_new              (void);

/* Each reader replaces what an earlier call read. On NB_IMPORT_ERROR_LEGACY the report is
 * still available (with its legacy markers set), for a caller that wants to show it. */
gboolean           nb_import_read_text        (NbImport      *self,
                                               const char    *text,
                                               gssize         length,
                                               GError       **error);
gboolean           nb_import_read_html        (NbImport      *self,
                                               const char    *data,
                                               gsize          length,
                                               GError       **error);
gboolean           nb_import_read_pdf         (NbImport      *self,
                                               GBytes        *bytes,
                                               GError       **error);
gboolean           nb_import_read_bytes       (NbImport      *self,
                                               GBytes        *bytes,
                                               NbImportKind   kind,
                                               GError       **error);
gboolean           nb_import_read_file        (NbImport      *self,
                                               GFile         *file,
                                               NbImportKind   kind,
                                               GCancellable  *cancellable,
                                               GError       **error);

/* The report read (owned by @self; take a reference to keep it); NULL before a read. */
NbReport          *nb_import_get_report       (NbImport      *self);
NbImportCellState  nb_import_get_cell_state   (NbImport      *self,
                                               guint          cell);
guint              nb_import_count            (NbImport      *self,
                                               NbImportCellState state);
/* NULL when the title decided the agency's level (people's government, office, department,
 * township, subdistrict); else a sentence for the import summary saying why not (a 管委会 or
 * a zone, no agency named, an unusual name): the user sets the level. */
const char        *nb_import_get_level_note   (NbImport      *self);
/* The notes of the last read; also kept on the report (nb_import_report_notes ()). */
GPtrArray         *nb_import_get_notes        (NbImport      *self);

/* A note as one line for the import summary: a label read under another name, a cell
 * printed with a unit or a note, the 2019 single row kept as a note. */
char              *nb_import_note_describe    (const NbImportNote *note);

/* Notes attached to a report made by the importer, or NULL. */
GPtrArray         *nb_import_report_notes     (NbReport      *report);
/* Adds a note to @report (a document that kept its import notes, when loaded). */
void               nb_import_report_add_note  (NbReport      *report,
                                               const char    *rule,
                                               const char    *where,
                                               const char    *actual,
                                               const char    *canonical);

/* Cells the importer could not read (left blank and listed). Findings about them say so
 * (NbFinding.import_unread): a limit of the import, not a defect of the source. A cell
 * counts only while it is still blank: once the user fills it in, it is the report's. */
gboolean           nb_import_report_unread    (NbReport      *report,
                                               guint          cell);
void               nb_import_report_set_unread (NbReport     *report,
                                               guint          cell,
                                               gboolean       unread);

/* How findings and the import summary name a cell: "（四）无法提供 2.没有现成信息需要另行制作/总计". */
char              *nb_import_cell_name        (guint          cell);

/* The form labels are matched in: NFKC, no whitespace, “” as ", 1、 as 1. (format.md §7.1). */
char              *nb_import_normalize        (const char    *text);

G_END_DECLS
