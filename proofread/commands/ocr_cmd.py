"""`proofread ocr FILE...`: read scanned pages (PNG, JPEG, TIFF, PDF), then check them like text.

The OCR text goes through the same pipeline and reporters as `check`/`fix`. The
recogniser's per-character confidences travel with the document as
``doc.meta["ocr_confidence"]`` (``[(start, end, score), ...]``, one span per recognised
character), its line scores as ``["ocr_lines"]`` and its runner-up readings as
``["ocr_alternatives"]`` (offset → ``[(char, prob), ...]``), so the engine can be bolder
where OCR itself was unsure. Findings in such text carry ``data["ocr_confidence"]``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from proofread.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, _fail, _options, app
from proofread.cli_options import (
    FORMATS,
    Allow,
    Color,
    Engine,
    Format,
    Ignore,
    Model,
    Phrases,
    Select,
    Threshold,
    UnsafeFixes,
)

#: Below this recogniser probability a character counts as doubtful and findings show it.
LOW_CONFIDENCE = 0.95
#: At or above it the recogniser is as good as certain: on degraded renderings of formal prose
#: none of 100 substituted characters was read this surely (a third of the correct ones were),
#: so a character repair there is a suggestion, never an automatic fix.
SURE = 0.99


@app.command()
def ocr(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Images (PNG, JPEG, TIFF) or PDFs.", show_default=False)],
    fmt: Format = "text",
    diff: Annotated[bool, typer.Option("--diff", help="Show the fixes as a diff report.")] = False,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the fixed text to this file.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Print the OCR text alone; no checks.")] = False,
    force_ocr: Annotated[bool, typer.Option("--force-ocr", help="OCR PDF pages even if they have text.")] = False,
    dpi: Annotated[int, typer.Option("--dpi", help="Resolution for rendering PDF pages.")] = 200,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes for OCR (0 = one per core).")] = 0,
    unsafe_fixes: UnsafeFixes = False,
    select: Select = None,
    ignore: Ignore = None,
    threshold: Threshold = 0.0,
    engine: Engine = "default",
    model: Model = None,
    phrases: Phrases = None,
    allow: Allow = None,
    color: Color = None,
) -> None:
    """OCR scanned pages, then report and fix like `check`. Exit 0 clean, 1 findings, 2 errors."""
    from proofread.inputs.pages import scan

    if fmt not in FORMATS:
        raise _fail(f"unknown --format {fmt!r} ({', '.join(FORMATS)})")
    if output and len(paths) > 1:
        raise _fail("--output takes the text of one input file; give one file")
    if not 50 <= dpi <= 1200:
        raise _fail("--dpi must be between 50 and 1200")
    opts = _options(select, ignore, threshold, "ocr", engine, model, phrases, unsafe_fixes, allow=allow)

    scans = scan(paths, dpi=dpi, force_ocr=force_ocr, jobs=jobs or None, progress=_progress(paths))
    errors = 0
    results = []
    for res in scans:
        if res.error:
            sys.stderr.write(f"proofread: {res.error}\n")
            errors += 1
            continue
        for warning in res.warnings:
            sys.stderr.write(f"proofread: {warning}\n")
        # A page that could not be read loses text: an error. A blank page is only reported.
        errors += any(page.error for page in res.pages)
        if raw:
            sys.stdout.write(res.text.text + "\n")
            continue
        results.append(check_scan(res, _file_options(res.path, opts, ctx)))
    if raw:
        sys.stdout.flush()
        raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)
    if output and results:
        from proofread.inputs.text import write_atomic

        tf, _, _, applied = results[0]
        write_atomic(output, tf.encode(applied.text))
    if results:
        from proofread.reporters import render

        render("diff" if diff else fmt, results, sys.stdout, color=color)
    found = any(findings for _, _, findings, _ in results)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_FOUND if found else EXIT_CLEAN)


def _file_options(path: str, opts, ctx):
    """The options for one scanned file: flags > the nearest config (as for `check`) > defaults."""
    from proofread import config as configs
    from proofread import files

    try:
        return configs.for_path(path).options(opts, files.given_flags(ctx))
    except configs.ConfigError as exc:
        raise _fail(str(exc)) from None


def check_scan(res, opts):
    """Check one scanned file's text; returns the reporters' (textfile, doc, findings, applied)."""
    from proofread import pipeline, resolver
    from proofread.inputs.text import TextFile
    from proofread.model import Document

    text = res.text.text
    tf = TextFile(res.path, text, "utf-8")
    meta = {
        "format": "text",
        "ocr_confidence": res.text.spans,
        "ocr_lines": res.text.lines,
        "ocr_alternatives": res.text.alternatives,
    }
    doc = Document(text, path=res.path, meta=meta)
    findings = pipeline.check(doc, opts)
    if opts.enabled("C001"):
        # Not in CHECKERS: it needs this metadata, and its repairs must win over the same
        # repair held back by the engine (see _dedupe), which the resolver's dedupe would not do.
        from proofread.checkers import ocr_alternatives

        findings = resolver.resolve(_dedupe(findings + list(ocr_alternatives.check(doc, opts))), doc.text)
    findings = annotate(findings, res.text.spans, len(text))
    findings = _trust_sure_characters(findings, res.text.spans, len(text))
    applied = resolver.apply(doc.source, findings, opts.threshold, opts.unsafe_fixes)
    return tf, doc, findings, applied


def _dedupe(findings):
    """One finding per repair: the language-model engine and the OCR-alternatives checker can
    both propose the same character at the same place; keep the safe one, else the more
    confident. (The engine holds back a repair the document repeats, 自标 three times; the
    recogniser's doubt about each copy is evidence of its own.)"""
    best = {}
    for f in findings:
        key = (f.start, f.end, f.replacement)
        if f.replacement is None or key not in best or (f.safe, f.confidence) > (best[key].safe, best[key].confidence):
            best[key if f.replacement is not None else id(f)] = f
    keep = {id(f) for f in best.values()}
    return [f for f in findings if id(f) in keep]


def _char_scores(spans, length) -> list[float]:
    """The recogniser's probability of each character of the text (1.0 where it has none)."""
    score = [1.0] * length
    for start, end, s in spans:
        for k in range(start, min(end, length)):
            score[k] = s
    return score


def _trust_sure_characters(findings, spans, length):
    """Make character repairs on characters the recogniser was sure of suggestions, not fixes."""
    from dataclasses import replace

    if not spans:
        return findings
    score = _char_scores(spans, length)
    # Repairs taken from the recogniser's own second reading (ocr_alternatives marks them).
    doubted = {f.start: score[f.start] for f in findings if f.safe and "ocr_alternative" in f.data}
    out = []
    for f in findings:
        if f.safe and f.code[0] in "CV" and f.end > f.start and "ocr_alternative" not in f.data:
            here = min(score[f.start : f.end])
            # Two damaged-looking neighbours (水身 for 水旱): the engine, seeing the pair, may
            # repair the one OCR was sure of (水 → 本, 本身 being a word); trust OCR's doubt.
            beside = [doubted[k] for k in (f.start - 1, f.end) if k in doubted]
            if here >= SURE or any(here > d for d in beside):
                f = replace(f, safe=False, data={**f.data, "ocr_sure": True})
        out.append(f)
    return out


def annotate(findings, spans, length):
    """Give findings in doubtful OCR text `data["ocr_confidence"]` (lowest score in or next to the span)."""
    from dataclasses import replace

    if not spans:
        return findings
    score = _char_scores(spans, length)
    out = []
    for f in findings:
        lo, hi = f.start, max(f.end, f.start + 1)
        if f.start == f.end:  # an insertion point: the characters on both sides
            lo = max(0, f.start - 1)
        window = score[lo:hi] or [1.0]
        low = min(window)
        out.append(replace(f, data={**f.data, "ocr_confidence": round(low, 3)}) if low < LOW_CONFIDENCE else f)
    return out


class _Progress:
    """A rich progress bar on stderr, shown only on a terminal and for several pages."""

    def __init__(self):
        self.bar = None
        self.task = None

    def start(self, total: int) -> None:
        if total < 2:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("OCR"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("pages", total=total)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _progress(paths):
    return _Progress() if sys.stderr.isatty() else None
