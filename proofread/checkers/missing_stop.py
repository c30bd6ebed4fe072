"""The text's last paragraph ends with no mark at all (P016): OCR dropped the small 。.

A sentence of Chinese prose ends with a mark. Mid-text, a paragraph without one may be an
unnumbered heading (坚定信心，奋力拼搏); the text's last paragraph (or a sentence checked on
its own, as `proofread eval` does) is prose when it has clause marks inside, so its end
lost its 。 — unless it is a list item, a table row, a quotation or a title, or the line
before it ends with no mark either (verse, a list of slogans). OCR drops a
final 。 more often than any other mark: it is small and alone at the end of a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import FIELD_START_RE, HAN_RE, HEADING_NUMBER_RE, is_form_line, mostly_latin, protected, quote_left_open

CODES = ("P016",)
_RULE = RULES["P016"]

MIN_HAN = 10
_BLANK = " \t\r\n\u3000"
#: What the last line must end on: a character or a number (no mark at all).
_LINE_TAIL_RE = re.compile(r"[\u4e00-\u9fff0-9%％]")
_CLAUSE_MARKS_RE = re.compile("[，；：、]")
#: Lines that need no full stop: list items and numbered headings (charclass.HEADING_NUMBER_RE),
#: Markdown structure, a subtitle.
_NO_STOP_START_RE = re.compile(r"[ \t\u3000]*(?:[-*+#|>]|——|—)")
#: A line ending on a time: the header of a chat message, a subtitle cue's timing.
_TIMESTAMP_END_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[,.]\d{1,3})?)?[ \t]*$")
#: Where and when a text was written, closing it without a mark (记于 写于 作于 草于 改于 ...).
_DATELINE_RE = re.compile(r"(?:记|写|作|草|书|改|定稿|修订|修改)于")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    end = _skip_blank_back(text, len(text))  # the last line, read from the end: no scan of the text
    if end == 0 or not _LINE_TAIL_RE.match(text[end - 1]):
        return
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end]
    if len(HAN_RE.findall(line)) < MIN_HAN or not _CLAUSE_MARKS_RE.search(line):
        return  # a title, a name, a date: no sentence to end
    if _NO_STOP_START_RE.match(line) or HEADING_NUMBER_RE.match(line) or quote_left_open(line):
        return
    if FIELD_START_RE.match(line) or is_form_line(line):
        return  # a field of a form or of a document's distribution list (抄送：…), a table
    if _DATELINE_RE.search(line):
        return  # a postscript: 二〇二六年五月四日，编者记于云川旧居
    if _previous_line_unmarked(text, start):
        return  # lines before it end with no mark either: verse, slogans, the author's layout
    if _after_timestamp(text, start):
        return  # a message of a chat log or a subtitle cue under its time: they end as they were typed
    if text[end - 1] == "一":
        return  # 一 may itself be OCR's reading of the 。 (P011 decides); adding another would be a guess
    if mostly_latin(text, end - 1) or (end - 1) in protected(text):
        return
    yield doc.finding(
        _RULE, end, end, "。", 0.85, message="全文最后一段没有结束的标点，应加句号（OCR 常漏掉末尾的“。”）"
    )


def _skip_blank_back(text: str, end: int) -> int:
    """Offset after the last character before `end` that is not blank."""
    while end > 0 and text[end - 1] in _BLANK:
        end -= 1
    return end


def _after_timestamp(text: str, start: int) -> bool:
    """Does the nearest non-blank line before `start` end on a time (19:30 · 00:01:02,300)?"""
    end = _skip_blank_back(text, start)
    return _TIMESTAMP_END_RE.search(text, text.rfind("\n", 0, end) + 1, end) is not None


def _previous_line_unmarked(text: str, start: int) -> bool:
    """Does the nearest non-blank line before `start` end on a character with no mark (and is it
    not a numbered heading)? Then a missing mark is the text's style (a poem, a list of slogans)."""
    end = _skip_blank_back(text, start)
    if end == 0 or not "\u4e00" <= text[end - 1] <= "\u9fff":
        return False
    line_start = text.rfind("\n", 0, end) + 1
    return not (_NO_STOP_START_RE.match(text, line_start) or HEADING_NUMBER_RE.match(text, line_start))
