"""One fixture per character rule (tests/rules/<CODE>.txt), in the format of tests/test_rules.py."""

from __future__ import annotations

import pytest
from test_rules import RULES_DIR, parse_fixture

from proofread import pipeline
from proofread.model import Document
from proofread.options import Options

ENGINE_CODES = ["C001", "C002", "C003", "C004", "V001"]


def _run(text: str, select: set[str]):
    applied, findings = pipeline.fix(Document(text), Options(select=select))
    return applied.text, findings


@pytest.mark.parametrize("code", ENGINE_CODES)
def test_wrong_lines_are_flagged(code):
    wrong, right = parse_fixture(RULES_DIR / f"{code}.txt")
    assert wrong and right
    problems = []
    for case in wrong:
        fixed, findings = _run(case.text, {code})
        mine = [f for f in findings if f.code == code]
        where = f"{code}.txt:{case.lineno}"
        if not mine:
            problems.append(f"{where}: not flagged: {case.text!r}")
            continue
        expected = case.fixed if case.fixed is not None else case.text
        if fixed != expected:
            problems.append(f"{where}: fixed to {fixed!r}, expected {expected!r}")
        for orig, repl in case.suggestions:
            hits = [f for f in mine if f.original == orig and not f.safe]
            if not hits or (repl is not None and not any(f.replacement == repl for f in hits)):
                problems.append(f"{where}: no suggestion {orig!r} -> {repl!r} among {[f.to_dict() for f in mine]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", ENGINE_CODES)
def test_right_lines_are_not_flagged(code):
    _, right = parse_fixture(RULES_DIR / f"{code}.txt")
    problems = []
    for lineno, text in right:
        _, findings = _run(text, set(ENGINE_CODES))
        problems += [f"{code}.txt:{lineno}: {f.code} {f.original!r} -> {f.replacements}" for f in findings]
    assert not problems, "\n".join(problems)
