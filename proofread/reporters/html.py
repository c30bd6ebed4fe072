"""The review page: one self-contained HTML file to decide every finding and take away clean text.

Everything taken from the document (its text, its name, the findings' originals) travels
to the page only inside one JSON block, escaped so that no ``</script>`` or ``<!--`` can end
it, and the page's script puts it on screen with ``textContent`` only. A Content-Security-Policy
meta allows nothing but the page's own inline script and style (by hash), so even an escape
bug could not load or run anything else. The page needs no network: fonts are the system's.

Offsets in the page are UTF-16 code units (what JavaScript strings index), converted here
from the model's code-point offsets; :func:`apply_decisions` is the Python twin of the
page's ``applyDecisions`` and the two are tested against each other in a real browser.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import os
import re
from datetime import UTC, datetime
from importlib import resources

from .. import __version__, registry, resolver
from ..model import Finding, Kind

#: A finding's decision in the page and in `apply_decisions`: >= 0 is the index of the accepted replacement.
UNDECIDED, REJECTED = -2, -1

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def embed_json(obj) -> str:
    """JSON that can sit inside <script type="application/json"> whatever strings it holds.

    Those five characters only ever occur inside JSON strings, where their \\u escapes mean
    the same; so ``</script>``, ``<!--`` and a raw U+2028 cannot end or confuse the block.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def document_hash(source: str) -> str:
    """Identifies the text (not the file name) so decisions stored in the browser find their document."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def _utf16(source: str):
    """Map code-point offsets to UTF-16 offsets (they differ after characters outside the BMP)."""
    astral = [m.start() for m in _ASTRAL.finditer(source)]
    if not astral:
        return lambda offset: offset
    return lambda offset: offset + bisect.bisect_left(astral, offset)


def initial_choices(findings: list[Finding], threshold: float = 0.0) -> list[int]:
    """What the page starts from: exactly the fixes `proofread fix` would apply; the rest undecided."""
    chosen = {id(f) for f in resolver.select_fixes(findings, threshold)}
    return [0 if id(f) in chosen else UNDECIDED for f in findings]


def apply_decisions(source: str, findings: list[Finding], choices: list[int]) -> str:
    """The text with the chosen replacement of every accepted finding; all else byte for byte.

    Accepted findings apply in order of (start, end, position in the list); one that overlaps
    a fix already taken is skipped, by the resolver's rule. The page never lets two
    overlapping findings be accepted at once, so the skip only guards hand-made input.
    """
    if len(choices) != len(findings):
        raise ValueError("one choice per finding")
    items = []
    for i, (f, choice) in enumerate(zip(findings, choices, strict=True)):
        if isinstance(choice, int) and not isinstance(choice, bool) and 0 <= choice < len(f.replacements):
            items.append((f.start, f.end, i, f.replacements[choice]))
    items.sort()
    parts: list[str] = []
    pos = 0
    last = None
    for start, end, i, text in items:
        if last is not None and (start < last[1] or start == last[0]):
            continue
        parts.append(source[pos:start])
        parts.append(text)
        pos = end
        last = (start, end, i)
    parts.append(source[pos:])
    return "".join(parts)


def page_data(
    source: str,
    findings: list[Finding],
    *,
    path: str = "<stdin>",
    encoding: str = "utf-8",
    bom: bytes = b"",
    mode: str = "report",
    threshold: float = 0.0,
    generated: datetime | None = None,
) -> dict:
    """Everything the page shows, as plain JSON-able data."""
    if mode not in ("report", "review"):
        raise ValueError(f"unknown mode {mode!r}")
    u16 = _utf16(source)
    choices = initial_choices(findings, threshold)
    items = []
    for i, (f, choice) in enumerate(zip(findings, choices, strict=True)):
        item = f.to_dict()
        item.pop("data", None)
        item.update(id=i, s=u16(f.start), e=u16(f.end), initial=choice, confidence=round(f.confidence, 3))
        items.append(item)
    codes = sorted({f.code for f in findings})
    rules = {}
    for code in codes:
        rule = registry.RULES.get(code)
        if rule is not None:
            rules[code] = {"name": rule.name, "summary": rule.summary, "doc": rule.doc, "fix": rule.fix.value}
    when = (generated or datetime.now(UTC)).astimezone(UTC)
    return {
        "version": 1,
        "tool": f"proofread {__version__}",
        "mode": mode,
        "name": os.path.basename(path) if path not in ("-", "<stdin>") else "<stdin>",
        "path": path,
        "encoding": encoding,
        # A download is always UTF-8; it keeps a UTF-8 BOM the file had.
        "utf8Bom": bom == b"\xef\xbb\xbf",
        "hash": document_hash(source),
        "generated": when.strftime("%Y-%m-%d %H:%M UTC"),
        "threshold": threshold,
        "kinds": [k.value for k in Kind],
        "text": source,
        "findings": items,
        "rules": rules,
    }


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("html_assets", name).read_text(encoding="utf-8")


def _csp_hash(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str, mode: str) -> str:
    """Nothing but the page's own script and style; the review page may also post to its server."""
    parts = [
        "default-src 'none'",
        f"script-src {_csp_hash(script)}",
        f"style-src {_csp_hash(style)}",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if mode == "review":
        parts.append("connect-src 'self'")
    return "; ".join(parts)


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{tool}">
<title>proofread review</title>
<style>{style}</style>
</head>
<body>
<noscript>This review page needs JavaScript (its own inline script; nothing is loaded from anywhere).</noscript>
<script type="application/json" id="proofread-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""


def render_page(data: dict) -> str:
    """The complete page for `page_data(...)`."""
    script, style = _asset("page.js"), _asset("page.css")
    return _TEMPLATE.format(
        csp=content_security_policy(script, style, data["mode"]),
        tool=f"proofread {__version__}",
        style=style,
        data=embed_json(data),
        script=script,
    )


def report_html(tf, findings: list[Finding], *, mode: str = "report", threshold: float = 0.0, generated=None) -> str:
    """The page for a decoded `TextFile` and its findings (from `pipeline.check`)."""
    data = page_data(
        tf.text,
        findings,
        path=tf.path,
        encoding=tf.encoding,
        bom=tf.bom,
        mode=mode,
        threshold=threshold,
        generated=generated,
    )
    return render_page(data)


def render(results, stream, color: bool = False) -> None:
    """The reporter interface (`proofread.reporters.render("html", ...)`): one page, one file."""
    if len(results) != 1:
        raise ValueError("the HTML report shows one file; run it once per file")
    tf, _doc, findings, _applied = results[0]
    stream.write(report_html(tf, findings))
