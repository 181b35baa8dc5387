#!/usr/bin/env bash
# Prints performance figures of this machine; never pass/fail.
#   build-aux/bench.sh [section…]    a section is a bench_<name> function below (default: all)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build=${NB_BUILD:-_build}
[[ -f $build/build.ninja ]] || meson setup "$build" >/dev/null
ninja -C "$build" >/dev/null || exit 1
cli="$top/$build/src/cli/nianbao-cli"
sample="$top/data/samples/qianjiang-2024.nianbao"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# peak_rss_mb CMD… — runs CMD once under /usr/bin/time and prints its peak resident memory.
peak_rss_mb () {
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>&1
  awk '{ printf "%.1f", $1 / 1024 }' "$tmp/rss"
}

# median_seconds N CMD… — the median wall time of N runs of CMD.
median_seconds () {
  local n=$1; shift
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    echo $(( end - start ))
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.4f", a[int((NR + 1) / 2)] / 1e9 }'
}

# stats_ms CMD…: runs CMD $runs times after one warm-up; prints "median (min)" in ms. The
# minimum shows what a quiet machine gives while other processes compete for the cores.
runs=${RUNS:-15}
stats_ms () {
  "$@" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
  done | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%8.1f ms (min %5.1f)", m / 1000, v[1] / 1000 }'
}

# figure NAME TARGET_MS CMD…
figure () {
  local name=$1 target=$2
  shift 2
  printf '%-28s %s   target ≤ %s ms, median of %s, load %s\n' "$name" "$(stats_ms "$@")" \
    "$target" "$runs" "$(cut -d' ' -f1 /proc/loadavg)"
}

bench_core () {
  echo "== core: load, recalculation and checks (targets: ≤ 50 µs per recalculation, 1,000 files ≤ 1 s)"
  "$top/$build/tests/bench-core" "$sample"
  mkdir -p "$tmp/many"
  for i in $(seq -w 1 1000); do cp "$sample" "$tmp/many/report-$i.nianbao"; done
  echo "nianbao-cli check, 1,000 copies of the sample:  $(median_seconds 5 "$cli" check "$tmp"/many/*.nianbao) s (median of 5),"\
       "peak $(peak_rss_mb "$cli" check "$tmp"/many/*.nianbao) MB"
}

bench_html_json () {
  echo "== HTML and JSON exports, whole process"
  figure "export --to html" 20 "$cli" export --to html -o "$tmp/sample.html" "$sample"
  figure "export --to html --fragment" 20 "$cli" export --to html --fragment -o "$tmp/fragment.html" "$sample"
  figure "export --to json" 20 "$cli" export --to json -o "$tmp/sample.json" "$sample"
}

# cpu_seconds CMD…: user + system seconds of one run; steadier than wall time on a busy machine.
cpu_seconds () {
  /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f", $1 + $2 }' "$tmp/cpu"
}

# Targets: ≤ 0.15 s and ≤ 80 MB peak, at most a fifth of LibreOffice's time.
bench_pdf () {
  local out="$tmp/out.pdf" t
  echo "== PDF export: nianbao-cli export --to pdf of the sample (targets: ≤ 0.15 s, ≤ 80 MB)"
  "$cli" export --to pdf -o "$out" "$sample" >/dev/null 2>&1      # warm the font caches
  t=$(median_seconds "$runs" "$cli" export --to pdf -o "$out" "$sample")
  echo "time            $t s (wall, median of $runs)"
  echo "cpu             $(cpu_seconds "$cli" export --to pdf -o "$out" "$sample") s (user + system)"
  echo "peak memory     $(peak_rss_mb "$cli" export --to pdf -o "$out" "$sample") MB"
  echo "pages, size     $(pdfinfo "$out" 2>/dev/null | awk '/^Pages:/ { print $2 }'), $(stat -c %s "$out") bytes"
  if command -v soffice >/dev/null 2>&1; then
    # Writer's HTML filter: through Writer/Web (the default for .html) LibreOffice 7.4 spent
    # over two minutes on this page without finishing. Bounded all the same.
    local limit=${SOFFICE_LIMIT:-180} t0 t1 lo
    "$cli" export --to html -o "$tmp/report.html" "$sample" >/dev/null
    t0=$(date +%s%N)
    if timeout "$limit" soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf \
         --outdir "$tmp/lo" "$tmp/report.html" >/dev/null 2>&1 && [[ -s $tmp/lo/report.pdf ]]; then
      t1=$(date +%s%N)
      lo=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
      echo "LibreOffice     $lo s (soffice --headless --convert-to pdf of the HTML export, one warm run)"
      awk -v a="$t" -v b="$lo" 'BEGIN { printf "ratio           %.3f\n", a / b }'
    else
      pkill -f 'soffice.bin --headless --convert-to' 2>/dev/null
      echo "LibreOffice     no PDF within $limit s (soffice --headless --convert-to pdf of the HTML export)"
    fi
  else
    echo "LibreOffice     not measured (soffice not installed)"
  fi
}

