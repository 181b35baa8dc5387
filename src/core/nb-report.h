/* nb-report.h — one annual report: metadata, table cells and narrative
 *
 * The model knows nothing of widgets. Every change emits ::changed with the location that
 * changed ("s3.new.np", "meta.title", "s1", "s5" …), so the editor, the preview and the
 * checks can follow it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nb-format.h"

G_BEGIN_DECLS

/* The largest count a cell holds (10^12 件) and the largest fee (10^12 万元, in 元). Far
 * beyond any real report, and small enough that no sum of cells can overflow. */
#define NB_MAX_COUNT G_GINT64_CONSTANT (1000000000000)
#define NB_MAX_YUAN  (NB_MAX_COUNT * 10000)

typedef enum {
  NB_CELL_BLANK,                /* blank in the source; raw may hold a dash ("—", "/") */
  NB_CELL_VALUE,                /* value holds the number (元 for the fee) */
  NB_CELL_INVALID,              /* raw holds text that is not a number; value is 0 */
} NbCellState;

typedef struct {
  NbCellState state;
  gint64      value;
  char       *raw;              /* the text as typed or read, when it says more than value */
} NbCell;

/* The free-text fields of a report, each with a stable location for findings. */
typedef enum {
  NB_TEXT_AGENCY,               /* meta.agency */
  NB_TEXT_TITLE,                /* meta.title */
  NB_TEXT_PREAMBLE,             /* meta.preamble */
  NB_TEXT_PERIOD_START,         /* meta.period_start, ISO date */
  NB_TEXT_PERIOD_END,           /* meta.period_end, ISO date */
  NB_TEXT_PUBLICATION_DATE,     /* meta.publication_date, ISO date or empty */
  NB_TEXT_CONTACT,              /* meta.contact, one line per contact item */
  NB_TEXT_PREVIOUS_FILE,        /* meta.previous.file, path of last year's .nianbao */
  NB_TEXT_S1_TITLE,             /* section titles as written; empty = canonical */
  NB_TEXT_S2_TITLE,
  NB_TEXT_S3_TITLE,
  NB_TEXT_S4_TITLE,
  NB_TEXT_S5_TITLE,
  NB_TEXT_S6_TITLE,
  NB_TEXT_S1_INTRO,             /* s1: the paragraph(s) before the headed parts */
  NB_TEXT_S2_NOTE,              /* optional notes under the tables */
  NB_TEXT_S3_NOTE,
  NB_TEXT_S4_NOTE,
  NB_TEXT_S5,                   /* s5 body */
  NB_TEXT_S6,                   /* s6 body */
  NB_TEXT_SIGNATURE_AGENCY,     /* meta.signature.agency: empty = meta.agency */
  NB_TEXT_SIGNATURE_DATE,       /* meta.signature.date, ISO date: empty = publication date */
  NB_N_TEXTS,
} NbTextField;

/* A headed part of 一、总体情况: "（一）积极主动做好政务公开。" + body. The heading is kept
 * without its ordinal and final punctuation; writers number the parts. */
typedef struct {
  NbAspect  aspect;
  char     *heading;
  char     *text;
} NbPart;

#define NB_TYPE_REPORT (nb_report_get_type ())
G_DECLARE_FINAL_TYPE (NbReport, nb_report, NB, REPORT, GObject)

NbReport      *nb_report_new                  (void);
NbReport      *nb_report_new_for_agency       (const char    *agency,
                                               NbAgencyLevel  level,
                                               int            year);
NbReport      *nb_report_copy                 (NbReport      *self);

/* What a new report proposes, and the editor proposes again on request: the customary
 * title "<机关><年>年政府信息公开工作年度报告" and the preamble citing the 条例, the format
 * notice and the statistics period. */
char          *nb_report_propose_title        (const char    *agency,
                                               int            year);
char          *nb_report_propose_preamble     (const char    *title,
                                               int            year);
