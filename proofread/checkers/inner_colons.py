"""A colon inside a sentence that announces nothing: OCR read ； or ， as ： (P017).

A colon announces what follows (他指出： · 主要目标是： · 附件：), once a sentence. OCR reads
the small ； (and now and then ，) as ：, which leaves colons in the middle of a sentence that
announce nothing. Most colons without a word that announces are still right, though: a clause
may sum up what follows in any words (相比还有不小差距：有的部门……), so the rule needs positive
evidence that this colon is a misread, and it has three kinds:

- a colon right after a figure (总数达到117家： · 增长6.7%：): a statistic ends a clause of a
  report; it does not announce;
- a colon after an earlier colon of the same sentence, one that opened a list (the second
  colon is then a list's ；: 主要目标是：增长6.5%左右：财政收入增长6%……). An earlier colon
  right after a figure opened nothing: it is a misread itself;
- a colon before the next item of a counted list (一是……有待提高：二是……).

Which mark was meant is fixed only where the text settles it: ； before the next item, ， when the
next clause goes on about the same figure (3160套：增长9.2% · 3.18万元：分别增长……), ； when the
colon parts the items of a list that a lead-in opened (主要目标是：……：……) or when the sentence
holds a ； and the next clause ends on a figure too. Otherwise it is a suggestion: ， when the
clause it ends is the sentence's first, else ；, and ， (or ； or 。) before 其中. Checked as whole
documents (scripts/eval_documents.py), a colon after a figure was as often a misread 。 before a
new sentence as a ； or a ，, so a ； found anywhere in the sentence is no evidence on its own: the
sentence the rule sees may run over several whose 。 were misread. A colon before a quotation, a number or nothing
on its line is left alone; so are labels (联系人：何伟，电话：…… · 答：…… · 附图1：…… · 男子100米：……;
a list colon opens a clause of five characters, not a name or a number), a figure that announces a
list of names or its own parts (重点项目86个：工业项目32个，……), a catalogue's colons, and lines of
code or English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import BIBLIOGRAPHIC_RE, HAN_CLASS, HAN_RE, after_last, mostly_latin, protected
from .figures import CONTINUATION_RE, COUNT_WORDS, ends_on_figure
from .lead_ins import announces

CODES = ("P017",)
_RULE = RULES["P017"]

LOOK = 300  # characters looked back and ahead for the sentence: a longer stretch is no prose sentence
MIN_CLAUSE_HAN = 4  # 电话： 账号： 性别： are labels, never a clause a colon could have ended
MIN_FIRST_ITEM_HAN = 5  # what a list colon opens is a clause; a label's value is a name (林国栋)
MIN_ITEM_HAN = 6  # an item of a list is a clause: 项目经理： 投标报价： after a first label are labels too
#: A colon mid-line with a Chinese character after it, or a list number (：2.农村自建房……).
_COLON_RE = re.compile(f"：(?=[{HAN_CLASS}]|\\d+[.．、][{HAN_CLASS}])")
#: The next item of a counted list: 二是 · 其三 (with the one before it earlier in the sentence).
#: Not 第二: 第一书记强调：第二季度…… counts nothing.
_ITEM_RE = re.compile("(其|)([二三四五六七八九十])(是|)")
#: What follows is a list of names or items (有3个：石桥村、…): a figure may announce it.
_ENUMERATION_RE = re.compile(f"[{HAN_CLASS}]{{2,16}}(?:（[^（）]{{1,32}}）)?、")
#: A quotation opens a sentence of its own: 他说：“目标有三个：……”
_SENTENCE_START_RE = re.compile(r"[。！？!?\n“「]")
#: A clause ends at a mark, or at a wide gap: labels on one line (经治医师：许清和　　主治医师：杜明远).
_CLAUSE_START_RE = re.compile(r"[，。；：！？、,;!?\n\t\u3000]| {2,}")
_GROUP_START_RE = re.compile(r"[。！？；：!?;\n]")
#: A comma inside the clause group (a misread . between characters counts: P015 makes it ，).
_COMMA_RE = re.compile(f"[，,]|(?<=[{HAN_CLASS}])[.．](?=[{HAN_CLASS}])")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    if "：" not in text or BIBLIOGRAPHIC_RE.search(text):
        return  # (a catalogue's 题名：副题名 and 出版地：出版者 are colons of its own grammar)
    prot = None
    for m in _COLON_RE.finditer(text):
        i = m.start()
        sentence_start = after_last(_SENTENCE_START_RE, text, max(0, i - LOOK), i)
        before = text[sentence_start:i]
        clause = before[after_last(_CLAUSE_START_RE, before, 0, len(before)) :]
        han = len(HAN_RE.findall(clause))
        next_item = han >= 2 and _next_item(before, text, i)  # 一是 holds a 是 that announces nothing
        if han < 2 or (not next_item and announces(before)):
            continue
        # a short figure opening the sentence is a label (男子100米：第一名……), not a statistic
        label = len(clause) == len(before) and han < MIN_CLAUSE_HAN
        figure = (
            not label
            and ends_on_figure(clause)
            and not _ENUMERATION_RE.match(text, i + 1)
            and not _breakdown(clause, text, i)
        )
        after_colon = han >= MIN_ITEM_HAN and _list_colon_before(before)
        if not (figure or after_colon or next_item):
            continue
        prot = prot if prot is not None else protected(text)
        if i in prot or mostly_latin(text, i):
            continue
        sentence_end = _next(_SENTENCE_START_RE, text, i)
        group = before[after_last(_GROUP_START_RE, before, 0, len(before)) :]
        if next_item:
            replacements, confidence, why, safe = ("；", "，"), 0.9, "后面是下一个分项，应为分号", True
        elif CONTINUATION_RE.match(text, i + 1):
            replacements, confidence, why, safe = ("，", "；"), 0.85, "后面接着说同一个数字的变化，应为逗号", True
        elif text.startswith("其中", i + 1):
            # ， mostly, but a misread 。 or ； stands here too (增长5.6%：其中，第一产业……)
            replacements, confidence, why, safe = ("，", "；", "。"), 0.6, "疑为逗号（后面用“其中”说明分项）", False
        elif after_colon or ("；" in text[sentence_start:sentence_end] and _figure_follows(text, i)):
            replacements, confidence, why, safe = ("；", "，"), 0.9, "列举的分项之间应为分号", True
        elif not _COMMA_RE.search(group):
            replacements, confidence, why, safe = ("，", "；"), 0.7, "疑为逗号或分号", False
        else:
            replacements, confidence, why, safe = ("；", "，"), 0.7, "疑为分号或逗号", False
        evidence = "前面是统计数字" if figure else ("前面已有冒号" if after_colon else "前后是并列的分项")
        yield doc.finding(
            _RULE,
            i,
            i + 1,
            replacements,
            confidence,
            message=f"句中的冒号没有引出下文（{evidence}）：{why}",
            safe=safe,
        )


def _breakdown(clause: str, text: str, i: int) -> bool:
    """Does the colon at i announce the parts of the figure before it (重点项目86个：工业项目32个，……)?
    The first part is counted in the same measure word."""
    unit = clause[-1]
    if unit not in COUNT_WORDS:
        return False
    first = _CLAUSE_START_RE.split(text[i + 1 : i + 1 + LOOK], 1)[0]
    return re.search(f"[0-9]{re.escape(unit)}$", first) is not None


def _next_item(before: str, text: str, i: int) -> bool:
    """Does the colon at i stand before the next item of a list the sentence counts (一是……：二是)?"""
    m = _ITEM_RE.match(text, i + 1)
    if not m or not (m.group(1) or m.group(3)):
        return False
    numeral = "一二三四五六七八九十".index(m.group(2))
    return numeral > 0 and m.group(1) + "一二三四五六七八九十"[numeral - 1] + m.group(3) in before


def _list_colon_before(before: str) -> bool:
    """Does the sentence so far hold a colon that opened a list: one after a clause, not a label?

    A colon right after a figure is a misread too (this rule's other evidence), so it opened nothing;
    a label's colon (答：…… · 附件：……) opens the whole line, not a list inside it.
    """
    clause_start = 0
    for m in _CLAUSE_START_RE.finditer(before):  # one pass: a clause runs from one mark to the next
        if m.group() == "：":
            head = before[clause_start : m.start()]
            # a label (答： 附件：) opens no list, nor does a figure, nor a colon before a number or
            # a code (身份证号码：530102……) or a name (出租方：林国栋，身份证号码：……)
            if (
                len(HAN_RE.findall(head)) >= MIN_CLAUSE_HAN
                and not ends_on_figure(head)
                and announces(before[: m.start()])
                and HAN_RE.match(before, m.end())
                and len(HAN_RE.findall(_CLAUSE_START_RE.split(before[m.end() :], 1)[0])) >= MIN_FIRST_ITEM_HAN
            ):
                return True
        clause_start = m.end()
    return False


def _figure_follows(text: str, i: int) -> bool:
    """Does the clause after the colon at i end on a figure, as the one before it does: the next
    statistic of a list (……增长6.2%：第三产业增加值2741.58亿元，……)? A misread 。 is followed by a
    new sentence instead (……3.7万件：要认真落实……)."""
    return ends_on_figure(_CLAUSE_START_RE.split(text[i + 1 : i + 1 + LOOK], 1)[0])


def _next(pattern: re.Pattern[str], text: str, i: int) -> int:
    m = pattern.search(text, i, i + LOOK)
    return m.start() if m else min(len(text), i + LOOK)
