"""A single space between two Chinese characters in running prose (S001).

OCR and PDF extraction insert spaces where a line was justified or a glyph was wide.
Chinese prose has no word spaces, but a space can be deliberate (a name spaced out
to align a column, a title's layout), so a lone space is a suggestion. It is a fix when
the text says it cannot be deliberate: in a sentence (a line with ，。；！？), the space splits a
word of the language model's vocabulary (发 展 · 高质 量), or the line spaces out most of its
characters (推 进 经 济 工 作，as some OCR engines write every line). Name lists and labels
padded to line up (委　员：王 军  刘 静 · 主 任：张建华) have no sentence mark and keep their
spaces. Title lines (short, no sentence punctuation) and news bylines are skipped entirely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_CLASS, is_title_line, line_bounds, protected

CODES = ("S001",)
_RULE = RULES["S001"]

#: One ASCII space or no-break space (PDF copy-paste) between two Chinese characters.
_SPACE_RE = re.compile(f"(?<=[{HAN_CLASS}])[ \u00a0](?=[{HAN_CLASS}])")
#: A news byline keeps its spaces, after a role and between names: （记者 王晓明 通讯员 李华）.
_ROLE = r"(?:本报|特约|实习)?(?:记者|通讯员|摄影|编辑|责任编辑|实习生|撰稿)"
_BYLINE_RE = re.compile(rf"(?:^|[（(【\[、，\s]){_ROLE}$", re.M)
_NEXT_ROLE_RE = re.compile(_ROLE)
_ROLE_AND_NAME_RE = re.compile(rf"(?:^|[（(【\[、，\s]){_ROLE} [\u4e00-\u9fff]{{2,4}}$", re.M)


SPACED_LINE = 0.5  # share of a line's Chinese character pairs split by a space: OCR's layout
MIN_SPACED = 3
MAX_WORD = 4


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    title_cache: dict[int, bool] = {}
    sentence_cache: dict[int, tuple[bool, bool]] = {}  # line start -> (a sentence, spaced out)
    vocab = None
    for m in _SPACE_RE.finditer(text):
        s = m.start()
        lo, hi = line_bounds(text, s)
        title = title_cache.get(lo)
        if title is None:
            title = title_cache[lo] = is_title_line(text[lo:hi])
        if title or protected(text).overlaps(s - 1, s + 2):
            continue
        if _BYLINE_RE.search(text, max(lo, s - 8), s):
            continue  # 记者 王晓明
        if _NEXT_ROLE_RE.match(text, s + 1) and _ROLE_AND_NAME_RE.search(text, max(lo, s - 16), s):
            continue  # 王晓明 通讯员: the byline's next role
        kind = sentence_cache.get(lo)
        if kind is None:
            # only sentences: a list of names or a label (委　员：王 军  刘 静, 主 任：张建华) is
            # spaced out by the author to line up
            line = text[lo:hi]
            sentence = _SENTENCE_MARK_RE.search(line) is not None
            kind = sentence_cache[lo] = (sentence, sentence and _spaced_out(line))
        sentence, spaced = kind
        if spaced:
            yield doc.finding(_RULE, s, s + 1, "", 0.9, message="这一行的汉字之间大多有空格，是 OCR 的排版", safe=True)
            continue
        if sentence and vocab is None:
            from ..engine import api  # loaded only when a space splits a sentence

            vocab = api.get(options).model.vocab
        word = _split_word(text, s, lo, hi, vocab) if sentence else None
        if word:
            yield doc.finding(
                _RULE, s, s + 1, "", 0.9, message=f"空格把词“{word}”拆开了（常见于 OCR 或复制粘贴）", safe=True
            )
            continue
        yield doc.finding(
            _RULE, s, s + 1, "", 0.6, message="汉字之间多了一个空格（常见于 OCR 或复制粘贴），建议删除", safe=False
        )


_HAN_PAIR_RE = re.compile(f"(?=[{HAN_CLASS}][{HAN_CLASS}])")
_SENTENCE_MARK_RE = re.compile("[，。；！？]")


def _spaced_out(line: str) -> bool:
    """Does the line put a space between most of its neighbouring Chinese characters?"""
    spaced = len(_SPACE_RE.findall(line))
    return spaced >= MIN_SPACED and spaced >= SPACED_LINE * (spaced + len(_HAN_PAIR_RE.findall(line)))


def _split_word(text: str, s: int, lo: int, hi: int, vocab) -> str | None:
    """A vocabulary word of two or more characters that the space at `s` cuts in two, if any."""
    left = text[max(lo, s - MAX_WORD + 1) : s]
    right = text[s + 1 : min(hi, s + MAX_WORD)]
    for a in range(len(left)):
        if not all("\u4e00" <= c <= "\u9fff" for c in left[a:]):
            continue
        for b in range(1, len(right) + 1):
            word = left[a:] + right[:b]
            if len(word) > MAX_WORD or not all("\u4e00" <= c <= "\u9fff" for c in right[:b]):
                break
            if word in vocab:
                return word
    return None
