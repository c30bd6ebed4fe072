"""The command-line options several commands share, each defined once.

A command takes one as ``select: Select = None``: typer reads the flag and help from the
alias and the default from the signature (it does not accept a default inside Annotated).
Only typer is imported here: this module loads on every start-up.
"""

from __future__ import annotations

from typing import Annotated

import typer

Paths = Annotated[
    list[str], typer.Argument(help="Files or folders to read, or - for standard input.", show_default=False)
]
#: What --format accepts (check, ocr); `fix --diff` and `report` have their own outputs.
FORMATS = ("text", "json", "diff", "github")
Format = Annotated[str, typer.Option("--format", "-f", help=" | ".join(FORMATS))]
Encoding = Annotated[str | None, typer.Option("--encoding", help="Input encoding (default: UTF-8, BOM honoured).")]
Select = Annotated[
    str | None, typer.Option("--select", help="Rules to run: comma-separated codes, names, prefixes (P, C00) or ALL.")
]
Ignore = Annotated[
    str | None, typer.Option("--ignore", help="Rules to skip: comma-separated codes, names or prefixes.")
]
Threshold = Annotated[float, typer.Option("--threshold", help="Minimum confidence for a fix to be applied.")]
Source = Annotated[str, typer.Option("--source", help="Where the text came from: ocr | typed | mixed.")]
Engine = Annotated[str, typer.Option("--engine", help="default | kenlm | macbert")]
Model = Annotated[str | None, typer.Option("--model", help="Model path for --engine kenlm/macbert.")]
Phrases = Annotated[list[str] | None, typer.Option("--phrases", help="Extra set-phrase/term list (repeatable).")]
Allow = Annotated[list[str] | None, typer.Option("--allow", help="Allow-list of words never flagged (repeatable).")]
Color = Annotated[bool | None, typer.Option("--color/--no-color", help="Force colours on or off.")]
UnsafeFixes = Annotated[bool, typer.Option("--unsafe-fixes", help="Also apply suggestions.")]
