"""C003: a closing quote (and comma) that OCR read as a character, inside an unclosed “."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import api, candidates, guards, quotes
from ..model import Document, Finding
from ..registry import RULES

CODES = ("C003",)
THRESHOLD = 1.0  # log10 units over the look-alike penalty
SAFE = 3.0
MARGIN = 2.0
# The look-alike table ranks sparse marks against full glyphs (1.0 best, 0.3 the 40th): a
# lower weight than for character pairs, whose scores are absolute similarities.
WEIGHT = 5.0


def check(doc: Document, options) -> Iterator[Finding]:
    table = candidates.punct_lookalikes()
    if not table:
        return
    engine = api.get(options)
    best = engine.model.best
    phrases = engine.guard.protected
    rule = RULES["C003"]
    pos = 0
    quoted = None  # the document's closed quoted terms, read when a line first needs them
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "“" not in line or guards.is_traditional(line):
            continue
        if quoted is None:
            quoted = quotes.quoted_terms(doc.text)
        found = quotes.find(line, table, best, weight=WEIGHT, phrases=phrases, document=doc.text, quoted=quoted)
        for fix, runner_up in found:
            if fix.score <= THRESHOLD:
                continue
            safe = fix.score >= SAFE and fix.score - runner_up >= MARGIN
            yield doc.finding(
                rule,
                start + fix.start,
                start + fix.start + 1,
                fix.replacement,
                confidence=api.confidence(fix.score, THRESHOLD),
                message=f"引号“{fix.phrase}”未闭合，“{fix.original}”疑为 OCR 误读的 {fix.replacement}",
                safe=safe,
                data={
                    "score": round(fix.score, 2),
                    "lm_gain": round(fix.gain, 2),
                    "similarity": round(fix.similarity, 2),
                },
            )
