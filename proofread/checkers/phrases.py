"""C004: one character off a known set phrase or domain term."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import api, guards, phrases
from ..engine.correct import lm_score
from ..model import Document, Finding
from ..registry import RULES

CODES = ("C004",)
# function characters stand alone by nature (人民的团结 is not 民族团结 misspelt)
#: numerals count things: 分为四类 is no 垃圾分类 misspelt
NUMERALS = frozenset("一二两三四五六七八九十百千万几")
FUNCTION_CHARS = frozenset("的地得了着过和与及或是在对把被将之其而并等为以于从向也都就还又很")


def _stands_alone(best, text: str, a: int, b: int, k: int) -> bool:
    """Is text[k] a one-character word in the best segmentation of the span (a suspicious character)?"""
    lo, hi = max(0, a - 2), min(len(text), b + 2)
    pos = lo
    for w in best(text[lo:hi])[1]:
        if pos <= k < pos + len(w):
            return len(w) == 1
        pos += len(w)
    return False


def check(doc: Document, options) -> Iterator[Finding]:
    idx = phrases.index(tuple(options.phrase_files))
    if not idx.phrases:
        return
    engine = None
    rule = RULES["C004"]
    text = doc.text
    for miss in idx.near_misses(text):
        k = miss.start + miss.position
        if guards.is_traditional(text[max(0, k - 20) : k + 20]):
            continue
        wrong, right = text[k], miss.phrase[miss.position]
        if engine is None:
            engine = api.get(options)
        # the window may itself be a real phrase (四个自信 vs 四个全面): the model must prefer the fix
        a, b = max(0, miss.start - 2), min(len(text), miss.end + 2)
        best = engine.model.best
        gain = lm_score(best, text[a:k] + right + text[k + 1 : b], a == 0, b == len(text))
        gain -= lm_score(best, text[a:b], a == 0, b == len(text))
        if gain <= 0 or text[miss.start : miss.end] in idx.phrases:
            continue
        guard = engine.corrector.guard
        if guard is not None and guards.covered(text, k, k + 1, guard.protected):
            continue  # inside a word of the allow-list or another phrase: 文旅产业 is no 文化产业
        if not _stands_alone(best, text, miss.start, miss.end, k):
            continue  # the character makes a word with its neighbours: 党政领导 is not 党的领导 misspelt
        confusable = right in {c for c, _ in engine.corrector.table.get(wrong, ())}
        edge = miss.position in (0, len(miss.phrase) - 1)
        if (edge or wrong in FUNCTION_CHARS or wrong in NUMERALS) and not confusable:
            continue  # 科技园被认定: a phrase's edge overlaps the next word; 垃圾四类: a count; only a look-alike counts
        yield doc.finding(
            rule,
            k,
            k + 1,
            right,
            confidence=0.95 if confusable else 0.7,
            message=f"与固定提法“{miss.phrase}”差一个字",
            safe=confusable and gain >= 2.0,
            data={"phrase": miss.phrase, "lm_gain": round(gain, 2)},
        )
