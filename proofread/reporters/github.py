"""GitHub Actions workflow annotations: one ``::warning`` line per finding.

Format: ``::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``
(https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
Values are escaped as the runner expects: ``%``, CR and LF everywhere, and
``:`` and ``,`` inside properties. Columns count characters, as everywhere else.
"""

from __future__ import annotations


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def line(path: str, doc, f) -> str:
    end_line, end_col = doc.position(f.end) if doc is not None else (f.line, f.col + (f.end - f.start))
    repl = " | ".join(f.replacements) if f.replacements else ""
    change = f"{f.original} → {repl}" if repl else f.original
    status = "fix" if f.safe else "suggestion"
    message = f"{f.message}: {change} ({status}, confidence {f.confidence:.2f})"
    props = (
        f"file={_prop(path)},line={f.line},col={f.col},endLine={end_line},endColumn={end_col},"
        f"title={_prop(f'{f.code} {f.name}')}"
    )
    return f"::warning {props}::{_data(message)}"


def render(results, stream, color: bool = False) -> None:
    for tf, doc, findings, _applied in results:
        for f in findings:
            stream.write(line(tf.path, doc, f) + "\n")
