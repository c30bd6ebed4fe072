"""Turn a decoded file into the Document the checkers see.

Plain text is all prose. Other formats (Markdown) mask what must not be
checked, keeping offsets, so fixes map straight back onto the source.
"""

from __future__ import annotations

from ..model import Document
from .text import TextFile


def document(tf: TextFile) -> Document:
    return Document(tf.text, path=tf.path)