/* "2024-01-05" → "2024年1月5日" (layout.md §10: full year, no leading zeros); other text
 * comes back as written. */
char          *nb_date_format_chinese         (const char    *iso);

/* Metadata */
const char    *nb_report_get_text             (NbReport      *self,
                                               NbTextField    field);
void           nb_report_set_text             (NbReport      *self,
                                               NbTextField    field,
                                               const char    *text);
const char    *nb_report_text_location        (NbTextField    field);
const char    *nb_report_text_json_name       (NbTextField    field);
NbTextField    nb_report_section_title_field  (guint          section_index);
/* The title as it will print: the stored one, or canonical when none is stored. */
const char    *nb_report_get_section_title    (NbReport      *self,
                                               guint          section_index);

int            nb_report_get_year             (NbReport      *self);
void           nb_report_set_year             (NbReport      *self,
                                               int            year);
NbAgencyLevel  nb_report_get_level            (NbReport      *self);
void           nb_report_set_level            (NbReport      *self,
                                               NbAgencyLevel  level);
NbRegionLevel  nb_report_get_region           (NbReport      *self);
void           nb_report_set_region           (NbReport      *self,
                                               NbRegionLevel  region);
gboolean       nb_report_get_people_government (NbReport     *self);
void           nb_report_set_people_government (NbReport     *self,
                                               gboolean       value);
/* Character offsets in the title after which a line break is wanted. */
const GArray  *nb_report_get_title_breaks     (NbReport      *self);
/* The signature block after the body (layout.md §7; off by default): agency and date from
 * NB_TEXT_SIGNATURE_AGENCY / _DATE, or the report's agency and publication date. */
gboolean       nb_report_get_signature        (NbReport      *self);
void           nb_report_set_signature        (NbReport      *self,
                                               gboolean       shown);
/* The headings of 一's parts on their own line (TRUE) or run in to their paragraph
 * (FALSE, the default; layout.md §4). */
gboolean       nb_report_get_standalone_headings (NbReport   *self);
void           nb_report_set_standalone_headings (NbReport   *self,
                                                  gboolean    standalone);
void           nb_report_set_title_breaks     (NbReport      *self,
                                               const int     *offsets,
                                               guint          n_offsets);
/* 信息处理费 of section 六 in 元; FALSE when not given. */
gboolean       nb_report_get_info_fee         (NbReport      *self,
                                               gint64        *yuan);
void           nb_report_set_info_fee         (NbReport      *self,
                                               gboolean       given,
                                               gint64         yuan);
/* Sections found in a source document (all TRUE for a new report; R-F-01). */
gboolean       nb_report_get_section_present  (NbReport      *self,
                                               guint          section_index);
void           nb_report_set_section_present  (NbReport      *self,
                                               guint          section_index,
                                               gboolean       present);
/* Markers of the 2019 trial layout found by an importer (R-F-03); NULL when none. */
const char *const *nb_report_get_legacy_markers (NbReport    *self);
void           nb_report_set_legacy_markers   (NbReport      *self,
                                               const char *const *markers);

/* Table cells, by index of nb_format_cell () */
const NbCell  *nb_report_get_cell             (NbReport      *self,
                                               guint          index);
gint64         nb_report_value                (NbReport      *self,
                                               guint          index);
gint64         nb_report_value_by_key         (NbReport      *self,
                                               const char    *key);
void           nb_report_set_value            (NbReport      *self,
                                               guint          index,
                                               gint64         value);
void           nb_report_set_blank            (NbReport      *self,
                                               guint          index,
                                               const char    *raw);
/* Parses user or file text: "" and dashes are blank, digits a count, a decimal in 万元 for
 * the fee; anything else is kept as invalid text. Returns the resulting state. */
NbCellState    nb_report_set_cell_text        (NbReport      *self,
                                               guint          index,
                                               const char    *text);
