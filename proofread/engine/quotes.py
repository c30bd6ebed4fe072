"""Closing punctuation that OCR read as a character (C003).

A Chinese quote “ opened and never closed in its paragraph is the evidence. Inside
it, a character that looks like ” or ”， (the `punct_lookalikes` table, from glyph
comparison) is a candidate for that punctuation; the language model judges the
split: the quoted phrase should close naturally and what follows start a clause.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import pos
from .correct import lm_score

MAX_QUOTE = 14  # a quoted term or slogan; longer quotes are speech, not a term
_QUOTED_RE = re.compile(f"“([^“”\n]{{1,{MAX_QUOTE}}})”")
CONTEXT = 6
PHRASE_BONUS = 3.0  # log10 units: the quote would close on a known set phrase (“五位一体”)
DOC_BONUS = 1.5  # the quoted phrase is one the document uses elsewhere


# How often each closing form follows a quoted term in formal prose (a generic prior that the
# document's own counts refine): mostly mid-clause ”, then ”，, rarely ”。 or ”、.
GENERIC_FORMS = {"”": 0.5, "”，": 0.3, "”。": 0.12, "”、": 0.08}
PRIOR_WEIGHT = 10  # pseudo-counts of the generic prior

# A character the glyph table does not list can still stand for the closing marks when the
# structure says so: the quote would close exactly on a known set phrase (or on a term the
# document quotes, closed, elsewhere), and the character
# forms no word with its neighbours. Such a character covers a cluster of two marks (a whole
# cell of ink) or a lone ”; a fixed penalty stands in for the look-alike distance. The model
# cannot tell ” from ”， (it scores both splits alike), so the next word's part of speech
# decides (see pos.py): before a verb or an adverb the quote closes a clause (”，), else ”.
STRUCTURAL_PENALTY = 3.0


def form_prior(document: str) -> dict[str, float]:
    """log10 preference of each closing form relative to the likeliest, from the document's own quotes."""
    counts = dict.fromkeys(GENERIC_FORMS, 0)
    i = document.find("”")
    while i >= 0:
        nxt = document[i + 1 : i + 2]
        form = "”" + nxt if "”" + nxt in counts else "”"
        counts[form] += 1
        i = document.find("”", i + 1)
    total = sum(counts.values()) + PRIOR_WEIGHT
    logp = {f: math.log10((counts[f] + PRIOR_WEIGHT * g) / total) for f, g in GENERIC_FORMS.items()}
    top = max(logp.values())
    return {f: p - top for f, p in logp.items()}


@dataclass
class QuoteFix:
    start: int  # offset in the line of the character read wrongly
    original: str
    replacement: str  # ” or ”，
    score: float
    gain: float
    similarity: float
    phrase: str  # the quoted text the fix closes


def _open_quotes(line: str) -> list[tuple[int, int]]:
    """(position of an unclosed “, end of the region where its ” should be)."""
    out = []
    if line.count("“") <= line.count("”"):
        return out
    i = line.find("“")
    while i >= 0:
        nxt_open = line.find("“", i + 1)
        nxt_close = line.find("”", i + 1)
        limit = nxt_open if nxt_open >= 0 else len(line)
        if nxt_close < 0 or nxt_close > limit:
            out.append((i, min(limit, i + 1 + MAX_QUOTE)))
        i = nxt_open
    return out


def _alone(text: str, best) -> set[int]:
    """Offsets of the characters that stand as one-character words in the best segmentation."""
    out, pos = set(), 0
    for w in best(text)[1]:
        if len(w) == 1:
            out.add(pos)
        pos += len(w)
    return out


def quoted_terms(document: str) -> frozenset[str]:
    """Every term the document quotes and closes (“五位一体”), read once per document."""
    return frozenset(_QUOTED_RE.findall(document))


def find(
    line: str,
    lookalikes: dict,
    best,
    *,
    weight: float,
    phrases=frozenset(),
    document: str = "",
    quoted: frozenset[str] = frozenset(),
):
    """The best closing-punctuation repair for each unclosed “ of the line, with its best rival's score.

    `weight` turns the look-alike score into a penalty; `document` (the whole text) lets a
    quoted phrase that occurs elsewhere count as evidence that the quote ends there.
    """
    fixes = []
    prior = form_prior(document) if document else {}
    for o, end in _open_quotes(line):
        options = []
        region = line[o + 1 : end]
        alone = _alone(region, best)
        for k in range(o + 2, end):
            ch = line[k]
            if ch in "，。；：！？、”“":
                break  # the quote region ends at the first clause mark
            if k - o - 1 not in alone:
                continue  # a character inside a word (队伍, 同志们) is not a misread quote
            phrase = line[o + 1 : k]
            tries = list(lookalikes.get(ch, ()))
            structural = (
                not tries
                and "\u4e00" <= ch <= "\u9fff"
                and len(phrase) >= 3
                and (phrase in phrases or phrase in quoted)  # a set phrase, or quoted (closed) elsewhere
            )
            if structural:
                following = best(line[k + 1 : k + 1 + CONTEXT])[1]
                form = "”，" if following and pos.starts_clause(following[0]) else "”"
                tries = [(form, 1 - STRUCTURAL_PENALTY / weight)]
            for repl, sim in tries:
                a, b = max(0, o - CONTEXT), min(len(line), k + 1 + CONTEXT)
                bos = a == 0
                eos = b == len(line)
                old = lm_score(best, line[a:b], bos, eos)
                new = lm_score(best, line[a:k] + repl + line[k + 1 : b], bos, eos)
                gain = new - old
                bonus = (PHRASE_BONUS if phrase in phrases else 0.0) + prior.get(repl, 0.0)
                if len(phrase) >= 2 and document.count(phrase) >= 2:
                    bonus += DOC_BONUS
                options.append(QuoteFix(k, ch, repl, gain + bonus - weight * (1 - sim), gain, sim, phrase))
        if options:
            # ties between ”， and ” at one character (the model rarely tells them apart) go to the
            # closer look-alike; the rival that matters for safety is another character
            options.sort(key=lambda f: (-round(f.score, 3), -f.similarity))
            top = options[0]
            rival = max((f.score for f in options if f.start != top.start), default=float("-inf"))
            fixes.append((top, rival))
    return fixes
