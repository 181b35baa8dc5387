/* nb-table-page.c — one statistical table (二, 三 or 四) as an editable grid
 *
 * The grid is built from nb_format_table (): every label, merge and cell comes from the
 * format definition. Inputs are GtkText widgets (lighter than GtkEntry; table 三 has 175),
 * with spreadsheet keys handled by a key controller in the capture phase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nb-number-filter.h"
#include "nb-sticky-head.h"
#include "nb-table-page.h"

/* Printed column widths become label widths in GtkLabel's width-chars, which counts Latin
 * characters: about half a Chinese character each. */
#define MM_PER_CHAR 2.0

struct _NbTablePage
{
  GtkBox            parent_instance;

  NbSession        *session;
  const NbTableDef *def;
  GtkWidget       **cells;      /* n_cells, by local index */
  int              *grid_map;   /* n_rows × n_cols → local cell index or −1 */
  GPtrArray        *marked;     /* widgets carrying a finding class */
  GtkWidget        *side_grid;  /* table 三: subtotals and shares, else NULL */
  GtkWidget        *side_values[NB_N_RESULTS][2];
  GtkWidget        *rates[3];
  GtkWidget        *rate_reason; /* why a rate is above 100%, hidden otherwise */
  GtkScrolledWindow *scrolled;
  NbStickyHead     *sticky;     /* table 三: its head rows stay in sight, else NULL */
  int               editing;    /* local index of the cell being written, or −1 */
  gboolean          updating;   /* the widgets are being set from the model */
};

G_DEFINE_FINAL_TYPE (NbTablePage, nb_table_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const severity_classes[NB_N_SEVERITIES] = {
  "nb-error", "nb-warning", "nb-info",
};

static int
local_index_of (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "nb-local-index"));
}

static double
span_mm (const NbTableDef *def, guint col, guint span)
{
  double mm = 0;

  for (guint c = col; c < col + span && c < def->n_cols; c++)
    mm += def->col_widths_mm[c];
  return mm;
}

static void
refresh_cell (NbTablePage *self, guint local)
{
  NbReport *report = nb_session_get_report (self->session);
  guint index = self->def->first_cell + local;
  GtkWidget *cell = self->cells[local];
  g_autofree char *text = nb_report_format_cell (report, index);
  const NbCell *value = nb_report_get_cell (report, index);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (cell))) != 0)
    {
      /* A stored value is shown as it is, even one the filter would not let in. */
      self->updating = TRUE;
      g_object_set_data (G_OBJECT (cell), "nb-updating", GINT_TO_POINTER (TRUE));
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      g_object_set_data (G_OBJECT (cell), "nb-updating", NULL);
      self->updating = FALSE;
    }
  if (value->state == NB_CELL_BLANK)
    gtk_widget_add_css_class (cell, "nb-blank");
  else
    gtk_widget_remove_css_class (cell, "nb-blank");
}

static void
report_changed_cb (NbTablePage *self, const char *location)
{
  int index = nb_format_cell_index (location);
  int local = index - (int) self->def->first_cell;

  if (index < 0 || local < 0 || local >= (int) self->def->n_cells || local == self->editing)
    return;
  refresh_cell (self, local);
}

