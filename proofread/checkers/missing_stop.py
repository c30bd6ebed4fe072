"""A paragraph of prose ends with no mark at all (P016): OCR dropped the small 。.

A sentence of Chinese prose ends with a mark. OCR drops a paragraph's final 。 more often than
any other mark: it is small and alone at the end of a line. The text's last paragraph (or a
sentence checked on its own, as `proofread eval` does) is prose when it has clause marks inside
— unless it is a list item, a table row, a quotation or a title, or the line before it ends with
no mark either (verse, a list of slogans). Mid-text a paragraph without a mark may be an
unnumbered heading (坚定信心，奋力拼搏), a headline or displayed text, so there only paragraphs
of body text count, in a text laid out a paragraph a line (see `_inner_paragraphs`).
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
PROSE_HAN = 20  # a paragraph mid-text: long enough to be running prose, not a heading or a slogan
BODY_HAN = 45  # ... and a one-sentence paragraph this long is body text (headlines and verse lines are shorter)
#: A full stop inside the line: the paragraph has two sentences or more (a ！ or ？ inside is as
#: likely a headline's: 乡村振兴，人才从哪里来？一份来自云川的三年答卷).
_INNER_STOP_RE = re.compile(r"。[^。！？]*[\u4e00-\u9fff]")
UNMARKED_RUN = 4  # lines in a row ending with no mark: a list laid out by its author
WRAP_SPREAD = 3  # characters: lines broken at a width differ by less (a Latin word or a mark)
#: How a paragraph ends: its mark, a closing quote or bracket.
_PARAGRAPH_END = frozenset("。！？…：；”’）」』")
_VALUE_MARKS_RE = re.compile("[。！？，、；]")
_NUMBER_GROUPS_END_RE = re.compile(r"\d{3,}[ \-]\d{3,}$")
_BLANK = " \t\r\n\u3000"
#: What the last line must end on: a character or a number (no mark at all).
_LINE_TAIL_RE = re.compile(r"[\u4e00-\u9fff0-9%％]")
_CLAUSE_MARKS_RE = re.compile("[，；：、]")
#: Lines that need no full stop: list items and numbered headings (charclass.HEADING_NUMBER_RE),
#: Markdown structure, a subtitle.
_NO_STOP_START_RE = re.compile(r"[ \t\u3000]*(?:[-*+#|>•·▪▫◆◇■□●○★☆※►➢]|——|—)")
#: A figure's or a table's caption: 图1 … · 表 2-3 …
_CAPTION_RE = re.compile(r"[ \t\u3000]*(?:图|表|附图|附表)[ \t\u3000]*\d")
#: A line ending on a time: the header of a chat message, a subtitle cue's timing.
_TIMESTAMP_END_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[,.]\d{1,3})?)?[ \t]*$")
_TIMESTAMP_START_RE = re.compile(r"[ \t]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]")
#: Where and when a text was written, closing it without a mark (记于 写于 作于 草于 改于 ...).
_DATELINE_RE = re.compile(r"(?:记|写|作|草|书|改|定稿|修订|修改)于")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    end = _skip_blank_back(text, len(text))  # the last line, read from the end: no scan of the text
    if end == 0 or not _LINE_TAIL_RE.match(text[end - 1]):
        last = None
    else:
        last = text.rfind("\n", 0, end) + 1
        if _needs_stop(text, last, end):
            yield doc.finding(
                _RULE, end, end, "。", 0.85, message="全文最后一段没有结束的标点，应加句号（OCR 常漏掉末尾的“。”）"
            )
    yield from _inner_paragraphs(doc, last)


def _needs_stop(text: str, start: int, end: int) -> bool:
    """Is text[start:end], a line ending on a character or a number, a sentence of prose that lost its mark?"""
    line = text[start:end]
    if len(HAN_RE.findall(line)) < MIN_HAN or not _CLAUSE_MARKS_RE.search(line):
        return False  # a title, a name, a date: no sentence to end
    if _NO_STOP_START_RE.match(line) or HEADING_NUMBER_RE.match(line) or quote_left_open(line):
        return False
    if _CAPTION_RE.match(line):
        return False  # a caption is a label, not a sentence
    if FIELD_START_RE.match(line) or is_form_line(line):
        return False  # a field of a form or of a document's distribution list (抄送：…), a table
    if _DATELINE_RE.search(line):
        return False  # a postscript: 二〇二六年五月四日，编者记于云川旧居
    if _previous_line_unmarked(text, start):
        return False  # lines before it end with no mark either: verse, slogans, the author's layout
    if _after_timestamp(text, start):
        return False  # a message of a chat log or a subtitle cue under its time: they end as they were typed
    if text[end - 1] == "一":
        return False  # 一 may itself be OCR's reading of the 。 (P011 decides); adding another would be a guess
    return not (mostly_latin(text, end - 1) or (end - 1) in protected(text))


def _inner_paragraphs(doc: Document, last: int | None) -> Iterator[Finding]:
    """Paragraphs before the last one: OCR drops a paragraph's final 。 wherever it falls at a line's end.

    Mid-text a line without a mark may be a heading, a slogan, displayed text or a hard-wrapped line,
    so only a paragraph of body text counts (`_body_paragraph`), never the text's first line (its
    title), displayed text (`_displayed`) nor one of UNMARKED_RUN lines in a row without marks (the
    author's list), and only in a text laid out a paragraph a line: most of its long lines end with
    a mark, and no three lines in a row end unmarked at one width. In Markdown a line continues its
    paragraph unless a blank line follows.
    """
    text = doc.text
    lines = text.split("\n")
    layout_ok = None  # a paragraph a line? asked once, when a line first needs the answer
    markdown = doc.meta.get("format") == "markdown"
    pos, seen_first = 0, False
    for k, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        if start == last:
            break
        if not line.strip():
            continue
        if not seen_first:
            seen_first = True  # the title
            continue
        end = _skip_blank_back(text, start + len(line))
        if end <= start or not _LINE_TAIL_RE.match(text[end - 1]):
            continue
        if markdown and k + 1 < len(lines) and lines[k + 1].strip():
            continue  # a soft-wrapped Markdown paragraph goes on in the next line
        if not _body_paragraph(line) or _ends_in_field(line) or _in_unmarked_run(lines, k) or _displayed(lines, k):
            continue
        if not _needs_stop(text, start, end):
            continue
        if layout_ok is None:
            layout_ok = _paragraph_a_line(lines)
        if not layout_ok:
            return
        yield doc.finding(_RULE, end, end, "。", 0.85, message="段末没有结束的标点，应加句号（OCR 常漏掉段末的“。”）")


def _in_unmarked_run(lines: list[str], k: int) -> bool:
    """Is line k one of UNMARKED_RUN or more lines in a row (blank lines between them aside) that all end
    with no mark? That is the author's layout (a list of tasks, a programme) more than OCR's drops."""
    count = 1
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(lines) and count < UNMARKED_RUN:
            line = lines[j].rstrip()
            if line:
                if not _LINE_TAIL_RE.match(line[-1]):
                    break
                count += 1
            j += step
    return count >= UNMARKED_RUN


def _displayed(lines: list[str], k: int) -> bool:
    """Is line k text set out for display rather than a paragraph of body text? A photo's caption ends
    on its credit (…本报记者 孙立 摄); a quotation, an epigraph or lyrics stand above their attribution
    (——青岚民歌); verse, a couplet or a slogan follow the line that announces them (上联为：) or a
    label (【第一屏　主视觉】)."""
    if lines[k].rstrip().endswith("摄"):
        return True
    after = _next_nonblank(lines, k, 1).lstrip(" \t\u3000")
    if after.startswith("—"):
        return True
    before = _next_nonblank(lines, k, -1).strip(" \t\u3000\r")
    return before.endswith(("：", ":")) or (before.startswith("【") and before.endswith("】"))


def _next_nonblank(lines: list[str], k: int, step: int) -> str:
    j = k + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return lines[j]
        j += step
    return ""


def _body_paragraph(line: str) -> bool:
    """A paragraph of body text, not a heading, a headline, a caption or a line of verse, which are one
    sentence and short: prose with a full stop inside, or of BODY_HAN characters."""
    if not _prose(line):
        return False
    return _INNER_STOP_RE.search(line.rstrip()) is not None or len(HAN_RE.findall(line)) >= BODY_HAN


def _prose(line: str) -> bool:
    """A paragraph of running prose: PROSE_HAN Chinese characters and clauses split by ， or ；."""
    return ("，" in line or "；" in line) and len(HAN_RE.findall(line)) >= PROSE_HAN


def _ends_in_field(line: str) -> bool:
    """Does the line end in a field's value (记录：区政府办公室 谭芳, 证书号：云（2021）…第0031562号) or a
    phone or ID number (手机139 0739 2468)? A value after a colon carries no clause marks."""
    colon = max(line.rfind("："), line.rfind(":"))
    if colon != -1 and not _VALUE_MARKS_RE.search(line, colon + 1):
        return True
    return _NUMBER_GROUPS_END_RE.search(line) is not None


def _paragraph_a_line(lines: list[str]) -> bool:
    """Is the text laid out a paragraph a line? Most of its long lines end with a mark (OCR drops some),
    and no three lines in a row end with no mark at lengths within WRAP_SPREAD (text wrapped at a width)."""
    long_lines = ended = 0
    run: list[int] = []
    for line in lines:
        line = line.rstrip()
        if len(line) >= PROSE_HAN and len(HAN_RE.findall(line)) >= PROSE_HAN:
            long_lines += 1
            ended += line[-1] in _PARAGRAPH_END
        if line and _LINE_TAIL_RE.match(line[-1]):
            run.append(len(line))
            if len(run) >= 3 and max(run[-3:]) - min(run[-3:]) <= WRAP_SPREAD:
                return False
        else:
            run.clear()
    return long_lines >= 2 and ended * 2 >= long_lines


def _skip_blank_back(text: str, end: int) -> int:
    """Offset after the last character before `end` that is not blank."""
    while end > 0 and text[end - 1] in _BLANK:
        end -= 1
    return end


def _after_timestamp(text: str, start: int) -> bool:
    """Does the nearest non-blank line before `start` end on a time (19:30 · 00:01:02,300) or open with
    one (a chat export's header: 2026-11-20 19:32:47 老杨（1357924680）)?"""
    end = _skip_blank_back(text, start)
    line_start = text.rfind("\n", 0, end) + 1
    return (
        _TIMESTAMP_END_RE.search(text, line_start, end) is not None
        or _TIMESTAMP_START_RE.match(text, line_start, end) is not None
    )


def _previous_line_unmarked(text: str, start: int) -> bool:
    """Does the nearest non-blank line before `start` end on a character with no mark (and is it
    neither a numbered heading nor a paragraph of body text)? Then a missing mark is the text's
    style (a poem, a list of slogans)."""
    end = _skip_blank_back(text, start)
    if end == 0 or not "\u4e00" <= text[end - 1] <= "\u9fff":
        return False
    line_start = text.rfind("\n", 0, end) + 1
    if _body_paragraph(text[line_start:end]):
        return False  # a paragraph of body text without its mark: OCR dropped that one too
    return not (_NO_STOP_START_RE.match(text, line_start) or HEADING_NUMBER_RE.match(text, line_start))
