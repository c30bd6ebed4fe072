"""Many files: folders, .gitignore, parallel workers, the summary line, GitHub annotations."""

import os
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from proofread import cli, files
from proofread.options import Options
from proofread.reporters import github

COMMA = "增长X%,三产比重提高。\n"
PUNCT = Options(select={"P001", "P004"})
runner = CliRunner()


def write(path, text=COMMA):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rel(plan, root) -> list[str]:
    return sorted(os.path.relpath(j.path, root).replace(os.sep, "/") for j in plan.jobs)


def invoke(*args):
    return runner.invoke(cli.app, list(args))


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_folder_in_a_git_repo_honours_gitignore(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "build/\n*.tmp.md\n")
    for name in ("a.md", "docs/b.markdown", "docs/c.txt", "build/d.md", "e.tmp.md", "f.py", "g.md.bak"):
        write(tmp_path / name)
    write(tmp_path / "sub" / ".gitignore", "local.md\n")
    write(tmp_path / "sub" / "local.md")
    write(tmp_path / "sub" / "kept.md")
    assert rel(files.plan([str(tmp_path)], PUNCT), tmp_path) == ["a.md", "docs/b.markdown", "docs/c.txt", "sub/kept.md"]
    # Only part of the repository: the same rules, and paths stay under the folder given.
    assert rel(files.plan([str(tmp_path / "sub")], PUNCT), tmp_path) == ["sub/kept.md"]


def test_folder_outside_git_skips_tool_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_git_root", lambda folder: None)
    for name in ("a.md", ".venv/x.md", "node_modules/y.md", ".git/z.md", "docs/b.txt"):
        write(tmp_path / name)
    assert rel(files.plan([str(tmp_path)], PUNCT), tmp_path) == ["a.md", "docs/b.txt"]


def test_formats_follow_extensions(tmp_path):
    for name in ("a.md", "b.txt", "c.markdown"):
        write(tmp_path / name)
    plan = files.plan([str(tmp_path / n) for n in ("a.md", "b.txt", "c.markdown")] + ["-"], PUNCT)
    assert [j.fmt for j in plan.jobs] == ["markdown", "text", "markdown", "text"]


def test_missing_path_is_an_error_and_the_rest_still_runs(tmp_path):
    plan = files.plan([str(tmp_path / "nope.md"), str(write(tmp_path / "a.md"))], PUNCT)
    assert len(plan.jobs) == 1 and "no such file" in plan.errors[0]


def test_parallel_workers_give_the_same_outcomes_in_order(tmp_path):
    for i in range(12):
        write(tmp_path / f"d{i:02d}.md", f"# 第{i}篇\n\n" + COMMA * (i + 1) + "```\n增长X%,三产\n```\n")
    plan = files.plan([str(tmp_path)], PUNCT)
    serial = files.run(plan.jobs, workers=0)
    parallel = files.run(plan.jobs, workers=2)
    assert serial.workers == 0 and parallel.workers == 2
    key = [(o.path, [(f.code, f.start) for f in o.result[2]]) for o in serial.outcomes]
    assert key == [(o.path, [(f.code, f.start) for f in o.result[2]]) for o in parallel.outcomes]
    assert [len(o.result[2]) for o in parallel.outcomes] == list(range(1, 13))
    assert [o.result[3].text for o in serial.outcomes] == [o.result[3].text for o in parallel.outcomes]


def test_small_runs_stay_in_process(tmp_path):
    plan = files.plan([str(write(tmp_path / "a.md")), str(write(tmp_path / "b.md"))], PUNCT)
    assert files.run(plan.jobs).workers == 0


def test_summary_line_counts_files_findings_by_rule_and_time(tmp_path):
    write(tmp_path / "a.md", COMMA + "开展“回头看〃工作。\n")
    write(tmp_path / "b.txt", COMMA)
    write(tmp_path / "c.md", "没有问题。\n")
    r = files.run(files.plan([str(tmp_path)], PUNCT).jobs)
    assert re.fullmatch(r"checked 3 files, 3 findings \(P001 1, P004 2\) in \d+\.\d\d s", files.summary(r))


def test_cli_check_folder_prints_summary_on_stderr(tmp_path):
    write(tmp_path / "a.md")
    write(tmp_path / "b.md", "没有问题。\n")
    write(tmp_path / "empty.md", "")  # an empty file found in a folder is skipped, not an error
    r = invoke("check", "--select", "P004", str(tmp_path))
    assert r.exit_code == 1
    assert re.search(r"^checked 2 files, 1 finding \(P004 1\) in [\d.]+ s$", r.stderr, re.M)
    assert "a.md:1:5 P004" in r.stdout


def test_cli_folder_without_documents_exits_2(tmp_path):
    write(tmp_path / "code.py", "x = 1\n")
    r = invoke("check", str(tmp_path))
    assert r.exit_code == 2 and "no files to check" in r.stderr


def test_cli_fix_folder_needs_diff_or_in_place_and_writes_with_it(tmp_path):
    a = write(tmp_path / "a.md", COMMA + "```\n增长X%,三产\n```\n")
    b = write(tmp_path / "sub" / "b.txt")
    assert invoke("fix", str(tmp_path)).exit_code == 2
    r = invoke("fix", "--in-place", "--select", "P004", str(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert a.read_text(encoding="utf-8") == "增长X%，三产比重提高。\n```\n增长X%,三产\n```\n"
    assert b.read_text(encoding="utf-8") == "增长X%，三产比重提高。\n"


def test_github_format_annotations(tmp_path):
    doc = write(tmp_path / "a,b.md", "# 标题\n\n开展“回头看〃工作，增长X%,三产。\n")
    r = invoke("check", "--format", "github", "--select", "P001,P004", str(doc))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    path = str(doc).replace(",", "%2C").replace(":", "%3A")
    assert lines[0].startswith(
        f"::warning file={path},line=3,col=7,endLine=3,endColumn=8,title=P001 ditto-mark-quote::"
    )
    assert "〃 → ”" in lines[0] and "\n" not in lines[0]
    assert ",line=3,col=15," in lines[1] and "title=P004 ascii-punctuation::" in lines[1]


def test_github_escaping():
    assert github._prop("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert github._data("50% a:b,c\r\n") == "50%25 a:b,c%0D%0A"
