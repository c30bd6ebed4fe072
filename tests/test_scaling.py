"""The punctuation checkers stay linear in the length of the text.

Not a speed figure (that is `make bench`): a ratio. A text eight times longer must not take
anything like 64 times longer, which is what a regex that rescans the text from every
position costs (a `\\Z` anchor searched from the start made P016 take 32 s on 1 MB).
The inputs hold what each rule looks for: lines ending on every mark, a last line with
no mark, dots, colons inside sentences, pause marks, rates, spaces in numbers and between
characters, quotes and brackets.
"""

from __future__ import annotations

import time

from proofread import pipeline
from proofread.checkers import CHECKERS, PUNCTUATION_MODULES
from proofread.model import Document
from proofread.options import Options

OPTIONS = Options(select={c for m in PUNCTUATION_MODULES for c in CHECKERS[m]} - {"S001"})
PARAGRAPH = (
    "今年以来，全县经济运行总体平稳，地区生产总值增长6 5%，投资86 .4亿元·\n"
    "要以“拿地即开工“的效率推进项目，（三：持续推进改革.其中10亿元以上项目7个：\n"
    "坚持全国一盘棋，实现祖国完全统一\n"
    "共发展农家乐丶民宿86家,接待游客52万人次；\n"
    "主要目标是：增长6.78，一是稳增长：二是调结构、下一步、据了解、同学们、3.2万元、比上年增长9%；\n"
)
TAIL = "全县上下团结一心，共同谱写新篇章"


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        pipeline.fix(Document(text), OPTIONS)
        best = min(best, time.perf_counter() - start)
    return best


def _ratio(make) -> tuple[float, float]:
    pipeline.fix(Document(make(1)), OPTIONS)  # imports and caches
    return _seconds(make(60)), _seconds(make(480))  # about 7,000 and 58,000 characters


def test_eight_times_as_many_lines_take_far_less_than_sixty_four_times_the_time():
    small, large = _ratio(lambda n: PARAGRAPH * n + TAIL)
    assert large / small < 24, f"{small:.3f} s -> {large:.3f} s: superlinear"


def test_a_line_eight_times_as_long_takes_far_less_than_sixty_four_times_the_time():
    # one paragraph per size: a rule that rescans its line from every position is quadratic here
    small, large = _ratio(lambda n: PARAGRAPH.replace("\n", "，") * n + TAIL)
    assert large / small < 24, f"{small:.3f} s -> {large:.3f} s: superlinear"
