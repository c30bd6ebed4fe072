"""Check and fix a text: run the checkers, then the resolver. No I/O here."""

from __future__ import annotations

from . import checkers, resolver
from .model import Document, Finding
from .options import Options


def check(doc: Document, options: Options | None = None) -> list[Finding]:
    options = options or Options()
    findings = resolver.resolve(checkers.run(doc, options), doc.text)
    suppressed = doc.meta.get("suppress")  # inline proofread-disable comments, allow-list
    return suppressed.filter(findings) if suppressed else findings


def fix(doc: Document, options: Options | None = None) -> tuple[resolver.Applied, list[Finding]]:
    """Return the fixed source text (with the findings applied) and all findings.

    A report without a replacement (an unbalanced quote, say) that one of the applied fixes
    resolved (a character read for the missing ” was put back) is dropped: the report an
    editor reads must describe the text they will get.
    """
    options = options or Options()
    findings = check(doc, options)
    applied = resolver.apply(doc.source, findings, options.threshold, options.unsafe_fixes)
    reports = [f for f in findings if not f.replacements]
    if reports and applied.applied:
        resolved = _resolved_reports(doc, reports, applied, options)
        if resolved:
            findings = [f for f in findings if id(f) not in resolved]
            applied.skipped = [f for f in applied.skipped if id(f) not in resolved]
    return applied, findings


def _resolved_reports(doc: Document, reports: list[Finding], applied: resolver.Applied, options: Options) -> set[int]:
    """ids of the reports that the checkers that made them no longer make on the fixed text."""
    modules = {name for name, codes in checkers.CHECKERS.items() if any(f.code in codes for f in reports)}
    masked = resolver.apply(doc.text, applied.applied).text  # fixes never touch masked text
    after = Document(masked, path=doc.path, meta=doc.meta)
    still = {(f.code, f.start) for f in checkers.run(after, options, only=modules)}
    shift = resolver.offset_map(applied.applied)
    return {id(f) for f in reports if (f.code, shift(f.start)) not in still}
