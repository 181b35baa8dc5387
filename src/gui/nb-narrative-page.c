/* nb-narrative-page.c — the text sections 一, 五 and 六
 *
 * Section 一 is an introduction and the customary headed parts (主动公开 … 监督保障), each a
 * text view that can be added or removed; 五 is one text; 六 is one text plus the
 * 信息处理费 figure. Text views show the printed paragraph look: a two-character first-line
 * indent. Findings with a span underline it; the others are listed above the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nb-narrative-page.h"
#include "nb-request-summary.h"
#include "nb-text-filter.h"
#include "nb-number-filter.h"
#include "nb-paragraph-view.h"

#define LENGTH_CAP 1000         /* 字, the cap some regions set for 一 (R-F-15) */

struct _NbNarrativePage
{
  GtkBox         parent_instance;

  NbSession     *session;
  guint          section;
  GtkWidget     *findings_box;
  GtkWidget     *count_label;
  GtkWidget     *fee_entry;
  GtkWidget     *main_view;     /* intro of 一, body of 五 and 六 */
  GtkWidget     *parts_box;
  GPtrArray     *part_views;    /* GtkTextView per headed part */
  GPtrArray     *part_headings; /* GtkEntry per headed part */
  GtkWidget     *last_view;     /* the text view that last had the focus */
  GtkWidget     *changed_view;  /* the text view last changed from the model (undo) */
  GtkWidget     *scrolled;
  GtkWidget     *scroll_view;   /* the view whose "nb-scroll-to" mark waits to be shown */
  guint          scroll_tick;
  guint          scroll_frames;
  gboolean       scroll_laid_out;  /* the view was laid out at the last tick already */
  gpointer       editing;       /* the buffer or entry being written to the model */
};

G_DEFINE_FINAL_TYPE (NbNarrativePage, nb_narrative_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static NbReport *
get_report (NbNarrativePage *self)
{
  return nb_session_get_report (self->session);
}

static NbTextField
main_field (NbNarrativePage *self)
{
  switch (self->section)
    {
    case 0: return NB_TEXT_S1_INTRO;
    case 4: return NB_TEXT_S5;
    default: return NB_TEXT_S6;
    }
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces only what differs between the view's text and @text (an undo changes a few
 * characters), so the view keeps its place and the caret goes to the end of the change. */
static void
set_buffer_text (NbNarrativePage *self, GtkTextView *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *old = buffer_text (buffer);
  const char *a = old, *b = text ? text : "";
  const char *a_end = a + strlen (a), *b_end = b + strlen (b);
  int prefix = 0, suffix = 0;
  GtkTextIter start, end;

  if (buffer == self->editing || g_str_equal (old, b))
    return;
  while (a < a_end && b < b_end && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      prefix++;
    }
  while (a_end > a && b_end > b &&
         g_utf8_get_char (g_utf8_prev_char (a_end)) == g_utf8_get_char (g_utf8_prev_char (b_end)))
    {
      a_end = g_utf8_prev_char (a_end);
      b_end = g_utf8_prev_char (b_end);
      suffix++;
    }
  g_object_set_data (G_OBJECT (buffer), "nb-updating", GINT_TO_POINTER (TRUE));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, prefix);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, prefix + (int) g_utf8_strlen (a, a_end - a));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, b, b_end - b);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_object_set_data (G_OBJECT (buffer), "nb-updating", NULL);
  self->changed_view = GTK_WIDGET (view);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer, NbNarrativePage *self)
{
  g_autofree char *text = NULL;
  int part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (buffer), "nb-part"));

  if (g_object_get_data (G_OBJECT (buffer), "nb-updating"))
    return;
  text = buffer_text (buffer);
  self->editing = buffer;
  if (part > 0)
    nb_session_edit_part_text (self->session, part - 1, text);
  else
    nb_session_edit_text (self->session, main_field (self), text);
  self->editing = NULL;
}

static void
view_focus_enter_cb (GtkEventControllerFocus *controller, NbNarrativePage *self)
{
  self->last_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
}

static void
view_focus_leave_cb (NbNarrativePage *self)
{
  nb_session_seal (self->session);
}

