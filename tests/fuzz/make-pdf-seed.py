# tests/fuzz/make-pdf-seed.py OUT.pdf — writes the seed tests/fuzz/corpus/import-pdf/table.pdf.
# A small PDF with text lines laid out like a report's table (Helvetica, ASCII digits) and
# a Type0 font with a ToUnicode map carrying Chinese labels, so poppler's text extraction
# yields CJK without an embedded font.
import sys, zlib
lines = [
  (72, 760, "<0001000200030004>", "F2"),   # 本年新收
  (300, 760, "(52)", "F1"),
  (72, 740, "<00050006>", "F2"),           # 总计
  (300, 740, "(51)", "F1"),
  (72, 720, "(48 3 0 0 1 0 52)", "F1"),
  (72, 700, "(130,024   276451   3480   7926.3139)", "F1"),
  (72, 680, "(2024)", "F1"),
]
content = "".join(f"BT /{f} 12 Tf {x} {y} Td {t} Tj ET\n" for x, y, t, f in lines).encode()
cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Nb-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
6 beginbfchar
<0001> <672C> <0002> <5E74> <0003> <65B0> <0004> <6536> <0005> <603B> <0006> <8BA1>
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"""
objs = [
  b"<< /Type /Catalog /Pages 2 0 R >>",
  b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
  b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
  b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
  b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  b"<< /Type /Font /Subtype /Type0 /BaseFont /NbSans /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
  b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NbSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R /DW 1000 >>",
  b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
  b"<< /Type /FontDescriptor /FontName /NbSans /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
  offsets.append(len(out))
  out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
  out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