static void
update_marks (NbTablePage *self)
{
  GPtrArray *findings = nb_session_get_findings (self->session);
  g_autoptr(GHashTable) tips = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < self->marked->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->marked, i);

      for (guint s = 0; s < NB_N_SEVERITIES; s++)
        gtk_widget_remove_css_class (cell, severity_classes[s]);
      gtk_widget_set_tooltip_text (cell, NULL);
    }
  g_ptr_array_set_size (self->marked, 0);

  /* Findings come in rule order; the most severe class wins when several hit one cell. */
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (findings, i);
      int local = finding->cell - (int) self->def->first_cell;
      GtkWidget *cell;
      const char *old;

      if (finding->cell < 0 || local < 0 || local >= (int) self->def->n_cells)
        continue;
      cell = self->cells[local];
      old = g_hash_table_lookup (tips, cell);
      if (old == NULL)
        {
          g_ptr_array_add (self->marked, cell);
          g_hash_table_insert (tips, cell, g_strdup (finding->message));
        }
      else
        g_hash_table_insert (tips, cell, g_strconcat (old, "\n", finding->message, NULL));
    }

  for (guint i = 0; i < self->marked->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->marked, i);
      NbSeverity worst = NB_SEVERITY_INFO;

      for (guint j = 0; j < findings->len; j++)
        {
          const NbFinding *finding = g_ptr_array_index (findings, j);

          if (finding->cell == (int) self->def->first_cell + local_index_of (cell))
            worst = MIN (worst, finding->severity);
        }
      gtk_widget_add_css_class (cell, severity_classes[worst]);
      gtk_widget_set_tooltip_text (cell, g_hash_table_lookup (tips, cell));
    }
}

static void
set_percent (GtkWidget *label, NbRatio ratio)
{
  g_autofree char *text = nb_ratio_format_percent (ratio, 2);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "—");
}

static void
update_side (NbTablePage *self)
{
  const NbDerived *derived = nb_session_get_derived (self->session);

  if (self->side_grid == NULL)
    return;
  for (guint c = 0; c < NB_N_RESULTS; c++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                derived->category[c][NB_S3_COLS - 1]);

      gtk_label_set_text (GTK_LABEL (self->side_values[c][0]), count);
      set_percent (self->side_values[c][1], derived->share_of_new[c]);
    }
  set_percent (self->rates[0], derived->completion_rate);
  set_percent (self->rates[1], derived->substantive_open_rate);
  set_percent (self->rates[2], derived->review_correction_rate);
  {
    /* Above 100% a rate is no rate: it is what an unbalanced table gives. Said where the
     * figure is, in the warning colour. */
    static const char *const reasons[3] = {
      N_("The completion rate is above 100%: the results outnumber the requests received "
         "and carried over, so table 三 does not balance (see R-T3-03 in the check results)."),
      N_("The substantive disclosure rate is above 100%: the disclosed results outnumber "
         "all results, so a total of table 三 does not match its parts."),
      N_("The review correction rate is above 100%: the corrected cases outnumber the "
         "concluded ones, so a total of table 四 does not match its parts."),
    };
    const NbRatio rates[3] = {
      derived->completion_rate, derived->substantive_open_rate, derived->review_correction_rate,
    };
    g_autoptr(GString) why = g_string_new (NULL);

    for (guint k = 0; k < 3; k++)
      {
        gint64 scaled = 0;
        gboolean over = nb_ratio_percent_scaled (rates[k], 2, &scaled) && scaled > 10000;

        if (over)
          {
            gtk_widget_add_css_class (self->rates[k], "warning");
            g_string_append_printf (why, "%s%s", why->len ? "\n" : "", _(reasons[k]));
            gtk_widget_set_tooltip_text (self->rates[k], _(reasons[k]));
          }
        else
          {
            gtk_widget_remove_css_class (self->rates[k], "warning");
            gtk_widget_set_tooltip_text (self->rates[k], NULL);
          }
      }
    gtk_label_set_text (GTK_LABEL (self->rate_reason), why->str);
    gtk_widget_set_visible (self->rate_reason, why->len > 0);
  }
}

static void
recalculated_cb (NbTablePage *self)
{
  update_marks (self);
  update_side (self);
}

static void
cell_changed_cb (GtkEditable *editable, NbTablePage *self)
{
  int local = local_index_of (GTK_WIDGET (editable));

  if (self->updating)
    return;
  self->editing = local;
  nb_session_edit_cell (self->session, self->def->first_cell + local,
                        gtk_editable_get_text (editable));
  self->editing = -1;
  if (nb_report_get_cell (nb_session_get_report (self->session),
                          self->def->first_cell + local)->state == NB_CELL_BLANK)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "nb-blank");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "nb-blank");
}

