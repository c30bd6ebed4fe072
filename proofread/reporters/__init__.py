"""Reporters: turn findings into text, JSON, a diff report, GitHub annotations or HTML.

Every reporter takes the same `results`: a list of ``(textfile, doc, findings, applied)``
tuples, where `applied` is the resolver's result for the safe fixes.
"""

from __future__ import annotations

import importlib
import os
from collections import Counter

FORMATS = {"text": "text", "json": "json", "diff": "diff", "github": "github"}


def use_color(stream, color: bool | None) -> bool:
    """Colour when asked, or when writing to a terminal and NO_COLOR is unset."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def counts_by_rule(results) -> Counter:
    return Counter(f.code for _, _, findings, _ in results for f in findings)


def render(fmt: str, results, stream, color: bool | None = None) -> None:
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    module.render(results, stream, use_color(stream, color))
