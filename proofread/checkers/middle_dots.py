"""A middle dot between two clauses (P022): OCR's reading of a small 。 or ，, reported only.

RapidOCR reads the 。 of some faces, and the ， of others, as a middle dot: 关键在于落实·让我们拧成一股绳.
Between Chinese characters a · is right only in a foreign name (列夫·托尔斯泰), a date (一二·九),
a title's parts (《史记·项羽本纪》) or a slogan's (“人才·产业·乡村”). Which mark was meant the text
does not say (the word model knows nothing of sentence ends, and the share differs by face), so the
finding is a suggestion with both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..datafiles import dictionaries_dir, read_list
from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import protected

CODES = ("P022",)
_RULE = RULES["P022"]

#: A middle dot (and its look-alikes) with a Chinese character on each side.
_DOT_RE = re.compile(r"(?<=[\u4e00-\u9fff])[·・‧•](?=[\u4e00-\u9fff])")
#: Numerals of a date or an event (一二·九, 五·一, 九·一八).
_NUMERALS = frozenset("〇一二三四五六七八九十")
MIN_RUN = 2  # Chinese characters on each side: a clause, not an initial


@cache
def _name_chars() -> frozenset[str]:
    return frozenset(read_list(dictionaries_dir() / "transliteration_chars.txt"))


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in "·・‧•"):
        return
    prot = None
    for m in _DOT_RE.finditer(text):
        s = m.start()
        before, after = text[s - 1], text[s + 1]
        if before in _NUMERALS or after in _NUMERALS:
            continue  # a date or an event: 一二·九, 五·一
        if _name_side(text, s):
            continue  # a foreign name's dot: 约瑟夫·布洛赫, 玛丽娅·卡里莫娃, 马特乌斯·席尔瓦
        line_start = text.rfind("\n", 0, s) + 1
        head = text[line_start:s]
        if head.count("《") > head.count("》") or head.count("“") > head.count("”"):
            continue  # a title's or a quoted slogan's parts: 《史记·项羽本纪》, “人才·产业·乡村”
        if not (_han_run(text, s, -1) >= MIN_RUN and _han_run(text, s + 1, 1) >= MIN_RUN):
            continue
        prot = prot if prot is not None else protected(text)
        if s in prot:
            continue
        yield doc.finding(
            _RULE,
            s,
            s + 1,
            ("。", "，", "、"),
            0.5,
            message="两个分句之间的“·”疑为 OCR 误读的句号、逗号或顿号",
            safe=False,
        )


def _name_side(text: str, s: int) -> bool:
    """Do the dot's neighbours spell a foreign name: both next to it in the transliteration alphabet,
    or the two characters on one side (乌斯·席尔瓦, 简·奥斯汀)?"""
    names = _name_chars()
    if text[s - 1] in names and text[s + 1] in names:
        return True
    left, right = text[max(0, s - 2) : s], text[s + 1 : s + 3]
    return (len(left) == 2 and all(c in names for c in left)) or (len(right) == 2 and all(c in names for c in right))


def _han_run(text: str, i: int, step: int) -> int:
    """Chinese characters in a row from `i` (leftwards from i-1 when step is -1)."""
    n, j = 0, i - 1 if step < 0 else i
    while 0 <= j < len(text) and "\u4e00" <= text[j] <= "\u9fff":
        n += 1
        j += step
    return n
