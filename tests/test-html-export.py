#!/usr/bin/env python3
# test-html-export.py — the HTML export parsed back with a real HTML parser (html5lib)
#
# The sample's page must carry the structure of layout.md §11: one <h1>, six <h2> in
# labelled sections, the tables with captions, scoped heads, id/headers on tables 三 and 四,
# every number in its cell, merges that tile the printed grid; user text is escaped.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import html5lib  # noqa: E402  (Debian: python3-html5lib)

from nbtap import Tap, cli, workdir  # noqa: E402

SAMPLE = os.environ["NB_SAMPLE"]
TITLES = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
          "四、政府信息公开行政复议、行政诉讼情况", None, "六、其他需要报告的事项"]
T2_CAPTIONS = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
GRID_COLS = [4, 4, 4, 4, 10, 15]
SCOPES = {"col", "row", "colgroup", "rowgroup"}

t = Tap()


def text(el):
    return "".join(el.itertext())


def export(doc_path, out, *extra):
    code, _, err = cli("export", "--to", "html", *extra, "-o", out, doc_path)
    t.ok(code == 0, " ".join(["nianbao-cli export --to html", *extra, os.path.basename(doc_path)]) + " exits 0", err)
    with open(out, encoding="utf-8") as f:
        raw = f.read()
    return raw, html5lib.parse(raw, namespaceHTMLElements=False)


def cell_text(value):
    return "0" if value is None else str(value)


def tiles(table, n_cols):
    """Do the rows' cells, with their spans, fill the grid exactly, with no overlap?"""
    taken = set()
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for cell in tr:
            if cell.tag not in ("th", "td"):
                continue
            while (r, c) in taken:
                c += 1
            rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for i in range(rs):
                for j in range(cs):
                    if (r + i, c + j) in taken or c + j >= n_cols:
                        return False
                    taken.add((r + i, c + j))
            c += cs
    rows = 1 + max(r for r, _ in taken)
    return len(taken) == rows * n_cols


def check_values(tables, doc, name):
    """Every number of the document in its cell; a blank prints 0."""
    s2 = [td for table in tables[:4] for td in table.iter("td")]
    t.eq([text(td) for td in s2], [cell_text(v) for v in doc["tables"]["s2"].values()],
         f"{name}: table 二 values in printed order")
    found = {td.get("id"): text(td) for table in tables[4:] for td in table.iter("td") if td.get("id")}
    want = {}
    for row, cols in doc["tables"]["s3"].items():
        for col, v in cols.items():
            want[f"t3-{row}-{col}"] = cell_text(v)
    for key, v in doc["tables"]["s4"].items():
        want["t4-" + key.replace(".", "-")] = cell_text(v)
    bad = [(k, found.get(k), v) for k, v in want.items() if found.get(k) != v]
    t.ok(len(want) == 190 and not bad, f"{name}: the 175 + 15 values of tables 三 and 四 by id", bad[:5])


