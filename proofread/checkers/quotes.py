"""Chinese double quotes: 〃 (P001), two apostrophes (P002), a straight double quote (P003: ASCII ",
full-width ＂, the double prime ″), and balance (P009).

Chinese double quotes do not nest (the inner level is ‘’), so one flag per paragraph,
"is a quote open?", decides whether a stand-in mark opens or closes. The scan walks
every double-quote-like mark of a paragraph (a line) in order; a stand-in takes the
direction the flag gives and flips it, exactly as the true mark would.

The position of a mark is a second witness: after 。，、 or at a line start a quote
opens; before 。，、 or at a line end it closes. When the flag and the position
disagree (usually because an earlier quote was never closed, e.g. OCR ate a ”),
the finding is only a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import (
    CJK_CLOSE_CLASS,
    CJK_OPEN_CLASS,
    chinese_line,
    is_cjk,
    is_han,
    mostly_latin,
    protected,
    witness_after,
    witness_before,
)

CODES = ("P001", "P002", "P003", "P009")

_P001, _P002, _P003, _P009 = (RULES[c] for c in ("P001", "P002", "P003", "P009"))

#: Every mark that is or may stand for a Chinese double quote. Runs of three apostrophes
#: or backticks are Python/Markdown syntax and are left out.
_TOKEN_RE = re.compile(
    r"(?=[“”〃\"＂″\n'’‘`])(?:[“”〃\"＂″\n]|(?<!')''(?!')|(?<!’)’’(?!’)|(?<!‘)‘‘(?!‘)|(?<!`)``(?!`))"
)
#: Straight double quotes, each standing for “ or ” as the pairing says: ASCII ", its full-width
#: form ＂ (input methods, converters) and the double prime ″ (OCR's reading of a slanted ”).
_STRAIGHT = {'"': "英文双引号", "＂": "全角直引号", "″": "双撇号″"}

#: Neighbours that make an ASCII quote part of code or markup, not prose.
_CODE_NEIGHBOURS = set("()（）[]{}=<>\\/|$#@&*+")
#: What may precede an opening quote (besides the line start and spaces).
#: ASCII marks count like their full-width forms, which P004 may turn them into. 。？！… are
#: not here: a quote closes after them as often as one opens (他说：“好。”“走吧。”).
_BEFORE_OPEN = set(CJK_OPEN_CLASS + "，、；：—(,;:-丶ヽ﹐﹑﹔﹕﹙")
#: What may follow a closing quote (besides the line end and spaces).
_AFTER_CLOSE = set(CJK_CLOSE_CLASS + ",;:?!).—-")
_OPEN, _CLOSE = "“", "”"
_LONE_BACKTICK_RE = re.compile(r"(?<!`)`(?!`)|```")
_QUOTEISH = set("“”‘’\"＂″'`〃")
#: A line ending in one of these ends its paragraph; otherwise the text may be hard-wrapped.
#: (Quote marks of any kind are in, since stand-ins may turn into either direction.)
_PARAGRAPH_END = set("。！？…』」）》：；!?.):;") | _QUOTEISH


def _position_role(text: str, start: int, end: int) -> str | None:
    """'open' or 'close' if the neighbours say so unambiguously, else None."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if before in _QUOTEISH or after in _QUOTEISH:
        return None  # next to another quote mark, which may itself be about to change
    opens = (before in _BEFORE_OPEN or before.isspace()) and not (after.isspace() or after in _AFTER_CLOSE)
    closes = (after in _AFTER_CLOSE or after.isspace()) and not (before.isspace() or before in _BEFORE_OPEN)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


