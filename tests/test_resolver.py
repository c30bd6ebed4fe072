"""The resolver: ordering, de-duplication, overlaps, masking, byte-exact application."""

from proofread import registry, resolver
from proofread.model import MASK, Document

P004 = registry.RULES["P004"]
S001 = registry.RULES["S001"]


def test_applying_nothing_returns_input_unchanged():
    text = "\ufeff第一行\r\n第二行  有空格\n\n"
    assert resolver.apply(text, []).text == text


def test_safe_fix_applied_and_suggestion_not():
    doc = Document("增长X%,三产 比重")
    comma = doc.finding(P004, 4, 5, "，")
    space = doc.finding(S001, 7, 8, "", confidence=0.6)
    out = resolver.apply(doc.source, resolver.resolve([space, comma]))
    assert out.text == "增长X%，三产 比重"
    assert out.applied == [comma]
    assert out.skipped == [space]


def test_unsafe_flag_applies_suggestions():
    doc = Document("三产 比重")
    space = doc.finding(S001, 2, 3, "", confidence=0.6)
    assert resolver.apply(doc.source, [space], unsafe=True).text == "三产比重"


def test_overlapping_fixes_first_and_most_confident_wins():
    doc = Document("abcdef")
    low = doc.finding(P004, 1, 3, "X", confidence=0.5)
    high = doc.finding(P004, 1, 2, "Y", confidence=0.9)
    later = doc.finding(P004, 2, 4, "Z", confidence=1.0)
    out = resolver.apply(doc.source, resolver.resolve([low, later, high]))
    assert out.text == "aYZef"
    assert low in out.skipped


def test_two_insertions_at_one_point_take_only_one():
    doc = Document("ab")
    a = doc.finding(P004, 1, 1, "1", confidence=0.9)
    b = doc.finding(P004, 1, 1, "2", confidence=0.8)
    assert resolver.apply(doc.source, resolver.resolve([b, a])).text == "a1b"


def test_threshold_holds_back_less_confident_fixes():
    doc = Document("甲,乙")
    f = doc.finding(P004, 1, 2, "，", confidence=0.7)
    assert resolver.apply(doc.source, [f], threshold=0.8).text == "甲,乙"
    assert resolver.apply(doc.source, [f], threshold=0.7).text == "甲，乙"


def test_duplicates_merged_and_masked_findings_dropped():
    source = "代码`a,b`里,外"
    masked = "代码" + MASK * 5 + "里,外"
    doc = Document(masked, source=source)
    inside = doc.finding(P004, 4, 5, "，")
    outside = doc.finding(P004, 8, 9, "，")
    kept = resolver.resolve([outside, inside, doc.finding(P004, 8, 9, "，")], doc.text)
    assert kept == [outside]
    assert resolver.apply(doc.source, kept).text == "代码`a,b`里，外"


def test_finding_positions_are_one_based_lines_and_columns():
    doc = Document("第一行\r\n第二,行\n")
    f = doc.finding(P004, 7, 8, "，")
    assert (f.line, f.col) == (2, 3)
    assert f.original == ","
    assert doc.line_span(1) == (0, 3)
