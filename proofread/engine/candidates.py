"""Where correction candidates come from: the confusion sets, by text source.

The confusion data and its loader (`confusions.py`: visual, phonetic and
punctuation look-alikes, each `char -> [(candidate, similarity)]`) are built
from glyph renderings and pinyin by `scripts/`. Until that module is present
this falls back to the shape and sound lists shipped inside pycorrector.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

Table = dict[str, list[tuple[str, float]]]


def pycorrector_data(name: str) -> Path | None:
    spec = importlib.util.find_spec("pycorrector")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "data" / name
    return path if path.exists() else None


def _pycorrector_groups(name: str, score: float) -> Table:
    """Fallback: every character of a same_stroke.txt line confuses with the others."""
    table: Table = {}
    path = pycorrector_data(name)
    if path is None:
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if name == "same_pinyin.txt":
            if len(parts) < 2:
                continue
            head = parts[0]
            cands = [(c, score) for c in parts[1]] + [(c, score * 0.8) for c in (parts[2] if len(parts) > 2 else "")]
            table.setdefault(head, []).extend(c for c in cands if c[0] != head)
        else:
            chars = [c for c in "".join(parts) if c.strip()]
            for c in chars:
                table.setdefault(c, []).extend((o, score) for o in chars if o != c)
    return table


def _confusions():
    try:
        from . import confusions  # noqa: PLC0415  (another module; may not exist yet)
    except ImportError:
        return None
    return confusions


@lru_cache(maxsize=1)
def visual() -> Table:
    mod = _confusions()
    if mod is not None:
        return mod.load_visual()
    return _pycorrector_groups("same_stroke.txt", 0.8)


@lru_cache(maxsize=1)
def phonetic() -> Table:
    mod = _confusions()
    if mod is not None:
        return mod.load_phonetic()
    return _pycorrector_groups("same_pinyin.txt", 0.8)


@lru_cache(maxsize=1)
def punct_lookalikes() -> Table:
    """Characters that look like a closing quote (”) or a closing quote plus comma (”，)."""
    mod = _confusions()
    if mod is not None and hasattr(mod, "load_punct_lookalikes"):
        return mod.load_punct_lookalikes()
    return {}


def extra_pairs(files: tuple[str, ...]) -> Table:
    """User confusion files: lines `wrong<TAB>right[:score] ...` or `wrong right`."""
    table: Table = {}
    for f in files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            head = parts[0]
            for p in parts[1:]:
                cand, _, sc = p.partition(":")
                table.setdefault(head, []).append((cand, float(sc) if sc else 0.9))
    return table


@lru_cache(maxsize=8)
def for_source(source: str, files: tuple[str, ...] = ()) -> Table:
    """Merged candidates with their similarity: visual for OCR, phonetic for typed, both for mixed.

    In mixed text a phonetic-only candidate gets a lower similarity: OCR damage is
    the common case for pasted scans, and homophones are a large, noisy set.
    """
    merged: dict[str, dict[str, float]] = {}

    def add(table: Table, factor: float):
        for ch, cands in table.items():
            slot = merged.setdefault(ch, {})
            for c, s in cands:
                if len(c) == 1 and c != ch:
                    slot[c] = max(slot.get(c, 0.0), s * factor)

    if source in ("ocr", "mixed"):
        add(visual(), 1.0)
    if source in ("typed", "mixed"):
        add(phonetic(), 1.0 if source == "typed" else 0.75)
    if files:
        add(extra_pairs(files), 1.0)
    return {ch: sorted(d.items(), key=lambda kv: -kv[1]) for ch, d in merged.items()}
