"""Set phrases and domain terms, and text one character away from them (C004).

A phrase of four or more characters is indexed by each of its character pairs,
so a scan costs one dict lookup per character of text: a near miss keeps at
least one pair intact, which gives its alignment; the Hamming distance
(rapidfuzz) at that alignment must be exactly one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Hamming

from ..datafiles import read_list
from .guards import DICT_DIR

MIN_LEN = 4


@dataclass
class NearMiss:
    start: int
    end: int
    phrase: str
    position: int  # index of the differing character inside the phrase


class PhraseIndex:
    def __init__(self, phrases):
        self.phrases = frozenset(p for p in phrases if len(p) >= MIN_LEN and "、" not in p)
        self.pairs: dict[str, list[tuple[str, int]]] = {}
        for p in self.phrases:
            for k in range(len(p) - 1):
                self.pairs.setdefault(p[k : k + 2], []).append((p, k))

    def near_misses(self, text: str) -> list[NearMiss]:
        out, seen = [], set()
        pairs = self.pairs
        for i in range(len(text) - 1):
            hits = pairs.get(text[i : i + 2])
            if not hits:
                continue
            for phrase, k in hits:
                a = i - k
                b = a + len(phrase)
                if a < 0 or b > len(text) or (a, phrase) in seen:
                    continue
                seen.add((a, phrase))
                window = text[a:b]
                if window == phrase or Hamming.distance(window, phrase) != 1:
                    continue
                pos = next(j for j in range(len(phrase)) if window[j] != phrase[j])
                if not "\u4e00" <= window[pos] <= "\u9fff":
                    continue  # a placeholder or digit standing in a phrase is not a typo
                out.append(NearMiss(a, b, phrase, pos))
        return out


@lru_cache(maxsize=8)
def index(extra_files: tuple[str, ...] = ()) -> PhraseIndex:
    phrases = read_list(DICT_DIR / "set_phrases.txt")
    for f in extra_files:
        phrases.extend(read_list(f))
    return PhraseIndex(phrases)
