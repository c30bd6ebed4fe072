"""Character classes and "is this Chinese prose?" tests shared by the punctuation checkers.

Everything here is a precompiled regex or a constant-time test on one character,
so checkers can look at the neighbours of a candidate without per-character loops
over the whole text. Regions that must never be touched (URLs, e-mail addresses,
inline code, HTML entities, lines that look like source code) are collected once
per document by :class:`Protected`.
"""

from __future__ import annotations

import bisect
import re

#: CJK ideographs: URO, extension A, compatibility ideographs, extensions B-H, and 〇.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f"
#: Full-width Chinese punctuation that sits in running prose.
CJK_PUNCT_CLASS = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·～"
#: Closing marks after which a clause or quote ends.
#: (With the look-alikes P012 turns into them, 丶 ﹐ ..., so a decision is the same before and after.)
CJK_CLOSE_CLASS = "，。、；：？！”’）》〉】〕」』…丶ヽ﹐﹑﹔﹕﹖﹗﹚"
#: Opening marks before which a clause starts.
CJK_OPEN_CLASS = "“‘（《〈【〔「『"

HAN_RE = re.compile(f"[{HAN_CLASS}]")
_CJK_RE = re.compile(f"[{HAN_CLASS}{CJK_PUNCT_CLASS}]")
_LATIN_RE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")

#: Digits and the placeholder X of redacted documents (X亿元, XX区), half and full width.
NUMERIC_CLASS = "0-9０-９XＸ"
_NUMERIC_RE = re.compile(f"[{NUMERIC_CLASS}]")


def is_han(ch: str) -> bool:
    """True for one Chinese character (empty string -> False)."""
    return bool(ch) and HAN_RE.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """True for a Chinese character or a full-width Chinese punctuation mark."""
    return bool(ch) and _CJK_RE.match(ch) is not None


#: Coordinates or a tuple in ASCII: (1, 0) · (x, y) · (-y, x) · (0.5,1.2). Maths notation keeps
#: its ASCII brackets and commas in Chinese text.
_TUPLE_RE = re.compile(r" ?[-−+]?[A-Za-z0-9.]+(?: ?, ?[-−+]?[A-Za-z0-9.]+)+ ?")


def in_ascii_tuple(text: str, i: int) -> bool:
    """Is offset `i` (a bracket or a comma) part of an ASCII tuple such as (1, 0) or (x, y)?"""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end == -1 else line_end
    o = i if text[i] == "(" else text.rfind("(", line_start, i)
    if o == -1:
        return False
    c = text.find(")", o + 1, line_end)
    return c != -1 and o <= i <= c and _TUPLE_RE.fullmatch(text, o + 1, c) is not None


def is_numeric(ch: str) -> bool:
    """A digit (half or full width) or the placeholder X."""
    return bool(ch) and _NUMERIC_RE.match(ch) is not None


#: Quotes, brackets, sentence marks, dots and dashes in either width. Rules convert these into each other,
#: so a context test looks through them: a decision must not change once a neighbour has
#: been fixed (fix must be idempotent).
_SEE_THROUGH = frozenset(",;:?!\"'`()“”‘’（），；：？！〃.-…—。．－ ")
_SEE_LIMIT = 64


def witness_before(text: str, i: int, lo: int = 0) -> str:
    """The first character before offset i that is not a quote/bracket/comma-like mark ("" if none)."""
    j = i - 1
    while j >= lo and text[j] in _SEE_THROUGH and i - j < _SEE_LIMIT:
        j -= 1
    return text[j] if j >= lo and text[j] not in _SEE_THROUGH else ""


#: Quote marks, each counted once whatever a quote rule turns it into: “ ” " ＂ ″ 〃 and '' ’’ ‘‘ ``.
_QUOTE_MARK_RE = re.compile(r"''|’’|‘‘|``|[“”\"＂″〃]")


def quote_left_open(line: str) -> bool:
    """Does the line open (or close) a double quote it does not balance? (A quotation that runs
    over paragraphs: the line's layout is the author's.)"""
    return len(_QUOTE_MARK_RE.findall(line)) % 2 == 1


