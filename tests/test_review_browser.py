"""The review page end to end in real headless Chromium (Debian's, driven by Playwright).

Screenshots land in artifacts/ (gitignored) for a person to look at after a run.
"""

from __future__ import annotations

import os
import queue
import random
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from review_helpers import browser, made_up_findings

from proofread import pipeline, resolver
from proofread.inputs.prepare import document
from proofread.inputs.text import read_file
from proofread.reporters import html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "speech_2020.txt"
EXPECTED = ROOT / "fixtures" / "speech_2020.expected.txt"
ARTIFACTS = ROOT / "artifacts"

# Records what the page tries that it must not: dialogs are caught by Playwright, CSP violations here.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(WATCH)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def _open(page, path: Path):
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready]")
    assert page.errors == []


def _download(page) -> bytes:
    with page.expect_download() as info:
        page.click("#download")
    return Path(info.value.path()).read_bytes()


def _choices(page) -> list[int]:
    pairs = page.eval_on_selector_all(".f[data-i]", "els => els.map(e => [+e.dataset.i, +e.dataset.choice])")
    return [c for _, c in sorted(pairs)]


def _select(page, i: int):
    page.click(f'.f[data-i="{i}"]')
    assert page.get_attribute(f'.f[data-i="{i}"]', "class").split().count("sel") == 1


def _report(tmp_path: Path, source: Path) -> Path:
    """The page as the `report` command writes it."""
    from typer.testing import CliRunner

    from proofread.cli import _register_commands, app

    _register_commands()
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _standalone(findings, rejected):
    """A finding to reject that overlaps no other, so that "expected" does not depend on overlap rules."""
    for f in findings:
        if f is rejected:
            continue
        if f.start == rejected.start or (f.start < rejected.end and rejected.start < f.end):
            return False
    return True


def test_sample_reject_one_accept_the_rest_download(page, tmp_path):
    tf = read_file(str(SAMPLE))
    findings = pipeline.check(document(tf))
    safe = resolver.select_fixes(findings)
    candidates = [f for f in safe if _standalone(findings, f)]
    assert candidates, "the sample must give at least one safe fix to reject"
    rejected = next((f for f in candidates if f.code.startswith("P")), candidates[0])
    ri = findings.index(rejected)
    rest = [f for f in findings if f is not rejected]
    _open(page, _report(tmp_path, SAMPLE))
    assert page.locator(".f[data-i]").count() == len(findings)
    assert page.text_content("h1") == "Review speech_2020.txt"
    assert page.locator("#save").count() == 0  # a report file has no server to save to

    # 1. safe fixes are accepted from the start; reject one (click it, press r)
    _select(page, ri)
    page.keyboard.press("r")
    assert page.get_attribute(f'.f[data-i="{ri}"]', "data-state") == "rej"
    got = _download(page).decode("utf-8")
    safe_expected = resolver.apply(tf.text, rest).text
    assert got == safe_expected
    fixed = resolver.apply(tf.text, findings)
    if fixed.text == EXPECTED.read_text(encoding="utf-8"):
        # the engine reproduces the human proofread: the download is that text with one place changed back
        shift = sum(len(f.replacements[0]) - (f.end - f.start) for f in fixed.applied if f.start < rejected.start)
        at = rejected.start + shift
        expected = fixed.text
        assert expected[at : at + len(rejected.replacements[0])] == rejected.replacements[0]
        assert got == expected[:at] + rejected.original + expected[at + len(rejected.replacements[0]) :]

    # 2. accept the rest, suggestions included, walking with the keyboard (j, then a)
    chosen = {rest.index(f) for f in resolver.select_fixes(rest, unsafe=True)}
    wanted = {findings.index(rest[k]) for k in chosen}
    page.keyboard.press("Escape")
    for _ in range(len(findings)):
        page.keyboard.press("j")
        i = int(page.get_attribute(".f.sel", "data-i"))
        if i in wanted:
            page.keyboard.press("a")
    assert {i for i, c in enumerate(_choices(page)) if c >= 0} == wanted
    all_expected = resolver.apply(tf.text, rest, unsafe=True).text
    assert _download(page).decode("utf-8") == all_expected
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-sample.png"))

    # 3. decisions survive a reload
    page.reload()
    page.wait_for_selector("html[data-ready]")
    assert _download(page).decode("utf-8") == all_expected
    assert page.evaluate("window.__csp") == [] and page.errors == []


