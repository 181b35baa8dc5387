#!/usr/bin/env python3
# test-docx-export.py — the Word export read back with python-docx (Debian: python3-docx)
#
# The sample's .docx must carry the official layout (layout.md): A4 with the GB/T 9704
# margins, the 28.95 pt line grid, “— N —” outside on odd and even pages, the title and
# the six sections in their fonts, the run-in （一） headings, every cell of tables 二, 三
# and 四 with the official merges, table 三's head rows repeated, no row split across
# pages; core properties; the signature block; fonts named, never embedded.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import re
import sys
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import docx  # noqa: E402  (Debian: python3-docx)
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from nbtap import Tap, cli, workdir  # noqa: E402

SAMPLE = os.environ["NB_SAMPLE"]
TITLES = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
          "四、政府信息公开行政复议、行政诉讼情况", None, "六、其他需要报告的事项"]
# format.md §3.2 and §3.3: the order of table 三's data rows and columns, and of table 四.
S3_ROWS = ["new", "carry_in", "open", "partial", "deny_secret", "deny_law", "deny_safety",
           "deny_third_party", "deny_internal", "deny_process", "deny_enforcement", "deny_query",
           "na_not_held", "na_need_create", "na_unclear", "np_petition", "np_repeat",
           "np_publication", "np_mass", "np_confirm", "oth_no_correction", "oth_no_fee",
           "oth_other", "results_total", "carry_out"]
S3_COLS = ["np", "biz", "research", "ngo", "legal", "other_org", "total"]
S4_KEYS = [f"{g}.{k}" for g in ("rev", "lit_direct", "lit_after")
           for k in ("upheld", "corrected", "other", "pending", "total")]
S2_KEYS = ["a1.rules.issued", "a1.rules.repealed", "a1.rules.valid", "a1.norms.issued",
           "a1.norms.repealed", "a1.norms.valid", "a5.license", "a6.penalty", "a6.coercion",
           "a8.fees"]
