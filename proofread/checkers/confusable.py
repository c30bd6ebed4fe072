"""C001 (looks like) and C002 (sounds like): the noisy-channel corrector over every line."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import api, guards
from ..model import Document, Finding
from ..registry import RULES

CODES = ("C001", "C002")


def check(doc: Document, options) -> Iterator[Finding]:
    if options.engine == "macbert":
        from ..engine import neural

        yield from neural.check(doc, options)
        return
    engine = api.get(options)
    corrector = engine.corrector
    lines = doc.text.split("\n")
    keep = [bool(line.strip()) and not guards.is_traditional(line) for line in lines]
    context = corrector.document([line for line, k in zip(lines, keep, strict=True) if k])
    pos = 0
    for line, k in zip(lines, keep, strict=True):
        start, pos = pos, pos + len(line) + 1
        if not k:
            continue
        for c in corrector.correct_line(line, context):
            shape = c.by_shape or any(
                b in {x for x, _ in engine.visual.get(a, ())} for a, b in zip(c.original, c.replacement, strict=False)
            )
            rule = RULES["C001" if shape else "C002"]
            how = "形近" if shape else "音近"
            yield doc.finding(
                rule,
                start + c.start,
                start + c.end,
                [c.replacement, *c.alternatives],
                # in a name, a quotation or a repeated stretch the score says little: at most even odds
                confidence=min(api.confidence(c.score, corrector.safe_threshold - 1.0), 0.5 if c.guarded else 1.0),
                message=f"“{c.original}”与“{c.replacement}”{how}，按上下文应为“{c.replacement}”",
                # a homophone is a safe fix only when the text is known to be typed: in scans
                # and unknown text the sound-alike set is large and mostly wrong (带量 -> 大量)
                safe=corrector.is_safe(c) and (shape or options.source == "typed"),
                data={"score": round(c.score, 2), "lm_gain": round(c.gain, 2), "similarity": round(c.similarity, 2)},
            )
