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
    engine: str = "rapidocr"  # the OCR engine that read the scans (scripts/make_ocr_eval_pages.py --ocr)
    # Bounds on the aligned file: share of sentences read right, sentences with an error, wrong positions per char.
    negatives: tuple[float, float] = (0.6, 0.95)
    min_errors: int = 100
    wrong_share: tuple[float, float] = (0.002, 0.03)

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
# Sets 5 and 6 were read by Tesseract: most of its readings add spaces or ASCII marks and land in the
# unaligned file, so the aligned one is smaller and holds a larger share of errors.
SET5 = PageSet(
    "ocr_eval_pages_5", "pg5", ("babelstone", "twkai"), "formal_prose_5.txt", "tesseract", (0.4, 0.9), 50, (0.002, 0.06)
)
SET6 = PageSet(
    "ocr_eval_pages_6", "pg6", ("twsung", "microhei"), "formal_prose_6.txt", "tesseract", (0.4, 0.9), 50, (0.002, 0.06)
)
ALL_SETS = (SET2, SET3, SET4, SET5, SET6)
SETS = pytest.mark.parametrize("page_set", ALL_SETS, ids=["set2", "set3", "set4", "set5", "set6"])
TESSERACT_SETS = pytest.mark.parametrize("page_set", (SET5, SET6), ids=["set5", "set6"])
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
    low, high = page_set.negatives
    assert low <= negatives / len(rows) <= high
    assert len(rows) - negatives >= page_set.min_errors
    wrong = sum(a != b for _, source, target in rows for a, b in zip(source, target, strict=True))
    chars = sum(len(target) for _, _, target in rows)
    low, high = page_set.wrong_share
    assert low <= wrong / chars <= high


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
    sentences = _sentences(page_set.corpus)
    if page_set.engine == "rapidocr":
        assert counts == {s: 3 * len(page_set.fonts) for s in sentences}
        return
    # Tesseract returns nothing for a few lines of a scan (the nearly empty last page of a noisy
    # copy): such a reading is not a row. Every sentence is still read, and few readings are lost.
    assert set(counts) == set(sentences)
    assert max(counts.values()) == 3 * len(page_set.fonts)
    lost = 3 * len(page_set.fonts) * len(sentences) - sum(counts.values())
    assert lost <= 0.02 * 3 * len(page_set.fonts) * len(sentences)


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


@TESSERACT_SETS
def test_no_space_left_between_two_cjk_characters(page_set):
    # The one normalisation of Tesseract's output: its single spaces between CJK characters/marks
    # are gone. (Two spaces are the layout code's mark of a wide gap inside a row, as for RapidOCR.)
    between = re.compile(r"(?<=[\u2e80-\U0010ffff“”‘’—…·]) (?=[\u2e80-\U0010ffff“”‘’—…·])")
    for name in page_set.files:
        for sid, source, target in _rows(name)[1]:
            assert not between.search(source) or between.search(target), sid


@TESSERACT_SETS
def test_tesseract_marks_are_kept(page_set):
    # Everything else is as Tesseract gave it: ASCII marks for full-width ones, spaces beside digits.
    rows = [row for name in page_set.files for row in _rows(name)[1]]
    ascii_marks = re.compile(r"[,:;()?!]")
    assert sum(bool(ascii_marks.search(s)) and not ascii_marks.search(t) for _, s, t in rows) >= 100
    assert sum(bool(re.search(r"\d [\u4e00-\u9fff]", s)) for _, s, _ in rows) >= 100


def test_join_cjk_removes_only_spaces_between_cjk():
    import sys

    sys.path.insert(0, str(FIXTURES.parent / "scripts"))
    from make_ocr_eval_pages import join_cjk

    assert join_cjk("全 区 共 有 1.26 万 人 , 其 中 “ 自 主 ” 就 业") == ("全区共有 1.26 万人 , 其中“自主”就业", 11)
    assert join_cjk("增长 5.8% ， 增速  高") == ("增长 5.8% ，增速高", 3)
    assert join_cjk("A B") == ("A B", 0)