/* The cell as text: "52", "7926.3139", "" for a blank, the raw text when invalid. */
char          *nb_report_format_cell          (NbReport      *self,
                                               guint          index);
/* The sum of a total cell's parts (see nb_format_sum_relations ()). */
gint64         nb_report_computed_total       (NbReport      *self,
                                               guint          index);
/* Makes every computed cell equal to the sum of its parts. Returns how many changed. */
guint          nb_report_update_totals        (NbReport      *self);

/* Narrative of 一 */
guint          nb_report_get_n_parts          (NbReport      *self);
const NbPart  *nb_report_get_part             (NbReport      *self,
                                               guint          index);
void           nb_report_insert_part          (NbReport      *self,
                                               guint          position,
                                               NbAspect       aspect,
                                               const char    *heading,
                                               const char    *text);
void           nb_report_remove_part          (NbReport      *self,
                                               guint          index);
void           nb_report_set_part_heading     (NbReport      *self,
                                               guint          index,
                                               const char    *heading);
void           nb_report_set_part_text        (NbReport      *self,
                                               guint          index,
                                               const char    *text);
/* All of section 一 (intro and parts) as one text, for searching and counting. */
char          *nb_report_dup_s1_text          (NbReport      *self);

/* Last year: a loaded report, or single figures typed in by the user. */
NbReport      *nb_report_get_previous         (NbReport      *self);
void           nb_report_set_previous         (NbReport      *self,
                                               NbReport      *previous);
void           nb_report_set_previous_figure  (NbReport      *self,
                                               guint          index,
                                               gboolean       known,
                                               gint64         value);
gboolean       nb_report_get_previous_figure  (NbReport      *self,
                                               guint          index,
                                               gint64        *value);
/* A figure of last year from the loaded report or from the typed figures. *from_report
 * tells which (rules are stricter when the whole report is known). */
gboolean       nb_report_previous_value       (NbReport      *self,
                                               guint          index,
                                               gint64        *value,
                                               gboolean      *from_report);
gboolean       nb_report_has_previous         (NbReport      *self);

/* Overrides of errors (rules.md "Severity"): the user's note why the report is exported
 * although an error at (rule, where) stands. An override whose error no longer occurs is
 * kept and does nothing. Each change emits ::changed with "meta.overrides". */
typedef struct {
  char *rule;
  char *where;
  char *note;
} NbOverride;

const char    *nb_report_get_override         (NbReport      *self,
                                               const char    *rule,
                                               const char    *where);
/* A NULL or empty @note removes the override. */
void           nb_report_set_override         (NbReport      *self,
                                               const char    *rule,
                                               const char    *where,
                                               const char    *note);
void           nb_report_remove_override      (NbReport      *self,
                                               const char    *rule,
                                               const char    *where);
/* All overrides, sorted by rule, then location. */
guint          nb_report_get_n_overrides      (NbReport      *self);
const NbOverride *nb_report_get_override_at   (NbReport      *self,
                                               guint          index);

/* The reports a merged report sums (nianbao-cli merge): each file as named, its agency and
 * the SHA-256 of its bytes, so a region's figures can be traced back. Empty otherwise. */
typedef struct {
  char *file;
  char *agency;
  char *sha256;
} NbSource;

void           nb_report_add_source           (NbReport      *self,
                                               const char    *file,
                                               const char    *agency,
                                               const char    *sha256);
guint          nb_report_get_n_sources        (NbReport      *self);
const NbSource *nb_report_get_source_at       (NbReport      *self,
                                               guint          index);

/* Monotonic counter bumped by every change: cheap "has anything changed since". */
guint64        nb_report_get_serial           (NbReport      *self);

/* Money helpers: 万元 text ⇄ integer 元. */
gboolean       nb_money_parse_wanyuan         (const char    *text,
                                               gint64        *yuan,
                                               guint         *n_decimals);
char          *nb_money_format_wanyuan        (gint64         yuan);

G_END_DECLS
