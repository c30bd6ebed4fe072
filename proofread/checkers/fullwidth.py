"""Full-width Latin letters and digits -> half-width (P008), with a full-width number's ． and ％.

GB/T 15834 and GB/T 15835 ask for half-width letters and digits in Chinese text;
full-width ones (ＡＢＣ１２３, often from old input methods or OCR) break search
and sorting. The conversion is a fixed code-point shift, so it is always safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES

CODES = ("P008",)
_RULE = RULES["P008"]

#: A run of full-width letters and digits, with a full-width number's decimal point and percent
#: sign: converting ６．５％ digit by digit would leave 6．5％, a number in two widths.
_FULLWIDTH_RE = re.compile("[Ａ-Ｚａ-ｚ０-９]+(?:．[０-９]+)*(?:(?<=[０-９])％)?")
_HALF = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()} | {ord("．"): ".", ord("％"): "%"}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for m in _FULLWIDTH_RE.finditer(doc.text):
        run = m.group()
        half = run.translate(_HALF)
        yield doc.finding(_RULE, m.start(), m.end(), half, 0.95, message="字母和数字应为半角")
