"""The user's sample: the six character sites are found by the engine, not by entries for them."""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from proofread import pipeline
from proofread.model import Document
from proofread.options import Options

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CHAR_CODES = {"C001", "C002", "C003", "C004", "V001"}
SAMPLE_PAIRS = [("戛", "更"), ("呆", "果"), ("洽", "治"), ("稚", "推"), ("劫", "动"), ("飞", "”"), ("七", "”")]


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _differences(a: str, b: str) -> list[tuple[str, str]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def test_character_rules_turn_the_punctuation_fixed_text_into_the_expected_text():
    applied, _ = pipeline.fix(Document(read("speech_2020.punctuation.txt")), Options(select=CHAR_CODES))
    assert applied.text == read("speech_2020.expected.txt")


def test_fix_on_the_sample_outputs_exactly_the_expected_text():
    run = subprocess.run(
        [sys.executable, "-c", "from proofread.cli import main; main()", "fix", "-"],
        input=(FIXTURES / "speech_2020.txt").read_bytes(),
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == (FIXTURES / "speech_2020.expected.txt").read_bytes()


def test_de_after_a_verb_is_suggested_in_the_sample_and_not_applied():
    text = read("speech_2020.txt")
    fs = [f for f in pipeline.check(Document(text), Options(select={"C002"})) if f.original == "的"]
    hits = [f for f in fs if text[f.start - 1 : f.end + 1] == "办的实"]
    assert len(hits) == 1 and hits[0].replacements == ("得",) and not hits[0].safe


HAND_WRITTEN = ["set_phrases.txt", "allow_words.txt"]
CHARACTER_CHECKERS = ["confusable.py", "particles.py", "quote_chars.py", "phrases.py", "variants.py"]
ENGINE_CODE = sorted((ROOT / "proofread" / "engine").glob("*.py")) + [
    ROOT / "proofread" / "checkers" / name for name in CHARACTER_CHECKERS
]


@pytest.mark.parametrize("path", [ROOT / "dictionaries" / n for n in HAND_WRITTEN] + ENGINE_CODE, ids=lambda p: p.name)
def test_the_sample_pairs_are_not_entered_by_hand(path):
    text = path.read_text(encoding="utf-8")
    for wrong, right in SAMPLE_PAIRS:
        for line in text.splitlines():
            assert not (wrong in line and right in line), f"{path.name}: {line.strip()!r}"
        assert not re.search(re.escape(wrong) + r"\s*[-=:>\t,]+\s*" + re.escape(right), text)