def check_sample(raw, tree, doc):
    html = tree.getroot() if hasattr(tree, "getroot") else tree
    t.eq(html.get("lang"), "zh-CN", '<html lang="zh-CN">')
    t.ok(raw.startswith("<!DOCTYPE html>"), "starts with the doctype")
    metas = {m.get("name") or ("charset" if m.get("charset") else None): m for m in html.iter("meta")}
    t.eq(metas.get("charset", {}).get("charset", "").lower() if "charset" in metas else None, "utf-8",
         "meta charset utf-8")
    t.ok("width=device-width" in metas.get("viewport").get("content", ""), "viewport meta")
    t.eq(metas["author"].get("content"), doc["meta"]["agency"], "meta author = 编制机关")
    t.ok("2024年1月1日至2024年12月31日" in metas["description"].get("content"),
         "meta description has the statistics period", metas["description"].get("content"))
    t.eq(text(html.find("head/title")), doc["meta"]["title"], "<title> = full title")

    h1 = list(html.iter("h1"))
    t.ok(len(h1) == 1 and text(h1[0]) == doc["meta"]["title"], "one <h1> with the title",
         [text(h) for h in h1])

    h2 = list(html.iter("h2"))
    want_titles = [w or doc["sections"]["s5"]["title"] for w in TITLES]
    t.eq([text(h) for h in h2], want_titles, "six <h2>, the section titles in order")
    t.eq([h.get("id") for h in h2], [f"s{i}" for i in range(1, 7)], "<h2> ids s1 … s6")
    sections = [s for s in html.iter("section")]
    t.ok(len(sections) == 6 and all(s.get("aria-labelledby") == f"s{i + 1}" and s.find("h2") is not None
                                    for i, s in enumerate(sections)),
         "each <h2> in a <section aria-labelledby>")

    tables = list(html.iter("table"))
    t.eq(len(tables), 6, "six <table>: table 二's four blocks, 三 and 四")
    captions = [text(tb.find("caption")) if tb.find("caption") is not None else None for tb in tables]
    t.eq(captions, T2_CAPTIONS + want_titles[2:4], "captions: 第二十条 items, then the section titles")
    t.ok(all(tb.find("thead") is not None and tb.find("tbody") is not None for tb in tables),
         "every table has <thead> and <tbody>")
    ths = [th for tb in tables for th in tb.iter("th")]
    t.ok(ths and all(th.get("scope") in SCOPES for th in ths), "every <th> has a scope",
         [text(th) for th in ths if th.get("scope") not in SCOPES])
    t.ok(all(tiles(tb, n) for tb, n in zip(tables, GRID_COLS)),
         "rowspan/colspan tile each printed grid exactly (4, 10 and 15 columns)")
    big = {text(th): (th.get("rowspan"), th.get("colspan")) for th in tables[4].iter("th")}
    t.eq(big.get("三、本年度办理结果"), ("22", None), "三、本年度办理结果 spans 22 rows")
    t.eq({text(th): th.get("colspan") for th in tables[5].iter("th")}.get("行政诉讼"), "10",
         "行政诉讼 spans 10 columns")
    corner = tables[4].find("thead/tr/td")
    t.ok(corner is not None and "勾稽关系" in text(corner), "the 三 corner note is a <td> in <thead>")

    check_values(tables, doc, "sample")
    tds = [td for tb in tables for td in tb.iter("td")]
    t.ok(all(text(td).strip() for td in tds), "no empty cell (zeros are written)")

    ids = [el.get("id") for el in html.iter() if el.get("id")]
    t.ok(len(ids) == len(set(ids)), "ids are unique in the page")
    problems = []
    for tb, prefix in ((tables[4], "t3-"), (tables[5], "t4-")):
        head_ids = {th.get("id") for th in tb.iter("th")}
        for cell in list(tb.find("tbody").iter("td")) + [c for c in tb.iter("th") if c.get("headers")]:
            cid, headers = cell.get("id"), (cell.get("headers") or "").split()
            if cell.tag == "td" and (not cid or not cid.startswith(prefix) or not headers):
                problems.append(("no id/headers", text(cell)))
            problems += [("unknown header", h) for h in headers if h not in head_ids]
        problems += [("unprefixed th id", i) for i in head_ids if not (i or "").startswith(prefix)]
    t.ok(not problems, "tables 三 and 四: id and headers on every data cell, all resolving", problems[:5])
    cell = html.find(".//td[@id='t3-deny_law-np']")
    names = [text(html.find(f".//th[@id='{h}']")) for h in cell.get("headers").split()]
    t.eq(names, ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "申请人情况", "自然人"],
         "t3-deny_law-np is announced with its row and column heads")

    s1 = sections[0]
    run_ins = [text(sp) for sp in s1.iter("span") if sp.get("class") == "run-in"]
    t.eq(run_ins, [f"（{n}）{p['heading']}。" for n, p in zip("一二三四五", doc["sections"]["s1"]["parts"])],
         "run-in headings （一）…（五） inside their paragraphs")
    t.ok(all(any(sp.get("class") == "run-in" for sp in p.iter("span")) and
             text(p).startswith(text(p.find("span"))) for p in s1.findall("p")[1:]),
         "each headed part's paragraph opens with its run-in heading")
    s5_lines = [ln for ln in doc["sections"]["s5"]["text"].split("\n") if ln.strip()]
    t.eq([text(p) for p in sections[4].findall("p")], s5_lines, "section 五: one <p> per line")

    style = text(html.find("head/style"))
    t.ok("@page{size:A4;margin:37mm 26mm 35mm 28mm}" in style and "@media print" in style,
         "print stylesheet with A4 and the margins of GB/T 9704")
    t.ok("@media (max-width:" in style, "a phone-width rule")
    # The PDF prints row labels in 仿宋, regular: 黑体 bold only for the column heads.
    t.ok("thead th{font-family:" in style and "tbody th{font-weight:normal}" in style and
         not re.search(r"(^|[}\n,])th\{", style),
         "row labels in the body font, normal weight; heads in 黑体 only in <thead>")
    t.ok(not list(html.iter("script")) and not any(el.get("src") for el in html.iter()) and
         not list(html.iter("link")) and "url(" not in style and "@import" not in style,
         "no scripts, no external requests")
    # Pixels only for borders and the visually hidden captions' 1px box.
    sized = re.sub(r"\.nb-vh\{[^}]*\}", "", style).replace("1px solid", "")
    t.ok("nowrap" not in raw and "px" not in sized, "no nowrap, no pixel widths")


