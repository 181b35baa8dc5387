#!/usr/bin/env bash
# Installs FandolFang, the bundled 仿宋 (layout.md §9), where fontconfig finds it.
#
# Debian ships it only inside texlive-lang-chinese (49 MB, which pulls TeX Live); this takes
# the package with `apt-get download`, extracts the one .otf and its licence (GPL-3 with the
# GPL font exception: documents that embed it stay free of the GPL) and drops the rest.
#   NB_FONT_DIR   target folder (default /usr/local/share/fonts/nianbao, read by fontconfig)
# Safe to run again: it does nothing when the font is there with the expected checksum.
set -euo pipefail
dir=${NB_FONT_DIR:-/usr/local/share/fonts/nianbao}
otf=FandolFang-Regular.otf
sum=d838ad32ce2244d8144f408c37fe71065aba6fbbc80759a4d2aa2033948d5bc9
if [[ -f $dir/$otf ]] && echo "$sum  $dir/$otf" | sha256sum -c --status; then
  exit 0
fi
sudo=""
[[ $(id -u) -eq 0 || -w $(dirname "$dir") ]] || sudo="sudo"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
echo "Installing $otf into $dir (from texlive-lang-chinese)"
apt-get download texlive-lang-chinese >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null; apt-get download texlive-lang-chinese >/dev/null; }
dpkg-deb -x texlive-lang-chinese_*.deb x
src=x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
echo "$sum  $src/$otf" | sha256sum -c --status || { echo "install-fonts: $otf has an unexpected checksum" >&2; exit 1; }
$sudo install -Dm644 -t "$dir" "$src/$otf" x/usr/share/doc/texlive-doc/fonts/fandol/README
gzip -dc x/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz > COPYING
$sudo install -Dm644 -t "$dir" COPYING
$sudo fc-cache -f "$dir" >/dev/null
