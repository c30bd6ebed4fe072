"""A letter OCR made of a digit inside a number (L002): 2O19年 → 2019年, 企业l2家 → 12家,
二O二O年 → 二〇二〇年.

Fonts draw 0 and O, 1 and l (or I) alike, and OCR picks the letter when its language model
does not see a number. Letters are often meant beside digits (5G, G20, O2O, PM2.5, H1N1, a
library class I247.5), so the rule changes a letter only where the number leaves no doubt:
- between two digits of a run of digits and such letters (2O19, 1l2);
- at the edge of such a run (l2, 20O) when Chinese text stands before the run and a unit of count
  or a date after it (企业l2家, 2O2O年); a capital O or I beside a single digit is a label as
  often (圆心O1, 经过O1时) and needs two digits;
- among Chinese numerals before 年 (二O二O年, 二0二0年, 二○二○年): the zero of a year
  written in Chinese numerals is 〇, and O, 0 and the geometric circle ○ only look like it.
A run touching another Latin letter, a digit string with / - # before it, or a line mostly in
Latin script is left alone: those are codes, not numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, mostly_latin, protected

CODES = ("L002",)
_RULE = RULES["L002"]

_DIGIT_OF = {"O": "0", "o": "0", "l": "1", "I": "1"}
#: Units a count or a date ends with: 12家 · 2019年 · 10月 · 30%.
_UNITS = "年月日号个家人名位元角亿万千百次项件条款户所座台辆套篇期届批岁天倍吨米亩%％"
#: A run of digits and the letters that look like them, not touching other letters, digits or a
#: code's separators (GB/T 1O · #1O · A1O2 · 6.O).
_RUN_RE = re.compile(r"(?<![A-Za-z0-9./\-#_])[0-9OolI]*[0-9][0-9OolI]*(?![A-Za-z0-9_])")
_CN_DIGITS = "〇零一二三四五六七八九"
#: A year in Chinese numerals with a zero that is a letter, a digit or a circle: 二O二O年.
_CN_YEAR_RE = re.compile(f"[{_CN_DIGITS}O0oО○]{{2,4}}(?=年)")
_CN_ZERO_LOOKS = "O0oО○"  # Latin O, digit 0, small o, Cyrillic О, geometric circle U+25CB
_UNIT_SET = frozenset(_UNITS)
_HAN_BEFORE_RE = re.compile(f"[{HAN_CLASS}，。、；：（“《]")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in "OolI0○О"):
        return
    prot = None
    for s, e, digit in _letters_in_digits(text):
        prot = prot if prot is not None else protected(text)
        if s in prot or mostly_latin(text, s):
            continue
        msg = f"数字中的“{text[s]}”应为数字“{digit}”（OCR 常把 {digit} 读成形近的字母）"
        yield doc.finding(_RULE, s, e, digit, 0.9, message=msg, safe=True)
    for m in _CN_YEAR_RE.finditer(text):
        run = m.group()
        if sum(c in _CN_DIGITS for c in run) < 2 or not any(c in _CN_ZERO_LOOKS for c in run):
            continue  # 20年 (a count in digits) or a year with nothing to mend
        if m.start() > 0 and text[m.start() - 1] in "0123456789OolI":
            continue
        prot = prot if prot is not None else protected(text)
        for k, c in enumerate(run, m.start()):
            if c in _CN_ZERO_LOOKS and k not in prot:
                msg = f"中文数字年份中的“{c}”应为“〇”"
                conf = 0.85 if c == "○" else 0.95  # ○ is also a common typing habit, not only OCR's
                yield doc.finding(_RULE, k, k + 1, "〇", conf, message=msg, safe=True)


def _letters_in_digits(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digit) of each letter that belongs to the number it stands in."""
    for m in _RUN_RE.finditer(text):
        run, s, e = m.group(), m.start(), m.end()
        if run.isdigit():
            continue
        # At the edge of a run the letter may be a code's (O2O, 5G is no run): only a count or a
        # date in Chinese text (企业l2家 · 2O2O年) vouches for it.
        before = text[s - 1] if s > 0 else ""
        edges_ok = (before == "" or _HAN_BEFORE_RE.match(before) is not None) and text[e : e + 1] in _UNIT_SET
        digits = [k for k, c in enumerate(run) if c.isdigit()]
        # one digit beside a capital is a label as often as a count: 圆心O1 · 经过O1时 (l and o are no labels)
        edges_ok = edges_ok and (len(digits) >= 2 or not any(c in "OI" for c in run))
        for k, c in enumerate(run):
            if c in _DIGIT_OF and (edges_ok or digits[0] < k < digits[-1]):
                yield s + k, s + k + 1, _DIGIT_OF[c]
