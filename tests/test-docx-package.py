#!/usr/bin/env python3
# test-docx-package.py — the .docx as a package: a sound ZIP of well-formed XML parts,
# every part declared in [Content_Types].xml, every relationship pointing at a part.
# Python's standard library only, so it proves the package independently of python-docx.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from nbtap import Tap, cli, workdir  # noqa: E402

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

t = Tap()


def rels_base(name):
    """word/_rels/document.xml.rels → word; _rels/.rels → the package root."""
    return posixpath.dirname(posixpath.dirname(name))


def main():
    with workdir() as tmp:
        out = os.path.join(tmp, "sample.docx")
        code, _, err = cli("export", "--to", "docx", "-o", out, os.environ["NB_SAMPLE"])
        t.ok(code == 0, "nianbao-cli export --to docx exits 0", err)
        t.ok(zipfile.is_zipfile(out), "the file is a ZIP archive")
        z = zipfile.ZipFile(out)
        names = z.namelist()
        t.eq(z.testzip(), None, "every entry's CRC checks")
        t.eq(len(names), len(set(names)), "no entry twice")
        t.eq(names[0], "[Content_Types].xml", "[Content_Types].xml is the first entry")
        t.ok(all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist()), "entries deflated")

        trees, bad = {}, []
        for name in names:
            data = z.read(name)
            try:
                trees[name] = ET.fromstring(data)
            except ET.ParseError as e:
                bad.append(f"{name}: {e}")
            if not data.startswith(b'<?xml version="1.0" encoding="UTF-8"'):
                bad.append(f"{name}: no UTF-8 XML declaration")
        t.ok(not bad and len(trees) == len(names), f"all {len(names)} parts are well-formed UTF-8 XML", bad)

        types = trees.get("[Content_Types].xml")
        defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(CT + "Default")}
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(CT + "Override")}
        uncovered = [n for n in names if n != "[Content_Types].xml" and "/" + n not in overrides
                     and n.rsplit(".", 1)[-1].lower() not in defaults]
        t.ok(not uncovered, "[Content_Types].xml covers every part", uncovered)
        dangling = [p for p in overrides if p.lstrip("/") not in names]
        t.ok(not dangling, "every Override names a part of the package", dangling)
        t.eq(defaults.get("rels"), "application/vnd.openxmlformats-package.relationships+xml",
             "relationship parts have their content type")
        t.eq(overrides.get("/word/document.xml"), MAIN, "word/document.xml is the main document")

        targets, broken = {}, []
        for name in names:
            if not name.endswith(".rels"):
                continue
            for rel in trees[name].iter(REL + "Relationship"):
                target = posixpath.normpath(posixpath.join(rels_base(name), rel.get("Target")))
                targets.setdefault(name, {})[rel.get("Id")] = target
                if target not in names:
                    broken.append(f"{name} {rel.get('Id')} → {target}")
        t.ok(not broken, "every relationship points at a part", broken)
        t.eq(sorted(targets.get("_rels/.rels", {}).values()),
             ["docProps/app.xml", "docProps/core.xml", "word/document.xml"],
             "the package points at the document and both property parts")
        reached = set(targets.get("_rels/.rels", {}).values()) | set(
            targets.get("word/_rels/document.xml.rels", {}).values())
        orphans = [n for n in names if not n.endswith(".rels") and n != "[Content_Types].xml" and n not in reached]
        t.ok(not orphans, "no part is left without a relationship", orphans)

        # r:id references in the document resolve through its relationships.
        doc = z.read("word/document.xml").decode()
        ids = set(targets.get("word/_rels/document.xml.rels", {}))
        import re
        used = set(re.findall(r'r:id="([^"]+)"', doc))
        t.ok(used and used <= ids, "the footers' r:id resolve", used - ids)
    t.done()


main()
