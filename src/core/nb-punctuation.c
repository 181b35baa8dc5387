/* nb-punctuation.c — full-width punctuation in Chinese prose
 *
 * The text is read as code points, each with its byte offset, a replacement (0 = kept) and
 * a flag for spans no mark may change (URLs, e-mail addresses, HTML entities). The rules run
 * in order — 文号 years, 书名号 nesting, parentheses, single marks — and each later rule sees
 * the marks the earlier ones chose, so that “》(” and “)要求” count as Chinese context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "nb-punctuation.h"

#include <string.h>

typedef struct {
  guint     n;
  gunichar *ch;
  int      *offset;             /* n + 1 entries: the last is the length */
  gunichar *repl;               /* 0 = kept as it is */
  gboolean *fixed;              /* inside a URL, an e-mail address or an entity */
} Text;

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
         c == 0x3007;           /* 〇 */
}

/* Chinese context: ideographs, kana, CJK punctuation (、。〔〕《》), full-width forms (，（）)
 * and the marks GB/T 15834 shares with no Latin text (—— ……). */
static gboolean
is_cjk (gunichar c)
{
  return is_han (c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF01 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFEE) || c == 0x2014 || c == 0x2026;
}

/* Quotation marks “”‘’ serve both scripts: the context is what stands beyond them. */
static gboolean
is_quote (gunichar c)
{
  return c >= 0x2018 && c <= 0x201D;
}

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_digit (gunichar c)
{
  return is_ascii_digit (c) || (c >= 0xFF10 && c <= 0xFF19);
}

static gunichar
effective (const Text *t, guint i)
{
  return t->repl[i] != 0 ? t->repl[i] : t->ch[i];
}

/* The character next to @i in direction @dir (−1, +1), looking through quotation marks;
 * 0 at either end. */
static gunichar
neighbour (const Text *t, guint i, int dir)
{
  gint64 j = (gint64) i + dir;

  while (j >= 0 && j < t->n && is_quote (t->ch[j]))
    j += dir;
  return j >= 0 && j < t->n ? effective (t, (guint) j) : 0;
}

static gboolean
next_to_cjk (const Text *t, guint i)
{
  return is_cjk (neighbour (t, i, -1)) || is_cjk (neighbour (t, i, +1));
}

static void
text_decode (Text *t, const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  const char *p = text;

  t->n = (guint) n;
  t->ch = g_new (gunichar, n + 1);
  t->offset = g_new (int, n + 1);
  t->repl = g_new0 (gunichar, n + 1);
  t->fixed = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < t->n; i++)
    {
      t->ch[i] = g_utf8_get_char (p);
      t->offset[i] = (int) (p - text);
      p = g_utf8_next_char (p);
    }
  t->offset[t->n] = (int) (p - text);
}

static void
text_clear (Text *t)
{
  g_free (t->ch);
  g_free (t->offset);
  g_free (t->repl);
  g_free (t->fixed);
}

static void
protect (Text *t, guint start, guint end)
{
  for (guint i = start; i < end && i < t->n; i++)
    t->fixed[i] = TRUE;
}

/* g_ascii_isalnum () on a code point would look at its low byte only. */
static gboolean
is_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static gboolean
is_alpha (gunichar c)
{
  return c < 0x80 && g_ascii_isalpha ((char) c);
}

static gboolean
is_url_char (gunichar c)
{
  return c > 0x20 && c < 0x7F;
}

static gboolean
is_scheme_char (gunichar c)
{
  return is_alnum (c) || c == '+' || c == '-' || c == '.';
}

static gboolean
is_mailbox_char (gunichar c)
{
  return is_alnum (c) || (c != 0 && c < 0x80 && strchr ("._%+-", (int) c) != NULL);
}

static gboolean
is_domain_char (gunichar c)
{
  return is_alnum (c) || c == '.' || c == '-';
}

static gboolean
matches (const Text *t, guint i, const char *ascii)
{
  for (guint k = 0; ascii[k] != '\0'; k++)
    if (i + k >= t->n || t->ch[i + k] >= 0x80 ||
        g_ascii_tolower ((char) t->ch[i + k]) != ascii[k])
      return FALSE;
  return TRUE;
}

/* A URL runs to the first space or non-ASCII character; the marks that end the sentence
 * after it are not part of it (a ')' only when it opened none). */
