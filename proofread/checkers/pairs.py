"""Brackets within a paragraph: ASCII ( ) in Chinese text (P004) and unbalanced pairs (P009).

Parentheses of both widths are matched with one stack per line, so a mate is found
whatever its width:
- both ASCII and in Chinese context (Chinese inside, or Chinese on both sides) -> （ ）, P004;
  a call such as f(a, b) or PM2.5(x) with no Chinese inside stays;
- one full-width and one ASCII, （一) -> the ASCII mate is fixed, P009 (unambiguous);
- a full-width bracket without a mate -> reported, P009, never fixed. A closing mark
  right after a list number at the line start (1） 一） a）) is a list marker, not an error;
- a 〈, or a 《 or 【 whose own mate never comes, closed by a parenthesis -> （, P009: OCR's
  reading of （ (方案〈2026—2028年） · 所在镇《街道 )).
《》 and 【】 are otherwise only checked for balance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_RE, in_ascii_tuple, is_cjk, mostly_latin, protected, witness_after, witness_before

CODES = ("P004", "P009")
_P004, _P009 = RULES["P004"], RULES["P009"]

_LINE_WITH_BRACKETS_RE = re.compile(r"^[^\n]*[()（）《》【】][^\n]*", re.MULTILINE)
_BRACKET_RE = re.compile(r"[()（）《》【】〈]")
#: 〈 closed by a parenthesis, with no 〉 of its own (方案〈2026—2028年）): OCR read （ as 〈; also 《 and 【 (see _misread_opener).
_OPENERS = {"(": "paren", "（": "paren", "〈": "paren", "《": "title", "【": "lenticular"}
_CLOSERS = {")": "paren", "）": "paren", "》": "title", "】": "lenticular"}
_FULL = {"(": "（", ")": "）"}
_MATE = {"（": "）", "《": "》", "【": "】", "）": "（", "》": "《", "】": "【"}
_IDENT = re.compile(r"[A-Za-z0-9_.\]]")
_LATIN_END_RE = re.compile(r"[A-Za-z]")
#: A locant opening the bracket of a chemical name: (2-甲基丙基) · (1,3-二氧戊环).
_LOCANT_RE = re.compile(r"[0-9]+(?:,[0-9]+)*-")
_LIST_MARKER_RE = re.compile(r"[ \t\u3000]*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])")
#: An unclosed （ around a heading number, closed by a mark OCR makes of ）: （三： （2;
_HEADING_NUMBER_RE = re.compile(r"（(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[：:；;」\]}|]")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in "()（）《》【】"):
        return
    prot = protected(text)
    for line in _LINE_WITH_BRACKETS_RE.finditer(text):
        yield from _check_line(doc, text, line.start(), line.end(), prot)


def _check_line(doc: Document, text: str, lo: int, hi: int, prot) -> Iterator[Finding]:
    stacks: dict[str, list[int]] = {"paren": [], "title": [], "lenticular": []}
    unmatched_closers: list[int] = []
    for m in _BRACKET_RE.finditer(text, lo, hi):
        i, ch = m.start(), m.group()
        if ch in "()" and i in prot:
            continue
        if ch in _OPENERS:
            if ch != "〈" or "〉" not in text[i:hi]:  # a single title mark with its 〉 is no bracket
                stacks[_OPENERS[ch]].append(i)
            continue
        stack = stacks[_CLOSERS[ch]]
        if stack:
            yield from _pair(doc, text, stack.pop(), i, lo, hi)
        elif ch in "）)" and (kind := _misread_opener(stacks, text, i, hi)) is not None:
            # 《 or 【 still open and never closed, and a parenthesis closes: OCR read （ as
            # 《 or 【 (所在镇《街道 ) · 各镇【街道 ) )
            yield from _pair(doc, text, stacks[kind].pop(), i, lo, hi)
        elif ch != ")":
            unmatched_closers.append(i)
    for i in unmatched_closers:
        if text[i] == "）" and _LIST_MARKER_RE.fullmatch(text, lo, i):
            continue
        yield doc.finding(_P009, i, i + 1, (), 0.7, message=f"{text[i]} 在本段内没有对应的 {_MATE[text[i]]}")
    for stack in stacks.values():
        for i in stack:
            heading = _HEADING_NUMBER_RE.match(text, i, hi) if text[i] == "（" else None
            if heading:
                # （三：提升… — the heading number's ） came out as a look-alike mark.
                j = heading.end() - 1
                msg = f"序号的后括号被识别成了“{text[j]}”"
                yield doc.finding(_P009, j, j + 1, "）", 0.9, message=msg, safe=True)
            elif text[i] not in "(〈":
                yield doc.finding(_P009, i, i + 1, (), 0.7, message=f"{text[i]} 在本段内没有对应的 {_MATE[text[i]]}")


def _misread_opener(stacks: dict[str, list[int]], text: str, c: int, hi: int) -> str | None:
    """The stack ("title" or "lenticular") whose open 《 or 【 the parenthesis at c closes, when its
    own mate never comes on the line (None if there is no such opener)."""
    opened = [(stacks[k][-1], k) for k in ("title", "lenticular") if stacks[k]]
    if not opened:
        return None
    o, kind = max(opened)
    mate = "》" if kind == "title" else "】"
    if mate in text[c:hi] or c - o > 40:
        return None
    return kind


def _pair(doc: Document, text: str, o: int, c: int, lo: int, hi: int) -> Iterator[Finding]:
    left, right = text[o], text[c]
    if left in "〈《【" and right in "）)":
        msg = f"与 {right} 配对的“{left}”应为“（”（OCR 把前括号读成了形近的“{left}”）"
        yield doc.finding(_P009, o, o + 1, "（", 0.9, message=msg, safe=True)
        if right == ")":
            start, end = _with_spaces(text, c, lo, hi)
            yield doc.finding(_P009, start, end, "）", 0.9, message="括号两半宽度不一：与 （ 配对的应为全角", safe=True)
        return
    if left == "(" and right == ")":
        if _chinese_parens(text, o, c, lo, hi):
            for i, ch in ((o, "("), (c, ")")):
                start, end = _with_spaces(text, i, lo, hi)
                yield doc.finding(_P004, start, end, _FULL[ch], 0.95, message="中文语境中的英文括号应为全角")
    elif left == "(" or right == ")":
        i, ch = (o, "(") if left == "(" else (c, ")")
        mate = right if left == "(" else left
        yield doc.finding(
            _P009, i, i + 1, _FULL[ch], 0.9, message=f"括号两半宽度不一：与 {mate} 配对的应为全角", safe=True
        )


def _with_spaces(text: str, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The bracket at i with the single spaces OCR puts beside it ((一 ) 工业), which a full-width
    bracket never has; a space next to a Latin word stays (见 (附件 A) ...)."""
    start, end = i, i + 1
    if start - 1 > lo and text[start - 1] == " " and not _LATIN_END_RE.match(text, start - 2):
        start -= 1
    if end < hi - 1 and text[end] == " " and not _LATIN_END_RE.match(text, end + 1):
        end += 1
    return start, end


def _chinese_parens(text: str, o: int, c: int, lo: int, hi: int) -> bool:
    if text[o + 1] in "\"'`" or text[c - 1] in "\"'`":
        return False  # ("...") is a call with a string argument; the quotes skip it too
    inside_han = HAN_RE.search(text, o + 1, min(c, o + 201)) is not None  # capped: nested (((…))) stays linear
    before = text[o - 1] if o > lo else ""
    if before == "]" or (before and _IDENT.match(before) and not inside_han):
        return False  # Markdown link target, or a call/index such as f(a, b), PM2.5(x)
    if before == "-" or _LOCANT_RE.match(text, o + 1, c):
        return False  # a chemical name keeps ASCII brackets: α-甲基-4-(2-甲基丙基)苯乙酸
    if in_ascii_tuple(text, o):
        return False  # coordinates: 点(1, 0)是函数的零点
    if not inside_han:
        left, right = witness_before(text, o, lo), witness_after(text, c + 1, hi)
        # Chinese on one side and Chinese or the line's edge on the other: 局(2020)。 · (1)加强
        if not ((is_cjk(left) or not left) and (is_cjk(right) or not right) and (left or right)):
            return False
    return not mostly_latin(text, o)
