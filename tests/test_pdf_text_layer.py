"""A PDF whose text layer is Chinese is read as text, never OCR'd, and checked like typed text.

The PDF is written here by hand, as Word and most typesetters write Chinese: a Type0 font
with Identity-H encoding, so the content stream holds glyph numbers, not characters, and a
ToUnicode CMap that maps those numbers back to Unicode. The glyph numbers are deliberately
not the code points (1, 2, 3 ... in order of first use), so the only way to get the text
right is through the CMap. No font file is embedded or needed: extracting text never draws
a glyph, so this test has nothing to skip.

(pypdfium2 can write such a file itself — FPDFText_LoadFont + FPDFPageObj_CreateTextObj —
but with the one CJK font CI installs, Noto CJK, a .ttc of CFF faces, it embeds the whole
20 MB collection and silently writes glyph 0 for some characters: 立 came out as nothing.)
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import proofread.commands.ocr_cmd  # noqa: F401  (registers `ocr` on the app)
from proofread.cli import app
from proofread.inputs import pages
from proofread.inputs.pages import scan

LEFT, TOP = 72, 760  # first baseline on an A4 page (595 x 842)
PER_ROW = 16  # characters in a full row: the text block is 16 ems wide
# Two paragraphs over several rows (the first row of each indented two characters). The ASCII
# comma between two Chinese clauses is the one error: P004 must find it at COMMA. 𠮷 lies outside
# the BMP (its ToUnicode entry is a UTF-16 surrogate pair, which pdfium hands out as two halves).
PARA1 = "今年以来全市经济运行总体平稳,重点项目建设进展顺利，民生保障持续加强。"
PARA2 = "下一步将继续优化营商环境，项目由𠮷先生负责。"
TEXT = PARA1 + "\n" + PARA2
COMMA = TEXT.index(",")


def _rows(paragraphs, size):
    """(x, y, text) of every row: each paragraph indented two characters, wrapped at PER_ROW."""
    rows, y = [], TOP
    for para in paragraphs:
        rest, first = para, True
        while rest:
            n = PER_ROW - 2 if first else PER_ROW
            rows.append((LEFT + (2 * size if first else 0), y, rest[:n]))
            rest, first, y = rest[n:], False, y - size * 1.5
    return rows


def chinese_pdf(paragraphs, size=12) -> bytes:
    """A one-page PDF 1.4 whose text layer holds `paragraphs` (Type0 font, Identity-H, ToUnicode),
    set in `size` points."""
    cids: dict[str, int] = {}
    for ch in "".join(paragraphs):
        cids.setdefault(ch, len(cids) + 1)
    content = []
    for x, y, text in _rows(paragraphs, size):
        glyphs = "".join(f"{cids[ch]:04X}" for ch in text)
        content.append(f"BT /F1 {size} Tf 1 0 0 1 {x:g} {y:g} Tm <{glyphs}> Tj ET")
    content = "\n".join(content).encode("ascii")
    # ToUnicode: glyph number -> UTF-16BE, at most 100 entries per bfchar block (PDF 32000 9.10.3).
    pairs = [f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, cid in cids.items()]
    blocks = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
        for chunk in (pairs[i : i + 100] for i in range(0, len(pairs), 100))
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{blocks}endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")
    # Chinese glyphs are one em wide (DW 1000); an ASCII comma, as in a real CJK font, half that.
    widths = " ".join(f"{cid} [500]" for ch, cid in cids.items() if ord(ch) < 0x2E80)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor 8 0 R /DW 1000 /W [" + widths.encode("ascii") + b"] /CIDToGIDMap /Identity >>",
        stream(cmap),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859]"
        b" /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(params=[12, 8], ids=["12pt", "8pt"])
def pdf(request, tmp_path):
    # No glyphs are embedded, so pdfium's ink boxes are flat; at 8 pt its text rectangles even
    # left out every row without the (Latin) comma: the text must not depend on them.
    path = tmp_path / "report.pdf"
    path.write_bytes(chinese_pdf([PARA1, PARA2], size=request.param))
    return path


@pytest.fixture
def ocr_calls(monkeypatch):
    """Replace the recogniser: every page it is asked to read is recorded (and reads as empty)."""
    calls = []

    class Fake:
        def page(self, image):
            calls.append(image.size)
            return []

    monkeypatch.setattr(pages, "_recognizer", Fake)
    return calls


def test_the_text_layer_is_the_text_exactly_and_no_ocr_runs(pdf, ocr_calls):
    (res,) = scan([str(pdf)], jobs=1)
    assert res.error is None and res.warnings == []
    assert res.pages[0].method == "text-layer"
    assert res.text.text == TEXT  # wrapped row joined with no space, a new paragraph at the indent
    assert ocr_calls == []
    assert {score for _, _, score in res.text.spans} == {1.0}  # exact text: no OCR doubt


def test_force_ocr_does_call_the_recogniser(pdf, ocr_calls):
    # The other side of the test above: the fake is where OCR would happen, so [] there means something.
    (res,) = scan([str(pdf)], jobs=1, dpi=72, force_ocr=True)
    assert res.pages[0].method == "ocr"
    assert ocr_calls == [(595, 842)]


def test_cli_finds_and_fixes_the_ascii_comma_in_the_text_layer(pdf, ocr_calls, tmp_path):
    out = tmp_path / "fixed.txt"
    args = ["ocr", "-j", "1", "--format", "json", "-o", str(out), str(pdf)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["code"], f["start"], f["end"], f["original"], f["replacements"]) for f in findings] == [
        ("P004", COMMA, COMMA + 1, ",", ["，"])
    ]
    assert "ocr_confidence" not in findings[0].get("data", {})  # text-layer characters are not doubtful
    assert out.read_text(encoding="utf-8") == TEXT.replace(",", "，")
    assert ocr_calls == []
