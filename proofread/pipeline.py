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
    if applied.applied:
        first = applied.applied
        applied = _until_stable(doc, applied, options)
        if applied.applied is not first:
            # merged or moved fixes replace the first-pass findings they came from
            kept = {id(f) for f in applied.applied}
            gone = {id(f) for f in first if id(f) not in kept}
            known = {id(f) for f in findings}
            added = [f for f in applied.applied if id(f) not in known]
            findings = sorted([f for f in findings if id(f) not in gone] + added, key=lambda f: (f.start, f.end))
    reports = [f for f in findings if not f.replacements]
    if reports and applied.applied:
        resolved = _resolved_reports(doc, reports, applied, options)
        if resolved:
            findings = [f for f in findings if id(f) not in resolved]
            applied.skipped = [f for f in applied.skipped if id(f) not in resolved]
    return applied, findings


#: Passes after the first. Fixes of one rule can make text another rule fixes (a look-alike
#: comma next to a real one: 的,﹐ → 的，， → 的，); like ruff, fix again until nothing changes.
MORE_PASSES = 2


def _until_stable(doc: Document, applied: resolver.Applied, options: Options) -> resolver.Applied:
    """Run the punctuation checkers again on the fixed text and fold their fixes into `applied`.

    Only the punctuation modules: they are what fixes compose with, and they are cheap; the
    character engine runs once.
    """
    done = applied.applied
    for _ in range(MORE_PASSES):
        masked = resolver.splice(doc.text, done)  # fixes never touch masked text
        after = Document(masked, path=doc.path, source=resolver.splice(doc.source, done), meta=doc.meta)
        found = resolver.resolve(checkers.run(after, options, only=checkers.PUNCTUATION_MODULES), after.text)
        suppressed = doc.meta.get("suppress")
        if suppressed:
            found = suppressed.filter(found)
        more = resolver.select_fixes(found, options.threshold, options.unsafe_fixes)
        if not more:
            break
        done = resolver.compose(doc.source, done, more, doc.position)
    if done is applied.applied:
        return applied
    return resolver.Applied(resolver.splice(doc.source, done), done, applied.skipped)


def _resolved_reports(doc: Document, reports: list[Finding], applied: resolver.Applied, options: Options) -> set[int]:
    """ids of the reports that the checkers that made them no longer make on the fixed text."""
    modules = {name for name, codes in checkers.CHECKERS.items() if any(f.code in codes for f in reports)}
    masked = resolver.splice(doc.text, applied.applied)  # fixes never touch masked text
    after = Document(masked, path=doc.path, meta=doc.meta)
    still = {(f.code, f.start) for f in checkers.run(after, options, only=modules)}
    shift = resolver.offset_map(applied.applied)
    return {id(f) for f in reports if (f.code, shift(f.start)) not in still}
