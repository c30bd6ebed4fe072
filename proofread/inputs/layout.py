"""Reassemble OCR lines into the text a person would type.

A page comes back from OCR as boxes. People type it as paragraphs: the boxes of one
visual row joined left to right, a wrapped Chinese line joined to the next with no
space (Latin words with one), a new paragraph where a row is indented, where the row
before it stopped short of the right margin, or after a clear vertical gap. Page
numbers in the top or bottom margin are dropped, and so is a running header that
repeats on several pages; neither is glued into a sentence. A paragraph that runs
over a page break is joined again.

The result carries, for the engine, a confidence for every recognised character
(``spans``: ``(start, end, score)``) and the recogniser's alternative readings
(``alternatives``: offset → ``[(char, prob), ...]``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from itertools import pairwise

from .ocr import OcrLine

#: A margin line that is only a page number: "3", "- 3 -", "第 3 页", "3/12", "— 3 —", and the
#: dashes as OCR reads them ("—2一": a dash is often read as 一).
PAGE_NUMBER = re.compile(r"^[\s\-—–－~·一]*(第\s*)?[0-9０-９IVXivx]+(\s*[/／]\s*[0-9]+)?(\s*页)?[\s\-—–－~·一]*$")
MARGIN = 0.08  # share of the page height that counts as top or bottom margin


@dataclass
class Row:
    """One visual row of a page: its boxes joined, with the box union and char confidences."""

    text: str
    box: tuple[float, float, float, float]
    height: float
    scores: list[float]
    alternatives: list[list[tuple[str, float]]]
    page: int
    margin: bool = False  # in the top or bottom margin of the page

    @property
    def yc(self) -> float:
        return (self.box[1] + self.box[3]) / 2


@dataclass
class OcrText:
    """Reassembled text with the recogniser's confidences mapped onto it."""

    text: str
    spans: list[tuple[int, int, float]] = field(default_factory=list)  # per character
    lines: list[tuple[int, int, float]] = field(default_factory=list)  # per visual row
    alternatives: dict[int, list[tuple[str, float]]] = field(default_factory=dict)


def _is_wide(ch: str) -> bool:
    """CJK characters and full-width punctuation: no space around them when lines are joined."""
    return ord(ch) >= 0x2E80 or ch in "“”‘’—…·"


def _joiner(left: str, right: str, gap: float, height: float) -> str:
    """What goes between two pieces of text on one row or across a wrap."""
    if not left or not right:
        return ""
    if _is_wide(left[-1]) or _is_wide(right[0]):
        # A wide gap inside a row of Chinese (a title's "持续发力  强化担当") is the author's layout.
        return "  " if gap > 1.5 * height else ""
    return " "


def rows_of(lines: list[OcrLine], page: int, page_height: float) -> list[Row]:
    """Group the page's boxes into visual rows, top to bottom, each row left to right."""
    if not lines:
        return []
    lines = sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2)
    groups: list[list[OcrLine]] = []
    for ln in lines:
        yc = (ln.box[1] + ln.box[3]) / 2
        if groups:
            last = groups[-1]
            lyc = statistics.fmean((b.box[1] + b.box[3]) / 2 for b in last)
            if abs(yc - lyc) < 0.5 * min(ln.height, statistics.fmean(b.height for b in last)):
                last.append(ln)
                continue
        groups.append([ln])
    rows = []
    for group in groups:
        group.sort(key=lambda ln: ln.box[0])
        height = statistics.median(b.height for b in group)
        text, scores, alts = "", [], []
        for i, ln in enumerate(group):
            if i:
                sep = _joiner(text, ln.text, ln.box[0] - group[i - 1].box[2], height)
                text += sep
                scores += [1.0] * len(sep)
                alts += [[] for _ in sep]
            text += ln.text
            ok = len(ln.char_scores) == len(ln.alternatives) == len(ln.text)
            scores += ln.char_scores if ok else [ln.score] * len(ln.text)
            alts += ln.alternatives if ok else [[] for _ in ln.text]
        box = (
            min(b.box[0] for b in group),
            min(b.box[1] for b in group),
            max(b.box[2] for b in group),
            max(b.box[3] for b in group),
        )
        row = Row(text, box, height, scores, alts, page)
        row.margin = page_height > 0 and (row.yc < MARGIN * page_height or row.yc > (1 - MARGIN) * page_height)
        rows.append(row)
    return rows


