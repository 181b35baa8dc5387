#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test; ends with "N passed, N failed".
#
#   build-aux/test.sh            everything: unit, export, data and UI tests (UI under Xvfb),
#                                then the headless suites again in an ASan/UBSan build,
#                                then each fuzz target for 30 s when clang is installed
#   NB_NO_ASAN=1 build-aux/test.sh   skip the sanitizer pass
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

"$top/build-aux/install-deps.sh" || { echo "0 passed, 1 failed"; exit 1; }

logs=()
steps=()     # --step-failed=… for count-tests.py
status=0

configure () {  # dir, options…
  local dir=$1; shift
  if [[ -f $dir/build.ninja ]]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

# 1. The normal build, warnings as errors, every suite. The UI tests need a display and a
#    session bus; Xvfb and dbus-run-session give them one anywhere.
configure _build -Dwerror=true -Dtests=all || { echo "0 passed, 1 failed"; exit 1; }
ninja -C _build || { echo "0 passed, 1 failed"; exit 1; }
rm -f _build/meson-logs/testlog.json
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 || status=1
logs+=(_build/meson-logs/testlog.json)

# 2. The suites without a display again under AddressSanitizer and UBSan.
if [[ -z ${NB_NO_ASAN:-} ]]; then
  if configure _build-asan -Dwerror=true -Dtests=headless -Db_sanitize=address,undefined \
       -Db_lundef=false -Dbuildtype=debug && ninja -C _build-asan; then
    rm -f _build-asan/meson-logs/testlog.json
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions="$top/build-aux/lsan.supp" \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C _build-asan --print-errorlogs --num-processes 2 --no-suite data || status=1
    logs+=(_build-asan/meson-logs/testlog.json)
  else
    status=1
    steps+=(--step-failed="sanitizer build")
  fi
fi

# 3. Each fuzz target for 30 s (a smoke run; build-aux/fuzz.sh), when clang is there.
if command -v clang > /dev/null; then
  "$top/build-aux/fuzz.sh" "${NB_FUZZ_SECONDS:-30}" || { status=1; steps+=(--step-failed="fuzz smoke run"); }
fi

python3 "$top/build-aux/count-tests.py" "${steps[@]}" "${logs[@]}" || status=1
exit $status
