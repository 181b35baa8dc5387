#!/usr/bin/env python3
# test-review-cli.py — nianbao-cli review and merge, their files read back
#
# The review's HTML parsed with html5lib in strict mode (a parse error fails), its CSV with
# the csv module; the counts compared with nianbao-cli check --json on each file; user text
# escaped and quoted; merge sums, --explain, refusals and exit codes.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import json
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import html5lib  # noqa: E402  (Debian: python3-html5lib)

from nbtap import Tap, cli, workdir  # noqa: E402

SAMPLE = os.environ["NB_SAMPLE"]
t = Tap()


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(doc, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


def text(el):
    return "".join(el.itertext()).strip()


def scale(node, factor):
    for key, value in node.items():
        if isinstance(value, dict):
            scale(value, factor)
        elif isinstance(value, int):
            node[key] = value * factor


def check_counts(path):
    """(errors, warnings, infos) as nianbao-cli check --json gives them (after import)."""
    if not path.endswith(".nianbao"):
        # Beside the folder, not in it: the folder is reviewed again below.
        imported = os.path.join(os.path.dirname(os.path.dirname(path)),
                                os.path.basename(path) + ".imported.nianbao")
        cli("import", path, "-o", imported)
        path = imported
    _, out, _ = cli("check", "--json", path)
    findings = json.loads(out)["reports"][0]["findings"]
    return tuple(sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info"))


with workdir() as tmp:
    folder = os.path.join(tmp, "reports")
    os.mkdir(folder)
    clean = load(SAMPLE)
    # Markup, a comma and quotes in the agency: escaped in HTML, quoted in CSV.
    clean["meta"]["agency"] = '<b>甲,"乙"</b>局'
    save(clean, os.path.join(folder, "1-clean.nianbao"))
    defective = load(SAMPLE)
    defective["tables"]["s3"]["new"]["np"] += 1
    save(defective, os.path.join(folder, "2-defective.nianbao"))
    with open(os.path.join(folder, "3-broken.nianbao"), "w") as f:
        f.write('{"format": "gov-2021", "version": 1, "meta": {')
    shutil.copy(os.path.join(os.environ["G_TEST_SRCDIR"], "data", "qianjiang-2024.html"),
                os.path.join(folder, "4-published.html"))
    names = sorted(os.listdir(folder))
    paths = [os.path.join(folder, n) for n in names]

    out_html = os.path.join(tmp, "review.html")
    code, stdout, err = cli("review", "-o", out_html, folder)
    t.eq(code, 2, "review with an unreadable file exits 2")
    t.ok("3-broken.nianbao" in err, "stderr names the unreadable file", err)
    with open(out_html, encoding="utf-8") as f:
        raw = f.read()
    try:
        doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(raw)
        t.ok(True, "review.html parses without an error in strict html5lib")
    except Exception as e:  # noqa: BLE001
        t.ok(False, "review.html parses without an error in strict html5lib", e)
        doc = html5lib.parse(raw, namespaceHTMLElements=False)
    t.ok("<b>甲" not in raw and "&lt;b&gt;甲" in raw, "the agency's markup is escaped")
    summary = doc.find(".//table[@id='summary']")
    rows = summary.findall("./tbody/tr")
    t.eq(len(rows), 4, "one summary row per input, the unreadable one included")
    t.eq([text(r.find("td")) for r in rows], paths, "rows in the order of the folder")
    for path, row in zip(paths, rows):
        cells = [text(td) for td in row.findall("td")]
        if path.endswith("3-broken.nianbao"):
            t.ok(row.get("class") == "unreadable" and "无法读取" in cells[7],
                 "the unreadable file's row says why", cells)
            continue
        want = check_counts(path)
        t.eq(tuple(int(c) for c in cells[3:6]), want, f"{os.path.basename(path)}: counts as check gives them")
        anchor = row.find("td/a").get("href")[1:]
        section = doc.find(f".//h2[@id='{anchor}']/..")
        n = len(section.findall(".//tbody/tr")) if section is not None else -1
        t.eq(n, sum(want), f"{os.path.basename(path)}: its findings listed under its heading")
    t.ok(text(rows[0].findall("td")[1]) == '<b>甲,"乙"</b>局', "the agency reads back as written")
    t.ok("R-T3-01" in text(rows[1].findall("td")[6]) and "R-T3-03" in text(rows[1].findall("td")[6]),
         "the defective report's rules are listed")
    t.ok("未能读出" in text(rows[3].findall("td")[7]), "the imported report says how many cells were not read")
    unreadable = [h for h in doc.iter("h2") if text(h) == "无法读取的文件"]
    t.ok(len(unreadable) == 1, "the unreadable files are listed under their own heading")

    out_csv = os.path.join(tmp, "review.csv")
    code, _, _ = cli("review", "-o", out_csv, *paths)
    t.eq(code, 2, "review -o review.csv of the files exits 2")
    with open(out_csv, "rb") as f:
        data = f.read()
    t.ok(data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data, "CSV: UTF-8 BOM and CRLF lines")
    with open(out_csv, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    t.ok(all(len(r) == 14 for r in records), "every CSV record has the 14 columns")
    header, records = records[0], [dict(zip(records[0], r)) for r in records[1:]]
    t.eq(header[:4], ["record", "file", "agency", "year"], "CSV header")
    reports = [r for r in records if r["record"] == "report"]
    t.eq([r["file"] for r in reports], [p for p in paths if "broken" not in p], "a report record per readable file")
    t.eq(reports[0]["agency"], '<b>甲,"乙"</b>局', "the agency with a comma and quotes reads back")
    for r in reports:
        want = check_counts(r["file"])
        t.eq((int(r["errors"]), int(r["warnings"]), int(r["infos"])), want, f"CSV counts of {os.path.basename(r['file'])}")
        n = sum(1 for x in records if x["record"] == "finding" and x["file"] == r["file"])
        t.eq(n, sum(want), f"CSV findings of {os.path.basename(r['file'])}")
    bad = [r for r in records if r["record"] == "unreadable"]
    t.ok(len(bad) == 1 and bad[0]["file"].endswith("3-broken.nianbao") and bad[0]["message"],
         "the unreadable file is a record with its reason", bad)

    # A review written into the folder it reviews is not read as a report the next time.
    inside = os.path.join(folder, "review.html")
    cli("review", "-o", inside, folder)
    cli("review", "-o", inside, folder)
    with open(inside, encoding="utf-8") as f:
        again = html5lib.parse(f.read(), namespaceHTMLElements=False)
    t.eq(len(again.findall(".//table[@id='summary']/tbody/tr")), 4,
         "review -o DIR/review.html twice: the review itself is no input")

    # --previous-dir: last year's report of the same agency, found by agency.
    prev = os.path.join(tmp, "2023")
    os.mkdir(prev)
    last = load(SAMPLE)
    last["meta"]["year"] = 2023
    save(last, os.path.join(prev, "whatever-name.nianbao"))
    code, stdout, err = cli("review", "--previous-dir", prev, SAMPLE)
    t.ok(code != 2 and "whatever-name.nianbao" in stdout and "R-X-04" in stdout,
         "--previous-dir matches by agency and runs the cross-year checks", stdout + err)
    code, _, err = cli("review", "--previous-dir", os.path.join(tmp, "missing"), SAMPLE)
    t.ok(code == 2 and "missing" in err, "a missing --previous-dir exits 2 naming it", err)

    # Merge: three reports, the sums, --explain, the arithmetic checks of the result.
    merge_dir = os.path.join(tmp, "merge")
    os.mkdir(merge_dir)
    docs = []
    for i, factor in enumerate((1, 2, 3)):
        d = load(SAMPLE)
        d["meta"]["agency"] = f"部门{i + 1}"
        scale(d["tables"], factor)
        docs.append(d)
        save(d, os.path.join(merge_dir, f"s{i + 1}.nianbao"))
    sources = [os.path.join(merge_dir, f"s{i}.nianbao") for i in (1, 2, 3)]
    merged = os.path.join(tmp, "region.nianbao")
    code, stdout, err = cli("merge", "-o", merged, "--agency", "某区", "--explain", "s3.new.total", *sources)
    t.eq(code, 0, "merge of three reports exits 0")
    lines = stdout.splitlines()
    t.ok(lines[0].startswith("s3.new.total"), "--explain names the cell", stdout)
    t.eq(lines[1:4], [f"  {p}  部门{i + 1}  {52 * (i + 1)}" for i, p in enumerate(sources)],
         "--explain lists each source's value with its agency")
    t.ok(lines[4].endswith(": 312"), "--explain ends with the sum 52 + 104 + 156", stdout)
    out = load(merged)
    t.eq(out["tables"]["s3"]["new"]["total"], 312, "s3.new.total merged")
    flat = []
    for table in ("s2", "s3", "s4"):
        def walk(a, bs, prefix):
            for k, v in a.items():
                if isinstance(v, dict):
                    walk(v, [b[k] for b in bs], prefix + k + ".")
                else:
                    flat.append((prefix + k, v, [b[k] for b in bs]))
        walk(out["tables"][table], [d["tables"][table] for d in docs], table + ".")
    wrong = [(k, v, vs) for k, v, vs in flat
             if (v is None) != all(x is None for x in vs)
             or (isinstance(v, int) and v != sum(x for x in vs if isinstance(x, int)))]
    t.ok(not wrong and len(flat) > 100, f"every one of {len(flat)} cells is the sum of the sources, blanks blank", wrong[:5])
    t.eq([(s["file"], s["agency"], len(s["sha256"])) for s in out["meta"]["sources"]],
         [(p, f"部门{i + 1}", 64) for i, p in enumerate(sources)], "meta.sources: file, agency, checksum")
    _, check_out, _ = cli("check", "--json", merged)
    errs = [f for f in json.loads(check_out)["reports"][0]["findings"]
            if f["severity"] == "error" and f["rule"].startswith("R-T")]
    t.eq(errs, [], "the merged report passes the arithmetic rules")

    older = load(SAMPLE)
    older["meta"]["year"] = 2023
    save(older, os.path.join(tmp, "older.nianbao"))
    code, _, err = cli("merge", "-o", os.path.join(tmp, "mixed.nianbao"), sources[0], os.path.join(tmp, "older.nianbao"))
    t.ok(code == 2 and "2023" in err and "older.nianbao" in err and not os.path.exists(os.path.join(tmp, "mixed.nianbao")),
         "mixed years are refused, exit 2, nothing written", err)
    code, _, err = cli("merge", "-o", os.path.join(tmp, "f.nianbao"), sources[0], paths[1])
    t.ok(code == 1 and "--force" in err and "R-T3-03" in err, "a source with errors needs --force, exit 1", err)
    code, _, _ = cli("merge", "--force", "-o", os.path.join(tmp, "f.nianbao"), sources[0], paths[1])
    t.eq(code, 0, "with --force it is merged")
    code, _, err = cli("merge", "--explain", "s3.nope", sources[0])
    t.ok(code == 2 and "s3.nope" in err, "--explain of an unknown key exits 2 naming it", err)
    code, _, err = cli("merge", sources[0])
    t.ok(code == 2 and "-o" in err, "merge without -o or --explain exits 2", err)

# A finding about a cell the import could not read says so in the review (HTML and CSV), so a
# reviewer tells a limit of the import from the department's defect.
with workdir() as tmp:
    published = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "fidelity", "pingtan-2021.txt")
    out_csv = os.path.join(tmp, "review.csv")
    cli("review", "-o", out_csv, published)
    with open(out_csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    limits = [r for r in rows if r["record"] == "finding" and "导入未能读出此单元格" in r["message"]]
    t.ok(any("s2.a1.norms" in r["where"] for r in limits),
         "CSV: findings on the cells the import could not read are marked as such", limits[:3])
    out_html = os.path.join(tmp, "review.html")
    cli("review", "-o", out_html, published)
    with open(out_html, encoding="utf-8") as f:
        t.ok("导入未能读出此单元格" in f.read(), "HTML: the same mark on those findings")

t.done()