def _drop_furniture(pages: list[list[Row]]) -> list[list[Row]]:
    """Remove page numbers and running headers/footers (margin rows repeated on other pages)."""
    margin_texts: dict[str, int] = {}
    for rows in pages:
        for t in {re.sub(r"\d+", "#", r.text.strip()) for r in rows if r.margin}:
            margin_texts[t] = margin_texts.get(t, 0) + 1
    kept = []
    for rows in pages:
        out = []
        for r in rows:
            if r.margin and PAGE_NUMBER.match(r.text.strip()):
                continue
            if r.margin and len(pages) > 1 and margin_texts.get(re.sub(r"\d+", "#", r.text.strip()), 0) > 1:
                continue
            out.append(r)
        kept.append(out)
    return kept


def _margins(rows: list[Row]) -> tuple[float, float]:
    """Left and right edges of the text block, over every page (one page may hold one short line)."""
    body = [r for r in rows if not r.margin] or rows
    lefts = sorted(r.box[0] for r in body)
    rights = sorted(r.box[2] for r in body)
    return lefts[len(lefts) // 10], rights[-1 - len(rights) // 10]  # robust: ignore a few outliers


def _paragraphs(rows: list[Row], left: float, right: float) -> list[list[Row]]:
    """Split one page's rows into paragraphs (indent, short previous row, vertical gap)."""
    if not rows:
        return []
    pitches = [b.yc - a.yc for a, b in pairwise(rows) if b.yc > a.yc]
    pitch = statistics.median(pitches) if pitches else rows[0].height * 1.5
    paras = [[rows[0]]]
    for prev, row in pairwise(rows):
        h = max(1.0, min(prev.height, row.height))
        new = (
            row.margin
            or prev.margin
            or row.box[0] - left > 0.8 * h  # indented (or centred)
            or right - prev.box[2] > 1.5 * h  # the row before stopped short
            or row.yc - prev.yc > 1.6 * pitch  # a vertical gap
        )
        if new:
            paras.append([row])
        else:
            paras[-1].append(row)
    return paras


def _continues(prev: list[Row], nxt: list[Row], right: float, left: float) -> bool:
    """Does the last paragraph of a page run on into the first one of the next page?"""
    last, first = prev[-1], nxt[0]
    h = max(1.0, min(last.height, first.height))
    return not last.margin and not first.margin and right - last.box[2] <= 1.5 * h and first.box[0] - left <= 0.8 * h


def assemble(pages: list[tuple[list[OcrLine], float]]) -> OcrText:
    """Text of a document from its pages' OCR lines; `pages` is ``[(lines, page_height), ...]``."""
    page_rows = _drop_furniture([rows_of(lines, i, height) for i, (lines, height) in enumerate(pages)])
    paras: list[list[Row]] = []
    every = [r for rows in page_rows for r in rows]
    left, right = _margins(every) if every else (0.0, 0.0)
    for rows in page_rows:
        page_paras = _paragraphs(rows, left, right)
        if paras and page_paras:
            if _continues(paras[-1], page_paras[0], right, left):
                paras[-1].extend(page_paras.pop(0))
        paras.extend(page_paras)
    out = OcrText("")
    parts: list[str] = []
    pos = 0
    for n, para in enumerate(paras):
        if n:
            parts.append("\n")
            pos += 1
        for i, row in enumerate(para):
            if i:
                sep = _joiner(para[i - 1].text, row.text, 0.0, row.height)
                # Latin text broken at a hyphen: "recog-" + "nition" → "recognition".
                if sep == " " and para[i - 1].text.endswith("-") and row.text[:1].islower():
                    parts[-1] = parts[-1][:-1]
                    pos -= 1
                    out.spans.pop()
                    sep = ""
                parts.append(sep)
                pos += len(sep)
            start = pos
            parts.append(row.text)
            for k, (score, alts) in enumerate(zip(row.scores, row.alternatives, strict=True)):
                out.spans.append((pos + k, pos + k + 1, round(float(score), 4)))
                if alts:
                    out.alternatives[pos + k] = alts
            pos += len(row.text)
            line_score = statistics.fmean(row.scores) if row.scores else 1.0
            out.lines.append((start, pos, round(line_score, 4)))
    out.text = "".join(parts)
    return out
