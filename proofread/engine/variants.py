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


@lru_cache(maxsize=8192)
def is_simplified_char(ch: str) -> bool:
    """In GB2312, the simplified national character set."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=8192)
def _in_big5(ch: str) -> bool:
    try:
        ch.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


def script_counts(text: str) -> tuple[int, int]:
    """(characters only simplified script has, characters only traditional script has) among text's hanzi.

    The two national character sets answer it without a converter: 们 is in GB2312 and not
    in Big5, 們 the other way round; 中 is in both and counts for neither.
    """
    simp = trad = 0
    for c in set(text):
        if "\u4e00" <= c <= "\u9fff":
            g, b = is_simplified_char(c), _in_big5(c)
            simp += g and not b
            trad += b and not g
    return simp, trad


def convert(text: str) -> str:
    return _t2s().convert(text)


def is_simplified_document(text: str) -> bool:
    """At least as many characters only simplified script has (们, 发) as only traditional has (們, 發)."""
    simp, trad = script_counts(text)
    return simp >= trad and simp > 0


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


def in_segmented_word(text: str, i: int, model) -> bool:
    """Does text[i] belong to a word of two or more characters in the model's best segmentation of
    its run of Chinese characters? Stricter than a vocabulary word anywhere around it: 突出马点 holds
    出马, but reads 突出 马 点, so the 马 that OCR's 馬 became stands alone."""
    a = i
    while a > 0 and "\u4e00" <= text[a - 1] <= "\u9fff":
        a -= 1
    b = i + 1
    while b < len(text) and "\u4e00" <= text[b] <= "\u9fff":
        b += 1
    pos = a
    for word in model.best(text[a:b])[1]:
        if pos <= i < pos + len(word):
            return len(word) > 1
        pos += len(word)
    return False
