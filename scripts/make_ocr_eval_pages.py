"""Build the held-out page-level OCR evaluation set: typeset pages, scan them badly, OCR them.

Unlike `make_ocr_eval.py` (single lines, Noto fonts, recogniser only), this one shares
nothing with what the engine is built or tuned on:

- text: `fixtures/formal_prose_2.txt` (district speeches, county reports, notices, news),
  or another held-out text given with --corpus (set 3: `formal_prose_3.txt`, set 4: `formal_prose_4.txt`);
- fonts: AR PL UMing CN (Ming/Song, Debian `fonts-arphic-uming`) and LXGW WenKai
  (Kai, `fonts-lxgw-wenkai`), neither used to learn the confusion tables;
- pipeline: A4 pages at 300 dpi (indented paragraphs wrapped at the margin, page
  numbers), each scanned three times like an office scan (skew, 200 dpi output, blur,
  noise and JPEG; detail first lost at 100 dpi on `medium` pages; a black/white scan on
  `bilevel` ones), then the FULL RapidOCR pipeline (detection + recognition,
  `proofread.inputs.ocr.Recognizer`) and the project's own reading order and paragraph
  joining (`proofread.inputs.layout.assemble`), as `proofread ocr` does on a scan.

The OCR text of a document is aligned with the true text (difflib) and cut back into
sentences. Sentences whose OCR reading has only same-length substitutions (including
punctuation read as other punctuation) go to `fixtures/ocr_eval_pages.tsv`; those with
dropped, added or merged characters go to `fixtures/ocr_eval_pages.unaligned.tsv`.
Sentences read perfectly are kept as negatives. Nothing in the output may be used to build
or tune the engine (see fixtures/README.ocr_eval_pages.md).

    nice python scripts/make_ocr_eval_pages.py               # about 5.5 minutes
    nice python scripts/make_ocr_eval_pages.py --pages 2 --dry-run   # error rates only
    nice python scripts/make_ocr_eval_pages.py --save-images /tmp/pages  # keep the scans

Set 3 (fixtures/ocr_eval_pages_3.tsv, README.ocr_eval_pages_3.md) has its own text, fonts and seed:

    nice python scripts/make_ocr_eval_pages.py --corpus fixtures/formal_prose_3.txt \
        --fonts gbsong,gbkai --seed 20261127 --id-prefix pg3 --out fixtures/ocr_eval_pages_3.tsv

Set 4 (fixtures/ocr_eval_pages_4.tsv, README.ocr_eval_pages_4.md), the held-out one since set 3 was measured often:

    nice python scripts/make_ocr_eval_pages.py --corpus fixtures/formal_prose_4.txt \
        --fonts hanamin,smiley --seed 20261128 --id-prefix pg4 --out fixtures/ocr_eval_pages_4.tsv

Sets 5 and 6 (README.ocr_eval_pages_5.md, _6.md) are read by a second engine the tool has never
seen, Tesseract (`--ocr tesseract`: the `tesseract` CLI with `-l chi_sim --psm 4`). It is a
build-time requirement only (Debian `tesseract-ocr` and `tesseract-ocr-chi-sim`; nothing at run
time or in CI needs it). Each Tesseract line (its words joined by one space, as its text output
has them) goes through the same reading order and paragraph joining as RapidOCR's lines
(`assemble`). One normalisation is made: Tesseract puts a space between every two Chinese
characters, so a space with a CJK character or full-width mark on BOTH sides is removed (the
count is printed; the spacing rule S001 is measured elsewhere). Every other character stays as
Tesseract gave it: ASCII punctuation, spaces beside digits and Latin letters, look-alikes.
`--psm 4` (a single column of text of variable sizes) is used. On a one-page dry run of
formal_prose_4.txt (BabelStone Han and TW-Kai) psm 6 (one uniform block) read best, CER 26.3%
against 28.9% for psm 4 and 35.4% for the default psm 3 (the same on light and medium pages, psm
3 worst on bilevel ones); but on the full documents psm 6 read the speckle of the nearly empty
last page of a `medium` scan as thousands of characters of invented text (set 5: medium CER 80%),
where psm 3 and 4 return nothing for the page's two lines. psm 4 is the one that reads a whole
document without inventing text.
Set 5 is for development, set 6 is held out:

    nice python scripts/make_ocr_eval_pages.py --corpus fixtures/formal_prose_5.txt --ocr tesseract \
        --fonts babelstone,twkai --seed 20261129 --id-prefix pg5 --out fixtures/ocr_eval_pages_5.tsv
    nice python scripts/make_ocr_eval_pages.py --corpus fixtures/formal_prose_6.txt --ocr tesseract \
        --fonts twsung,microhei --seed 20261130 --id-prefix pg6 --out fixtures/ocr_eval_pages_6.tsv

Deterministic for a seed, the fonts and the rapidocr/onnxruntime (or tesseract) versions.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import random
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_tsv import summarize, write  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name: (path, face index in a .ttc). Each held-out set has fonts of its own (see --fonts).
FONTS = {
    # set 2 (ocr_eval_pages.tsv)
    "uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # AR PL UMing CN
    "wenkai": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0),
    # set 3 (ocr_eval_pages_3.tsv): GB Song and Kai faces, Debian fonts-arphic-gbsn00lp, -gkai00mp
    "gbsong": ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),  # AR PL SungtiL GB
    "gbkai": ("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", 0),  # AR PL KaitiM GB
    # set 4 (ocr_eval_pages_4.tsv): a Ming face and a condensed Hei, Debian fonts-hanazono, -smiley-sans
    "hanamin": ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),  # HanaMinA
    "smiley": ("/usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf", 0),  # Smiley Sans (得意黑)
    # set 5 (ocr_eval_pages_5.tsv, Tesseract): a Song face and a Kai, Debian fonts-babelstone-han, -cns11643-kai
    "babelstone": ("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf", 0),  # BabelStone Han
    "twkai": ("/usr/share/fonts/truetype/cns11643/TW-Kai-98_1.ttf", 0),  # TW-Kai (全字庫正楷體)
    # set 6 (ocr_eval_pages_6.tsv, Tesseract): a Sung face and a Hei, Debian fonts-cns11643-sung, -wqy-microhei
    "twsung": ("/usr/share/fonts/truetype/cns11643/TW-Sung-98_1.ttf", 0),  # TW-Sung (全字庫正宋體)
    "microhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),  # WenQuanYi Micro Hei
}

DPI = 300
PAGE = (2480, 3508)  # A4 at 300 dpi
FONT_PX = 58  # 14 pt (四号) at 300 dpi: 32-33 characters a line between the margins
MARGINS = (300, 330, 300, 400)  # left, top, right, bottom
LINE_PITCH = 1.65  # line spacing as a multiple of the font size

SCAN_DPI = 200  # every page of a document comes out at the same resolution, as from one scanner
# name: (optical dpi, blur radius in scan px, noise sigma, JPEG quality or None, bilevel threshold or None)
SEVERITIES = {
    "light": (200, 0.8, 10.0, 55, None),
    "medium": (100, 1.0, 16.0, 35, None),
    "bilevel": (200, 1.0, 16.0, None, 135),
}

NO_LINE_START = set("，。、；：？！）》”’%…")  # closing marks hang at the line end instead
NO_LINE_END = set("（《“‘")  # opening marks move to the next line


@dataclass
class Sentence:
    number: int  # 1-based, over the whole corpus
    text: str
    start: int  # offset in the document's true text
    end: int


def paragraphs(path: Path) -> list[list[str]]:
    """Sentences grouped into paragraphs; a blank line ends a paragraph."""
    paras, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            paras.append(current)
            current = []
    if current:
        paras.append(current)
    return paras


def document(paras: list[list[str]]) -> tuple[str, list[Sentence]]:
    """The true text as a reader would type it (paragraphs joined by newlines) and its sentences."""
    text, sents, n = "", [], 0
    for i, para in enumerate(paras):
        if i:
            text += "\n"
        for s in para:
            n += 1
            sents.append(Sentence(n, s, len(text), len(text) + len(s)))
            text += s
    return text, sents


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, indent: float) -> list[str]:
    """Break a paragraph into lines by measured width, with the usual Chinese line-break rules."""
    lines, line, used, limit = [], "", 0.0, width - indent
    for ch in text:
        w = font.getlength(ch)
        if used + w > limit and line and ch not in NO_LINE_START:
            carry = ""
            while line and line[-1] in NO_LINE_END:
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line)
            line, used, limit = carry, sum(font.getlength(c) for c in carry), width
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


def rows_of(paras: list[str], font: ImageFont.FreeTypeFont) -> list[tuple[int, str, int]]:
    """Printed lines: (indent in px, text, offset of its first character in the true text)."""
    left, _top, right, _bottom = MARGINS
    rows, offset = [], 0
    for para in paras:
        for k, line in enumerate(wrap(para, font, PAGE[0] - left - right, 2 * FONT_PX)):
            rows.append((2 * FONT_PX if k == 0 else 0, line, offset))
            offset += len(line)
        offset += 1  # the newline between paragraphs
    return rows


def rows_per_page() -> int:
    return (PAGE[1] - MARGINS[1] - MARGINS[3]) // int(FONT_PX * LINE_PITCH)


def typeset(rows: list[tuple[int, str, int]], font: ImageFont.FreeTypeFont) -> list[Image.Image]:
    """Pages of indented paragraphs with a page number at the foot, black on white."""
    left, top, _right, bottom = MARGINS
    pitch, per_page = int(FONT_PX * LINE_PITCH), rows_per_page()
    pages = []
    for p in range(0, len(rows), per_page):
        img = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(img)
        for i, (indent, line, _) in enumerate(rows[p : p + per_page]):
            draw.text((left + indent, top + i * pitch), line, font=font, fill=0)
        number = f"- {len(pages) + 1} -"
        draw.text(((PAGE[0] - font.getlength(number)) / 2, PAGE[1] - bottom / 2), number, font=font, fill=0)
        pages.append(img)
    return pages


def scan(page: Image.Image, severity: str, rng: random.Random) -> Image.Image:
    """An office scan or photocopy of a printed page: skew, low dpi, blur, speckle, JPEG or bilevel."""
    dpi, blur, sigma, quality, threshold = SEVERITIES[severity]
    img = page.rotate(rng.uniform(-0.5, 0.5), resample=Image.BICUBIC, fillcolor=255)
    size = (round(img.width * SCAN_DPI / DPI), round(img.height * SCAN_DPI / DPI))
    if dpi < SCAN_DPI:  # poor optics or a copy of a copy: detail lost below the output resolution
        img = img.resize((round(img.width * dpi / DPI), round(img.height * dpi / DPI)), Image.BOX)
    img = img.resize(size, Image.BILINEAR if dpi < SCAN_DPI else Image.BOX)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    nprng = np.random.default_rng(rng.randrange(2**32))
    # Toner is never quite black nor paper quite white; sensor noise on top.
    arr = 30 + np.asarray(img, dtype=np.float32) * (215 / 255)
    arr += nprng.normal(0, sigma, arr.shape)
    if threshold is not None:
        arr = np.where(arr < threshold, 0.0, 255.0)  # bilevel: strokes break or thicken
        return Image.fromarray(arr.astype(np.uint8)).convert("1").convert("RGB")
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


TESSERACT_PSM = 4  # one column of text of variable sizes (see the docstring for why not 3 or 6)


def _is_cjk(ch: str) -> bool:
    """A CJK character or full-width mark (the same set as the layout code's wide characters)."""
    return ord(ch) >= 0x2E80 or ch in "“”‘’—…·"


def join_cjk(text: str) -> tuple[str, int]:
    """Drop the spaces Tesseract puts between CJK characters/marks; return the text and how many went.

    Only a space (or run of spaces) with a CJK character or mark on both sides goes; a space
    beside a Latin letter, a digit or ASCII punctuation stays as Tesseract gave it.
    """
    out, removed, i = [], 0, 0
    while i < len(text):
        if text[i] == " ":
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            if out and j < len(text) and _is_cjk(out[-1]) and _is_cjk(text[j]):
                removed += j - i
            else:
                out.append(text[i:j])
            i = j
            continue
        out.append(text[i])
        i += 1
    return "".join(out), removed


def tesseract_page(image: Image.Image, psm: int) -> tuple[list, int]:
    """Tesseract's lines of a page image (the `tesseract` CLI, chi_sim) and the CJK spaces removed.

    A line's text is its words joined by one space, as Tesseract's own text output has it;
    the spaces between CJK characters/marks are then removed (`join_cjk`).
    """
    from proofread.inputs.ocr import OcrLine

    buf = io.BytesIO()
    image.save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core: the machine is shared
    tsv = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", str(psm), "--dpi", str(SCAN_DPI), "tsv"],
        input=buf.getvalue(),
        capture_output=True,
        check=True,
        env=env,
    ).stdout.decode("utf-8")
    words: dict[tuple[int, int, int], list[tuple[str, tuple[int, int, int, int], float]]] = {}
    for record in tsv.splitlines()[1:]:
        level, _page, block, par, line, _word, x, y, w, h, conf, *text = record.split("\t")
        word = "\t".join(text)
        if level == "5" and word.strip():
            box = (int(x), int(y), int(x) + int(w), int(y) + int(h))
            words.setdefault((int(block), int(par), int(line)), []).append((word, box, float(conf)))
    lines, removed = [], 0
    for group in words.values():
        text, n = join_cjk(" ".join(word for word, _, _ in group))
        removed += n
        box = (
            min(b[0] for _, b, _ in group),
            min(b[1] for _, b, _ in group),
            max(b[2] for _, b, _ in group),
            max(b[3] for _, b, _ in group),
        )
        score = sum(c for _, _, c in group) / len(group) / 100
        lines.append(OcrLine(text, box, score, [score] * len(text), [[] for _ in text]))
    return lines, removed


