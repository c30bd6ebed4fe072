"""`proofread ocr` end to end: pages rendered here with a CJK font, clean and degraded.

OCR is slow (seconds a page on a busy machine), so the pages are small and few; every
file is built once per module.
"""

from __future__ import annotations

import ctypes
import io
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz.distance import Levenshtein
from typer.testing import CliRunner

import proofread.commands.ocr_cmd  # noqa: F401  (registers `ocr` on the app)
from proofread.cli import app
from proofread.inputs.pages import scan

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs Debian fonts-noto-cjk (make system-deps)")

PARA1 = "科技自立自强是国家强盛之基、安全之要。要加快实施创新驱动发展战略，强化国家战略科技力量。"
# An ASCII " closing a Chinese quote and an ASCII comma after a percentage: OCR keeps both
# (it "corrects" a bare comma between Chinese characters itself), the checkers fix both.
PARA2 = '实现“双倍增"目标，比上年增长3.5%,第三产业增长较快。'

PARA3 = "推动数字经济和实体经济深度融合，加快建设数字中国。"
PER_LINE = 16


def page(paragraphs, number=None, size=30, width=720, height=520, first_indent=True):
    """A white page: each paragraph indented by two characters, wrapped at PER_LINE characters."""
    font = ImageFont.truetype(str(FONT), size, index=2)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    y = 40
    for k, para in enumerate(paragraphs):
        indent = first_indent or k > 0
        first, rest = True, para
        while rest:
            n = PER_LINE - 2 if (first and indent) else PER_LINE
            x = 40 + (2 * size if (first and indent) else 0)
            draw.text((x, y), rest[:n], font=font, fill=0)
            rest, first, y = rest[n:], False, y + int(size * 1.5)
    if number is not None:
        draw.text((width // 2 - size, height - size - 10), f"- {number} -", font=font, fill=0)
    return img


def photocopy(img, seed=1):
    """Blur, speckle and JPEG, like a second-generation copy."""
    rng = np.random.default_rng(seed)
    img = img.resize((img.width * 2 // 3, img.height * 2 // 3), Image.BILINEAR).filter(ImageFilter.GaussianBlur(0.6))
    arr = np.asarray(img, dtype=np.float32) + rng.normal(0, 14, (img.height, img.width))
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=45)
    return Image.open(io.BytesIO(buf.getvalue()))


def text_layer_pdf(path, text):
    """A one-page PDF whose text is real text (PDF standard font, so Latin only)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    pg = pdf.new_page(300, 200)
    obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(14))
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    raw.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 30, 150)
    raw.FPDFPage_InsertObject(pg.raw, obj)
    raw.FPDFPage_GenerateContent(pg.raw)
    pdf.save(str(path))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("scans")
    out = {}
    out["clean"] = d / "clean.png"
    page([PARA1, PARA2]).save(out["clean"])
    out["degraded"] = d / "degraded.jpg"
    photocopy(page([PARA1])).save(out["degraded"], quality=95)
    # A paragraph that runs over the page break, page numbers in the bottom margin.
    long = PARA1 + PARA3
    cut = (PER_LINE - 2) + 2 * PER_LINE  # page 1 ends on a full row: the paragraph goes on
    p1 = page([long[:cut]], number=1, height=300)
    p2 = page([long[cut:]], number=2, height=300, first_indent=False)
    out["pdf"] = d / "two_pages.pdf"
    p1.convert("RGB").save(out["pdf"], save_all=True, append_images=[p2.convert("RGB")], resolution=100)
    out["tiff"] = d / "two_pages.tif"
    p1.save(out["tiff"], save_all=True, append_images=[p2], compression="tiff_deflate")
    out["long"] = long
    out["with_blank"] = d / "with_blank.tif"
    p2.save(out["with_blank"], save_all=True, append_images=[Image.new("L", (400, 300), 255)])
    out["text_layer"] = d / "text_layer.pdf"
    text_layer_pdf(out["text_layer"], "Quarterly report 2026")
    data = out["clean"].read_bytes()
    out["truncated"] = d / "truncated.png"
    out["truncated"].write_bytes(data[: len(data) // 3])
    out["encrypted"] = d / "encrypted.pdf"
    out["encrypted"].write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R/Encrypt<</Filter/Standard/V 1/R 2/O(0123456789abcdef0123456789abcdef)"
        b"/U(0123456789abcdef0123456789abcdef)/P -4>>/ID[<00112233445566778899aabbccddeeff>"
        b"<00112233445566778899aabbccddeeff>]>>\n%%EOF\n"
    )
    out["damaged"] = d / "damaged.pdf"
    out["damaged"].write_bytes(b"%PDF-1.7\n" + bytes(random.Random(4).randrange(256) for _ in range(300)))
    out["blank"] = d / "blank.png"
    Image.new("L", (400, 300), 255).save(out["blank"])
    return out


def test_clean_page_round_trip_keeps_paragraphs(files):
    (res,) = scan([str(files["clean"])], jobs=1)
    assert res.error is None
    paras = res.text.text.split("\n")
    assert len(paras) == 2
    assert Levenshtein.distance(paras[0], PARA1) <= 1
    assert Levenshtein.distance(paras[1], PARA2) <= 1
    assert len(res.text.spans) == len(res.text.text) - 1  # every character but the newline
    assert all(0.0 <= s <= 1.0 for _, _, s in res.text.spans)


def test_degraded_page_round_trip_and_confidence(files):
    (res,) = scan([str(files["degraded"])], jobs=1)
    text = res.text.text
    assert Levenshtein.distance(text, PARA1) / len(PARA1) < 0.15
    # The recogniser is less sure of a photocopy than of a clean page somewhere.
    assert min(s for _, _, s in res.text.spans) < 0.99


def test_multipage_pdf_joins_the_paragraph_and_drops_page_numbers(files):
    (res,) = scan([str(files["pdf"])], jobs=2, dpi=100)  # two pages, two processes
    assert res.error is None and [p.method for p in res.pages] == ["ocr", "ocr"]
    text = res.text.text
    assert "\n" not in text and "-" not in text
    assert Levenshtein.distance(text, files["long"]) <= 2


def test_multipage_tiff(files):
    (res,) = scan([str(files["tiff"])], jobs=1)
    assert len(res.pages) == 2
    assert Levenshtein.distance(res.text.text, files["long"]) <= 2


def test_pdf_text_layer_is_used_unless_force_ocr(files):
    (res,) = scan([str(files["text_layer"])], jobs=1)
    assert res.pages[0].method == "text-layer"
    assert res.text.text == "Quarterly report 2026"


def test_cli_fixes_reports_and_writes_output(files, tmp_path):
    out = tmp_path / "fixed.txt"
    result = CliRunner().invoke(app, ["ocr", str(files["clean"]), "-o", str(out), "--format", "json"])
    assert result.exit_code == 1, result.output
    fixed = out.read_text(encoding="utf-8")
    assert "“双倍增”" in fixed and "3.5%，第三" in fixed
    assert '"code": "P004"' in result.stdout


def test_cli_raw_prints_ocr_text_alone(files):
    result = CliRunner().invoke(app, ["ocr", "--raw", str(files["clean"])])
    assert result.exit_code == 0
    assert '“双倍增"' in result.stdout and "3.5%," in result.stdout  # unfixed


def test_bad_files_each_get_one_message_and_the_good_one_is_still_read(files):
    bad = [files["truncated"], files["encrypted"], files["damaged"], files["blank"]]
    args = ["ocr", "--raw", "-j", "1", *map(str, bad), str(files["text_layer"])]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    err = result.stderr
    assert "truncated.png: damaged image" in err
    assert "encrypted.pdf: the PDF is encrypted" in err
    assert "damaged.pdf: not a readable PDF" in err
    assert "blank.png: no text found" in err
    assert err.count("proofread:") == 4
    assert "Quarterly report 2026" in result.stdout


def test_findings_in_doubtful_text_carry_the_ocr_confidence():
    from proofread.commands.ocr_cmd import annotate
    from proofread.model import Document
    from proofread.registry import RULES

    doc = Document("结呆良好,成果")
    sure = doc.finding(RULES["P004"], 4, 5, "，")
    doubt = doc.finding(RULES["P004"], 1, 2, "果")
    spans = [(i, i + 1, 0.99) for i in range(7)]
    spans[1] = (1, 2, 0.42)
    out = annotate([doubt, sure], spans, 7)
    assert out[0].data == {"ocr_confidence": 0.42}
    assert out[1].data == {}


def test_a_blank_page_inside_a_document_is_reported_but_not_an_error(files):
    result = CliRunner().invoke(app, ["ocr", "--raw", "-j", "1", str(files["with_blank"])])
    assert result.exit_code == 0
    assert "with_blank.tif: page 2: no text found" in result.stderr
    assert "数字中国" in result.stdout


def test_ocr_reads_the_config_next_to_the_scan(files, tmp_path):
    import json
    import shutil

    scan_path = tmp_path / "scan.png"
    shutil.copy(files["clean"], scan_path)
    (tmp_path / ".proofread.toml").write_text('ignore = ["P004"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["ocr", "-j", "1", "--format", "json", str(scan_path)])
    codes = {f["code"] for f in json.loads(result.output)["files"][0]["findings"]}
    assert "P003" in codes and "P004" not in codes  # the ASCII comma is left to the config
