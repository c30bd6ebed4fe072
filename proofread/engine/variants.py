"""Traditional or variant characters in simplified text (V001), through OpenCC t2s.

A character is flagged only when (1) the document as a whole is simplified,
(2) OpenCC's phrase-aware t2s conversion of its line changes it, and (3) it is
not itself a simplified character: it cannot be written in GB2312, the
simplified national character set (著, 乾, 后 stay: they are valid simplified).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def is_simplified_char(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def convert(text: str) -> str:
    return _t2s().convert(text)


def is_simplified_document(text: str) -> bool:
    """More characters that exist only in simplified script (们, 发) than only in traditional (們, 發)."""
    han = "".join(sorted({c for c in text if "\u4e00" <= c <= "\u9fff"}))
    if not han:
        return False
    trad = _s2t().convert(han)
    simp_only = sum(1 for a, b in zip(han, trad, strict=False) if a != b and is_simplified_char(a))
    trad_only = sum(1 for c in han if not is_simplified_char(c) and convert(c) != c)
    return simp_only >= trad_only and simp_only > 0


def find(line: str) -> list[tuple[int, str, str]]:
    """(offset, traditional, simplified) for each variant character in a simplified line."""
    if all(is_simplified_char(c) or not "\u4e00" <= c <= "\u9fff" for c in line):
        return []
    converted = convert(line)
    if len(converted) != len(line):  # a conversion that changes length: go character by character
        converted = "".join(convert(c) if len(convert(c)) == 1 else c for c in line)
    out = []
    for i, (a, b) in enumerate(zip(line, converted, strict=True)):
        if a != b and "\u4e00" <= a <= "\u9fff" and not is_simplified_char(a) and is_simplified_char(b):
            out.append((i, a, b))
    return out


def in_word(text: str, i: int, vocab) -> bool:
    """Is text[i] part of a vocabulary word of 2-4 characters?"""
    for a in range(max(0, i - 3), i + 1):
        for b in range(max(i + 1, a + 2), min(len(text), a + 4) + 1):
            if text[a:b] in vocab:
                return True
    return False
