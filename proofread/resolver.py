"""The one place that orders findings, resolves overlaps and applies fixes.

Rules (after ruff's `fix/mod.rs`): findings are sorted by start offset; identical
findings are merged, and a suggestion is dropped where another rule fixes the same span; a
fix is applied only if it is safe, at or above the confidence threshold, and does not overlap
a fix already applied. Text outside applied fixes is copied unchanged, so applying nothing
returns the input as is.
Like ruff, `pipeline.fix` then checks the fixed text again until nothing changes;
`compose` expresses the later passes' fixes as fixes of the source text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .model import MASK, Finding


def _order(f: Finding):
    # Earlier first; at the same start, the more confident and then the shorter wins.
    return (f.start, -f.confidence, f.end, f.code, f.replacements)


def resolve(findings: Iterable[Finding], text: str | None = None) -> list[Finding]:
    """Sort and de-duplicate; drop findings that touch masked (skipped) text."""
    findings = list(findings)
    # A span another rule fixes safely needs no suggestion besides (a dot read as 一 in 进·步
    # is fixed by C006; P022's "a misread 。 or ，?" there says nothing more).
    fixed = {(f.start, f.end): f.code for f in findings if f.safe and f.replacements}
    seen: set = set()
    out: list[Finding] = []
    for f in sorted(findings, key=_order):
        if not f.safe and fixed.get((f.start, f.end), f.code) != f.code:
            continue
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
    chosen_ids = {id(f) for f in chosen}
    return Applied(splice(text, chosen), chosen, [f for f in findings if id(f) not in chosen_ids])


def splice(text: str, chosen: list[Finding]) -> str:
    """`text` with the first replacement of each of `chosen` (sorted, disjoint) written in."""
    parts: list[str] = []
    pos = 0
    for f in chosen:
        parts.append(text[pos : f.start])
        parts.append(f.replacements[0])
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


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


def compose(source: str, first: list[Finding], second: list[Finding], position) -> list[Finding]:
    """Fixes made in two passes, expressed as fixes of the source text (sorted, disjoint).

    `first` were applied to `source`; `second` were found in, and applied to, the text that
    produced. A second-pass fix that overlaps first-pass ones is merged with them into one
    finding: the first's rule and message, the final text, and the later rules in
    `data["then"]`. One elsewhere is moved back to source offsets. `position(offset)` gives
    (line, col) in the source.
    """
    if not second:
        return list(first)
    # first-pass fixes as spans of the intermediate text
    spans: list[tuple[int, int, Finding]] = []
    ends, shifts = [], [0]  # intermediate end of each span; the total shift after the first k spans
    for f in first:
        start = f.start + shifts[-1]
        spans.append((start, start + len(f.replacements[0]), f))
        ends.append(start + len(f.replacements[0]))
        shifts.append(shifts[-1] + len(f.replacements[0]) - (f.end - f.start))
    # Groups of touching spans (intermediate offsets): every first-pass fix that touches a group
    # is in it, so a group edge is either a member's edge or text no first-pass fix came near.
    items = sorted([(s, e, f, 0) for s, e, f in spans] + [(f.start, f.end, f, 1) for f in second], key=lambda t: t[:2])
    groups: list[list] = []  # [start, end, first-pass members, second-pass members]
    for s, e, f, later in items:
        if groups and s <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], e)
            groups[-1][2 + later].append(f)
        else:
            groups.append([s, e, [] if later else [f], [f] if later else []])

    def to_source(p: int) -> int:
        """An intermediate offset -> source offset (exact where no first-pass fix touches it; at a
        member's edge the group takes the member's own offsets, so min/max settle it)."""
        return p - shifts[bisect.bisect_right(ends, p)]

    middle = splice(source, first)
    out = []
    for s, e, firsts, seconds in groups:
        if not seconds:
            out.extend(firsts)
            continue
        moved = [replace(f, start=f.start - s, end=f.end - s) for f in seconds]
        start = min([f.start for f in firsts] + [to_source(f.start) for f in seconds])
        end = max([f.end for f in firsts] + [to_source(f.end) for f in seconds])
        if not firsts and len(seconds) == 1:
            line, col = position(start)
            out.append(replace(seconds[0], start=start, end=end, line=line, col=col))
            continue
        base = firsts[0] if firsts else seconds[0]
        data = {**base.data, "then": [f.code for f in seconds]} if firsts else base.data
        line, col = position(start)
        out.append(
            replace(
                base,
                start=start,
                end=end,
                line=line,
                col=col,
                original=source[start:end],
                replacements=(splice(middle[s:e], moved),),
                data=data,
            )
        )
    return out
