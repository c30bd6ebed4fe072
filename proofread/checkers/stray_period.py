"""A full stop of the wrong script between Chinese clauses (P015).

`.` (or `．`) between two Chinese characters is no Chinese mark: OCR made it of a small
，or 。 printed low, whose tail or ring the scan lost. In text that writes its other
marks in Chinese it is a comma: on the page sets every one of them was (20 of 20; a
lost 。 is read as a middle dot ·, which P011 handles at a paragraph end), and a comma is
about three times as common as a full stop in prose. So it becomes ， there, with 。 as the
alternative. A text with no Chinese clause mark at all may be one that writes `.` for its
full stop (typed in haste, or an author's style): there both are only proposed. At a
paragraph end it is 。 (P011). A dot before one or two Chinese characters and a mark belongs to a
name: a Chinese domain (博物馆.公益) or a field (学生表.姓名). A dot with OCR's spaces around it
(成效 . 我区) is Tesseract's reading of ， and of 。 alike: both are proposed, with the spaces.
In typed text (`--source typed`) the dot is the 。 key with the input method's marks off: 。 is
proposed first, never fixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import BIBLIOGRAPHIC_RE, HAN_CLASS, HAN_RE, mostly_latin, protected

CODES = ("P015",)
_RULE = RULES["P015"]

#: (with the single spaces some OCR engines set around it: 成效 . 我区拟于)
_PERIOD_RE = re.compile(f"(?<=[{HAN_CLASS}”）》]) ?(?P<dot>[.．]) ?(?=[{HAN_CLASS}“（《])")
#: Chinese top-level domains: 云川招考.中国 · 博物馆.公益.
_CHINESE_TLD_RE = re.compile("中国|中國|公益|政务|公司|网络|网址|在线|商城|集团|企业|健康|信息|商店|网店|我爱你")
#: A Chinese clause mark anywhere in the text: its author writes Chinese marks.
_CHINESE_MARK_RE = re.compile("[，。；？！]")


def _name_part_after(text: str, i: int) -> bool:
    """One or two Chinese characters from i, then a mark, a space or the end: a domain's or a field's
    last part (博物馆.公益。 · 学生表.姓名”), not a clause (获悉.今年全市 · 亿元.增长8.1%)."""
    n = 0
    while i + n < len(text) and HAN_RE.match(text[i + n]):
        n += 1
        if n > 2:
            return False
    return 0 < n and not (i + n < len(text) and text[i + n].isdigit())


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    prot = None
    chinese_marks = None
    for m in _PERIOD_RE.finditer(text):
        s, e, d = m.start(), m.end(), m.start("dot")
        prot = prot if prot is not None else protected(text)
        if d in prot or mostly_latin(text, d) or _name_part_after(text, e):
            continue
        if text[s - 1] == "表" or _CHINESE_TLD_RE.match(text, e):
            continue  # a table's field (成绩表.课程名称) or a Chinese domain (云川招考.中国查询)
        if chinese_marks is None:
            chinese_marks = _CHINESE_MARK_RE.search(text) is not None
            if BIBLIOGRAPHIC_RE.search(text):
                return  # a catalogue: ． parts a series from its sub-series (云川文库．地方史丛书)
        if options.source == "typed":
            # Typed with the input method's punctuation off, a clause's . is its 。 (the key of 。 is .);
            # a comma would have been typed as ",".
            yield doc.finding(
                _RULE, s, e, ("。", "，"), 0.6, message=f"汉字之间的“{m['dot']}”不是中文标点：疑为句号", safe=False
            )
            continue
        # A dot with spaces around it is Tesseract's, which reads 。 that way as often as ，.
        certain = chinese_marks and e - s == 1
        yield doc.finding(
            _RULE,
            s,
            e,
            ("，", "。"),
            0.9 if certain else 0.5,
            message=f"汉字之间的“{m['dot']}”不是中文标点：{'应为' if certain else '疑为'} OCR 误读的逗号或句号",
            safe=certain,
        )
