"""A decimal point read as a space (P013): 达到96 4% → 达到96.4%.

The point of a decimal is the smallest mark on a printed page; OCR often drops it and
leaves the gap as a space. A space between the digits of one quantity never belongs in
Chinese prose, and what follows says it is a quantity: a percent sign or a unit. Thousands
are grouped with commas in Chinese text, and an SI thin-space grouping has three digits
after the gap; so one or two digits after it, then % or a unit, make the point certain.
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

#: Units a decimal is written with in Chinese prose (large-number words, money, measures).
UNITS = "%％‰亿万元吨亩斤克米升倍度"
#: Chinese text or a mark (not a digit, point or space) + 1-3 digits + one space + 1-2 digits + unit.
_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff，。；：、（“])[0-9]{1,3}( )[0-9]{1,2}(?=[" + UNITS + "]|个百分点)")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if " " not in text:
        return
    prot = None
    for m in _GAP_RE.finditer(text):
        s = m.start(1)
        prot = prot if prot is not None else protected(text)
        if s in prot:
            continue
        yield doc.finding(_RULE, s, s + 1, ".", 0.9, message="数字中间的空格应为小数点（OCR 常把小数点读成空格）")
