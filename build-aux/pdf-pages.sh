#!/usr/bin/env bash
# build-aux/pdf-pages.sh [BUILD_DIR] — exports the sample report to PDF and writes one PNG
# per page (pdftoppm -png -r 60) into BUILD_DIR/pdf-pages/, for looking at the layout:
# grid, headings, tables, page numbers, glyph shapes. Needs poppler-utils.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_build}
out=$build/pdf-pages
cli=$build/src/cli/nianbao-cli
sample=$src/data/samples/qianjiang-2024.nianbao

[[ -x $cli ]] || { echo "pdf-pages.sh: build first ($cli is missing)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/page-*.png
"$cli" export --to pdf -o "$out/sample.pdf" "$sample" >/dev/null
pdftoppm -png -r 60 "$out/sample.pdf" "$out/page"
ls "$out"/page-*.png
