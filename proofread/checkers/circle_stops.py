"""A full stop OCR read as a letter o or a degree sign (P020): 经济运行总体平稳o各项事业全面进步.

The Chinese full stop is a small hollow circle; OCR that does not expect it reads the letter
o or a degree sign (° º ˚) instead. Between Chinese characters neither means anything: a degree
sign follows a number (30°, 5℃ is another sign) and an o glued to Chinese characters on both
sides is no English word. So the circle becomes 。 where it ends a clause of four or more
Chinese characters and Chinese text follows on the same line (or the line ends there).
Shorter clauses (a list of single characters, a name) are left alone, and so is an o with other
Latin letters within 40 characters or after a noun that names a letter (连词o, 字母o): the letter
itself is talked about. The capital O (O型血) and the digit 0 (含量为0毫克) are meant between Chinese
characters and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, HAN_RE, after_last, line_bounds, protected

CODES = ("P020",)
_RULE = RULES["P020"]

_CIRCLES = "o°º˚"
#: (A space OCR set before the circle goes with it: 先后顺序确定 o)
_CIRCLE_RE = re.compile(f"(?<=[{HAN_CLASS}]) ?[{_CIRCLES}](?=[{HAN_CLASS}“‘（《]|[ \\t\\r\\u3000]*$)", re.M)
_CLAUSE_START_RE = re.compile(r"[，。；：！？、,;:!?\n“”（）《》]")
MIN_CLAUSE = 4  # Chinese characters in the clause the circle ends: 甲o乙 is no sentence
NEAR = 40  # characters on either side where another Latin letter means the o is a word of a language
#: Latin letters but X (the placeholder of Chinese reports: 新增X万个°) and o (OCR's other circles).
_LATIN_RE = re.compile(r"[A-WYZa-np-z]")
#: Nouns that name a letter or a sound: the o after them is the letter itself.
_LETTER_NOUNS = ("字母", "连词", "元音", "辅音", "韵母", "声母", "音标", "符号", "读作", "写作", "写成", "小写", "大写")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in _CIRCLES):
        return
    prot = None
    for m in _CIRCLE_RE.finditer(text):
        s, e = m.span()  # s: the space or the circle; e - 1: the circle
        clause = text[after_last(_CLAUSE_START_RE, text, max(0, s - 60), s) : s]
        lo, hi = line_bounds(text, s)
        if len(HAN_RE.findall(clause)) < MIN_CLAUSE or _LATIN_RE.search(text, max(lo, s - NEAR), s):
            continue  # a short clause, or Latin words around: pinyin, a name, a formula
        if _LATIN_RE.search(text, e, min(hi, e + NEAR)) or clause.endswith(_LETTER_NOUNS):
            continue  # the letter itself talked about: 西班牙语的连词o在以o开头的词前 · 字母o
        prot = prot if prot is not None else protected(text)
        if s in prot:
            continue
        msg = f"汉字之间的“{text[e - 1]}”应为句号（OCR 常把“。”读成字母 o 或度数符号）"
        yield doc.finding(_RULE, s, e, "。", 0.9, message=msg, safe=True)
