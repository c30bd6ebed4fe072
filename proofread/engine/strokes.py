"""Shape similarity of any two characters from their stroke sequences (pycorrector's stroke.txt).

The confusion tables list the nearest glyphs of each character; this covers the
pairs they miss (a heavily degraded scan confuses characters that are further
apart), at a lower trust: it is used only for words the document itself uses.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .candidates import pycorrector_data


@lru_cache(maxsize=1)
def _strokes() -> dict[str, str]:
    path = pycorrector_data("stroke.txt")
    out: dict[str, str] = {}
    if path is None:
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            out[parts[0]] = parts[1].strip()
    return out


def similarity(a: str, b: str) -> float:
    """1 - normalised edit distance of the stroke sequences; 0 when either is unknown."""
    table = _strokes()
    sa, sb = table.get(a), table.get(b)
    if not sa or not sb:
        return 0.0
    return 1.0 - Levenshtein.normalized_distance(sa, sb)