static void
cell_focus_leave_cb (GtkEventControllerFocus *controller, NbTablePage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Shows the number as stored ("007" becomes "7") and ends the undo step. */
  refresh_cell (self, local_index_of (cell));
  nb_session_seal (self->session);
}

/* Scrolls by as little as shows @cell whole, below the sticky head; not at all when it is
 * in sight. (GtkViewport's own scroll-to-focus takes the grid, GtkText's parent, for the
 * focused widget and jumps to the grid's edge.) */
static void
scroll_to_cell (NbTablePage *self, GtkWidget *cell)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled);
  graphene_rect_t bounds;
  double inset = self->sticky ? nb_sticky_head_get_height (self->sticky) : 0;

  if (!gtk_widget_compute_bounds (cell, viewport, &bounds))
    return;
  for (guint o = 0; o < 2; o++)
    {
      GtkAdjustment *adj = o ? gtk_scrolled_window_get_vadjustment (self->scrolled)
                             : gtk_scrolled_window_get_hadjustment (self->scrolled);
      double pos = o ? bounds.origin.y : bounds.origin.x;
      double size = o ? bounds.size.height : bounds.size.width;
      double start = o ? inset : 0;
      double page = gtk_adjustment_get_page_size (adj);
      double value = gtk_adjustment_get_value (adj);

      if (pos < start)
        gtk_adjustment_set_value (adj, value - (start - pos));
      else if (pos + size > page)
        gtk_adjustment_set_value (adj, value + MIN (pos - start, pos + size - page));
    }
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller, NbTablePage *self)
{
  scroll_to_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
is_computed (NbTablePage *self, int local)
{
  return nb_format_cell (self->def->first_cell + local)->computed;
}

/* The next cell in reading order from @local by @step (±1) that can be written, or −1:
 * Tab and Enter go past the read-only totals. */
static int
next_input (NbTablePage *self, int local, int step)
{
  for (local += step; local >= 0 && local < (int) self->def->n_cells; local += step)
    if (!is_computed (self, local))
      return local;
  return -1;
}

/* The value cell nearest to (row, col) going in direction (drow, dcol), or −1; with
 * @inputs_only, the nearest one that is not computed. */
static int
find_neighbour (NbTablePage *self, int local, int drow, int dcol, gboolean inputs_only)
{
  const NbCellDef *cell = nb_format_cell (self->def->first_cell + local);
  int row = cell->grid_row, col = cell->grid_col;

  for (;;)
    {
      int found;

      row += drow;
      col += dcol;
      if (row < 0 || col < 0 || row >= (int) self->def->n_rows || col >= (int) self->def->n_cols)
        return -1;
      found = self->grid_map[row * self->def->n_cols + col];
      if (found >= 0 && found != local && !(inputs_only && is_computed (self, found)))
        return found;
    }
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                     GdkModifierType state, NbTablePage *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkEditable *editable = GTK_EDITABLE (widget);
  int local = local_index_of (widget);
  int n = self->def->n_cells;
  int target = -1;
  int pos = gtk_editable_get_position (editable);
  int len = g_utf8_strlen (gtk_editable_get_text (editable), -1);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      target = next_input (self, local, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1);
      if (target < 0)
        return FALSE;           /* leave the table: normal focus chain */
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      target = find_neighbour (self, local, shift ? -1 : 1, 0, TRUE);
      if (target < 0)
        target = next_input (self, local, shift ? -1 : 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = find_neighbour (self, local, -1, 0, FALSE);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = find_neighbour (self, local, 1, 0, FALSE);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (pos > 0 && !gtk_editable_get_selection_bounds (editable, NULL, NULL))
        return FALSE;
      target = find_neighbour (self, local, 0, -1, FALSE);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (pos < len && !gtk_editable_get_selection_bounds (editable, NULL, NULL))
        return FALSE;
      target = find_neighbour (self, local, 0, 1, FALSE);
      break;
    default:
      return FALSE;
    }

  if (target >= 0 && target < n)
    gtk_widget_grab_focus (self->cells[target]);
  return TRUE;
}

static GtkWidget *
make_label (NbTablePage *self, const NbGridItem *item)
{
  GtkWidget *label = gtk_label_new (item->text);
  double mm = span_mm (self->def, item->col, item->col_span);
  int chars = MAX (2, (int) (mm / MM_PER_CHAR));

  /* Table 四's fifteen columns fit a 1024-pixel window beside the sidebar when each head
   * takes two characters a line: 结果/维持. */
  if (self->def->id == NB_TABLE_S4 && item->col_span == 1)
    chars = MIN (chars, 4);
  /* "（三）不予公开": keep the ordinal on one line. */
  if (item->kind == NB_GRID_GROUP_HEAD && g_str_has_prefix (item->text, "（"))
    chars = MAX (chars, 6);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (chars, (int) g_utf8_strlen (item->text, -1)));
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "nb-grid-cell");

  switch (item->kind)
    {
    case NB_GRID_BLOCK_HEAD:
      gtk_widget_add_css_class (label, "nb-block-head");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      break;
    case NB_GRID_COL_HEAD:
      gtk_widget_add_css_class (label, "nb-col-head");
      break;
    case NB_GRID_CORNER:
      gtk_widget_add_css_class (label, "nb-corner");
      break;
    case NB_GRID_GROUP_HEAD:
      gtk_widget_add_css_class (label, "nb-group-head");
      break;
    case NB_GRID_ROW_HEAD:
    default:
      gtk_widget_add_css_class (label, "nb-row-head");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_LEFT);
      break;
    }
  return label;
}

