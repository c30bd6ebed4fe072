"""A single space between two Chinese characters in running prose (S001), a suggestion.

OCR and PDF extraction insert spaces where a line was justified or a glyph was wide.
Chinese prose has no word spaces, but a space can be deliberate (a name spaced out
to align a column, a title's layout), so this is never fixed on its own. Title lines
(short, no sentence punctuation) are skipped entirely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, is_title_line, line_bounds, protected

CODES = ("S001",)
_RULE = RULES["S001"]

#: One ASCII space or no-break space (PDF copy-paste) between two Chinese characters.
_SPACE_RE = re.compile(f"(?<=[{HAN_CLASS}])[ \u00a0](?=[{HAN_CLASS}])")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    title_cache: dict[int, bool] = {}
    for m in _SPACE_RE.finditer(text):
        s = m.start()
        lo, hi = line_bounds(text, s)
        title = title_cache.get(lo)
        if title is None:
            title = title_cache[lo] = is_title_line(text[lo:hi])
        if title or protected(text).overlaps(s - 1, s + 2):
            continue
        yield doc.finding(
            _RULE, s, s + 1, "", 0.6, message="汉字之间多了一个空格（常见于 OCR 或复制粘贴），建议删除", safe=False
        )