/* @part: 0 for the main text, n + 1 for headed part n. */
static GtkWidget *
make_view (NbNarrativePage *self, int part, const char *accessible_name)
{
  GtkWidget *view = nb_paragraph_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkEventController *controller = gtk_event_controller_focus_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* The printed paragraph: two characters of first-line indent. */
  gtk_text_view_set_indent (GTK_TEXT_VIEW (view), 2 * 17);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_widget_add_css_class (view, "nb-paragraph");
  gtk_widget_set_size_request (view, -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);

  gtk_text_buffer_create_tag (buffer, "nb-error", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 }, NULL);
  gtk_text_buffer_create_tag (buffer, "nb-warning", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA) { 0.9, 0.6, 0.0, 1.0 }, NULL);
  g_object_set_data (G_OBJECT (buffer), "nb-part", GINT_TO_POINTER (part));
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);

  g_signal_connect (controller, "enter", G_CALLBACK (view_focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (view_focus_leave_cb), self);
  gtk_widget_add_controller (view, controller);
  return view;
}

static GtkWidget *
framed (GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_frame_set_child (GTK_FRAME (frame), child);
  gtk_widget_add_css_class (frame, "view");
  return frame;
}

static void
heading_changed_cb (GtkEditable *entry, NbNarrativePage *self)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "nb-part"));

  if (g_object_get_data (G_OBJECT (entry), "nb-updating"))
    return;
  self->editing = entry;
  nb_session_edit_part_heading (self->session, part, gtk_editable_get_text (entry));
  self->editing = NULL;
}

static void
remove_part_clicked_cb (GtkButton *button, NbNarrativePage *self)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "nb-part"));

  nb_session_remove_part (self->session, part);
}

static void
rebuild_parts (NbNarrativePage *self)
{
  NbReport *report = get_report (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->parts_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->parts_box), child);
  g_ptr_array_set_size (self->part_views, 0);
  g_ptr_array_set_size (self->part_headings, 0);
  if (self->last_view != self->main_view)
    self->last_view = NULL;
  if (self->changed_view != self->main_view)
    self->changed_view = NULL;

  for (guint i = 0; i < nb_report_get_n_parts (report); i++)
    {
      const NbPart *part = nb_report_get_part (report, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *ordinal = g_strdup_printf (_("Part %u"), i + 1);
      g_autofree char *name = g_strdup_printf ("%s · %s", ordinal,
                                               nb_format_aspect_name (part->aspect));
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *entry = gtk_entry_new ();
      g_autofree char *heading_name = g_strdup_printf (_("Part %u heading"), i + 1);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *view = make_view (self, i + 1, name);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (GTK_BOX (box), label);

      gtk_editable_set_text (GTK_EDITABLE (entry), part->heading ? part->heading : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Heading"));
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_widget_add_css_class (entry, "nb-part-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      heading_name, -1);
      g_object_set_data (G_OBJECT (entry), "nb-part", GUINT_TO_POINTER (i));
      g_signal_connect (entry, "changed", G_CALLBACK (heading_changed_cb), self);
      nb_text_filter_attach_editable (GTK_EDITABLE (entry));
      gtk_box_append (GTK_BOX (head), entry);

      gtk_widget_set_tooltip_text (remove, _("Remove this part"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this part"), -1);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "nb-part", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_part_clicked_cb), self);
      gtk_box_append (GTK_BOX (head), remove);
      gtk_box_append (GTK_BOX (box), head);

      g_object_set_data (G_OBJECT (view), "nb-aspect", GINT_TO_POINTER (part->aspect));
      set_buffer_text (self, GTK_TEXT_VIEW (view), part->text);
      gtk_box_append (GTK_BOX (box), framed (view));
      gtk_box_append (GTK_BOX (self->parts_box), box);
      g_ptr_array_add (self->part_views, view);
      g_ptr_array_add (self->part_headings, entry);
    }
}

static void
refresh_fee (NbNarrativePage *self)
{
  gint64 yuan = 0;
  g_autofree char *text = NULL;

  if (self->fee_entry == NULL || self->editing == self->fee_entry)
    return;
  if (nb_report_get_info_fee (get_report (self), &yuan))
    text = nb_money_format_wanyuan (yuan);
  g_object_set_data (G_OBJECT (self->fee_entry), "nb-updating", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (self->fee_entry), text ? text : "");
  g_object_set_data (G_OBJECT (self->fee_entry), "nb-updating", NULL);
}

static void
refresh (NbNarrativePage *self)
{
  NbReport *report = get_report (self);

  set_buffer_text (self, GTK_TEXT_VIEW (self->main_view),
                   nb_report_get_text (report, main_field (self)));
  if (self->parts_box != NULL)
    {
      gboolean same = self->part_views->len == nb_report_get_n_parts (report);

      /* An undone removal can bring back another aspect at the same count. */
      for (guint i = 0; same && i < self->part_views->len; i++)
        same = GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (self->part_views, i), "nb-aspect"))
               == (int) nb_report_get_part (report, i)->aspect;
      if (!same)
        rebuild_parts (self);
      for (guint i = 0; i < self->part_views->len; i++)
        {
          const NbPart *part = nb_report_get_part (report, i);
          GtkWidget *entry = g_ptr_array_index (self->part_headings, i);

          set_buffer_text (self, g_ptr_array_index (self->part_views, i), part->text);
          if (entry != self->editing &&
              g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), part->heading) != 0)
            {
              g_object_set_data (G_OBJECT (entry), "nb-updating", GINT_TO_POINTER (TRUE));
              gtk_editable_set_text (GTK_EDITABLE (entry), part->heading ? part->heading : "");
              g_object_set_data (G_OBJECT (entry), "nb-updating", NULL);
            }
        }
    }
  refresh_fee (self);
}

