"""A paragraph that ends on a mark that cannot end it: OCR read the small full stop 。 as
，(P010), as a dot, a pause mark or a stroke · . 、 丶 一 (P011), or as a colon that introduces
nothing (P014).

A Chinese paragraph ends a sentence (。！？, a colon before a list, a semicolon in a list
item, a closing quote or bracket), never a comma. But a comma at the end of a *line* is
ordinary where lines are not paragraphs: hard-wrapped text (a scan's lines kept as they
were printed), verse, a list of clauses. So the rules first ask whether the document's
lines are paragraphs: almost every long line ends a sentence and few lines end on a comma.
Then a long line of prose ending on ， (or on an ASCII comma after Chinese text) gets 。.
A dot or a pause mark ends no Chinese sentence whatever the layout says about commas, so
P011 only needs the lines to be paragraphs (a final 一 only when it ends no word: 之一 统一
stay). A colon may end a paragraph when it announces
what follows (下面，我讲三点意见： · 同志们： · 现将有关事项通知如下：), in words no list can hold
(老支书笑了笑：); P014 judges only a colon after which nothing can be announced: the one that ends
the whole text, and one whose next paragraph is the next item of a numbered sequence (二、 （三） 4.:
a sibling of the section it ends, not a list it opens). Even then only when its clause holds none
of the words that announce (`dictionaries/colon_lead_ins.txt`): a lead-in sentence standing alone stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Finding
from ..options import Options
from ..registry import RULES
from .charclass import (
    FIELD_START_RE,
    HAN_RE,
    HEADING_NUMBER_RE,
    chinese_before,
    is_form_line,
    is_title_line,
    mostly_latin,
    protected,
    quote_left_open,
)
from .lead_ins import announces

CODES = ("P010", "P011", "P014")
_P010, _P011, _P014 = RULES["P010"], RULES["P011"], RULES["P014"]

MIN_HAN = 10  # a shorter line may be verse, a heading or a list item: 床前明月光，
MIN_HAN_DOT = 6  # ... but none ends on a middle dot
_MIDDLE_DOTS = "·•・‧"
MIN_CLAUSE = 4  # Chinese characters in the clause the comma ends: 参加会议的有：张三，is a list
_NUMBER_END_RE = re.compile(r"[0-9][0-9.]*[%％]?$")  # a clause ending on a figure: 达到0.58·
SENTENCE_END = frozenset("。！？!?；;：:…”’）)》】」』—")
#: What may stand before the comma: the end of a clause (a character, a number, a closing mark;
#: a quote of either direction, since the quote rules may turn it in the same run).
_CLAUSE_TAIL_RE = re.compile(r"[\u4e00-\u9fff0-9%％“”‘’\"'〃）)》】]")
_COMMA_AT_LINE_END_RE = re.compile(r"[，,][ \t\r\u3000]*$", re.M)
#: Marks OCR makes of a small 。: middle dots (the glyph drawn centred, as Ming faces of
#: the Taiwan style do), a full stop of the wrong script, the pause mark and its look-alike
#: radical 丶. A closing quote or bracket may follow. A run of dots is an ellipsis (P005).
_DOT_AT_LINE_END_RE = re.compile(r"(?<![.．·…])[·•・‧.．、丶](?=[”’）》」』]*[ \t\r\u3000]*$)", re.M)
_COLON_AT_LINE_END_RE = re.compile(r"[：:][ \t\r\u3000]*$", re.M)
_YI_AT_LINE_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])一[ \t\r\u3000]*$", re.M)
_SENTENCE_STOP_RE = re.compile(r"[。！？；]")  # a heading's own words end before it: （一）稳步推进。……：
_LAST_CLAUSE_RE = re.compile(r"[，。；：！？、,;:!?]")
MAX_YI_WORD = 5  # longest word ending in 一 looked up: 天人合一 · 知行合一
WRAPPED_SHARE = 0.2  # more long lines than this ending mid-sentence: hard-wrapped text
COMMA_SHARE = 0.1  # more lines than this (and than one) ending on a comma: the author's layout


def check(doc: Document, options: Options) -> Iterator[Finding]:
    text = doc.text
    commas = _COMMA_AT_LINE_END_RE.search(text) is not None
    dots = _DOT_AT_LINE_END_RE.search(text) is not None
    colons = _COLON_AT_LINE_END_RE.search(text) is not None
    yis = _YI_AT_LINE_END_RE.search(text) is not None
    if not (commas or dots or colons or yis):
        return  # the usual case, found with regex scans before any per-line work
    lines = _prose_lines(text)
    dot_ends = {m.start() for m in _DOT_AT_LINE_END_RE.finditer(text)}
    dot_lines = [(start, end) for start, end in lines if _dot_before(text, end) in dot_ends]
    yi_lines = [(start, end) for start, end in lines if text[end - 1] == "一" and options.enabled("P011")]
    # Only a paragraph after which nothing comes that its colon could announce: the end of the
    # text, or the next item of a numbered sequence (二、 （三） 4.), a sibling, not a list it opens.
    colon_lines = [
        (start, end)
        for start, end in lines
        if text[end - 1] in "：:"
        and (not text[end:].strip() or _next_item_number(_next_paragraph(text, end)) >= 2)
        and not announces(text[start : end - 1])
    ]
    # Lines ending on a candidate mark vote neither way: they are what is being judged.
    judged = set(dot_lines) | set(colon_lines) | set(yi_lines)
    # A numbered heading (一、加强学习，不断提升履职能力) or a field (出席：……) may end on no mark:
    # it says nothing about how the paragraphs end, so it does not vote that way.
    voters = [
        (start, end)
        for start, end in lines
        if (start, end) not in judged and not (text[end - 1] not in SENTENCE_END and _heading_or_field(text, start))
    ]
    open_ends = sum(1 for start, end in voters if text[end - 1] not in SENTENCE_END and text[end - 1] not in "，,")
    if open_ends > WRAPPED_SHARE * max(1, len(voters)):
        return  # lines end mid-sentence: they are printed lines, not paragraphs
    if not voters:
        # Nothing to say how the lines are laid out: only a line that certainly ends its
        # paragraph (the last of the text, or one before a blank line) is judged.
        dot_lines = [(start, end) for start, end in dot_lines if not _next_line(text, end)]
        yi_lines = [(start, end) for start, end in yi_lines if not _next_line(text, end)]
    if dot_lines:
        yield from _misread_stops(doc, dot_lines)
    if yi_lines:
        yield from _stops_read_as_yi(doc, yi_lines, options)
    if colon_lines:
        yield from _stray_colons(doc, colon_lines)
    if commas:
        yield from _comma_ends(doc, lines)


def _heading_or_field(text: str, start: int) -> bool:
    return HEADING_NUMBER_RE.match(text, start) is not None or FIELD_START_RE.match(text, start) is not None


def _stray_colons(doc: Document, candidates: list[tuple[int, int]]) -> Iterator[Finding]:
    text = doc.text
    prot = protected(text)
    for start, end in candidates:
        k = end - 1
        if k in prot or not _CLAUSE_TAIL_RE.match(text[k - 1]):
            continue
        if quote_left_open(text[start:k]):
            continue  # inside a quotation that runs on: its layout is the author's
        if HEADING_NUMBER_RE.match(text, start) and not _SENTENCE_STOP_RE.search(text, start, k):
            continue  # a numbered heading or item announces what follows it: （一）基本情况：
        if is_form_line(text[start:end]):
            continue  # fields of a form set out in columns
        if text[k] == ":" and (not chinese_before(text, k) or mostly_latin(text, k)):
            continue
        # Mid-text, a colon may announce the next paragraph in words no list holds (老支书笑了笑：,
        # 会议研究决定：): on a corpus of clean documents even a suggestion there was wrong every time.
        # The text's last paragraph announces nothing. An ASCII colon is also P004's (→ ：): this
        # fix wins the span, so the report names the rule that explains the final 。.
        confidence = 0.96 if text[k] == ":" else 0.85
        if text[end:].strip():
            msg = "段落以冒号结尾，下一段却是同级的下一个编号，冒号没有引出内容，应为句号（OCR 常把“。”读成“：”）"
        else:
            msg = "全文以冒号结尾，前文也没有引出下文的词语，应为句号（OCR 常把“。”读成“：”）"
        yield doc.finding(_P014, k, end, "。", confidence, message=msg, safe=True)


_CN_NUMBER = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
#: The number of a heading or list item at a line start: 二、 （三） 4. 第五条 (not 1.1, a date or 3.5%).
_ITEM_NUMBER_RE = re.compile(
    r"(?:（(?P<p>[一二三四五六七八九十]{1,3}|[0-9]{1,2})）|(?P<n>[一二三四五六七八九十]{1,3})、"
    r"|(?P<d>[0-9]{1,2})[、.．](?![0-9])|第(?P<t>[一二三四五六七八九十]{1,3})[章节条部])"
)


def _next_item_number(line: str) -> int:
    """The item number the line starts with (0 when it starts with none)."""
    m = _ITEM_NUMBER_RE.match(line)
    if m is None:
        return 0
    number = next(g for g in m.groups() if g)
    if number.isdigit():
        return int(number)
    if len(number) == 1:
        return _CN_NUMBER[number]
    tens, _, units = number.partition("十")  # 十二 · 二十 · 二十三
    return (_CN_NUMBER.get(tens, 1) * 10 if "十" in number else 0) + _CN_NUMBER.get(units, 0)


def _next_paragraph(text: str, end: int) -> str:
    """The first non-blank line after the one that ends at `end` ('' at the end of the text)."""
    rest = text[end : end + 400].lstrip(" \t\r\u3000\n")
    return rest.split("\n", 1)[0]


def _next_line(text: str, end: int) -> str:
    """The line after the one that ends at `end` (without spaces), or '' at the end of the text."""
    nl = text.find("\n", end)
    if nl == -1:
        return ""
    following = text.find("\n", nl + 1)
    return text[nl + 1 : following if following != -1 else len(text)].strip()


def _dot_before(text: str, end: int) -> int:
    """Position of the mark a line ends on, before any closing quotes or brackets."""
    k = end - 1
    while k > 0 and text[k] in "”’）》」』":
        k -= 1
    return k


def _misread_stops(doc: Document, candidates: list[tuple[int, int]]) -> Iterator[Finding]:
    text = doc.text
    prot = protected(text)
    for start, end in candidates:
        k = _dot_before(text, end)
        if k in prot or not _CLAUSE_TAIL_RE.match(text[k - 1]):
            continue
        if text[k] in ".．" and (not chinese_before(text, k) or mostly_latin(text, k)):
            continue  # the full stop of an English sentence
        clause = _LAST_CLAUSE_RE.split(text[start:k])[-1]
        han = len(HAN_RE.findall(clause))
        if han < MIN_CLAUSE and not (han >= 2 and _NUMBER_END_RE.search(clause)):
            continue  # 一、 二、 items and short clauses (but 达到0.58 is a clause): not a sentence end to judge
        yield doc.finding(
            _P011,
            k,
            k + 1,
            "。",
            0.9,
            message=f"段落以“{text[k]}”结尾，应为句号（OCR 常把“。”读成点或顿号）",
            safe=True,
        )


def _stops_read_as_yi(doc: Document, candidates: list[tuple[int, int]], options: Options) -> Iterator[Finding]:
    """一 ending a paragraph that no word ends with (之一 统一 如一 星期一 are words): OCR read 。 as 一."""
    from ..engine import api  # the language model's vocabulary; loaded only for such a line

    vocab = api.get(options).model.vocab
    text = doc.text
    prot = protected(text)
    for start, end in candidates:
        k = end - 1
        if k in prot or quote_left_open(text[start:k]):
            continue  # protected, or a quotation that runs on
        if any(text[i:end] in vocab for i in range(max(start, end - MAX_YI_WORD), k)):
            continue  # 一 ends a word: the sentence may have lost its 。 too, but this 一 is meant
        if len(HAN_RE.findall(_LAST_CLAUSE_RE.split(text[start:k])[-1])) < MIN_CLAUSE:
            continue
        msg = "段落以“一”结尾，而“一”与前文不成词，应为句号（OCR 常把“。”读成“一”）"
        yield doc.finding(_P011, k, end, "。", 0.85, message=msg, safe=True)


def _comma_ends(doc: Document, lines: list[tuple[int, int]]) -> Iterator[Finding]:
    text = doc.text
    comma_lines = [(start, end) for start, end in lines if text[end - 1] in "，,"]
    if not comma_lines:
        return
    nonblank = [ln.rstrip(" \t\r\u3000") for ln in text.split("\n") if ln.strip()]
    if sum(1 for ln in nonblank if ln[-1] in "，,") > max(1, COMMA_SHARE * len(nonblank)):
        return
    prot = protected(text)
    for start, end in comma_lines:
        k = end - 1
        while k > start and text[k - 1] in "，,":
            k -= 1  # a doubled comma (，，) is one mark: the whole run becomes 。
        mark = k
        if k - 1 > start and text[k - 1] == " ":
            k -= 1  # a space before the mark goes with the fix, as P004 takes it with an ASCII comma
        if k == start or not _CLAUSE_TAIL_RE.match(text[k - 1]) or k in prot:
            continue
        line = text[start:k]
        if quote_left_open(line):
            continue  # a quotation running over paragraphs: its layout is the author's
        if len(HAN_RE.findall(_LAST_CLAUSE_RE.split(line)[-1])) < MIN_CLAUSE:
            continue
        if text[mark] == "," and not (chinese_before(text, mark) and not mostly_latin(text, mark)):
            continue  # the comma of an English clause or a list of numbers: P004 leaves it, so do we
        # The span may also be P004's (ASCII comma → ，, 0.95) or P007's (，， → ，): this fix wins
        # it, so the report names the rule that explains the final 。 (fix's second pass would
        # reach 。 too, but as P004's finding).
        confidence = 0.96 if end - k > 1 or text[mark] == "," else 0.9
        yield doc.finding(
            _P010, k, end, "。", confidence, message="段落以逗号结尾，应为句号（OCR 常把“。”读成“，”）", safe=True
        )


def _prose_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of prose (end after trailing spaces are dropped): long enough
    and not titles. Lines of other kinds (titles, short items, code) do not vote."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.rstrip(" \t\r\u3000")
        han = len(HAN_RE.findall(stripped))
        if han < MIN_HAN and not (han >= MIN_HAN_DOT and stripped[-1:] in _MIDDLE_DOTS):
            continue  # (no short line ends on a middle dot: 县域经济加快转型· is a sentence)
        if is_title_line(stripped) and not _DOT_AT_LINE_END_RE.search(stripped) and stripped[-1] not in "：:":
            continue  # (a title ends on no mark; one ending on a dot is a one-clause paragraph)
        out.append((start, start + len(stripped)))
    return out
