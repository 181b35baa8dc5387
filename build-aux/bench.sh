#!/usr/bin/env bash
# Figures, not tests: whole-process times of nianbao-cli on the sample report.
#
#   build-aux/bench.sh [BUILD_DIR]      (default: _build; RUNS=N runs per figure, default 15)
#
# Each figure is the median wall-clock time of RUNS complete processes (start, load,
# export, atomic write, exit), in milliseconds. Add a function per area and call it at
# the end.
set -euo pipefail
# shellcheck source=cli-env.sh
source "$(dirname "$0")/cli-env.sh"
runs=${RUNS:-15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# stats_ms CMD…: runs CMD $runs times (after one warm-up run); prints "median min" in ms.
# The median is the figure; the minimum shows what a quiet machine gives when other
# processes compete for the cores.
stats_ms () {
  "$@" >/dev/null
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
  done | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%8.1f ms (min %5.1f)\n", m / 1000, v[1] / 1000 }'
}

# figure NAME TARGET_MS CMD…
figure () {
  local name=$1 target=$2
  shift 2
  printf '%-28s %s   target ≤ %s ms, median of %s, load %s\n' "$name" "$(stats_ms "$@")" \
    "$target" "$runs" "$(cut -d' ' -f1 /proc/loadavg)"
}

bench_html_json () {
  figure "export --to html" 20 "$cli" export --to html -o "$tmp/sample.html" "$sample"
  figure "export --to html --fragment" 20 "$cli" export --to html --fragment -o "$tmp/fragment.html" "$sample"
  figure "export --to json" 20 "$cli" export --to json -o "$tmp/sample.json" "$sample"
}

bench_html_json