static void
report_changed_cb (NbNarrativePage *self, const char *location)
{
  const char *id = nb_format_section (self->section)->id;

  if (g_str_equal (location, id) || g_str_has_prefix (location, "meta.year"))
    refresh (self);
}

static GtkWidget *
view_for_finding (NbNarrativePage *self, const NbFinding *finding)
{
  if (self->section == 0 && finding->part >= 0 && (guint) finding->part < self->part_views->len)
    return g_ptr_array_index (self->part_views, finding->part);
  return self->main_view;
}

static gboolean
span_iters (GtkTextView *view, const NbFinding *finding, GtkTextIter *start, GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = buffer_text (buffer);
  int len = strlen (text);

  if (finding->span_start < 0 || finding->span_end < finding->span_start ||
      finding->span_end > len)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, start,
                                      g_utf8_pointer_to_offset (text, text + finding->span_start));
  gtk_text_buffer_get_iter_at_offset (buffer, end,
                                      g_utf8_pointer_to_offset (text, text + finding->span_end));
  return TRUE;
}

static void
clear_tags (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "nb-error", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "nb-warning", &start, &end);
}

static void
update_count (NbNarrativePage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  guint n = 0;

  if (self->count_label == NULL)
    return;
  text = nb_report_dup_s1_text (get_report (self));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      n++;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters", n), n);
  gtk_label_set_text (GTK_LABEL (self->count_label), label);
  if (n > LENGTH_CAP)
    {
      gtk_widget_add_css_class (self->count_label, "warning");
      gtk_widget_set_tooltip_text (self->count_label,
                                   _("Some regions limit this section to 1000 characters"));
    }
  else
    {
      gtk_widget_remove_css_class (self->count_label, "warning");
      gtk_widget_set_tooltip_text (self->count_label, NULL);
    }
}

