#!/usr/bin/env bash
# nianbao-cli check: exit codes 0/1/2, --json shape, messages naming the file. TAP output.
set -u
cli=${NB_CLI:?} sample=${NB_SAMPLE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n+1)); if [[ $1 == 0 ]]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi; }
echo "1..19"

"$cli" check --json "$sample" > "$tmp/out.json"; rc=$?
ok $(( rc != 0 )) "sample exits 0 (got $rc)"
python3 - "$tmp/out.json" "$sample" <<'PY'; ok $? "sample --json lists R-F-05 at s3.na_need_create.total and no error"
import json, sys
d = json.load(open(sys.argv[1]))
r = d["reports"][0]
assert r["file"] == sys.argv[2]
f = [x for x in r["findings"] if x["rule"] == "R-F-05"]
assert len(f) == 1 and f[0]["where"] == "s3.na_need_create.total" and f[0]["severity"] == "warning"
assert not [x for x in r["findings"] if x["severity"] == "error"]
assert all(set(x) == {"rule", "severity", "where", "message"} for x in r["findings"])
PY

sed 's/"np" : 48,/"np" : 49,/' "$sample" > "$tmp/changed.nianbao"
"$cli" check --json "$tmp/changed.nianbao" > "$tmp/changed.json"; rc=$?
ok $(( rc != 1 )) "new.np = 49 exits 1 (got $rc)"
python3 - "$tmp/changed.json" <<'PY'; ok $? "new.np = 49 reports R-T3-03 at s3.new.np and R-T3-01 at s3.new.total"
import json, sys
f = json.load(open(sys.argv[1]))["reports"][0]["findings"]
assert {"rule": "R-T3-03", "where": "s3.new.np"} in [{"rule": x["rule"], "where": x["where"]} for x in f]
assert {"rule": "R-T3-01", "where": "s3.new.total"} in [{"rule": x["rule"], "where": x["where"]} for x in f]
assert all(x["severity"] == "error" for x in f if x["rule"] in ("R-T3-01", "R-T3-02", "R-T3-03"))
PY

head -c 700 "$sample" > "$tmp/truncated.nianbao"
"$cli" check "$tmp/truncated.nianbao" > /dev/null 2> "$tmp/err"; rc=$?
ok $(( rc != 2 )) "truncated file exits 2 (got $rc)"
grep -q "truncated.nianbao" "$tmp/err"; ok $? "its message names the file: $(head -c 160 "$tmp/err")"

"$cli" check "$sample" "$tmp/truncated.nianbao" "$tmp/changed.nianbao" > "$tmp/many" 2>/dev/null; rc=$?
ok $(( rc != 2 )) "a bad file among good ones exits 2 (got $rc)"
grep -q "changed.nianbao" "$tmp/many"; ok $? "the good files after it are still checked"

"$cli" check --previous /nonexistent.nianbao "$sample" > /dev/null 2>&1; rc=$?
ok $(( rc != 2 )) "a missing --previous exits 2 (got $rc)"
"$cli" check --previous "$sample" "$sample" > /dev/null 2> "$tmp/err"; rc=$?
ok $(( rc != 2 )) "last year's report of the same year is refused, exit 2 (got $rc)"
grep -q "qianjiang-2024.nianbao: .*2024" "$tmp/err"; ok $? "the message names the report and the years: $(head -c 200 "$tmp/err")"

# A report nested 100,000 levels deep crashed the parser and the whole batch with it.
python3 -c "import sys; sys.stdout.write('{\"format\": \"gov-2021\", \"version\": 1, \"meta\": ' + '[' * 100000 + ']' * 100000 + '}')" > "$tmp/deep.nianbao"
"$cli" check "$sample" "$tmp/deep.nianbao" "$tmp/changed.nianbao" > "$tmp/many" 2> "$tmp/err"; rc=$?
ok $(( rc != 2 )) "a 100,000-level file in a batch exits 2, no crash (got $rc)"
grep -q "changed.nianbao" "$tmp/many" && grep -q "deep.nianbao: \$.meta\[0\].*nested more than" "$tmp/err"
ok $? "the others are checked and the deep one is named: $(head -c 160 "$tmp/err")"

# A FIFO or /dev/zero is refused at once (they hung, or grew to 4 GB).
mkfifo "$tmp/fifo.nianbao"
for what in "check $tmp/fifo.nianbao" "check /dev/zero" "export --to json -o $tmp/x.json $tmp/fifo.nianbao" "import -o $tmp/x.nianbao $tmp/fifo.nianbao"; do
  timeout 20 "$cli" $what > /dev/null 2> "$tmp/err"; rc=$?
  [[ $rc == 2 ]] && grep -q "not a regular file" "$tmp/err"
  ok $? "$what: refused at once, exit 2 (got $rc): $(head -c 120 "$tmp/err")"
done

# Control characters from a report (here its file name) reach the terminal escaped.
evil="$tmp/"$'evil\e[2J\a'".nianbao"
cp "$sample" "$evil"
"$cli" check "$evil" > "$tmp/out" 2>&1
! grep -q $'\e' "$tmp/out" && grep -qF 'evil\x1b[2J\x07.nianbao' "$tmp/out"
ok $? "no escape character is printed; it is shown as \\x1b: $(grep -a evil "$tmp/out" | head -c 100)"
cp "$tmp/deep.nianbao" "$evil"
"$cli" check "$evil" > "$tmp/out" 2>&1
! grep -q $'\e' "$tmp/out"; ok $? "nor in an error message"
exit $failed
