"""Spaces OCR put between Chinese text and numbers (S002): 青岚区 2026 年 7 月 → 青岚区2026年7月.

Some OCR engines (Tesseract among them) set a space on each side of every run of digits and
of every ASCII mark they read. A space between Chinese characters and a number is also a
style some writers choose (在 2026 年), so the space alone proves nothing. What proves the
OCR is the other half of its habit: ASCII marks with spaces around them inside Chinese
sentences (增长 5.8% , 增速 · 电话 : 0731), which no writer types. In a document with at least
three of those, a single space between a Chinese character and a digit is OCR's and goes.
Spaces between digits (a thousands group, a number OCR split) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, protected

CODES = ("S002",)
_RULE = RULES["S002"]

#: OCR's spacing of a mark inside a Chinese sentence: 5.8% , 增速 · 电话 : 0731 · 安排 ; 城镇.
#: A Chinese character on one side: a C ternary ((n > 5) ? 10 : 20) has none.
_SPACED_MARK_RE = re.compile(
    f"(?<=[{HAN_CLASS}]) [,;:!?](?= ?[{HAN_CLASS}0-9（(])|(?<=[0-9%）)]) [,;:!?](?= ?[{HAN_CLASS}])"
)
MIN_SPACED_MARKS = 3
#: One space between a Chinese character (or mark) and a digit, either way round.
_SPACE_RE = re.compile(f"(?<=[{HAN_CLASS}，。、；：（“]) (?=[0-9])|(?<=[0-9%]) (?=[{HAN_CLASS}，。、；：）”])")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if len(_SPACED_MARK_RE.findall(text)) < MIN_SPACED_MARKS:
        return
    prot = protected(text)
    for m in _SPACE_RE.finditer(text):
        s = m.start()
        if s in prot:
            continue
        msg = "数字与汉字之间的空格是 OCR 加的（本文中英文标点两侧也有这样的空格），应删除"
        yield doc.finding(_RULE, s, s + 1, "", 0.85, message=msg, safe=True)
