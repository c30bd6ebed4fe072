"""C002 (pattern part): 的 used where the complement marker 得 belongs, as a suggestion."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import particles
from ..model import Document, Finding
from ..registry import RULES

CODES = ("C002",)


def check(doc: Document, options) -> Iterator[Finding]:
    rule = RULES["C002"]
    pos = 0
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "的" not in line:
            continue
        for i in particles.find(line):
            verb = line[i - 1]
            yield doc.finding(
                rule,
                start + i,
                start + i + 1,
                "得",
                confidence=0.6,
                message=f"动词“{verb}”后接补语，应用“得”而非“的”（{verb}得…）",
                safe=False,
            )
