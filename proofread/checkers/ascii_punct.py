"""ASCII , ; : ? ! next to Chinese text -> ，；：？！ (P004).

A mark is converted when a neighbour is Chinese (a Chinese character or mark, or a
number/placeholder glued to one: 增长X%,三产). It stays when it separates two digits
or placeholders (1,234 · X,X · 12:30 · 1:2), inside URLs, e-mail addresses, inline
code and code-like lines, in English clauses, and when it doubles another comma
(that is P007's). Parentheses are paired in :mod:`.pairs`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import chinese_before, in_ascii_tuple, is_cjk, is_numeric, mostly_latin, protected, witness_after

CODES = ("P004",)
_RULE = RULES["P004"]

_CANDIDATE_RE = re.compile(r"[?!]+|[,;:]")
_FULL = str.maketrans(",;:?!", "，；：？！")
#: The same mark in the other width: a neighbour like this makes a doubled mark (P007).
_TWIN = {",": {",", "，"}, ";": {";", "；"}, ":": {":", "："}}
#: Words that list: a mark next to one is named, not used (句末用?或!).
_LISTING = frozenset("或和与及、")
#: Marks after a name's own ! or ? (a Chinese sentence's last mark has none after it).
_MARK_AFTER_NAME = frozenset("，、。；：》”）,;:")
#: Two words of a Latin script ending right before the mark (accents included: estás).
_LATIN_PHRASE_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+[,']? [A-Za-z\u00c0-\u024f]+$")
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号"}


def _chinese_right(text: str, e: int) -> bool:
    return is_cjk(witness_after(text, e))


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    n = len(text)
    prot = None
    for m in _CANDIDATE_RE.finditer(text):
        s, e = m.span()
        mark = m.group()
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < n else ""
        if mark[0] in _TWIN:
            twins = _TWIN[mark[0]]
            before2 = text[max(0, s - 16) : s].rstrip(" ")[-1:] if before == " " else before
            after2 = text[e : e + 16].lstrip(" ")[:1] if after == " " else after
            if before2 in twins or after2 in twins:
                continue  # a doubled mark (P007), or one that a fix would double
        if is_numeric(before) and is_numeric(after):
            continue  # 1,234 · X,X · 12:30 · 1:2
        if mark[0] == "!" and after in ("[", "="):
            continue  # Markdown image ![..](..), != operator
        if mark == ":" and after == "/":
            continue  # scheme of a URL written without the protocol list we know
        if mark == "," and in_ascii_tuple(text, s):
            continue  # coordinates: 点(1, 0)
        if not (_chinese_right(text, e) or chinese_before(text, s)):
            continue
        if mark[0] in "?!" and (before in _LISTING or after in _LISTING):
            continue  # the mark itself named in a list: 句末用?或! (a comma before 与 is just a comma)
        if before.isalpha() and _LATIN_PHRASE_RE.search(text, max(0, s - 40), s):
            continue  # the mark of a phrase in a Latin script: ¿Cómo estás?（你好吗？）
        if mark[0] in "?!" and before.isascii() and before.isalpha() and (after in _MARK_AFTER_NAME or after == " "):
            continue  # a name's or an English phrase's own mark: 《Oklahoma!》 · Yahoo!， · 乐队 Wham! 在
        if prot is None:
            prot = protected(text)
        if s in prot or mostly_latin(text, s):
            continue
        # Full-width marks carry their own spacing: a space beside them goes with the fix (also
        # after a number standing in Chinese text, where OCR spaces marks: 同比增长 5.8% , 增速).
        start, end = s, e
        if before == " " and text[s - 2] not in ",;:?!" and chinese_before(text, s - 1):
            start -= 1
        if after == " " and is_cjk(witness_after(text, e + 1)):
            end += 1
        full = mark.translate(_FULL)
        name = "".join(dict.fromkeys(_NAMES[c] for c in mark))
        yield doc.finding(_RULE, start, end, full, 0.95, message=f"中文语境中的英文{name}应为全角")
