"""Helpers of the punctuation checkers: input -> expected tables, and what must not be protected."""

from __future__ import annotations

import pytest

from proofread.checkers import charclass as cc


@pytest.mark.parametrize(
    ("ch", "han", "cjk"),
    [
        ("中", True, True),
        ("〇", True, True),
        ("𠀀", True, True),
        ("，", False, True),
        ("“", False, True),
        ("A", False, False),
        ("1", False, False),
        ("", False, False),
        (" ", False, False),
        ("\ufffc", False, False),
    ],
)
def test_char_classes(ch, han, cjk):
    assert cc.is_han(ch) is han
    assert cc.is_cjk(ch) is cjk


@pytest.mark.parametrize(
    ("text", "i", "before", "after"),
    [("中,“文", 1, "中", "文"), ('好" ,”。的', 1, "好", "的"), ("a...b", 1, "a", "b"), ('""', 1, "", "")],
)
def test_witnesses_look_through_marks(text, i, before, after):
    assert cc.witness_before(text, i) == before
    assert cc.witness_after(text, i) == after


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("见 https://a.cn/x?a=1,b=2 。", "?a=1,b"),
        ("邮件 a.b@example.com,谢谢", "@example"),
        ("用`a,b`分隔", "a,b"),
        ("用``a,b``分隔", "a,b"),
        ("&nbsp;中文", "nbsp;"),
        ('console.log("你好");', "你好"),
        ("x = f(a, b)  # 计算", "a, b"),
        ("张三.题目[J].期刊,2020,(3):1-10.", "期刊,2020"),
    ],
)
def test_protected_regions(text, inside):
    prot = cc.Protected(text)
    start = text.index(inside)
    assert all(i in prot for i in range(start, start + len(inside)))


@pytest.mark.parametrize("text", ["同比增长X%,三产比重", '他说:"你好"', "1,234元", "If you go, we go"])
def test_prose_is_not_protected(text):
    prot = cc.Protected(text)
    assert not any(i in prot for i in range(len(text)))


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("聚焦重点持续发力  强化担当务求实效", True),
        ("2019年的主要工作", True),
        ("同志们：", False),
        ("推进经济 工作高质量发展，不断提升群众满意度。", False),
    ],
)
def test_title_lines(line, title):
    assert cc.is_title_line(line) is title


def test_mostly_latin_counts_the_whole_line():
    text = "I love 北京, really, it is a great city.\n我们去了北京, 然后去上海。"
    assert cc.mostly_latin(text, 10)
    assert not cc.mostly_latin(text, text.index("然后"))