def _chinese_context(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """A stand-in quote in Chinese prose: no code neighbours, Chinese around, not an English line."""
    before = text[start - 1] if start > line_start else ""
    after = text[end] if end < line_end else ""
    if before in _CODE_NEIGHBOURS or after in _CODE_NEIGHBOURS or mostly_latin(text, start):
        return False
    if is_cjk(witness_before(text, start, line_start)) or is_cjk(witness_after(text, end, line_end)):
        return True
    return chinese_line(text, start)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in "“”〃\"＂″'’‘`"):
        return
    prot = protected(text)
    is_open = False  # is a double quote open in the current paragraph?
    doubtful = False  # did an earlier stand-in of this paragraph go against its position?
    open_at = (-1, -1)  # span of that opening mark
    line_start = para_start = 0
    line_end = text.find("\n")
    if line_end == -1:
        line_end = len(text)
    for m in _TOKEN_RE.finditer(text):
        tok, s, e = m.group(), m.start(), m.end()
        if tok == "\n":
            tail = text[line_start:s].rstrip()
            if is_open and _closes_on_next_line(text, e):
                pass  # the quotation runs on: its ” is the first quote mark of the next line
            elif is_open and text[e:].lstrip(" \t\u3000").startswith(_OPEN) and tail[-1:] in _PARAGRAPH_END:
                pass  # a quotation over paragraphs opens the next one with “ (他写道：“……。⏎“……)
            elif is_open and tail and tail[-1] not in _PARAGRAPH_END:
                # A hard-wrapped paragraph (OCR keeps the printed line breaks): the quote may
                # close on the next line. Keep it open, but only suggest from here on.
                doubtful = True
            else:
                if is_open:
                    yield from _unclosed_at_end(doc, open_at, para_start)
                is_open, open_at, doubtful = False, (-1, -1), False
                para_start = e
            line_start = e
            line_end = text.find("\n", e)
            if line_end == -1:
                line_end = len(text)
            continue
        if tok == _OPEN:
            if is_open and open_at[0] < line_start and not text[line_start:s].strip():
                pass  # a quotation running over paragraphs reopens each one with “ (GB/T 15834)
            elif is_open:
                role = _position_role(text, s, e)
                if role == "close":
                    msg = "前引号“用在了句末，应为后引号”"
                    yield doc.finding(_P009, s, e, _CLOSE, 0.9 if not doubtful else 0.6, message=msg, safe=not doubtful)
                    is_open = False
                    continue
                closer = _next_quote_at(text, e, line_end)
                if role is None and _is_term(text, open_at[1], s) and (closer is None or text[closer] != _CLOSE):
                    # “小巨人“的企业: a short term, and no ” later for this “ to open: OCR turned the ”.
                    msg = "引号内是一个短语，第二个前引号“应为后引号”"
                    yield doc.finding(
                        _P009, s, e, _CLOSE, 0.85 if not doubtful else 0.6, message=msg, safe=not doubtful
                    )
                    is_open = False
                    continue
                yield _unclosed(doc, open_at)
            is_open, open_at = True, (s, e)
            continue
        if tok == _CLOSE:
            if not is_open:
                role = _position_role(text, s, e)
                closer = _next_quote_at(text, e, line_end)
                term = role is None and closer is not None and text[closer] == _CLOSE and _is_term(text, e, closer)
                if role == "open" or term:
                    msg = (
                        "后引号”用在了句首，应为前引号“"
                        if role == "open"
                        else "引号内是一个短语，前面的后引号”应为前引号“"
                    )
                    yield doc.finding(_P009, s, e, _OPEN, 0.9 if not doubtful else 0.6, message=msg, safe=not doubtful)
                    is_open, open_at = True, (s, e)
                    continue
                yield doc.finding(_P009, s, e, (), 0.7, message="后引号”前面没有对应的前引号“", data={"mark": tok})
            is_open = False
            continue
        if s in prot:
            continue
        if tok == "〃":
            # A ditto mark right after quoted text closes it; elsewhere (tables) it means "same as above".
            before = text[s - 1] if s > line_start else ""
            if is_open and before and not before.isspace() and before not in _BEFORE_OPEN:
                yield doc.finding(_P001, s, e, _CLOSE, 0.95, message="重复号〃用作了后引号")
                is_open = False
            continue
        if not _chinese_context(text, s, e, line_start, line_end):
            continue
        if tok == "``" and _LONE_BACKTICK_RE.search(text, line_start, line_end):
            continue  # the line has Markdown code spans: `` may be one of their fences
        if not is_open and s > line_start and text[s - 1].isdigit():
            continue  # 6.1" or 5'': an inch or second mark, not an opening quote
        if tok == "″" and s > line_start and ((text[s - 1].isascii() and text[s - 1].isalnum()) or text[s - 1] in "′″"):
            continue  # ″ after a number or a letter is seconds, inches or a second prime: 30″, f″(x), A″B″
        if _among_symbols(text, s, e, line_start, line_end):
            continue  # a quote mark listed among other ASCII symbols: 不能含有 \ / : * ? " < >
        rule = _P003 if tok in _STRAIGHT else _P002
        by_pairing = "close" if is_open else "open"
        by_position = _position_role(text, s, e)
        if by_pairing == "close" and by_position is None and _spans_sentences(text, open_at[1], s):
            # “推进河长制落实……。……开展"清四乱": the open quote lost its ” long ago.
            role, safe, conf = by_pairing, False, 0.5
            doubtful = True
        elif by_position is not None and by_position != by_pairing:
            role, safe, conf = by_position, False, 0.5
            doubtful = True
        elif doubtful:
            # The pairing now rests on an earlier guess: propose, do not apply.
            role, safe, conf = by_pairing, False, 0.6
        else:
            role, safe, conf = by_pairing, True, 0.95
        new = _CLOSE if role == "close" else _OPEN
        other = _OPEN if new == _CLOSE else _CLOSE
        what = _STRAIGHT.get(tok, "两个单引号")
        side = "后引号" if new == _CLOSE else "前引号"
        message = f"{what}用作中文{side}" if safe else f"{what}用作中文引号，方向不确定（疑为{side}）"
        yield doc.finding(rule, s, e, (new,) if safe else (new, other), conf, message=message, safe=safe)
        is_open = role == "open"
        if is_open:
            open_at = (s, e)
    if is_open:
        yield from _unclosed_at_end(doc, open_at, para_start)