static guint
url_end (const Text *t, guint start, guint from)
{
  guint end = from;
  gboolean opened = FALSE;

  while (end < t->n && is_url_char (t->ch[end]))
    opened |= t->ch[end++] == '(';
  while (end > from && t->ch[end - 1] < 0x80 &&
         (strchr (".,;:!?", (int) t->ch[end - 1]) != NULL ||
          (t->ch[end - 1] == ')' && !opened)))
    end--;
  return MAX (end, start);
}

/* URLs (scheme:// or www.), e-mail addresses and entities (&nbsp;) keep their marks. */
static void
protect_latin_tokens (Text *t)
{
  for (guint i = 0; i < t->n; i++)
    {
      gunichar c = t->ch[i];

      if (c == ':' && matches (t, i, "://") && i > 0 && is_alpha (t->ch[i - 1]))
        {
          guint start = i;

          while (start > 0 && is_scheme_char (t->ch[start - 1]))
            start--;
          protect (t, start, url_end (t, start, i + 3));
        }
      else if ((c == 'w' || c == 'W') && matches (t, i, "www.") &&
               (i == 0 || !is_url_char (t->ch[i - 1])))
        protect (t, i, url_end (t, i, i + 4));
      else if (c == '@' && i > 0 && i + 1 < t->n &&
               is_mailbox_char (t->ch[i - 1]) && is_alnum (t->ch[i + 1]))
        {
          guint start = i, end = i + 1;

          while (start > 0 && is_mailbox_char (t->ch[start - 1]))
            start--;
          while (end < t->n && is_domain_char (t->ch[end]))
            end++;
          while (end > i + 1 && t->ch[end - 1] == '.')
            end--;
          protect (t, start, end);
        }
      else if (c == '&')
        {
          guint end = i + 1;

          while (end < t->n && end - i <= 10 &&
                 (is_alnum (t->ch[end]) || t->ch[end] == '#'))
            end++;
          if (end > i + 1 && end < t->n && t->ch[end] == ';')
            protect (t, i, end + 1);
        }
    }
}

static gboolean
in_set (const gunichar *set, gunichar c)
{
  for (; *set != 0; set++)
    if (*set == c)
      return TRUE;
  return FALSE;
}

static void
replace (Text *t, guint i, gunichar c)
{
  if (t->ch[i] != c)
    t->repl[i] = c;
}

/* 国办发[2021]30号 → 国办发〔2021〕30号: a bracketed year after an ideograph, then the serial
 * number and 号. */
static void
fix_document_numbers (Text *t)
{
  static const gunichar opens[] = { '[', 0x3010, '(', 0xFF08, 0xFF3B, 0xFE5D, 0x3016, 0x3014, 0 };
  static const gunichar closes[] = { ']', 0x3011, ')', 0xFF09, 0xFF3D, 0xFE5E, 0x3017, 0x3015, 0 };

  for (guint i = 1; i + 7 < t->n; i++)
    {
      guint j;

      if (t->fixed[i] || !is_han (t->ch[i - 1]) || !in_set (opens, t->ch[i]))
        continue;
      for (j = i + 1; j < i + 5 && is_ascii_digit (t->ch[j]); j++)
        ;
      if (j < i + 5 || !(t->ch[i + 1] == '1' || t->ch[i + 1] == '2') ||
          !in_set (closes, t->ch[i + 5]))
        continue;
      for (j = i + 6; j < t->n && is_digit (t->ch[j]); j++)
        ;
      if (j == i + 6 || j >= t->n || t->ch[j] != 0x53F7 /* 号 */)
        continue;
      replace (t, i, 0x3014);
      replace (t, i + 5, 0x3015);
    }
}

/* 《关于<政府信息公开>的通知》 → 《关于〈政府信息公开〉的通知》: matched ASCII angle brackets
 * within a 书名号. */
static void
fix_nested_titles (Text *t)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint depth = 0;

  for (guint i = 0; i < t->n; i++)
    {
      gunichar c = t->ch[i];

      if (c == 0x300A)          /* 《 */
        {
          depth++;
          g_array_set_size (open, 0);
        }
      else if (c == 0x300B && depth > 0)
        {
          depth--;
          g_array_set_size (open, 0);
        }
      else if (depth > 0 && !t->fixed[i] && c == '<')
        g_array_append_val (open, i);
      else if (depth > 0 && !t->fixed[i] && c == '>' && open->len > 0)
        {
          replace (t, g_array_index (open, guint, open->len - 1), 0x3008);
          replace (t, i, 0x3009);
          g_array_set_size (open, open->len - 1);
        }
    }
}

