"""Integrity of the held-out page-level OCR set (fixtures/ocr_eval_pages*.tsv), not the engine's scores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ID = re.compile(r"^pg-(uming|wenkai)[abc]-p\d\d-(light|medium|bilevel)-s\d{3}$")


def _rows(name: str) -> tuple[list[str], list[list[str]]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file ends with a newline"
    rows = [line.split("\t") for line in lines[1:-1]]
    return lines[0].split("\t"), rows


def _sentences(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", ["ocr_eval_pages.tsv", "ocr_eval_pages.unaligned.tsv"])
def test_header_columns_and_ids(name):
    header, rows = _rows(name)
    assert header == ["id", "source", "target"]
    assert rows
    for row in rows:
        assert len(row) == 3, row
        assert ID.match(row[0]), row[0]
        assert row[1] and row[2]
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)), "ids are unique"


def test_aligned_rows_are_substitutions_only():
    _, rows = _rows("ocr_eval_pages.tsv")
    for sid, source, target in rows:
        assert len(source) == len(target), sid


def test_unaligned_rows_differ():
    _, rows = _rows("ocr_eval_pages.unaligned.tsv")
    for sid, source, target in rows:
        assert source != target, sid


def test_a_realistic_share_of_negatives_and_errors():
    _, rows = _rows("ocr_eval_pages.tsv")
    negatives = sum(source == target for _, source, target in rows)
    # A real scan: most sentences come back right, but enough are wrong to measure recall.
    assert 0.6 <= negatives / len(rows) <= 0.95
    assert len(rows) - negatives >= 100
    wrong = sum(a != b for _, source, target in rows for a, b in zip(source, target, strict=True))
    chars = sum(len(target) for _, _, target in rows)
    assert 0.002 <= wrong / chars <= 0.03


def test_every_severity_and_font_is_present():
    _, rows = _rows("ocr_eval_pages.tsv")
    parts = {tuple(ID.match(sid).groups()) for sid, _, _ in rows}
    assert parts == {(f, s) for f in ("uming", "wenkai") for s in ("light", "medium", "bilevel")}


def test_targets_come_from_the_new_text_only():
    new = set(_sentences("formal_prose_2.txt"))
    old = set(_sentences("formal_prose.txt"))
    sample = (FIXTURES / "speech_2020.expected.txt").read_text(encoding="utf-8")
    assert not new & old
    assert not [s for s in new if s in sample]
    for name in ("ocr_eval_pages.tsv", "ocr_eval_pages.unaligned.tsv"):
        _, rows = _rows(name)
        assert {target for _, _, target in rows} <= new