#: A number or placeholder with its unit signs, read leftwards from a mark: 增长X%, · 达到3.5%,
_NUMBER_LEFT_RE = re.compile(f"[{NUMERIC_CLASS}%％.．]+$")


def chinese_before(text: str, i: int) -> bool:
    """Is the text just before offset i Chinese (directly, or through a number glued to Chinese)?"""
    if is_cjk(witness_before(text, i)):
        return True
    m = _NUMBER_LEFT_RE.search(text, max(0, i - 12), i)
    return m is not None and m.start() > 0 and is_cjk(witness_before(text, m.start()))


def witness_after(text: str, i: int, hi: int | None = None) -> str:
    """The first character at or after offset i that is not a quote/bracket/comma-like mark."""
    hi = len(text) if hi is None else hi
    j = i
    while j < hi and text[j] in _SEE_THROUGH and j - i < _SEE_LIMIT:
        j += 1
    return text[j] if j < hi and text[j] not in _SEE_THROUGH else ""


class _Lines:
    """Line starts of one text (found once, O(n)) and per-line verdicts, for O(log n) look-ups.

    Checkers ask about the line of each candidate; rfind/find per candidate would be
    quadratic on a megabyte-long single line.
    """

    def __init__(self, text: str):
        self.text = text
        self.starts = [0, *(m.end() for m in _NEWLINE_RE.finditer(text))]
        self.latin: dict[int, bool] = {}

    def bounds(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, i) - 1
        start = self.starts[k]
        end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.text)
        return start, end


_NEWLINE_RE = re.compile("\n")
_LINES_CACHE: list = [None]


def _lines(text: str) -> _Lines:
    lines = _LINES_CACHE[0]
    if lines is None or lines.text is not text:
        lines = _LINES_CACHE[0] = _Lines(text)
    return lines


def mostly_latin(text: str, i: int) -> bool:
    """Is the paragraph (line) around offset `i` English rather than Chinese prose?

    Used as a guard: the ASCII comma in a line "I love 北京, really." must stay. The
    whole line is counted, not a window, so that fixing punctuation (which shifts
    offsets) never changes the verdict: fix stays idempotent. Cached per line.
    """
    lines = _lines(text)
    start, end = lines.bounds(i)
    verdict = lines.latin.get(start)
    if verdict is None:
        line = text[start:end]
        han = len(HAN_RE.findall(line))
        verdict = lines.latin[start] = len(_LATIN_RE.findall(line)) > 2 * han + 3
    return verdict


def chinese_line(text: str, i: int) -> bool:
    """Does the line around `i` hold a Chinese character and is not mostly English?"""
    start, end = _lines(text).bounds(i)
    return HAN_RE.search(text, start, end) is not None and not mostly_latin(text, i)


def line_bounds(text: str, i: int) -> tuple[int, int]:
    """Start and end (excluding \\r\\n) of the line containing offset `i`."""
    start, end = _lines(text).bounds(i)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


# --- regions never to touch ---------------------------------------------------------------

_PROTECTED_RE = re.compile(
    r"""
      (?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef“”‘’<>"]+   # URL (Chinese in its path too)
    | www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s\u3000-\u303f\uff00-\uffef“”‘’<>"]*
    | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+                      # e-mail
    | (?<!`)`[^`\n]+`(?!`)                                                       # `inline code`
    | (?<!`)``(?!`)[^\n\u3400-\u9fff]+?(?<!`)``(?!`)                   # ``inline code`` (``中文'' is a quote)
    | &(?:[A-Za-z]{2,8}|\#[0-9]{1,7}|\#x[0-9A-Fa-f]{1,6});                       # HTML entity
    | [A-Za-z]:\\[^\s\u4e00-\u9fff]*                                             # C:\\path
    | (?m:^)[ \t]*\[\^?[^\]\n]{1,40}\]:                                          # [^1]: Markdown definition
    """,
    re.VERBOSE,
)

