"""Many files: expand paths into jobs (file, format, options) and check them, in parallel when it pays.

Expansion. A named file is always a job (unless its config excludes it, so that
pre-commit's file lists honour ``exclude``). A folder is walked: inside a git
work tree ``git ls-files --cached --others --exclude-standard`` lists what is
not ignored (``.gitignore``, ``.git/info/exclude``, the global excludes file);
elsewhere we walk the tree and skip VCS, virtualenv and cache folders. Walked
files must match the governing config's ``include`` globs (default: the
Markdown and text extensions) and not its ``exclude``.

Running. Start-up matters more than throughput for the usual pre-commit run of
a few files, so files are first checked in this process. Once that has taken a
while (WARMUP) and the rest, at the rate of the files after the first (which
pays for loading models), looks long enough to win from it, the remaining files
go to a pool of forked workers (one per core): a fork starts in milliseconds and
inherits every model already loaded here, copy-on-write.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass

from . import config as configs
from .options import Options

#: Folders never walked into when git is not there to say what is ignored.
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache"}
#: Check serially for at least this long before considering workers (seconds).
WARMUP = 0.15
#: Fork workers only when the remaining work is estimated at more than this (seconds).
PARALLEL_MIN_SECONDS = 0.3


@dataclass
class Job:
    path: str  # as given or found; "-" for standard input
    fmt: str  # markdown | text
    options: Options
    walked: bool = False  # found in a folder (an empty one is skipped), not named


@dataclass
class Outcome:
    path: str
    result: tuple | None = None  # (textfile, doc, findings, applied), what the reporters take
    error: str | None = None


class Plan:
    """The jobs for a command line, and the errors met while expanding it."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.errors: list[str] = []
        self._options: dict[int, Options] = {}

    def options(self, config: configs.Config, cli: Options, given: set[str]) -> Options:
        # One Options per config, so checkers can cache per options object.
        key = id(config)
        if key not in self._options:
            self._options[key] = config.options(cli, given)
        return self._options[key]


