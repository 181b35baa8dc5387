/* nb-window-private.h — what the window's files share: its fields and inner functions
 *
 * nb-window.c (pages, sidebar, loading, closing), nb-window-actions.c (win.* actions, file
 * choosers, import), nb-window-export.c (export and print).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-window.h"

G_BEGIN_DECLS

struct _NbWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  GtkListBox      *recent_list;
  GtkWidget       *recent_label;
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar;
  AdwWindowTitle  *title_widget;
  GtkStack        *page_stack;

  NbSession       *session;
  GFile           *file;
  guint64          saved_state;   /* nb_session_get_state_id () when last saved */
  guint            saved_unrecorded;
  char            *draft_id;
  guint            autosave_id;
  gboolean         autosave_failed;  /* told the user once; reset by the next good write */
  GFile           *last_export;
  char           **export_fonts;  /* the last PDF export's font per role, for its details */
  GHashTable      *badges;      /* page name → GtkLabel[2] (errors, warnings) */
  gboolean         closing;
};

/* Sidebar entries: report information, the six sections, the findings, the preview. */
#define N_ENTRIES (NB_N_SECTIONS + 3)
#define ENTRY_FINDINGS (NB_N_SECTIONS + 1)
#define ENTRY_PREVIEW (NB_N_SECTIONS + 2)

typedef void (*NbChosenFunc) (NbWindow *self, GFile *file);

/* nb-window.c */
const char *nb_window_entry_name     (guint             entry);
GSettings  *nb_window_get_settings   (NbWindow         *self);
void        nb_window_toast_message  (NbWindow         *self,
                                      const char       *message);
void        nb_window_mark_saved     (NbWindow         *self);
char       *nb_window_document_name  (NbWindow         *self);
void        nb_window_update_title   (NbWindow         *self);
void        nb_window_update_actions (NbWindow         *self);
void        nb_window_delete_draft   (NbWindow         *self);
/* Shows @location ("s3.new.np", "s1" …): its page, and the cell or text in it. */
void        nb_window_focus_location (NbWindow         *self,
                                      const char       *location,
                                      const NbFinding  *finding);
void        nb_window_add_recent     (GFile            *file);
void        nb_window_show_error     (NbWindow         *self,
                                      const char       *heading,
                                      const GError     *error);

/* nb-window-actions.c */
void        nb_window_actions_class_init (GtkWidgetClass *widget_class);
/* A native file chooser over the window; @func gets the file chosen. @pattern: one or
 * more globs separated by ';'. @folder (may be NULL): where it starts. */
void        nb_window_choose_file    (NbWindow         *self,
                                      GtkFileChooserAction action,
                                      const char       *title,
                                      const char       *accept,
                                      const char       *pattern,
                                      const char       *filter_name,
                                      const char       *suggested,
                                      GFile            *folder,
                                      NbChosenFunc      func);
/* The report's file name with @extension, or its title for a report never saved. */
char       *nb_window_suggested_name (NbWindow         *self,
                                      const char       *extension);
void        nb_window_open_chosen    (NbWindow         *self,
                                      GFile            *file);
/* Saves to the report's file, or asks for one; closes the window after when closing. */
void        nb_window_save           (NbWindow         *self);
/* Called from a dialog's response: the dialog must finish before its parent goes. */
void        nb_window_destroy_later  (NbWindow         *self);

/* nb-window-export.c */
void        nb_window_export_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
