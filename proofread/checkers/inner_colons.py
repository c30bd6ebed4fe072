"""A colon inside a sentence that announces nothing: OCR read ； or ， as ： (P017).

A colon announces what follows (他指出： · 主要目标是： · 附件：), once a sentence. OCR reads
the small ； (and now and then ，) as ：, which leaves colons in the middle of a sentence that
announce nothing. Most colons without a word that announces are still right, though: a clause
may sum up what follows in any words (相比还有不小差距：有的部门……), so the rule needs positive
evidence that this colon is a misread, and it has two kinds:

- a colon after an earlier colon in the same sentence: what the first announced is a list,
  and a list's items are parted by ； (主要目标是：增长6.5%左右：财政收入增长6%……);
- a colon right after a figure (总数达到117家： · 增长6.7%：): a statistic ends a clause of a
  report; it does not announce.

Which mark was meant: ； when the sentence already holds a ； or follows an announcing colon
(the items of a list), ， when the clause it ends is the sentence's first (a single clause
before it: 新建中小学校9所：新增学位5400个 → ，), and otherwise ；, the usual mark between
report clauses that hold commas, with ， as the alternative. A colon followed by a quotation,
a number or nothing on its line is left to other rules; so are labels (联系人：何伟，电话：……,
the value after them is a name or a number) and lines of code or English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, HAN_RE, mostly_latin, protected
from .lead_ins import announces

CODES = ("P017",)
_RULE = RULES["P017"]

LOOK = 300  # characters looked back and ahead for the sentence: a longer stretch is no prose sentence
MIN_CLAUSE_HAN = 4  # 电话： 账号： 性别： are labels, never a clause a colon could have ended
#: A colon mid-line with a Chinese character after it, or a list number (：2.农村自建房……).
#: Not before 其中: a figure may announce its breakdown (共186家：其中工业企业121家).
_COLON_RE = re.compile(f"：(?!其中)(?=[{HAN_CLASS}]|\\d+[.．、][{HAN_CLASS}])")
#: A figure closing the clause: 28家 · 6.7% · 5200人以上 · 436.8亿元 (Chinese text before it).
_FIGURE_END_RE = re.compile(
    f"[{HAN_CLASS}“”]"
    + r"[^，。；：！？]*\d[\d.]*(?:%|％|[万亿千百]*[元人家个所项吨亩件次户套座名岁台辆公斤里米])?"
    + r"(?:以上|以下|左右|以内|多|余)?$"
)
#: A quotation opens a sentence of its own: 他说：“目标有三个：……”
_SENTENCE_START_RE = re.compile(r"[。！？!?\n“「]")
_CLAUSE_START_RE = re.compile(r"[，。；：！？、,;!?\n]")
_GROUP_START_RE = re.compile(r"[。！？；：!?;\n]")
#: A comma inside the clause group (a misread . between characters counts: P015 makes it ，).
_COMMA_RE = re.compile(f"[，,]|(?<=[{HAN_CLASS}])[.．](?=[{HAN_CLASS}])")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if "：" not in text:
        return
    prot = None
    for m in _COLON_RE.finditer(text):
        i = m.start()
        sentence_start = _last(_SENTENCE_START_RE, text, i)
        before = text[sentence_start:i]
        clause = before[_last(_CLAUSE_START_RE, before, len(before)) :]
        if len(HAN_RE.findall(clause)) < MIN_CLAUSE_HAN or announces(before):
            continue
        after_colon = "：" in before
        if not (after_colon or _FIGURE_END_RE.search(clause)):
            continue
        prot = prot if prot is not None else protected(text)
        if i in prot or mostly_latin(text, i):
            continue
        sentence_end = _next(_SENTENCE_START_RE, text, i)
        group = before[_last(_GROUP_START_RE, before, len(before)) :]
        if after_colon or "；" in text[sentence_start:sentence_end]:
            replacements, confidence, why = ("；", "，"), 0.9, "列举的分项之间应为分号"
        elif not _COMMA_RE.search(group):
            replacements, confidence, why = ("，", "；"), 0.85, "前后是同一句的两个分句，应为逗号"
        else:
            replacements, confidence, why = ("；", "，"), 0.8, "前后是含逗号的并列分句，应为分号"
        yield doc.finding(
            _RULE,
            i,
            i + 1,
            replacements,
            confidence,
            message=f"句中的冒号没有引出下文（{'前面已有冒号' if after_colon else '前面是统计数字'}）：{why}",
        )


def _last(pattern: re.Pattern[str], text: str, i: int) -> int:
    """Index just after the last match of `pattern` in the LOOK characters before i (their start if none)."""
    start = max(0, i - LOOK)
    for m in pattern.finditer(text, start, i):
        start = m.end()
    return start


def _next(pattern: re.Pattern[str], text: str, i: int) -> int:
    m = pattern.search(text, i, i + LOOK)
    return m.start() if m else min(len(text), i + LOOK)
