"""The command line as a user runs it: a real process, real files, real exit codes."""

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "speech_2020.txt"
CLEAN = "这次会议的主要任务是认真落实各项决策部署。\n"


def run(*args, stdin: bytes | None = None, env: dict | None = None, cwd=None):
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "proofread", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        cwd=cwd or ROOT,
    )


def test_check_sample_exits_1_and_reports_the_stray_letter():
    proc = run("check", str(SAMPLE))
    out = proc.stdout.decode()
    assert proc.returncode == 1
    stray = [line for line in out.splitlines() if " L001 " in line]
    assert stray and "L → ∅" in stray[0] and "[suggestion]" in stray[0]
    assert f"{SAMPLE}:11:" in out  # path:line:col format, line of 增长X%,三产


def test_check_clean_text_exits_0():
    proc = run("check", "-", stdin=CLEAN.encode())
    assert proc.returncode == 0, proc.stdout.decode()
    assert "0 findings" in proc.stdout.decode()


def test_fix_stdin_to_stdout_gives_the_proofread_sample():
    proc = run("fix", "-", stdin=SAMPLE.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == (FIXTURES / "speech_2020.expected.txt").read_bytes()


def test_json_has_every_field_of_the_model():
    proc = run("check", "--format", "json", str(SAMPLE))
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    [entry] = data["files"]
    fields = {
        "code",
        "name",
        "kind",
        "message",
        "line",
        "col",
        "start",
        "end",
        "original",
        "replacements",
        "confidence",
        "safe",
        "applied",
    }
    assert entry["findings"] and all(fields <= set(f) for f in entry["findings"])
    assert data["summary"]["findings"] == len(entry["findings"])
    assert data["summary"]["by_rule"]["P004"] >= 15


def test_diff_report_marks_changed_characters_and_writes_nothing(tmp_path):
    doc = tmp_path / "doc.txt"
    shutil.copy(SAMPLE, doc)
    before = doc.read_bytes()
    proc = run("fix", "--diff", str(doc))
    out = proc.stdout.decode()
    assert proc.returncode == 1
    name = str(doc).lstrip("/")
    assert out.startswith(f"--- a/{name}\n+++ b/{name}\n")
    assert "同比增长X%[-,-]三产" in out and "同比增长X%{+，+}三产" in out
    assert "“回头看[-〃-]以及" in out and "“回头看{+”+}以及" in out
    assert "# summary" in out and "P004: 15 fixed" in out
    assert doc.read_bytes() == before


def test_fix_in_place_keeps_crlf_bom_and_permissions(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_bytes("\ufeff标题  两个空格\r\n增长X%,三产比重。\r\n".encode())
    os.chmod(doc, 0o600)
    proc = run("fix", "-w", str(doc))
    assert proc.returncode == 0, proc.stderr.decode()
    assert doc.read_bytes() == "\ufeff标题  两个空格\r\n增长X%，三产比重。\r\n".encode()
    assert stat.S_IMODE(os.stat(doc).st_mode) == 0o600


def test_check_color_forced_and_no_color_respected():
    colored = run("check", "--color", "-", stdin="增长X%,三产\n".encode())
    assert b"\x1b[" in colored.stdout
    plain = run("check", "-", stdin="增长X%,三产\n".encode())
    assert b"\x1b[" not in plain.stdout


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary"),
        (b"\xff\xfe\xfa bad utf8 \xc3\x28", "not valid"),
        (b"", "empty"),
    ],
)
def test_bad_files_exit_2_with_one_line_and_stay_untouched(tmp_path, content, needle):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    for args in (("check",), ("fix", "-w")):
        proc = run(*args, str(path))
        err = proc.stderr.decode().strip()
        assert proc.returncode == 2
        assert needle in err and len(err.splitlines()) == 1
        assert path.read_bytes() == content


def test_missing_path_and_directory_exit_2(tmp_path):
    assert run("check", str(tmp_path / "missing.txt")).returncode == 2
    proc = run("fix", "-w", str(tmp_path))
    assert proc.returncode == 2 and "directory" in proc.stderr.decode()


def test_gbk_file_detected_then_read_and_written_in_its_own_encoding(tmp_path):
    path = tmp_path / "gbk.txt"
    data = "区委全会暨经济工作会议的主要任务是深入贯彻党的十九大精神,认真落实各项决策部署。\n".encode("gb18030")
    path.write_bytes(data)
    refused = run("check", str(path))
    assert refused.returncode == 2 and "--encoding" in refused.stderr.decode()
    assert path.read_bytes() == data
    proc = run("fix", "-w", "--encoding", "gb18030", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert path.read_bytes().decode("gb18030") == data.decode("gb18030").replace("精神,认真", "精神，认真")


def test_usage_errors_exit_2():
    assert run("check", "--format", "yaml", "-", stdin=CLEAN.encode()).returncode == 2
    assert run("check", "--select", "Z999", "-", stdin=CLEAN.encode()).returncode == 2
    assert run("frobnicate").returncode == 2


def test_rules_and_explain():
    listing = run("rules").stdout.decode()
    assert "P001" in listing and "ditto-mark-quote" in listing
    doc = run("explain", "P004").stdout.decode()
    assert "What it does" in doc and "Example" in doc
    assert run("explain", "nope").returncode == 2


def test_allow_list_flag_silences_a_word(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("投入养老服务资金LX亿元。\n", encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("LX亿元\n", encoding="utf-8")
    assert " L001 " in run("check", str(doc)).stdout.decode()
    proc = run("check", "--allow", str(allow), str(doc))
    assert proc.returncode == 0, proc.stdout.decode()
    # the review page takes the same list: the finding is not on it
    page = tmp_path / "review.html"
    assert run("report", "-o", str(page), str(doc)).returncode == 0
    assert "L001" in page.read_text(encoding="utf-8")
    assert run("report", "--allow", str(allow), "-o", str(page), str(doc)).returncode == 0
    assert "L001" not in page.read_text(encoding="utf-8")


def test_engine_errors_are_one_line_not_a_traceback():
    proc = run("check", "--engine", "macbert", "--model", "/nonexistent/model", "-", stdin=CLEAN.encode())
    err = proc.stderr.decode().strip()
    assert proc.returncode == 2
    assert err.startswith("proofread: ") and "internal error" not in err and len(err.splitlines()) == 1
