"""Does a clause start here? The part of speech of the next word, from jieba's dictionary.

C003 needs it to choose between a lone ” and ”， where the language model cannot (the
word model scores 五位一体 总体布局 and 五位一体，总体布局 alike, up to a constant): after a
quoted term, a verb or an adverb starts a new clause (“全面从严治党”，推动形成…), a noun
or a preposition continues the phrase (“五位一体”总体布局, “放管服”改革, “河长制”为抓手).
"""

from __future__ import annotations

from functools import lru_cache

from .cache import cached
from .lm import _jieba_dict

#: jieba tags that start a clause after a quoted term: verbs and adverbs.
CLAUSE_TAGS = ("v", "vd", "d", "ad")


def _read_clause_words(path: str) -> str:
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] in CLAUSE_TAGS:
                words.append(parts[0])
    return "\n".join(words)


@lru_cache(maxsize=1)
def clause_words() -> frozenset[str]:
    """Verbs and adverbs (only those never tagged otherwise in jieba's dictionary)."""
    path = _jieba_dict()
    return frozenset(cached("clause-words", path, lambda: _read_clause_words(path)).split("\n"))


def starts_clause(first_word: str) -> bool:
    return first_word in clause_words()
