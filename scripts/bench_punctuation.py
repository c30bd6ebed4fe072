"""Throughput of the punctuation, spacing and stray-letter checkers alone (no character engine).

Usage: python scripts/bench_punctuation.py [PATH] — the sample repeated to about 1 MB;
prints each checker module's time and the pipeline's (best of three runs).
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

from proofread import checkers, pipeline
from proofread.checkers import charclass
from proofread.model import Document
from proofread.options import Options

MODULES = ("quotes", "ascii_punct", "pairs", "marks", "fullwidth", "spacing", "latin")


def _best(fn, runs: int = 3):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures/speech_2020.txt")
    sample = path.read_text(encoding="utf-8")
    text = sample * (1_000_000 // len(sample) + 1)
    options = Options(select={c for m in MODULES for c in checkers.CHECKERS[m]})
    print(f"{len(text):,} characters ({path} repeated)")
    for name in MODULES:
        module = importlib.import_module(f"proofread.checkers.{name}")

        def run(module=module):
            charclass._PROTECTED_CACHE.clear()  # count the shared look-ups in every module
            return sum(1 for _ in module.check(Document(text), options))

        seconds, found = _best(run)
        print(f"  {name:12} {found:6} findings {seconds * 1000:8.1f} ms {len(text) / seconds / 1e6:7.2f} M chars/s")
    seconds, (applied, findings) = _best(lambda: pipeline.fix(Document(text), options))
    print(
        f"pipeline.fix with these rules: {seconds:.3f} s = {len(text) / seconds / 1e6:.2f} M chars/s "
        f"({len(findings)} findings, {len(applied.applied)} applied)"
    )


if __name__ == "__main__":
    main()
