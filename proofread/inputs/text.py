"""Reading and writing text files without losing a byte.

A file is decoded once; the BOM is kept aside and line endings stay in the text
(checkers never touch ``\\r``), so encoding the unchanged text with the same codec
gives back the same bytes. Writes go to a temporary file in the same folder that
replaces the original with ``os.replace`` (atomic), keeping its permissions.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tempfile
from dataclasses import dataclass

#: Refuse files above this size: proofreading is for documents, not dumps.
MAX_BYTES = 50 * 1024 * 1024

_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


class InputError(Exception):
    """A file that cannot be proofread; the message is one line for the user."""


@dataclass
class TextFile:
    path: str
    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    controls = sum(1 for b in data[:8192] if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > 8


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None


def decode(data: bytes, path: str, encoding: str | None = None) -> TextFile:
    """Decode `data`; raise InputError with a one-line reason when it is not text we can check."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: more than {MAX_BYTES // 2**20} MB, over the limit for one document")
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    bom = b""
    for mark, enc in _BOMS:
        if data.startswith(mark):
            bom, data = mark, data[len(mark) :]
            encoding = encoding or enc
            break
    if encoding is None and _looks_binary(data):
        raise InputError(f"{path}: looks like a binary file, not text")
    codec = encoding or "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        raise InputError(f"{path}: unknown encoding {codec!r}") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if encoding:
            raise InputError(f"{path}: not valid {encoding} (byte {exc.start})") from None
        guess = _guess_encoding(data)
        hint = f"; it looks like {guess}, try --encoding {guess}" if guess and guess != "utf_8" else ""
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}){hint}") from None
    if text.encode(codec) != data:
        raise InputError(f"{path}: {codec} does not round-trip this file byte for byte; refusing to touch it")
    return TextFile(path, text, codec, bom)


def read_file(path: str, encoding: str | None = None) -> TextFile:
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>", encoding)
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"{path}: file is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, path, encoding)


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping its permission bits."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else 0o644
    fd, tmp = tempfile.mkstemp(prefix=".proofread-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
