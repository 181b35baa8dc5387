/* nb-session.c — one open report with its findings, derived figures and undo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-document.h"
#include "nb-session.h"

/* Edits of one field closer together than this merge into one undo step. */
#define MERGE_USEC (3 * G_USEC_PER_SEC)

typedef enum {
  CMD_CELL,
  CMD_TEXT,
  CMD_PART_HEADING,
  CMD_PART_TEXT,
  CMD_PART,                     /* a headed part of 一 inserted (flag TRUE) or removed */
  CMD_FEE,
  CMD_YEAR,
  CMD_LEVEL,
  CMD_BREAKS,                   /* the title's line breaks, as "3,10" */
  CMD_OVERRIDE,                 /* one note on several errors; str NULL = no override */
  CMD_GROUP,                    /* several edits made as one step (nb_session_begin_step) */
  CMD_SIGNATURE,                /* the signature block shown (flag) */
  CMD_STANDALONE,               /* the headings of 一's parts on their own line (flag) */
} CmdKind;

/* One state of the edited thing; which members count depends on the command kind. */
typedef struct {
  NbCellState state;
  gint64      num;
  gboolean    flag;
  char       *str;
  NbReport   *previous;           /* last year's report that went with a path, or NULL */
} Value;

typedef struct {
  guint64   id;                 /* unique in the session, renewed when an edit merges in */
  CmdKind   kind;
  guint     index;
  NbAspect  aspect;
  char     *heading;
  GStrv     keys;               /* CMD_OVERRIDE: rule, where, rule, where … */
  GPtrArray *steps;             /* CMD_GROUP: the edits (Cmd), in the order made */
  Value     before;
  Value     after;
  gint64    time;
} Cmd;

struct _NbSession
{
  GObject    parent_instance;

  NbReport  *report;
  GPtrArray *findings;
  NbDerived  derived;
  gboolean   length_rule;

  guint      counts[NB_N_SEVERITIES];
  gboolean   could_undo;
  gboolean   could_redo;

  GPtrArray *undo;              /* Cmd, newest last */
  GPtrArray *redo;
  gboolean   sealed;
  guint      freeze;
  gboolean   replaying;         /* in undo or redo */
  NbReport  *chosen_previous;   /* being attached by nb_session_attach_previous () */
  guint64    last_id;
  guint      n_unrecorded;      /* report changes made around the session */
  char      *last_location;
  Cmd       *group;             /* collecting edits between begin_step and end_step */
};

G_DEFINE_FINAL_TYPE (NbSession, nb_session, G_TYPE_OBJECT)

enum {
  RECALCULATED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->str, g_free);
  g_clear_object (&value->previous);
}

static void
cmd_free (gpointer data)
{
  Cmd *cmd = data;

  g_free (cmd->heading);
  g_strfreev (cmd->keys);
  g_clear_pointer (&cmd->steps, g_ptr_array_unref);
  value_clear (&cmd->before);
  value_clear (&cmd->after);
  g_free (cmd);
}

static void
read_cell (NbReport *report, guint index, Value *value)
{
  const NbCell *cell = nb_report_get_cell (report, index);

  value->state = cell->state;
  value->num = cell->value;
  value->str = g_strdup (cell->raw);
}

static gboolean
values_equal (const Value *a, const Value *b)
{
  return a->state == b->state && a->num == b->num && a->flag == b->flag &&
         g_strcmp0 (a->str, b->str) == 0;
}

static const char *
cmd_location (const Cmd *cmd)
{
  switch (cmd->kind)
    {
    case CMD_CELL:
      return nb_format_cell (cmd->index)->key;
    case CMD_TEXT:
      return nb_report_text_location (cmd->index);
    case CMD_PART_HEADING:
    case CMD_PART_TEXT:
    case CMD_PART:
      return "s1";
    case CMD_FEE:
      return "s6";
    case CMD_YEAR:
      return "meta.year";
    case CMD_LEVEL:
      return "meta.level";
    case CMD_BREAKS:
      return "meta.title_breaks";
    case CMD_OVERRIDE:
      return "meta.overrides";
    case CMD_GROUP:
      return cmd->steps->len > 0 ? cmd_location (g_ptr_array_index (cmd->steps, 0)) : "meta";
    case CMD_SIGNATURE:
      return "meta.signature";
    case CMD_STANDALONE:
      return "meta.standalone_headings";
    default:
      g_assert_not_reached ();
    }
}