def _tricky_file(tmp_path: Path) -> Path:
    """The sample with a BOM, CRLF line ends and characters outside the BMP (UTF-16 offsets differ)."""
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    text = text.replace("同志们", "𠀀同志们𠀁", 1)
    path = tmp_path / "tricky.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def test_page_logic_matches_python_and_keeps_every_byte(page, tmp_path):
    tf = read_file(str(_tricky_file(tmp_path)))
    assert tf.bom and "\r\n" in tf.text
    findings = resolver.resolve(made_up_findings(tf.text), tf.text)
    out = tmp_path / "tricky.html"
    out.write_text(html.report_html(tf, findings), encoding="utf-8")
    _open(page, out)
    assert _choices(page) == html.initial_choices(findings)

    # the page's applyDecisions is the twin of the Python one, on random decisions
    rnd = random.Random(6)
    for _ in range(30):
        choices = [rnd.randrange(-2, max(len(f.replacements), 1)) for f in findings]
        js = page.evaluate(
            "c => { const d = JSON.parse(document.getElementById('proofread-data').textContent);"
            " return window.proofreadApply(d.text, d.findings, c); }",
            choices,
        )
        assert js == html.apply_decisions(tf.text, findings, choices)

    # alternatives and overlaps through the UI: pick "地" (2) on C002, then accept the wider C004
    c2 = next(i for i, f in enumerate(findings) if f.code == "C002")
    c4 = next(i for i, f in enumerate(findings) if f.code == "C004")
    _select(page, c2)
    page.keyboard.press("2")
    assert _choices(page)[c2] == 1
    _select(page, c4)
    page.keyboard.press("a")
    assert _choices(page)[c2] == html.REJECTED and _choices(page)[c4] == 0
    page.click("#reject-all")
    page.click("#accept-safe")
    choices = _choices(page)
    assert choices == [0 if f.safe else html.REJECTED for f in findings]
    got = _download(page)
    assert got == tf.encode(html.apply_decisions(tf.text, findings, choices))
    assert got.startswith(b"\xef\xbb\xbf") and got.count(b"\r\n") == tf.text.count("\r\n")
    page.click("#reset")
    assert _choices(page) == html.initial_choices(findings)
    assert page.evaluate("window.__csp") == [] and page.errors == []


HOSTILE_TEXT = """标题<script>window.__pwned=1;alert(1)</script>
正文,"><img src=x onerror="window.__pwned=1;alert(2)">内容〃
</script><script>window.__pwned=1</script><!-- <svg onload=alert(3)> &lt;b&gt; \u2028段落\u2029结束,好的。
"""


def test_hostile_document_shows_its_text_and_runs_nothing(page, tmp_path):
    name = '"><img src=x onerror=alert(4)>.txt'
    path = tmp_path / name
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    tf = read_file(str(path))
    findings = resolver.resolve(made_up_findings(tf.text), tf.text)
    # a replacement that is itself markup
    findings.append(
        document(tf).finding(html.registry.RULES["C004"], 0, 2, "<img/src=x/onerror=window.__pwned=1>", 0.9)
    )
    out = tmp_path / "hostile.html"
    out.write_text(html.report_html(tf, resolver.resolve(findings, tf.text)), encoding="utf-8")
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    _open(page, out)
    _select(page, 0)  # the panel renders the markup replacement too
    assert "<img/src=x/onerror=window.__pwned=1>" in page.text_content("#panel")
    page.keyboard.press("j")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert requests == [out.as_uri()]
    assert page.locator("img, svg, iframe, object, embed").count() == 0
    assert page.locator("script").count() == 2
    shown = page.text_content("#doc")
    for piece in ("<script>window.__pwned=1;alert(1)</script>", '"><img src=x onerror="window.__pwned=1;alert(2)">'):
        assert piece in shown
    assert page.text_content("h1") == "Review " + name
    assert page.evaluate("window.__csp") == [] and page.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-hostile.png"))


def _lines(proc) -> queue.Queue:
    q: queue.Queue = queue.Queue()

    def pump():
        for line in proc.stdout:
            q.put(line)
        q.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return q


