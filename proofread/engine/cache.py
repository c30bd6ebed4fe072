"""A per-user cache for data derived once from big files (LM vocabulary, word frequencies).

Entries are keyed by the source file's path, size and mtime, so a changed model
rebuilds its cache; an unwritable cache directory just means rebuilding in memory.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path

_VERSION = 1


def cache_dir() -> Path:
    base = os.environ.get("PROOFREAD_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base)
    return path if os.environ.get("PROOFREAD_CACHE") else path / "proofread"


def _key(kind: str, source: str) -> str:
    st = os.stat(source)
    raw = f"{_VERSION}|{kind}|{os.path.abspath(source)}|{st.st_size}|{st.st_mtime_ns}"
    return f"{kind}-{hashlib.sha1(raw.encode()).hexdigest()[:16]}.marshal"


def cached(kind: str, source: str, build: Callable[[], object]):
    """Return build()'s value, stored with marshal (fast to load) next to other cache entries."""
    path = cache_dir() / _key(kind, source)
    try:
        with open(path, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump(value, fh)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
