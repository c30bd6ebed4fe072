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


def test_same_change_from_two_rules_is_one_finding():
    doc = Document("严守政治纪律和政洽规矩")
    look_alike = doc.finding(registry.RULES["C001"], 9, 10, "治", confidence=1.0)
    phrase = doc.finding(registry.RULES["C004"], 9, 10, "治", confidence=0.95)
    assert resolver.resolve([phrase, look_alike]) == [look_alike]


def test_offset_map_follows_insertions_and_deletions():
    doc = Document("ab,cd...ef")
    comma = doc.finding(P004, 2, 3, "，，")  # one character longer
    dots = doc.finding(P004, 5, 8, "…")  # two shorter
    shift = resolver.offset_map([comma, dots])
    assert [shift(i) for i in (0, 1, 3, 4, 8, 9)] == [0, 1, 4, 5, 7, 8]


def test_a_report_resolved_by_an_applied_fix_is_dropped():
    from proofread import pipeline
    from proofread.options import Options

    # The unclosed quote (P009, a report) is closed by the C003 fix: the report must go.
    text = "各级党组织要坚决落实“全面从严治党巴推动形成风清气正的政治生态。"
    applied, findings = pipeline.fix(Document(text), Options(select={"P009", "C003"}))
    assert applied.text == "各级党组织要坚决落实“全面从严治党”，推动形成风清气正的政治生态。"
    assert [f.code for f in findings] == ["C003"]
    # Without the fix (C003 off) the same report stays.
    _, alone = pipeline.fix(Document(text), Options(select={"P009"}))
    assert [f.code for f in alone] == ["P009"]


def test_compose_merges_a_second_pass_fix_into_the_first_and_moves_the_rest_back():
    source = "甲,﹐乙  丙,丁"
    doc = Document(source)
    first = [doc.finding(P004, 1, 2, "，"), doc.finding(P004, 2, 3, "，"), doc.finding(P004, 7, 8, "，")]
    middle = resolver.apply(source, first).text
    assert middle == "甲，，乙  丙，丁"
    second_doc = Document(middle)
    second = [second_doc.finding(P004, 2, 3, ""), second_doc.finding(S001, 4, 6, "", confidence=0.6)]
    out = resolver.compose(source, first, second, doc.position)
    assert [(f.start, f.end, f.original, f.replacements[0]) for f in out] == [
        (1, 3, ",﹐", "，"),  # two first-pass fixes and the deletion after them: one change
        (4, 6, "  ", ""),  # elsewhere: moved back to source offsets unchanged
        (7, 8, ",", "，"),
    ]
    assert out[0].data["then"] == ["P004"]
    # applied to the source they give what the two passes gave
    assert resolver.apply(source, out, unsafe=True).text == resolver.apply(middle, second, unsafe=True).text


def test_fix_runs_again_until_nothing_changes():
    from proofread import pipeline

    applied, findings = pipeline.fix(Document("他说,﹐好的"))
    assert applied.text == "他说，好的"
    assert [(f.start, f.end) for f in applied.applied] == [(2, 4)]
    assert applied.applied[0] in findings  # the reporters find the merged fix among the findings


def test_a_suggestion_on_a_span_another_rule_fixes_is_dropped():
    doc = Document("为进·步加强管理")
    fix = doc.finding(registry.RULES["C006"], 2, 3, "一", confidence=0.9, safe=True)
    other = doc.finding(registry.RULES["P022"], 2, 3, ("。", "，"), confidence=0.5, safe=False)
    wider = doc.finding(S001, 1, 3, "", confidence=0.6, safe=False)  # another span: kept
    assert resolver.resolve([other, fix, wider]) == [wider, fix]
    # without the fix the suggestion stands
    assert resolver.resolve([other]) == [other]
