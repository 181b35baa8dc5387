#!/usr/bin/env bash
# nianbao-cli speaks Chinese from the build folder: run uninstalled, it finds the catalogue
# compiled there (nb-locale.h) with no NB_LOCALEDIR. Messages of po/zh_CN.po on a damaged
# report, the sample's totals and the usage; English with LANGUAGE=C. TAP output.
#
# gettext ignores LANGUAGE only in the "C" locale: C.UTF-8 with LANGUAGE=zh_CN is Chinese on
# any Debian. LANG=zh_CN.UTF-8, as a Chinese desktop sets it, needs that locale: built here
# with localedef when the system lacks it (package locales), else skipped.
set -u
cli=${NB_CLI:?} sample=${NB_SAMPLE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset NB_LOCALEDIR LC_ALL LC_MESSAGES LANG LANGUAGE
n=0 failed=0
ok() { n=$((n+1)); if [[ $1 == 0 ]]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi; }
echo "1..8"

head -c 700 "$sample" > "$tmp/damaged.nianbao"
zh=(env LC_ALL=C.UTF-8 LANGUAGE=zh_CN)

"${zh[@]}" "$cli" check "$tmp/damaged.nianbao" > /dev/null 2> "$tmp/err"; rc=$?
grep -q "damaged.nianbao：不是有效的 JSON（文件可能不完整或已损坏）：" "$tmp/err"
ok $? "a damaged report, in Chinese (exit $rc): $(head -c 200 "$tmp/err")"
ok $(( rc != 2 )) "… and exits 2 (got $rc)"

"${zh[@]}" "$cli" check "$sample" > "$tmp/out" 2>&1
grep -Eq "^  [0-9]+ 个错误，[0-9]+ 个警告，[0-9]+ 条提示$" "$tmp/out"
ok $? "the sample's totals, in Chinese: $(tail -n 1 "$tmp/out")"

"${zh[@]}" "$cli" --help > "$tmp/out" 2>&1
grep -q "^用法：nianbao-cli 命令 \[选项…\] 文件…" "$tmp/out" && grep -q "检查报告并列出发现的问题" "$tmp/out"
ok $? "the usage, in Chinese: $(head -n 1 "$tmp/out")"

env LC_ALL=C.UTF-8 LANGUAGE=C "$cli" check "$tmp/damaged.nianbao" > /dev/null 2> "$tmp/err"
grep -q "damaged.nianbao: not valid JSON (the file may be truncated or damaged): " "$tmp/err"
ok $? "LANGUAGE=C: the same message in English: $(head -c 160 "$tmp/err")"
env LC_ALL=C.UTF-8 LANGUAGE=C "$cli" check "$sample" > "$tmp/out" 2>&1
grep -Eq "^  [0-9]+ errors, [0-9]+ warnings, [0-9]+ notes$" "$tmp/out"
ok $? "LANGUAGE=C: the totals in English: $(tail -n 1 "$tmp/out")"

# LANG=zh_CN.UTF-8 as a Chinese desktop has it.
locpath=
if LC_ALL=zh_CN.UTF-8 locale 2>&1 | grep -q "Cannot set"; then
  locpath=$tmp/locale
  mkdir -p "$locpath"
  localedef -i zh_CN -f UTF-8 "$locpath/zh_CN.UTF-8" > /dev/null 2>&1
  [[ -d $locpath/zh_CN.UTF-8 ]] || locpath=none
fi
if [[ $locpath == none ]]; then
  echo "ok 7 # SKIP zh_CN.UTF-8 cannot be made here (localedef, package locales)"
  echo "ok 8 # SKIP zh_CN.UTF-8 cannot be made here"
  n=8
else
  cn=(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES ${locpath:+LOCPATH=$locpath} LANG=zh_CN.UTF-8)
  "${cn[@]}" "$cli" check "$tmp/damaged.nianbao" > /dev/null 2> "$tmp/err"
  grep -q "damaged.nianbao：不是有效的 JSON（文件可能不完整或已损坏）：" "$tmp/err"
  ok $? "LANG=zh_CN.UTF-8: the damaged report in Chinese: $(head -c 200 "$tmp/err")"
  "${cn[@]}" "$cli" check "$sample" > "$tmp/out" 2>&1
  grep -Eq "^  [0-9]+ 个错误，[0-9]+ 个警告，[0-9]+ 条提示$" "$tmp/out"
  ok $? "LANG=zh_CN.UTF-8: the totals in Chinese: $(tail -n 1 "$tmp/out")"
fi
exit $failed