def check_fragment(raw, tree, doc):
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    t.ok(raw.startswith("<article") and "<html" not in raw and "<style" not in raw and "<head" not in raw,
         "fragment: the article only, no <html>, <head> or <style>")
    tables = list(root.iter("table"))
    t.ok(len(tables) == 6 and all(tb.get("border") == "1" and "border-collapse:collapse" in tb.get("style", "")
                                  for tb in tables),
         'fragment: tables carry border="1" and style="border-collapse:collapse"')
    cells = [c for tb in tables for c in tb.iter() if c.tag in ("th", "td")]
    t.ok(all("border:1px solid #000" in (c.get("style") or "") for c in cells),
         "fragment: every cell has its border inline")
    t.ok(not any(el.get("class") for el in root.iter()), "fragment: no classes (CMS sanitisers drop them)")
    t.ok(all(th.get("scope") in SCOPES for tb in tables for th in tb.iter("th")), "fragment: <th scope>")
    row_heads = [th for tb in tables for body in tb.iter("tbody") for th in body.iter("th")]
    t.ok(row_heads and all("font-weight:normal" in (th.get("style") or "") for th in row_heads),
         "fragment: row labels at normal weight, as printed")
    check_values(tables, doc, "fragment")


def check_escaping(tmp, doc):
    nasty = {
        "title": 'A<script>alert("x")</script>&B',
        "agency": "Q\"uote's & <b>bold</b>",
        "intro": "x ]]> y <!-- z --> & \"q\" 's <script>alert(1)</script>",
        "heading": "<i>h</i> & ]]>",
        "s5": "<script>alert(2)</script>\nline2 &amp; </p><p>",
        "note": "</table><table><tr><td>",
        "cell": "<b>5</b>",
        "s6": "\u3000\u3000a\u0001b\u007fc\rd",
    }
    doc = json.loads(json.dumps(doc))
    doc["meta"]["title"] = nasty["title"]
    doc["meta"]["agency"] = nasty["agency"]
    doc["sections"]["s1"]["intro"] = nasty["intro"]
    doc["sections"]["s1"]["parts"][0]["heading"] = nasty["heading"]
    doc["sections"]["s5"]["text"] = nasty["s5"]
    doc["sections"]["s2"]["note"] = nasty["note"]
    doc["tables"]["s3"]["new"]["np"] = nasty["cell"]
    doc["sections"]["s6"]["text"] = nasty["s6"]
    path = os.path.join(tmp, "nasty.nianbao")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    # The unreadable cell is an error: export it anyway, as a user would with --force.
    raw, tree = export(path, os.path.join(tmp, "nasty.html"), "--force")
    html = tree.getroot() if hasattr(tree, "getroot") else tree
    t.ok(not list(html.iter("script")) and not list(html.iter("b")) and not list(html.iter("i")),
         "escaping: no <script>, <b> or <i> element comes out of user text")
    t.eq(text(html.find(".//h1")), nasty["title"], "escaping: title as text")
    t.eq(text(html.find("head/title")), nasty["title"], "escaping: <title> as text")
    t.eq(html.find(".//meta[@name='author']").get("content"), nasty["agency"], "escaping: quotes in an attribute")
    s1 = html.find(".//section[@aria-labelledby='s1']")
    t.eq(text(s1.findall("p")[0]), nasty["intro"], "escaping: ]]>, comments, & and quotes as text")
    t.eq(text(s1.find(".//span")), f"（一）{nasty['heading']}。", "escaping: run-in heading as text")
    s5 = html.find(".//section[@aria-labelledby='s5']")
    t.eq([text(p) for p in s5.findall("p")], nasty["s5"].split("\n"), "escaping: section 五 paragraphs as text")
    s2 = html.find(".//section[@aria-labelledby='s2']")
    t.ok(len(s2.findall(".//table")) == 4 and text(s2.findall("p")[-1]) == nasty["note"],
         "escaping: a note cannot open a table")
    # Invalid cell text is never printed: the cell prints 0 (layout.md §8; the checks report it).
    t.eq(text(html.find(".//td[@id='t3-new-np']")), "0", "escaping: unreadable cell text prints 0")
    t.eq(text(html.find(".//section[@aria-labelledby='s6']/p")), "abcd",
         "control characters and a typed indent are dropped")