def _git_root(folder: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", folder, "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None


def _git_files(folder: str) -> list[str] | None:
    """Files under `folder` that git does not ignore, or None when git cannot tell."""
    if _git_root(folder) is None:
        return None
    out = subprocess.run(
        ["git", "-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
        capture_output=True,
    )
    if out.returncode != 0:
        return None
    names = sorted({n for n in out.stdout.decode("utf-8", "surrogateescape").split("\0") if n})
    return [os.path.normpath(os.path.join(folder, n)) for n in names]


def _walk_files(folder: str) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        found.extend(os.path.normpath(os.path.join(dirpath, f)) for f in sorted(filenames))
    return found


def _folder_files(folder: str) -> list[str]:
    listed = _git_files(folder)
    files = listed if listed is not None else _walk_files(folder)
    out = []
    for path in files:
        if not os.path.isfile(path):  # deleted but still in the index; submodules
            continue
        cfg = configs.for_path(path)
        if cfg.included(path) and not cfg.excluded(path):
            out.append(path)
    return out


def _excluded(path: str) -> bool:
    """Excluded by the config that governs it (the nearest one: configs are not merged)."""
    return configs.for_path(path).excluded(path)


def plan(paths: list[str], cli: Options, given: set[str] = frozenset()) -> Plan:
    """Expand `paths` (files, folders, -) into jobs with their format and options.

    Raises configs.ConfigError for a broken config file (the CLI exits with 2).
    """
    from .inputs.prepare import format_of

    p = Plan()
    seen: set[str] = set()

    def add(path: str, walked: bool = False) -> None:
        key = os.path.abspath(path) if path != "-" else "-"
        if key in seen:
            return
        seen.add(key)
        cfg = configs.find(os.getcwd()) if path == "-" else configs.for_path(path)
        fmt = "text" if path == "-" else format_of(path, cfg.extensions)
        p.jobs.append(Job(path, fmt, p.options(cfg, cli, given), walked))

    for path in paths:
        if path == "-":
            add(path)
        elif os.path.isdir(path):
            found = _folder_files(path)
            if not found:
                p.errors.append(f"{path}: directory holds no files to check (see include/exclude)")
            for file in found:
                add(file, walked=True)
        elif os.path.exists(path):
            if not _excluded(path):
                add(path)
        else:
            p.errors.append(f"{path}: no such file or folder")
    return p


# --- running ---------------------------------------------------------------------------


def check_one(job: Job, encoding: str | None = None) -> Outcome:
    """Read, prepare and check one file (the work a worker does)."""
    from . import pipeline
    from .inputs import prepare
    from .inputs.text import InputError, read_file

    try:
        tf = read_file(job.path, encoding)
    except InputError as exc:
        if job.walked and str(exc).endswith("file is empty"):
            return Outcome(job.path)  # an empty file in a folder is nothing to check, not an error
        return Outcome(job.path, error=str(exc))
    doc = prepare.document(tf, job.fmt, job.options)
    applied, findings = pipeline.fix(doc, job.options)
    return Outcome(job.path, (tf, doc, findings, applied))


def _work(args) -> Outcome:
    job, encoding = args
    return check_one(job, encoding)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path) if path != "-" else 0
    except OSError:
        return 0


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class Run:
    outcomes: list[Outcome]
    seconds: float
    workers: int  # 0 = everything in this process


def run(jobs: list[Job], encoding: str | None = None, workers: int | None = None) -> Run:
    """Check every job; outcomes come back in job order.

    `workers` None decides by measurement (see the module doc), unless the
    environment sets PROOFREAD_WORKERS; 0 forces serial, n > 0 a pool of n after the first file.
    """
    start = time.perf_counter()
    if workers is None and os.environ.get("PROOFREAD_WORKERS", "").isdigit():
        workers = int(os.environ["PROOFREAD_WORKERS"])  # for benchmarks and debugging
    sizes = [_size(j.path) for j in jobs]
    remaining_bytes = sum(sizes)
    outcomes: list[Outcome] = []
    used = 0
    i = 0
    n_cores = cores() if workers is None else workers
    first_done = start  # when the first file (which pays for loading models) was finished
    while i < len(jobs):
        outcomes.append(check_one(jobs[i], encoding))
        remaining_bytes -= sizes[i]
        i += 1
        now = time.perf_counter()
        if i == 1:
            first_done = now
        left = len(jobs) - i
        if left < 2 or n_cores < 2:
            continue
        if workers is None:
            if i < 2 or now - start < WARMUP:
                continue
            # Rate of the files after the first: model loading is paid once, and the
            # workers inherit what is loaded.
            rate = (now - first_done) / max(1, sum(sizes[1:i]))
            if rate * remaining_bytes < PARALLEL_MIN_SECONDS:
                continue
        used = min(n_cores, left)
        outcomes.extend(_pool_map(jobs[i:], encoding, used))
        break
    return Run(outcomes, time.perf_counter() - start, used)


def _pool_map(jobs: list[Job], encoding: str | None, n: int) -> list[Outcome]:
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return [check_one(j, encoding) for j in jobs]  # spawn would re-import everything: not worth it
    ctx = multiprocessing.get_context("fork")
    chunk = max(1, min(8, len(jobs) // (n * 4)))  # small chunks: workers finish together
    sys.stdout.flush()
    sys.stderr.flush()
    with ctx.Pool(n) as pool:
        return list(pool.imap(_work, [(j, encoding) for j in jobs], chunksize=chunk))


def summary(r: Run) -> str:
    """One line: files, findings by rule, time (and workers, when any were used)."""
    counts = Counter(f.code for o in r.outcomes if o.result for f in o.result[2])
    files = sum(1 for o in r.outcomes if o.result)
    total = sum(counts.values())
    by_rule = ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))
    errors = sum(1 for o in r.outcomes if o.error)
    parts = [f"{files} file{'s' if files != 1 else ''}", f"{total} finding{'s' if total != 1 else ''}"]
    if by_rule:
        parts[-1] += f" ({by_rule})"
    if errors:
        parts.append(f"{errors} unreadable")
    how = f" on {r.workers} workers" if r.workers else ""
    return f"checked {', '.join(parts)} in {r.seconds:.2f} s{how}"


def given_flags(ctx) -> set[str]:
    """Names of the parameters set on the command line (not left at their defaults)."""
    if ctx is None:
        return set()
    out = set()
    for name in ctx.params:
        source = ctx.get_parameter_source(name)
        if source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP"):
            out.add(name)
    return out