static void
recalculated_cb (NbNarrativePage *self)
{
  GPtrArray *findings = nb_session_get_findings (self->session);
  const char *id = nb_format_section (self->section)->id;
  GtkWidget *child;

  clear_tags (self->main_view);
  for (guint i = 0; self->part_views != NULL && i < self->part_views->len; i++)
    clear_tags (g_ptr_array_index (self->part_views, i));
  while ((child = gtk_widget_get_first_child (self->findings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->findings_box), child);

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *view;
      GtkTextIter start, end;

      if (finding->cell >= 0 || nb_session_entry_for_location (finding->where) != self->section + 1)
        continue;
      view = view_for_finding (self, finding);
      if (g_str_equal (finding->where, id) && span_iters (GTK_TEXT_VIEW (view), finding, &start, &end))
        gtk_text_buffer_apply_tag_by_name (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                           finding->severity == NB_SEVERITY_ERROR
                                           ? "nb-error" : "nb-warning", &start, &end);
      else
        {
          GtkWidget *label = gtk_label_new (finding->message);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, finding->severity == NB_SEVERITY_ERROR ? "error"
                                    : finding->severity == NB_SEVERITY_WARNING ? "warning"
                                    : "dim-label");
          gtk_box_append (GTK_BOX (self->findings_box), label);
        }
    }
  gtk_widget_set_visible (self->findings_box,
                          gtk_widget_get_first_child (self->findings_box) != NULL);
  update_count (self);
}

static void
add_part_clicked_cb (GtkButton *button, NbNarrativePage *self)
{
  NbAspect aspect = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "nb-aspect"));
  NbReport *report = get_report (self);
  guint position = 0;

  /* Keep the customary order of the five aspects. */
  while (position < nb_report_get_n_parts (report) &&
         nb_report_get_part (report, position)->aspect <= aspect)
    position++;
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                             GTK_TYPE_POPOVER)));
  nb_session_insert_part (self->session, position, aspect, nb_format_aspect_name (aspect), "");
}

static GtkWidget *
build_add_menu (NbNarrativePage *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint a = 0; a < NB_N_ASPECTS; a++)
    {
      GtkWidget *item = gtk_button_new_with_label (nb_format_aspect_name (a));

      gtk_widget_add_css_class (item, "flat");
      g_object_set_data (G_OBJECT (item), "nb-aspect", GINT_TO_POINTER (a));
      g_signal_connect (item, "clicked", G_CALLBACK (add_part_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Add Part"));
  gtk_widget_set_tooltip_text (button, _("Add a headed part for one of the five aspects"));
  return button;
}

static void
summary_clicked_cb (NbNarrativePage *self)
{
  nb_narrative_page_insert_summary (self);
}

static void
fee_changed_cb (GtkEditable *entry, NbNarrativePage *self)
{
  const char *text = gtk_editable_get_text (entry);
  gint64 yuan = 0;

  if (g_object_get_data (G_OBJECT (entry), "nb-updating"))
    return;
  self->editing = entry;
  if (*text == '\0')
    nb_session_edit_fee (self->session, FALSE, 0);
  else if (nb_money_parse_wanyuan (text, &yuan, NULL))
    nb_session_edit_fee (self->session, TRUE, yuan);
  self->editing = NULL;
  if (*text != '\0' && !nb_money_parse_wanyuan (text, &yuan, NULL))
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
build (NbNarrativePage *self)
{
  NbReport *report = get_report (self);
  GtkWidget *scrolled = self->scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (nb_report_get_section_title (report, self->section));
  GtkWidget *tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (content), title);

  self->findings_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->findings_box, "nb-findings-note");
  gtk_box_append (GTK_BOX (content), self->findings_box);

  if (self->section == 0)
    {
      GtkWidget *summary = gtk_button_new_with_label (_("Insert Request Summary"));

      gtk_widget_set_tooltip_text (summary, _("Insert the standard sentence on requests "
                                              "computed from table 三"));
      g_signal_connect_swapped (summary, "clicked", G_CALLBACK (summary_clicked_cb), self);
      gtk_box_append (GTK_BOX (tools), build_add_menu (self));
      gtk_box_append (GTK_BOX (tools), summary);
      self->count_label = gtk_label_new ("");
      gtk_widget_set_hexpand (self->count_label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->count_label), 1.0);
      gtk_widget_add_css_class (self->count_label, "dim-label");
      gtk_box_append (GTK_BOX (tools), self->count_label);
      gtk_box_append (GTK_BOX (content), tools);
    }
  else if (self->section == 5)
    {
      GtkWidget *fee = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_("Information processing fees (10,000 yuan)"));

      self->fee_entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (self->fee_entry), 12);
      gtk_entry_set_input_purpose (GTK_ENTRY (self->fee_entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->fee_entry), _("Not given"));
      gtk_widget_add_css_class (self->fee_entry, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fee_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Information processing fees (10,000 yuan)"), -1);
      g_signal_connect (self->fee_entry, "changed", G_CALLBACK (fee_changed_cb), self);
      nb_number_filter_attach (GTK_EDITABLE (self->fee_entry), NB_UNIT_MONEY, G_CALLBACK (refresh_fee), self);
      gtk_box_append (GTK_BOX (fee), label);
      gtk_box_append (GTK_BOX (fee), self->fee_entry);
      gtk_box_append (GTK_BOX (content), fee);
    }

  self->main_view = make_view (self, 0, self->section == 0 ? _("Introduction")
                                        : nb_report_get_section_title (report, self->section));
  if (self->section == 0)
    {
      GtkWidget *label = gtk_label_new (_("Introduction"));

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (GTK_BOX (content), label);
    }
  else
    gtk_widget_set_size_request (self->main_view, -1, 320);
  gtk_box_append (GTK_BOX (content), framed (self->main_view));

  if (self->section == 0)
    {
      self->parts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      gtk_box_append (GTK_BOX (content), self->parts_box);
    }

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);

  refresh (self);
  recalculated_cb (self);
}

