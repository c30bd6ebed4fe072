"""Turn a decoded file into the Document the checkers see.

Plain text is all prose. Markdown masks what must not be checked (code, URLs,
HTML, front matter), keeping offsets, so fixes map straight back onto the
source. The format comes from the file extension (``.md``/``.markdown`` →
markdown, everything else → text), which the config's ``extensions`` table can
override. Inline suppression comments and the allow-list are attached to the
document as ``doc.meta["suppress"]``, which :func:`proofread.pipeline.check` applies.
"""

from __future__ import annotations

import os

from ..model import Document
from .text import TextFile

FORMATS = ("markdown", "text")
#: Default extension → format table (lower-case, with the dot).
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown", ".txt": "text"}


def format_of(path: str, extensions: dict[str, str] | None = None) -> str:
    ext = os.path.splitext(path)[1].lower()
    if extensions and ext in extensions:
        return extensions[ext]
    return EXTENSIONS.get(ext, "text")


def document(tf: TextFile, fmt: str | None = None, options=None) -> Document:
    """The Document for `tf`: masked per its format, with its suppressions attached."""
    from . import suppress

    fmt = fmt or format_of(tf.path)
    if fmt == "markdown":
        from .markdown import mask

        masked = mask(tf.text)
        doc = Document(masked.text, path=tf.path, source=tf.text, meta={"format": fmt})
        skip = masked.code_lines
    else:
        doc = Document(tf.text, path=tf.path, meta={"format": fmt})
        skip = set()
    sup = suppress.Suppressions(suppress.parse(tf.text, fmt == "markdown", skip))
    allow_files = tuple(getattr(options, "allow_files", None) or ())
    if allow_files:
        sup.allowed = suppress.allowed_ranges(tf.text, suppress.load_words(allow_files))
    if sup:
        doc.meta["suppress"] = sup
    return doc
