"""的 written for 得 before a complement (C002): 办的实 -> 办得实, 跑的很快 -> 跑得很快.

The word model barely tells 的 from 得 (their contexts overlap), so this is a
grammatical pattern: a one-character verb, then 的, then either a one-character
complement that ends the clause (办的实，) or a degree adverb (很, 非常...).
Always a suggestion: 的 after a verb is right in 我说的话 and 吃的东西.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_list
from .guards import DICT_DIR

# one-character adjectives that serve as complements of degree or result (写得好, 抓得实)
COMPLEMENTS = "好实快慢多少高低深细准稳牢紧严足真对早晚远近强硬活透清亮满勤精全久大小轻重美"
DEGREE = ("很", "非常", "十分", "特别", "更加", "更", "越来越", "太", "极", "挺", "相当", "比较")
CLAUSE_END = "，。、；！？：,;!?）”"


@lru_cache(maxsize=1)
def verbs() -> frozenset:
    return frozenset(read_list(DICT_DIR / "de_verbs.txt"))


@lru_cache(maxsize=1)
def _pattern():
    degree = "|".join(sorted(DEGREE, key=len, reverse=True))
    return re.compile(
        rf"(?<=[\u4e00-\u9fff])的(?=[{COMPLEMENTS}][{re.escape(CLAUSE_END)}]|(?:{degree})[\u4e00-\u9fff])"
    )


def find(line: str) -> list[int]:
    """Offsets of 的 that should probably be 得."""
    vs = verbs()
    out = []
    for m in _pattern().finditer(line):
        i = m.start()
        verb = line[i - 1]
        # a verb standing alone (not the end of a noun like 目的 or a two-character verb's object)
        if verb in vs and (i < 2 or not _is_word_end(line, i)):
            out.append(i)
    return out


def _is_word_end(line: str, i: int) -> bool:
    """Is line[i-2:i] a noun-like pair such as 人的 / 会的 in 开会的? Kept simple: known nouns only."""
    return line[i - 2 : i] in {"社会", "机会", "协会", "大会", "宴会", "委会", "行动", "活动"}
