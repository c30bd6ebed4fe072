"""Recall on real prose: damage the clean sample the way OCR and pasting do, then fix it back.

The clean text (fixtures/speech_2020.expected.txt) has ~1,000 Chinese punctuation marks.
Each seed replaces a random share of them with a typical stand-in (” -> " or 〃 or '',
“ -> ", ，-> , and the other sentence marks, （） -> (), …… -> ..., —— -> --, ，-> ，，, 1 -> １)
and the fix must give back the clean text exactly. Sites where the stand-in is
genuinely ambiguous (a comma between two digits or placeholders: X,X) are not damaged.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from proofread import pipeline
from proofread.checkers import CHECKERS
from proofread.model import Document
from proofread.options import Options

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OWNED = {c for m in ("quotes", "ascii_punct", "pairs", "marks", "fullwidth", "spacing", "latin") for c in CHECKERS[m]}

_STAND_INS = {
    "”": ['"', "〃", "''", "’’"],
    "“": ['"', "``", "‘‘"],
    "，": [",", "，，"],
    "；": [";"],
    "：": [":"],
    "？": ["?"],
    "！": ["!"],
    "……": ["...", "。。。"],
    "——": ["--"],
    "。": ["。。"],
    **{d: [chr(ord(d) + 0xFEE0)] for d in "0123456789X"},  # full-width digits and placeholder
}
_SITE_RE = re.compile("……|——|[”“，；：？！。（0-9X]")
_NUMERIC = re.compile("[0-9X]")


def _damage(text: str, rng: random.Random, share: float) -> str:
    out, pos = [], 0
    for m in _SITE_RE.finditer(text):
        s, e = m.span()
        if s < pos or rng.random() > share:
            continue
        mark = m.group()
        before, after = text[s - 1 : s], text[e : e + 1]
        if mark == "（":
            close = text.find("）", e)
            if close == -1 or "\n" in text[e:close] or "（" in text[e:close]:
                continue
            out += [text[pos:s], "(", text[e:close], ")"]
            pos = close + 1
            continue
        if mark not in "0123456789X" and _NUMERIC.match(before) and _NUMERIC.match(after):
            continue
        out += [text[pos:s], rng.choice(_STAND_INS[mark])]
        pos = e
    out.append(text[pos:])
    return "".join(out)


@pytest.fixture(scope="module")
def clean() -> str:
    return (FIXTURES / "speech_2020.expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", range(24))
def test_damaged_sample_is_restored(clean, seed):
    rng = random.Random(seed)
    damaged = _damage(clean, rng, share=0.25 if seed % 2 else 0.6)
    assert damaged != clean
    applied, _ = pipeline.fix(Document(damaged), Options(select=set(OWNED)))
    if applied.text != clean:
        import difflib

        diff = [
            f"{op}: {applied.text[i1 - 8 : i2 + 8]!r} != {clean[j1 - 8 : j2 + 8]!r}"
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, applied.text, clean, autojunk=False).get_opcodes()
            if op != "equal"
        ]
        pytest.fail("not restored:\n" + "\n".join(diff[:20]))
