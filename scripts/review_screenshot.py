"""Regenerate docs/review-page.png, the README's picture of the review page.

Usage: python scripts/review_screenshot.py [FILE] [-o docs/review-page.png]

Builds the report of FILE (default: the user's sample) with the current engine, opens it in
headless Chromium (/usr/bin/chromium), selects the first character-level finding (else the
first finding) so the detail panel is filled, and takes the screenshot.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from review_helpers import browser  # noqa: E402

from proofread import pipeline  # noqa: E402
from proofread.inputs.prepare import document  # noqa: E402
from proofread.inputs.text import read_file  # noqa: E402
from proofread.reporters import html  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "fixtures" / "speech_2020.txt"))
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "review-page.png"))
    args = parser.parse_args()
    tf = read_file(args.file)
    findings = pipeline.check(document(tf))
    pick = next((i for i, f in enumerate(findings) if f.kind == "confusable"), 0)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(html.report_html(tf, findings), encoding="utf-8")
        with browser() as b:
            page = b.new_page(viewport={"width": 1280, "height": 820}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            page.wait_for_selector("html[data-ready]")
            if findings:
                page.click(f'.f[data-i="{pick}"]')
                page.eval_on_selector(".f.sel", "e => e.scrollIntoView({block: 'center'})")
            page.screenshot(path=args.output)
    print(f"wrote {args.output} ({len(findings)} findings)")


if __name__ == "__main__":
    main()
