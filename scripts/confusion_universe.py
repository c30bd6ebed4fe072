"""The character universe of the confusion sets, and where the shared data files live.

Universe: every character of pycorrector's common_char_set.txt, plus the Simplified characters
that occur in reasonably frequent words of jieba's dict.txt and pycorrector's word_freq.txt
(a lower bar for characters of GB 2312, the national standard set). Rare characters cost size
and buy nothing; Traditional-only characters (OpenCC t2s changes them) are left to the variant
rule, and keeping them out keeps candidate lists Simplified.
"""

from __future__ import annotations

import importlib.util
import os
from collections import Counter
from functools import cache

MIN_CHAR_FREQ = 100  # summed word frequency a character needs to enter the universe
MIN_GB2312_FREQ = 20  # the same for characters of GB 2312


def pycorrector_data(name: str) -> str:
    return os.path.join(importlib.util.find_spec("pycorrector").submodule_search_locations[0], "data", name)


def jieba_dict() -> str:
    return os.path.join(os.path.dirname(importlib.util.find_spec("jieba").origin), "dict.txt")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def char_frequencies() -> Counter:
    """Summed frequency of the words each CJK character occurs in (jieba + pycorrector)."""
    freq: Counter = Counter()
    for path in (jieba_dict(), pycorrector_data("word_freq.txt")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2 or not parts[1].isdigit():
                    continue
                n = int(parts[1])
                for ch in set(parts[0]):
                    if is_cjk(ch):
                        freq[ch] += n
    return freq


def common_chars() -> list[str]:
    with open(pycorrector_data("common_char_set.txt"), encoding="utf-8") as f:
        return [ln.strip() for ln in f if len(ln.strip()) == 1 and is_cjk(ln.strip())]


def gb2312_chars() -> set[str]:
    out = set()
    for hi in range(0xB0, 0xF8):  # the two levels of hanzi in GB 2312
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional_only(ch: str) -> bool:
    return _t2s().convert(ch) != ch


@cache
def universe() -> list[str]:
    """Sorted list of the characters that get a confusion entry."""
    gb = gb2312_chars()
    chars = set(common_chars())
    for ch, n in char_frequencies().items():
        if n >= MIN_CHAR_FREQ or (ch in gb and n >= MIN_GB2312_FREQ):
            chars.add(ch)
    return sorted(ch for ch in chars if not is_traditional_only(ch))


if __name__ == "__main__":
    u = universe()
    print(len(u), "characters;", len(common_chars()), "common")
