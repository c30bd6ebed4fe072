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
CJK_CLOSE_CLASS = "，。、；：？！”’）》〉】〕」』…"
#: Opening marks before which a clause starts.
CJK_OPEN_CLASS = "“‘（《〈【〔「『"

HAN_RE = re.compile(f"[{HAN_CLASS}]")
_CJK_RE = re.compile(f"[{HAN_CLASS}{CJK_PUNCT_CLASS}]")
_LATIN_RE = re.compile(r"[A-Za-z]")

#: Digits and the placeholder X of redacted documents (X亿元, XX区), half and full width.
NUMERIC_CLASS = "0-9０-９XＸ"
_NUMERIC_RE = re.compile(f"[{NUMERIC_CLASS}]")


def is_han(ch: str) -> bool:
    """True for one Chinese character (empty string -> False)."""
    return bool(ch) and HAN_RE.match(ch) is not None


def is_cjk(ch: str) -> bool:
    """True for a Chinese character or a full-width Chinese punctuation mark."""
    return bool(ch) and _CJK_RE.match(ch) is not None


def is_numeric(ch: str) -> bool:
    """A digit (half or full width) or the placeholder X."""
    return bool(ch) and _NUMERIC_RE.match(ch) is not None


def char_before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def char_after(text: str, i: int) -> str:
    return text[i] if i < len(text) else ""


def mostly_latin(text: str, i: int, radius: int = 24) -> bool:
    """Is the window around offset `i` (same line) an English sentence rather than Chinese prose?

    Used as a guard: an ASCII comma in "I love 北京, really." must stay.
    """
    lo = max(text.rfind("\n", 0, i) + 1, i - radius)
    hi = text.find("\n", i, i + radius)
    if hi == -1:
        hi = min(len(text), i + radius)
    window = text[lo:hi]
    latin = len(_LATIN_RE.findall(window))
    han = len(HAN_RE.findall(window))
    return latin > 2 * han + 3


def line_bounds(text: str, i: int) -> tuple[int, int]:
    """Start and end (excluding \\r\\n) of the line containing offset `i`."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    if end == -1:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


# --- regions never to touch ---------------------------------------------------------------

_PROTECTED_RE = re.compile(
    r"""
      (?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’<>"]+   # URL
    | www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’<>"]*
    | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+                      # e-mail
    | (?<!`)`[^`\n]+`(?!`)                                                       # `inline code`
    | &(?:[A-Za-z]{2,8}|\#[0-9]{1,7}|\#x[0-9A-Fa-f]{1,6});                       # HTML entity
    | [A-Za-z]:\\[^\s\u4e00-\u9fff]*                                             # C:\\path
    """,
    re.VERBOSE,
)

#: A token that marks its whole line as source code: operators, braces, calls, keywords
#: at the start of a line, shell and REPL prompts. Chinese prose has none of these.
_CODE_TOKEN_RE = re.compile(
    r"""
      [{}] | == | != | => | -> | && | \|\| | [A-Za-z0-9_]\(\) | [A-Za-z_][A-Za-z0-9_]*\s=\s
    | ^[ \t]*(?:def|class|import|from|return|if|elif|else|for|while|print|const|let|var
              |function|public|private|static|\#include|\#define)\b
    | ^[ \t]*(?://|/\*|>>>\ |\$\ )
    """,
    re.VERBOSE | re.MULTILINE,
)


class Protected:
    """Sorted, disjoint character ranges of a text that no punctuation rule may touch."""

    def __init__(self, text: str):
        spans: list[tuple[int, int]] = []
        if "`" in text or "@" in text or "://" in text or "www." in text or "&" in text or ":\\" in text:
            spans.extend(m.span() for m in _PROTECTED_RE.finditer(text))
        for m in _CODE_TOKEN_RE.finditer(text):
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


def is_title_line(line: str) -> bool:
    """A heading or title: short and without sentence punctuation. Its spacing is layout."""
    return len(line.strip()) <= 40 and _SENTENCE_PUNCT_RE.search(line) is None