def check_contact(tmp, doc):
    doc = json.loads(json.dumps(doc))
    doc["meta"]["contact"] = ("网址：https://www.qianjiang.gov.cn/zwgk/?a=1&b=2。\n"
                              "电子邮箱：qjzwgk@example.cn\njavascript:alert(1) <a href=x>")
    path = os.path.join(tmp, "contact.nianbao")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    _, tree = export(path, os.path.join(tmp, "contact.html"))
    html = tree.getroot() if hasattr(tree, "getroot") else tree
    links = [(a.get("href"), text(a)) for a in html.iter("a")]
    t.eq(links, [("https://www.qianjiang.gov.cn/zwgk/?a=1&b=2", "https://www.qianjiang.gov.cn/zwgk/?a=1&b=2"),
                 ("mailto:qjzwgk@example.cn", "qjzwgk@example.cn")],
         "contact: the portal address and the e-mail become links, nothing else does")


def check_title_breaks(tmp, doc):
    doc = json.loads(json.dumps(doc))
    doc["meta"]["title_breaks"] = [11]
    path = os.path.join(tmp, "breaks.nianbao")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    raw, _ = export(path, os.path.join(tmp, "breaks.html"))
    t.ok("<h1>重庆市黔江区2024年<br>政府信息公开工作年度报告</h1>" in raw,
         "title_breaks (character offsets) become <br> in the <h1>")


def main():
    with open(SAMPLE, encoding="utf-8") as f:
        doc = json.load(f)
    with workdir() as tmp:
        raw, tree = export(SAMPLE, os.path.join(tmp, "sample.html"))
        check_sample(raw, tree, doc)
        raw, tree = export(SAMPLE, os.path.join(tmp, "fragment.html"), "--fragment")
        check_fragment(raw, tree, doc)
        check_escaping(tmp, doc)
        check_title_breaks(tmp, doc)
        check_contact(tmp, doc)
    t.done()


main()
