"""Glyph rendering and shape features shared by the confusion-set generators.

A character is rendered in several CJK fonts (found with fc-list, the Simplified Chinese face of
each Noto CJK collection), then turned into "views" a degraded scan would see: blurred
renders at several levels, low-resolution renders, and the four half-images (left, right, top,
bottom) used for component-level comparison. Each view is a mean-centred unit vector, so a dot
product of two views is their pixel correlation and one matrix product compares all pairs.
"""

from __future__ import annotations

import subprocess
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

CELL = 64  # render size in pixels; views are downsampled from it

# Name of the whole-glyph views and their weights in the combined shape score.
FULL_VIEWS = {"b1_32": 1.0, "b2_32": 1.0, "b4_32": 0.8, "r24": 1.0, "r16": 1.2, "r12": 0.6}
HALF_VIEWS = ("left", "right", "top", "bottom")


@cache
def cjk_fonts(
    faces: tuple[str, ...] = ("Noto Sans CJK SC", "Noto Serif CJK SC"), style: str = "Regular"
) -> list[tuple[str, int]]:
    """(path, ttc index) of the installed fonts whose family is one of `faces`, in `style`."""
    out = subprocess.run(["fc-list", ":lang=zh", "file", "family", "style", "index"], capture_output=True, text=True)
    found: dict[str, tuple[str, int]] = {}
    for line in out.stdout.splitlines():
        # e.g. /usr/share/.../NotoSansCJK-Regular.ttc: Noto Sans CJK SC,...:style=Regular:index=2
        path, _, rest = line.partition(": ")
        fields = dict(kv.split("=", 1) for kv in rest.split(":")[1:] if "=" in kv)
        family = rest.split(":")[0]
        if style not in fields.get("style", "").split(","):
            continue
        for face in faces:
            if face in family.split(","):
                found[face] = (path, int(fields.get("index", 0)))
    missing = [f for f in faces if f not in found]
    if missing:
        raise SystemExit(f"fonts not installed: {missing} (apt-get install fonts-noto-cjk)")
    return [found[f] for f in faces]


@cache
def load_font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


def render(text: str, font: tuple[str, int], cell: int = CELL) -> np.ndarray:
    """Render `text` into one cell x cell image (ink = 1.0). Longer strings are squeezed
    horizontally into the cell, as OCR does when it reads several marks as one character."""
    size = int(cell * 0.9)
    f = load_font(font[0], font[1], size)
    width = max(cell, int(f.getlength(text)) + 4) if len(text) > 1 else cell
    img = Image.new("L", (width, cell), 0)
    ImageDraw.Draw(img).text((width / 2, cell / 2), text, font=f, fill=255, anchor="mm")
    if width != cell:
        img = img.resize((cell, cell), Image.LANCZOS)
    return np.asarray(img, dtype=np.float32) / 255.0


def _unit(v: np.ndarray) -> np.ndarray:
    v = v.reshape(-1).astype(np.float32)
    v = v - v.mean()
    n = np.linalg.norm(v)
    return v / n if n > 0 else v


def views(glyph: np.ndarray) -> dict[str, np.ndarray]:
    """All shape views of one rendered glyph, as unit vectors."""
    img = Image.fromarray((glyph * 255).astype(np.uint8))
    out = {}
    for name, sigma in (("b1_32", 1.0), ("b2_32", 2.0), ("b4_32", 4.0)):
        small = img.filter(ImageFilter.GaussianBlur(sigma)).resize((32, 32), Image.BOX)
        out[name] = np.asarray(small, dtype=np.float32)
    for name, side in (("r24", 24), ("r16", 16), ("r12", 12)):
        out[name] = np.asarray(img.resize((side, side), Image.BOX), dtype=np.float32)
    base = np.asarray(img.filter(ImageFilter.GaussianBlur(1.5)).resize((32, 32), Image.BOX), dtype=np.float32)
    out["left"], out["right"] = base[:, :18], base[:, 14:]
    out["top"], out["bottom"] = base[:18, :], base[14:, :]
    return {k: _unit(v) for k, v in out.items()}


def feature_matrices(texts: list[str], fonts: list[tuple[str, int]]) -> dict[str, np.ndarray]:
    """For each view name, an N x D matrix stacking the view of every text in every font
    (fonts concatenated, each scaled so a row dot product is the mean correlation over fonts)."""
    per_view: dict[str, list[np.ndarray]] = {}
    scale = 1.0 / np.sqrt(len(fonts))
    for text in texts:
        rows: dict[str, list[np.ndarray]] = {}
        for font in fonts:
            for k, v in views(render(text, font)).items():
                rows.setdefault(k, []).append(v * scale)
        for k, parts in rows.items():
            per_view.setdefault(k, []).append(np.concatenate(parts))
    return {k: np.stack(v) for k, v in per_view.items()}


def combined_full(mats: dict[str, np.ndarray]) -> np.ndarray:
    """One N x D matrix whose row products give the weighted mean of the whole-glyph views."""
    total = sum(FULL_VIEWS.values())
    return np.concatenate([mats[k] * np.sqrt(w / total) for k, w in FULL_VIEWS.items()], axis=1)
