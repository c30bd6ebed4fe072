"""Shared by the review-page tests: made-up findings (the page must not depend on the engine) and a browser."""

from __future__ import annotations

import contextlib
import re

from proofread.model import Document, Finding
from proofread.registry import RULES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HANZI = "\u4e00-\u9fff"


def made_up_findings(text: str) -> list[Finding]:
    """Findings of every shape the page must handle, found by plain patterns (test data, not rules).

    Safe replacements, a deletion suggestion, a suggestion with two alternatives, an insertion
    point, a note without replacement, and two findings that overlap.
    """
    doc = Document(text)
    out: list[Finding] = []
    for m in re.finditer(rf"(?<=[{HANZI}%]),(?=[{HANZI}])", text):
        out.append(doc.finding(RULES["P004"], m.start(), m.end(), "，", 1.0))
    for m in re.finditer("〃", text):
        out.append(doc.finding(RULES["P001"], m.start(), m.end(), "”", 0.98))
    for m in re.finditer(rf"(?<=[{HANZI}])[A-WYZ](?=X)", text):
        out.append(doc.finding(RULES["L001"], m.start(), m.end(), "", 0.6))
    m = re.search(rf"(?<=[{HANZI}])的(?=[{HANZI}])", text)
    if m:
        out.append(doc.finding(RULES["C002"], m.start(), m.end(), ("得", "地"), 0.55, safe=False))
        # Overlaps the one above: a wider span with its own proposal.
        out.append(
            doc.finding(
                RULES["C004"], m.start() - 1, m.end() + 1, text[m.start() - 1] + "得" + text[m.end()], 0.5, safe=False
            )
        )
    m = re.search(rf"[{HANZI}] [{HANZI}]", text)
    if m:
        out.append(doc.finding(RULES["S001"], m.start() + 1, m.start() + 2, "", 0.7))
    m = re.search(rf"[{HANZI}]{{2}}。", text)
    if m:
        out.append(doc.finding(RULES["P009"], m.start(), m.start() + 1, (), 0.3, message="note without a proposal"))
        out.append(
            doc.finding(RULES["P007"], m.end() - 1, m.end() - 1, "”", 0.4, safe=False, message="insertion point")
        )
        # starts where the insertion is: both cannot apply; a replacement with spaces in it
        out.append(doc.finding(RULES["P005"], m.end() - 1, m.end(), (" 。 ", "……"), 0.3, safe=False))
    return out


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