static void
nb_narrative_page_dispose (GObject *object)
{
  NbNarrativePage *self = NB_NARRATIVE_PAGE (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_weak_pointer (&self->scroll_view);
  g_clear_pointer (&self->part_views, g_ptr_array_unref);
  g_clear_pointer (&self->part_headings, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (nb_narrative_page_parent_class)->dispose (object);
}

static void
nb_narrative_page_constructed (GObject *object)
{
  NbNarrativePage *self = NB_NARRATIVE_PAGE (object);

  G_OBJECT_CLASS (nb_narrative_page_parent_class)->constructed (object);

  g_return_if_fail (NB_IS_SESSION (self->session));
  g_return_if_fail (nb_format_section (self->section)->kind == NB_SECTION_NARRATIVE);
  build (self);
  g_signal_connect_object (get_report (self), "changed", G_CALLBACK (report_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "recalculated", G_CALLBACK (recalculated_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
nb_narrative_page_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  NbNarrativePage *self = NB_NARRATIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SECTION:
      g_value_set_uint (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_narrative_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  NbNarrativePage *self = NB_NARRATIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      self->section = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_narrative_page_class_init (NbNarrativePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_narrative_page_constructed;
  object_class->dispose = nb_narrative_page_dispose;
  object_class->get_property = nb_narrative_page_get_property;
  object_class->set_property = nb_narrative_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Index of a narrative section of the format (0 = 一, 4 = 五, 5 = 六). */
  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL, 0, NB_N_SECTIONS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_narrative_page_init (NbNarrativePage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->part_views = g_ptr_array_new ();
  self->part_headings = g_ptr_array_new ();
}

GtkWidget *
nb_narrative_page_new (NbSession *session, guint section_index)
{
  g_return_val_if_fail (NB_IS_SESSION (session), NULL);
  g_return_val_if_fail (section_index < NB_N_SECTIONS, NULL);
  g_return_val_if_fail (nb_format_section (section_index)->kind == NB_SECTION_NARRATIVE, NULL);

  return g_object_new (NB_TYPE_NARRATIVE_PAGE, "session", session, "section", section_index,
                       NULL);
}

/* ---- Scrolling to a place in the text ------------------------------------------------ */

/* The views grow with their text inside the page's scrolled window and never scroll
 * themselves, so gtk_text_view_scroll_to_iter cannot bring a line into sight, and the
 * viewport shows a focused view from its top. The page scrolls instead, once the view has
 * the height of all its lines: before that, where a line lies is an estimate. */
#define SCROLL_MAX_FRAMES 120   /* about two seconds: a view that never settles is left */

static gboolean
view_laid_out (GtkWidget *view)
{
  int natural_height = 0;

  if (gtk_widget_get_width (view) == 0)
    return FALSE;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      &natural_height, NULL, NULL, NULL);
  return gtk_widget_get_height (view) == natural_height;
}

/* Moves the page so that the line at @mark sits a third of the way down, unless it is
 * already in sight. */
static void
scroll_mark_into_sight (NbNarrativePage *self, GtkTextView *view, GtkTextMark *mark)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  int visible = gtk_widget_get_height (self->scrolled);
  graphene_point_t point;
  GdkRectangle line;
  GtkTextIter at;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (view), &at, mark);
  gtk_text_view_get_iter_location (view, &at, &line);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, line.x, line.y, &line.x, &line.y);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), self->scrolled,
                                 &GRAPHENE_POINT_INIT (line.x, line.y), &point))
    return;
  if (point.y >= 0 && point.y + line.height <= visible)
    return;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - visible / 3.0);
}

