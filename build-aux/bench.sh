#!/usr/bin/env bash
# bench.sh — performance figures (no pass/fail). Each part is a function bench_<name>.
#
# Usage: build-aux/bench.sh [BUILDDIR] [NAME…]     (default: _build, every bench_* function)
#
# bench_startup: time from exec to the first frame of the window with the sample open, under
#   Xvfb with GTK's default renderer, and the resident memory half a second later; beside
#   GNOME Text Editor (Debian package gnome-text-editor, skipped when absent) showing the
#   seed's text file, measured the same way in the same run (build-aux/nb-first-frame.c).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=$(cd "${1:-$src/_build}" && pwd)
shift || true
runs=${BENCH_RUNS:-5}

median () {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One measurement in a fresh environment: "<seconds> <MiB>".
startup_once () {
  local tmp
  tmp=$(mktemp -d)
  env -u GSK_RENDERER HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
      XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=none NO_AT_BRIDGE=1 \
      "$build/bench/nb-first-frame" "$@" 2>/dev/null || echo "- -"
  rm -rf "$tmp"
}

# Runs under Xvfb and a session bus (see bench_startup).
startup_inner () {
  local sample="$src/data/samples/qianjiang-2024.nianbao"
  local seed="${NB_SEED:-/work/shared/seed/qianjiang-2024.txt}"
  local nb_file gte_file have_gte=0
  nb_file=$(mktemp); gte_file=$(mktemp)
  command -v gnome-text-editor >/dev/null && [[ -f $seed ]] && have_gte=1
  for ((i = 0; i < runs; i++)); do
    startup_once "$build/src/gui/nianbao" "$sample" >> "$nb_file"
    if ((have_gte)); then
      startup_once gnome-text-editor --standalone "$seed" >> "$gte_file"
    fi
  done
  printf '%-34s %10s %10s\n' "startup ($runs runs, median)" "first frame" "RSS"
  printf '%-34s %9ss %7s MiB\n' "nianbao (sample)" "$(cut -d' ' -f1 "$nb_file" | grep -v '^-$' | median)" \
    "$(cut -d' ' -f2 "$nb_file" | grep -v '^-$' | median)"
  if ((have_gte)); then
    printf '%-34s %9ss %7s MiB\n' "gnome-text-editor (seed text)" "$(cut -d' ' -f1 "$gte_file" | grep -v '^-$' | median)" \
      "$(cut -d' ' -f2 "$gte_file" | grep -v '^-$' | median)"
  else
    echo "gnome-text-editor: not installed (apt-get install gnome-text-editor), skipped"
  fi
  rm -f "$nb_file" "$gte_file"
}

bench_startup () {
  mkdir -p "$build/bench"
  cc -O2 -o "$build/bench/nb-first-frame" "$here/nb-first-frame.c" \
     $(pkg-config --cflags --libs x11 xdamage)
  ninja -C "$build" src/gui/nianbao data/gschemas.compiled >/dev/null
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$build" __startup_inner 2>/dev/null
}

if [[ ${1:-} == __startup_inner ]]; then
  startup_inner
  exit 0
fi

names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  mapfile -t names < <(declare -F | awk '{ print $3 }' | sed -n 's/^bench_//p')
fi
for name in "${names[@]}"; do
  echo "== $name"
  "bench_$name"
done