/* Last year's report goes with its path: cleared, it is detached; brought back by undo or
 * redo, it is loaded again, or when the path is relative (to a document the session does
 * not know) the report that went with it is attached again. One that is no longer for
 * year − 1 stays detached. */
static void
follow_previous_file (NbSession *self, const Value *value)
{
  const char *path = value->str;
  g_autoptr(NbReport) loaded = NULL;
  NbReport *previous = value->previous;

  if (path == NULL || *path == '\0')
    {
      nb_report_set_previous (self->report, NULL);
      return;
    }
  if (!self->replaying)
    {
      if (self->chosen_previous != NULL)
        nb_report_set_previous (self->report, self->chosen_previous);
      return;
    }
  if (g_path_is_absolute (path))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      loaded = nb_document_load (file, NULL, &error);
      if (loaded == NULL)
        g_debug ("Last year's report %s not loaded again: %s", path, error->message);
      else
        previous = loaded;
    }
  if (previous == NULL || !nb_document_attach_previous (self->report, previous, NULL))
    nb_report_set_previous (self->report, NULL);
}

static char *
breaks_to_string (const GArray *breaks)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; breaks != NULL && i < breaks->len; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? "," : "", g_array_index (breaks, int, i));
  return g_string_free (text, FALSE);
}

static void
apply_breaks (NbReport *report, const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      {
        int offset = (int) g_ascii_strtoll (parts[i], NULL, 10);

        g_array_append_val (offsets, offset);
      }
  nb_report_set_title_breaks (report, (const int *) (gpointer) offsets->data, offsets->len);
}

static void
apply (NbSession *self, const Cmd *cmd, const Value *value)
{
  NbReport *report = self->report;

  self->freeze++;
  switch (cmd->kind)
    {
    case CMD_CELL:
      if (value->state == NB_CELL_VALUE)
        nb_report_set_value (report, cmd->index, value->num);
      else if (value->state == NB_CELL_BLANK)
        nb_report_set_blank (report, cmd->index, value->str);
      else
        nb_report_set_cell_text (report, cmd->index, value->str);
      /* A total put back as it was (blank, say, before 计算总计) stays so; a part's
       * totals follow it. */
      if (!nb_format_cell (cmd->index)->computed)
        nb_report_update_totals (report);
      break;
    case CMD_TEXT:
      if (cmd->index == NB_TEXT_PREVIOUS_FILE)
        follow_previous_file (self, value);
      nb_report_set_text (report, cmd->index, value->str);
      break;
    case CMD_PART_HEADING:
      nb_report_set_part_heading (report, cmd->index, value->str);
      break;
    case CMD_PART_TEXT:
      nb_report_set_part_text (report, cmd->index, value->str);
      break;
    case CMD_PART:
      if (value->flag)
        nb_report_insert_part (report, cmd->index, cmd->aspect, cmd->heading, value->str);
      else
        nb_report_remove_part (report, cmd->index);
      break;
    case CMD_FEE:
      nb_report_set_info_fee (report, value->flag, value->num);
      break;
    case CMD_YEAR:
      nb_report_set_year (report, (int) value->num);
      break;
    case CMD_LEVEL:
      nb_report_set_level (report, (NbAgencyLevel) value->num);
      break;
    case CMD_BREAKS:
      apply_breaks (report, value->str);
      break;
    case CMD_SIGNATURE:
      nb_report_set_signature (report, value->flag);
      break;
    case CMD_STANDALONE:
      nb_report_set_standalone_headings (report, value->flag);
      break;
    case CMD_OVERRIDE:
      for (guint i = 0; cmd->keys[i] && cmd->keys[i + 1]; i += 2)
        nb_report_set_override (report, cmd->keys[i], cmd->keys[i + 1], value->str);
      break;
    case CMD_GROUP:
      /* Redone in the order made, undone in reverse. */
      for (guint k = 0; k < cmd->steps->len; k++)
        {
          gboolean forward = value == &cmd->after;
          const Cmd *step = g_ptr_array_index (cmd->steps,
                                               forward ? k : cmd->steps->len - 1 - k);

          apply (self, step, forward ? &step->after : &step->before);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  self->freeze--;

  g_free (self->last_location);
  self->last_location = g_strdup (cmd_location (cmd));
}

/* Takes the strings of @before and @after. */
static void
record (NbSession *self, CmdKind kind, guint index, Value *before, Value *after)
{
  gint64 now = g_get_monotonic_time ();
  Cmd *top = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  Cmd *cmd;

  if (values_equal (before, after))
    {
      value_clear (before);
      value_clear (after);
      return;
    }

  g_ptr_array_set_size (self->redo, 0);

  if (self->group != NULL)
    top = NULL;                 /* a step being collected merges nothing */
  if (top != NULL && !self->sealed && top->kind == kind && top->index == index &&
      kind != CMD_PART && kind != CMD_OVERRIDE && kind != CMD_SIGNATURE &&
      kind != CMD_STANDALONE && now - top->time < MERGE_USEC)
    {
      value_clear (&top->after);
      top->after = *after;
      top->time = now;
      top->id = ++self->last_id;  /* a state saved before this merge is left behind */
      value_clear (before);
      return;
    }

  cmd = g_new0 (Cmd, 1);
  cmd->id = ++self->last_id;
  cmd->kind = kind;
  cmd->index = index;
  cmd->before = *before;
  cmd->after = *after;
  cmd->time = now;
  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->steps, cmd);
      return;
    }
  g_ptr_array_add (self->undo, cmd);
  self->sealed = FALSE;
}

