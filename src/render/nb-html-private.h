/* nb-html-private.h — shared by the pieces of the HTML writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

typedef struct {
  GString  *out;
  NbReport *report;
  gboolean  fragment;           /* body only, with inline styles for a CMS editor */
} NbHtml;

/* Fragment mode repeats the critical styling inline, because CMS sanitisers drop <style>
 * blocks and classes; the standalone page uses classes and its stylesheet. */
#define NB_HTML_CELL_STYLE "border:1px solid #000;padding:0.2em 0.3em;text-align:center;vertical-align:middle"

/* Appends @text (@len bytes, or up to NUL when −1) with & < > " ' escaped. */
void   nb_html_escape        (GString    *out,
                              const char *text,
                              gssize      len);
/* Appends ` class="…"` (standalone) or ` style="…"` (fragment); either may be NULL. */
void   nb_html_attrs         (NbHtml     *html,
                              const char *klass,
                              const char *style);
/* Writes the table of section @table, with its caption(s), as printed. */
void   nb_html_write_table   (NbHtml     *html,
                              NbTableId   table);

G_END_DECLS
