"""V001: traditional or variant characters left in a simplified document."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import variants
from ..model import Document, Finding
from ..registry import RULES

CODES = ("V001",)


def check(doc: Document, options) -> Iterator[Finding]:
    text = doc.text
    if not variants.is_simplified_document(text):
        return  # a traditional document is the author's choice, not character-by-character damage
    rule = RULES["V001"]
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        for i, trad, simp in variants.find(line):
            yield doc.finding(
                rule,
                start + i,
                start + i + 1,
                simp,
                confidence=0.97,
                message=f"traditional “{trad}” in simplified text: “{simp}”",
                safe=True,
            )
