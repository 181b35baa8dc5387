#!/usr/bin/env bash
# Installs what is missing, builds, and opens Nianbao on the sample report.
# With no display, exports the sample to PDF and HTML instead and says where.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

"$top/build-aux/install-deps.sh"
[[ -f _build/build.ninja ]] || meson setup _build -Dtests=none
ninja -C _build

sample="$top/data/samples/qianjiang-2024.nianbao"
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
  # meson devenv: the build folder's schemas, translations and PDF module (src/gui/meson.build).
  exec meson devenv -C "$top/_build" -w "$top" "$top/_build/src/gui/nianbao" "$sample"
fi
echo "No display: exporting the sample instead."
out="$top/_build/sample"
mkdir -p "$out"
for fmt in pdf html json; do
  "$top/_build/src/cli/nianbao-cli" export --to "$fmt" -o "$out/qianjiang-2024.$fmt" "$sample" \
    || echo "  ($fmt export failed)"
done
"$top/_build/src/cli/nianbao-cli" check "$sample" || true
echo "Written to $out/"
