"""A stray Latin letter glued to Chinese text or to the placeholder X (L001), a suggestion.

A speck on a scan becomes a letter: 资金LX亿元 (for 资金X亿元). Latin letters in
Chinese prose are usually deliberate (A股, B超, X光, 第B组, 维生素C, 5G, GDP), so the
rule only looks at two shapes that are almost never meant:
- one letter between Chinese text and a placeholder X-run before a unit or % (资金LX亿元);
- a lone lowercase l between two Chinese characters (a vertical speck read as l).
It is never applied by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, protected

CODES = ("L001",)
_RULE = RULES["L001"]

#: What follows a placeholder number: 资金X亿元, X个, X%. "LX公司" is a name, not noise.
_UNITS = "亿万千百十元角个家人名年月日时天周岁次项倍户处套座条亩吨米辆所台件篇批期届%％"

_STRAY_RE = re.compile(
    f"(?=[A-WYZa-z])(?<=[{HAN_CLASS}])(?:(?P<before_x>[A-WYZa-z])(?=X{{1,3}}[{_UNITS}])|(?P<speck>l)(?=[{HAN_CLASS}]))"
)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    for m in _STRAY_RE.finditer(text):
        s, e = m.span()
        if s in protected(text):
            continue
        if m.group("before_x"):
            message = "占位符 X 前多了一个字母（疑为扫描噪点），建议删除"
            conf = 0.6
        else:
            message = "汉字之间孤立的字母 l（疑为扫描噪点），建议删除"
            conf = 0.4
        yield doc.finding(_RULE, s, e, "", conf, message=message, safe=False)
