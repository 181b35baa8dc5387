#!/usr/bin/env bash
# build-aux/bench.sh [BUILD_DIR] — prints performance figures. Never pass/fail: the
# figures go into reports and are compared with the targets by people.
# Each section is one function; add yours below and call it at the end.
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_build}
cli=$build/src/cli/nianbao-cli
sample=$src/data/samples/qianjiang-2024.nianbao
runs=${NB_BENCH_RUNS:-7}

# Median of the numbers on stdin, one a line.
median () {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Wall-clock seconds of one run of "$@" (output discarded).
seconds () {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}

# CPU seconds (user + system) of one run of "$@": less sensitive than wall time to a
# busy machine.
cpu_seconds () {
  /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.2f\n", $1 + $2 }'
}

# Peak resident memory of "$@" in MB (GNU time, package "time").
peak_mb () {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }'
}

# ---- bench_pdf: nianbao-cli export --to pdf of the sample (issue 3) -------------------
# Targets: ≤ 0.15 s and ≤ 80 MB peak, at most a fifth of LibreOffice's time.
bench_pdf () {
  local tmp t cpu mb soffice_t
  tmp=$(mktemp -d)
  echo "== PDF export: nianbao-cli export --to pdf (sample, median of $runs runs)"
  "$cli" export --to pdf -o "$tmp/warm.pdf" "$sample" >/dev/null 2>&1   # warm the font caches
  t=$(for _ in $(seq "$runs"); do seconds "$cli" export --to pdf -o "$tmp/out.pdf" "$sample"; done | median)
  cpu=$(for _ in $(seq "$runs"); do cpu_seconds "$cli" export --to pdf -o "$tmp/out.pdf" "$sample"; done | median)
  mb=$(peak_mb "$cli" export --to pdf -o "$tmp/out.pdf" "$sample")
  printf 'time            %.3f s (wall)\n' "$t"
  printf 'cpu             %.2f s (user + system)\n' "$cpu"
  printf 'peak memory     %s MB\n' "$mb"
  printf 'pages           %s\n' "$(pdfinfo "$tmp/out.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
  printf 'size            %s bytes\n' "$(stat -c %s "$tmp/out.pdf")"
  if command -v soffice >/dev/null 2>&1 &&
     "$cli" export --to html -o "$tmp/report.html" "$sample" >/dev/null 2>&1; then
    soffice_t=$(for _ in $(seq 3); do
                  seconds soffice --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/report.html"
                done | median)
    printf 'LibreOffice     %.3f s (soffice --headless --convert-to pdf of the HTML export)\n' "$soffice_t"
    awk -v a="$t" -v b="$soffice_t" 'BEGIN { printf "ratio           %.2f\n", a / b }'
  else
    echo "LibreOffice     not measured (soffice not installed or no HTML export)"
  fi
  rm -rf "$tmp"
}
# ---- end bench_pdf ----------------------------------------------------------------------

[[ -x $cli ]] || { echo "bench.sh: build first ($cli is missing)" >&2; exit 1; }
bench_pdf
