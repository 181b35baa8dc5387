#!/usr/bin/env python3
"""Counts test cases in meson test logs and prints one line: "N passed, N failed".

Each GLib test executable speaks TAP, so one meson test holds many cases; this counts the
cases ("ok" / "not ok" lines), not the executables. A test that failed without a "not ok"
line (a crash, a timeout) counts as one failure.
"""
import json
import re
import sys

passed = failed = skipped = 0
logs = []
for arg in sys.argv[1:]:
    # --step-failed=NAME: a build or run step that failed before any test could count it.
    if arg.startswith("--step-failed="):
        print(f"step failed: {arg.split('=', 1)[1]}")
        failed += 1
    else:
        logs.append(arg)
for path in logs:
    try:
        log = open(path, encoding="utf-8")
    except OSError as error:
        print(f"no test log {path}: {error.strerror}")
        failed += 1
        continue
    with log:
        for line in log:
            test = json.loads(line)
            out = test.get("stdout") or test.get("stdo") or ""
            oks = nots = skips = 0
            for tap in out.splitlines():
                if re.match(r"^ok\b", tap):
                    if re.search(r"#\s*SKIP", tap, re.I):
                        skips += 1
                    else:
                        oks += 1
                elif re.match(r"^not ok\b", tap):
                    if re.search(r"#\s*TODO", tap, re.I):
                        skips += 1
                    else:
                        nots += 1
            result = test.get("result", "")
            if oks + nots + skips == 0:
                if result in ("OK", "EXPECTEDFAIL"):
                    oks = 1
                elif result == "SKIP":
                    skips = 1
                else:
                    nots = 1
            elif result not in ("OK", "SKIP", "EXPECTEDFAIL") and nots == 0:
                nots = 1
            passed += oks
            failed += nots
            skipped += skips

if skipped:
    print(f"{skipped} skipped")
# The closing line CI reads: exactly this shape.
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
