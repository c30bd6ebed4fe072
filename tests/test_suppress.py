"""Inline suppression comments (Markdown and plain text) and the allow-list."""

import pytest

from proofread import pipeline
from proofread.inputs import prepare, suppress
from proofread.inputs.text import TextFile
from proofread.options import Options

COMMA = "增长X%,三产比重提高。"  # P004 at the comma
DITTO = "开展“回头看〃工作。"  # P001 at the ditto mark
PUNCT = Options(select={"P001", "P004"})


def flagged(src: str, path: str = "doc.md", options: Options = PUNCT) -> list[tuple[int, str]]:
    doc = prepare.document(TextFile(path, src, "utf-8"), options=options)
    return [(f.line, f.code) for f in pipeline.check(doc, options)]


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def test_without_comments_everything_is_flagged():
    assert flagged(lines(COMMA, DITTO)) == [(1, "P004"), (2, "P001")]


def test_disable_and_enable_region():
    src = lines(COMMA, "<!-- proofread-disable -->", COMMA, DITTO, "<!-- proofread-enable -->", COMMA)
    assert flagged(src) == [(1, "P004"), (6, "P004")]


def test_disable_without_enable_runs_to_the_end():
    assert flagged(lines(COMMA, "<!-- proofread-disable -->", COMMA, DITTO)) == [(1, "P004")]


def test_disable_region_for_some_codes_only():
    src = lines("<!-- proofread-disable P004 -->", COMMA, DITTO, "<!-- proofread-enable P004 -->", COMMA)
    assert flagged(src) == [(3, "P001"), (5, "P004")]


def test_enable_one_code_inside_a_disable_all_region():
    src = lines("<!-- proofread-disable -->", COMMA, "<!-- proofread-enable P001 -->", DITTO, COMMA)
    assert flagged(src) == [(4, "P001")]


def test_disable_next_line_all_rules():
    src = lines("<!-- proofread-disable-next-line -->", COMMA + DITTO, COMMA)
    assert flagged(src) == [(3, "P004")]


def test_disable_next_line_with_codes_and_names():
    src = lines(
        "<!-- proofread-disable-next-line P004 -->",
        COMMA + DITTO,
        "<!-- proofread-disable-next-line ditto-mark-quote ascii-punctuation -->",
        COMMA + DITTO,
    )
    assert flagged(src) == [(2, "P001")]


def test_markdown_directive_shown_as_inline_code_does_nothing():
    src = lines("Write `<!-- proofread-disable -->` to switch it off.", COMMA)
    assert flagged(src) == [(2, "P004")]


def test_codes_may_be_separated_by_commas():
    src = lines(
        "<!-- proofread-disable-next-line P004, P001 -->",
        COMMA + DITTO,
        "<!-- proofread-disable-next-line P004,P001-->",
        COMMA + DITTO,
    )
    assert flagged(src) == []


def test_a_misspelt_directive_does_nothing():
    src = lines("<!-- proofread-disablex -->", COMMA, "<!-- proofread-disable-nextline -->", COMMA)
    assert flagged(src) == [(2, "P004"), (4, "P004")]


def test_disable_line_at_the_end_of_a_line():
    src = lines(COMMA + "<!-- proofread-disable-line -->", COMMA + DITTO + "<!-- proofread-disable-line P001 -->")
    assert flagged(src) == [(2, "P004")]


def test_markdown_directive_inside_a_code_block_does_nothing():
    src = lines("```", "<!-- proofread-disable -->", "```", COMMA)
    assert flagged(src) == [(4, "P004")]


@pytest.mark.parametrize(
    "directive",
    [
        "proofread-disable-next-line",
        "# proofread-disable-next-line",
        "// proofread-disable-next-line",
        "<!-- proofread-disable-next-line -->",
        "  proofread-disable-next-line P004  ",
    ],
)
def test_plain_text_directive_on_a_line_of_its_own(directive):
    assert flagged(lines(directive, COMMA, COMMA), "doc.txt") == [(3, "P004")]


def test_plain_text_region_and_codes():
    src = lines("# proofread-disable P004", COMMA + DITTO, "# proofread-enable", COMMA)
    assert flagged(src, "doc.txt") == [(2, "P001"), (4, "P004")]


def test_plain_text_directive_inside_prose_is_not_a_directive():
    src = lines("他说 proofread-disable-next-line 不算数。", COMMA)
    assert flagged(src, "doc.txt") == [(2, "P004")]


def test_parse_maps_lines_to_codes():
    src = lines("<!-- proofread-disable-next-line P004 C001 -->", "x", "<!-- proofread-disable -->", "y")
    got = suppress.parse(src, markdown=True)
    assert got[2] == {"P004", "C001"} and got[3] == {suppress.ALL} and got[4] == {suppress.ALL}
    assert 1 not in got


def test_allow_list_drops_findings_inside_allowed_words(tmp_path):
    allow = tmp_path / "allow.txt"
    allow.write_text("# header\nX%,三产  a comment column\n", encoding="utf-8")
    opts = Options(select={"P001", "P004"}, allow_files=[str(allow)])
    assert flagged(lines(COMMA, "增长Y%,二产比重。"), "doc.txt", opts) == [(2, "P004")]
