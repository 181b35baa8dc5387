#!/bin/sh
# check-mime.sh MIME_XML — the shared-mime-info package for .nianbao files, as TAP.
#
# Builds a private MIME database from the file alone (update-mime-database rejects bad
# XML and unknown elements), then asserts the glob and the parent type made it in.
set -u
xml=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
result () {  # status, name
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"
  else failed=1; echo "not ok $n - $2"; [ -s "$tmp/log" ] && sed 's/^/# /' "$tmp/log"; fi
  : >"$tmp/log"
}

xmllint --noout "$xml" >"$tmp/log" 2>&1
result $? "$(basename "$xml") is well-formed XML"

mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/"
# -V makes it report problems with the file on stderr; it exits non-zero on invalid input.
update-mime-database -V "$tmp/mime" >"$tmp/log" 2>&1
status=$?
grep -qiE 'error|invalid|unknown' "$tmp/log" && status=1
result $status "update-mime-database accepts it"

grep -qx '50:application/x-nianbao:\*\.nianbao' "$tmp/mime/globs2" 2>"$tmp/log"
result $? "*.nianbao maps to application/x-nianbao"

grep -qx 'application/x-nianbao application/json' "$tmp/mime/subclasses" 2>"$tmp/log"
result $? "application/x-nianbao is a sub-class of application/json"

grep -q 'xml:lang="zh_CN"' "$xml" 2>"$tmp/log"
result $? "the description is translated into zh_CN"

echo "1..$n"
exit $failed
