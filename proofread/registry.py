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
        "ASCII double quote in Chinese prose",
        _A,
        """
What it does: replaces an ASCII " next to Chinese text with “ or ”, by pairing.
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
A comma between two digits or the placeholder X (1,234 · X,X) is a thousands separator and stays.
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
        "double hyphen between Chinese text",
        _A,
        """
What it does: replaces -- (two or three hyphens, or －－) between Chinese characters with ——; a lone — stays (连接号).
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
What it does: converts full-width Latin letters and digits (ＡＢＣ１２３) to half-width.
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
mate is unambiguous (a half-width mate such as ( ... ）, or a quote turned the wrong way: 你好“。),
otherwise reports. A quotation running over paragraphs (each opened with “) is not an error.
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
    # --- S: spacing -----------------------------------------------------------------
    _rule(
        "S001",
        "space-between-hanzi",
        Kind.SPACING,
        "space between two Chinese characters",
        _N,
        """
What it does: reports a single space between two Chinese characters in running prose, which OCR
often inserts. Title lines (short lines without sentence punctuation) and news bylines
（记者 王晓明 通讯员 李华） are left alone.
Why is this bad? Chinese prose has no spaces between words.
Example: 经济 工作 → 经济工作 (suggestion)
""",
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
    _rule(
        "V001",
        "traditional-character",
        Kind.VARIANT,
        "traditional or variant character in simplified text",
        _S,
        """
What it does: in a simplified-Chinese document, finds a character OpenCC maps to a different
simplified character and that is not itself a valid simplified character.
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
