"""Simulated scanning + RapidOCR recognition, for learning and testing OCR confusions.

`render_line` draws a text line in a CJK font; `degrade` makes it look like a poor grey scan
(small glyphs, blur, noise, ink bleed or fading, JPEG); `photocopy` makes it look like a
photocopy, fax or bilevel scan (strokes thickened or thinned, then the page thresholded, which
breaks thin strokes and merges close ones); `Recognizer` runs only the
RapidOCR line recognizer (no detection: the line is already cut out), on one thread so the
shared machine stays usable. `substitutions` aligns OCR output with the truth and returns the
one-for-one character substitutions (meant, seen).
"""

from __future__ import annotations

import difflib
import io
import random

import numpy as np
from glyphs import load_font
from PIL import Image, ImageDraw, ImageFilter


def render_line(text: str, font: tuple[str, int], size: int = 40) -> Image.Image:
    f = load_font(font[0], font[1], size)
    width = int(f.getlength(text)) + size
    img = Image.new("L", (width, int(size * 1.5)), 255)
    ImageDraw.Draw(img).text((size // 2, int(size * 0.75)), text, font=f, fill=0, anchor="lm")
    return img


def degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    """A random scan-like degradation: downscale to a small x-height, blur, ink change, noise, JPEG."""
    h = rng.choice([14, 15, 16, 18, 20, 24])  # line height in pixels after the scan
    scale = h / img.height
    small = img.resize((max(8, int(img.width * scale)), h), Image.BILINEAR)
    small = small.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.9)))
    arr = np.asarray(small, dtype=np.float32)
    ink = rng.choice(["normal", "bleed", "fade"])
    if ink == "bleed":
        arr = (
            np.asarray(Image.fromarray(arr.astype(np.uint8)).filter(ImageFilter.MinFilter(3)), np.float32) * 0.5
            + arr * 0.5
        )
    elif ink == "fade":
        arr = 255 - (255 - arr) * rng.uniform(0.45, 0.75)
    arr = arr + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(4, 22), arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(15, 55))
    up = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    # upsample back to the recognizer's 48 px height, as a scan pipeline would
    return up.resize((int(up.width * 48 / up.height), 48), Image.BILINEAR)


def photocopy(img: Image.Image, rng: random.Random) -> Image.Image:
    """A random bilevel degradation: toner spread or starved strokes, a low-resolution scan,
    blur, then a global threshold (as photocopiers, faxes and 1-bit scanners do), speckle.

    The threshold is what makes the damage of real copies: a dark threshold on a blurred
    small glyph drops thin strokes and opens boxes, a light one fills counters and joins
    neighbouring strokes. Both are drawn, from mild to harsh."""
    arr = np.asarray(img, dtype=np.uint8)
    stroke = rng.choice(["thick", "thick", "thin", "none"])
    if stroke != "none":
        # at print resolution (40 px em), one pixel of spread is about a toner dot
        flt = ImageFilter.MinFilter(3) if stroke == "thick" else ImageFilter.MaxFilter(3)
        arr = np.asarray(Image.fromarray(arr).filter(flt), np.uint8)
    h = rng.choice([14, 15, 16, 17, 18, 20, 22, 24, 28])  # line height after the scan
    src = Image.fromarray(arr)
    small = src.resize((max(8, int(src.width * h / src.height)), h), rng.choice([Image.BILINEAR, Image.BOX]))
    small = small.filter(ImageFilter.GaussianBlur(rng.uniform(0.0, 0.8)))
    a = np.asarray(small, dtype=np.float32)
    a = a + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(0, 12), a.shape)
    # threshold between the darkest ink and paper, as an auto-exposing copier sets it: low keeps
    # only solid ink (thin strokes break), high keeps every smudge (counters fill)
    ink = float(np.percentile(a, 1))
    bw = np.where(a < ink + rng.uniform(0.3, 0.8) * (255 - ink), 0, 255).astype(np.uint8)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    speckle = rng.uniform(0, 0.006)
    flip = nrng.random(bw.shape) < speckle
    bw[flip] = 255 - bw[flip]
    out = Image.fromarray(bw)
    if rng.random() < 0.4:  # a bilevel image later saved as JPEG (scanned to PDF)
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=rng.randint(30, 75))
        out = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    resample = rng.choice([Image.NEAREST, Image.BILINEAR])
    return out.resize((int(out.width * 48 / out.height), 48), resample)


def degrade_any(img: Image.Image, rng: random.Random, bilevel: float = 0.5) -> Image.Image:
    """`photocopy` with probability `bilevel`, else the grey-scan `degrade`."""
    return photocopy(img, rng) if rng.random() < bilevel else degrade(img, rng)


class Recognizer:
    def __init__(self, threads: int = 1):
        from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
        from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
        from rapidocr_onnxruntime.utils import read_yaml
        from rapidocr_onnxruntime.utils.parse_parameters import update_model_path

        cfg = update_model_path(read_yaml(DEFAULT_CFG_PATH))["Rec"]
        cfg["intra_op_num_threads"] = threads
        cfg["inter_op_num_threads"] = 1
        self.rec = TextRecognizer(cfg)

    def __call__(self, images: list[Image.Image]) -> list[tuple[str, float]]:
        arrs = [np.stack([np.asarray(im)] * 3, axis=-1) for im in images]
        res = self.rec(arrs)[0]
        return [(r[0], float(r[1])) for r in res]

    def read_with_alternatives(
        self, images: list[Image.Image], k: int = 5, floor: float = 1e-3
    ) -> list[list[tuple[str, dict[str, float]]]]:
        """Greedy CTC decoding that also keeps, for each emitted character, the other characters
        the recognizer gave weight to at those time steps (max probability over the steps).
        These near-misses show what OCR would read under slightly worse conditions."""
        chars = self.rec.postprocess_op.character  # index 0 is the CTC blank
        max_ratio = max(im.width / im.height for im in images)
        batch = np.stack(
            [self.rec.resize_norm_img(np.stack([np.asarray(im)] * 3, axis=-1), max_ratio) for im in images]
        ).astype(np.float32)
        preds = self.rec.session(batch)[0]  # (B, T, C) softmax
        out = []
        for probs in preds:
            best = probs.argmax(axis=1)
            seq: list[tuple[str, dict[str, float]]] = []
            prev = 0
            for t, idx in enumerate(best):
                if idx != 0 and idx != prev:
                    seq.append((chars[idx], {}))
                if idx != 0 and seq:
                    alts = seq[-1][1]
                    top = np.argpartition(-probs[t], k)[:k]
                    for j in top:
                        if j != 0 and j != idx and probs[t, j] > floor:
                            c = chars[j]
                            alts[c] = max(alts.get(c, 0.0), float(probs[t, j]))
                prev = idx
            out.append(seq)
        return out


def substitutions(truth: str, seen: str) -> list[tuple[str, str]]:
    """(meant, seen) pairs from equal-length replaced blocks of the alignment."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, truth, seen, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            out.extend(zip(truth[i1:i2], seen[j1:j2], strict=True))
    return out
