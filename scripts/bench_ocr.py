"""Benchmark `proofread ocr` on degraded page renderings of the user's sample speech.

Renders `fixtures/speech_2020.expected.txt` as A4 pages (Noto Serif CJK SC, 2-character
paragraph indent, centred title, page numbers), degrades them like a photocopy (low
resolution, blur, noise, optional black/white thresholding, JPEG), saves them as one
multi-page TIFF and runs

    proofread ocr pages.tif --raw          (the OCR text as reassembled)
    proofread ocr pages.tif -o fixed.txt   (the text after the checks' safe fixes)

It prints the character error rate (Levenshtein distance / length of the expected
text) of both against the expected text, with and without whitespace (blank lines
are layout, not characters), and pages per second.

    python scripts/bench_ocr.py                    # severities light,medium,heavy
    python scripts/bench_ocr.py --severity medium --jobs 1 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import io
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SC_INDEX = 2

# A4 at 300 dpi is 2480 x 3508; a 16 pt body (三号, usual for speeches) is ~66 px there.
PAGE_W, PAGE_H, MARGIN_X, MARGIN_Y, FONT_PX = 2480, 3508, 280, 300, 66
# name: (scan dpi, blur radius at scan resolution, noise sigma, JPEG quality, threshold)
SEVERITIES = {
    "light": (150, 0.5, 8, 70, None),
    "medium": (100, 0.6, 12, 50, None),
    "heavy": (100, 0.7, 12, 40, 185),
}


def render_pages(text: str) -> list[Image.Image]:
    font = ImageFont.truetype(FONT, FONT_PX, index=SC_INDEX)
    width = PAGE_W - 2 * MARGIN_X
    pitch = int(FONT_PX * 1.6)
    pages, img, draw, y = [], None, None, 0

    def new_page():
        nonlocal img, draw, y
        if img is not None:
            pages.append(img)
        img = Image.new("L", (PAGE_W, PAGE_H), 255)
        draw = ImageDraw.Draw(img)
        y = MARGIN_Y

    new_page()
    lines = text.split("\n")
    for n, para in enumerate(lines):
        if not para.strip():
            y += pitch // 2
            continue
        centred = n < 2  # title and subtitle
        indent = 0 if centred else 2 * FONT_PX
        rest = para
        first = True
        while rest:
            avail = width - (indent if first else 0)
            k = 1
            while k < len(rest) and font.getlength(rest[: k + 1]) <= avail:
                k += 1
            piece, rest = rest[:k], rest[k:]
            if y + pitch > PAGE_H - MARGIN_Y:
                new_page()
            x = (PAGE_W - font.getlength(piece)) / 2 if centred else MARGIN_X + (indent if first else 0)
            draw.text((x, y), piece, font=font, fill=20)
            y += pitch
            first = False
    pages.append(img)
    for i, page in enumerate(pages, 1):
        label = f"- {i} -"
        d = ImageDraw.Draw(page)
        d.text(((PAGE_W - font.getlength(label)) / 2, PAGE_H - MARGIN_Y // 2), label, font=font, fill=20)
    return pages


def degrade(img: Image.Image, severity: str, rng: random.Random) -> Image.Image:
    dpi, blur, sigma, quality, threshold = SEVERITIES[severity]
    img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.BILINEAR, fillcolor=255)
    img = img.resize((PAGE_W * dpi // 300, PAGE_H * dpi // 300), Image.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    nprng = np.random.default_rng(rng.randrange(2**32))
    arr = np.asarray(img, dtype=np.float32) + nprng.normal(0, sigma, (img.height, img.width))
    if threshold is not None:
        arr = np.where(arr < threshold, 25.0, 245.0) + nprng.normal(0, sigma / 3, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def cer(hyp: str, ref: str, strip_space: bool) -> tuple[float, int]:
    from rapidfuzz.distance import Levenshtein

    if strip_space:
        hyp, ref = re.sub(r"\s", "", hyp), re.sub(r"\s", "", ref)
    dist = Levenshtein.distance(hyp, ref)
    return dist / max(1, len(ref)), dist


def run(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds, CPU seconds (the command and its worker processes) and the result."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--severity", default="light,medium,heavy")
    parser.add_argument("--jobs", type=int, default=0, help="passed to proofread ocr -j (0 = one per core)")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--keep", help="keep the pages and outputs in this folder")
    args = parser.parse_args(argv)

    expected = (ROOT / "fixtures/speech_2020.expected.txt").read_text(encoding="utf-8")
    clean = render_pages(expected)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-ocr-"))
    folder.mkdir(parents=True, exist_ok=True)
    exe = [sys.executable, "-c", "from proofread.cli import main; main()", "ocr"]
    print(f"{len(clean)} pages, {len(expected)} characters; jobs={args.jobs or 'all cores'}")
    print(
        "severity  raw CER (no ws)   fixed CER (no ws)  raw CER (ws)  fixed CER (ws)  "
        "wall s  pages/s  CPU s/page  changed chars"
    )
    for severity in args.severity.split(","):
        rng = random.Random(args.seed)
        pages = [degrade(p, severity, rng) for p in clean]
        tif = folder / f"speech_{severity}.tif"
        pages[0].save(tif, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(300, 300))
        seconds, cpu, raw = run([*exe, str(tif), "--raw", "-j", str(args.jobs)])
        out = folder / f"speech_{severity}.fixed.txt"
        _, _, fixed = run([*exe, str(tif), "-o", str(out), "-j", str(args.jobs), "--format", "json"])
        if raw.returncode not in (0, 1) or not out.exists():
            print(f"{severity}: proofread ocr failed:\n{raw.stderr}{fixed.stderr}", file=sys.stderr)
            return 2
        raw_text = raw.stdout.rstrip("\n")
        (folder / f"speech_{severity}.raw.txt").write_text(raw_text, encoding="utf-8")
        fixed_text = out.read_text(encoding="utf-8")
        from rapidfuzz.distance import Levenshtein

        changed = Levenshtein.distance(raw_text, fixed_text)
        r_ns, r_nsd = cer(raw_text, expected, True)
        f_ns, f_nsd = cer(fixed_text, expected, True)
        r_ws, _ = cer(raw_text, expected, False)
        f_ws, _ = cer(fixed_text, expected, False)
        print(
            f"{severity:<9} {r_ns:6.2%} ({r_nsd:4d})    {f_ns:6.2%} ({f_nsd:4d})     {r_ws:6.2%}        "
            f"{f_ws:6.2%}        {seconds:6.1f}  {len(pages) / seconds:6.2f}   {cpu / len(pages):6.2f}      {changed}"
        )
    print(f"pages and outputs in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
