"""Integrity of the held-out page-level OCR sets (fixtures/ocr_eval_pages*.tsv), not the engine's scores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEVERITIES = ("light", "medium", "bilevel")


@dataclass(frozen=True)
class PageSet:
    stem: str  # fixtures/<stem>.tsv and <stem>.unaligned.tsv
    prefix: str  # first part of every id
    fonts: tuple[str, ...]
    corpus: str  # the text written for the set

    @property
    def id(self) -> re.Pattern[str]:
        fonts = "|".join(self.fonts)
        return re.compile(rf"^{self.prefix}-({fonts})[abc]-p\d\d-(light|medium|bilevel)-s\d{{3}}$")

    @property
    def files(self) -> tuple[str, str]:
        return f"{self.stem}.tsv", f"{self.stem}.unaligned.tsv"


SET2 = PageSet("ocr_eval_pages", "pg", ("uming", "wenkai"), "formal_prose_2.txt")
SET3 = PageSet("ocr_eval_pages_3", "pg3", ("gbsong", "gbkai"), "formal_prose_3.txt")
SET4 = PageSet("ocr_eval_pages_4", "pg4", ("hanamin", "smiley"), "formal_prose_4.txt")
ALL_SETS = (SET2, SET3, SET4)
SETS = pytest.mark.parametrize("page_set", ALL_SETS, ids=["set2", "set3", "set4"])
# The texts no page set may reuse: the engine's own prose and the user's sample.
TUNED_ON = ("formal_prose.txt",)


def _rows(name: str) -> tuple[list[str], list[list[str]]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file ends with a newline"
    rows = [line.split("\t") for line in lines[1:-1]]
    return lines[0].split("\t"), rows


def _sentences(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@SETS
@pytest.mark.parametrize("part", [0, 1], ids=["aligned", "unaligned"])
def test_header_columns_and_ids(page_set, part):
    header, rows = _rows(page_set.files[part])
    assert header == ["id", "source", "target"]
    assert rows
    for row in rows:
        assert len(row) == 3, row
        assert page_set.id.match(row[0]), row[0]
        assert row[1] and row[2]
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)), "ids are unique"


@SETS
def test_ids_are_unique_across_both_files(page_set):
    ids = [row[0] for name in page_set.files for row in _rows(name)[1]]
    assert len(ids) == len(set(ids))


@SETS
def test_aligned_rows_are_substitutions_only(page_set):
    _, rows = _rows(page_set.files[0])
    for sid, source, target in rows:
        assert len(source) == len(target), sid


@SETS
def test_unaligned_rows_differ(page_set):
    _, rows = _rows(page_set.files[1])
    for sid, source, target in rows:
        assert source != target, sid


@SETS
def test_a_realistic_share_of_negatives_and_errors(page_set):
    _, rows = _rows(page_set.files[0])
    negatives = sum(source == target for _, source, target in rows)
    # A real scan: most sentences come back right, but enough are wrong to measure recall.
    assert 0.6 <= negatives / len(rows) <= 0.95
    assert len(rows) - negatives >= 100
    wrong = sum(a != b for _, source, target in rows for a, b in zip(source, target, strict=True))
    chars = sum(len(target) for _, _, target in rows)
    assert 0.002 <= wrong / chars <= 0.03


@SETS
def test_every_severity_and_font_is_present(page_set):
    _, rows = _rows(page_set.files[0])
    parts = {tuple(page_set.id.match(sid).groups()) for sid, _, _ in rows}
    assert parts == {(f, s) for f in page_set.fonts for s in SEVERITIES}


@SETS
def test_every_sentence_is_read_six_times(page_set):
    # Two fonts × three scans: a sentence missing from both files means a reading was lost.
    counts: dict[str, int] = {}
    for name in page_set.files:
        for _sid, _, target in _rows(name)[1]:
            counts[target] = counts.get(target, 0) + 1
    assert counts == {s: 3 * len(page_set.fonts) for s in _sentences(page_set.corpus)}


@SETS
def test_targets_come_from_the_new_text_only(page_set):
    new = set(_sentences(page_set.corpus))
    sample = (FIXTURES / "speech_2020.expected.txt").read_text(encoding="utf-8")
    assert not [s for s in new if s in sample]
    others = {*(other.corpus for other in ALL_SETS), *TUNED_ON} - {page_set.corpus}
    for other in others:
        assert not new & set(_sentences(other)), other
    for name in page_set.files:
        _, rows = _rows(name)
        assert {target for _, _, target in rows} <= new


def test_the_sets_share_no_font():
    for i, one in enumerate(ALL_SETS):
        for other in ALL_SETS[i + 1 :]:
            assert not set(one.fonts) & set(other.fonts), (one.stem, other.stem)
