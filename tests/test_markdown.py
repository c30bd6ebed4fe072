"""Markdown input: prose is checked, code/URLs/HTML/front matter are masked, fixes never reach them."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofread import pipeline
from proofread.inputs import prepare
from proofread.inputs.markdown import mask
from proofread.inputs.text import TextFile
from proofread.model import MASK
from proofread.options import Options

MARK = "码,文"  # a Chinese clause break with an ASCII comma: P004 would fix it if it saw it
PUNCT = Options(select={"P001", "P003", "P004"})


def _masked_at(src: str, needle: str = MARK) -> list[bool]:
    """For each occurrence of `needle` in `src`: is it fully masked in the Markdown view?"""
    text = mask(src).text
    assert len(text) == len(src)
    out = []
    for m in re.finditer(re.escape(needle), src):
        seg = text[m.start() : m.end()]
        assert seg in (needle, MASK * len(needle)), f"partly masked: {seg!r}"
        out.append(seg == MASK * len(needle))
    assert out, "needle not in source"
    return out


SKIPPED = {
    "fenced code": f"文字。\n\n```python\nx = '{MARK}'\n```\n",
    "tilde fence": f"~~~\n{MARK}\n~~~\n",
    "unclosed fence": f"```\n{MARK}\n",
    "indented code": f"文字。\n\n    {MARK}\n",
    "inline code": f"文字`{MARK}`文字。\n",
    "double-backtick code": f"文字`` a`{MARK} ``文字。\n",
    "link target": f"见[文件](https://example.org/{MARK})。\n",
    "link title": f'见[文件](https://example.org/ "{MARK}")。\n',
    "reference definition": f"见[文件][r]。\n\n[r]: https://example.org/{MARK}\n",
    "autolink": f"见<https://example.org/{MARK}>。\n",
    "e-mail autolink": "见<a.b@example.org>。\n",
    "bare URL": "见 https://example.org/a,b 文字。\n",
    "image": f"文字![{MARK}](pic.png)文字。\n",
    "inline HTML": f'文字<span title="{MARK}">字</span>。\n',
    "HTML comment": f"文字<!-- {MARK} -->文字。\n",
    "HTML block": f"<div>\n{MARK}\n</div>\n",
    "YAML front matter": f"---\ntitle: {MARK}\n---\n正文。\n",
    "YAML front matter closed by ...": f"---\ntitle: {MARK}\n...\n正文。\n",
    "TOML front matter": f'+++\ntitle = "{MARK}"\n+++\n正文。\n',
}

KEPT = {
    "ATX heading": f"# {MARK}\n",
    "ATX heading with closing hashes": f"## {MARK} ##\n",
    "setext heading": f"{MARK}\n===\n",
    "paragraph": f"前文，{MARK}后文。\n",
    "paragraph continuation line": f"第一行\n  {MARK}\n",
    "list item": f"- {MARK}\n",
    "ordered list item": f"1. {MARK}\n",
    "nested list item": f"- 外层\n  - {MARK}\n",
    "table cell": f"| 甲 | 乙 |\n|---|---|\n| 丙 | {MARK} |\n",
    "block quote": f"> {MARK}\n",
    "quote in a list": f"- 项目\n\n  > {MARK}\n",
    "link text": f"见[{MARK}](https://example.org/)。\n",
    "reference link text": f"见[{MARK}][r]。\n\n[r]: https://example.org/\n",
    "emphasis": f"文字**{MARK}**文字。\n",
    "front-matter look-alike later in the file": f"正文。\n\n---\n{MARK}\n",
}


@pytest.mark.parametrize("name", list(SKIPPED))
def test_skipped_construct_is_masked(name):
    needle = {"bare URL": "a,b", "e-mail autolink": "a.b"}.get(name, MARK)
    assert all(_masked_at(SKIPPED[name], needle)), name


@pytest.mark.parametrize("name", list(KEPT))
def test_prose_construct_is_kept(name):
    assert not any(_masked_at(KEPT[name])), name


def test_markup_around_prose_is_masked_but_newlines_stay():
    src = "# 标题\r\n\r\n> 引用**重点**\r\n- [链接](u)\r\n"
    text = mask(src).text
    assert text.count("\n") == src.count("\n") and text.count("\r") == src.count("\r")
    for ch in "#>*-[]()u":
        assert ch not in text
    for word in ("标题", "引用", "重点", "链接"):
        assert src.index(word) == text.index(word)


def test_code_lines_are_reported_for_suppression_parsing():
    src = "---\na: 1\n---\n文字\n\n```\ncode\n```\n\n    indented\n"
    assert mask(src).code_lines == {1, 2, 3, 6, 7, 8, 10}


def _doc(src: str, path="doc.md"):
    return prepare.document(TextFile(path, src, "utf-8"))


def test_findings_in_prose_are_reported_at_source_positions():
    src = "# 标题\n\n- 列表项，增长X%,三产比重\n"
    [f] = pipeline.check(_doc(src), PUNCT)
    assert (f.code, f.line, f.original) == ("P004", 3, ",")
    assert src[f.start] == ","


def test_fix_leaves_every_code_block_byte_identical():
    src = (
        "---\n"
        'title: "增长X%,三产"\n'
        "---\n"
        "# 报告\n\n"
        "巡视工作“回头看〃，增长X%,三产比重提高。\n\n"
        "```text\n"
        "巡视工作“回头看〃，增长X%,三产比重提高。\n"
        "```\n\n"
        "    缩进代码：增长X%,三产比重\n\n"
        "行内`增长X%,三产`代码，以及[链接](https://example.org/增长,三产)和<!-- 增长X%,三产 -->。\n"
        "<div>增长X%,三产</div>\n"
    )
    applied, findings = pipeline.fix(_doc(src), PUNCT)
    out = applied.text
    assert "巡视工作“回头看”，增长X%，三产比重提高。\n\n```" in out  # the prose is fixed
    assert len(applied.applied) == 2
    code = re.compile(
        r"```text\n[^`]*```\n|    缩进[^\n]*\n|`[^`\n]+`|\(https://[^)]*\)|<!--[^>]*-->|<div>[^<]*</div>|---\n[^-]*---\n"
    )
    assert code.findall(out) == code.findall(src)
    assert len(code.findall(src)) == 7
    # Nothing outside the applied fixes changed.
    assert out.replace("”", "〃").replace("，三产比重提高", ",三产比重提高") == src


def test_a_soft_wrapped_markdown_paragraph_gets_no_full_stop_but_one_ended_by_a_blank_line_does():
    first = "全年地区生产总值增长6.5%，高于全省平均水平0.3个百分点，工业增加值增长7.1%。\n\n"
    wrapped = "今年以来，全县经济运行总体平稳。主要指标好于预期，发展质量\n稳步提升，各项工作取得新的进展，群众获得感不断增强。\n\n"
    dropped = "今年以来，全县经济运行总体平稳，主要指标好于预期。发展质量稳步提升，各项改革有序推进\n\n"
    last = "下一步，我们将继续努力，推动经济持续向好，确保完成全年目标任务。\n"
    stops = Options(select={"P016"})
    assert not pipeline.check(_doc(first + wrapped + last), stops)
    [f] = pipeline.check(_doc(first + dropped + last), stops)
    assert (f.line, f.replacements) == (3, ("。",))
    # the same soft wrap in plain text is two paragraphs: the first lost its mark
    [f] = pipeline.check(_doc((first + wrapped + last).replace("\n\n", "\n"), "doc.txt"), stops)
    assert f.line == 2


def test_txt_files_are_all_prose_and_md_is_markdown():
    src = "```\n增长X%,三产\n```\n"
    assert pipeline.check(_doc(src, "a.txt"), PUNCT)
    assert not pipeline.check(_doc(src, "a.md"), PUNCT)
    assert not pipeline.check(_doc(src, "a.MARKDOWN"), PUNCT)
    assert pipeline.check(prepare.document(TextFile("a.md", src, "utf-8"), "text"), PUNCT)


markdownish = st.lists(
    st.sampled_from(
        list("中文,。`*_[]()<>!-#>|\\&;:/ \t\n\r~+=\"'x1") + ["---", "```", "    ", "http://a.b", "<!--", "-->"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdownish)
def test_mask_keeps_length_newlines_and_source_characters(src):
    text = mask(src).text
    assert len(text) == len(src)
    for a, b in zip(src, text, strict=True):
        assert b == a or (b == MASK and a not in "\r\n")
