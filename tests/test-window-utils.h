/* test-window-utils.h — shared set-up of the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-application.h"
#include "nb-new-report-dialog.h"
#include "nb-window.h"

/* Isolated XDG folders, Chinese UI strings from the build tree, gtk_test_init, a registered
 * application. Returns the temporary folder (removed by nb_test_finish). */
char          *nb_test_init        (int         *argc,
                                    char      ***argv);
NbApplication *nb_test_app         (void);
void           nb_test_finish      (const char  *tmp);
/* Spins the main loop until @done returns TRUE or @timeout_ms passes. */
gboolean       nb_test_wait_until  (gboolean   (*done) (gpointer data),
                                    gpointer     data,
                                    guint        timeout_ms);
void           nb_test_spin        (guint        ms);
/* Spins until @widget draws the same picture in two frames a moment apart (idle layouts
 * done, animations ended), or @timeout_ms passes; TRUE if it settled. */
gboolean       nb_test_wait_settled (GtkWidget  *widget,
                                    guint        timeout_ms);
/* Writes @widget as drawn to @path (PNG). */
void           nb_test_screenshot  (GtkWidget   *widget,
                                    const char  *path);
/* @widget as last drawn; NULL while a new frame is due. */
GdkTexture    *nb_test_render      (GtkWidget   *widget);
/* @widget as drawn in its next complete frame (waits, asserting, up to 5 s). */
GdkTexture    *nb_test_render_drawn (GtkWidget  *widget);
/* Whether @widget is one a test looks for; @data is the test's. */
typedef gboolean (*NbWidgetTest) (GtkWidget *widget, gconstpointer data);
/* @root or its first descendant (depth first) that @test accepts, or NULL. */
GtkWidget     *nb_test_find        (GtkWidget   *root,
                                    NbWidgetTest test,
                                    gconstpointer data);
/* All of them, depth first. */
GPtrArray     *nb_test_find_all    (GtkWidget   *root,
                                    NbWidgetTest test,
                                    gconstpointer data);
/* A test: @widget has the CSS class @name. */
gboolean       nb_test_has_css_class (GtkWidget  *widget,
                                    gconstpointer name);
/* @widget or its first descendant (depth first) of @type, or NULL. */
GtkWidget     *nb_test_find_type   (GtkWidget   *widget,
                                    GType        type);
/* A window with the sample open, presented at @width × @height. */
NbWindow      *nb_test_open_sample (int          width,
                                    int          height);
/* Sends a key press to @widget's key controllers, as the keyboard would; TRUE if handled. */
gboolean       nb_test_press       (GtkWidget   *widget,
                                    guint        keyval,
                                    GdkModifierType state);
/* The visible AdwMessageDialog over @window, or NULL. */
AdwMessageDialog *nb_test_find_dialog (NbWindow *window);
/* A new window without a report, presented, and its 新建报告 dialog (win.new-report). */
NbNewReportDialog *nb_test_new_report_dialog (NbWindow **window);
/* Removes a report saved by a test at @path, its backup (path~) and the folder @dir. */
void           nb_test_remove_saved (const char *dir,
                                     const char *path);
