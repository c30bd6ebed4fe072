"""A space inside a number (P013): OCR either lost the decimal point and left its gap, or
opened a gap between digits: 达到96 4% → 96.4%, 86 .4亿元 → 86.4亿元, 达到3 86家 → 386家.

Which one it was, the number's neighbours say:
- a point next to the space, or elsewhere in the number (2. 1 · 9 6.4%): the space is extra;
- a percentage (96 4%): percentages are decimals, and one of several hundred percent is
  rare, so the gap is the lost point;
- a count (3 86家, 57 0余台) or a date (10月3 1日): counts and dates are whole numbers, so
  the gap is extra;
- an amount (2 1亿元): both are common (2.1亿元, 21亿元): a suggestion of both.
Three digits after a gap are a thousands group (GB/T 15835 allows 12 345) and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import protected

CODES = ("P013",)
_RULE = RULES["P013"]

PERCENT = ("%", "％", "‰", "个百分点")
#: Three digits and the decimals after a space: a thousands group of a decimal number (1 782.6).
_THOUSANDS_GROUP_RE = re.compile(r"[0-9]{3}\.[0-9]+")
#: Units of amounts that are often, not always, decimals.
AMOUNTS = "亿万千元吨亩斤克米升倍度"
#: Classifiers of whole things and date units: the number before them is an integer.
WHOLE = "家个人户名所项件座次台辆套批起条位栋间日月年号岁"

#: After Chinese text or a Chinese mark: digits, one space, digits (a point may touch the space),
#: then what follows the number.
_NUMBER_RE = re.compile(
    r"(?<=[\u4e00-\u9fff，。；：、（“])(?P<left>[0-9]+\.?[0-9]*) (?P<right>\.?[0-9]+(?:\.[0-9]+)?)(?P<after>余?.|$)"
)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if " " not in text:
        return
    prot = None
    for m in _NUMBER_RE.finditer(text):
        left, right, after = m.group("left"), m.group("right"), m.group("after")
        unit = after[-1:] if after else ""
        space = m.start("right") - 1
        if text[m.start() - 1] in "表图" or text[max(0, m.start() - 2) : m.start()] in ("附件", "附表"):
            continue  # a table's or figure's number before its caption: 表1 12个乡镇
        if left.endswith(".") and not left[:-1].count(".") and len(left) <= 3 and text[m.start() - 1] in "：、（“，":
            continue  # a list number before a year or a figure: 附件：1. 2026年……
        if "." in right and _THOUSANDS_GROUP_RE.fullmatch(right) and "." not in left:
            continue  # 1 782.6: the whole part grouped in threes (GB/T 15835), then the decimals
        if "." in left or "." in right:
            fix, safe, why = "", True, "数字中间多了空格（小数点旁或数字已有小数点）"
        elif len(left) > 3:
            continue
        elif len(right) > 2:
            continue  # 12 345: a thousands group (GB/T 15835 allows it), or two numbers
        elif text.startswith(PERCENT, m.end("right")):
            fix, safe, why = ".", True, "数字中间的空格应为小数点（OCR 常把小数点读成空格）"
        elif unit in WHOLE:
            fix, safe, why = "", True, "数字中间多了空格（计数和日期是整数）"
        elif unit in AMOUNTS:
            fix, safe, why = ".", False, "数字中间有空格：疑为丢失的小数点，也可能是多出的空格"
        else:
            continue
        prot = prot if prot is not None else protected(text)
        if space in prot:
            continue
        replacements = (fix,) if safe else (".", "")
        yield doc.finding(_RULE, space, space + 1, replacements, 0.9 if safe else 0.6, message=why, safe=safe)
