"""Build the OCR evaluation set: render formal prose, degrade it like a photocopy, OCR it.

Each sentence of `fixtures/formal_prose.txt` is rendered as one printed line (Noto Serif
or Sans CJK SC), degraded at one of three severities (low resolution, blur, noise,
photocopy thresholding, JPEG), and recognised by rapidocr-onnxruntime. The recogniser is
run on the line image directly (detection off): on a one-line crop it is what the full
pipeline does after detection, at a tenth of the time.

Pairs whose OCR output has the source's length (substitutions only) go to
`fixtures/ocr_eval.tsv` (and its dev/test halves); pairs where OCR dropped or added
characters go to `fixtures/ocr_eval.unaligned.tsv`, since character-level metrics need
aligned pairs. Sentences read perfectly are kept: they are the negatives.

    python scripts/make_ocr_eval.py            # writes fixtures/ocr_eval*.tsv
    python scripts/make_ocr_eval.py --limit 40 --dry-run   # error rate per severity

Deterministic: the seed fixes every font, severity and noise choice.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_tsv import summarize, write  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONTS = {"serif": "NotoSerifCJK-Regular.ttc", "sans": "NotoSansCJK-Regular.ttc"}
SC_INDEX = 2  # face index of "Noto ... CJK SC" inside the .ttc collections

# name: (character height in px after downscaling, blur radius, noise sigma, JPEG quality, threshold)
SEVERITIES = {
    "light": (16, 0.5, 10, 60, None),
    "medium": (15, 0.6, 14, 45, None),
    "heavy": (14, 0.5, 12, 40, 200),
}


def render(text: str, font: ImageFont.FreeTypeFont, size: int) -> Image.Image:
    """Black text on white, one line, with a margin like a scanned page crop."""
    width = int(font.getlength(text)) + 2 * size
    img = Image.new("L", (width, int(size * 1.6)), 250)
    ImageDraw.Draw(img).text((size, size // 4), text, font=font, fill=25)
    return img


def degrade(img: Image.Image, severity: str, rng: random.Random, size: int) -> Image.Image:
    """Photocopy damage: slight skew, low resolution, blur, speckle, threshold, JPEG."""
    height, blur, sigma, quality, threshold = SEVERITIES[severity]
    img = img.rotate(rng.uniform(-0.6, 0.6), resample=Image.BILINEAR, fillcolor=250, expand=False)
    factor = height / size
    small = img.resize((max(1, int(img.width * factor)), max(1, int(img.height * factor))), Image.BILINEAR)
    # A scanner at low dpi, then the page image enlarged again for OCR.
    img = small.resize((small.width * 2, small.height * 2), Image.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(blur * 2))
    nprng = np.random.default_rng(rng.randrange(2**32))
    arr = np.asarray(img, dtype=np.float32) + nprng.normal(0, sigma, (img.height, img.width))
    if threshold is not None:
        arr = np.where(arr < threshold, 30.0, 245.0) + nprng.normal(0, sigma / 3, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def sentences(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "fixtures/formal_prose.txt"))
    parser.add_argument("--out", default=str(ROOT / "fixtures/ocr_eval.tsv"))
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--copies", type=int, default=2, help="renderings per sentence (one per font first)")
    parser.add_argument("--severity", choices=sorted(SEVERITIES), help="force one severity")
    parser.add_argument("--dry-run", action="store_true", help="print error rates, write nothing")
    args = parser.parse_args(argv)

    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    sys.path.insert(0, str(ROOT))
    from proofread.inputs.ocr import _KeepingDecoder

    # The same greedy decoding, also keeping per-character probabilities and runner-ups.
    engine.text_rec.postprocess_op = _KeepingDecoder(engine.text_rec.postprocess_op)
    meta = {}
    size = 40
    fonts = {name: ImageFont.truetype(str(FONT_DIR / f), size, index=SC_INDEX) for name, f in FONTS.items()}
    texts = sentences(Path(args.corpus))
    if args.limit:
        texts = texts[: args.limit]
    aligned, unaligned, stats = [], [], {}
    jobs = [(n, copy, target) for n, target in enumerate(texts, 1) for copy in range(args.copies)]
    for n, copy, target in jobs:
        # Per-sentence generator: adding a sentence does not reshuffle the others.
        rng = random.Random(args.seed ^ zlib.crc32(f"{copy}:{target}".encode()))
        severity = args.severity or rng.choices(list(SEVERITIES), weights=(2, 4, 4))[0]
        font = sorted(fonts)[(n + copy) % len(fonts)]
        img = degrade(render(target, fonts[font], size), severity, rng, size)
        # The recogniser alone on the line image: what the full pipeline does after detection.
        (text, _mean, scores, alts), *_ = engine.text_rec(np.asarray(img))[0]
        source = text
        sid = f"ocr-{n:04d}{'abcdefgh'[copy]}-{severity}-{font}"
        total, wrong = stats.get(severity, (0, 0))
        stats[severity] = (total + 1, wrong + (source != target))
        if not source:
            continue
        (aligned if len(source) == len(target) else unaligned).append((sid, source, target))
        meta[sid] = {
            "id": sid,
            "scores": [round(x, 4) for x in scores],
            "alternatives": {str(i): a for i, a in enumerate(alts) if a},
        }
        if n % 50 == 0 and copy == 0:
            print(f"{n}/{len(texts)}", file=sys.stderr)
    for severity, (total, wrong) in sorted(stats.items()):
        print(f"{severity}: {wrong}/{total} sentences with an OCR error", file=sys.stderr)
    if summarize(aligned, unaligned, args.dry_run):
        return 0
    out = Path(args.out)
    write(out, aligned)
    # Per-character recogniser probabilities and runner-up readings for every aligned row:
    # what `proofread ocr` puts in doc.meta, for tuning an engine that uses them.
    with out.with_suffix(".meta.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for sid, _, _ in aligned:
            fh.write(json.dumps(meta[sid], ensure_ascii=False) + "\n")
    write(out.with_suffix(".unaligned.tsv"), unaligned)
    # Split by sentence (odd/even number), so both renderings of a sentence land in the
    # same half and both halves get the same mix of severities and topics.
    write(out.with_suffix(".dev.tsv"), [row for row in aligned if int(row[0][4:8]) % 2 == 1])
    write(out.with_suffix(".test.tsv"), [row for row in aligned if int(row[0][4:8]) % 2 == 0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