# ---- issue 14: review of a folder and merge of a region, whole process. Memory should not
# grow with the number of reports: peak RSS for 100 and for 1,000 reports side by side.
bench_review_merge () {
  echo "== review and merge: 1,000 .nianbao reports, whole process (targets: ≤ 1 s each, memory flat)"
  mkdir -p "$tmp/region"
  for i in $(seq -w 1 1000); do
    sed "s/重庆市黔江区人民政府/部门$i/" "$sample" > "$tmp/region/report-$i.nianbao"
  done
  mkdir -p "$tmp/region100"
  cp "$tmp"/region/report-{0001..0100}.nianbao "$tmp/region100/"
  echo "review 1,000 -o review.html:  $(median_seconds 5 "$cli" review -o "$tmp/review.html" "$tmp/region") s (median of 5),"\
       "peak $(peak_rss_mb "$cli" review -o "$tmp/review.html" "$tmp/region") MB"\
       "(100 reports: $(peak_rss_mb "$cli" review -o "$tmp/review.html" "$tmp/region100") MB)"
  echo "review 1,000 -o review.csv:   $(median_seconds 5 "$cli" review -o "$tmp/review.csv" "$tmp/region") s (median of 5)"
  echo "merge 1,000 -o region:        $(median_seconds 5 "$cli" merge -o "$tmp/region.nianbao" "$tmp"/region/*.nianbao) s (median of 5),"\
       "peak $(peak_rss_mb "$cli" merge -o "$tmp/region.nianbao" "$tmp"/region/*.nianbao) MB"\
       "(100 reports: $(peak_rss_mb "$cli" merge -o "$tmp/region.nianbao" "$tmp"/region100/*.nianbao) MB)"
}

# ---- bench_startup: exec to the first frame of the window with the sample, under Xvfb with
# GTK's default renderer, and the resident memory half a second later; beside GNOME Text
# Editor (Debian package gnome-text-editor, skipped when absent) showing the seed's text
# file, measured the same way in the same run (build-aux/nb-first-frame.c).

# One measurement in a fresh environment: "<seconds> <MiB>"; $renderer, when set, is the
# GSK_RENDERER every program gets (unset: each program's own choice).
startup_once () {
  local home
  home=$(mktemp -d)
  env -u GSK_RENDERER ${renderer:+GSK_RENDERER=$renderer} HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
      XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$top/$build/data" GTK_A11Y=none NO_AT_BRIDGE=1 \
      "$top/$build/bench/nb-first-frame" "$@" 2>/dev/null || echo "- -"
  rm -rf "$home"
}

