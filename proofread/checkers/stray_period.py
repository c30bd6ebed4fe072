"""A full stop of the wrong script between Chinese clauses (P015), a suggestion.

`.` (or `．`) between two Chinese characters is no Chinese mark: OCR made it of a small
，or 。 printed low. Which one was meant the text does not say (a comma is about three times
as common), so both are proposed and nothing is changed. At a paragraph end it is 。 (P011).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, mostly_latin, protected

CODES = ("P015",)
_RULE = RULES["P015"]

_PERIOD_RE = re.compile(f"(?<=[{HAN_CLASS}”）》])[.．](?=[{HAN_CLASS}“（《])")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    prot = None
    for m in _PERIOD_RE.finditer(text):
        s = m.start()
        prot = prot if prot is not None else protected(text)
        if s in prot or mostly_latin(text, s):
            continue
        yield doc.finding(
            _RULE,
            s,
            s + 1,
            ("，", "。"),
            0.5,
            message=f"汉字之间的“{m.group()}”不是中文标点：疑为 OCR 误读的逗号或句号",
            safe=False,
        )
