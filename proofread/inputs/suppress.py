"""Inline suppression comments and the allow-list: findings the author asked us to drop.

Directives (codes are optional; without codes they cover every rule)::

    <!-- proofread-disable [CODE ...] -->            from this line on
    <!-- proofread-enable [CODE ...] -->             from this line on
    <!-- proofread-disable-next-line [CODE ...] -->  the line after this one
    <!-- proofread-disable-line [CODE ...] -->       this line (put it at the end of the line)

In Markdown a directive is an HTML comment (which the reader never sees) and may
stand anywhere on a line, except inside a code block. In plain text there are
no comments, so a directive must be a line of its own: either the HTML comment
form or the bare words, optionally after ``#`` or ``//``
(``# proofread-disable-next-line P004``). Codes may also be rule names.

A finding is suppressed when the line of its start is. The allow-list drops
findings that overlap an occurrence of an allowed word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_DIRECTIVE = r"proofread-(disable-next-line|disable-line|disable|enable)((?:(?:[ \t]+|[ \t]*,[ \t]*)[A-Za-z][\w-]*)*)"
_COMMENT = re.compile(r"<!--[ \t]*" + _DIRECTIVE + r"[ \t]*-->")
_TEXT_LINE = re.compile(r"[ \t]*(?:<!--[ \t]*" + _DIRECTIVE + r"[ \t]*-->|(?:#|//)?[ \t]*" + _DIRECTIVE + r")[ \t]*")

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

ALL = "*"


def _codes(spec: str) -> frozenset[str]:
    from .. import registry

    out = set()
    for word in re.split(r"[\s,]+", spec.strip(" \t,")):
        if not word:
            continue
        try:
            out.add(registry.get(word).code)
        except KeyError:
            out.add(word.upper())  # unknown code: keep it, it simply matches nothing
    return frozenset(out) or frozenset({ALL})


def _directives(lines: list[str], markdown: bool, skip_lines: set[int]):
    """Yield (1-based line, action, codes) for every directive."""
    for no, line in enumerate(lines, 1):
        if "proofread-" not in line or no in skip_lines:
            continue
        if markdown:
            # A directive shown as inline code (`<!-- proofread-disable -->`) is an example, not a directive.
            line = _CODE_SPAN.sub("", line) if "`" in line else line
            for m in _COMMENT.finditer(line):
                yield no, m.group(1), _codes(m.group(2))
        else:
            m = _TEXT_LINE.fullmatch(line.rstrip("\r\n"))
            if m:
                action, spec = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                yield no, action, _codes(spec)


@dataclass
class Suppressions:
    """Which codes are off on which lines, plus allowed words; `keep(finding)` decides."""

    lines: dict[int, frozenset[str]] = field(default_factory=dict)  # line -> codes off (ALL = every rule)
    allowed: list[tuple[int, int]] = field(default_factory=list)  # text ranges of allowed words

    def __bool__(self) -> bool:
        return bool(self.lines or self.allowed)

    def keep(self, finding) -> bool:
        off = self.lines.get(finding.line)
        if off and (ALL in off or finding.code in off):
            return False
        for a, b in self.allowed:
            if finding.start < b and (finding.end > a or (finding.start == finding.end and finding.start > a)):
                return False
        return True

    def filter(self, findings):
        return [f for f in findings if self.keep(f)] if self else list(findings)


def parse(text: str, markdown: bool, skip_lines: set[int] | None = None) -> dict[int, frozenset[str]]:
    """Map each suppressed line to the codes switched off there."""
    if "proofread-" not in text:
        return {}
    lines = text.split("\n")  # the same line numbering as Document.position
    events = list(_directives(lines, markdown, skip_lines or set()))
    if not events:
        return {}
    out: dict[int, set[str]] = {}
    # Region state: when every rule is off, `codes` are the ones switched back on; else the ones off.
    all_off, codes = False, set()
    by_line: dict[int, list] = {}
    for no, action, cs in events:
        by_line.setdefault(no, []).append((action, cs))
    for no in range(1, len(lines) + 1):
        for action, cs in by_line.get(no, ()):
            if action == "disable":
                if ALL in cs:
                    all_off, codes = True, set()
                elif all_off:
                    codes -= cs
                else:
                    codes |= cs
            elif action == "enable":
                if ALL in cs:
                    all_off, codes = False, set()
                elif all_off:
                    codes |= cs
                else:
                    codes -= cs
            elif action == "disable-line":
                out.setdefault(no, set()).update(cs)
            elif action == "disable-next-line":
                out.setdefault(no + 1, set()).update(cs)
        if all_off:
            # Every rule off except `codes`: record as ALL unless some were re-enabled.
            if not codes:
                out.setdefault(no, set()).add(ALL)
            else:
                from ..registry import RULES

                out.setdefault(no, set()).update(set(RULES) - codes)
        elif codes:
            out.setdefault(no, set()).update(codes)
    return {no: frozenset({ALL} if ALL in cs else cs) for no, cs in out.items() if cs}


@lru_cache(maxsize=32)
def load_words(paths: tuple[str, ...]) -> tuple[str, ...]:
    """Words from allow-list files: the first column of each line; `#` lines and blanks skipped
    (the same format the engine reads, see proofread.engine.guards.read_list)."""
    words = set()
    for path in paths:
        with open(path, encoding="utf-8-sig") as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line.split()[0])
    return tuple(sorted(words, key=len, reverse=True))


def allowed_ranges(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return [m.span() for m in pattern.finditer(text)]
