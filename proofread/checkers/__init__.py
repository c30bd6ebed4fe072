"""Checkers: small modules that turn a Document into findings.

Each module exposes ``CODES`` (the rule codes it can emit) and
``check(doc, options) -> Iterable[Finding]``. They are imported lazily so that a
run which only needs punctuation never loads the language model.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options

#: Module name -> the rule codes it emits. Order does not matter: the resolver sorts.
CHECKERS: dict[str, tuple[str, ...]] = {
    "quotes": ("P001", "P002", "P003", "P009"),
    "ascii_punct": ("P004",),
    "pairs": ("P004", "P009"),
    "marks": ("P005", "P006", "P007"),
    "fullwidth": ("P008",),
    "paragraph_end": ("P010", "P011", "P014"),
    "lookalike_marks": ("P012",),
    "number_spaces": ("P013",),
    "stray_period": ("P015",),
    "inner_colons": ("P017",),
    "pause_marks": ("P018",),
    "percent_signs": ("P019",),
    "missing_stop": ("P016",),
    "circle_stops": ("P020",),
    "title_marks": ("P004", "P012"),
    "document_numbers": ("P021",),
    "middle_dots": ("P022",),
    "spacing": ("S001",),
    "number_spacing": ("S002",),
    "latin": ("L001",),
    "number_letters": ("L002",),
    "confusable": ("C001", "C002"),
    "particles": ("C002",),
    "quote_chars": ("C003",),
    "phrases": ("C004",),
    "yi_marks": ("C006",),
    "date_units": ("C007",),
    "variants": ("V001",),
}

#: The modules that need no language model (cheap: the fix loop runs them again).
PUNCTUATION_MODULES = frozenset(
    (
        "quotes",
        "ascii_punct",
        "pairs",
        "marks",
        "fullwidth",
        "paragraph_end",
        "lookalike_marks",
        "number_spaces",
        "stray_period",
        "inner_colons",
        "pause_marks",
        "percent_signs",
        "missing_stop",
        "circle_stops",
        "title_marks",
        "document_numbers",
        "middle_dots",
    )
    + ("spacing", "number_spacing", "latin", "number_letters")
)


def run(doc: Document, options: Options, only: set[str] | None = None) -> Iterator[Finding]:
    """Findings of every enabled checker (or of the checker modules named in `only`)."""
    for module_name, codes in CHECKERS.items():
        if not any(options.enabled(c) for c in codes) or (only is not None and module_name not in only):
            continue
        module = importlib.import_module(f"{__name__}.{module_name}")
        for finding in module.check(doc, options):
            if options.enabled(finding.code):
                yield finding
