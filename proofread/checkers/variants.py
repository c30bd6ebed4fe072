"""V001: traditional or variant characters left in a simplified document."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine import api, variants
from ..model import Document, Finding
from ..registry import RULES

CODES = ("V001",)


def check(doc: Document, options) -> Iterator[Finding]:
    text = doc.text
    if not variants.is_simplified_document(text):
        return  # a traditional document is the author's choice, not character-by-character damage
    rule = RULES["V001"]
    engine = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        found = variants.find(line)
        if not found:
            continue
        if engine is None:
            engine = api.get(options)
        converted = list(line)
        for i, _, simp in found:
            converted[i] = simp
        converted = "".join(converted)
        for i, trad, simp in found:
            # OCR also reads a simplified character as an unrelated traditional one (要 -> 學, 重 -> 馬):
            # fix only when the simplified form joins its neighbours in a word as the word model
            # segments the clause (經濟 -> 经济); 主學工作 -> 主 学 工作 and 突出馬点 -> 突出 马 点
            # are only suggestions (so is a stray 這 standing alone: one stray form in twenty).
            fits = variants.in_segmented_word(converted, i, engine.model)
            yield doc.finding(
                rule,
                start + i,
                start + i + 1,
                simp,
                confidence=0.97 if fits else 0.6,
                message=f"简体文本中的繁体或异体字“{trad}”，应为“{simp}”",
                safe=fits,
            )
