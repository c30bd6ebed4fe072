"""Book-title marks 《》 written as doubled angle brackets or guillemets around Chinese text.

OCR and plain-text conversions turn 《民法典》 into <<民法典>> (ASCII, P004), 〈〈民法典〉〉 (two
single title marks) or «民法典» (guillemets), both P012: a mark that only looks like the right
one. A pair is fixed only when both halves stand on one line around a title of Chinese text, so
a shift operator (a << 2), an HTML tag or a French quotation keeps its marks. One angle bracket a
side stays: manuals write buttons so (单击<确定>按钮), and 丙<丁且丙>甲 is an inequality.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_RE, protected

CODES = ("P004", "P012")

#: (pattern, rule) — the title between the marks: 1-60 characters on one line, no marks of the kind.
_PAIRS = (
    (re.compile(r"(<<)([^<>\n]{1,60})(>>)"), RULES["P004"]),
    (re.compile(r"(〈〈)([^〈〉\n]{1,60})(〉〉)"), RULES["P012"]),
    (re.compile(r"(«)([^«»\n]{1,60})(»)"), RULES["P012"]),
)
_OPERAND_RE = re.compile(r"[A-Za-z0-9_)\]]")
#: What a title may hold; it begins and ends with a character, not a mark (（<<）和（>>） holds none).
_TITLE_RE = re.compile(
    r"^[\u4e00-\u9fff0-9A-Za-z](?:[\u4e00-\u9fff0-9A-Za-z（）()·：:、—\-\s〈〉]*[\u4e00-\u9fff0-9A-Za-z）)])?$"
)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in "<〈«"):
        return
    prot = None
    for pattern, rule in _PAIRS:
        for m in pattern.finditer(text):
            title = m.group(2)
            if len(HAN_RE.findall(title)) < 2 or not _TITLE_RE.match(title):
                continue  # not a Chinese title: code, a tag, a quotation in another language
            if _OPERAND_RE.match(text[m.start() - 1 : m.start()]) or _OPERAND_RE.match(text[m.end() : m.end() + 1]):
                continue  # an operand on the outside: r<<R和r>>R, a << 2
            prot = prot if prot is not None else protected(text)
            if m.start() in prot or m.start(3) in prot:
                continue
            msg = f"书名号写成了“{m.group(1)}{m.group(3)}”，应为“《》”"
            yield doc.finding(rule, m.start(1), m.end(1), "《", 0.95, message=msg, safe=True)
            yield doc.finding(rule, m.start(3), m.end(3), "》", 0.95, message=msg, safe=True)