static void
report_changed_cb (NbSession *self, const char *location)
{
  /* Edits made through the session recalculate once when they are complete; others
   * (last year's report loaded at the start …) cannot be undone, so they are counted. */
  if (self->freeze == 0)
    {
      self->n_unrecorded++;
      nb_session_recalculate (self);
    }
}

static void
nb_session_finalize (GObject *object)
{
  NbSession *self = NB_SESSION (object);

  g_clear_object (&self->report);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->group, cmd_free);
  g_free (self->last_location);

  G_OBJECT_CLASS (nb_session_parent_class)->finalize (object);
}

static void
nb_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbSession *self = NB_SESSION (object);

  switch (prop_id)
    {
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[NB_SEVERITY_ERROR]);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[NB_SEVERITY_WARNING]);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, nb_session_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, nb_session_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_session_class_init (NbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_session_finalize;
  object_class->get_property = nb_session_get_property;

  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the findings and derived figures were recomputed, and after every
   * change of the undo history. */
  signals[RECALCULATED] = g_signal_new ("recalculated", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}

static void
nb_session_init (NbSession *self)
{
  self->undo = g_ptr_array_new_with_free_func (cmd_free);
  self->redo = g_ptr_array_new_with_free_func (cmd_free);
}

NbSession *
nb_session_new (NbReport *report)
{
  NbSession *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self = g_object_new (NB_TYPE_SESSION, NULL);
  self->report = g_object_ref (report);
  g_signal_connect_object (report, "changed", G_CALLBACK (report_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->findings = nb_checks_run (report, NULL);
  nb_derived_compute (&self->derived, report);
  nb_findings_count (self->findings, self->counts);
  return self;
}

NbReport *
nb_session_get_report (NbSession *self)
{
  return self->report;
}

GPtrArray *
nb_session_get_findings (NbSession *self)
{
  return self->findings;
}

const NbDerived *
nb_session_get_derived (NbSession *self)
{
  return &self->derived;
}

void
nb_session_set_length_rule (NbSession *self, gboolean enabled)
{
  if (self->length_rule == !!enabled)
    return;
  self->length_rule = !!enabled;
  nb_session_recalculate (self);
}

void
nb_session_recalculate (NbSession *self)
{
  NbCheckOptions options = { .length_rule = self->length_rule };

  guint counts[NB_N_SEVERITIES];

  /* A step being collected is checked once, when it ends. */
  if (self->group != NULL)
    return;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = nb_checks_run (self->report, &options);
  nb_derived_compute (&self->derived, self->report);
  nb_findings_count (self->findings, counts);

  /* Notify only what changed, so that bindings do no needless work. */
  g_object_freeze_notify (G_OBJECT (self));
  if (counts[NB_SEVERITY_ERROR] != self->counts[NB_SEVERITY_ERROR])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (counts[NB_SEVERITY_WARNING] != self->counts[NB_SEVERITY_WARNING])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
  memcpy (self->counts, counts, sizeof counts);
  if (self->could_undo != nb_session_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (self->could_redo != nb_session_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  self->could_undo = nb_session_can_undo (self);
  self->could_redo = nb_session_can_redo (self);
  g_signal_emit (self, signals[RECALCULATED], 0);
  g_object_thaw_notify (G_OBJECT (self));
}

void
nb_session_edit_cell (NbSession *self, guint index, const char *text)
{
  Value before = { 0 }, after = { 0 };

  g_return_if_fail (index < nb_format_n_cells ());

  read_cell (self->report, index, &before);
  self->freeze++;
  nb_report_set_cell_text (self->report, index, text);
  /* Computed cells are read-only in the window: they follow their parts. */
  nb_report_update_totals (self->report);
  self->freeze--;
  read_cell (self->report, index, &after);
  record (self, CMD_CELL, index, &before, &after);
  nb_session_recalculate (self);
}

static void
edit_string (NbSession *self, CmdKind kind, guint index, const char *old, const char *text)
{
  Value before = { .str = g_strdup (old) };
  Value after = { .str = g_strdup (text ? text : "") };
  Cmd cmd = { .kind = kind, .index = index };
  gboolean previous_file = kind == CMD_TEXT && index == NB_TEXT_PREVIOUS_FILE;

  if (g_strcmp0 (before.str, after.str) == 0)
    {
      g_free (before.str);
      g_free (after.str);
      return;
    }
  /* Kept for undo and redo when the path cannot be loaded again (a relative one). */
  if (previous_file)
    g_set_object (&before.previous, nb_report_get_previous (self->report));
  apply (self, &cmd, &after);
  if (previous_file)
    g_set_object (&after.previous, nb_report_get_previous (self->report));
  record (self, kind, index, &before, &after);
  nb_session_recalculate (self);
}

void
nb_session_edit_text (NbSession *self, NbTextField field, const char *text)
{
  g_return_if_fail (field < NB_N_TEXTS);
  edit_string (self, CMD_TEXT, field, nb_report_get_text (self->report, field), text);
}

void
nb_session_edit_part_heading (NbSession *self, guint part, const char *heading)
{
  g_return_if_fail (part < nb_report_get_n_parts (self->report));
  edit_string (self, CMD_PART_HEADING, part,
               nb_report_get_part (self->report, part)->heading, heading);
}

void
nb_session_edit_part_text (NbSession *self, guint part, const char *text)
{
  g_return_if_fail (part < nb_report_get_n_parts (self->report));
  edit_string (self, CMD_PART_TEXT, part, nb_report_get_part (self->report, part)->text, text);
}

static void
record_part (NbSession *self, guint position, NbAspect aspect, const char *heading,
             const char *text, gboolean insert)
{
  Cmd *cmd = g_new0 (Cmd, 1);

  g_ptr_array_set_size (self->redo, 0);
  cmd->id = ++self->last_id;
  cmd->kind = CMD_PART;
  cmd->index = position;
  cmd->aspect = aspect;
  cmd->heading = g_strdup (heading);
  cmd->before.flag = !insert;
  cmd->before.str = g_strdup (text);
  cmd->after.flag = insert;
  cmd->after.str = g_strdup (text);
  cmd->time = g_get_monotonic_time ();
  g_ptr_array_add (self->undo, cmd);
  apply (self, cmd, &cmd->after);
  self->sealed = TRUE;
  nb_session_recalculate (self);
}

void
nb_session_insert_part (NbSession *self, guint position, NbAspect aspect,
                        const char *heading, const char *text)
{
  position = MIN (position, nb_report_get_n_parts (self->report));
  record_part (self, position, aspect, heading, text, TRUE);
}

void
nb_session_remove_part (NbSession *self, guint part)
{
  const NbPart *p;

  g_return_if_fail (part < nb_report_get_n_parts (self->report));
  p = nb_report_get_part (self->report, part);
  record_part (self, part, p->aspect, p->heading, p->text, FALSE);
}

static void
edit_number (NbSession *self, CmdKind kind, gint64 old_num, gboolean old_flag,
             gint64 num, gboolean flag)
{
  Value before = { .num = old_num, .flag = old_flag };
  Value after = { .num = num, .flag = flag };
  Cmd cmd = { .kind = kind };

  if (values_equal (&before, &after))
    return;
  apply (self, &cmd, &after);
  record (self, kind, 0, &before, &after);
  nb_session_recalculate (self);
}

void
nb_session_edit_fee (NbSession *self, gboolean given, gint64 yuan)
{
  gint64 old = 0;
  gboolean old_given = nb_report_get_info_fee (self->report, &old);

  edit_number (self, CMD_FEE, old_given ? old : 0, old_given, given ? yuan : 0, given);
}

void
nb_session_edit_year (NbSession *self, int year)
{
  edit_number (self, CMD_YEAR, nb_report_get_year (self->report), FALSE, year, FALSE);
}

void
nb_session_edit_level (NbSession *self, NbAgencyLevel level)
{
  edit_number (self, CMD_LEVEL, nb_report_get_level (self->report), FALSE, level, FALSE);
}

/* A switch flipped is a step of its own: flipped back, it is another step, not a merge
 * into nothing. */
void
nb_session_edit_signature (NbSession *self, gboolean shown)
{
  g_return_if_fail (NB_IS_SESSION (self));
  edit_number (self, CMD_SIGNATURE, 0, nb_report_get_signature (self->report), 0, !!shown);
}

void
nb_session_edit_standalone_headings (NbSession *self, gboolean standalone)
{
  g_return_if_fail (NB_IS_SESSION (self));
  edit_number (self, CMD_STANDALONE, 0, nb_report_get_standalone_headings (self->report), 0,
               !!standalone);
}

void
nb_session_override_errors (NbSession *self, GPtrArray *findings, const char *note)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  Cmd *cmd;
  guint n = 0;

  g_return_if_fail (note != NULL && note[0] != '\0');

  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *f = g_ptr_array_index (findings, i);

      /* Notes already given stay as they are; undo then restores "none" exactly. */
      if (f->severity != NB_SEVERITY_ERROR ||
          nb_report_get_override (self->report, f->rule, f->where) != NULL)
        continue;
      g_strv_builder_add (keys, f->rule);
      g_strv_builder_add (keys, f->where);
      n++;
    }
  if (n == 0)
    return;

  cmd = g_new0 (Cmd, 1);
  cmd->id = ++self->last_id;
  cmd->kind = CMD_OVERRIDE;
  cmd->keys = g_strv_builder_end (keys);
  cmd->after.str = g_strdup (note);
  cmd->time = g_get_monotonic_time ();
  apply (self, cmd, &cmd->after);
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, cmd);
  /* One dialog, one step: the next edit does not merge into it. */
  self->sealed = TRUE;
  nb_session_recalculate (self);
}

void
nb_session_begin_step (NbSession *self)
{
  g_return_if_fail (self->group == NULL);

  self->group = g_new0 (Cmd, 1);
  self->group->kind = CMD_GROUP;
  self->group->steps = g_ptr_array_new_with_free_func (cmd_free);
}

void
nb_session_end_step (NbSession *self)
{
  Cmd *group = self->group;

  g_return_if_fail (group != NULL);

  self->group = NULL;
  if (group->steps->len == 0)
    {
      cmd_free (group);
      return;
    }
  group->id = ++self->last_id;
  group->time = g_get_monotonic_time ();
  g_ptr_array_add (self->undo, group);
  self->sealed = TRUE;
  nb_session_recalculate (self);
}

void
nb_session_seal (NbSession *self)
{
  self->sealed = TRUE;
}

gboolean
nb_session_can_undo (NbSession *self)
{
  return self->undo->len > 0;
}

gboolean
nb_session_can_redo (NbSession *self)
{
  return self->redo->len > 0;
}

static void
move_step (NbSession *self, GPtrArray *from, GPtrArray *to, gboolean forward)
{
  Cmd *cmd;

  if (from->len == 0)
    return;
  cmd = g_ptr_array_steal_index (from, from->len - 1);
  self->replaying = TRUE;
  apply (self, cmd, forward ? &cmd->after : &cmd->before);
  self->replaying = FALSE;
  g_ptr_array_add (to, cmd);
  self->sealed = TRUE;
  nb_session_recalculate (self);
}

void
nb_session_undo (NbSession *self)
{
  move_step (self, self->undo, self->redo, FALSE);
}

void
nb_session_redo (NbSession *self)
{
  move_step (self, self->redo, self->undo, TRUE);
}

const char *
nb_session_get_last_location (NbSession *self)
{
  return self->last_location;
}

guint
nb_session_entry_for_location (const char *where)
{
  if (where != NULL && where[0] == 's' && where[1] >= '1' && where[1] <= '0' + NB_N_SECTIONS &&
      (where[2] == '\0' || where[2] == '.'))
    return where[1] - '0';
  return 0;
}

void
nb_session_count_findings (NbSession *self, guint entry, guint counts[NB_N_SEVERITIES])
{
  memset (counts, 0, sizeof (guint) * NB_N_SEVERITIES);
  for (guint i = 0; i < self->findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (self->findings, i);

      /* An error explained by a note no longer blocks anything: it is counted with the
       * warnings, still there to look at. */
      if (nb_session_entry_for_location (finding->where) != entry)
        continue;
      if (finding->severity == NB_SEVERITY_ERROR && finding->override_note != NULL)
        counts[NB_SEVERITY_WARNING]++;
      else
        counts[finding->severity]++;
    }
}

guint64
nb_session_get_state_id (NbSession *self)
{
  g_return_val_if_fail (NB_IS_SESSION (self), 0);

  if (self->undo->len == 0)
    return 0;
  return ((Cmd *) g_ptr_array_index (self->undo, self->undo->len - 1))->id;
}

guint
nb_session_get_n_unrecorded (NbSession *self)
{
  g_return_val_if_fail (NB_IS_SESSION (self), 0);
  return self->n_unrecorded;
}

void
nb_session_edit_title_breaks (NbSession *self, const int *offsets, guint n_offsets)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (NB_IS_SESSION (self));
  g_array_append_vals (wanted, offsets, n_offsets);
  old = breaks_to_string (nb_report_get_title_breaks (self->report));
  text = breaks_to_string (wanted);
  edit_string (self, CMD_BREAKS, 0, old, text);
}

gboolean
nb_session_attach_previous (NbSession *self, GFile *file, GError **error)
{
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(NbReport) old = NULL;
  g_autofree char *path = NULL;
  gboolean attached;

  g_return_val_if_fail (NB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Load and check first: the path is stored only for a report that can be used. */
  previous = nb_document_load (file, NULL, error);
  if (previous == NULL)
    return FALSE;
  g_set_object (&old, nb_report_get_previous (self->report));
  self->freeze++;
  attached = nb_document_attach_previous (self->report, previous, error);
  self->freeze--;
  if (!attached)
    return FALSE;

  path = g_file_get_path (file);
  if (g_strcmp0 (path, nb_report_get_text (self->report, NB_TEXT_PREVIOUS_FILE)) == 0)
    {
      /* The same file again, perhaps changed since: not undoable, but a change. */
      self->n_unrecorded++;
      nb_session_recalculate (self);
    }
  else
    {
      /* Undo needs the report that went before: back for a moment, then the edit of
       * the path attaches the new one. */
      self->freeze++;
      nb_report_set_previous (self->report, old);
      self->freeze--;
      self->chosen_previous = previous;
      nb_session_seal (self);
      nb_session_edit_text (self, NB_TEXT_PREVIOUS_FILE, path);
      nb_session_seal (self);
      self->chosen_previous = NULL;
    }
  return TRUE;
}
