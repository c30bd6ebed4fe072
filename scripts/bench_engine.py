"""Throughput of the character engine on text it has not seen in this process (no memo hits).

`python scripts/bench_engine.py`: distinct formal prose (the OCR eval sources, the clean prose
fixture and the sample), checked with the character rules only and with all rules, one core,
after start-up; the language model's memo is cleared before each timed run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus() -> str:
    from proofread.engine.evaluate import read_gold

    parts = [(ROOT / "fixtures" / "speech_2020.txt").read_text(encoding="utf-8")]
    prose = ROOT / "fixtures" / "formal_prose.txt"
    if prose.exists():
        parts.append("\n".join(ln for ln in prose.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")))
    gold = ROOT / "fixtures" / "ocr_eval.tsv"
    if gold.exists():
        parts.append("\n".join(src for _, src, _ in read_gold(gold)))
    return "\n".join(parts) + "\n"


def main() -> None:
    from proofread import pipeline
    from proofread.engine import api
    from proofread.model import Document
    from proofread.options import Options

    text = corpus()
    for label, select in (("character rules", {"C001", "C002", "C003", "C004", "V001"}), ("all rules", None)):
        opts = Options(select=select)
        pipeline.check(Document("预热。"), opts)  # start-up: models and tables
        model = api.get(opts).model
        best = best_cpu = float("inf")
        for _ in range(3):
            model._memo.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            findings = pipeline.check(Document(text), opts)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        print(
            f"{label}: {len(text) / best:,.0f} chars/s wall, {len(text) / best_cpu:,.0f} chars/s of CPU time, "
            f"on {len(text):,} distinct chars, {len(findings)} findings"
        )


if __name__ == "__main__":
    main()
