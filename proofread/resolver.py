"""The one place that orders findings, resolves overlaps and applies fixes.

Rules (after ruff's `fix/mod.rs`): findings are sorted by start offset; identical
findings are merged; a fix is applied only if it is safe, at or above the
confidence threshold, and does not overlap a fix already applied. Text outside
applied fixes is copied unchanged, so applying nothing returns the input as is.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from .model import MASK, Finding


def _order(f: Finding):
    # Earlier first; at the same start, the more confident and then the shorter wins.
    return (f.start, -f.confidence, f.end, f.code, f.replacements)


def resolve(findings: Iterable[Finding], text: str | None = None) -> list[Finding]:
    """Sort and de-duplicate; drop findings that touch masked (skipped) text."""
    seen: set = set()
    out: list[Finding] = []
    for f in sorted(findings, key=_order):
        # The same change proposed by two rules (a look-alike that is also a set-phrase near
        # miss) is one finding: the most confident, which sorts first, speaks for both.
        key = (f.start, f.end, f.replacements[0]) if f.replacements else (f.code, f.start, f.end)
        if key in seen:
            continue
        if text is not None and MASK in text[f.start : f.end]:
            continue
        seen.add(key)
        out.append(f)
    return out


@dataclass
class Applied:
    text: str
    applied: list[Finding]
    skipped: list[Finding]


def select_fixes(findings: list[Finding], threshold: float = 0.0, unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes will be applied: safe (or any, with `unsafe`), confident, disjoint."""
    chosen: list[Finding] = []
    last: Finding | None = None
    for f in sorted(findings, key=_order):
        if not f.replacements or not (f.safe or unsafe) or f.confidence < threshold:
            continue
        if last is not None and (f.start < last.end or f.start == last.start):
            continue  # overlaps (or competes at the same point with) a fix already taken
        chosen.append(f)
        last = f
    return chosen


def apply(text: str, findings: list[Finding], threshold: float = 0.0, unsafe: bool = False) -> Applied:
    """Apply the selected fixes to `text` and report which findings were used."""
    chosen = select_fixes(findings, threshold, unsafe)
    parts: list[str] = []
    pos = 0
    for f in chosen:
        parts.append(text[pos : f.start])
        parts.append(f.replacements[0])
        pos = f.end
    parts.append(text[pos:])
    chosen_ids = {id(f) for f in chosen}
    return Applied("".join(parts), chosen, [f for f in findings if id(f) not in chosen_ids])


def offset_map(applied: list[Finding]):
    """old offset -> offset in the text after `applied` (sorted, disjoint) fixes; for positions outside them."""
    starts = [f.start for f in applied]
    deltas, total = [], 0
    for f in applied:
        total += len(f.replacements[0]) - (f.end - f.start)
        deltas.append(total)

    def shift(offset: int) -> int:
        k = bisect.bisect_left(starts, offset)  # fixes that start before `offset` (and end by it)
        return offset + (deltas[k - 1] if k else 0)

    return shift
