"""The year of an official document number in 〔〕 (P021): 青政发[2026]3号 → 青政发〔2026〕3号.

GB/T 9704 (the format of party and government documents) writes a document number as the
issuing organ's abbreviation, the year in hexagonal brackets 〔〕 and the serial number with
号. OCR has no such bracket in its alphabet and reads [ ] 【 】 （ ） or ( ); typists reach for
the same. The pattern is narrow enough to be certain: Chinese characters (the abbreviation
and the document's kind, 发 函 办 ...), a year in brackets, digits and 号. A court's case
number puts its year first, in （）, with no abbreviation before it (（2026）京01民终123号),
and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import protected

CODES = ("P021",)
_RULE = RULES["P021"]

_NUMBER_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<open>[\[［【(（〈<{｛])(?:19|20)[0-9]{2}(?P<close>[\]］】)）〉>}｝])(?=[0-9]{1,4}号)"
)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if "号" not in text:
        return
    prot = None
    for m in _NUMBER_RE.finditer(text):
        prot = prot if prot is not None else protected(text)
        if m.start() in prot:
            continue
        msg = f"发文字号的年份应用六角括号“〔〕”，不用“{m['open']}{m['close']}”（GB/T 9704）"
        for group, mark in (("open", "〔"), ("close", "〕")):
            yield doc.finding(_RULE, m.start(group), m.end(group), mark, 0.9, message=msg, safe=True)