/* A pair of parentheses goes full-width together when its content or a neighbour is
 * Chinese (村(居)务, (国办公开办函〔2021〕30号)); a lone one when a neighbour is. Pairs close
 * inner first, so an outer pair sees the inner one's choice. */
static void
fix_parentheses (Text *t)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < t->n; i++)
    {
      gunichar c = t->ch[i];
      guint o;
      gboolean chinese;

      /* Brackets made 〔〕 by the 文号 rule are no parentheses any more. */
      if (t->fixed[i] || t->repl[i] == 0x3014 || t->repl[i] == 0x3015)
        continue;
      if (c == '(' || c == 0xFF08)
        {
          g_array_append_val (open, i);
          continue;
        }
      if (c != ')' && c != 0xFF09)
        continue;
      if (open->len == 0)
        {
          if (c == ')' && next_to_cjk (t, i))
            replace (t, i, 0xFF09);
          continue;
        }
      o = g_array_index (open, guint, open->len - 1);
      g_array_set_size (open, open->len - 1);
      chinese = t->ch[o] == 0xFF08 || c == 0xFF09 ||
                is_cjk (neighbour (t, o, -1)) || is_cjk (neighbour (t, i, +1));
      for (guint k = o + 1; !chinese && k < i; k++)
        chinese = is_cjk (effective (t, k));
      if (chinese)
        {
          replace (t, o, 0xFF08);
          replace (t, i, 0xFF09);
        }
    }
  for (guint k = 0; k < open->len; k++)
    {
      guint o = g_array_index (open, guint, k);

      if (t->ch[o] == '(' && next_to_cjk (t, o))
        replace (t, o, 0xFF08);
    }
}

static gunichar
full_width_mark (gunichar c)
{
  switch (c)
    {
    case ',': return 0xFF0C;
    case ';': return 0xFF1B;
    case ':': return 0xFF1A;
    case '!': return 0xFF01;
    case '?': return 0xFF1F;
    default:  return 0;
    }
}

/* , ; : ! ? next to a Chinese character, except between two digits (1,234  12:30). */
static void
fix_marks (Text *t)
{
  for (guint i = 0; i < t->n; i++)
    {
      gunichar c = t->ch[i];
      gunichar wide = full_width_mark (c);

      if (wide == 0 || t->fixed[i])
        continue;
      if ((c == ',' || c == ':') && i > 0 && i + 1 < t->n &&
          is_digit (t->ch[i - 1]) && is_digit (t->ch[i + 1]))
        continue;
      if (next_to_cjk (t, i))
        replace (t, i, wide);
    }
}

static guint
count_replaced (const Text *t)
{
  guint n = 0;

  for (guint i = 0; i < t->n; i++)
    n += t->repl[i] != 0;
  return n;
}

char *
nb_punctuation_fix (const char *text, guint *n_changes)
{
  Text t = { 0 };
  GString *out;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (n_changes != NULL)
    *n_changes = 0;
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  text_decode (&t, text);
  protect_latin_tokens (&t);
  fix_document_numbers (&t);
  fix_nested_titles (&t);
  /* A mark made full-width can make its neighbour Chinese context (中,(a) → 中，（a）):
   * the two rules run again until nothing more changes, so that the fix is final. */
  do
    {
      n = count_replaced (&t);
      fix_parentheses (&t);
      fix_marks (&t);
    }
  while (count_replaced (&t) != n);

  n = count_replaced (&t);
  out = g_string_sized_new (t.offset[t.n] + 16);
  for (guint i = 0; i < t.n; i++)
    {
      if (t.repl[i] != 0)
        g_string_append_unichar (out, t.repl[i]);
      else
        g_string_append_len (out, text + t.offset[i], t.offset[i + 1] - t.offset[i]);
    }
  text_clear (&t);
  if (n_changes != NULL)
    *n_changes = n;
  return g_string_free (out, FALSE);
}

guint
nb_punctuation_count (const char *text)
{
  g_autofree char *fixed = NULL;
  guint n = 0;

  fixed = nb_punctuation_fix (text, &n);
  return n;
}
