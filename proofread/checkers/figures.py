"""Clauses of a statistical report: one that ends on a figure, one that goes on about it.

A clause ending on a figure (总数达到117家 · 增长6.7% · 5200人以上) has said its piece: a colon
or a pause mark after it announces nothing (P014, P017, P018). A clause that starts with a word of
change (增长 比上年 分别 ...) has no subject of its own: it goes on about the figure before it,
after a comma (3160套，增长9.2%).
"""

from __future__ import annotations

import re

#: Measure words of things counted one by one: 28家 · 9所 · 86个.
COUNT_WORDS = "个家所项件座次户套台辆名人"
_UNIT = f"(?:%|％|[万亿千百]*[元吨亩岁公斤里米{COUNT_WORDS}])"
TAIL = 40  # characters a figure's clause is read back from its end: the test stays linear
#: A figure closing the clause: 28家 · 6.7% · 5200人以上 · 436.8亿元 (Chinese text before it). A
#: whole number needs its unit: 附图1 · 监测断面S2 · 第1名 are labels and ordinals, not statistics.
_FIGURE_END_RE = re.compile(
    r"[\u4e00-\u9fff“”][^，。；：！？]*?(?<![\d.第])"
    + f"(?:\\d+\\.\\d+{_UNIT}?|\\d+{_UNIT})"
    + r"(?:以上|以下|左右|以内|多|余)?$"
)
#: A clause that goes on about the figure before it: 3160套，增长9.2% · 3.18万元，分别增长1.6%. Not
#: 增加 提高 减少: they also open an item of their own (新建学校9所、增加学位5400个).
CONTINUATION_RE = re.compile(r"(?:分别|同比|环比|比上年|比去年|较上年|增长|下降|上涨|下跌)")


def ends_on_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """Does text[start:end] end on a figure? Only its last TAIL characters are read."""
    end = len(text) if end is None else end
    return _FIGURE_END_RE.search(text, max(start, end - TAIL), end) is not None