static gboolean
scroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  NbNarrativePage *self = NB_NARRATIVE_PAGE (widget);
  GtkTextMark *mark;
  gboolean laid_out;

  if (self->scroll_view == NULL)
    goto done;
  /* A tick comes before the frame's layout: the view must be seen laid out at two ticks
   * running, or its size may still be the one of a page not yet shown again. */
  laid_out = view_laid_out (self->scroll_view);
  if (!(laid_out && self->scroll_laid_out) && ++self->scroll_frames < SCROLL_MAX_FRAMES)
    {
      self->scroll_laid_out = laid_out;
      return G_SOURCE_CONTINUE;
    }
  mark = gtk_text_buffer_get_mark (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->scroll_view)),
                                   "nb-scroll-to");
  if (mark != NULL)
    scroll_mark_into_sight (self, GTK_TEXT_VIEW (self->scroll_view), mark);
done:
  self->scroll_tick = 0;
  g_clear_weak_pointer (&self->scroll_view);
  return G_SOURCE_REMOVE;
}

/* Shows @at of @view once the page is laid out; a later request replaces it. */
static void
scroll_to_iter (NbNarrativePage *self, GtkWidget *view, const GtkTextIter *at)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "nb-scroll-to");

  if (mark == NULL)
    gtk_text_buffer_create_mark (buffer, "nb-scroll-to", at, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, at);
  g_set_weak_pointer (&self->scroll_view, view);
  self->scroll_frames = 0;
  self->scroll_laid_out = FALSE;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

gboolean
nb_narrative_page_focus_change (NbNarrativePage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter caret;

  g_return_val_if_fail (NB_IS_NARRATIVE_PAGE (self), FALSE);

  if (self->changed_view == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->changed_view));
  gtk_widget_grab_focus (self->changed_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  scroll_to_iter (self, self->changed_view, &caret);
  return TRUE;
}

void
nb_narrative_page_focus_finding (NbNarrativePage *self, const NbFinding *finding)
{
  GtkWidget *view = view_for_finding (self, finding);
  GtkTextIter start, end;

  gtk_widget_grab_focus (view);
  if (span_iters (GTK_TEXT_VIEW (view), finding, &start, &end))
    {
      gtk_text_buffer_select_range (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
      scroll_to_iter (self, view, &start);
    }
}

void
nb_narrative_page_insert_summary (NbNarrativePage *self)
{
  NbReport *report = get_report (self);
  g_autofree char *sentence = nb_request_summary (report, nb_session_get_derived (self->session));
  GtkWidget *view = self->last_view;
  GtkTextBuffer *buffer;

  g_return_if_fail (self->section == 0);

  /* Into the 依申请公开 part unless the user is in another text of this page. */
  if (view == NULL)
    {
      view = self->main_view;
      for (guint i = 0; i < self->part_views->len; i++)
        if (nb_report_get_part (report, i)->aspect == NB_ASPECT_ON_REQUEST)
          view = g_ptr_array_index (self->part_views, i);
    }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  nb_session_seal (self->session);
  if (!gtk_widget_has_focus (view))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
    }
  gtk_text_buffer_insert_at_cursor (buffer, sentence, -1);
  nb_session_seal (self->session);
  gtk_widget_grab_focus (view);
}
