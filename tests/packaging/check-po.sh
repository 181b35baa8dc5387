#!/bin/sh
# check-po.sh SRCROOT — the translations, as TAP.
#
# Every .po passes msgfmt --check. The catalogue is extracted afresh from the files in
# po/POTFILES.in (same xgettext options as the glib preset of meson's i18n module) and
# merged into each complete language: a new or changed source string without a
# translation shows up as untranslated or fuzzy and fails the test. Also fails when a
# source file with translatable strings is missing from POTFILES.in.
set -u
src=$1
complete_languages="zh_CN"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; [ -s "$tmp/log" ] && sed 's/^/# /' "$tmp/log"; }

for po in "$src"/po/*.po; do
  lang=$(basename "$po" .po)
  if msgfmt --check -o /dev/null "$po" >"$tmp/log" 2>&1; then ok "msgfmt --check $lang.po"
  else not_ok "msgfmt --check $lang.po"; fi
  if grep -qx "$lang" "$src/po/LINGUAS"; then ok "$lang is listed in LINGUAS"
  else : >"$tmp/log"; not_ok "$lang is listed in LINGUAS"; fi
done

# Source files that call _() / N_() / C_() or mark .ui properties translatable.
( cd "$src" && grep -rlE '(^|[^A-Za-z0-9_])(N?C?_)[[:space:]]*\(' --include='*.c' --include='*.h' src
  cd "$src" && grep -rl 'translatable="yes"' --include='*.ui' ui src 2>/dev/null ) \
  | sort -u >"$tmp/marked"
grep -v '^[[:space:]]*#' "$src/po/POTFILES.in" | sed '/^[[:space:]]*$/d' | sort -u >"$tmp/listed"
comm -23 "$tmp/marked" "$tmp/listed" >"$tmp/log"
if [ -s "$tmp/log" ]; then not_ok "every file with translatable strings is in POTFILES.in"
else ok "every file with translatable strings is in POTFILES.in"; fi

if xgettext --package-name=nianbao -f "$src/po/POTFILES.in" -D "$src" -o "$tmp/nianbao.pot" \
     --from-code=UTF-8 --add-comments -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
     --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
     --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
     >"$tmp/log" 2>&1; then
  ok "xgettext extracts $(($(grep -c '^msgid ' "$tmp/nianbao.pot") - 1)) strings from POTFILES.in"
else
  not_ok "xgettext extracts the strings of POTFILES.in"
fi

for lang in $complete_languages; do
  if ! msgmerge --quiet -o "$tmp/$lang.po" "$src/po/$lang.po" "$tmp/nianbao.pot" >"$tmp/log" 2>&1; then
    not_ok "$lang.po merges with the extracted catalogue"
    continue
  fi
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p')
  untranslated=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')
  echo "# $lang: $stats"
  # List what needs work, so the failure says which strings.
  msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep '^msgid ' | sed '1d; s/^/fuzzy: /' >"$tmp/log"
  msgattrib --no-wrap --untranslated --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep '^msgid ' | sed '1d; s/^/untranslated: /' >>"$tmp/log"
  if [ "${fuzzy:-0}" -eq 0 ] && [ "${untranslated:-0}" -eq 0 ]; then ok "$lang: 0 untranslated, 0 fuzzy"
  else not_ok "$lang: 0 untranslated, 0 fuzzy"; fi
  obsolete=$(msgattrib --only-obsolete "$tmp/$lang.po" 2>/dev/null | grep -c '^#~ msgid ')
  echo "# $lang: $obsolete translations of strings no longer in the sources"
done

echo "1..$n"
exit $failed
