"""A rate whose % OCR read as a digit or a comma (P019).

A growth rate or a share in a report is a percentage with one decimal (增长6.7%, 覆盖率为
78.4%). OCR reads the small % as a digit (8, 9, 4, 1) or as a comma. So a rate with two
decimals and no unit after a word of change of one or more (增长6.78， · 比上年上涨2.39，) is 6.7%
with its % misread, and a rate followed by a comma and another mark (整改率为98.9，：) is 98.9% with its %
read as ，. A level (提高到2.28 · 分别为7.26) says nothing: ratios, pH values, scores and
concentrations have two decimals and no % (INR由1.36提高到2.28 · 流动比率为1.85). A figure with
a unit (万户 亿元 千克), in a sentence about an index, a coefficient, an exchange or plot ratio
(指数上涨0.35, 汇率为6.85), or after a level given as a plain number (总和生育率为1.08，比上年下降0.04)
is no rate either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import after_last, protected

CODES = ("P019",)
_RULE = RULES["P019"]

#: A change, by how much: in a report a growth rate is a percentage (增长6.7%). A level (提高到,
#: 为, 分别为) is not evidence: a ratio, a pH, a score or a concentration has two decimals and no %.
_CHANGE = r"(?:增长|下降|上涨|下跌|回落|分别增长|分别下降)"
#: A rate or a share stated as a level: 整改率为 覆盖率达到 比重为.
_LEVEL = r"(?:(?:率|比重|占比)(?:为|是|达到?|提高到|控制在|保持在|稳定在)?)"
#: Quantities that are no percentage though they rise and fall or end in 率, named anywhere in the
#: sentence: 恩格尔系数降低到0.28 · 利用系数由0.53提高到0.61 · 汇率为6.85 · 容积率为2.35 · 指数上涨0.35.
_NOT_PERCENT_RE = re.compile(r"系数|指数|汇率|容积率|市盈率|市净率|倍数|比值|密度|比率|折射率|pH|PH|INR|APF|得分|浓度")
_DIGIT_SEARCH_RE = re.compile(r"[0-9]")
_SENTENCE_START_RE = re.compile(r"[。；！？;!?\n]")
#: A level stated with no unit earlier in the sentence (性别比为104.35（…）， · 总和生育率为1.08，):
#: the change after it is in the same plain units (比上年下降0.12), not a percentage.
_PLAIN_LEVEL_RE = re.compile(r"(?<![\d.])\d+\.\d+(?=[，、；（(）)\s]|$)")
#: 增长6.78， → 6.7% (the last digit was the %): a change only, and of one or more (a ratio, a grade
#: point or a coefficient changes by 0.12 with no unit: 收入比下降0.07 · 绩点增长0.12).
_DIGIT_RE = re.compile(_CHANGE + r"(?<![\d.])[1-9]\d*\.\d(?P<mark>\d)(?=[，。；：、]|以上|以内|左右|$)", re.M)
#: 整改率为98.9，： → 98.9% (the first of two marks was the %): a doubled mark is damage already.
_COMMA_RE = re.compile(f"(?:{_CHANGE}|{_LEVEL})" + r"(?<![\d.])\d+(?:\.\d)?(?P<mark>，)(?=[，。；：])")


def _sentence_start(text: str, i: int) -> int:
    """Where the sentence holding position i begins (looking back at most 80 characters)."""
    return after_last(_SENTENCE_START_RE, text, max(0, i - 80), i)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if _DIGIT_SEARCH_RE.search(text) is None:
        return  # (one C scan: the fix loop runs this module on every pass)
    prot = None
    for pattern, what in ((_DIGIT_RE, "数字"), (_COMMA_RE, "逗号")):
        for m in pattern.finditer(text):
            k = m.start("mark")
            prot = prot if prot is not None else protected(text)
            sentence_start = _sentence_start(text, m.start())
            if k in prot or _NOT_PERCENT_RE.search(text, sentence_start, k):
                continue
            if _PLAIN_LEVEL_RE.search(text, sentence_start, m.start()):
                continue
            yield doc.finding(
                _RULE,
                k,
                k + 1,
                "%",
                0.9,
                message=f"增长率、比率只有一位小数，后面应有百分号：“{m.group('mark')}”应为 OCR 误读成{what}的“%”",
            )