median () {
  grep -v '^-$' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs inside Xvfb and a session bus (see bench_startup).
startup_inner () {
  local seed="${NB_SEED:-$top/../shared/seed/qianjiang-2024.txt}" n=${STARTUP_RUNS:-5}
  local have_gte=0
  command -v gnome-text-editor >/dev/null && [[ -f $seed ]] && have_gte=1
  for ((i = 0; i < n; i++)); do
    startup_once "$top/$build/src/gui/nianbao" "$sample" >> "$tmp/nb"
    ((have_gte)) && startup_once gnome-text-editor --standalone "$seed" >> "$tmp/gte"
  done
  printf '%-34s %10s %10s\n' "startup ($n runs, median)" "first frame" "RSS"
  printf '%-34s %9ss %7s MiB\n' "nianbao (sample)" "$(cut -d' ' -f1 "$tmp/nb" | median)" \
    "$(cut -d' ' -f2 "$tmp/nb" | median)"
  if ((have_gte)); then
    printf '%-34s %9ss %7s MiB\n' "gnome-text-editor (seed text)" "$(cut -d' ' -f1 "$tmp/gte" | median)" \
      "$(cut -d' ' -f2 "$tmp/gte" | median)"
    # Nianbao draws with cairo where OpenGL is software (nb-renderer-choice.c) and GNOME Text
    # Editor does not: the same renderer for both, so that the programs themselves compare.
    : > "$tmp/nb-cairo"; : > "$tmp/gte-cairo"
    for ((i = 0; i < n; i++)); do
      renderer=cairo startup_once "$top/$build/src/gui/nianbao" "$sample" >> "$tmp/nb-cairo"
      renderer=cairo startup_once gnome-text-editor --standalone "$seed" >> "$tmp/gte-cairo"
    done
    printf '%-34s %9ss %7s MiB\n' "nianbao, both with cairo" "$(cut -d' ' -f1 "$tmp/nb-cairo" | median)" \
      "$(cut -d' ' -f2 "$tmp/nb-cairo" | median)"
    printf '%-34s %9ss %7s MiB\n' "gnome-text-editor, both with cairo" \
      "$(cut -d' ' -f1 "$tmp/gte-cairo" | median)" "$(cut -d' ' -f2 "$tmp/gte-cairo" | median)"
  else
    echo "gnome-text-editor: not installed (apt-get install gnome-text-editor), skipped"
  fi
}

bench_startup () {
  echo "== startup: exec to first frame with the sample open, RSS 0.5 s later (target: no slower, no larger than GNOME Text Editor)"
  mkdir -p "$top/$build/bench"
  cc -O2 -o "$top/$build/bench/nb-first-frame" "$top/build-aux/nb-first-frame.c" \
     $(pkg-config --cflags --libs x11 xdamage)
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" __startup_inner 2>/dev/null
}

# ---- bench_docx: the Word export (issue 15), whole process (target ≤ 50 ms for the sample).
bench_docx () {
  local out="$tmp/sample.docx"
  echo "== Word export: nianbao-cli export --to docx of the sample (target: ≤ 50 ms)"
  figure "export --to docx" 50 "$cli" export --to docx -o "$out" "$sample"
  echo "cpu             $(cpu_seconds "$cli" export --to docx -o "$out" "$sample") s (user + system)"
  echo "peak memory     $(peak_rss_mb "$cli" export --to docx -o "$out" "$sample") MB"
  echo "size            $(stat -c %s "$out") bytes"
}

# Issue 12: import of each real and synthetic report of tests/data/fidelity (one process
# per import: reading, the PDF module's load and saving included).
bench_import () {
  echo "== import: nianbao-cli import of each report (targets: PDF ≤ 300 ms for 10 pages, text ≤ 50 ms)"
  local f target pages
  for f in "$top"/tests/data/fidelity/*.pdf "$top"/tests/data/fidelity/*.txt; do
    target=50; pages=""
    if [[ $f == *.pdf ]]; then
      target=300
      pages=" ($(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages)"
    fi
    figure "$(basename "$f")$pages" "$target" env NB_MODULE_DIR="$top/$build/src/core" \
      "$cli" import "$f" -o "$tmp/import.nianbao"
  done
}

# Issue 13: import memory. Texts of 4, 8 and 16 MB made from the sample: the whole report
# repeated, prose lines in 一, rows in table 三, the corpus's one-line portal page padded
# with prose, and that page repeated on a single line (cut at every title: it took 274 s
# for 16 MB before). Peak resident memory above the sample's own import, as a multiple of the input
# (target ≤ 4 ×), and the time, which should grow with the size and no faster.
bench_import_memory () {
  echo "== import memory: nianbao-cli import of large texts (target: ≤ 4 × the input above the process's own)"
  local text="$top/tests/data/qianjiang-2024.txt" flat="$top/tests/data/fidelity/pingtan-2021.txt"
  local base shape mb f rss secs
  /usr/bin/time -f '%M' -o "$tmp/rss" "$cli" import "$text" -o "$tmp/import.nianbao" >/dev/null 2>&1
  base=$(cat "$tmp/rss")
  printf '%-10s %8s %10s %8s %7s\n' shape input "peak RSS" time ratio
  for shape in repeated prose table flat one-line; do
    for mb in 4 8 16; do
      f="$tmp/$shape-$mb.txt"
      python3 - "$shape" "$mb" "$text" "$flat" "$f" <<'PY'
import sys
shape, mb, text, flat, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
lines, size = open(text, encoding="utf-8").read().splitlines(), mb * 1000 * 1000
def pad(make):
    out, n = [], 0
    while n < size:
        out.append(make(len(out)))
        n += len(out[-1].encode()) + 1
    return out
prose = lambda i: "关于进一步做好政务公开工作的补充说明第%d条，内容从略。" % i
if shape == "repeated":
    body = lines * (size // len("\n".join(lines).encode()) + 1)
elif shape == "prose":
    at = lines.index("一、总体情况") + 1
    body = lines[:at] + pad(prose) + lines[at:]
elif shape == "table":
    at = lines.index("三、收到和处理政府信息公开申请情况") + 1
    body = lines[:at] + pad(lambda i: "其他情形%d | %d | %d |" % (i, i % 97, i % 13)) + lines[at:]
elif shape == "flat":
    page = open(flat, encoding="utf-8").read().splitlines()
    body = [page[0] + "".join(pad(prose))] + page[1:]
else:
    page = open(flat, encoding="utf-8").read().replace("\n", " ")
    body = [page * (size // len(page.encode()) + 1)]
open(out, "w", encoding="utf-8").write("\n".join(body) + "\n")
PY
      /usr/bin/time -f '%M %e' -o "$tmp/rss" "$cli" import "$f" -o "$tmp/import.nianbao" >/dev/null 2>&1
      read -r rss secs < "$tmp/rss"
      awk -v s="$shape" -v n="$(stat -c %s "$f")" -v r="$rss" -v b="$base" -v t="$secs" 'BEGIN {
        printf "%-10s %6.1f MB %7.1f MB %6.2f s %6.1f ×\n", s, n / 1e6, r / 1024, t, (r - b) * 1024 / n }'
      rm -f "$f"
    done
  done
  echo "(the sample alone: $(awk -v b="$base" 'BEGIN { printf "%.1f", b / 1024 }') MB)"
}

# ---- bench_window (issue 10): the window's resident memory through a session: with the
# sample open, after every page (预览 too), and over 20 cycles of edit / undo / export PDF
# (tests/bench-window.c). Targets: after every page no more than GNOME Text Editor's RSS
# in bench_startup; growth over the 20 cycles ≤ 10 MB.
bench_window () {
  echo "== window memory: every page, then 20 × edit / undo / export PDF (targets: ≤ 1.0× GNOME Text Editor's RSS, growth ≤ 10 MB)"
  if [[ ! -x $top/$build/tests/bench-window ]]; then
    echo "bench-window not built (meson setup -Dtests=all)"
    return
  fi
  env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$top/$build/data" GTK_A11Y=none \
      NO_AT_BRIDGE=1 NB_SAMPLE="$sample" NB_MODULE_DIR="$top/$build/src/core" \
      xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      "$top/$build/tests/bench-window" 2>/dev/null
}

# ---- bench_pdf_memory (issue 10): resident memory and heap in use over 30 PDF exports of
# the sample in one process (tests/bench-pdf-memory.c): the same text each time (an export
# takes over the last one's font subsets), then a new character each time (new subsets;
# cairo keeps its old fonts up to its own cache limits).
bench_pdf_memory () {
  echo "== PDF export memory: 30 exports in one process (target: flat after the first for the same text)"
  if [[ ! -x $top/$build/tests/bench-pdf-memory ]]; then
    echo "bench-pdf-memory not built (meson setup -Dtests=headless or all)"
    return
  fi
  echo "-- the same text"
  "$top/$build/tests/bench-pdf-memory" "$sample" 30
  echo "-- one new character before each export"
  "$top/$build/tests/bench-pdf-memory" "$sample" 30 --edit
}

if [[ ${1:-} == __startup_inner ]]; then
  startup_inner
  exit 0
fi

sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || mapfile -t sections < <(declare -F | awk '{ print $3 }' | sed -n 's/^bench_//p')
for s in "${sections[@]}"; do
  if declare -F "bench_$s" >/dev/null; then "bench_$s"; else echo "no benchmark section “$s”"; fi
done
