"""Properties of the character rules on arbitrary text: no crash, spans in range, edits local."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofread import pipeline
from proofread.model import MASK, Document
from proofread.options import Options

CHAR_CODES = {"C001", "C002", "C003", "C004", "V001"}
ALPHABET = st.sampled_from(
    list("的得地了推动更加结果政治规矩经济发展责任措施质量一岗双责四个园区稚劫戛呆洽經濟發展")
    + list("“”，。、；：！？（）《》 \n\r\tX1%,.\"'")
    + [MASK]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(ALPHABET, max_size=80))
def test_character_rules_never_crash_and_only_touch_their_spans(text):
    doc = Document(text)
    findings = pipeline.check(doc, Options(select=CHAR_CODES))
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.original == text[f.start : f.end]
        assert 0.0 <= f.confidence <= 1.0
        assert MASK not in f.original
        assert all(r != f.original for r in f.replacements)
    applied, _ = pipeline.fix(doc, Options(select=CHAR_CODES))
    if not applied.applied:
        assert applied.text == text
