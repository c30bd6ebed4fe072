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
MIXED_PHONETIC = 0.5  # weight of a sound-alike candidate when the source is unknown (scans dominate)


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
        from . import confusions  # built by the confusion-data scripts; may be absent in a partial checkout
    except ImportError:
        return None
    return confusions


def _load(name: str, fallback):
    mod = _confusions()
    loader = getattr(mod, name, None) if mod is not None else None
    if loader is not None:
        try:
            return loader()
        except FileNotFoundError:
            pass
    return fallback()


@lru_cache(maxsize=1)
def visual() -> Table:
    return _load("load_visual", lambda: _pycorrector_groups("same_stroke.txt", 0.8))


@lru_cache(maxsize=1)
def phonetic() -> Table:
    return _load("load_phonetic", lambda: _pycorrector_groups("same_pinyin.txt", 0.8))


@lru_cache(maxsize=1)
def punct_lookalikes() -> Table:
    """Characters that look like a closing quote (”) or a closing quote plus comma (”，)."""
    return _load("load_punct_lookalikes", dict)


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


class Merged:
    """Candidates for a character from several tables, merged on first request (tables stay lazy).

    Each source is (table, factor): a candidate's similarity is its score times the
    factor, the best over the sources; only single characters other than the key.
    """

    def __init__(self, sources):
        self.sources = sources
        self._cache: dict[str, list[tuple[str, float]]] = {}

    def get(self, ch: str, default=()):
        got = self._cache.get(ch)
        if got is None:
            slot: dict[str, float] = {}
            for table, factor in self.sources:
                if ch in table:
                    for c, s in table[ch]:
                        if len(c) == 1 and c != ch and s * factor > slot.get(c, 0.0):
                            slot[c] = s * factor
            got = sorted(slot.items(), key=lambda kv: -kv[1])
            self._cache[ch] = got
        return got or default

    def __contains__(self, ch: str) -> bool:
        return bool(self.get(ch))


@lru_cache(maxsize=8)
def for_source(source: str, files: tuple[str, ...] = ()) -> Merged:
    """Candidates with their similarity: visual for OCR, phonetic for typed, both for mixed.

    In mixed text a phonetic-only candidate gets a lower similarity: OCR damage is
    the common case for pasted scans, and homophones are a large, noisy set.
    """
    sources = []
    if source in ("ocr", "mixed"):
        sources.append((visual(), 1.0))
    if source in ("typed", "mixed"):
        sources.append((phonetic(), 1.0 if source == "typed" else MIXED_PHONETIC))
    if files:
        sources.append((extra_pairs(files), 1.0))
    return Merged(sources)


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """pycorrector's 3,500 common characters (empty when the file is missing)."""
    path = pycorrector_data("common_char_set.txt")
    return frozenset(path.read_text(encoding="utf-8").split()) if path is not None else frozenset()
