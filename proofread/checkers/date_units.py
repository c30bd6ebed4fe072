"""A date unit (年 月 日) that OCR read as a look-alike (C007): 11月20口上午 → 11月20日上午,
2027年12月31目 → 31日, 2026午3月 → 2026年3月, 12用31日 → 12月31日.

The word model sees no digits, so it cannot tell that 20口 stands where a date needs 日; the
numbers can. A character in a date's unit slot becomes the unit when the visual confusion set
lists the unit among what it may be a misreading of, the numbers are a valid date (month 1-12,
day 1-31, year 1900-2099), and the character does not make a common word with the one after it
(3月15日目标 has its 日; 10月1日白天 keeps 白天).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..engine import api, candidates
from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import protected

CODES = ("C007",)
_RULE = RULES["C007"]

_X = r"([\u4e00-\u9fff])"
#: (unit, pattern whose one unnamed group is the look-alike, similarity the look-alike needs)
_SLOTS = (
    # day: 11月20口 (after a month and the day's digits)
    ("日", re.compile(r"(?<![0-9])(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})" + _X), 0.6),
    # month: 12用31日 (digits before and a day after), 2026年3丹份
    ("月", re.compile(r"(?<![0-9])(?P<m>[0-9]{1,2})" + _X + r"(?=(?P<d>[0-9]{1,2})[日号])"), 0.55),
    ("月", re.compile(r"(?<![0-9])[0-9]{4}年(?P<m>[0-9]{1,2})" + _X + r"(?=[份底初中])"), 0.6),
    # year: 2026午3月, 2025午底
    ("年", re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})" + _X + r"(?=[0-9]{1,2}月)"), 0.5),
    ("年", re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})" + _X + r"(?=[底初末度])"), 0.6),
)
#: What any slot above needs: a character other than a unit between digits (12用31), after a
#: month's day (月20口) or after a year (2025午底).
_SUSPECT_RE = re.compile(
    r"[0-9][^\x00-\x7f年月日号][0-9]|月[0-9]{1,2}[^\x00-\x7f日号]|[0-9]{4}[^\x00-\x7f年][底初末度]"
)
COMMON_WORD = -5.5  # log10 p: a look-alike that makes a word this common with the next character is meant


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if _SUSPECT_RE.search(text) is None:
        return  # every date is whole (one scan instead of five)
    table = candidates.visual()
    model = None
    prot = None
    for unit, pattern, floor in _SLOTS:
        for m in pattern.finditer(text):
            k = _slot(m)
            ch = text[k]
            if ch in "年月日号" or not _valid(m) or _similarity(table, ch, unit) < floor:
                continue
            model = model or api.get(options).model
            nxt = text[k + 1 : k + 2]
            if nxt and ch + nxt in model.vocab and model.word_scores((ch + nxt,))[0] > COMMON_WORD:
                continue  # 日目标 · 日白天: the look-alike starts a word of its own
            prot = prot if prot is not None else protected(text)
            if k in prot:
                continue
            msg = f"日期中的“{ch}”应为“{unit}”（与“{unit}”形近，OCR 误识）"
            yield doc.finding(_RULE, k, k + 1, unit, 0.9, message=msg, safe=True)


def _slot(m: re.Match) -> int:
    """Position of the look-alike: the one unnamed group of the pattern."""
    names = set(m.re.groupindex.values())
    return next(m.start(g) for g in range(1, m.re.groups + 1) if g not in names)


def _valid(m: re.Match) -> bool:
    d = m.groupdict()
    return (
        (d.get("m") is None or 1 <= int(d["m"]) <= 12)
        and (d.get("d") is None or 1 <= int(d["d"]) <= 31)
        and (d.get("y") is None or 1900 <= int(d["y"]) <= 2099)
    )


def _similarity(table, seen: str, meant: str) -> float:
    return next((s for c, s in table.get(seen, ()) if c == meant), 0.0)
