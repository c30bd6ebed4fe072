"""`proofread init`: write a commented starter `.proofread.toml` (never overwrites)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from proofread.cli import EXIT_ERROR, app

STARTER = """\
# proofread settings for this folder and everything below it.
# The nearest .proofread.toml (or [tool.proofread] in pyproject.toml) above a file applies to it;
# command-line flags win over this file. Paths and globs are relative to this file.
# `proofread rules` lists the rule codes; `proofread explain CODE` explains one.

# Rules to run (codes or names); leave out to run them all.
# select = ["P001", "P002", "P003", "P004"]

# Rules to switch off.
# ignore = ["L001"]

# Minimum confidence (0 to 1) for a safe fix to be applied by `proofread fix`.
# threshold = 0.0

# Extra set phrases and terms (one per line), so they are never "corrected".
# phrases = ["dictionaries/terms.txt"]

# Words never flagged (one per line): names, product names, quoted OCR output.
# allow = ["dictionaries/allow.txt"]

# Extra confusion pairs, one `wrong right` pair per line.
# confusions = ["dictionaries/confusions.txt"]

# Files picked up when a folder is checked (.gitignore is honoured), and files never checked.
# include = ["*.md", "*.markdown", "*.txt"]
# exclude = ["drafts/", "CHANGELOG.md"]

# File format by extension: markdown (code, URLs and HTML are skipped) or text (all prose).
# extensions = { ".mdx" = "markdown", ".rst" = "text" }
"""


@app.command()
def init(
    folder: Annotated[str, typer.Argument(help="Folder to write .proofread.toml into.")] = ".",
) -> None:
    """Write a commented starter .proofread.toml (refuses to overwrite one)."""
    path = os.path.join(folder, ".proofread.toml")
    if os.path.exists(path):
        sys.stderr.write(f"proofread: {path} already exists; not overwriting it\n")
        raise typer.Exit(EXIT_ERROR)
    if not os.path.isdir(folder):
        sys.stderr.write(f"proofread: {folder}: no such folder\n")
        raise typer.Exit(EXIT_ERROR)
    with open(path, "x", encoding="utf-8") as fh:
        fh.write(STARTER)
    typer.echo(f"wrote {path}")
