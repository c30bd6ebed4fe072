"""`make bench`: the speed figures the README quotes, measured on this machine.

1. Throughput of `check` (in process, after start-up) on the sample repeated to about 1 MB,
   one core, characters per second: all default rules, and the punctuation rules alone.
2. Cold start of `proofread check fixtures/speech_2020.txt` as a fresh process: median wall
   time of several runs, and its peak memory (max RSS).
3. The repository benchmark (200 Markdown files) when scripts/bench_repo.py is present.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "speech_2020.txt"
sys.path.insert(0, str(ROOT))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"
    )


def throughput(select: set[str] | None, label: str) -> None:
    from proofread import pipeline
    from proofread.model import Document
    from proofread.options import Options

    sample = SAMPLE.read_text(encoding="utf-8")
    prose = (ROOT / "fixtures" / "formal_prose.txt").read_text(encoding="utf-8")
    text = sample * max(1, round(1_000_000 / len(sample)))
    opts = Options(select=select)
    pipeline.check(Document(prose[:400]), opts)  # start-up: load models and data once
    # First sight: text the engine has not seen, so no window score comes from its memo.
    t0 = time.perf_counter()
    pipeline.check(Document(sample), opts)
    first = time.perf_counter() - t0
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        findings = pipeline.check(Document(text), opts)
        best = min(best, time.perf_counter() - t0)
    print(
        f"check throughput ({label}): first sight of the sample {len(sample) / first:,.0f} chars/s; "
        f"sample repeated to {len(text):,} chars {len(text) / best:,.0f} chars/s "
        f"(best of 3; repeats hit the window-score memo), {len(findings)} findings"
    )


def cold_start(runs: int = 7) -> None:
    exe = shutil.which("proofread")
    cmd = [exe] if exe else [sys.executable, "-m", "proofread"]
    cmd += ["check", str(SAMPLE)]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            sys.exit(f"proofread check failed: {proc.stderr.decode()[-500:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"cold start `proofread check {SAMPLE.relative_to(ROOT)}`: median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f}, {runs} runs); peak memory {peak_mb:.0f} MB"
    )


def main() -> None:
    print(f"machine: {machine()}")
    # Cold start first: a child's max RSS counts the parent's pages from before its exec,
    # so the peak memory figure is only honest while this process is still small.
    cold_start()
    throughput(None, "all default rules")
    throughput(
        {"P001", "P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009", "S001", "L001"}, "punctuation rules"
    )
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process after checking 1 MB with every rule: {own_mb:.0f} MB")
    repo = ROOT / "scripts" / "bench_repo.py"
    if repo.exists():
        subprocess.run([sys.executable, str(repo)], check=True)


if __name__ == "__main__":
    main()