def test_review_serves_saves_and_exits(page, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_bytes(SAMPLE.read_bytes())
    tf = read_file(str(path))
    findings = pipeline.check(document(tf))
    safe = resolver.select_fixes(findings)
    assert safe, "the sample must give at least one safe fix"
    rejected = safe[-1]
    ri = findings.index(rejected)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", "from proofread.cli import main; main()", "review", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        lines = _lines(proc)
        url = None
        while url is None:
            line = lines.get(timeout=120)
            assert line is not None, proc.stderr.read()
            m = re.search(r"(http://127\.0\.0\.1:\d+/\?token=[\w-]+)", line)
            url = m and m.group(1)
        base = url.split("?")[0]
        # without the token: no page and no save
        for request in (
            urllib.request.Request(base),
            urllib.request.Request(
                base + "save", data=b'{"choices": []}', headers={"Content-Type": "application/json"}
            ),
        ):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(request, timeout=10)
            assert err.value.code == 403
        page.goto(url)
        page.wait_for_selector("html[data-ready]")
        assert page.locator("#save").count() == 1
        _select(page, ri)
        page.keyboard.press("r")
        page.click("#save")
        page.wait_for_selector("#notice.ok", timeout=15000)
        assert "Saved" in page.text_content("#notice")
        assert proc.wait(timeout=30) == 0
        rest = "".join(iter(lambda: lines.get(timeout=10), None))
        assert re.search(r"saved \d+ change\(s\) to ", rest), rest
        choices = html.initial_choices(findings)
        choices[ri] = html.REJECTED
        assert path.read_bytes() == tf.encode(html.apply_decisions(tf.text, findings, choices))
        assert path.read_bytes() != SAMPLE.read_bytes()
        assert page.evaluate("window.__csp") == [] and page.errors == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_accept_all_safe_never_accepts_two_overlapping_fixes(page, tmp_path):
    from proofread.model import Document
    from proofread.registry import RULES

    text = "甲,,乙,丙〃〃丁"
    doc = Document(text)
    findings = resolver.resolve(
        [
            doc.finding(RULES["P004"], 1, 2, "，", 0.9),
            doc.finding(RULES["P004"], 2, 3, "，", 0.9),
            doc.finding(RULES["P007"], 1, 3, "，", 1.0),
            doc.finding(RULES["P004"], 4, 5, "，", 1.0),
            doc.finding(RULES["P007"], 4, 4, "、", 0.3, safe=False),  # an insertion where a fix starts
            doc.finding(RULES["P001"], 6, 8, "”", 0.8),  # its only clash is the suggestion after it
            doc.finding(RULES["C002"], 7, 8, ("”", "“"), 0.5, safe=False),
        ],
        text,
    )
    path = tmp_path / "overlap.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "overlap.html"
    out.write_text(html.report_html(read_file(str(path)), findings), encoding="utf-8")
    _open(page, out)
    assert _choices(page) == html.initial_choices(findings)
    # accept the suggestion first: "accept all safe" must then keep away from it
    c2 = next(i for i, f in enumerate(findings) if f.code == "C002")
    page.click("#reject-all")
    _select(page, c2)
    page.keyboard.press("2")
    page.click("#accept-safe")
    got = _choices(page)
    # the reference: in text order, accept each safe fix that overlaps nothing accepted
    want = [html.REJECTED] * len(findings)
    want[c2] = 1
    for i in sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end, i)):
        f = findings[i]
        clash = any(
            want[j] >= 0 and (g.start == f.start or (f.start < g.end and g.start < f.end))
            for j, g in enumerate(findings)
            if j != i
        )
        if f.safe and not clash:
            want[i] = 0
    assert got == want
    assert _download(page).decode("utf-8") == html.apply_decisions(text, findings, got)
    # accepting the insertion rejects the fix that starts at the same place
    ins = next(i for i, f in enumerate(findings) if f.start == f.end)
    comma = next(i for i, f in enumerate(findings) if f.start == 4 and f.end == 5)
    assert got[comma] == 0
    _select(page, ins)
    page.keyboard.press("a")
    assert _choices(page)[comma] == html.REJECTED and _choices(page)[ins] == 0


def test_page_without_findings_downloads_the_file_unchanged(page, tmp_path):
    path = tmp_path / "clean.txt"
    raw = "一切正常。\r\n\r\n  缩进与行尾空格  \r\n".encode()
    path.write_bytes(raw)
    out = tmp_path / "clean.html"
    out.write_text(html.report_html(read_file(str(path)), []), encoding="utf-8")
    _open(page, out)
    page.keyboard.press("j")
    assert "Nothing found." in page.text_content("#panel")
    assert _download(page) == raw