def tesseract_version() -> str:
    return subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]


def align(truth: str, ocr: str, sents: list[Sentence]) -> list[tuple[Sentence, str, bool]]:
    """Cut the OCR text into the true sentences: (sentence, its OCR reading, substitutions only?)."""
    ops = difflib.SequenceMatcher(None, truth, ocr, autojunk=False).get_opcodes()

    def to_ocr(i: int) -> int:
        """Position in the OCR text of the true text's position i (an insertion there goes before)."""
        for _tag, i1, i2, j1, j2 in ops:
            if i1 <= i < i2:
                return j1 + min(i - i1, j2 - j1)
        return len(ocr)

    out = []
    for s in sents:
        reading = ocr[to_ocr(s.start) : to_ocr(s.end) if s.end < len(truth) else len(ocr)]
        # A paragraph break OCR put inside a sentence is a layout slip, not a misread character.
        reading = reading.replace("\n", "").replace("\t", " ")
        out.append((s, reading, substitutions_only(s.text, reading)))
    return out


def substitutions_only(text: str, reading: str) -> bool:
    """Same length and every difference a one-for-one substitution (punctuation included)."""
    if len(text) != len(reading):
        return False
    ops = difflib.SequenceMatcher(None, text, reading, autojunk=False).get_opcodes()
    return all(tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1) for tag, i1, i2, j1, j2 in ops)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "fixtures/formal_prose_2.txt"))
    parser.add_argument("--out", default=str(ROOT / "fixtures/ocr_eval_pages.tsv"))
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--fonts", default="uming,wenkai", help="comma-separated names from FONTS, in order")
    parser.add_argument("--id-prefix", default="pg", help="first part of every row id")
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages of each document")
    parser.add_argument("--severity", choices=sorted(SEVERITIES), help="force one severity")
    parser.add_argument("--save-images", help="directory to keep the scanned page images in")
    parser.add_argument("--dry-run", action="store_true", help="print error rates, write nothing")
    parser.add_argument("--ocr", choices=("rapidocr", "tesseract"), default="rapidocr", help="the OCR engine")
    parser.add_argument("--psm", type=int, default=TESSERACT_PSM, help="Tesseract page segmentation mode")
    args = parser.parse_args(argv)
    fonts = args.fonts.split(",")
    if unknown := [f for f in fonts if f not in FONTS]:
        parser.error(f"unknown font(s) {unknown}; known: {sorted(FONTS)}")

    from proofread.inputs.layout import assemble
    from proofread.inputs.ocr import Recognizer

    recognizer = Recognizer(threads=1) if args.ocr == "rapidocr" else None
    if recognizer is None:
        print(f"{tesseract_version()}, chi_sim, --psm {args.psm}", file=sys.stderr)
    cjk_spaces = 0  # spaces Tesseract put between CJK characters/marks, removed
    paras = paragraphs(Path(args.corpus))
    truth, sents = document(paras)
    aligned, unaligned = [], []
    stats: dict[str, list[int]] = {}  # key -> [sentences, with error, true chars, char edits]
    # Each font typesets the whole text once; the pages are then scanned three times.
    for font_name in fonts:
        path, index = FONTS[font_name]
        font = ImageFont.truetype(path, FONT_PX, index=index)
        rows = rows_of(["".join(p) for p in paras], font)
        pages = typeset(rows, font)
        doc_truth, doc_sents = truth, sents
        if args.pages:  # a partial document: compare with the text those pages hold
            pages = pages[: args.pages]
            rows = rows[: args.pages * rows_per_page()]
            doc_truth = truth[: rows[-1][2] + len(rows[-1][1])]
            doc_sents = [s for s in sents if s.end <= len(doc_truth)]
        page_of = _page_starts(rows, doc_sents)
        # Every page is scanned once at each severity, in a random order per page.
        rng = random.Random(args.seed ^ zlib.crc32(font_name.encode()))
        plan = [rng.sample(list(SEVERITIES), len(SEVERITIES)) for _ in pages]
        for copy in range(len(SEVERITIES)):
            severities = [args.severity or plan[p][copy] for p in range(len(pages))]
            ocr_pages = []
            for p, page in enumerate(pages):
                img = scan(page, severities[p], rng)
                if args.save_images:
                    Path(args.save_images).mkdir(parents=True, exist_ok=True)
                    img.save(Path(args.save_images) / f"{font_name}-{copy}-p{p + 1}-{severities[p]}.png")
                if recognizer is not None:
                    lines = recognizer.page(img)
                else:
                    lines, removed = tesseract_page(img, args.psm)
                    cjk_spaces += removed
                ocr_pages.append((lines, float(img.height)))
                print(f"{font_name} copy {copy} page {p + 1}/{len(pages)} {severities[p]}", file=sys.stderr)
            ocr = assemble(ocr_pages).text
            for s, reading, clean in align(doc_truth, ocr, doc_sents):
                p = page_of[s.number]
                severity = severities[p - 1]
                sid = f"{args.id_prefix}-{font_name}{'abc'[copy]}-p{p:02d}-{severity}-s{s.number:03d}"
                wrong = _edits(s.text, reading)
                for key in (severity, font_name, "all"):
                    st = stats.setdefault(key, [0, 0, 0, 0])
                    st[0] += 1
                    st[1] += reading != s.text
                    st[2] += len(s.text)
                    st[3] += wrong
                if not reading.strip():
                    continue
                (aligned if clean else unaligned).append((sid, reading, s.text))
    for key, (n, bad, chars, edits) in stats.items():
        print(f"{key}: {bad}/{n} sentences with an OCR error, CER {edits / max(chars, 1):.2%}", file=sys.stderr)
    if recognizer is None:
        print(f"spaces between CJK characters/marks removed: {cjk_spaces}", file=sys.stderr)
    if summarize(aligned, unaligned, args.dry_run):
        return 0
    out = Path(args.out)
    write(out, aligned)
    write(out.with_suffix(".unaligned.tsv"), unaligned)
    return 0


def _page_starts(rows: list[tuple[int, str, int]], sents: list[Sentence]) -> dict[int, int]:
    """Page (1-based) on which each sentence starts."""
    per_page, starts, k = rows_per_page(), {}, 0
    for s in sents:
        while k + 1 < len(rows) and rows[k + 1][2] <= s.start:
            k += 1
        starts[s.number] = k // per_page + 1
    return starts


def _edits(a: str, b: str) -> int:
    """Character edits (substitutions, insertions, deletions) turning a into b."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


if __name__ == "__main__":
    sys.exit(main())