static char *
accessible_name (const NbCellDef *def)
{
  const char *parts[] = { def->row_group, def->row_label, def->col_group, def->col_label };
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", parts[i]);
  return g_string_free (name, FALSE);
}

static GtkWidget *
make_cell (NbTablePage *self, const NbGridItem *item)
{
  const NbCellDef *def = nb_format_cell (item->cell);
  int local = item->cell - (int) self->def->first_cell;
  GtkWidget *cell = gtk_text_new ();
  GtkEventController *controller;
  g_autofree char *name = NULL;

  g_object_set_data (G_OBJECT (cell), "nb-local-index", GINT_TO_POINTER (local));
  g_object_set_data (G_OBJECT (cell), "nb-key", (gpointer) def->key);
  gtk_widget_set_name (cell, def->key);
  gtk_editable_set_width_chars (GTK_EDITABLE (cell), def->unit == NB_UNIT_MONEY ? 8
                                : self->def->id == NB_TABLE_S4 ? 3 : 4);
  gtk_editable_set_alignment (GTK_EDITABLE (cell), 1.0);
  gtk_editable_set_enable_undo (GTK_EDITABLE (cell), FALSE);
  gtk_text_set_input_purpose (GTK_TEXT (cell), def->unit == NB_UNIT_MONEY
                              ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_add_css_class (cell, "nb-grid-cell");
  gtk_widget_add_css_class (cell, "nb-value");
  gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_set_hexpand (cell, TRUE);

  /* Row label, then column label: "（四）无法提供 2.没有现成信息需要另行制作 法人或其他组织 商业企业". */
  name = accessible_name (def);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);

  if (def->computed)
    {
      gtk_editable_set_editable (GTK_EDITABLE (cell), FALSE);
      gtk_widget_add_css_class (cell, "nb-computed");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE, -1);
    }

  nb_number_filter_attach (GTK_EDITABLE (cell), def->unit, NULL, NULL);
  g_signal_connect (cell, "changed", G_CALLBACK (cell_changed_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  gtk_widget_add_controller (cell, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (cell_focus_leave_cb), self);
  g_signal_connect (controller, "enter", G_CALLBACK (cell_focus_enter_cb), self);
  gtk_widget_add_controller (cell, controller);

  self->cells[local] = cell;
  for (guint r = item->row; r < item->row + item->row_span; r++)
    for (guint c = item->col; c < item->col + item->col_span; c++)
      self->grid_map[r * self->def->n_cols + c] = local;
  return cell;
}

static GtkWidget *
side_label (const char *text, const char *css_class, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Table 三 and its side card: side by side when both fit the width at their natural
 * size, else the card below the table (the default window is not wide enough for both
 * beside the sidebar, and a card cut off at the right edge hides the shares). */
#define NB_TYPE_BESIDE_LAYOUT (nb_beside_layout_get_type ())
G_DECLARE_FINAL_TYPE (NbBesideLayout, nb_beside_layout, NB, BESIDE_LAYOUT, GtkLayoutManager)

struct _NbBesideLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (NbBesideLayout, nb_beside_layout, GTK_TYPE_LAYOUT_MANAGER)

#define BESIDE_SPACING 18
#define BESIDE_MAX 4

/* The widths of the children laid out in @width: beside each other when their minimum
 * widths fit (the extra width going to the last ones first, up to their natural width),
 * else each in the full width. Returns whether they go beside each other. */
static gboolean
beside_widths (GtkWidget *widget, int width, int widths[BESIDE_MAX], GtkWidget *children[BESIDE_MAX],
               guint *n)
{
  int minimum[BESIDE_MAX], natural[BESIDE_MAX];
  int extra = width + BESIDE_SPACING;

  *n = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && *n < BESIDE_MAX;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum[*n], &natural[*n], NULL, NULL);
        children[*n] = child;
        extra -= minimum[*n] + BESIDE_SPACING;
        (*n)++;
      }
  if (width < 0 || extra < 0)
    {
      for (guint i = 0; i < *n; i++)
        widths[i] = width < 0 ? natural[i] : MAX (minimum[i], MIN (natural[i], width));
      return width < 0;
    }
  for (guint i = *n; i-- > 0;)
    {
      int more = MIN (extra, natural[i] - minimum[i]);

      widths[i] = minimum[i] + more;
      extra -= more;
    }
  return TRUE;
}

