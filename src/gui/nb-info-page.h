/* nb-info-page.h — 报告信息: agency, title, preamble, dates, contact, last year's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nb-session.h"

G_BEGIN_DECLS

#define NB_TYPE_INFO_PAGE (nb_info_page_get_type ())
G_DECLARE_FINAL_TYPE (NbInfoPage, nb_info_page, NB, INFO_PAGE, GtkBox)

GtkWidget *nb_info_page_new          (NbSession   *session);
/* Focuses the field of a location such as "meta.title"; FALSE when there is none. */
gboolean   nb_info_page_focus_field  (NbInfoPage  *self,
                                      const char  *location);
/* Uses @file as last year's report, as if chosen in the file chooser; on failure shows
 * why and keeps the previous choice. */
gboolean   nb_info_page_choose_previous (NbInfoPage *self,
                                         GFile      *file);
/* What the title and the preamble are proposed to be, from agency and year. */
char      *nb_info_propose_title     (NbReport    *report);
char      *nb_info_propose_preamble  (NbReport    *report);

G_END_DECLS
