"""The server behind `proofread review`: the review page on loopback, and one save that ends it.

Security, in the order a request meets it: the socket listens on 127.0.0.1 only; the Host
header must name that address and port (a DNS-rebinding page arrives under another name);
the page itself and the save both need the random token printed on the terminal, compared
in constant time; a save must come from the page's own origin (or from no browser at all).
The saved text is recomputed here from the decisions and must equal what the page built,
and the file must still hold the bytes it had when the review started.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .inputs.text import TextFile, write_atomic
from .model import Finding
from .reporters import html

MAX_BODY = 16 * 1024 * 1024  # or three times the file, whichever is larger (the page sends the text back)


@dataclass
class Review:
    """One file under review and what became of it."""

    tf: TextFile
    findings: list[Finding]
    original_bytes: bytes
    threshold: float = 0.0
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    done: threading.Event = field(default_factory=threading.Event)
    changes: int | None = None  # number of accepted edits written, once saved

    def page(self) -> bytes:
        return html.report_html(self.tf, self.findings, mode="review", threshold=self.threshold).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "proofread-review"
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # the terminal shows the URL and the outcome, not an access log

    # -- checks ------------------------------------------------------------------------
    def _host_ok(self) -> bool:
        return self.headers.get("Host", "") in self.server.hosts

    def _token_ok(self, given: str | None) -> bool:
        return hmac.compare_digest((given or "").encode(), self.server.review.token.encode())

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, obj: dict) -> None:
        self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    # -- routes ------------------------------------------------------------------------
    def do_GET(self):  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if not self._host_ok():
            return self._json(403, {"error": "wrong Host"})
        if url.path != "/":
            return self._json(404, {"error": "not found"})
        token = parse_qs(url.query).get("token", [""])[0]
        if not self._token_ok(token):
            return self._json(403, {"error": "missing or wrong token"})
        self._send(
            200, self.server.page, "text/html; charset=utf-8", {"Content-Security-Policy": "frame-ancestors 'none'"}
        )

    def do_POST(self):  # noqa: N802
        review = self.server.review
        if not self._host_ok():
            return self._json(403, {"error": "wrong Host"})
        origin = self.headers.get("Origin")
        if origin is not None and origin not in self.server.origins:
            return self._json(403, {"error": "wrong Origin"})
        if not self._token_ok(self.headers.get("X-Proofread-Token")):
            return self._json(403, {"error": "missing or wrong token"})
        if urlsplit(self.path).path != "/save":
            return self._json(404, {"error": "not found"})
        if review.done.is_set():
            return self._json(409, {"error": "already saved"})
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            return self._json(415, {"error": "expected application/json"})
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._json(411, {"error": "Content-Length required"})
        if not 0 < length <= max(MAX_BODY, 3 * len(review.original_bytes)):
            return self._json(413, {"error": "request too large"})
        try:
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            choices = body["choices"]
            if not isinstance(choices, list) or not all(type(c) is int for c in choices):
                raise ValueError
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return self._json(400, {"error": "malformed request"})
        with self.server.lock:  # one save at a time
            return self._save(review, body, choices)

    def _save(self, review: Review, body: dict, choices: list[int]) -> None:
        if review.done.is_set():
            return self._json(409, {"error": "already saved"})
        if body.get("hash") != html.document_hash(review.tf.text) or len(choices) != len(review.findings):
            return self._json(409, {"error": "the page is for another version of the file"})
        text = html.apply_decisions(review.tf.text, review.findings, choices)
        if "text" in body and body["text"] != text:
            return self._json(409, {"error": "the page and the server disagree on the result; nothing written"})
        try:
            with open(review.tf.path, "rb") as fh:
                on_disk = fh.read()
        except OSError as exc:
            return self._json(409, {"error": f"cannot read the file again: {exc.strerror}"})
        if hashlib.sha256(on_disk).digest() != hashlib.sha256(review.original_bytes).digest():
            return self._json(409, {"error": "the file changed on disk since the review started; nothing written"})
        try:
            data = review.tf.encode(text)
        except UnicodeEncodeError as exc:
            return self._json(
                422, {"error": f"{exc.object[exc.start : exc.end]!r} cannot be written in {review.tf.encoding}"}
            )
        if data != on_disk:
            write_atomic(review.tf.path, data)
        review.changes = sum(1 for f, c in zip(review.findings, choices, strict=True) if 0 <= c < len(f.replacements))
        self._json(200, {"ok": True, "path": review.tf.path, "changes": review.changes})
        self.wfile.flush()
        review.done.set()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, review: Review, port: int = 0):
        super().__init__(("127.0.0.1", port), _Handler)
        self.review = review
        self.page = review.page()
        self.lock = threading.Lock()
        self.port = self.server_address[1]
        self.hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.review.token}"


def start(review: Review, port: int = 0) -> _Server:
    """Listen on loopback and serve in a background thread; `review.done` is set after the save."""
    server = _Server(review, port)
    threading.Thread(target=server.serve_forever, name="proofread-review", daemon=True).start()
    return server
