#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS, one after the other, and prints its figures.
#
#   build-aux/fuzz.sh SECONDS [TARGET…]     targets: document import import-pdf narrative
#
# Builds them first (CC=clang, -Dfuzzing=true) in _build-fuzz, or in $NB_FUZZ_BUILD. Each
# target grows a working corpus BUILD/fuzz-corpus/TARGET from its seeds in
# tests/fuzz/corpus/TARGET. A crash leaves its input in BUILD/fuzz-crashes/TARGET/ and the
# script exits 1: fix it, then copy the input to tests/fuzz/regressions/TARGET/, where the
# ordinary suite (test-fuzz-corpus) runs it from then on.
#
# The mutations follow a fixed seed (NB_FUZZ_SEED, default 1), so a smoke run from an empty
# working corpus — CI's — tries the same inputs on every machine, only more or fewer of them,
# and a crash it reports is found again here. NB_FUZZ_SEED=0 lets libFuzzer pick a seed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:?usage: build-aux/fuzz.sh SECONDS [TARGET…]}
shift
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(document import import-pdf narrative)
build=${NB_FUZZ_BUILD:-$top/_build-fuzz}

if [[ ! -f $build/build.ninja ]]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Dtests=headless >/dev/null ||
    { echo "fuzz: cannot configure $build with clang"; exit 1; }
fi
ninja -C "$build" src/core/libnb-pdf-text.so $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") >/dev/null ||
  { echo "fuzz: the build failed"; exit 1; }

status=0
for t in "${targets[@]}"; do
  corpus=$build/fuzz-corpus/$t crashes=$build/fuzz-crashes/$t log=$build/fuzz-$t.log
  mkdir -p "$corpus" "$crashes"
  # New inputs go to the first folder; the seeds are only read.
  NB_MODULE_DIR=$build/src/core \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$top/build-aux/lsan.supp \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=30 \
      -rss_limit_mb=2048 -seed="${NB_FUZZ_SEED:-1}" -artifact_prefix="$crashes/" \
      "$corpus" "$top/tests/fuzz/corpus/$t" \
      > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  edges=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  inputs=$(find "$corpus" -type f | wc -l)
  printf '%-11s %s s: %s executions (%s/s), %s edges, %s features, corpus %s inputs' \
    "$t" "$seconds" "${execs:-?}" "${rate:-?}" "${edges:-?}" "${features:-?}" "$inputs"
  if [[ $rc -ne 0 ]]; then
    status=1
    printf ' — CRASHED (exit %s), see %s and %s/\n' "$rc" "$log" "$crashes"
    # What failed, where (the frames in our sources), and the input, for a log read
    # elsewhere: CI keeps no files.
    grep -E '^(fuzz-|==[0-9]+==|SUMMARY|MS:)|runtime error|^ +#[0-9]+ .*/(src|tests)/[^ ]*:[0-9]+' "$log" |
      head -25 | sed 's/^/    /'
    # This run's input (the folder may hold older ones); the whole of it when small, else
    # it is found again with the same seed.
    sed -n 's/.*Test unit written to //p' "$log" | while read -r input; do
      if [[ -f $input && $(stat -c %s "$input") -le 8192 ]]; then
        printf '    %s, base64: %s\n' "${input##*/}" "$(base64 -w0 "$input")"
      else
        printf '    %s\n' "$input"
      fi
    done
  else
    printf ', no crash\n'
  fi
done
exit $status
