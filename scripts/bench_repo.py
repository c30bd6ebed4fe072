"""The repository benchmark: `proofread check` over 200 Markdown files of ~2,000 characters.

The files are generated in a temporary folder from the sample's sentences (so the
damage is the real kind: ASCII commas, broken quotes), wrapped in the Markdown a
team writes: headings, lists, a quote, a table, a link, inline code and a fenced
code block. Wall time of a fresh `proofread check FOLDER` process, start-up
included, is the figure (median of --runs); the budget is 3 s on 2 cores. CPU time
and the load average are printed too: on a shared machine wall time says little alone.

    python scripts/bench_repo.py [--files 200] [--chars 2000] [--runs 3] [--workers auto|0|N] [--strict] [-- CHECK-ARGS]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "speech_2020.txt"
BUDGET = 3.0


def sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    return [s for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s) > 8]


def document(rng: random.Random, pool: list[str], chars: int, n: int) -> str:
    out = [f"# 文档 {n}\n\n"]
    size = 0
    block = 0
    while size < chars:
        block += 1
        kind = block % 6
        picked = rng.sample(pool, 3)
        if kind == 1:
            out.append(f"## 第{block}部分\n\n")
        if kind == 2:
            item = "\n".join(f"- {s}" for s in picked)
            out.append(item + "\n\n")
        elif kind == 3:
            out.append(f"> {picked[0]}\n\n")
            out.append(f"详见[相关文件](https://example.org/doc/{n}/{block}.html)和`config.yaml`。{picked[1]}\n\n")
        elif kind == 4:
            out.append("| 项目 | 说明 |\n|---|---|\n" + f"| 指标 | {picked[0]} |\n\n")
        elif kind == 5:
            out.append('```python\nprint("增长X%,三产")  # 代码里的逗号,不改\n```\n\n')
            out.append("".join(picked) + "\n\n")
        else:
            out.append("".join(picked) + "\n\n")
        size = sum(len(p) for p in out)
    return "".join(out)


def generate(folder: Path, files: int, chars: int) -> int:
    rng = random.Random(2020)
    pool = sentences()
    total = 0
    for i in range(files):
        text = document(rng, pool, chars, i)
        (folder / f"doc_{i:03d}.md").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--chars", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="auto", help="auto (default), 0 (serial) or a number (PROOFREAD_WORKERS)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when over the budget")
    ap.add_argument("extra", nargs="*", help="extra arguments for `proofread check` (after --)")
    args = ap.parse_args()
    env = dict(os.environ, NO_COLOR="1")
    if args.workers != "auto":
        env["PROOFREAD_WORKERS"] = args.workers
    with tempfile.TemporaryDirectory(prefix="proofread-bench-") as tmp:
        folder = Path(tmp)
        total = generate(folder, args.files, args.chars)
        times = []
        cpu = []
        summary = ""
        for _ in range(args.runs):
            t0 = time.perf_counter()
            c0 = os.times()
            proc = subprocess.run(
                [sys.executable, "-m", "proofread.cli", "check", *args.extra, str(folder)],
                capture_output=True,
                env=env,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - t0)
            c1 = os.times()
            cpu.append(c1.children_user + c1.children_system - c0.children_user - c0.children_system)
            if proc.returncode not in (0, 1):
                sys.stderr.write(proc.stderr.decode())
                return 2
            summary = proc.stderr.decode().strip().splitlines()[-1]
        wall = statistics.median(times)
        verdict = "within" if wall <= BUDGET else "OVER"
        print(
            f"repository check: {args.files} Markdown files, {total:,} characters, "
            f"{wall:.2f} s wall (median of {args.runs}; runs {', '.join(f'{t:.2f}' for t in times)}), "
            f"{verdict} the {BUDGET:.0f} s budget, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
        )
        print(f"  CPU time (user+sys, all processes): {statistics.median(cpu):.2f} s; last run: {summary}")
    return 1 if args.strict and wall > BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
