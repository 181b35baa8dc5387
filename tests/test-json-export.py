#!/usr/bin/env python3
# test-json-export.py — the JSON export: schema, derived figures, findings, round trip
#
# An export must open as a document again, and exporting that gives the same bytes;
# "derived" and "findings" are recomputed on load, never trusted.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from nbtap import Tap, cli, schema_validator as validator, workdir  # noqa: E402

SAMPLE = os.environ["NB_SAMPLE"]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

t = Tap()


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def export(src, out):
    code, _, err = cli("export", "--to", "json", "-o", out, src)
    t.ok(code == 0 and os.path.exists(out), f"export --to json {os.path.basename(src)}", err)
    return out


def errors(v, instance):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(instance)][:5]


def main():
    doc_schema = load(os.path.join(DATA, "nianbao.schema.json"))
    export_schema = load(os.path.join(DATA, "nianbao-export.schema.json"))
    store = {doc_schema["$id"]: doc_schema, export_schema["$id"]: export_schema}
    doc_v = validator(doc_schema, store)
    export_v = validator(export_schema, store)
    sample = load(SAMPLE)

    problems = errors(doc_v, sample)
    t.ok(not problems, "the sample document is valid against nianbao.schema.json", problems)

    with workdir() as tmp:
        first = export(SAMPLE, os.path.join(tmp, "one.json"))
        exported = load(first)
        problems = errors(export_v, exported)
        t.ok(not problems, "the export is valid against nianbao-export.schema.json", problems)
        t.ok(errors(export_v, sample), "the plain document lacks what the export schema requires")

        plain = {k: v for k, v in exported.items() if k not in ("derived", "findings")}
        t.eq(plain, sample, "the export holds the document unchanged")
        t.eq(list(exported)[-2:], ["derived", "findings"], "derived and findings come last")

        second = export(first, os.path.join(tmp, "two.json"))
        t.ok(read_bytes(first) == read_bytes(second), "export → load → export is byte-identical")

        # Tampered blocks are ignored on load and recomputed.
        tampered = json.loads(json.dumps(exported))
        tampered["derived"]["share_of_new"]["open"] = {"num": 1, "den": 1, "percent": "100.00%"}
        tampered["findings"] = []
        path = os.path.join(tmp, "tampered.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(tampered, f, ensure_ascii=False)
        third = export(path, os.path.join(tmp, "three.json"))
        t.ok(read_bytes(third) == read_bytes(first), "derived and findings are recomputed, not trusted")

        code, _, err = cli("export", "--to", "json", "-o", os.path.join(tmp, "missing", "x.json"), SAMPLE)
        t.ok(code != 0 and "x.json" in err, "a failed write names the file", err)
        t.eq(sorted(os.listdir(tmp)), ["one.json", "tampered.json", "three.json", "two.json"],
             "nothing but the exports is left behind")

    d = exported["derived"]
    share = d["share_of_new"]
    t.eq([share[k]["percent"] for k in ("open", "partial", "deny", "not_available", "other")],
         ["36.54%", "17.31%", "21.15%", "17.31%", "5.77%"], "shares of 本年新收 as the sample report prints them")
    t.eq(share["open"], {"num": 19, "den": 52, "percent": "36.54%"}, "a ratio keeps numerator and denominator")
    t.eq((d["s3"]["categories"]["deny"]["total"], d["s3"]["categories"]["other"]["total"],
          d["s3"]["received"]["total"], d["s3"]["results"]["total"]), (11, 3, 52, 51),
         "不予公开 11, 其他处理 3, 收办 52, 办理结果 51")
    t.eq((d["s4"]["review_total"], d["s4"]["lit_total"]), (3, 3), "复议 3, 诉讼 3")
    t.eq(d["review_correction_rate"]["percent"], "33.33%", "复议纠错率 1/3")
    t.eq(d["yoy"], {"new": None, "results": None, "norms_issued": None}, "no year on year without last year")

    def numbers_are_integers(node):
        if isinstance(node, float):
            return False
        if isinstance(node, dict):
            return all(numbers_are_integers(v) for v in node.values())
        if isinstance(node, list):
            return all(numbers_are_integers(v) for v in node)
        return True
    t.ok(numbers_are_integers(exported), "integers only, no decimals anywhere")

    blanks = [f for f in exported["findings"] if f["rule"] == "R-F-05"]
    t.ok(any(f["where"] == "s3.na_need_create.total" and f["severity"] == "warning" for f in blanks),
         "findings: the sample's blank cell (R-F-05)", exported["findings"])

    # The schema's key lists are those the writer emits (which walks the format).
    tables = doc_schema["properties"]["tables"]["properties"]
    t.eq(list(tables["s2"]["properties"]), list(sample["tables"]["s2"]), "schema: table 二 keys")
    t.eq({r: list(v["properties"]) for r, v in tables["s3"]["properties"].items()},
         {r: list(v) for r, v in sample["tables"]["s3"].items()}, "schema: table 三 rows and columns")
    t.eq(list(tables["s4"]["properties"]), list(sample["tables"]["s4"]), "schema: table 四 keys")
    t.eq(list(export_schema["properties"]["derived"]["properties"]["s3"]["properties"]["row_totals"]["properties"]),
         list(sample["tables"]["s3"]), "export schema: row totals for every row of 三")
    t.done()


main()
