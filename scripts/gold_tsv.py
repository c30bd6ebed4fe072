"""Writing the gold sets of `proofread eval` (id, source, target), shared by the OCR set generators."""

from __future__ import annotations

import sys
from pathlib import Path


def write(path: Path, rows: list[tuple[str, str, str]]) -> None:
    """Header row, tab-separated, UTF-8, LF, no quoting: what `proofread eval` reads."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("id\tsource\ttarget\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def summarize(aligned: list[tuple[str, str, str]], unaligned: list[tuple[str, str, str]], dry_run: bool) -> bool:
    """Print the counts; with `dry_run`, print every wrong reading and return True (write nothing)."""
    errors = sum(s != t for _, s, t in aligned)
    print(f"aligned {len(aligned)} ({errors} with errors), unaligned {len(unaligned)}", file=sys.stderr)
    if dry_run:
        for sid, s, t in aligned + unaligned:
            if s != t:
                print(sid, s, t, sep="\t")
    return dry_run
