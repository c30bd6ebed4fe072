"""A paragraph that ends on a comma (P010): OCR read the small full stop 。 as ，.

A Chinese paragraph ends a sentence (。！？, a colon before a list, a semicolon in a list
item, a closing quote or bracket), never a comma. But a comma at the end of a *line* is
ordinary where lines are not paragraphs: hard-wrapped text (a scan's lines kept as they
were printed), verse, a list of clauses. So the rule first asks whether the document's
lines are paragraphs: almost every long line ends a sentence and few lines end on a comma.
Then a long line of prose ending on ， (or on an ASCII comma after Chinese text) gets 。.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_RE, chinese_before, is_title_line, mostly_latin, protected

CODES = ("P010",)
_RULE = RULES["P010"]

MIN_HAN = 10  # a shorter line may be verse, a heading or a list item: 床前明月光，
MIN_CLAUSE = 4  # Chinese characters in the clause the comma ends: 参加会议的有：张三，is a list
SENTENCE_END = frozenset("。！？!?；;：:…”’）)》】」』—")
#: What may stand before the comma: the end of a clause (a character, a number, a closing mark;
#: a quote of either direction, since the quote rules may turn it in the same run).
_CLAUSE_TAIL_RE = re.compile(r"[\u4e00-\u9fff0-9%％“”‘’\"'〃）)》】]")
#: Quote marks, each counted once whatever a quote rule turns it into: “ ” " 〃 and '' ’’ ‘‘ ``.
_QUOTE_MARK_RE = re.compile(r"''|’’|‘‘|``|[“”\"〃]")
_COMMA_AT_LINE_END_RE = re.compile(r"[，,][ \t\r\u3000]*$", re.M)
_LAST_CLAUSE_RE = re.compile(r"[，。；：！？、,;:!?]")
WRAPPED_SHARE = 0.2  # more long lines than this ending mid-sentence: hard-wrapped text
COMMA_SHARE = 0.1  # more lines than this (and than one) ending on a comma: the author's layout


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not _COMMA_AT_LINE_END_RE.search(text):
        return  # the usual case, found with one regex scan before any per-line work
    lines = _prose_lines(text)
    comma_lines = [(start, end) for start, end in lines if text[end - 1] in "，,"]
    if not comma_lines:
        return
    nonblank = [ln.rstrip(" \t\r\u3000") for ln in text.split("\n") if ln.strip()]
    if sum(1 for ln in nonblank if ln[-1] in "，,") > max(1, COMMA_SHARE * len(nonblank)):
        return
    open_ends = sum(1 for start, end in lines if text[end - 1] not in SENTENCE_END and text[end - 1] not in "，,")
    if open_ends > WRAPPED_SHARE * len(lines):
        return  # lines end mid-sentence: they are printed lines, not paragraphs
    prot = protected(text)
    for start, end in comma_lines:
        k = end - 1
        while k > start and text[k - 1] in "，,":
            k -= 1  # a doubled comma (，，) is one mark: the whole run becomes 。
        mark = k
        if k - 1 > start and text[k - 1] == " ":
            k -= 1  # a space before the mark goes with the fix, as P004 takes it with an ASCII comma
        if k == start or not _CLAUSE_TAIL_RE.match(text[k - 1]) or k in prot:
            continue
        line = text[start:k]
        if len(_QUOTE_MARK_RE.findall(line)) % 2:
            continue  # a quotation running over paragraphs: its layout is the author's
        if len(HAN_RE.findall(_LAST_CLAUSE_RE.split(line)[-1])) < MIN_CLAUSE:
            continue
        if text[mark] == "," and not (chinese_before(text, mark) and not mostly_latin(text, mark)):
            continue  # the comma of an English clause or a list of numbers: P004 leaves it, so do we
        # The span may also be P004's (ASCII comma → ，, 0.95) or P007's (，， → ，): this fix must
        # win it, or a second run would turn the ， they leave into 。 (fix must be idempotent).
        confidence = 0.96 if end - k > 1 or text[mark] == "," else 0.9
        yield doc.finding(
            _RULE, k, end, "。", confidence, message="段落以逗号结尾，应为句号（OCR 常把“。”读成“，”）", safe=True
        )


def _prose_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of prose (end after trailing spaces are dropped): long enough
    and not titles. Lines of other kinds (titles, short items, code) do not vote."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.rstrip(" \t\r\u3000")
        if len(HAN_RE.findall(stripped)) < MIN_HAN or is_title_line(stripped):
            continue
        out.append((start, start + len(stripped)))
    return out
