"""C001 on scanned text: where the recogniser was unsure, try its own second readings.

`proofread ocr` puts the recogniser's per-character confidence and runner-up readings
in ``doc.meta`` (see :mod:`proofread.commands.ocr_cmd`). That is a channel model from the
OCR engine itself, for this very glyph: on degraded renderings of formal prose the true
character was among the top-3 alternatives for about 88% of substituted characters, and
71% of them were read with a probability under 0.7, against 1.5% of the correct ones.

A position is tried when its confidence is below MAX_CONFIDENCE; each Han alternative is
scored by the language model gain over a ±3-character window plus the recogniser's log
odds of the alternative against its first reading. Inert on text without OCR metadata.

Not listed in ``CHECKERS``: `proofread ocr` runs it after the pipeline (see
:func:`proofread.commands.ocr_cmd.check_scan`), because only that command has the metadata.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..registry import RULES

CODES = ("C001",)

MAX_CONFIDENCE = 0.9  # recogniser probability under which a character is worth a second look
CHANNEL_WEIGHT = 1.0  # weight of log10(p_alt / p_read) against the LM gain (log10)
SUGGEST = 1.0  # total score for a suggestion
SAFE = 3.0  # total score for a safe fix (tuned on formal_prose pages, not on the sample)
MARGIN = 1.0  # the best alternative must beat the runner-up by this much to be safe
WINDOW = 3


#: Documents with figures blanked out write them as X / XX (增长X%, X个). OCR often reads
#: such an X as a Chinese character (区, 文) and keeps X as its runner-up. The word model has
#: no X, so it scores the X as the numeral 几, which takes the same places (几个, 几条).
PLACEHOLDER, NUMERAL = "X", "几"
PLACEHOLDER_RE = re.compile(r"(?<![A-Za-z])X{1,3}(?![A-Za-z])")
MIN_PLACEHOLDERS = 3  # X must already be the document's placeholder


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _score(text: str, pos: int, cands, read: float, best) -> tuple:
    """(total, gain, alternative) for each candidate at `pos`, best first."""
    from ..engine.correct import CLAUSE_END, lm_score

    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end == -1 else line_end
    a, b = max(line_start, pos - WINDOW), min(line_end, pos + 1 + WINDOW)
    bos = a == line_start or text[a - 1] in CLAUSE_END
    eos = b == line_end or text[b] in CLAUSE_END
    old = lm_score(best, text[a:b], bos, eos)
    scored = []
    for c, p in cands:
        stand_in = NUMERAL if c == PLACEHOLDER else c
        gain = lm_score(best, text[a:pos] + stand_in + text[pos + 1 : b], bos, eos) - old
        scored.append((gain + CHANNEL_WEIGHT * math.log10(p / max(read, 1e-4)), gain, c))
    scored.sort(reverse=True)
    return scored


def proposals(doc: Document, engine) -> list[tuple]:
    """(pos, original, best, total, gain, runner_up_total, confidence, ranked) per tried position.

    Best first, greedily: once a repair is accepted (score above SUGGEST), its neighbours
    are scored again on the repaired text, so two damaged characters side by side (产峻 for
    严峻) are judged with the other one already right.
    """
    alternatives = doc.meta.get("ocr_alternatives") or {}
    confidence = {start: score for start, end, score in doc.meta.get("ocr_confidence") or () if end == start + 1}
    text, best = doc.text, engine.model.best
    placeholders = len(PLACEHOLDER_RE.findall(text)) >= MIN_PLACEHOLDERS
    pending = {}
    for pos in alternatives:
        read = confidence.get(pos, 1.0)
        ch = text[pos] if pos < len(text) else ""
        if read >= MAX_CONFIDENCE or not _is_han(ch):
            continue
        cands = [
            (c, p)
            for c, p in alternatives[pos]
            if (_is_han(c) or (c == PLACEHOLDER and placeholders)) and c != ch and p > 0
        ]
        if cands:
            pending[pos] = (cands, read)
    work = list(text)
    scores = {pos: _score(text, pos, *pending[pos], best) for pos in pending}
    out = []
    while scores:
        pos = max(scores, key=lambda k: scores[k][0][0])
        ranked = scores.pop(pos)
        total, gain, c = ranked[0]
        runner = ranked[1][0] if len(ranked) > 1 else float("-inf")
        out.append((pos, text[pos], c, total, gain, runner, pending[pos][1], [r[2] for r in ranked]))
        if total <= SUGGEST:
            continue  # not accepted: the neighbours keep their scores
        work[pos] = c
        joined = "".join(work)
        for k in list(scores):
            if abs(k - pos) <= WINDOW:
                scores[k] = _score(joined, k, *pending[k], best)
    out.sort()
    return out


def check(doc: Document, options) -> Iterator[Finding]:
    if not doc.meta.get("ocr_alternatives") or options.engine == "macbert":
        return
    from ..engine import api

    engine = api.get(options)
    rule = RULES["C001"]
    for pos, ch, c, total, gain, runner, read, ranked in proposals(doc, engine):
        if total <= SUGGEST:
            continue
        line_start = doc.text.rfind("\n", 0, pos) + 1
        line_end = doc.text.find("\n", pos)
        line = doc.text[line_start : None if line_end == -1 else line_end]
        level = engine.guard.level(line, pos - line_start, pos - line_start + 1) if engine.guard else None
        if level == "skip":
            continue
        safe = level is None and total >= SAFE and total - runner >= MARGIN
        yield doc.finding(
            rule,
            pos,
            pos + 1,
            [r for r in ranked if r == c or ranked.index(r) < 3],
            confidence=round(1.0 / (1.0 + math.exp(-(total - SAFE + 0.5) / 0.8)), 3),
            message=f"OCR 对“{ch}”把握不大（{read:.2f}），其备选读法“{c}”更合上下文",
            safe=safe,
            data={
                "score": round(total, 2),
                "lm_gain": round(gain, 2),
                "ocr_confidence": round(read, 3),
                "ocr_alternative": True,
            },
        )
