"""Config files: discovery (nearest wins), precedence (flags > config > defaults), validation, init."""

import os
import re

import pytest
from typer.testing import CliRunner

from proofread import cli, config
from proofread.commands import init_cmd
from proofread.options import Options

COMMA = "增长X%,三产比重提高。\n"  # P004
DITTO = "开展“回头看〃工作。\n"  # P001
runner = CliRunner()


def check(*args):
    cli._register_commands()
    return runner.invoke(cli.app, ["check", *args])


def codes(result) -> list[str]:
    return re.findall(r":\d+:\d+ ([A-Z]\d{3}) ", result.stdout)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_config(tmp_path):
    doc = write(tmp_path / "a.txt", COMMA + DITTO)
    r = check("--select", "P001,P004", str(doc))
    assert r.exit_code == 1 and codes(r) == ["P004", "P001"]


def test_pyproject_table_applies(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.proofread]\nignore = ["P004"]\n')
    doc = write(tmp_path / "docs" / "a.txt", COMMA + DITTO)
    r = check("--select", "P001,P004", str(doc))
    assert codes(r) == ["P001"]


def test_nearest_config_wins_and_is_not_merged(tmp_path):
    write(tmp_path / ".proofread.toml", 'ignore = ["P004"]\n')
    write(tmp_path / "sub" / ".proofread.toml", 'ignore = ["ditto-mark-quote"]\n')
    top = write(tmp_path / "a.txt", COMMA + DITTO)
    deep = write(tmp_path / "sub" / "deeper" / "b.txt", COMMA + DITTO)
    assert codes(check("--select", "P001,P004", str(top))) == ["P001"]
    assert codes(check("--select", "P001,P004", str(deep))) == ["P004"]


def test_dot_proofread_toml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.proofread]\nignore = ["P001"]\n')
    write(tmp_path / ".proofread.toml", 'ignore = ["P004"]\n')
    doc = write(tmp_path / "a.txt", COMMA + DITTO)
    assert codes(check("--select", "P001,P004", str(doc))) == ["P001"]


def test_pyproject_without_the_table_is_skipped(tmp_path):
    write(tmp_path / ".proofread.toml", 'ignore = ["P004"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    doc = write(tmp_path / "sub" / "a.txt", COMMA + DITTO)
    assert codes(check("--select", "P001,P004", str(doc))) == ["P001"]


def test_command_line_flags_beat_the_config(tmp_path):
    write(tmp_path / ".proofread.toml", 'select = ["P001"]\nignore = ["P004"]\n')
    doc = write(tmp_path / "a.txt", COMMA + DITTO)
    assert codes(check(str(doc))) == ["P001"]  # config select
    assert codes(check("--select", "P004", str(doc))) == []  # flag select, config ignore still applies
    assert codes(check("--select", "P004", "--ignore", "L001", str(doc))) == ["P004"]  # both flags win


def test_threshold_from_config_and_flag(tmp_path):
    write(tmp_path / ".proofread.toml", "threshold = 1.0\n")
    doc = write(tmp_path / "a.txt", COMMA)
    cfg = config.for_path(str(doc))
    assert cfg.options(Options()).threshold == 1.0
    assert cfg.options(Options(threshold=0.5), {"threshold"}).threshold == 0.5
    cli._register_commands()
    r = runner.invoke(cli.app, ["fix", "--diff", "--select", "P004", str(doc)])
    assert r.exit_code == 0 and "{+，+}" not in r.stdout  # confidence below 1.0: nothing applied
    r = runner.invoke(cli.app, ["fix", "--diff", "--select", "P004", "--threshold", "0.5", str(doc)])
    assert r.exit_code == 1 and "{+，+}" in r.stdout


def test_file_lists_resolve_relative_to_the_config(tmp_path):
    write(tmp_path / "lists" / "allow.txt", "X%,三产\n")
    write(tmp_path / "lists" / "terms.txt", "回头看\n")
    write(tmp_path / ".proofread.toml", 'allow = ["lists/allow.txt"]\nphrases = "lists/terms.txt"\n')
    doc = write(tmp_path / "a.txt", COMMA + DITTO)
    opts = config.for_path(str(doc)).options(Options())
    assert opts.allow_files == [str(tmp_path / "lists" / "allow.txt")]
    assert opts.phrase_files == [str(tmp_path / "lists" / "terms.txt")]
    assert codes(check("--select", "P001,P004", str(doc))) == ["P001"]  # the allowed word is never flagged


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("selct = ['P001']\n", "unknown key 'selct'"),
        ("[tool.proofread]\nignore = []\n", "unknown key 'tool'"),
        ("ignore = ['P999']\n", "unknown rule 'P999'"),
        ("threshold = 2\n", "threshold"),
        ("allow = ['missing.txt']\n", "no such file 'missing.txt'"),
        ("extensions = { '.rst' = 'html' }\n", "extensions"),
        ("select = 3\n", "'select' must be a list"),
        ("ignore = [\n", "not valid TOML"),
    ],
)
def test_bad_config_exits_2_naming_the_problem(tmp_path, body, needle):
    write(tmp_path / ".proofread.toml", body)
    doc = write(tmp_path / "a.txt", COMMA)
    r = check(str(doc))
    assert r.exit_code == 2
    assert needle in r.stderr and ".proofread.toml" in r.stderr


