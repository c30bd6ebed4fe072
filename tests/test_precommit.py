"""The real `pre-commit` tool with this repository as the hook source (.pre-commit-hooks.yaml).

`pre-commit try-repo` clones this repository (with uncommitted changes to tracked
files) and installs it into a fresh virtualenv with pip. To keep that offline and
fast (about 6 s instead of minutes), the virtualenv sees the dependencies already
installed here (VIRTUALENV_SYSTEM_SITE_PACKAGES), builds with the installed
setuptools (no build isolation) and may not reach a package index (PIP_NO_INDEX).
The hook itself runs the freshly installed copy, not this working tree.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs pre-commit, git and this repository as a git checkout",
)

CODE = '```python\nprint("增长X%,三产")  # 代码里的“引号〃和逗号,不改\n```\n'
INDENTED = "    缩进代码：增长X%,三产\n"
BROKEN = f"# 会议纪要\n\n开展巡视工作“回头看〃，增长X%,三产比重提高。\n\n{CODE}\n{INDENTED}\n行内`“回头看〃`不改。\n"
FIXED = f"# 会议纪要\n\n开展巡视工作“回头看”，增长X%，三产比重提高。\n\n{CODE}\n{INDENTED}\n行内`“回头看〃`不改。\n"
CLEAN = "# 说明\n\n这是一份没有问题的文档。\n"


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        NO_COLOR="1",
        PRE_COMMIT_HOME=str(home),
        VIRTUALENV_SYSTEM_SITE_PACKAGES="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip reads "0" here as: do not isolate the build
        PIP_NO_INDEX="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(home),
    )
    return env


def _run(cmd, cwd, env):
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n.*?```\n|    缩进[^\n]*\n|`[^`\n]+`", text, re.S)


def test_hooks_refuse_a_broken_quote_then_fix_it_and_leave_code_alone(tmp_path):
    env = _env(tmp_path / "home")
    repo = tmp_path / "docs-repo"
    repo.mkdir()
    git = ["git", "-c", "init.defaultBranch=main"]
    assert _run([*git, "init", "-q", str(repo)], tmp_path, env)[0] == 0
    (repo / "meeting.md").write_text(BROKEN, encoding="utf-8")
    (repo / "readme.md").write_text(CLEAN, encoding="utf-8")
    assert _run(["git", "add", "."], repo, env)[0] == 0
    files = ["--files", "meeting.md", "readme.md"]

    # 1. The check hook refuses, showing the finding with its place and code.
    rc, out = _run(["pre-commit", "try-repo", str(ROOT), "proofread", *files], repo, env)
    assert rc == 1, out
    assert "proofread (check Chinese prose)" in out and "Failed" in out
    assert re.search(r"meeting\.md:3:\d+ P001 .*〃 → ”", out), out
    assert "readme.md:" not in out
    assert (repo / "meeting.md").read_text(encoding="utf-8") == BROKEN

    # 2. A real commit with both hooks installed is refused too.
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: proofread-fix\n      - id: proofread\n",
        encoding="utf-8",
    )
    assert _run(["pre-commit", "install"], repo, env)[0] == 0
    assert _run(["git", "add", "."], repo, env)[0] == 0
    rc, out = _run(["git", "commit", "-m", "minutes"], repo, env)
    assert rc != 0, out
    assert "proofread-fix" in out and "files were modified by this hook" in out

    # 3. proofread-fix rewrote the file: the quote and comma are fixed, code is byte-identical.
    fixed = (repo / "meeting.md").read_bytes()
    assert fixed.decode("utf-8") == FIXED
    assert _code_blocks(FIXED) == _code_blocks(BROKEN) and len(_code_blocks(BROKEN)) == 3
    assert (repo / "readme.md").read_text(encoding="utf-8") == CLEAN

    # 4. Re-staged, the commit passes both hooks.
    assert _run(["git", "add", "meeting.md"], repo, env)[0] == 0
    rc, out = _run(["git", "commit", "-m", "minutes"], repo, env)
    assert rc == 0, out
    assert re.search(r"proofread \(check Chinese prose\)\.+Passed", out), out
    assert _run(["git", "diff", "--quiet", "HEAD"], repo, env)[0] == 0
