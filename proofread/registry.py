"""The one table of rule codes (ruff's `codes.rs`).

A code is never reused or renumbered. New rules start as ``status="preview"``.
Each doc uses the headings What it does / Why is this bad? / Example, which
`proofread explain CODE` prints.
"""

from __future__ import annotations

from .model import FixSafety, Kind, Rule

_A, _S, _N = FixSafety.ALWAYS, FixSafety.SOMETIMES, FixSafety.NEVER


def _rule(code, name, kind, summary, fix, doc, status="stable") -> Rule:
    return Rule(code, name, kind, summary, fix, doc.strip(), status)


_TABLE = [
    # --- P: punctuation -------------------------------------------------------------
    _rule(
        "P001",
        "ditto-mark-quote",
        Kind.PUNCTUATION,
        "ditto mark 〃 used as a closing quote",
        _A,
        """
What it does: finds the ditto mark 〃 closing an open Chinese quote “ and replaces it with ”.
Why is this bad? OCR reads a printed ” as 〃; the quote stays unbalanced.
Example: 开展“不忘初心〃主题教育 → 开展“不忘初心”主题教育
""",
    ),
    _rule(
        "P002",
        "apostrophe-quote",
        Kind.PUNCTUATION,
        "two apostrophes used as a double quote",
        _A,
        """
What it does: finds '' ’’ ‘‘ `` standing in for a Chinese double quote and writes “ or ” by position.
Why is this bad? OCR and old typewriter habits split a double quote into two single marks.
Example: 以“河长制''为抓手 → 以“河长制”为抓手
""",
    ),
    _rule(
        "P003",
        "ascii-double-quote",
        Kind.PUNCTUATION,
        "straight double quote in Chinese prose",
        _A,
        """
What it does: replaces a straight double quote next to Chinese text (ASCII ", full-width ＂, or the
double prime ″ that OCR reads for a slanted ”) with “ or ”, by pairing; after a number or a letter ″
is seconds, inches or a prime (30″, f″(x)) and stays, and so does a quote listed among ASCII
symbols (不能含有 ? " < >).
Why is this bad? Chinese prose uses full-width curly quotes.
Example: 推进“放管服"改革 → 推进“放管服”改革
""",
    ),
    _rule(
        "P004",
        "ascii-punctuation",
        Kind.PUNCTUATION,
        "ASCII punctuation next to Chinese text",
        _A,
        """
What it does: replaces ASCII , ; : ? ! ( ) between or next to Chinese characters with ，；：？！（）.
The single spaces OCR puts around such a mark go with it (增长 5.8% , 增速 · (一 ) 工业 → （一）工业).
A comma between two digits or the placeholder X (1,234 · X,X) is a thousands separator and stays;
the brackets of a chemical name and of coordinates stay too (α-甲基-4-(2-甲基丙基)苯乙酸, 点(1, 0)). A title between << >> takes 《》
(one < > a side stays: 单击<确定>按钮).
Why is this bad? Mixed-width punctuation is a typesetting error in Chinese prose.
Example: 比上年增长5%,居民收入 → 比上年增长5%，居民收入
""",
    ),
    _rule(
        "P005",
        "ellipsis",
        Kind.PUNCTUATION,
        "ellipsis written as ... or 。。。",
        _A,
        """
What it does: replaces ... or 。。。 (or ．．．, or a lone …) after Chinese text with the Chinese ellipsis ……
Why is this bad? The Chinese ellipsis is two three-dot marks that sit mid-line.
Example: 等等... → 等等……
""",
    ),
    _rule(
        "P006",
        "dash",
        Kind.PUNCTUATION,
        "double hyphen (or OCR's 一一) where a dash belongs",
        _A,
        """
What it does: replaces -- (two or three hyphens, or －－) between Chinese characters with ——; a lone — stays (连接号).
OCR also reads —— as 一一 at the start of a subtitle line (一一2026年7月16日在… → ——2026年…) and a range's
— between two numbers as 一 (2026 一 2028年 · 8:30一12:00 → 2026—2028年): both are put back.
Why is this bad? The Chinese dash is a two-em dash.
Example: 讲话--在全会上 → 讲话——在全会上
""",
    ),
    _rule(
        "P007",
        "doubled-punctuation",
        Kind.PUNCTUATION,
        "doubled comma or full stop",
        _A,
        """
What it does: collapses ，， 。。 and similar doubled Chinese punctuation into one mark.
Why is this bad? A doubled mark is a typing or OCR slip, never intended.
Example: 发展，，改革 → 发展，改革
""",
    ),
    _rule(
        "P008",
        "fullwidth-alphanumeric",
        Kind.PUNCTUATION,
        "full-width Latin letter or digit",
        _A,
        """
What it does: converts full-width Latin letters and digits (ＡＢＣ１２３) to half-width, and with a
full-width number its decimal point and percent sign (６．５％ → 6.5%, not 6．5％).
Why is this bad? GB/T 15834 asks for half-width letters and digits; full-width ones break search.
Example: 第１２届 → 第12届
""",
    ),
    _rule(
        "P009",
        "unbalanced-pair",
        Kind.PUNCTUATION,
        "unbalanced quote or bracket in a paragraph",
        _S,
        """
What it does: finds “” 《》 （） 【】 that do not pair up within a paragraph; fixes only when the
mate is unambiguous (a half-width mate such as ( ... ）; a quote turned the wrong way: 你好“。, or
around a short term with no other mate: “小巨人“的企业; a heading number closed by a look-alike of ）:
（三：持续推进; a 〈, or a 《 or 【 whose own mate never comes, closed by a parenthesis: OCR's reading of （:
方案〈2026—2028年） · 所在镇《街道 )); a single ' or ’ closing a short term that an unclosed “ opened
(“枫桥经验'坚持好: OCR read the ” with one stroke), otherwise reports. A quotation running over
paragraphs (each opened with “, the first one perhaps after a lead-in: 他写道：“……) is not an error.
Why is this bad? An unclosed quote or bracket changes the meaning of everything after it.
Example: 实现“三个确保目标。 → reported at “
""",
    ),
    _rule(
        "P010",
        "comma-ends-paragraph",
        Kind.PUNCTUATION,
        "paragraph ends with a comma",
        _S,
        """
What it does: replaces a comma (， or an ASCII comma after Chinese) that ends a paragraph of prose
with 。, when the document's lines are paragraphs: almost every long line ends a sentence and at
most two (or a tenth) end on a comma. Hard-wrapped text, verse and lines under eight characters
are left alone.
Why is this bad? A paragraph ends a sentence; OCR often reads the small 。 as ，.
Example: 今年秋粮收购进度明显快于往年， (end of paragraph) → 今年秋粮收购进度明显快于往年。
""",
    ),
    _rule(
        "P011",
        "misread-full-stop",
        Kind.PUNCTUATION,
        "paragraph ends with a dot, a pause mark or a stray 一",
        _S,
        """
What it does: replaces a middle dot (· • ・), a full stop of the wrong script (. ．), a pause mark 、
or its look-alike 丶 that ends a paragraph of Chinese prose with 。 (a closing quote or bracket may
follow), when the document's lines are paragraphs; likewise a final 一 that ends no word of the
language model's vocabulary (之一 统一 如一 星期一 stay). Hard-wrapped text, an English sentence, a
run of dots and lines under ten characters (six for a middle dot) are left alone.
Why is this bad? OCR reads the small 。 as a dot, most of all where the font draws it centred, as 、,
or as the stroke 一; none of these ends a Chinese sentence.
Example: 确保各项任务落到实处· (end of paragraph) → 确保各项任务落到实处。
""",
    ),
    _rule(
        "P012",
        "lookalike-mark",
        Kind.PUNCTUATION,
        "character that only looks like a punctuation mark",
        _A,
        """
What it does: replaces a code point that imitates a Chinese mark with the mark: the radical 丶 and
ヽ between Chinese characters → 、, the small form variants ﹐﹑﹔﹕﹖﹗﹙﹚ next to Chinese text →
，、；：？！（）, the ratio sign ∶ after a word that announces → ： (他指出∶要; ratios such as 3∶2 and 图上距离∶实地距离 stay), and
a dot after a heading number at a line start (四·优化 → 四、优化).
Why is this bad? OCR and old converters emit these look-alikes; they are not punctuation, so search,
counting and line breaking treat them wrongly.
Example: 共发展农家乐丶民宿86家 → 共发展农家乐、民宿86家
""",
    ),
    _rule(
        "P013",
        "space-inside-number",
        Kind.PUNCTUATION,
        "space inside a number",
        _S,
        """
What it does: a space between the digits of a number after Chinese text. It is deleted when a
decimal point touches it or the number already has one (86 .4亿元, 9 6.4%), and before a classifier
or a date unit (3 86家, 10月3 1日): counts and dates are whole numbers. Before % it becomes the lost
decimal point (96 4% → 96.4%). Before an amount unit (亿 万 元 吨 ...) both readings are common, so
both are suggested. Three digits after the space are a thousands group and stay.
Why is this bad? OCR drops the small decimal point and leaves its gap, or opens a gap between digits;
either way the number reads as two.
Example: 按时办结率达到96 4% → 按时办结率达到96.4%
""",
    ),
    _rule(
        "P014",
        "colon-ends-paragraph",
        Kind.PUNCTUATION,
        "a paragraph ends with a colon that introduces nothing",
        _S,
        """
What it does: replaces the colon that ends the last paragraph of a text (or a sentence checked on
its own), or a paragraph followed by the next item of a numbered sequence (二、 （三） 4. 第五条: a
sibling, not a list the colon opens), with 。 when the sentence before it holds none of the words that
announce what follows (说 指出 如下 以下 包括 是 ..., a label such as 附件 or 电话, a salutation or an
addressee, a counted list such as 三点). A colon ending any other paragraph is left alone: it may
announce the next one in any words (老支书笑了笑：). Lines under ten characters are left alone. The lead-in words are
`dictionaries/colon_lead_ins.txt`.
Why is this bad? Nothing follows for the colon to announce; OCR reads a small, broken 。 (or ；) as ：.
Example: 全区已培育省级农业产业化龙头企业九家： (end of text) → 全区已培育省级农业产业化龙头企业九家。
""",
    ),
    _rule(
        "P015",
        "period-between-hanzi",
        Kind.PUNCTUATION,
        "a full stop of the wrong script between Chinese clauses",
        _S,
        """
What it does: finds `.` or `．` between two Chinese characters (or a closing and an opening mark).
In a text that writes its other clause marks in Chinese (，。；？！) it becomes ，, with 。 as the
alternative; in a text with none it is only reported, with both. A dot before one or two Chinese
characters and a mark is part of a name: a Chinese domain (博物馆.公益 · 招考.中国), a field
(学生表.姓名 · 成绩表.课程名称). A dot with spaces around it (成效 . 我区, Tesseract's) is reported
with both marks: that engine reads 。 so as often as ，. In typed text (`--source typed`) it is the 。
key with the input method's marks off: 。 first, suggested only.
Why is this bad? Neither is a Chinese mark; OCR makes them of a small ， (or 。) printed low. On
RapidOCR's scanned pages every one measured was a comma: a lost 。 is read as a middle dot instead.
Example: 全年竣工投产11个项目.其中10亿元以上的7个。 → 全年竣工投产11个项目，其中10亿元以上的7个。
""",
    ),
    _rule(
        "P016",
        "missing-full-stop",
        Kind.PUNCTUATION,
        "a paragraph of prose ends without a mark",
        _A,
        """
What it does: adds 。 after the text's last paragraph (or a sentence checked on its own) when it is
prose (ten or more Chinese characters, clause marks inside) and ends on a character or a number.
List items, numbered headings, fields (抄送：…), forms, Markdown structure, a quotation left open,
titles and English are left alone, and so is a last line whose previous line ends with no mark either
(verse, slogans; a paragraph of body text before it does not count: OCR dropped its mark too) or on
a time (a chat message, a subtitle cue), and a postscript (……记于……).
Mid-text it adds 。 only to a paragraph of body text (a ， or ； inside, and a 。 inside or forty-five
Chinese characters: headlines, subheads, verse and captions are one short sentence) that is not the
text's first line (its title), a caption (图1 …), a bulleted line (▪ • …), displayed text (a photo
credit …摄 at its end, a —— attribution under it, a line ending in ： or a 【label】 line above it), a
message under a chat header that opens with its time, nor one of four lines in a row without marks
(the author's list), and does not end in a field's value (记录：谭芳) or a phone number, in a text laid
out a paragraph a line: most of its long lines end with a mark and no three lines in a row end
unmarked at one width (text wrapped at a width). In Markdown a line followed by another continues
its paragraph.
Why is this bad? A Chinese sentence ends with a mark; OCR drops the small final 。.
Example: 今年以来，全县经济运行总体平稳 (end of text) → 今年以来，全县经济运行总体平稳。
""",
    ),
    _rule(
        "P017",
        "colon-inside-sentence",
        Kind.PUNCTUATION,
        "a colon inside a sentence that announces nothing",
        _A,
        """
What it does: finds a ： in the middle of a sentence that is certainly no colon: one right after a figure
with its unit or decimals (总数达到117家： · 增长6.7%：; not a label such as 附图1： 第1名：), one ending a
clause of six or more characters after an earlier colon of the same sentence that opened a list (not a
label's: 答：), or one before the next item of a counted list (一是……：二是), with no word before it
that announces (他指出 如下 包括 是 三点 ..., `dictionaries/colon_lead_ins.txt`). It becomes ； before
the next item, ， when the next clause goes on about the same figure (增长 分别 比上年 ...), ； when it
parts the items of a list that a lead-in opened (主要目标是：……：……), or when the sentence holds a ；
and the next clause ends on a figure too (the next statistic). Otherwise ，, ； or 。 is only proposed:
in a whole document the colon is as often a misread 。 before a new sentence (……3.7万件：要认真落实……),
and before 其中 all three occur. A colon before a quotation, a number, a list of names, the parts of the figure before it
(重点项目86个：工业项目32个，……) or a line end, labels on one line
(经治医师：许清和　　主治医师：杜明远), and a colon after words that sum up (相比还有不小差距：) are left
alone.
Why is this bad? A sentence has one colon, and a figure announces nothing; OCR reads a small ； (or
，) as ：.
Example: 主要预期目标是：经济总量增长6.5%左右：财政收入增长6%。 → 主要预期目标是：经济总量增长6.5%左右；财政收入增长6%。
Example: 工业机器人产量3160套：增长9.2%。 → 工业机器人产量3160套，增长9.2%。
""",
    ),
    _rule(
        "P018",
        "pause-mark-between-clauses",
        Kind.PUNCTUATION,
        "a pause mark 、 after words that no list can hold",
        _A,
        """
What it does: replaces 、 with ， where the stretch before it can be no list item: a sentence adverbial
that opens the sentence (下一步 今年以来 据了解, `dictionaries/clause_openers.txt`), a framing phrase
(据气象部门预测 按常住人口计算) or a clause ending on a verb of saying (也有人说,
`dictionaries/framing_verbs.txt`) before a clause of six or more characters (these two only as
suggestions: they may end the first of two items), a figure and its comparison
with the year before (10.21万元、比上年增长5.2%), or the addressee of a speech (同学们、) unless another
follows (同学们、老师们). Never where more items follow (但是、然而、不过 · 小说、散文和戏剧评论 ·
据统计、测算) or the next word has the same shape (事实上、法律上).
Why is this bad? 、 parts the items of a list, ， parts clauses; OCR reads ， as 、.
Example: 下一步、全市将抓好晚稻田间管理。 → 下一步，全市将抓好晚稻田间管理。
""",
    ),
    _rule(
        "P019",
        "lost-percent-sign",
        Kind.PUNCTUATION,
        "a rate whose % was read as a digit or a comma",
        _A,
        """
What it does: after a word of change (增长 下降 上涨 下跌 回落 分别增长), a number of one or more with
two decimals and no unit gets its last digit back as % (增长6.78， → 6.7%，); after a change or a rate (整改率为
覆盖率达到 比重为), a number followed by a comma and another mark gets the comma back as % (整改率为
98.9，： → 98.9%：). A level (提高到2.28 · 分别为7.26) is no evidence: ratios, pH values, scores and
concentrations have two decimals and no %. Nor is a clause about an index, a coefficient, an exchange
or plot ratio (指数上涨0.35 · 汇率为6.85 · 流动比率为1.85), or a sentence that gave its level as a
plain number (总和生育率为1.08，比上年下降0.04).
Why is this bad? Reports give rates as percentages with one decimal; OCR reads the small % as 8, 9, 4,
1 or as ，.
Example: 全年地区生产总值增长6.78，三产比重提高 → 全年地区生产总值增长6.7%，三产比重提高
""",
    ),
    _rule(
        "P020",
        "circle-read-as-full-stop",
        Kind.PUNCTUATION,
        "a full stop read as the letter o or a degree sign",
        _A,
        """
What it does: replaces an o, °, º or ˚ glued between Chinese characters (or ending a line after one)
with 。 when it ends a clause of four or more Chinese characters with no Latin letter in it. The capital O
(O型血) and the digit 0 (含量为0毫克) are meant between Chinese characters and stay.
Why is this bad? The Chinese full stop is a small hollow circle; OCR that does not expect it reads a
letter or a degree sign.
Example: 全区经济运行总体平稳o各项社会事业全面进步 → 全区经济运行总体平稳。各项社会事业全面进步
""",
        status="preview",
    ),
    _rule(
        "P021",
        "document-number-brackets",
        Kind.PUNCTUATION,
        "the year of a document number not in 〔〕",
        _A,
        """
What it does: in an official document number (an abbreviation of the issuing organ and the kind of
document, the year in brackets, a serial number with 号), replaces [ ] ［ ］ 【 】 ( ) （ ） 〈 〉 around the
year with 〔 〕. A court's case number, which puts its year first in （） (（2026）京01民终123号), stays.
Why is this bad? GB/T 9704 writes the year of a document number in hexagonal brackets; OCR has no
such bracket and reads another, and typists reach for the same.
Example: 根据《青岚市人民政府关于…的通知》（青政发[2026]3号） → （青政发〔2026〕3号）
""",
        status="preview",
    ),
    _rule(
        "P022",
        "dot-between-clauses",
        Kind.PUNCTUATION,
        "a middle dot between two clauses, OCR's reading of 。 or ，",
        _N,
        """
What it does: reports a · (or ・ ‧ •) between Chinese characters that is none of a foreign name's
(both neighbours in the transliteration alphabet of jieba's nrt names: 列夫·托尔斯泰), a date's
(一二·九), a title's parts (《史记·项羽本纪》) or a quoted slogan's (“人才·产业·乡村”), and suggests
。 and ， — never a fix: which mark was meant depends on the face OCR read.
Why is this bad? RapidOCR reads a small 。 or ， as a middle dot; left there, two sentences run on.
Example: 关键在于落实·让我们拧成一股绳 → 落实。让我们 (or 落实，让我们), suggested
""",
        status="preview",
    ),
    # --- S: spacing -----------------------------------------------------------------
    _rule(
        "S001",
        "space-between-hanzi",
        Kind.SPACING,
        "space between two Chinese characters",
        _S,
        """
What it does: finds a single space between two Chinese characters in running prose, which OCR and
PDF extraction insert. In a sentence (a line with ，。；！？) it is removed when it splits a word of
the language model's vocabulary (发 展) or when the line spaces out most of its characters
(推 进 经 济 工 作); any other such space is a suggestion. Title lines (short lines without sentence
punctuation) and news bylines （记者 王晓明 通讯员 李华） are left alone; name lists and labels
padded to line up (委　员：王 军  刘 静) get suggestions at most.
Why is this bad? Chinese prose has no spaces between words.
Example: 推动高质量发 展 → 推动高质量发展; 经济 工作 → 经济工作 (suggestion)
""",
    ),
    _rule(
        "S002",
        "ocr-space-beside-number",
        Kind.SPACING,
        "a space OCR put between Chinese text and a number",
        _A,
        """
What it does: in a document whose ASCII marks carry OCR's spaces inside Chinese sentences (at least
three of 增长 5.8% , 增速 · 电话 : 0731 · 安排 ; 城镇), deletes a single space between a Chinese character
and a digit (青岚区 2026 年 7 月 → 青岚区2026年7月). Without that evidence the space may be the
writer's style (在 2026 年) and stays. Spaces between digits stay.
Why is this bad? Chinese official text sets numbers without spaces; some OCR engines space every run of
digits and every mark.
Example: 上半年全区实现地区生产总值 412.7 亿元 → 上半年全区实现地区生产总值412.7亿元
""",
        status="preview",
    ),
    # --- L: stray Latin -------------------------------------------------------------
    _rule(
        "L001",
        "stray-latin-letter",
        Kind.NOISE,
        "stray Latin letter in Chinese prose",
        _N,
        """
What it does: reports a single Latin letter glued to Chinese text or to the placeholder X that
reads as OCR noise, and suggests deleting it. Never applied by default.
Why is this bad? A speck on the page becomes a letter; the number it touches is then wrong.
Example: 安排专项资金LX亿元 → 专项资金X亿元 (suggestion)
""",
    ),
    _rule(
        "L002",
        "letter-in-number",
        Kind.NOISE,
        "a letter O, o, l or I where a number needs a digit",
        _A,
        """
What it does: replaces O/o with 0 and l/I with 1 between two digits of a number (2O19 → 2019), and at
the edge of a number that stands in Chinese text before a unit of count or time (企业l2家 → 12家,
2O2O年 → 2020年); in a year written in Chinese numerals, an O, 0 or ○ becomes 〇 (二O二O年 → 二〇二〇年).
A run that touches another letter or a code's separator (O2O, H1N1, GB/T 1O, I247.5) stays.
Why is this bad? Fonts draw 0 like O and 1 like l; OCR picks the letter where it does not expect a number.
Example: 2O19年全区地区生产总值增长6.5% → 2019年全区地区生产总值增长6.5%
""",
        status="preview",
    ),
    # --- C: characters ----------------------------------------------------------------
    _rule(
        "C001",
        "confusable-character",
        Kind.CONFUSABLE,
        "character that looks like another",
        _S,
        """
What it does: finds a character that OCR confused with a similar-looking one, where the language
model strongly prefers the look-alike in context.
Why is this bad? The sentence reads wrong or means something else.
Example: 加快径济结构调整 → 加快经济结构调整
""",
    ),
    _rule(
        "C002",
        "homophone-character",
        Kind.CONFUSABLE,
        "character that sounds like another",
        _S,
        """
What it does: finds a typing confusion between characters that sound alike (的/得/地, homophones).
Why is this bad? Input methods pick the wrong homophone; readers stumble.
Example: 工作做的好 → 工作做得好 (suggestion)
""",
    ),
    _rule(
        "C003",
        "punctuation-read-as-character",
        Kind.CONFUSABLE,
        "closing quote read as a character",
        _S,
        """
What it does: inside an open “ quote, finds a character that looks like ” or ”， and where
the quoted phrase closes naturally, proposes the punctuation.
Why is this bad? OCR turns ”， into a character such as 七; the quote never closes.
Example: 落实“全面从严治党巴推动形成 → 落实“全面从严治党”，推动形成
""",
    ),
    _rule(
        "C004",
        "set-phrase-near-miss",
        Kind.CONFUSABLE,
        "one character off a known set phrase",
        _S,
        """
What it does: finds text one character away from an official set phrase or domain term.
Why is this bad? Set phrases are quoted verbatim; a near miss is almost always an error.
Example: 全面从产治党 → 全面从严治党
""",
    ),
    # --- V: variants ------------------------------------------------------------------
    # C005 (doubled-character) was dropped unimplemented in the first session: never reused.
    _rule(
        "C006",
        "yi-read-as-mark",
        Kind.CONFUSABLE,
        "the numeral 一 read as a dot or a hyphen",
        _S,
        """
What it does: replaces a middle dot, a hyphen, two hyphens or a single em dash with 一 where the words
say so (a long stroke breaks into two hyphens: 进--步): between Chinese
characters when the language model gains at least 2 log10 from reading 一 (为进·步加强 → 进一步),
after “ 、 ， （ when 一 and what follows is a word (“-对一” → “一对一”), and at a line start before 、
(·、工作目标 → 一、). Next to a Chinese numeral (五·一, a date) nothing is changed.
Why is this bad? 一 is one horizontal stroke; a broken scan reads it as · or -.
Example: 下·步，全市将抓好晚稻田间管理 → 下一步，全市将抓好晚稻田间管理
""",
    ),
    _rule(
        "C007",
        "misread-date-unit",
        Kind.CONFUSABLE,
        "a date's 年, 月 or 日 read as a look-alike character",
        _A,
        """
What it does: in a date written in digits, a character standing where 年, 月 or 日 belongs (20口 after a
month, 12用 before a day, 2026午 before a month) becomes the unit when the visual confusion set lists the
unit as what it may be a misreading of, the numbers make a valid date, and the character does not begin
a common word with the next one (10月1日白天 keeps 白天).
Why is this bad? The word model sees no digits, so the date's structure is the evidence; OCR reads 日 as
口 or 目, 年 as 午, 月 as 用.
Example: 11月20口上午，县里召开会议 → 11月20日上午，县里召开会议
""",
        status="preview",
    ),
    _rule(
        "V001",
        "traditional-character",
        Kind.VARIANT,
        "traditional or variant character in simplified text",
        _S,
        """
What it does: in a simplified-Chinese document, finds a character OpenCC maps to a different
simplified character and that is not itself a valid simplified character. It is fixed when the
simplified form is part of a word as the word model segments the clause (經濟 → 经济); elsewhere
it is suggested, since OCR also reads a character as an unrelated traditional one (主學工作, where
要 was printed).
Why is this bad? Mixed scripts look like a careless paste.
Example: 經濟发展 → 经济发展
""",
    ),
]

RULES: dict[str, Rule] = {r.code: r for r in _TABLE}
BY_NAME: dict[str, Rule] = {r.name: r for r in _TABLE}


def get(code_or_name: str) -> Rule:
    key = code_or_name.strip()
    rule = RULES.get(key.upper()) or BY_NAME.get(key.lower())
    if rule is None:
        raise KeyError(f"unknown rule {code_or_name!r}")
    return rule


def select(spec: str) -> set[str]:
    """Codes named by a comma list of codes, rule names, code prefixes (P, C00) or ALL, as ruff does."""
    codes: set[str] = set()
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        if part.upper() == "ALL":
            codes.update(RULES)
            continue
        rule = RULES.get(part.upper()) or BY_NAME.get(part.lower())
        matched = {rule.code} if rule else {c for c in RULES if c.startswith(part.upper())}
        if not matched:
            raise KeyError(f"unknown rule {part!r}")
        codes |= matched
    return codes
