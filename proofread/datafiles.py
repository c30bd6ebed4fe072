"""Where the plain-text data of `dictionaries/` is found, in a checkout and when installed.

A source checkout (or an editable install) reads the top-level `dictionaries/`. A normal
install ships the same files as data files under `<prefix>/share/proofread/dictionaries`
(see `[tool.setuptools.data-files]` in pyproject.toml). `PROOFREAD_DICTIONARIES` overrides
both. A missing folder is an error, never a silently empty dictionary.
"""

from __future__ import annotations

import os
import site
import sys
import sysconfig
from functools import cache
from pathlib import Path

_SUBDIR = Path("share") / "proofread" / "dictionaries"


def _candidates() -> list[Path]:
    found = []
    if os.environ.get("PROOFREAD_DICTIONARIES"):
        found.append(Path(os.environ["PROOFREAD_DICTIONARIES"]))
    found.append(Path(__file__).resolve().parent.parent / "dictionaries")
    for prefix in (sysconfig.get_path("data"), sys.prefix, sys.exec_prefix, getattr(site, "USER_BASE", None)):
        if prefix:
            found.append(Path(prefix) / _SUBDIR)
    return found


@cache
def dictionaries_dir() -> Path:
    for path in _candidates():
        if (path / "set_phrases.txt").is_file():
            return path
    tried = ", ".join(str(p) for p in _candidates())
    raise FileNotFoundError(f"proofread's dictionaries/ folder is missing (looked in {tried})")


def read_list(path: Path | str) -> list[str]:
    """First column of a plain list file, skipping `#` header lines and blanks."""
    out = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return out
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.split()[0])
    return out