#: Symbols a list of characters sets a straight quote among (文件名不能含有 \\ / : * ? " < > |).
_ASCII_SYMBOLS = frozenset("\\|/:*?<>#@&%^~=+")
#: A single apostrophe, not one of a pair ('' ’’ are P002's) nor after an opening ‘.
_LONE_APOSTROPHE_RE = re.compile(r"(?<!['’‘])['’](?!['’])")
#: What may follow a quoted term's closing mark besides Chinese text.
_AFTER_TERM = frozenset("，。、；：！？）》\n")

#: 。 runs of three or more are an ellipsis (P005), not a sentence end.
_ANY_QUOTE_RE = re.compile("[“”〃\"＂″'’‘`\n]")


def _among_symbols(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """Is the mark set between spaces with an ASCII symbol beyond them on either side (a list of
    characters: \\ / : * ? " < >)? A quote in prose touches its words."""
    if start == line_start or end == line_end or text[start - 1] != " " or text[end] != " ":
        return False
    before = text[line_start:start].rstrip()[-1:]
    after = text[end:line_end].lstrip()[:1]
    return bool(before) and bool(after) and (before in _ASCII_SYMBOLS or after in _ASCII_SYMBOLS)


def _closes_on_next_line(text: str, start: int) -> bool:
    """Is the first quote-like mark of the line at `start` a real closing ”?"""
    m = _ANY_QUOTE_RE.search(text, start)  # stops at the end of that line at the latest
    return m is not None and m.group() == _CLOSE


_SENTENCE_END_RE = re.compile("[！？!?]|(?<!。)。{1,2}(?!。)")


def _spans_sentences(text: str, start: int, end: int) -> bool:
    """Would a quote from `start` to `end` run across a sentence end that it does not close at?"""
    if end <= start or text[end - 1] in "。！？!?….":
        return False
    return _SENTENCE_END_RE.search(text, start, end) is not None


#: Longest quoted term (专精特新“小巨人”, “放管服”改革) whose lost direction we restore.
MAX_TERM = 12
_CLAUSE_MARK_RE = re.compile(r"[，。；：！？,;:!?、\s]")


def _is_term(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a short quoted term: a few characters, no clause or sentence mark?"""
    return 0 < end - start <= MAX_TERM and _CLAUSE_MARK_RE.search(text, start, end) is None


def _next_quote_at(text: str, start: int, line_end: int) -> int | None:
    """Position of the next quote-like mark on the line, if any."""
    m = _ANY_QUOTE_RE.search(text, start, line_end)
    return m.start() if m else None


def _unclosed(doc: Document, at: tuple[int, int]) -> Finding:
    return doc.finding(_P009, at[0], at[1], (), 0.7, message="前引号“在本段内没有对应的后引号”")


def _unclosed_at_end(doc: Document, at: tuple[int, int], line_start: int) -> Iterator[Finding]:
    # A quotation running over several paragraphs opens each with “ and closes only the
    # last one (GB/T 15834): an open quote that starts its paragraph is not an error.
    if not doc.text[line_start : at[0]].strip():
        return
    lone = _lone_apostrophe(doc.text, at[1])
    if lone is not None:
        msg = "引号内是一个短语，其后的单引号应为后引号”（OCR 漏读了一撇）"
        yield doc.finding(_P009, lone, lone + 1, _CLOSE, 0.9, message=msg, safe=True)
        return
    yield _unclosed(doc, at)


def _lone_apostrophe(text: str, start: int) -> int | None:
    """Where a single ' or ’ closes the term that an unclosed “ opened at `start` (“枫桥经验'坚持好):
    OCR read the ” with one stroke. Only after a short term and a Chinese character, before Chinese
    text or a mark, with no ‘ opened in between (then ’ would be its own closer)."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    m = _LONE_APOSTROPHE_RE.search(text, start, end)
    if m is None:
        return None
    i = m.start()
    if "‘" in text[start:i] or not _is_term(text, start, i) or not is_han(text[i - 1]):
        return None
    after = text[i + 1] if i + 1 < end else "\n"
    if not (is_han(after) or after in _AFTER_TERM) or i in protected(text):
        return None
    return i
