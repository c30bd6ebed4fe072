"""Runs of marks in Chinese text: ellipsis (P005), dash (P006), doubled punctuation (P007).

Each rule is one regex for the candidate run plus a look at its two neighbours, so
English (wait...), dot leaders in a table of contents (第一章........5), command-line
flags (--help), Markdown rules (---) and CSV (1,,2) never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import is_han, protected, witness_after, witness_before

CODES = ("P005", "P006", "P007")
_P005, _P006, _P007 = RULES["P005"], RULES["P006"], RULES["P007"]

#: Exactly three or six dots of one kind, or a lone …; longer runs are dot leaders.
#: (The leading lookahead lets the regex engine skip ordinary text fast.)
_ELLIPSIS_RE = re.compile(r"(?=[.。．…])(?<![.。．…])(?:\.{6}|\.{3}|。{6}|。{3}|．{6}|．{3}|…)(?![.。．…])")
#: Two or three hyphens, or two full-width hyphen-minus. A lone em dash is left alone: it is
#: also GB/T 15834's 连接号 for ranges (北京—上海).
_DASH_RE = re.compile(r"(?=[-－])(?<![-－—])(?:-{2,3}|－{2})(?![-－—])")
#: Doubled commas (either width), semicolons, colons, enumeration commas, and exactly two 。
_DOUBLED_RE = re.compile(r"(?=[，,；;：:、。]{2})(?:[，,]{2,}|[；;]{2,}|[：:]{2,}|、{2,}|(?<!。)。。(?!。))")
_DOUBLED_TO = {",": "，", "，": "，", ";": "；", "；": "；", ":": "：", "：": "：", "、": "、", "。": "。"}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    yield from _ellipsis(doc, text)
    yield from _dash(doc, text)
    yield from _dashes_read_as_yi(doc, text)
    yield from _doubled(doc, text)


def _ellipsis(doc: Document, text: str) -> Iterator[Finding]:
    for m in _ELLIPSIS_RE.finditer(text):
        s, e = m.span()
        after = text[e] if e < len(text) else ""
        if after.isdigit():
            continue  # a page number after dot leaders
        run = m.group()
        # Look through quotes and brackets: the decision must not change once they are fixed.
        if not is_han(witness_before(text, s)):
            continue  # English "wait...", a range 1...10, a REPL prompt
        if s in protected(text):
            continue
        msg = "中文省略号应为两个三连点" if run != "…" else "中文省略号占两个字的位置"
        yield doc.finding(_P005, s, e, "……", 0.95 if run != "…" else 0.85, message=msg)


def _dash(doc: Document, text: str) -> Iterator[Finding]:
    for m in _DASH_RE.finditer(text):
        s, e = m.span()
        if not is_han(witness_after(text, e)):
            continue
        line_start = text.rfind("\n", 0, s) + 1
        if is_han(witness_before(text, s, line_start)):
            pass  # between Chinese text: 讲话--在全会上
        elif not text[line_start:s].strip():
            pass  # a subtitle line: --在区委全会上的讲话
        else:
            continue
        if s in protected(text):
            continue
        yield doc.finding(_P006, s, e, "——", 0.95, message="中文破折号应为两个一字线")


#: A subtitle line opening with 一一 (OCR's reading of ——) before a date (一一2026年7月16日在…), or
#: before 在 in a line that ends as a subtitle does (一一在全区经济工作会议上的讲话); 一一在风里亮起 is verse.
_YI_DASH_LINE_RE = re.compile(
    r"^([ \t\u3000]*)(一一|一 一) ?(?=[0-9]|在[^\n]*(?:讲话|发言|致辞|报告|演讲|会议上)[）)]?[ \t\r]*$)", re.M
)
#: 一 between two numbers is a range's dash, never a numeral: 2026 一 2028年 · 8:30 一 12:00.
_YI_RANGE_RE = re.compile(r"(?<=[0-9]) ?一 ?(?=[0-9])")


def _dashes_read_as_yi(doc: Document, text: str) -> Iterator[Finding]:
    if "一" not in text:
        return
    prot = None
    for m in _YI_DASH_LINE_RE.finditer(text):
        prot = prot if prot is not None else protected(text)
        if m.start(2) not in prot:
            msg = "行首的“一一”是破折号的误读，应为“——”"
            yield doc.finding(_P006, m.start(2), m.end(), "——", 0.9, message=msg, safe=True)
    for m in _YI_RANGE_RE.finditer(text):
        prot = prot if prot is not None else protected(text)
        if m.start() not in prot:
            msg = "两个数字之间的“一”是连接号的误读，应为“—”"
            yield doc.finding(_P006, m.start(), m.end(), "—", 0.9, message=msg, safe=True)


def _doubled(doc: Document, text: str) -> Iterator[Finding]:
    for m in _DOUBLED_RE.finditer(text):
        s, e = m.span()
        run = m.group()
        target = _DOUBLED_TO[run[0]]
        if not any(c in "，；：、。" for c in run):
            # All ASCII (,, ;; ::): only between Chinese text, never in code or CSV.
            before = text[s - 1] if s > 0 else ""
            after = text[e] if e < len(text) else ""
            if not (is_han(before) and is_han(after)):
                continue
        if s in protected(text):
            continue
        message = f"标点重复，应为一个 {target}"
        # The smallest edit: keep a correct mark at either end and delete the rest.
        if run[0] == target:
            yield doc.finding(_P007, s + 1, e, "", 0.95, message=message)
        elif run[-1] == target:
            yield doc.finding(_P007, s, e - 1, "", 0.95, message=message)
        else:
            yield doc.finding(_P007, s, e, target, 0.95, message=message)
