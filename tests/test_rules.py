"""One fixture per rule code: tests/rules/<CODE>.txt, for the punctuation, spacing and letter rules.

Fixture format (see tests/rules/P001.txt):

    # comments, only before the first section
    ## 错误
    <input line>
    => <the line after this rule's safe fixes>
    ?> <original> → <replacement>      a suggestion (not applied); "" is empty, " " a space
    ?> <original>                      a report without replacement
    ## 正确
    <a line on which no P/S/L rule may report anything>

Escapes in any case line: {LF} {CR} {TAB} {U+XXXX}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from proofread import pipeline, registry
from proofread.checkers import CHECKERS, PUNCTUATION_MODULES
from proofread.model import Document
from proofread.options import Options

RULES_DIR = Path(__file__).parent / "rules"

#: Rule families: a family's "right" lines must pass every rule of the family untouched.
CHARACTER_MODULES = [m for m in CHECKERS if m not in PUNCTUATION_MODULES]
FAMILIES = {
    "punctuation": sorted({c for m in PUNCTUATION_MODULES for c in CHECKERS[m]}),
    "characters": sorted({c for m in CHARACTER_MODULES for c in CHECKERS[m]}),
}
FAMILY_OF = {code: codes for codes in FAMILIES.values() for code in codes}
OWNED_CODES = sorted(FAMILY_OF)

_ESCAPE_RE = re.compile(r"\{(LF|CR|TAB|U\+[0-9A-Fa-f]{4,6})\}")
_ESCAPES = {"LF": "\n", "CR": "\r", "TAB": "\t"}


def _unescape(s: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES.get(m[1]) or chr(int(m[1][2:], 16)), s)


def _literal(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] == '"':
        return s[1:-1]
    return s


@dataclass
class Case:
    text: str
    lineno: int
    fixed: str | None = None
    suggestions: list[tuple[str, str | None]] = field(default_factory=list)


def parse_fixture(path: Path) -> tuple[list[Case], list[tuple[int, str]]]:
    wrong: list[Case] = []
    right: list[tuple[int, str]] = []
    section = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("## "):
            section = raw[3:].strip()
            assert section in ("错误", "正确"), f"{path.name}:{lineno}: unknown section {section!r}"
            continue
        if section is None or not raw.strip():
            assert section is not None or raw.startswith("#") or not raw.strip(), f"{path.name}:{lineno}"
            continue
        if section == "正确":
            right.append((lineno, _unescape(raw)))
        elif raw.startswith("=> "):
            assert wrong and wrong[-1].fixed is None, f"{path.name}:{lineno}: => without a case"
            wrong[-1].fixed = _unescape(raw[3:])
        elif raw.startswith("?> "):
            assert wrong, f"{path.name}:{lineno}: ?> without a case"
            orig, _, repl = raw[3:].partition("→")
            wrong[-1].suggestions.append((_literal(_unescape(orig)), _literal(_unescape(repl)) if _ else None))
        else:
            wrong.append(Case(_unescape(raw), lineno))
    return wrong, right


def _run(text: str, select: set[str]):
    applied, findings = pipeline.fix(Document(text), Options(select=set(select)))
    return applied.text, findings


def test_every_owned_rule_has_a_fixture():
    missing = [c for c in OWNED_CODES if not (RULES_DIR / f"{c}.txt").is_file()]
    assert not missing, f"rules without a fixture in tests/rules/: {missing}"


def test_every_rule_is_emitted_by_a_checker():
    assert set(registry.RULES) == set(OWNED_CODES)


def test_no_stray_fixtures():
    names = {p.stem for p in RULES_DIR.glob("*.txt")}
    assert names <= set(registry.RULES), f"fixtures for unknown codes: {names - set(registry.RULES)}"


@pytest.mark.parametrize("code", OWNED_CODES)
def test_fixture_shape(code):
    wrong, right = parse_fixture(RULES_DIR / f"{code}.txt")
    assert wrong, f"{code}: no 错误 cases"
    assert right, f"{code}: no 正确 cases"
    for case in wrong:
        assert case.fixed is not None or case.suggestions, f"{code}.txt:{case.lineno}: case without an expectation"


@pytest.mark.parametrize("code", OWNED_CODES)
def test_wrong_lines_are_flagged(code):
    wrong, _ = parse_fixture(RULES_DIR / f"{code}.txt")
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
        elif _run(fixed, {code})[0] != fixed:
            problems.append(f"{where}: fixing again changes {fixed!r}")
        for orig, repl in case.suggestions:
            hits = [f for f in mine if f.original == orig and not f.safe]
            if not hits:
                problems.append(f"{where}: no suggestion for {orig!r} among {[(f.original, f.safe) for f in mine]}")
            elif repl is not None and not any(f.replacement == repl for f in hits):
                problems.append(f"{where}: suggestion for {orig!r} is {[f.replacements for f in hits]}, not {repl!r}")
            elif repl is None and any(f.replacements for f in hits):
                problems.append(f"{where}: {orig!r} should be reported without a replacement")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", OWNED_CODES)
def test_right_lines_are_not_flagged(code):
    _, right = parse_fixture(RULES_DIR / f"{code}.txt")
    problems = []
    for lineno, text in right:
        _, findings = _run(text, set(FAMILY_OF[code]))
        for f in findings:
            problems.append(f"{code}.txt:{lineno}: {f.code} at {f.col} {f.original!r} -> {f.replacements} in {text!r}")
    assert not problems, "\n".join(problems)


def test_typed_text_reads_a_dot_between_clauses_as_a_full_stop_and_only_suggests_it():
    text = "会议由张三主持.会议强调，要抓好落实。"
    typed = [f for f in pipeline.check(Document(text), Options(source="typed")) if f.code == "P015"]
    assert [(f.replacements, f.safe) for f in typed] == [(("。", "，"), False)]
    scanned = [f for f in pipeline.check(Document(text), Options()) if f.code == "P015"]
    assert [(f.replacements, f.safe) for f in scanned] == [(("，", "。"), True)]