# Table 三's head as printed (format.md §3.2): (row, col, row span, col span, text).
S3_HEAD = [
    (0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
    (0, 3, 1, 7, "申请人情况"),
    (1, 3, 2, 1, "自然人"), (1, 4, 1, 5, "法人或其他组织"), (1, 9, 2, 1, "总计"),
    (2, 4, 1, 1, "商业企业"), (2, 5, 1, 1, "科研机构"), (2, 6, 1, 1, "社会公益组织"),
    (2, 7, 1, 1, "法律服务机构"), (2, 8, 1, 1, "其他"),
]
FONT_BODY, FONT_HEI, FONT_KAI, FONT_TITLE = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"

t = Tap()


def export(doc_path, out, env=None, *extra):
    saved = dict(os.environ)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    os.environ.update(env or {})
    try:
        code, _, err = cli("export", "--to", "docx", *extra, "-o", out, doc_path)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    t.ok(code == 0, f"nianbao-cli export --to docx {os.path.basename(doc_path)} exits 0", err)
    return docx.Document(out)


def flat(s):
    return s.replace("\n", "")


def paragraphs_of(text):
    return [line.strip() for line in re.split("[\n\u2028\u2029]", text) if line.strip()]


def cell_text(value):
    return "0" if value is None else str(value)


def grid(tbl):
    """The table's cells as (row, col, row span, col span, text, tc), from w:gridSpan and
    w:vMerge, checking that the rows tile the grid."""
    cells, open_at = [], {}
    n_cols = len(tbl.findall(qn("w:tblGrid") + "/" + qn("w:gridCol")))
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        c = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = pr.find(qn("w:gridSpan")) if pr is not None else None
            cs = int(span.get(qn("w:val"))) if span is not None else 1
            merge = pr.find(qn("w:vMerge")) if pr is not None else None
            if merge is not None and merge.get(qn("w:val")) != "restart":
                above = open_at.get(c)
                if above is None or above[3] != cs:
                    return None, n_cols
                above[2] += 1
            else:
                text = "".join((n.text or "") if n.tag == qn("w:t") else "\n"
                               for n in tc.iter(qn("w:t"), qn("w:br")))
                cell = [r, c, 1, cs, text, tc]
                cells.append(cell)
                if merge is not None:           # "restart": continued in the rows below
                    open_at[c] = cell
                else:
                    open_at.pop(c, None)
            c += cs
        if c != n_cols:
            return None, n_cols
    return [tuple(x) for x in cells], n_cols


def body_items(d):
    """The body in order: ("p", style, text) and ("tbl", element)."""
    items = []
    for el in d.element.body:
        if el.tag == qn("w:p"):
            p = docx.text.paragraph.Paragraph(el, d)
            items.append(("p", p.style.name, p.text, p))
        elif el.tag == qn("w:tbl"):
            items.append(("tbl", el))
    return items


def east_asia(rpr_parent):
    rpr = rpr_parent.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def check_text(d, doc):
    items = body_items(d)
    paras = [i for i in items if i[0] == "p"]
    meta, sections = doc["meta"], doc["sections"]
    t.eq((paras[0][1], flat(paras[0][2])), ("Title", meta["title"]), "first paragraph: the title in style Title")
    t.eq(paras[0][2], "重庆市黔江区2024年\n政府信息公开工作年度报告",
         "the title breaks before 政府信息公开工作年度报告 (layout.md §5)")
    t.eq(paras[1][2], "", "one blank line after the title")
    t.eq(paras[2][2], meta["preamble"], "the preamble")
    heads = [(i, x[2]) for i, x in enumerate(items) if x[0] == "p" and x[1] == "Heading 1"]
    want = [w or sections["s5"]["title"] for w in TITLES]
    t.eq([h for _, h in heads], want, "six Heading 1 paragraphs: the section titles in order")

    def between(k):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(items)
        return items[heads[k][0] + 1:end]

    s1 = [x[2] for x in between(0)]
    want1 = paragraphs_of(sections["s1"]["intro"])
    for n, part in enumerate(sections["s1"]["parts"]):
        ordinal = "（" + "一二三四五六七八九十"[n] + "）"
        head = part["heading"] + ("" if part["heading"][-1:] in "。？！" else "。")
        lines = paragraphs_of(part["text"])
        want1 += [ordinal + head + lines[0]] + lines[1:]
    t.eq(s1, want1, "section 一: the intro and the five parts with run-in headings, word for word")
    run_ins = [x[3].runs[0] for x in between(0) if x[2].startswith("（")]
    t.ok(len(run_ins) == 5 and all(east_asia(r._r) == FONT_KAI and r.text.endswith("。") and
                                   len(r.text) < 40 for r in run_ins),
         "each run-in heading is its own run in 楷体_GB2312, the body follows in the style's 仿宋",
         [(r.text, east_asia(r._r)) for r in run_ins])
    for k, name in ((1, "二"), (2, "三"), (3, "四")):
        kinds = [x[0] for x in between(k)]
        t.eq(kinds, ["tbl"], f"section {name}: its table right under the heading, no empty note")
    for k, key in ((4, "s5"), (5, "s6")):
        t.eq([x[2] for x in between(k)], paragraphs_of(sections[key]["text"]),
             f"section {'五六'[k - 4]}: its text, paragraph by paragraph")
    return items


def check_tables(d, doc):
    tables = d.tables
    t.eq(len(tables), 3, "three Word tables: 二, 三, 四")
    if len(tables) != 3:
        return
    g2, n2 = grid(tables[0]._tbl)
    g3, n3 = grid(tables[1]._tbl)
    g4, n4 = grid(tables[2]._tbl)
    t.ok(g2 and g3 and g4 and (n2, n3, n4) == (4, 10, 15),
         "gridSpan/vMerge tile the grids of 4, 10 and 15 columns", (n2, n3, n4))
    if not (g2 and g3 and g4):
        return
    tables_doc = doc["tables"]
    values2 = [x[4] for x in g2 if re.fullmatch(r"[0-9.]+", x[4])]
    t.eq(values2, [cell_text(tables_doc["s2"][k]) for k in S2_KEYS], "table 二: the ten values in printed order")
    heads2 = [x[4] for x in g2 if x[3] == 4]
    t.eq(heads2, ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"],
         "table 二: the four 第二十条 block heads span the four columns")
    rows2 = [x[4] for x in g2 if x[2] == 1 and x[1] == 0 and x[3] == 1]
    t.eq(rows2, ["信息内容", "规章", "行政规范性文件", "信息内容", "行政许可", "信息内容", "行政处罚", "行政强制",
                 "信息内容", "行政事业性收费"], "table 二: the row labels")
    fee = [x for x in g2 if x[4] == cell_text(tables_doc["s2"]["a8.fees"])]
    t.ok(len(fee) == 1 and fee[0][3] == 3, "table 二: the fee spans three columns", fee[:1])

    by_pos3 = {(x[0], x[1]): x for x in g3}
    bad = []
    for r, row in enumerate(S3_ROWS):
        for c, col in enumerate(S3_COLS):
            got = by_pos3.get((3 + r, 3 + c))
            want = cell_text(tables_doc["s3"][row][col])
            if got is None or got[4] != want:
                bad.append((row, col, got and got[4], want))
    t.ok(not bad, "table 三: all 175 values in their grid positions", bad[:5])
    head = [(r, c, rs, cs, flat(text)) for r, c, rs, cs, text, _ in g3 if r < 3]
    t.eq(head, S3_HEAD, "table 三: the head cells with their merges (corner 3×3, 申请人情况 ×7, "
         "法人或其他组织 ×5, 自然人 and 总计 down two rows)")
    t.ok(any("\n" in x[4] and flat(x[4]) == "社会公益组织" for x in g3),
         "table 三: narrow heads break between words (社会/公益/组织)")
    spans = {x[4]: (x[2], x[3]) for x in g3}
    t.eq([spans.get(k) for k in ("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理",
                                 "（六）其他处理", "（七）总计", "一、本年新收政府信息公开申请数量")],
         [(22, 1), (8, 1), (3, 1), (5, 1), (3, 1), (1, 2), (1, 3)], "table 三: the row-spanning group labels")
    labels3 = [x[4] for x in g3 if x[1] == 2 and x[0] >= 3]
    t.ok(len(labels3) == 19 and labels3[0] == "1.属于国家秘密" and labels3[-1] == "3.其他",
         "table 三: the 19 level-3 row labels", labels3[:3])

    values4 = [x[4] for x in g4 if x[0] == 3]
    t.eq(values4, [cell_text(tables_doc["s4"][k]) for k in S4_KEYS], "table 四: the fifteen values")
    head4 = [(x[0], x[1], x[2], x[3], flat(x[4])) for x in g4 if x[0] < 2 and (x[2] > 1 or x[3] > 1)]
    t.eq(head4[:3], [(0, 0, 1, 5, "行政复议"), (0, 5, 1, 10, "行政诉讼"), (1, 0, 2, 1, "结果维持")],
         "table 四: 行政复议 ×5, 行政诉讼 ×10, its heads down two rows")

    # Row properties: no row splits; table 三 repeats exactly its three head rows.
    rows = [(k, r, tr) for k, tb in enumerate(tables) for r, tr in enumerate(tb._tbl.findall(qn("w:tr")))]
    t.ok(all(tr.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None for _, _, tr in rows),
         "every row of the three tables is w:cantSplit")
    header_rows = [(k, r) for k, r, tr in rows if tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None]
    t.eq(header_rows, [(1, 0), (1, 1), (1, 2)], "w:tblHeader on table 三's three head rows, nowhere else")

    # Keep-with-next: table 二's blocks and table 四 stay whole; table 三's heads stay with
    # its first data row, and its data rows may break.
    def keeps(tb):
        return [tr.find(".//" + qn("w:keepNext")) is not None for tr in tb._tbl.findall(qn("w:tr"))]

    t.eq(keeps(tables[2]), [True, True, True, False], "table 四: rows kept together")
    t.eq([i for i, k in enumerate(keeps(tables[0])) if not k], [3, 6, 10, 13],
         "table 二: each 第二十条 block kept together, breaks only between blocks")
    t.eq(keeps(tables[1])[:5], [True, True, True, True, False],
         "table 三: the head rows stay with the first data row, data rows may break")
    t.ok(d.styles["Heading 1"].paragraph_format.keep_with_next, "section headings keep with what follows")

    # Fonts and alignment of the cells.
    def run_font(tc):
        r = tc.find(".//" + qn("w:r"))
        return east_asia(r) if r is not None else None

    def jc(tc):
        j = tc.find(".//" + qn("w:pPr") + "/" + qn("w:jc"))
        return j.get(qn("w:val")) if j is not None else "center"   # NbTableText is centred

    heads = [x for x in g3 if x[0] < 3 and x[1] >= 3]
    t.ok(all(run_font(x[5]) == FONT_HEI for x in heads), "table 三: column heads in 黑体")
    nums = [x for g in (g2, g3, g4) for x in g if re.fullmatch(r"[0-9.]+", x[4])]
    t.ok(len(nums) == 200 and all(jc(x[5]) == "center" and run_font(x[5]) is None for x in nums),
         "all 200 numbers centred, in the body font", len(nums))
    t.ok(all(jc(x[5]) == "left" for x in g3 if x[1] == 2 and x[0] >= 3),
         "table 三: level-3 row labels flush left")
    sizes = {k: {r.find(qn("w:rPr") + "/" + qn("w:sz")).get(qn("w:val"))
                 for r in tb._tbl.iter(qn("w:r"))} for k, tb in enumerate(tables)}
    t.eq(sizes, {0: {"24"}, 1: {"21"}, 2: {"21"}}, "cell text 小四 12 pt in 二, 五号 10.5 pt in 三 and 四")


def check_page(d, raw_zip):
    s = d.sections[0]
    twips = {k: round(getattr(s, k) / 635) for k in
             ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    t.eq(twips, {"page_width": 11906, "page_height": 16838, "top_margin": 2098, "bottom_margin": 1984,
                 "left_margin": 1587, "right_margin": 1474},
         "A4, margins 37 / 35 / 28 / 26 mm (layout.md §1), in twips")
    grid_el = s._sectPr.find(qn("w:docGrid"))
    t.eq((grid_el.get(qn("w:type")), grid_el.get(qn("w:linePitch"))), ("lines", "579"), "a line grid of 28.95 pt")
    normal = d.styles["Normal"].paragraph_format
    t.eq((normal.line_spacing_rule, normal.line_spacing.pt if normal.line_spacing else None),
         (WD_LINE_SPACING.EXACTLY, 28.95), "body lines exactly 28.95 pt: 22 lines on the 225 mm type area")
    t.eq(normal.alignment, WD_ALIGN_PARAGRAPH.JUSTIFY, "body justified")
    ppr = d.styles["Normal"].element.find(qn("w:pPr"))
    t.eq([ppr.find(qn(f"w:{k}")).get(qn("w:val")) if ppr.find(qn(f"w:{k}")) is not None else None
          for k in ("snapToGrid", "autoSpaceDE", "autoSpaceDN")], ["0", "0", "0"],
         "body: lines not snapped to the grid (LibreOffice set 19 lines a page), no space around digits")
    t.eq(round(s.footer_distance / 635), 1446, "footer 25.5 mm from the bottom: the dash 7 mm below the type area")
    t.eq(round(normal.first_line_indent / 635), 632, "body first line indented two characters")
    settings = raw_zip.read("word/settings.xml").decode()
    t.ok("<w:evenAndOddHeaders/>" in settings, "settings: w:evenAndOddHeaders")
    odd, even = s.footer, s.even_page_footer
    t.eq([p.text for p in odd.paragraphs], ["— 1 —"], "odd footer “— N —”")
    t.eq([p.text for p in even.paragraphs], ["— 1 —"], "even footer “— N —”")
    t.eq((odd.paragraphs[0].alignment, even.paragraphs[0].alignment),
         (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT), "odd pages number right, even pages left")
    for name in ("word/footer1.xml", "word/footer2.xml"):
        t.ok(re.search(r'fldCharType="begin".*<w:instrText[^>]*> PAGE </w:instrText>.*fldCharType="end"',
                       raw_zip.read(name).decode()) is not None, f"{name}: the number is a PAGE field")
    t.eq(d.styles["Footer"].font.size.pt, 14.0, "page numbers 四号 14 pt")


def check_fonts(d, raw_zip):
    def style_font(name):
        rpr = d.styles[name].element.find(qn("w:rPr"))
        return rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")), d.styles[name].font.size.pt

    t.eq(style_font("Normal"), (FONT_BODY, 16.0), "body: 仿宋_GB2312 三号")
    t.eq(style_font("Heading 1"), (FONT_HEI, 16.0), "一、 headings: 黑体 三号")
    t.eq(style_font("Title"), (FONT_TITLE, 22.0), "title: 方正小标宋简体 二号")
    t.eq(d.styles["Normal"].font.name, FONT_BODY, "body: w:ascii names the same 仿宋 (its own digits)")
    t.ok(not any(d.styles[n].font.bold for n in ("Normal", "Heading 1", "Title")), "no bold")
    styles = raw_zip.read("word/styles.xml").decode()
    t.ok(re.search(r'<w:rPrDefault>.*<w:lang [^>]*w:eastAsia="zh-CN"', styles) is not None,
         'w:lang w:eastAsia="zh-CN" in the document defaults')
    table = raw_zip.read("word/fontTable.xml").decode()
    t.ok(f'<w:font w:name="{FONT_BODY}"><w:altName w:val="仿宋"/>' in table,
         "font table: 仿宋_GB2312 with the alternative 仿宋")
    t.ok(f'<w:font w:name="{FONT_KAI}"><w:altName w:val="楷体"/>' in table,
         "font table: 楷体_GB2312 with the alternative 楷体")
    names = raw_zip.namelist()
    t.ok("embed" not in table and not any(n.startswith("word/fonts/") for n in names),
         "no fonts embedded", names)


def check_properties(d, doc, want_created):
    cp = d.core_properties
    t.eq(cp.title, doc["meta"]["title"], "core: title")
    t.eq(cp.author, doc["meta"]["agency"], "core: author = 编制机关")
    t.eq(cp.created, want_created, f"core: created {want_created}")


def main():
    with open(SAMPLE, encoding="utf-8") as f:
        doc = json.load(f)
    with workdir() as tmp:
        out = os.path.join(tmp, "sample.docx")
        d = export(SAMPLE, out)
        raw = zipfile.ZipFile(out)
        items = check_text(d, doc)
        check_tables(d, doc)
        check_page(d, raw)
        check_fonts(d, raw)
        # 00:00 on 1 January of the next year in China, as in the PDF.
        check_properties(d, doc, datetime.datetime(2024, 12, 31, 16, 0, 0))
        last = [x for x in items if x[0] == "p"][-1]
        t.eq(last[2], paragraphs_of(doc["sections"]["s6"]["text"])[-1],
             "no publication date: the report ends with section 六, no signature")

        # SOURCE_DATE_EPOCH makes the creation date, and the bytes, reproducible.
        a, b = os.path.join(tmp, "a.docx"), os.path.join(tmp, "b.docx")
        d = export(SAMPLE, a, {"SOURCE_DATE_EPOCH": "1700000000"})
        export(SAMPLE, b, {"SOURCE_DATE_EPOCH": "1700000000"})
        check_properties(d, doc, datetime.datetime(2023, 11, 14, 22, 13, 20))
        with open(a, "rb") as fa, open(b, "rb") as fb:
            t.ok(fa.read() == fb.read(), "two exports under SOURCE_DATE_EPOCH are byte-identical")

        # The signature block: the agency, the date below it two characters further right.
        signed = json.loads(json.dumps(doc))
        signed["meta"]["publication_date"] = "2025-01-05"
        signed["sections"]["s5"]["text"] = "注意<b>&amp;“引号”</b>\n第二段]]>"
        path = os.path.join(tmp, "signed.nianbao")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(signed, f, ensure_ascii=False)
        d = export(path, os.path.join(tmp, "signed.docx"))
        paras = [p for p in d.paragraphs]
        sig, date = paras[-2], paras[-1]
        t.eq((paras[-3].text, sig.text, date.text), ("", doc["meta"]["agency"], "2025年1月5日"),
             "signature: a blank line, the agency, the date as 2025年1月5日")
        t.ok(sig.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT, "signature and date right-aligned")
        # 10 characters of agency, a date of 6 (digits count half): the date's right
        # indent is 2 + 10 − 2 − 6 = 4 characters, the agency's 2 (one character = 316 twips).
        t.eq((round(sig.paragraph_format.right_indent / 635), round(date.paragraph_format.right_indent / 635)),
             (632, 1264), "signature 2 characters from the right, the date starting 2 characters right of it")
        t.eq(d.core_properties.created, datetime.datetime(2025, 1, 4, 16, 0, 0),
             "core: created is the publication date (00:00 in China)")
        s5 = [p.text for p in paras if p.text.startswith("注意") or p.text == "第二段]]>"]
        t.eq(s5, ["注意<b>&amp;“引号”</b>", "第二段]]>"], "markup-like user text survives as text")

        # A number too wide for its column shrinks table 四 to 小五, then its numbers further,
        # all alike (layout.md §8); the other tables keep their sizes.
        wide = json.loads(json.dumps(doc))
        wide["tables"]["s4"]["rev.upheld"] = 1234567
        wide["tables"]["s4"]["rev.total"] = 1234568
        path = os.path.join(tmp, "wide.nianbao")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(wide, f, ensure_ascii=False)
        d = export(path, os.path.join(tmp, "wide.docx"), None, "--force")
        sizes = [{r.find(qn("w:rPr") + "/" + qn("w:sz")).get(qn("w:val")) for r in tc.iter(qn("w:r"))}
                 for tc in d.tables[2]._tbl.iter(qn("w:tc")) if tc.find(".//" + qn("w:t")) is not None]
        heads, values = set().union(*sizes[:-15]), set().union(*sizes[-15:])
        t.ok(heads == {"18"} and len(values) == 1 and int(values.pop()) < 18,
             "a 7-digit number in table 四: heads at 小五 9 pt, every number smaller alike", sizes[-15:-13])
        t.eq({r.find(qn("w:rPr") + "/" + qn("w:sz")).get(qn("w:val")) for r in d.tables[1]._tbl.iter(qn("w:r"))},
             {"21"}, "table 三 keeps 五号")

        # Characters XML does not allow (U+FFFF, U+FFFE), pasted into the text and the
        # agency: left out, the rest kept, every part still well-formed.
        odd = json.loads(json.dumps(doc))
        odd["sections"]["s5"]["text"] = "坏\uffff字\ufffe符😀"
        odd["meta"]["agency"] = "机关\uffff名"
        path = os.path.join(tmp, "odd.nianbao")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(odd, f, ensure_ascii=False)
        out = os.path.join(tmp, "odd.docx")
        try:
            d = export(path, out, None, "--force")
            texts = [p.text for p in d.paragraphs]
            t.ok("坏字符😀" in texts and d.core_properties.author == "机关名",
                 "U+FFFF and U+FFFE are left out of the text and the core properties", texts[-3:])
        except Exception as e:  # noqa: BLE001 — a part that is not XML
            t.ok(False, "U+FFFF and U+FFFE are left out of the text and the core properties", e)

        # The fonts a user chooses (Preferences in the window, --font-* here) come before
        # each role's own list, in the styles and the font table: the PDF and the Word
        # document name the same body font.
        d = export(SAMPLE, os.path.join(tmp, "fonts.docx"), None,
                   "--font-body", " 方正仿宋_GBK , 仿宋_GB2312", "--font-heading", "方正黑体_GBK")
        raw = zipfile.ZipFile(os.path.join(tmp, "fonts.docx"))
        normal = d.styles["Normal"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        heading = d.styles["Heading 1"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        t.eq((normal.get(qn("w:eastAsia")), normal.get(qn("w:ascii")), heading.get(qn("w:eastAsia"))),
             ("方正仿宋_GBK", "方正仿宋_GBK", "方正黑体_GBK"), "--font-body / --font-heading name the styles' fonts")
        table = raw.read("word/fontTable.xml").decode()
        t.ok('<w:font w:name="方正仿宋_GBK"><w:altName w:val="仿宋_GB2312"/>' in table,
             "font table: the chosen body font, the role's 仿宋_GB2312 as its alternative", table[:400])
        t.eq(d.styles["Title"].element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")),
             FONT_TITLE, "a role not chosen keeps its own list")

        # HTML names no fonts: a --font-* there is said to be ignored, not silently dropped.
        code, _, err = cli("export", "--to", "html", "--font-body", "方正仿宋_GBK", "-o",
                           os.path.join(tmp, "fonts.html"), SAMPLE)
        t.ok(code == 0 and "--font-*" in err, "--font-body with --to html: exported, said to be ignored", err)

        # A file that cannot be written: a message naming it, no file.
        bad = os.path.join(tmp, "no-such-dir", "x.docx")
        code, _, err = cli("export", "--to", "docx", "-o", bad, SAMPLE)
        t.ok(code != 0 and bad in err and not os.path.exists(bad),
             "an unwritable output fails with a message naming the file", err)
    t.done()


main()
