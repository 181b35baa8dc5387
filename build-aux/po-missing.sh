#!/bin/sh
# Lists the strings po/zh_CN.po lacks, as .po entries to translate and append:
#   build-aux/po-missing.sh >> /tmp/new.po
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
xgettext --package-name=nianbao -f "$src/po/POTFILES.in" -D "$src" -o "$tmp/nianbao.pot" \
  --from-code=UTF-8 -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --flag=g_set_error:4:c-format --flag=N_:1:pass-c-format
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$src/po/${1:-zh_CN}.po" "$tmp/nianbao.pot"
msgattrib --untranslated --no-obsolete --no-location "$tmp/merged.po" | sed '1,/^$/d'
