#!/usr/bin/env bash
# Overrides of errors (rules.md, Severity): export refused, then allowed with --force or a
# note; check's exit code and its marks for overridden errors. TAP output.
set -u
cli=${NB_CLI:?} sample=${NB_SAMPLE:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n+1)); if [[ $1 == 0 ]]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi; }
echo "1..13"

# new.np 48 → 49 breaks R-T3-01 at s3.new.total and R-T3-03 at s3.new.np.
sed 's/"np" : 48,/"np" : 49,/' "$sample" > "$tmp/bad.nianbao"

"$cli" export --to json -o "$tmp/bad.json" "$tmp/bad.nianbao" > /dev/null 2> "$tmp/err"; rc=$?
ok $(( rc != 1 )) "export of a report with errors exits 1 (got $rc)"
[[ ! -e $tmp/bad.json ]]; ok $? "and writes nothing"
grep -q "R-T3-03 s3.new.np" "$tmp/err" && grep -q "R-T3-01 s3.new.total" "$tmp/err"
ok $? "stderr lists the blocking errors with rule and place: $(head -n 1 "$tmp/err" | head -c 160)"

"$cli" export --force --to json -o "$tmp/bad.json" "$tmp/bad.nianbao" > /dev/null 2>&1; rc=$?
ok $(( rc != 0 )) "export --force exits 0 (got $rc)"
[[ -s $tmp/bad.json ]]; ok $? "and writes the export"

# One of the two errors overridden: still blocked; both: allowed.
python3 - "$tmp/bad.nianbao" "$tmp/one.nianbao" "$tmp/both.nianbao" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["meta"]["overrides"] = [{"rule": "R-T3-03", "where": "s3.new.np", "note": "原表如此"}]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
d["meta"]["overrides"].append({"rule": "R-T3-01", "where": "s3.new.total", "note": "原表如此"})
json.dump(d, open(sys.argv[3], "w"), ensure_ascii=False, indent=2)
PY
"$cli" export --to json -o "$tmp/one.json" "$tmp/one.nianbao" > /dev/null 2> "$tmp/err"; rc=$?
ok $(( rc != 1 )) "one error left without a note: export exits 1 (got $rc)"
grep -q "R-T3-03" "$tmp/err"; ok $(( $? == 0 )) "the overridden error is not listed as blocking"

"$cli" check "$tmp/one.nianbao" > "$tmp/out"; rc=$?
ok $(( rc != 1 )) "check with one error left exits 1 (got $rc)"

"$cli" check "$tmp/both.nianbao" > "$tmp/out"; rc=$?
ok $(( rc != 0 )) "check with every error overridden exits 0 (got $rc)"
grep -q "R-T3-03.*（已说明：原表如此）" "$tmp/out"; ok $? "text output marks the overridden error"

"$cli" check --json "$tmp/both.nianbao" > "$tmp/out.json"
"$cli" export --to json -o "$tmp/both.json" "$tmp/both.nianbao" > /dev/null 2>&1; rc=$?
ok $(( rc != 0 )) "every error overridden: export exits 0 (got $rc)"
python3 - "$tmp/out.json" "$tmp/both.json" <<'PY'; ok $? "check --json and the JSON export carry the note on overridden errors only"
import json, sys
for f in (json.load(open(sys.argv[1]))["reports"][0]["findings"], json.load(open(sys.argv[2]))["findings"]):
    noted = {(x["rule"], x["where"]): x.get("override") for x in f if "override" in x}
    assert noted == {("R-T3-03", "s3.new.np"): "原表如此", ("R-T3-01", "s3.new.total"): "原表如此"}, noted
assert json.load(open(sys.argv[2]))["meta"]["overrides"][0]["note"] == "原表如此"
PY
data=$(dirname "$0")/../data
python3 - "$data" "$tmp/both.nianbao" "$tmp/both.json" <<'PY'; ok $? "document and export with overrides are valid against their schemas"
import json, os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "..", "tests"))
from nbtap import schema_validator
schemas = {n: json.load(open(os.path.join(sys.argv[1], n))) for n in ("nianbao.schema.json", "nianbao-export.schema.json")}
store = {s["$id"]: s for s in schemas.values()}
doc_v = schema_validator(schemas["nianbao.schema.json"], store)
doc_v.validate(json.load(open(sys.argv[2])))
schema_validator(schemas["nianbao-export.schema.json"], store).validate(json.load(open(sys.argv[3])))
bad = json.load(open(sys.argv[2]))
bad["meta"]["overrides"][0]["note"] = ""
assert not doc_v.is_valid(bad)
PY
exit $failed