static GtkSizeRequestMode
nb_beside_layout_get_request_mode (GtkLayoutManager *manager, GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
nb_beside_layout_measure (GtkLayoutManager *manager, GtkWidget *widget, GtkOrientation orientation,
                          int for_size, int *minimum, int *natural, int *minimum_baseline,
                          int *natural_baseline)
{
  int widths[BESIDE_MAX];
  GtkWidget *children[BESIDE_MAX];
  guint n;
  gboolean beside = beside_widths (widget, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                                   widths, children, &n);

  *minimum = *natural = 0;
  for (guint i = 0; i < n; i++)
    {
      int child_min = 0, child_nat = 0;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* At least the widest child; at best all in a row. */
          gtk_widget_measure (children[i], orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (i ? BESIDE_SPACING : 0);
          continue;
        }
      gtk_widget_measure (children[i], orientation, widths[i], &child_min, &child_nat, NULL, NULL);
      if (beside)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          *minimum += child_min + (i ? BESIDE_SPACING : 0);
          *natural += child_nat + (i ? BESIDE_SPACING : 0);
        }
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
nb_beside_layout_allocate (GtkLayoutManager *manager, GtkWidget *widget, int width, int height,
                           int baseline)
{
  int widths[BESIDE_MAX];
  GtkWidget *children[BESIDE_MAX];
  guint n;
  gboolean beside = beside_widths (widget, width, widths, children, &n);
  int x = 0, y = 0;

  for (guint i = 0; i < n; i++)
    {
      int h = 0;

      gtk_widget_measure (children[i], GTK_ORIENTATION_VERTICAL, widths[i], NULL, &h, NULL, NULL);
      gtk_widget_size_allocate (children[i], &(GtkAllocation) { x, y, widths[i], h }, -1);
      if (beside)
        x += widths[i] + BESIDE_SPACING;
      else
        y += h + BESIDE_SPACING;
    }
}

static void
nb_beside_layout_class_init (NbBesideLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = nb_beside_layout_get_request_mode;
  manager_class->measure = nb_beside_layout_measure;
  manager_class->allocate = nb_beside_layout_allocate;
}

static void
nb_beside_layout_init (NbBesideLayout *self)
{
}

/* Beside table 三: the subtotal of each result category and its share of 本年新收. */
static GtkWidget *
build_side (NbTablePage *self)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  static const char *const rate_names[3] = {
    N_("Completion rate"), N_("Substantive disclosure rate"), N_("Review correction rate"),
  };
  guint row = 0;

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "nb-side");
  gtk_widget_set_valign (frame, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (frame), side_label (_("Results by category"), "heading", 0.0));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_attach (GTK_GRID (grid), side_label (_("Subtotal"), "dim-label", 1.0), 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), side_label (_("Share of new"), "dim-label", 1.0), 2, row, 1, 1);
  row++;
  for (guint c = 0; c < NB_N_RESULTS; c++, row++)
    {
      gtk_grid_attach (GTK_GRID (grid), side_label (nb_result_category_name (c), NULL, 0.0),
                       0, row, 1, 1);
      for (guint k = 0; k < 2; k++)
        {
          self->side_values[c][k] = side_label ("", "numeric", 1.0);
          gtk_grid_attach (GTK_GRID (grid), self->side_values[c][k], 1 + k, row, 1, 1);
        }
    }
  gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 3, 1);
  for (guint k = 0; k < 3; k++, row++)
    {
      gtk_grid_attach (GTK_GRID (grid), side_label (_(rate_names[k]), NULL, 0.0), 0, row, 2, 1);
      self->rates[k] = side_label ("", "numeric", 1.0);
      gtk_grid_attach (GTK_GRID (grid), self->rates[k], 2, row, 1, 1);
    }
  gtk_box_append (GTK_BOX (frame), grid);
  self->rate_reason = side_label ("", "warning", 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->rate_reason), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->rate_reason), 30);
  gtk_widget_add_css_class (self->rate_reason, "caption");
  gtk_widget_set_visible (self->rate_reason, FALSE);
  gtk_box_append (GTK_BOX (frame), self->rate_reason);
  self->side_grid = grid;
  return frame;
}

