"""The HTML review page without a browser: escaping, the embedded data, the apply logic, the commands, the server."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_helpers import made_up_findings
from typer.testing import CliRunner

from proofread import resolver
from proofread.inputs.text import TextFile, decode
from proofread.model import Document
from proofread.registry import RULES
from proofread.reporters import html

SAMPLE = "fixtures/speech_2020.txt"
HOSTILE = [
    "</script><script>window.__pwned=1</script>",
    "</SCRIPT ><!-- <script>",
    '"><img src=x onerror="window.__pwned=1">',
    "\u2028\u2029&amp;&lt;<>",
    "\\</script>",
    "𠀀 astral",
]
DATA_BLOCK = re.compile(r'<script type="application/json" id="proofread-data">(.*?)</script>', re.S)


def _page(text: str, findings=None, **kw) -> str:
    findings = made_up_findings(text) if findings is None else findings
    return html.render_page(html.page_data(text, resolver.resolve(findings, text), **kw))


@pytest.mark.parametrize("s", HOSTILE)
def test_embed_json_round_trips_and_contains_nothing_html_can_see(s):
    out = html.embed_json({"text": s, s: [s]})
    assert json.loads(out) == {"text": s, s: [s]}
    assert not set("<>&\u2028\u2029") & set(out)


def test_hostile_document_stays_inside_the_data_block():
    text = "标题\n" + "，".join(HOSTILE) + "\n" + "正文,内容" * 3
    doc = Document(text)
    findings = [doc.finding(RULES["P004"], text.index(","), text.index(",") + 1, "<b>，</b>", 1.0)]
    page = _page(text, findings, path='dir/"><img src=x onerror=alert(1)>.txt')
    # exactly the two script elements of the template: the data and the page's own code
    assert page.lower().count("<script") == 2
    assert page.count("</script>") == 2
    assert "onerror" not in page.split(DATA_BLOCK.search(page).group(0))[0]
    data = json.loads(DATA_BLOCK.search(page).group(1))
    assert data["text"] == text
    assert data["name"] == '"><img src=x onerror=alert(1)>.txt'
    assert data["findings"][0]["replacements"] == ["<b>，</b>"]


def test_page_script_never_writes_html():
    script = (html._asset("page.js"), html._asset("page.css"))
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert forbidden not in script[0]
    assert "</script" not in script[0].lower() and "</style" not in script[1].lower()
    assert "url(" not in script[1] and "@import" not in script[1]  # no fonts or images to fetch


def test_content_security_policy_allows_only_the_inline_script_and_style():
    page = _page("这是一个句子,还有一个。")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert csp.startswith("default-src 'none'")
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)

    def digest(s):
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    assert f"script-src {digest(script)};" in csp
    assert f"style-src {digest(style)};" in csp
    assert "connect-src" not in csp and "unsafe" not in csp
    review = html.render_page(html.page_data("句子,句子", [], mode="review"))
    assert "connect-src 'self'" in review


def test_page_data_summary_and_utf16_offsets():
    text = "𠀀𠀁甲,乙\r\n丙,丁"
    findings = resolver.resolve(made_up_findings(text), text)
    when = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    data = html.page_data(text, findings, path="/x/y/doc.txt", generated=when, bom=b"\xef\xbb\xbf")
    assert (data["name"], data["generated"], data["utf8Bom"]) == ("doc.txt", "2026-11-25 12:00 UTC", True)
    assert data["hash"] == hashlib.sha256(text.encode()).hexdigest()
    first = data["findings"][0]
    assert (first["start"], first["s"]) == (3, 5)  # two astral characters before it: +2 UTF-16 units
    assert text.encode("utf-16-le")[first["s"] * 2 : first["e"] * 2].decode("utf-16-le") == ","
    assert [f["initial"] for f in data["findings"]] == [0, 0]


def test_initial_choices_are_what_fix_applies():
    tf_text = open(SAMPLE, encoding="utf-8").read()
    findings = resolver.resolve(made_up_findings(tf_text), tf_text)
    choices = html.initial_choices(findings)
    assert any(c == html.UNDECIDED for c in choices) and any(c == 0 for c in choices)
    assert html.apply_decisions(tf_text, findings, choices) == resolver.apply(tf_text, findings).text
    # a threshold leaves the less confident safe fixes undecided, as `fix --threshold` would
    high = html.initial_choices(findings, threshold=0.99)
    assert html.apply_decisions(tf_text, findings, high) == resolver.apply(tf_text, findings, 0.99).text
    assert high != choices


def test_apply_decisions_alternatives_rejections_and_bytes_outside():
    text = "\ufeff甲,乙\r\n丙的丁\r\n"
    findings = resolver.resolve(made_up_findings(text), text)
    codes = [f.code for f in findings]
    assert codes == ["P004", "C004", "C002"]
    none = [html.REJECTED] * 3
    assert html.apply_decisions(text, findings, none) == text
    assert html.apply_decisions(text, findings, [0, html.REJECTED, 1]) == "\ufeff甲，乙\r\n丙地丁\r\n"
    # overlapping accepted findings: the one starting first wins, the other is skipped
    assert html.apply_decisions(text, findings, [html.UNDECIDED, 0, 1]) == "\ufeff甲,乙\r\n丙得丁\r\n"
    with pytest.raises(ValueError):
        html.apply_decisions(text, findings, [0])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="甲乙的, X%L\r\n𠀀〃", max_size=40), st.randoms())
def test_apply_decisions_matches_the_resolver(text, rnd):
    findings = resolver.resolve(made_up_findings(text), text)
    # choosing exactly what the resolver would choose (safe only, or everything) gives its text
    for unsafe in (False, True):
        chosen = {id(f) for f in resolver.select_fixes(findings, unsafe=unsafe)}
        choices = [0 if id(f) in chosen else rnd.choice([html.REJECTED, html.UNDECIDED]) for f in findings]
        assert html.apply_decisions(text, findings, choices) == resolver.apply(text, findings, unsafe=unsafe).text


# ---- the commands -----------------------------------------------------------------------


@pytest.fixture
def fake_check(monkeypatch):
    """The page must not depend on which checkers exist: feed it made-up findings."""
    from proofread import pipeline

    def check(doc, options=None):
        return resolver.resolve(made_up_findings(doc.text), doc.text)

    monkeypatch.setattr(pipeline, "check", check)
    return check


def _cli():
    from proofread.cli import _register_commands, app

    _register_commands()
    return app


def test_report_command_writes_a_page(tmp_path, fake_check):
    src = tmp_path / "稿件.txt"
    src.write_bytes("经济,发展〃好的年\r\n".encode())
    out = tmp_path / "r.html"
    result = CliRunner().invoke(_cli(), ["report", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(DATA_BLOCK.search(out.read_text(encoding="utf-8")).group(1))
    assert data["name"] == "稿件.txt" and data["text"] == "经济,发展〃好的年\r\n"
    assert [f["code"] for f in data["findings"]] == ["P004", "P001", "C004", "C002"]
    missing = CliRunner().invoke(_cli(), ["report", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_reporter_interface_writes_one_page(tmp_path):
    import io

    text = "经济,发展〃好的年"
    tf = TextFile(str(tmp_path / "a.txt"), text, "utf-8")
    findings = resolver.resolve(made_up_findings(text), text)
    stream = io.StringIO()
    html.render([(tf, Document(text), findings, resolver.apply(text, findings))], stream)
    assert json.loads(DATA_BLOCK.search(stream.getvalue()).group(1))["text"] == text
    with pytest.raises(ValueError):
        html.render([(tf, None, [], None)] * 2, io.StringIO())


def test_review_refuses_stdin():
    result = CliRunner().invoke(_cli(), ["review", "-"])
    assert result.exit_code == 2


# ---- the review server, in process ------------------------------------------------------


@pytest.fixture
def served(tmp_path):
    from proofread import review_server

    path = tmp_path / "gbk.txt"
    raw = "经济,发展〃好的年\r\n第二段,内容。\r\n".encode("gb18030")
    path.write_bytes(raw)
    tf = decode(raw, str(path), "gb18030")
    findings = resolver.resolve(made_up_findings(tf.text), tf.text)
    review = review_server.Review(tf, findings, raw)
    server = review_server.start(review)
    yield server, review, path
    server.shutdown()
    server.server_close()


def _request(server, method, url, body=None, headers=None, host=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    hdrs = {"Host": host or f"127.0.0.1:{server.port}"}
    hdrs.update(headers or {})
    conn.request(method, url, body=body, headers=hdrs)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, data


def _save_body(review: TextFile, choices):
    text = html.apply_decisions(review.tf.text, review.findings, choices)
    return json.dumps({"hash": html.document_hash(review.tf.text), "choices": choices, "text": text})


def test_server_page_needs_token_and_host(served):
    server, review, _ = served
    assert server.server_address[0] == "127.0.0.1"
    status, page = _request(server, "GET", f"/?token={review.token}")
    assert status == 200 and b"proofread-data" in page and b"connect-src 'self'" in page
    assert _request(server, "GET", "/")[0] == 403
    assert _request(server, "GET", "/?token=" + "x" * len(review.token))[0] == 403
    assert _request(server, "GET", f"/?token={review.token}", host=f"evil.example:{server.port}")[0] == 403
    assert _request(server, "GET", f"/other?token={review.token}")[0] == 404


def test_server_refuses_bad_saves_and_writes_a_good_one(served):
    server, review, path = served
    raw = path.read_bytes()
    choices = [0 if f.safe else html.UNDECIDED for f in review.findings]
    body = _save_body(review, choices)
    ok = {"Content-Type": "application/json", "X-Proofread-Token": review.token}
    origin = f"http://127.0.0.1:{server.port}"
    assert _request(server, "POST", "/save", body, {"Content-Type": "application/json"})[0] == 403
    assert _request(server, "POST", "/save", body, {**ok, "X-Proofread-Token": "nope"})[0] == 403
    assert _request(server, "POST", "/save", body, {**ok, "Origin": "http://evil.example"})[0] == 403
    assert _request(server, "POST", "/save", body, ok, host="evil.example")[0] == 403
    assert _request(server, "POST", "/save", body, {**ok, "Content-Type": "text/plain"})[0] == 415
    assert _request(server, "POST", "/save", "{}", ok)[0] == 400
    lying = json.loads(body) | {"text": "whatever I like"}
    assert _request(server, "POST", "/save", json.dumps(lying), ok)[0] == 409
    assert path.read_bytes() == raw and not review.done.is_set()
    status, reply = _request(server, "POST", "/save", body, {**ok, "Origin": origin})
    assert status == 200, reply
    expected = html.apply_decisions(review.tf.text, review.findings, choices)
    assert path.read_bytes() == expected.encode("gb18030") and expected != review.tf.text
    assert review.done.wait(5) and json.loads(reply)["changes"] == choices.count(0)
    assert _request(server, "POST", "/save", body, ok)[0] == 409  # one save, then it is over


def test_server_refuses_to_overwrite_a_file_changed_meanwhile(served):
    server, review, path = served
    path.write_bytes("别人改过了".encode("gb18030"))
    ok = {"Content-Type": "application/json", "X-Proofread-Token": review.token}
    status, reply = _request(server, "POST", "/save", _save_body(review, [0] * len(review.findings)), ok)
    assert status == 409 and "changed on disk" in json.loads(reply)["error"]
    assert path.read_bytes() == "别人改过了".encode("gb18030")


def test_report_reads_the_nearest_config(tmp_path):
    import subprocess
    import sys

    (tmp_path / ".proofread.toml").write_text('select = ["P003"]\n', encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text('增长X%,三产"引号"测试。\n', encoding="utf-8")
    out = tmp_path / "r.html"
    proc = subprocess.run(
        [sys.executable, "-m", "proofread", "report", str(doc), "-o", str(out)], capture_output=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr.decode()
    page = out.read_text(encoding="utf-8")
    assert '"code":"P003"' in page and '"code":"P004"' not in page
    forced = subprocess.run(
        [sys.executable, "-m", "proofread", "report", "--select", "P004", str(doc), "-o", str(out)],
        capture_output=True,
        cwd=tmp_path,
    )
    page = out.read_text(encoding="utf-8")  # a flag given wins over the config's value
    assert forced.returncode == 0 and '"code":"P004"' in page and '"code":"P003"' not in page
