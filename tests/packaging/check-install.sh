#!/bin/sh
# check-install.sh BUILDDIR SRCDIR APP_ID PREFIX BINDIR DATADIR LOCALEDIR — as TAP.
#
# Installs the build into a temporary DESTDIR and checks that everything a desktop, a
# software centre and Flatpak need is in place. Paths are checked relative to the
# configured prefix: with --prefix=/app (what flatpak-builder passes) they are exactly
# the paths inside the Flatpak. Then runs the installed nianbao-cli on the installed
# sample, as a user of the package would.
set -u
build=$1 src=$2 app_id=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7 libdir=$8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/dest$prefix
share=$root/$datadir
n=0
failed=0
result () {  # status, name
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"
  else failed=1; echo "not ok $n - $2"; [ -s "$tmp/log" ] && sed 's/^/# /' "$tmp/log" | head -40; fi
  : >"$tmp/log"
}
has () {  # path relative to the installed prefix, description
  test -s "$root/$1" 2>"$tmp/log" || echo "missing: $prefix/$1" >"$tmp/log"
  test -s "$root/$1"
  result $? "$2 ($prefix/$1)"
}

echo "# prefix $prefix; a Flatpak build uses /app"
meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/dest" >"$tmp/log" 2>&1
result $? "meson install --destdir"

for exe in nianbao nianbao-cli; do
  test -x "$root/$bindir/$exe" 2>"$tmp/log"
  result $? "executable $prefix/$bindir/$exe"
done
has "$datadir/applications/$app_id.desktop" "desktop file"
has "$datadir/metainfo/$app_id.metainfo.xml" "AppStream metainfo"
has "$datadir/icons/hicolor/scalable/apps/$app_id.svg" "scalable icon"
has "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" "symbolic icon"
has "$datadir/mime/packages/$app_id.xml" "MIME type"
has "$datadir/glib-2.0/schemas/io.github.nianbao.Nianbao.gschema.xml" "GSettings schema"
has "$localedir/zh_CN/LC_MESSAGES/nianbao.mo" "zh_CN translations"
has "$datadir/nianbao/samples/qianjiang-2024.nianbao" "sample report"

# Flatpak exports only desktop files, metainfo, icons and MIME packages named after the app.
( cd "$share" && find applications metainfo icons mime -type f 2>/dev/null ) \
  | grep -v "/$app_id[.-]" >"$tmp/log"
test ! -s "$tmp/log"
result $? "exported files are all named after $app_id"

desktop-file-validate "$share/applications/$app_id.desktop" >"$tmp/log" 2>&1
result $? "installed desktop file is valid"
grep -q "^Icon=$app_id\$" "$share/applications/$app_id.desktop" 2>"$tmp/log" &&
  grep -q '^MimeType=application/x-nianbao;$' "$share/applications/$app_id.desktop" 2>>"$tmp/log" &&
  grep -q '^Name\[zh_CN\]=' "$share/applications/$app_id.desktop" 2>>"$tmp/log"
result $? "desktop file names the icon, the MIME type and a zh_CN name"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
  "$share/metainfo/$app_id.metainfo.xml" 2>"$tmp/log" &&
  grep -q 'xml:lang="zh_CN"' "$share/metainfo/$app_id.metainfo.xml" 2>>"$tmp/log"
result $? "metainfo launches the desktop file and is translated"

mkdir -p "$tmp/schemas"
cp "$share"/glib-2.0/schemas/*.gschema.xml "$tmp/schemas/" &&
  glib-compile-schemas --strict "$tmp/schemas" >"$tmp/log" 2>&1 &&
  test "$(gsettings --schemadir "$tmp/schemas" get io.github.nianbao.Nianbao auto-save-delay 2>>"$tmp/log")" = "uint32 3"
result $? "installed schema compiles and auto-save-delay defaults to 3"

msgunfmt "$root/$localedir/zh_CN/LC_MESSAGES/nianbao.mo" >"$tmp/zh.po" 2>"$tmp/log"
grep -q '^msgstr "检查报告并列出发现的问题"' "$tmp/zh.po" 2>>"$tmp/log"
result $? "the .mo holds the zh_CN catalogue"

# The UI is compiled into the binary: every file of the GResource manifest must be there.
gresource list "$root/$bindir/nianbao" >"$tmp/resources" 2>"$tmp/log"
result $? "nianbao carries a GResource bundle"
sed -n 's|.*<gresource prefix="\([^"]*\)".*|\1|p' "$src/ui/nb.gresource.xml" | head -1 >"$tmp/prefix"
# A file kept elsewhere (a template next to its .c) is bundled under its alias.
sed -n -e 's|.*<file[^>]*alias="\([^"]*\)"[^>]*>[^<]*</file>.*|\1|p' -e t \
  -e 's|.*<file[^>]*>\([^<]*\)</file>.*|\1|p' "$src/ui/nb.gresource.xml" | while read -r f; do
  grep -qx "$(cat "$tmp/prefix")/$f" "$tmp/resources" || echo "not bundled: $f"
done >"$tmp/log"
test ! -s "$tmp/log"
result $? "every file of ui/nb.gresource.xml is bundled ($(grep -c . "$tmp/resources") resources)"

cli=$root/$bindir/nianbao-cli
sample=$share/nianbao/samples/qianjiang-2024.nianbao
"$cli" check "$sample" >"$tmp/check.txt" 2>"$tmp/log"
status=$?
[ $status -le 1 ] && grep -q 'errors' "$tmp/check.txt"
result $? "installed nianbao-cli checks the installed sample (exit $status)"

"$cli" export --to json -o "$tmp/sample.json" "$sample" >"$tmp/log" 2>&1 &&
  python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/sample.json" 2>>"$tmp/log"
result $? "installed nianbao-cli exports the sample as JSON"

"$cli" export --to pdf -o "$tmp/sample.pdf" "$sample" >"$tmp/log" 2>&1
result $? "installed nianbao-cli exports the sample as PDF"

# The PDF reader is a module beside the program's libraries, loaded on demand.
module_dir=$root/$libdir/nianbao
test -f "$module_dir/libnb-pdf-text.so" 2>"$tmp/log"
result $? "PDF reader module $prefix/$libdir/nianbao/libnb-pdf-text.so"
NB_MODULE_DIR=$module_dir "$cli" import "$tmp/sample.pdf" -o "$tmp/imported.nianbao" >"$tmp/log" 2>&1 &&
  test -s "$tmp/imported.nianbao"
result $? "installed nianbao-cli imports that PDF with the installed module"

echo "1..$n"
exit $failed