static void
build (NbTablePage *self)
{
  const NbTableDef *def = self->def;
  const NbSectionDef *section = nb_format_section_by_id (def->section_id);
  NbReport *report = nb_session_get_report (self->session);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title = gtk_label_new (nb_report_get_section_title (report, section->number - 1));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *outer = scrolled;
  guint head_rows = 0;

  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);
  /* Table 三 is taller than a window: its column heads stay in sight. */
  if (def->id == NB_TABLE_S3)
    {
      outer = nb_sticky_head_wrap (self->scrolled, &self->sticky);
      while (head_rows < def->n_items && def->items[head_rows].kind != NB_GRID_VALUE &&
             def->items[head_rows].kind != NB_GRID_ROW_HEAD)
        head_rows++;
    }

  self->cells = g_new0 (GtkWidget *, def->n_cells);
  self->grid_map = g_new (int, def->n_rows * def->n_cols);
  for (guint i = 0; i < def->n_rows * def->n_cols; i++)
    self->grid_map[i] = -1;

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (content), title);

  gtk_widget_add_css_class (grid, "nb-table");
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  gtk_widget_set_hexpand (grid, FALSE);
  for (guint i = 0; i < def->n_items; i++)
    {
      const NbGridItem *item = &def->items[i];
      GtkWidget *child = item->kind == NB_GRID_VALUE ? make_cell (self, item)
                                                     : make_label (self, item);

      if (item->col + item->col_span == def->n_cols)
        gtk_widget_add_css_class (child, "nb-last-col");
      /* Table 四: fifteen narrow columns (see make_label). */
      if (def->id == NB_TABLE_S4)
        gtk_widget_add_css_class (child, "nb-compact");
      if (i < head_rows)
        {
          GtkWidget *copy = make_label (self, item);

          if (item->col + item->col_span == def->n_cols)
            gtk_widget_add_css_class (copy, "nb-last-col");
          nb_sticky_head_add (self->sticky, child, copy);
        }
      gtk_grid_attach (GTK_GRID (grid), child, item->col, item->row,
                       item->col_span, item->row_span);
    }
  gtk_widget_set_layout_manager (row, g_object_new (NB_TYPE_BESIDE_LAYOUT, NULL));
  gtk_box_append (GTK_BOX (row), grid);
  if (def->id == NB_TABLE_S3)
    gtk_box_append (GTK_BOX (row), build_side (self));
  gtk_box_append (GTK_BOX (content), row);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 24);
  gtk_widget_set_margin_end (content, 24);
  gtk_widget_set_halign (content, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scrolled)),
                                    FALSE);
  gtk_widget_set_vexpand (outer, TRUE);
  gtk_widget_set_hexpand (outer, TRUE);
  gtk_box_append (GTK_BOX (self), outer);

  for (guint i = 0; i < def->n_cells; i++)
    refresh_cell (self, i);
  recalculated_cb (self);
}

