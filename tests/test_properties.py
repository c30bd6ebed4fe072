"""Properties of the pipeline with the punctuation, spacing and stray-letter rules.

- fix is idempotent: fix(fix(x)) == fix(x);
- no finding means the text comes back unchanged;
- every changed character lies inside an applied finding;
- arbitrary Unicode (CRLF, BOM, combining marks, emoji, RTL, controls) never crashes.
The strategies mix Chinese, ASCII and Chinese punctuation, quotes and spaces so that
the rules actually fire.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from proofread import pipeline
from proofread.checkers import CHECKERS, PUNCTUATION_MODULES
from proofread.model import Document
from proofread.options import Options

MODULES = PUNCTUATION_MODULES
OWNED = {c for m in MODULES for c in CHECKERS[m]}
OPTIONS = Options(select=set(OWNED))

HAN = "的是在了发展工作全面推进建设经济社会区市委企业园"
PIECES = [
    *HAN,
    *",;:?!()\"'`.-",
    *"，。、；：？！（）《》【】“”‘’〃…—",
    "''",
    "’’",
    "‘‘",
    "``",
    "...",
    "。。。",
    "--",
    "，，",
    "。。",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\u3000",
    "X",
    "XX",
    "X%",
    "1,234",
    "12:30",
    "3.14",
    "96 4%",
    "3 86家",
    "86 .4亿",
    "·",
    "丶",
    "﹐",
    "一",
    "四·",
    "（三：",
    "如下：",
    "增长6.78",
    "率为98.9，",
    "：二是",
    "一是",
    "：其中",
    "下一步、",
    "据了解、",
    "同学们、",
    "3.2万元",
    "o",
    "°",
    "O",
    "0",
    "2O19",
    "l2",
    "二O二O",
    "年",
    "<<",
    ">>",
    "〈〈",
    "〉〉",
    "«",
    "»",
    "青政发[2026]3号",
    "[",
    "]",
    "号",
    "一一",
    "〈",
    "〉",
    " , ",
    " : ",
    " 一 ",
    "2026",
    "L",
    "l",
    "a",
    "GDP",
    "5G",
    "PM2.5",
    "ＡＢＣ",
    "１２",
    "https://a.cn/x?a=1&b=2",
    "a@b.cn",
    "`code`",
    "f(a, b)",
    "x = 1",
    "[J]",
    "\ufeff",
    "\u0301",
    "😀",
    "\u05d0\u05d1",
    "\u200b",
    "\ufffc",
]

prose = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
anything = st.text(max_size=200)

SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _fix(text: str):
    applied, findings = pipeline.fix(Document(text), OPTIONS)
    return applied, findings


@SETTINGS
@given(prose)
@example("会议强调，要把安全生产责任落实到每个岗位,")  # P004 (，) and P010 (。) on one comma: 。 must win at once
@example("会议强调，要把安全生产责任落实到每个岗位，，")  # P007 (，，→，) and P010 likewise
@example("的，，﹐")  # P007 and P012 in one pass leave ，，: the second pass merges it
@example("的﹐﹐﹐")
def test_fix_is_idempotent(text):
    once = _fix(text)[0].text
    twice = _fix(once)[0].text
    assert twice == once


@SETTINGS
@given(prose)
def test_no_finding_means_identical_text(text):
    applied, findings = _fix(text)
    if not findings:
        assert applied.text == text
    if not applied.applied:
        assert applied.text == text


@SETTINGS
@given(prose)
def test_changes_lie_inside_applied_findings(text):
    applied, _ = _fix(text)
    # Rebuild the output from the input: outside applied spans every character is copied.
    out, pos = [], 0
    for f in sorted(applied.applied, key=lambda f: f.start):
        assert f.start >= pos, "applied findings overlap"
        assert text[f.start : f.end] == f.original
        out.append(text[pos : f.start])
        out.append(f.replacements[0])
        pos = f.end
    out.append(text[pos:])
    assert "".join(out) == applied.text
    for f in applied.applied:
        assert f.safe and f.replacements and 0.0 <= f.confidence <= 1.0
        assert f.original != f.replacements[0], f"{f.code} proposes no change"
    # And seen from outside, without the resolver's bookkeeping: before the first and after
    # the last applied finding the output is the input, character for character.
    if applied.applied:
        first = min(f.start for f in applied.applied)
        last = max(f.end for f in applied.applied)
        assert applied.text[:first] == text[:first]
        assert applied.text[len(applied.text) - (len(text) - last) :] == text[last:]
    else:
        assert applied.text == text


@SETTINGS
@given(st.one_of(anything, prose))
def test_arbitrary_unicode_never_crashes(text):
    applied, findings = _fix(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.original == text[f.start : f.end]
        assert 0.0 <= f.confidence <= 1.0
        assert f.code in OWNED
    assert isinstance(applied.text, str)