#: A token that marks its whole line as source code: operators, braces, calls, keywords
#: at the start of a line, shell and REPL prompts. Chinese prose has none of these.
_CODE_TOKEN_RE = re.compile(
    r"""
      (?=[{}=!\-&|()\[ \t."'])
      (?: [{}] | == | != | => | -> | && | \|\| | (?<=[A-Za-z0-9_])\(\) | [ \t]=[ \t]
        | \(["'] | ["']\) | \)[ \t]*;[ \t]*$ | (?<=[A-Za-z0-9_])\.[A-Za-z_][A-Za-z0-9_]*\(
        | (?<=[A-Za-z0-9_\])"'])=(?=[A-Za-z0-9_"'\[(])
        | \[(?:J|M|C|D|N|R|S|P|Z|A|G|EB/OL|DB/OL|CP/DK|J/OL|M/OL)\]   # a GB/T 7714 reference keeps ASCII
      )
    """,
    re.VERBOSE | re.MULTILINE,
)
_CODE_LINE_START_RE = re.compile(
    r"""
      ^[ \t]*(?:def|class|import|from|return|if|elif|else|for|while|print|const|let|var
              |function|public|private|static|\#include|\#define)\b
    | ^[ \t]*(?://|/\*|>>>\ |\$\ )
    | ^[ \t]*-?[ \t]*[A-Za-z_][A-Za-z0-9_.-]*:(?:[ \t]|$)     # key: value (YAML, headers, config)
    """,
    re.VERBOSE | re.MULTILINE,
)


class Protected:
    """Sorted, disjoint character ranges of a text that no punctuation rule may touch."""

    def __init__(self, text: str):
        spans: list[tuple[int, int]] = []
        if any(k in text for k in ("`", "@", "://", "www.", "&", ":\\", "]:")):
            spans.extend(m.span() for m in _PROTECTED_RE.finditer(text))
        for rx in (_CODE_TOKEN_RE, _CODE_LINE_START_RE):
            for m in rx.finditer(text):
                spans.append(line_bounds(text, m.start()))
        spans.sort()
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __contains__(self, i: int) -> bool:
        k = bisect.bisect_right(self._starts, i) - 1
        return k >= 0 and i < self._ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._starts, end - 1 if end > start else start) - 1
        return k >= 0 and self._ends[k] > start


_PROTECTED_CACHE: dict[int, tuple[str, Protected]] = {}


def protected(text: str) -> Protected:
    """The protected ranges of `text`, computed once per text even though several checkers ask."""
    key = id(text)
    hit = _PROTECTED_CACHE.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    prot = Protected(text)
    _PROTECTED_CACHE.clear()
    _PROTECTED_CACHE[key] = (text, prot)
    return prot


# --- line shapes -----------------------------------------------------------------------------

_SENTENCE_PUNCT_RE = re.compile(r"[，。；！？：,;!?]")


#: A numbered heading or list item at the start of a line: 一、 （三） 1. 1.1␠ 第二章, and the
#: look-alikes OCR makes of its mark (一，关于…… · 四·…… · （三：……).
HEADING_NUMBER_RE = re.compile(
    r"[ \t\u3000]*(?:[0-9]+(?:\.[0-9]+)+[ \t\u3000]|[0-9]+[.、．)）,，]|[一二三四五六七八九十]+[、，,.．·丶]"
    r"|（[一二三四五六七八九十0-9]+[）:：]|第[一二三四五六七八九十0-9]+[章节条款])"
)


#: A label and its value at the start of a line: 抄送：市委办公室 · 联系人：王明 · 出席：……
FIELD_START_RE = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff]{1,8}[：:]")


def is_form_line(line: str) -> bool:
    """Fields of a form set out in columns (委托代理人（签字）：　　　　委托代理人（签字）：) or a table row."""
    return "\u3000\u3000" in line or "\t" in line


#: The full stop and dash of a bibliographic description (GB/T 3792): ．—2版．—云川：云川大学出版社.
BIBLIOGRAPHIC_RE = re.compile(r"[.．]—")


def is_title_line(line: str) -> bool:
    """A heading or title: short and without sentence punctuation. Its spacing is layout."""
    return len(line.strip()) <= 40 and _SENTENCE_PUNCT_RE.search(line) is None


def after_last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """Index just after the last match of `pattern` in text[lo:hi] (lo if none): where a clause or
    sentence that ends at `hi` begins, looking back no further than `lo`."""
    start = lo
    for m in pattern.finditer(text, lo, hi):
        start = m.end()
    return start