static void
nb_table_page_dispose (GObject *object)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  g_clear_pointer (&self->marked, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (nb_table_page_parent_class)->dispose (object);
}

static void
nb_table_page_finalize (GObject *object)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  g_free (self->cells);
  g_free (self->grid_map);
  G_OBJECT_CLASS (nb_table_page_parent_class)->finalize (object);
}

static void
nb_table_page_constructed (GObject *object)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  G_OBJECT_CLASS (nb_table_page_parent_class)->constructed (object);

  g_return_if_fail (NB_IS_SESSION (self->session));
  build (self);
  g_signal_connect_object (nb_session_get_report (self->session), "changed",
                           G_CALLBACK (report_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "recalculated", G_CALLBACK (recalculated_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
nb_table_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_TABLE:
      g_value_set_int (value, self->def->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_table_page_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_TABLE:
      self->def = nb_format_table (g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_table_page_class_init (NbTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_table_page_constructed;
  object_class->dispose = nb_table_page_dispose;
  object_class->finalize = nb_table_page_finalize;
  object_class->get_property = nb_table_page_get_property;
  object_class->set_property = nb_table_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* An NbTableId: which of the format's tables the page shows. */
  properties[PROP_TABLE] =
    g_param_spec_int ("table", NULL, NULL, 0, NB_N_TABLES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_table_page_init (NbTablePage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->marked = g_ptr_array_new ();
  self->editing = -1;
}

GtkWidget *
nb_table_page_new (NbSession *session, NbTableId table)
{
  g_return_val_if_fail (NB_IS_SESSION (session), NULL);
  g_return_val_if_fail (table >= 0 && table < NB_N_TABLES, NULL);

  return g_object_new (NB_TYPE_TABLE_PAGE, "session", session, "table", table, NULL);
}

GtkWidget *
nb_table_page_get_cell_widget (NbTablePage *self, guint index)
{
  int local = (int) index - (int) self->def->first_cell;

  if (local < 0 || local >= (int) self->def->n_cells)
    return NULL;
  return self->cells[local];
}

gboolean
nb_table_page_focus_cell (NbTablePage *self, guint index)
{
  GtkWidget *cell = nb_table_page_get_cell_widget (self, index);

  return cell != NULL && gtk_widget_grab_focus (cell);
}
