"""What the corrector must leave alone, or only suggest.

* words on the allow-list (`dictionaries/allow_words.txt` and user files) and set
  phrases: a span inside one of them is never changed;
* person and place names from pycorrector's lists, the unknown-name pattern (a common
  surname followed by characters that form no word) and a repair that turns a place name the
  lists do not know into one they do (梧川市 → 梧州市: an invented city may stand beside the
  real one): suggestions only;
* short quoted terms (“…” of up to eight characters) are names of campaigns and
  slogans the model rarely knows: suggestions only;
* lines in traditional script are skipped whole (checked by `is_traditional`).
"""

from __future__ import annotations

from functools import lru_cache

from ..datafiles import dictionaries_dir, read_list
from .cache import cached
from .candidates import pycorrector_data

DICT_DIR = dictionaries_dir()
SKIP, SUGGEST = "skip", "suggest"
MAX_WORD = 8
COMMON_WORD = -5.0  # log10 unigram probability of a common word (方式 -3.8, 规范 -4.4; names -5.6 and lower)


def _read_names() -> tuple[str, str]:
    names, surnames = set(), {}
    for fname in ("person_name.txt", "place_name.txt"):
        path = pycorrector_data(fname)
        if path is None:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts or len(parts[0]) < 2:
                continue
            names.add(parts[0])
            if fname == "person_name.txt" and len(parts[0]) <= 3:
                surnames[parts[0][0]] = surnames.get(parts[0][0], 0) + 1
    common = "".join(sorted(s for s, n in surnames.items() if n >= 40))
    return "\n".join(sorted(names)), common


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset, frozenset]:
    """Person and place names (pycorrector's lists) and common surnames, cached after the first read."""
    path = pycorrector_data("person_name.txt")
    names, surnames = cached("names", str(path), _read_names) if path is not None else ("", "")
    return frozenset(names.split("\n")) - {""}, frozenset(surnames)


@lru_cache(maxsize=8)
def protected_words(extra_files: tuple[str, ...] = ()) -> frozenset:
    words = set(read_list(DICT_DIR / "allow_words.txt"))
    words.update(read_list(DICT_DIR / "set_phrases.txt"))
    for f in extra_files:
        words.update(read_list(f))
    return frozenset(w for w in words if len(w) >= 2)


@lru_cache(maxsize=8)
def _prefixes(words: frozenset) -> frozenset:
    """The first two characters of each word: most starts of a window begin no word at all."""
    return frozenset(w[:2] for w in words)


def covered(line: str, i: int, j: int, words: frozenset) -> bool:
    """Is line[i:j] inside an occurrence of one of `words`?"""
    prefixes = _prefixes(words)
    for a in range(max(0, i - MAX_WORD + 1), i + 1):
        if line[a : a + 2] not in prefixes:
            continue
        for b in range(max(j, a + 2), min(len(line), a + MAX_WORD) + 1):
            if line[a:b] in words:
                return True
    return False


#: What ends a place name: 梧川市 · 澜州区 · 柳塘县.
_PLACE_SUFFIXES = frozenset("市区县省镇乡")


def _in_short_quote(line: str, i: int) -> bool:
    open_ = line.rfind("“", 0, i + 1)
    if open_ < 0 or line.rfind("”", open_, i + 1) >= 0:
        return False
    close = line.find("”", i)
    return close >= 0 and close - open_ - 1 <= 8


class Guard:
    def __init__(self, allow_files: tuple[str, ...] = (), phrase_files: tuple[str, ...] = (), lm=None):
        self.protected = protected_words(tuple(allow_files) + tuple(phrase_files))
        # the language model tells a surname from the same character in a common word
        self.lm = lm

    @property
    def names(self) -> frozenset:
        return _names()[0]

    @property
    def surnames(self) -> frozenset:
        return _names()[1]

    def level(self, line: str, i: int, j: int) -> str | None:
        if covered(line, i, j, self.protected):
            return SKIP
        if covered(line, i, j, self.names):
            return SUGGEST
        for k in (i - 1, i - 2):
            if k >= 0 and line[k] in self.surnames and not self._in_word(line, k, i):
                return SUGGEST
        if _in_short_quote(line, i):
            return SUGGEST
        return None

    def in_place_name(self, line: str, i: int, j: int, repl: str) -> bool:
        """Would writing `repl` for line[i:j] turn a place name the lists do not know into one they
        do, 梧川市 into 梧州市? An invented city may stand beside the real one, and a misread real
        name looks the same, so such a repair is only suggested."""
        fixed = line[:i] + repl + line[j:]
        shift = len(repl) - (j - i)
        for p in (j, j + 1):
            if p < len(line) and line[p] in _PLACE_SUFFIXES:
                q = p + shift  # the suffix's place in the repaired line
                names = self.names
                return any(
                    fixed[q - n : q + 1] in names and line[p - n : p + 1] not in names for n in (2, 3) if q - n >= 0
                )
        return False

    def _in_word(self, line: str, k: int, i: int) -> bool:
        """Is line[k] part of a two-character word that does not reach the suspicious line[i]?

        A surname character is often an ordinary one (方 in 方式, 范 in 规范): inside a common word
        it starts no name, so the characters after it may be repaired as usual.
        """
        if self.lm is None:
            return False
        pairs = [line[k - 1 : k + 1]] if k > 0 else []
        if k + 2 <= i:
            pairs.append(line[k : k + 2])
        vocab, scores = self.lm.vocab, self.lm.word_scores
        # a common word only: names are words too (张明, 王伟 score about -5.6 to -6)
        return any(p in vocab and scores([p])[0] >= COMMON_WORD for p in pairs)


def is_traditional(line: str) -> bool:
    """A line written in traditional script: more traditional-only than simplified-only characters."""
    from .variants import script_counts

    simp, trad = script_counts(line)
    return trad >= 3 and trad > simp
