"""The core data model: rules, findings and the document they point into.

A checker never edits text. It returns :class:`Finding` objects whose span is a
character range of :attr:`Document.text`; only :mod:`proofread.resolver` applies
fixes. Offsets are Python string indices (code points), lines and columns are
1-based, and columns count characters, not bytes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum

#: Filler that input adapters (Markdown, inline suppressions) put over text that
#: must not be checked. It keeps every offset valid (Vale's trick); a finding
#: that touches it is dropped by the resolver.
MASK = "\ufffc"


class FixSafety(StrEnum):
    """How far a rule's fix may be trusted (ruff's fix applicability)."""

    ALWAYS = "always"  # every finding of the rule carries a safe fix
    SOMETIMES = "sometimes"  # safe when the finding is certain, else a suggestion
    NEVER = "never"  # findings are reported, never applied by default


class Kind(StrEnum):
    """What a rule is about; the reporters group and colour by it."""

    PUNCTUATION = "punctuation"
    SPACING = "spacing"
    CONFUSABLE = "confusable"
    VARIANT = "variant"
    NOISE = "noise"
    GRAMMAR = "grammar"


@dataclass(frozen=True)
class Rule:
    code: str  # stable; never reused (P punctuation, S spacing, C characters, V variants, L letters)
    name: str  # kebab-case
    kind: Kind
    summary: str  # one line: what it finds
    fix: FixSafety
    doc: str  # "What it does / Why is this bad? / Example", printed by `proofread explain`
    status: str = "stable"  # or "preview"


@dataclass(frozen=True)
class Finding:
    """One thing a checker found: where, what, why, how sure, and what to write instead."""

    code: str
    name: str
    message: str
    start: int  # character offset into Document.text, inclusive
    end: int  # exclusive; start == end is an insertion point
    line: int  # 1-based line of `start`
    col: int  # 1-based column (characters) of `start`
    original: str  # text[start:end]
    replacements: tuple[str, ...]  # best first; empty = nothing to propose
    confidence: float  # 0..1
    safe: bool  # may the first replacement be applied without asking?
    kind: str = Kind.PUNCTUATION.value
    data: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def replacement(self) -> str | None:
        return self.replacements[0] if self.replacements else None

    def to_dict(self) -> dict:
        """Every field of the model, in the stable JSON schema (see README)."""
        out = {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "message": self.message,
            "line": self.line,
            "col": self.col,
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacements": list(self.replacements),
            "confidence": round(self.confidence, 3),
            "safe": self.safe,
        }
        if self.data:
            out["data"] = self.data
        return out


class Document:
    """The text being checked, with fast offset -> (line, col) lookup.

    `text` is what checkers see (possibly with masked regions); `source` is the
    text as read, which is what fixes are applied to. Both have the same length.
    """

    def __init__(self, text: str, path: str = "<stdin>", source: str | None = None, meta=None):
        self.text = text
        self.source = text if source is None else source
        if len(self.source) != len(self.text):
            raise ValueError("masked text must keep every offset of the source")
        self.path = path
        self.meta = meta or {}
        self._line_starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            self._line_starts.append(i + 1)
            i = find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the newline) of a 1-based line."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def finding(
        self,
        rule: Rule,
        start: int,
        end: int,
        replacements: tuple[str, ...] | list[str] | str = (),
        confidence: float = 1.0,
        message: str | None = None,
        safe: bool | None = None,
        data: dict | None = None,
    ) -> Finding:
        """Build a finding for `rule` at [start, end), filling in position and original text."""
        if isinstance(replacements, str):
            replacements = (replacements,)
        if safe is None:
            safe = rule.fix is FixSafety.ALWAYS
        line, col = self.position(start)
        return Finding(
            code=rule.code,
            name=rule.name,
            message=message or rule.summary,
            start=start,
            end=end,
            line=line,
            col=col,
            original=self.source[start:end],
            replacements=tuple(replacements),
            confidence=confidence,
            safe=bool(safe) and bool(replacements),
            kind=rule.kind.value,
            data=data or {},
        )
