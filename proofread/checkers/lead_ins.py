"""Does a clause announce what follows it? The words that let a colon stand (GB/T 15834 §4.6).

P014 asks it of the colon that ends a text, P017 of a colon inside a sentence: a colon after
他说, 如下, 附件, 同志们 or a counted list (三点意见) announces; the words are
`dictionaries/colon_lead_ins.txt`.
"""

from __future__ import annotations

import re
from functools import cache

from ..datafiles import dictionaries_dir, read_list
from .figures import ends_on_figure

#: What ends the stretch a colon may announce from: a sentence, an earlier colon or semicolon.
_SENTENCE_CLAUSE_RE = re.compile(r"[。；：！？;:!?]|(?<=[\u4e00-\u9fff])[.．](?=[\u4e00-\u9fff])")
#: A number and a measure word announce a list: 我讲三点意见： · 把握好“六个始终坚持”： · 抓好3项工作：
_COUNTED_RE = re.compile(
    r"[一二两三四五六七八九十几]+(?:个|项|点|条|类|种|件|方面|句|层|步|大|化)|\d+(?:项|点|条|类|种|方面|大)"
)


_NOTE_RE = re.compile(r"[（(][^（）()]{1,10}[）)]$")


@cache
def _lead_ins() -> tuple[frozenset[str], frozenset[str]]:
    """(words anywhere in the clause, words right before the colon) that announce what follows."""
    words = read_list(dictionaries_dir() / "colon_lead_ins.txt")
    return frozenset(w[1:] for w in words if w.startswith("*")), frozenset(w for w in words if not w.startswith("*"))


def announces(text_before_colon: str) -> bool:
    """Does the clause that ends `text_before_colon` (where a colon stands) hold a word that announces?"""
    # a bracketed note does not end the words: 投保人签名（盖章）： is the label 签名
    clause = _NOTE_RE.sub("", _SENTENCE_CLAUSE_RE.split(text_before_colon)[-1])
    anywhere, adjacent = _lead_ins()
    if _COUNTED_RE.search(clause):
        return True
    # A clause that ends on a figure has said its piece: 签约率为82.4%： · 老旧小区改造是民生工程，
    # 今年改造小区214个：. Its 为 or 是 is a copula with its complement, not a lead-in, and its last
    # character a measure word, not a noun of the list (新建学校9所： is no 研究所：).
    if ends_on_figure(clause):
        return False
    return any(clause.endswith(w) for w in adjacent) or any(w in clause for w in anywhere)


def ends_on_lead_in(text_before_colon: str) -> bool:
    """Does the clause end right on a word that announces (他指出 · 会议强调 · 联系电话)? Stricter than
    `announces`: a word elsewhere in the clause does not count."""
    clause = _SENTENCE_CLAUSE_RE.split(text_before_colon)[-1]
    return any(clause.endswith(w) for w in _lead_ins()[1])
