"""C006: the numeral 一 read as a dot, a hyphen or two (进·步 → 进一步, 第--产业 → 第一产业, “-对一” → “一对一”).

一 is a single horizontal stroke; on a broken scan it comes out as a middle dot or a
hyphen. A middle dot between Chinese characters is otherwise a name separator (卡尔·马克思,
《史记·项羽本纪》) and a hyphen a link (北京-上海), so a mark is only taken for 一 when the
words say so:
- inside a phrase (Chinese on both sides), the language model must gain clearly from
  reading 一 there (为进·步加强 → 进一步 gains 7 log10; 卡尔·马克思 loses 3);
- after an opening mark (“ 、 ， （), where no name separator stands, 一 and the next
  character(s) must be a word of the model's vocabulary (一个 一套 一对一);
- at a line start before 、 it is the heading number 一、.
Next to a Chinese numeral the dot is a date or a number (五·一 三·一五), never 一.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import protected

CODES = ("C006",)
_RULE = RULES["C006"]

_MARKS = "·•・‧－-"
_CLASS = "[" + re.escape(_MARKS) + "—]"
#: One mark, or the two hyphens (one em dash) a long stroke breaks into: 进--步 · 统—思想. Two em
#: dashes are the Chinese dash and never a candidate.
_CANDIDATE_RE = re.compile(f"(?<!{_CLASS})(?:--|－－|—|[{re.escape(_MARKS)}])(?!{_CLASS})")
_HAN_RUN_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{1,4}$")
_HAN_RUN_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{1,4}")
_NUMERALS = set("〇零一二三四五六七八九十百千万两")
_OPENERS = set("“、，（")
GAIN_SAFE = 2.0  # log10: 下一步 2.1, 第一责任人 3.1; names and links lose 2-4
MAX_WORD = 4  # 一对一, 一事一议


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if not any(m in text for m in _MARKS + "—"):
        return
    model = None
    prot = None
    for m in _CANDIDATE_RE.finditer(text):
        i, j = m.span()
        before = text[i - 1] if i > 0 else "\n"
        after = text[j] if j < len(text) else "\n"
        if before in _NUMERALS or after in _NUMERALS or not ("\u4e00" <= after <= "\u9fff" or after == "、"):
            continue
        if after == "、":
            if text[text.rfind("\n", 0, i) + 1 : i].strip():
                continue  # only the heading number at a line start: ·、工作目标
            reason = "序号“一、”的“一”被识别成了点或连字符"
        elif "\u4e00" <= before <= "\u9fff":
            model = model or _language_model(options)
            gain = _gain(model, text, i, j)
            if gain < GAIN_SAFE:
                continue
            reason = f"读作“一”时成词（语言模型增益 {gain:.1f}），点或连字符疑为 OCR 误读的“一”"
        elif before in _OPENERS:
            model = model or _language_model(options)
            run = _HAN_RUN_AFTER_RE.match(text, j).group()
            word = next(
                (run[:n] for n in range(min(MAX_WORD - 1, len(run)), 0, -1) if "一" + run[:n] in model.vocab), None
            )
            if word is None:
                continue
            reason = f"“一{word}”是词，点或连字符疑为 OCR 误读的“一”"
        else:
            continue
        prot = prot if prot is not None else protected(text)
        if i in prot:
            continue
        # (0.96 over two marks: the dash rule P006 also claims 进--步, and 一 must win the span)
        yield doc.finding(_RULE, i, j, "一", 0.9 if j - i == 1 else 0.96, message=reason, safe=True)


def _language_model(options: Options):
    from ..engine import api  # loaded only when a candidate shows up

    return api.get(options).model


def _gain(model, text: str, i: int, j: int) -> float:
    """log10 gain of reading 一 for text[i:j] over a boundary there (the two sides scored apart)."""
    left = _HAN_RUN_BEFORE_RE.search(text, max(0, i - 4), i)  # a window: a search from 0 is quadratic
    right = _HAN_RUN_AFTER_RE.match(text, j)
    left_s = left.group() if left else ""
    right_s = right.group() if right else ""
    joined = model.best(left_s + "一" + right_s)[0]
    apart = (model.best(left_s)[0] if left_s else 0.0) + (model.best(right_s)[0] if right_s else 0.0)
    return joined - apart
