#!/usr/bin/env bash
# Screenshots of the sample report's HTML export with headless Chromium, to look at:
# desktop width, phone width, and print (PDF through Chromium, then PNG pages).
#
#   build-aux/html-shots.sh [BUILD_DIR]      (default: _build)
#
# Writes BUILD_DIR/html-shots/{sample.html,desktop.png,phone.png,print.pdf,print-N.png}.
# Needs the Debian packages chromium and poppler-utils. Makes no network requests: the
# page has none, and Chromium's own background traffic is switched off.
set -euo pipefail
# shellcheck source=cli-env.sh
source "$(dirname "$0")/cli-env.sh"
out="$build/html-shots"

browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n "$browser" ]] || { echo "html-shots: chromium is not installed (apt-get install chromium)" >&2; exit 77; }
command -v pdftoppm >/dev/null || { echo "html-shots: pdftoppm is missing (poppler-utils)" >&2; exit 77; }

mkdir -p "$out"
"$cli" export --to html -o "$out/sample.html" "$sample" >/dev/null
"$cli" export --to html --fragment -o "$out/fragment.html" "$sample" >/dev/null

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shoot () {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
}

# A tall window holds the whole page: --screenshot captures the window only.
shoot --window-size=1280,7200 --screenshot="$out/desktop.png" "file://$out/sample.html"
shoot --window-size=390,16000 --screenshot="$out/phone.png" "file://$out/sample.html"
shoot --window-size=1280,7200 --screenshot="$out/fragment.png" "file://$out/fragment.html"
shoot --no-pdf-header-footer --print-to-pdf-no-header --print-to-pdf="$out/print.pdf" \
  "file://$out/sample.html"
rm -f "$out"/print-*.png
pdftoppm -r 50 -png "$out/print.pdf" "$out/print"
ls "$out"
