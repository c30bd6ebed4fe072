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
#: A news byline keeps its spaces, after a role and between names: （记者 王晓明 通讯员 李华）.
_ROLE = r"(?:本报|特约|实习)?(?:记者|通讯员|摄影|编辑|责任编辑|实习生|撰稿)"
_BYLINE_RE = re.compile(rf"(?:^|[（(【\[、，\s]){_ROLE}$", re.M)
_NEXT_ROLE_RE = re.compile(_ROLE)
_ROLE_AND_NAME_RE = re.compile(rf"(?:^|[（(【\[、，\s]){_ROLE} [\u4e00-\u9fff]{{2,4}}$", re.M)


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
        if _BYLINE_RE.search(text, max(lo, s - 8), s):
            continue  # 记者 王晓明
        if _NEXT_ROLE_RE.match(text, s + 1) and _ROLE_AND_NAME_RE.search(text, max(lo, s - 16), s):
            continue  # 王晓明 通讯员: the byline's next role
        yield doc.finding(
            _RULE, s, s + 1, "", 0.6, message="汉字之间多了一个空格（常见于 OCR 或复制粘贴），建议删除", safe=False
        )
