"""Characters that only look like a Chinese punctuation mark (P012).

OCR and old converters put a look-alike code point where a mark belongs: the Kangxi
radical 丶 (U+4E36, "dot") or the katakana iteration mark ヽ for the pause mark 、, and
the "small form variants" (U+FE50-FE6B, vertical-text compatibility characters) for the
ordinary marks, and the ratio sign ∶ for a colon after a word that announces (他指出∶要). None
of them is used in running Chinese text, so between Chinese text the mark they imitate is
certain. (丶 as a word — the name of the radical — has a Chinese mark or a quote next to it, not
Chinese characters on both sides.) A dot after a heading number at a line start (四·优化政务服务)
is the pause mark of 四、 read small.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import is_cjk, is_han, protected, witness_after, witness_before
from .lead_ins import ends_on_lead_in

CODES = ("P012",)
_RULE = RULES["P012"]

#: look-alike -> the mark it imitates (Unicode names: CJK radical, katakana, small form variants)
LOOKALIKES = {
    "丶": "、",  # U+4E36 CJK UNIFIED IDEOGRAPH (Kangxi radical 3, "dot")
    "ヽ": "、",  # U+30FD KATAKANA ITERATION MARK
    "﹑": "、",  # U+FE51 SMALL IDEOGRAPHIC COMMA
    "﹐": "，",  # U+FE50 SMALL COMMA
    "﹔": "；",  # U+FE54 SMALL SEMICOLON
    "﹕": "：",  # U+FE55 SMALL COLON
    "﹖": "？",  # U+FE56 SMALL QUESTION MARK
    "﹗": "！",  # U+FE57 SMALL EXCLAMATION MARK
    "﹙": "（",  # U+FE59 SMALL LEFT PARENTHESIS
    "﹚": "）",  # U+FE5A SMALL RIGHT PARENTHESIS
    "∶": "：",  # U+2236 RATIO, only after words that announce (3∶2, 图上距离∶实地距离 are ratios)
}
#: The ratio sign stands for a colon only between Chinese text on both sides ...
_RATIO_AS_COLON_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})∶(?=[\u4e00-\u9fff]{2})")
_LOOKALIKE_RE = re.compile("[" + "".join(LOOKALIKES) + "]")
#: A heading number at a line start whose 、 came out as a dot: 四·优化政务服务 (a date such as
#: 五·一 has a numeral after the dot, a name such as 卡尔·马克思 no numeral before it).
_HEADING_DOT_RE = re.compile(
    r"^([ \t\u3000]*[一二三四五六七八九十]{1,3})[·•・‧.．](?=[\u4e00-\u9fff])(?![一二三四五六七八九十〇])", re.M
)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    for m in _HEADING_DOT_RE.finditer(text):
        s = m.end(1)
        if s in protected(text):
            continue
        yield doc.finding(_RULE, s, s + 1, "、", 0.9, message=f"序号“{m.group(1).strip()}、”的顿号被识别成了点")
    prot = None
    for m in _LOOKALIKE_RE.finditer(text):
        s, ch = m.start(), m.group()
        # Look past neighbouring look-alikes too: each is judged as the mark it will become.
        lo, hi = s, s + 1
        while lo > 0 and text[lo - 1] in LOOKALIKES:
            lo -= 1
        while hi < len(text) and text[hi] in LOOKALIKES:
            hi += 1
        before, after = witness_before(text, lo), witness_after(text, hi)
        if ch == "丶" and not (is_han(before) and is_han(after)):
            continue  # the radical itself, named in a dictionary or a lesson: “丶”部
        if ch == "∶" and not _ratio_sign_as_colon(text, s):
            continue  # a ratio of two words (图上距离∶实地距离), a chain of them (医生∶医院∶治病)
        if not (is_cjk(before) or is_cjk(after)):
            continue
        prot = prot if prot is not None else protected(text)
        if s in prot:
            continue
        yield doc.finding(
            _RULE, s, s + 1, LOOKALIKES[ch], 0.95, message=f"“{ch}”是形似标点的字符，应为“{LOOKALIKES[ch]}”"
        )


def _ratio_sign_as_colon(text: str, s: int) -> bool:
    """Is the ratio sign at `s` OCR's colon: Chinese text on both sides, the clause before it ending
    on a word that announces (他指出∶要), and no other ∶ or = on the line (a ratio, an analogy)?"""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", s)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    if line.count("∶") > 1 or "=" in line or not _RATIO_AS_COLON_RE.match(text, s):
        return False
    return ends_on_lead_in(text[line_start:s])
