"""The user's sample with only the punctuation, spacing and stray-letter rules (no character engine).

Acceptance of issue 2: fixing gives fixtures/speech_2020.punctuation.txt byte for byte
(23 punctuation sites, nothing else), the stray letter of 资金LX亿元 is reported but
not applied, the title keeps its two spaces, and 总面积X,X万平方米 stays as it is.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from proofread import pipeline
from proofread.checkers import CHECKERS
from proofread.model import Document
from proofread.options import Options

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OWNED = {c for m in ("quotes", "ascii_punct", "pairs", "marks", "fullwidth", "spacing", "latin") for c in CHECKERS[m]}


@pytest.fixture(scope="module")
def run():
    source = (FIXTURES / "speech_2020.txt").read_text(encoding="utf-8")
    applied, findings = pipeline.fix(Document(source), Options(select=set(OWNED)))
    return source, applied, findings


def test_fix_gives_the_punctuation_fixture_byte_for_byte(run):
    _, applied, _ = run
    expected = (FIXTURES / "speech_2020.punctuation.txt").read_bytes()
    assert applied.text.encode("utf-8") == expected


def test_exactly_the_23_punctuation_sites_are_fixed(run):
    _, applied, _ = run
    assert len(applied.applied) == 23
    by_code = Counter(f.code for f in applied.applied)
    assert by_code == {"P001": 3, "P002": 2, "P003": 3, "P004": 15}


def test_stray_letter_is_suggested_not_applied(run):
    source, applied, findings = run
    stray = [f for f in findings if f.code == "L001"]
    assert len(stray) == 1
    f = stray[0]
    assert f.original == "L" and f.replacement == "" and not f.safe
    assert source[f.start - 2 : f.end + 3] == "资金LX亿元"
    assert "资金LX亿元" in applied.text


def test_title_spacing_and_placeholder_comma_stay(run):
    source, applied, findings = run
    title = source.splitlines()[0]
    assert "  " in title and applied.text.splitlines()[0] == title
    assert "总面积X,X万平方米" in applied.text
    assert not [f for f in findings if f.code == "S001"]


def test_unclosed_quotes_are_reported_not_fixed(run):
    # The two quotes whose closing mark OCR turned into a character (飞, 七) stay open:
    # P009 reports them; the character engine, not these rules, repairs them.
    source, applied, findings = run
    unclosed = [f for f in findings if f.code == "P009"]
    assert [source[f.start : f.start + 5] for f in unclosed] == ["“四个园区", "“一岗双责"]
    assert all(not f.safe and not f.replacements for f in unclosed)
    assert applied.text.count("“") == 79 and applied.text.count("”") == 77


def test_only_safe_findings_are_applied(run):
    _, applied, findings = run
    assert {id(f) for f in applied.applied} == {id(f) for f in findings if f.safe}


@pytest.mark.parametrize(
    "variant",
    [lambda t: t.replace("\n", "\r\n"), lambda t: "\ufeff" + t, lambda t: t.replace("\n", "\n\n")],
    ids=["crlf", "bom", "blank-lines"],
)
def test_line_endings_and_bom_do_not_matter(variant):
    source = (FIXTURES / "speech_2020.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "speech_2020.punctuation.txt").read_text(encoding="utf-8")
    applied, _ = pipeline.fix(Document(variant(source)), Options(select=set(OWNED)))
    assert applied.text == variant(expected)
