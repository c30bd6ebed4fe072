"""A pause mark 、 between two clauses: OCR read ， as 、 (P018).

The pause mark 、 parts the items of a list (稳增长、调结构、惠民生); a comma parts clauses.
Whether two stretches are list items or clauses is mostly a matter of grammar the text alone
does not settle, so the rule fixes only where the stretch before 、 can be no list item:

- a sentence adverbial that opens the sentence (下一步 · 今年以来 · 据了解;
  `dictionaries/clause_openers.txt`), not words a colon announced (关联词有：但是、然而);
- (suggested only) a framing phrase (据气象部门预测 · 按常住人口计算) or a clause ending on a verb of saying
  (也有人说), which a clause of six or more characters follows (`dictionaries/framing_verbs.txt`;
  据统计、测算 lists two verbs);
- a figure and its comparison with the year before (10.21万元、比上年增长5.2%);
- the addressee of a speech (同学们、大学是什么？), unless another addressee follows (同学们、老师们).

And never where more items follow: the next stretch ends on another 、, or joins the last items
with 和 及 与 或 等 (小说、散文和戏剧评论 · 根据现场调查、资料分析和专家论证), or the next word
has the same shape (事实上、法律上).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..datafiles import dictionaries_dir, read_list
from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import HAN_RE, after_last, mostly_latin, protected
from .figures import ends_on_figure

CODES = ("P018",)
_RULE = RULES["P018"]

LOOK = 80  # characters looked back for the clause: a longer one is no opener
_CLAUSE_START_RE = re.compile(r"[，。；：！？、,;:!?\n“”（）]")
_SENTENCE_START_RE = re.compile(r"[。；：！？;:!?\n“”]")
MIN_CLAUSE_AFTER = 6  # Chinese characters to the next mark: 据统计、测算， is a list of two verbs
_FRAMING = "句首的状语"
_SAYING = "引出下文的“说”类动词"
_ASKED = frozenset((_FRAMING, _SAYING))
#: What stands before words that are quoted or announced, not a sentence's first words
#: (关联词有：但是、然而 · 题目是“然而、不过”这两个词).
_NOT_OPENING = ("：", ":", "“", "‘", "「")
#: The addressees of a speech (老人们、小孩子 is a list of people, not a vocative).
_ADDRESSEES = frozenset(
    "同志们 同学们 朋友们 乡亲们 老师们 家长们 代表们 同事们 战友们 青年朋友们 女士们 先生们 各位".split()
)
#: Who says, before a one-character verb of saying: 有人说 · 他讲 (not 小说 · 演讲).
_SPEAKERS = frozenset("人他她我你们者家员长师生友")
_ANOTHER_ADDRESSEE_RE = re.compile(r"[\u4e00-\u9fff]{1,3}们|各位|女士|先生|来宾|同志|朋友")
#: The next stretch is an item too: it ends on another 、, or it joins the last items (和 及 与 等).
_LIST_AFTER_RE = re.compile(r"[^，。；：！？、,;:!?\n]{1,12}、")
_JOINED_RE = re.compile(r"和|及|与|或|等")
#: A figure and its comparison with the year before (10.21万元、比上年增长5.2%): one statistic.
_COMPARISON_RE = re.compile(r"比上年|比去年|较上年|同比|环比")


@cache
def _openers() -> frozenset[str]:
    return frozenset(read_list(dictionaries_dir() / "clause_openers.txt"))


@cache
def _framing() -> tuple[dict[str, tuple[str, tuple[str, ...]]], tuple[str, ...]]:
    """({start: (characters that make it a word instead, the verbs that close the phrase)}, verbs of
    saying), from framing_verbs.txt."""
    frames: dict[str, tuple[str, tuple[str, ...]]] = {}
    saying: list[str] = []
    path = dictionaries_dir() / "framing_verbs.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0].startswith("*"):
            saying.append(words[0][1:])
        else:
            not_after = "".join(w[1:] for w in words[1:] if w.startswith("!"))
            frames[words[0]] = (not_after, tuple(w for w in words[1:] if not w.startswith("!")))
    return frames, tuple(saying)


def _framed(clause: str, frames: dict[str, tuple[str, tuple[str, ...]]]) -> bool:
    """Does `clause` open with a framing preposition and end with one of its verbs (据……预测)?"""
    frame = frames.get(clause[:1])
    return frame is not None and clause[1:2] not in frame[0] and clause.endswith(frame[1])


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if "、" not in text:
        return
    prot = None
    for m in re.finditer("、", text):
        i = m.start()
        why = _clause_before(text, i)
        if why is None:
            continue
        prot = prot if prot is not None else protected(text)
        if i in prot or mostly_latin(text, i):
            continue
        # a framing phrase or a verb of saying may also end the first of two items (经审核、公示的 ·
        # 网友说、专家说): on the clean corpus these were the guesses most often wrong, so they are asked
        sure = why not in _ASKED
        yield doc.finding(
            _RULE,
            i,
            i + 1,
            "，",
            0.85 if sure else 0.6,
            message=f"顿号前是{why}，不是并列的词语：{'应为' if sure else '疑为'}逗号（OCR 常把“，”读成“、”）",
            safe=sure,
        )


def _ends_saying(clause: str, saying: tuple[str, ...]) -> bool:
    for verb in saying:
        if clause.endswith(verb):
            return len(verb) > 1 or clause[-2:-1] in _SPEAKERS
    return False


def _clause_before(text: str, i: int) -> str | None:
    """What stands before the 、 at i that no list can hold (a description for the message), or None."""
    lo = max(0, i - LOOK)
    clause_start = after_last(_CLAUSE_START_RE, text, lo, i)
    if clause_start > 0 and text[clause_start - 1] == "、":
        return None  # an item of a list already under way
    clause = text[clause_start:i].strip(" \u3000")
    if len(HAN_RE.findall(clause)) < 2:
        return None
    after = text[i + 1 : i + 1 + LOOK]
    next_stretch = _CLAUSE_START_RE.split(after, 1)[0]
    if _LIST_AFTER_RE.match(after) or _JOINED_RE.search(next_stretch):
        return None  # more items follow (但是、然而、不过 · 小说、散文和戏剧评论)
    sentence_start = after_last(_SENTENCE_START_RE, text, lo, i)
    # a sentence's first words, not words a colon announced (关联词有：但是、然而)
    at_sentence_start = sentence_start == clause_start and text[sentence_start - 1 : sentence_start] not in _NOT_OPENING
    long_after = len(HAN_RE.findall(next_stretch)) >= MIN_CLAUSE_AFTER
    if len(clause) <= 4 and next_stretch[len(clause) - 1 : len(clause)] == clause[-1]:
        return None  # two words of one shape are items: 事实上、法律上 · 省内、省外
    if long_after and at_sentence_start and clause in _openers():
        return "句首的插入语"
    frames, saying = _framing()
    if long_after and at_sentence_start and _framed(clause, frames):
        return _FRAMING
    if (
        long_after
        and len(clause) >= 3
        and _ends_saying(clause, saying)
        and not any(_ends_saying(next_stretch[:k], saying) for k in (2, 3, 4))
    ):
        return _SAYING
    if ends_on_figure(clause) and _COMPARISON_RE.match(after):
        return "数字，后面接着说它比上年的变化"
    if at_sentence_start and clause in _ADDRESSEES and not _ANOTHER_ADDRESSEE_RE.match(after):
        return "称呼语"
    return None
