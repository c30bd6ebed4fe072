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
    """Return the fixed source text (with the findings applied) and all findings."""
    options = options or Options()
    findings = check(doc, options)
    applied = resolver.apply(doc.source, findings, options.threshold, options.unsafe_fixes)
    return applied, findings
