"""`path:line:col CODE message 原 → 改 (confidence)`, one finding a line, then a summary."""

from __future__ import annotations

from ..model import Finding
from . import counts_by_rule


def _show(s: str) -> str:
    """Make invisible originals visible: spaces, empty insertions."""
    if s == "":
        return "∅"
    return s.replace(" ", "␣").replace("\t", "⇥")


def line_of(path: str, f: Finding, applied: bool) -> tuple[str, ...]:
    """The parts of a report line: location, code, message, change, confidence, status."""
    repl = " | ".join(_show(r) for r in f.replacements) if f.replacements else "?"
    status = "fixed" if applied else ("fix" if f.safe else "suggestion")
    return (
        f"{path}:{f.line}:{f.col}",
        f.code,
        f.message,
        f"{_show(f.original)} → {repl}",
        f"({f.confidence:.2f})",
        f"[{status}]",
    )


def summary(results) -> str:
    counts = counts_by_rule(results)
    total = sum(counts.values())
    fixable = sum(1 for _, _, findings, _ in results for f in findings if f.safe)
    files = len(results)
    by_rule = ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))
    head = (
        f"{total} finding{'s' if total != 1 else ''} ({fixable} safe to fix) in {files} file{'s' if files != 1 else ''}"
    )
    return f"{head}: {by_rule}" if by_rule else head


def render(results, stream, color: bool) -> None:
    if not results:
        return  # every input failed; the errors are on stderr
    if color:
        return _render_rich(results, stream)
    for tf, _doc, findings, applied in results:
        used = {id(f) for f in applied.applied}
        for f in findings:
            loc, code, msg, change, conf, status = line_of(tf.path, f, id(f) in used)
            stream.write(f"{loc} {code} {msg} {change} {conf} {status}\n")
    stream.write(summary(results) + "\n")


def _render_rich(results, stream) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    styles = {"fix": "green", "fixed": "green", "suggestion": "yellow"}
    for tf, _doc, findings, applied in results:
        used = {id(f) for f in applied.applied}
        for f in findings:
            loc, code, msg, change, conf, status = line_of(tf.path, f, id(f) in used)
            line = Text()
            line.append(loc, "bold")
            line.append(" ")
            line.append(code, "bold red" if f.safe else "bold yellow")
            line.append(f" {msg} ")
            line.append(change, "cyan")
            line.append(f" {conf} ", "dim")
            line.append(status, styles[status.strip("[]")])
            console.print(line)
    console.print(Text(summary(results), "bold"))
