"""Precision check: correct, well-punctuated Chinese documents must come out of `fix` byte-identical.

The corpus (fixtures/clean_docs/) is written the way editors and secretaries write: salutations and
addressee lines ending in a colon, numbered items, statistics, middle dots in names and dates,
verse, hard-wrapped lines, Markdown, quotations over paragraphs. A change to any of it is a false
positive. Known ones are strict xfails, so the test flips when the rule is fixed.
"""

from pathlib import Path

import pytest

from proofread import pipeline
from proofread.inputs import prepare
from proofread.inputs.text import read_file
from proofread.options import Options

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "clean_docs"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")

# Known false positives: file name -> reason naming the rule.
KNOWN: dict[str, str] = {
    "63_yearbook_notes.txt": "P018 takes the list 根据城乡住户调查、劳动力调查结果 for a framing phrase; P019 takes a sex"
    " ratio and a total fertility rate (性别比为104.35，比上年下降0.12 · 总和生育率为1.08，比上年下降0.04) for rates",
    "65_drug_insert.txt": "P004 turns the ASCII brackets of a chemical name (α-甲基-4-(2-甲基丙基)苯乙酸) full-width; P018"
    " takes the list 根据国内外临床研究、上市后监测资料 for a framing phrase; P015 takes the Chinese domain 云川康宁.健康",
    "66_lab_report.txt": "P018 takes 同时 in the list 同时、同条件测定的 for a sentence opener",
    "68_sports_results.txt": "P017 takes the event label 男子100米：第一名……；第二名…… (a distance in metres) for a statistic",
    "70_chat_transcript.txt": "P018 takes the addressee-like list 老人们、小孩子都挤在一起 for a vocative; P016 adds 。 to a"
    " chat message quoted verbatim",
    "71_subtitles.txt": "P016 adds 。 to the last subtitle cue (subtitles end without a full stop)",
    "72_lease_contract.txt": "P017 takes the seven-character label 不动产权证书号： after 身份证号码：…， for a list colon",
    "73_press_qa.txt": "P018 takes the list 长篇小说、中篇小说集各一部 for a clause ending on a verb of saying (说)",
    "74_school_timetable.md": "P015 takes the database fields “学生表.姓名” “成绩表.总分” for misread commas; P018 takes"
    " the list 长篇小说、人物传记为主 for a clause ending on 说",
}


def _case(path: Path):
    reason = KNOWN.get(path.name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", [_case(p) for p in FILES])
def test_fix_leaves_clean_document_byte_identical(path: Path):
    raw = path.read_bytes()
    tf = read_file(str(path))
    applied, _ = pipeline.fix(prepare.document(tf), Options())
    changed = [(f.code, f.line, f.original, f.replacements[0]) for f in applied.applied]
    assert not changed, f"fixes applied to correct text: {changed}"
    assert tf.encode(applied.text) == raw


def test_corpus_keeps_its_layout_variants():
    """The byte-level variants the corpus promises (else the identity test proves less)."""
    assert len(FILES) >= 26
    assert sum(len(p.read_text(encoding="utf-8-sig")) for p in FILES) >= 30000
    assert b"\r\n" in (CORPUS / "02_notice.txt").read_bytes()
    assert (CORPUS / "03_minutes.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    assert all(name in {p.name for p in FILES} for name in KNOWN)


# Documents whose lines are paragraphs, so the paragraph-end rules are in reach: one damaged
# full stop must be put back and the bytes restored, or the identity test above proves nothing.
IN_REACH = [
    "01_speech.txt",
    "02_notice.txt",
    "03_minutes.txt",
    "04_news.txt",
    "08_academic.txt",
    "13_briefing.txt",
    "17_novel.txt",
    "18_legal.txt",
    "22_letter.txt",
    "24_snippet.txt",
    "25_names.txt",
    "39_transcript.txt",
    "40_judgment.txt",
    "42_sports.txt",
    "43_market.txt",
    "47_gov_qa.txt",
    "49_novel_excerpt.txt",
    "50_meeting_summary.txt",
    "57_timetable_notice.txt",
    "64_bank_rate_notice.txt",
    "67_airline_notice.txt",
    "69_classical_exercise.txt",
]


@pytest.mark.parametrize("name", IN_REACH)
def test_rules_reach_the_corpus(name: str, tmp_path: Path):
    raw = (CORPUS / name).read_bytes()
    lines = raw.split(b"\n")
    longest = max(
        range(len(lines)), key=lambda i: len(lines[i]) if lines[i].rstrip(b"\r").endswith("。".encode()) else -1
    )
    body = lines[longest].rstrip(b"\r")
    lines[longest] = body[: -len("。".encode())] + "·".encode() + lines[longest][len(body) :]
    damaged = tmp_path / name
    damaged.write_bytes(b"\n".join(lines))
    tf = read_file(str(damaged))
    applied, _ = pipeline.fix(prepare.document(tf), Options())
    assert [f.code for f in applied.applied] == ["P011"]
    assert tf.encode(applied.text) == raw