def test_unknown_key_in_pyproject_names_it(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.proofread]\nthreshhold = 0.5\n")
    doc = write(tmp_path / "a.txt", COMMA)
    r = check(str(doc))
    assert r.exit_code == 2 and "unknown key 'threshhold'" in r.stderr and "pyproject.toml" in r.stderr


def test_extensions_mapping_makes_a_file_markdown(tmp_path):
    src = "```\n增长X%,三产\n```\n"
    write(tmp_path / ".proofread.toml", 'extensions = { ".mdx" = "markdown", "txt" = "markdown" }\n')
    assert codes(check("--select", "P004", str(write(tmp_path / "a.mdx", src)))) == []
    assert codes(check("--select", "P004", str(write(tmp_path / "a.txt", src)))) == []
    assert codes(check("--select", "P004", str(write(tmp_path / "a.rst", src)))) == ["P004"]
    # A mapped extension is also picked up when the folder is walked.
    r = check("--select", "P004", str(tmp_path))
    assert r.exit_code == 0 and re.search(r"^checked 2 files, 0 findings", r.stderr, re.M)


def test_include_and_exclude_when_walking_and_naming(tmp_path):
    write(tmp_path / ".proofread.toml", 'include = ["*.md", "*.rst"]\nexclude = ["drafts/", "**/skip-*.md"]\n')
    for name in ("a.md", "b.rst", "c.txt", "drafts/d.md", "sub/skip-e.md", "sub/f.md"):
        write(tmp_path / name, COMMA)
    r = check("--select", "P004", str(tmp_path))
    found = sorted(os.path.relpath(m, tmp_path) for m in re.findall(r"^(.*):\d+:\d+ P004 ", r.stdout, re.M))
    assert found == ["a.md", "b.rst", os.path.join("sub", "f.md")]
    # An excluded file is skipped even when named (pre-commit passes files by name).
    r = check("--select", "P004", str(tmp_path / "drafts" / "d.md"), str(tmp_path / "a.md"))
    assert r.exit_code == 1 and "d.md" not in r.stdout and "a.md" in r.stdout


def test_glob_regex():
    rx = config.glob_regex
    assert rx("*.md").fullmatch("a/b/c.md") and not rx("*.md").fullmatch("a/b/c.txt")
    assert rx("docs/*.md").fullmatch("docs/a.md") and not rx("docs/*.md").fullmatch("x/docs/a.md")
    assert rx("docs/**/a.md").fullmatch("docs/a.md") and rx("docs/**/a.md").fullmatch("docs/x/y/a.md")
    assert rx("build/").fullmatch("x/build") and rx("[!a]b.md").fullmatch("cb.md")


def test_init_writes_a_starter_that_parses_and_refuses_to_overwrite(tmp_path):
    cli._register_commands()
    r = runner.invoke(cli.app, ["init", str(tmp_path)])
    assert r.exit_code == 0
    path = tmp_path / ".proofread.toml"
    assert path.read_text(encoding="utf-8") == init_cmd.STARTER
    again = runner.invoke(cli.app, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    # Every commented key is a real one: uncommented (with the files it names) it loads.
    for rel in ("dictionaries/terms.txt", "dictionaries/allow.txt", "dictionaries/confusions.txt"):
        write(tmp_path / rel, "词\n")
    body = "\n".join(line[2:] if re.match(r"# [a-z]+ = ", line) else line for line in init_cmd.STARTER.splitlines())
    assert body.count("\n") > 20
    write(path, body)
    cfg = config.load(str(path))
    assert set(cfg.values) == {"select", "ignore", "threshold", "phrases", "allow", "confusions"}
    assert cfg.extensions == {".mdx": "markdown", ".rst": "text"}


def test_select_takes_prefixes_and_all_like_ruff():
    from proofread import registry

    assert registry.select("ALL") == set(registry.RULES)
    assert registry.select("C") == {c for c in registry.RULES if c.startswith("C")}
    assert registry.select("P01, ascii-punctuation") == {c for c in registry.RULES if c.startswith("P01")} | {"P004"}
    with pytest.raises(KeyError):
        registry.select("Q")
