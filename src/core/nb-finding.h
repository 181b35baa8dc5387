/* nb-finding.h — one result of a check: rule, severity, where, message
 *
 * Findings are data: the editor, the CLI, the HTML and JSON exports show the same list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  NB_SEVERITY_ERROR,
  NB_SEVERITY_WARNING,
  NB_SEVERITY_INFO,
  NB_N_SEVERITIES,
} NbSeverity;

typedef struct {
  char       *rule;             /* "R-T3-03" */
  NbSeverity  severity;
  char       *where;            /* a cell key, "s1" … "s6", or "meta.<field>" */
  int         cell;             /* cell index when where is a cell, else −1 */
  int         part;             /* for s1: −1 intro or whole section, else the headed part */
  int         span_start;       /* byte offsets of the figure in the narrative text, or −1 */
  int         span_end;
  char       *message;          /* Chinese, placeholders filled */
  char       *override_note;    /* errors: the user's note that lets the report export
                                 * anyway (NbReport overrides); NULL when none */
  gboolean    import_unread;    /* the finding concerns a cell the importer could not read
                                 * (still blank), not a defect of the source report: a
                                 * limit of the import. See nb_finding_is_import_limit (). */
} NbFinding;

#define NB_TYPE_FINDING (nb_finding_get_type ())

GType        nb_finding_get_type        (void) G_GNUC_CONST;
NbFinding   *nb_finding_new             (const char   *rule,
                                         NbSeverity    severity,
                                         const char   *where,
                                         const char   *message);
NbFinding   *nb_finding_copy            (const NbFinding *finding);
void         nb_finding_free            (NbFinding    *finding);

const char  *nb_severity_id             (NbSeverity    severity);  /* "error", "warning", "info" */
const char  *nb_severity_name           (NbSeverity    severity);  /* 错误, 警告, 提示 */

/* Whether @finding is about a cell the importer could not read rather than about the
 * report as published: a reviewer tells a defect of the source from a limit of the import.
 * The JSON of such a finding carries "import_unread": true. */
gboolean     nb_finding_is_import_limit (const NbFinding *finding);
/* The words a listing of findings (check, review) adds after such a finding's message:
 * “（导入未能读出此单元格）”, or "" for a finding about the report itself. */
const char  *nb_finding_origin_note     (const NbFinding *finding);

/* Counts of each severity in an array of findings. */
void         nb_findings_count          (GPtrArray    *findings,
                                         guint         counts[NB_N_SEVERITIES]);

/* Errors without an override: what blocks an export. */
guint        nb_findings_blocking       (GPtrArray    *findings);

/* Adds @finding to @builder as an object: rule, severity, where, (with @with_span: part and
 * span,) message, and override when the user explained the error. The CLI and the JSON
 * export write findings through this one function. */
void         nb_finding_add_json        (const NbFinding *finding,
                                         JsonBuilder  *builder,
                                         gboolean      with_span);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbFinding, nb_finding_free)

G_END_DECLS
