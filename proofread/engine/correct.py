"""Detect, then correct: a noisy-channel search for characters OCR or typing got wrong.

1. *Detect* cheaply: segment each clause with the language model; a Chinese
   character left as a one-character word that the model finds surprising (or that
   makes the next word surprising) is suspicious: right characters join their
   neighbours in words.
2. *Propose*: at a suspicious position, a confusable candidate is kept only if it
   makes a word of two or more characters with its neighbours (one dict lookup each).
   Two adjacent suspicious characters are tried as a pair, again only when the pair
   forms a word. A rare character may also be repaired into a word the document uses.
3. *Score*: the window of ±3 characters is segmented anew under the model;
   ``score = LM gain - weight * (1 - similarity)`` (log10), plus document evidence
   (the repaired word occurs elsewhere; the odd text itself repeats). A candidate is
   accepted when the score passes `threshold`, and is a *safe* fix only when it also
   passes `safe_threshold` and no rival candidate comes close.

The edit with the highest score is applied to a working copy first, then the
positions near it are scored again, so two nearby errors see each other's fix.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from . import strokes
from .cache import cached
from .candidates import common_chars

HAN = re.compile(r"[\u4e00-\u9fff]")
# The word model has no punctuation in its vocabulary: text is scored piece by piece,
# a clause mark ending one sentence (</s>) and starting the next (<s>).
CLAUSE_END = frozenset("，。！？；：、,.!?;:…")
SOFT_BREAK = frozenset("“”‘’（）《》〈〉【】「」『』—()\"' \t\u3000")
CLAUSE = re.compile(r"[^，。！？；：、“”‘’（）《》〈〉【】「」『』…—,.!?;:()\"'\s]+")
WINDOW = 3
DOC_BONUS = 1.0  # log10 units: the repaired word is one the document uses elsewhere
OPEN_MIN_SIM = 0.6  # stroke similarity a document-word candidate needs outside the tables
NAME_USAGE = 3  # ... three times: not even a suggestion
MISREAD_USAGE = 2  # times the document writes the repaired word for a repeated odd text to count as a misread
REPEAT_PENALTY = 2.0  # log10 units: the text around the character occurs twice in the document
MAX_CANDIDATES = 24  # per character, most similar first: the tail never pays its penalty back
PAIR_CANDIDATES = 16  # per character when two neighbours are tried together: beyond it nothing was found on the dev set
MIN_SIM = 0.5  # below this the penalty (weight * 0.5) outweighs any gain seen on the dev set
NEAR_IDENTICAL = 0.95  # similarity of glyphs that differ by a stroke's length (干/于, 人/入)
NEAR_IDENTICAL_BAR = 0.5  # log10 more for a safe fix between them
RARE_PAIR = -6.0  # log10 p of a two-character "word" so rare that a misread character may hide in it (收人, 好儿)
RARE_WORD = -5.5  # ... and its log10 p out of context (举措 -5.2, 主体 -4.5 are common words in odd places)
COMMONER = 0.0  # log10: how much commoner the word a look-alike makes must be (收人 -5.7 → 收入 -3.6)
# A character outside the 3,500 common ones, where the model finds it surprising, is itself evidence
# of a misread (节假曰, 692.4亿亓: a common glyph read as a rare look-alike). There every common look-alike is
# tried, even one that makes no word with its neighbours (a misread 的 or 是 stands alone), and a safe
# fix needs this much less score and a rival only this far behind. On injected rare look-alikes
# recall rose 0.71 → 0.76 (the sample's text), 0.62 → 0.68 (set 2's prose) and 0.64 → 0.72 (set
# 3's) for one wrong fix in 428; a bar a whole point lower changed a clean document, a margin of 1.0
# made a second wrong fix.
RARE_BAR = 0.5
RARE_MARGIN = 1.5


class DocContext:
    """What the whole document says: its multi-character words, to favour repairs into them.

    OCR damage is sporadic, so a word the document uses elsewhere (更加 ten times,
    结果 twice in the same sentence) is strong evidence for a repair that restores it.
    """

    def __init__(self, words: Counter, text: str = ""):
        self.words = words
        self.text = text
        self._pairs: Counter | None = None
        self._index: dict[tuple[str, str], set[str]] | None = None

    def index(self) -> dict[tuple[str, str], set[str]]:
        """(left, right) -> characters that complete a document word of 2-4 characters between them."""
        if self._index is None:
            idx: dict[tuple[str, str], set[str]] = {}
            for w in self.words:
                if 2 <= len(w) <= 4:
                    for k in range(len(w)):
                        idx.setdefault((w[:k], w[k + 1 :]), set()).add(w[k])
            self._index = idx
        return self._index

    def repeated(self, line: str, i: int, j: int) -> int:
        """How often the most frequent two-character piece of Chinese around line[i:j] occurs in the
        document, when it occurs twice or more (else 0).

        OCR damage is sporadic; the same odd pair twice (务本责实 … 务本责实) is the author's usage.
        """
        if self._pairs is None:
            text = self.text
            self._pairs = Counter(text[k : k + 2] for k in range(len(text) - 1))
        pairs = self._pairs
        most = 0
        for a in range(max(0, i - 1), j):
            pair = line[a : a + 2]
            if len(pair) == 2 and _is_han(pair[0]) and _is_han(pair[1]):
                most = max(most, pairs[pair])
        return most if most >= 2 else 0


@dataclass
class Correction:
    start: int  # offsets into the line
    end: int
    original: str
    replacement: str
    score: float  # gain - weight*(1-similarity), log10 units
    gain: float
    similarity: float
    alternatives: list[str] = field(default_factory=list)
    runner_up: float = float("-inf")  # score of the best rival candidate
    guarded: bool = False  # a name, a quoted term or text the document repeats: suggest, never fix
    by_shape: bool = False  # proposed by stroke similarity to a document word (not from the tables)


#: (left, right) lengths of the neighbours that make a 2-4 character word with a replacement
#: of width 1 or 2, in the order the word lookups try them.
_SPANS = {width: [(a, b) for a in range(4) for b in range(4 - a - width + 1) if a + b + width >= 2] for width in (1, 2)}


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def lm_score(best, text: str, bos: bool, eos: bool) -> float:
    """log10 score of `text` split at punctuation; `bos`/`eos`: the text starts/ends a clause."""
    total, piece, start_bos = 0.0, [], bos
    for ch in text:
        if ch in CLAUSE_END or ch in SOFT_BREAK:
            if piece:
                total += best("".join(piece), start_bos, ch in CLAUSE_END)[0]
                piece = []
            start_bos = ch in CLAUSE_END
        else:
            piece.append(ch)
    if piece:
        total += best("".join(piece), start_bos, eos)[0]
    return total


class Corrector:
    def __init__(
        self,
        lm,
        table,
        *,
        weight=8.0,
        threshold=2.5,
        safe_threshold=3.5,
        margin=2.0,
        surprise=-4.0,
        pair_penalty=0.0,
        near_identical_bar=NEAR_IDENTICAL_BAR,
        guard=None,
    ):
        self.lm = lm
        self.vocab = lm.vocab
        self.table = table
        self.weight = weight
        self.threshold = threshold
        self.safe_threshold = safe_threshold
        self.margin = margin
        # log10 units against two adjacent repairs: typing slips rarely come in pairs (SIGHAN),
        # OCR damage often does (a smudge covers two characters)
        self.pair_penalty = pair_penalty
        self.near_identical_bar = near_identical_bar  # glyph similarity only: 0 where it measures sound
        self.surprise = surprise if lm.kind == "kenlm" else 0.0  # a unigram model cannot be surprised
        self._by_shape: set[tuple[int, str]] = set()
        self.common = common_chars()
        self.guard = guard  # object with .level(line, i, j) -> "skip" | "suggest" | None
        self._joins: frozenset[str] | None = None
        self._candidate_memo: dict[str, list[tuple[str, float]]] = {}
        self._rare_memo: dict[str, tuple[int, ...]] = {}
        self._window_memo: dict[tuple[str, str], list[tuple[str, float, int]]] = {}

    @property
    def joins(self) -> frozenset[str]:
        """Every pair of adjacent characters inside a vocabulary word of 2-4 characters.

        A replacement that makes a word with its neighbours makes one of these pairs with the
        character before or after it, so two set look-ups rule out most candidates before the
        nine context look-ups of `_forms_word` (an exact filter: same results, a third of the time).
        """
        if self._joins is None:
            vocab = self.vocab

            def build() -> str:
                return "\n".join({w[k : k + 2] for w in vocab if 1 < len(w) <= 4 for k in range(len(w) - 1)})

            path = getattr(self.lm, "path", None)
            joined = cached("joins", path, build) if path and os.path.exists(path) else build()
            self._joins = frozenset(joined.split("\n"))
        return self._joins

    # --- detection ------------------------------------------------------------------
    def document(self, lines) -> DocContext:
        """Segment every clause once (memoised for the correction pass) and count the words."""
        words: Counter = Counter()
        best = self.lm.best
        for line in lines:
            for m in CLAUSE.finditer(line):
                if HAN.search(m.group()):
                    words.update(w for w in best(m.group())[1] if len(w) > 1)
        return DocContext(words, "\n".join(lines))

    def suspicious(self, line: str) -> list[int]:
        """Offsets of one-character words that the model finds surprising, or that make the next word so,
        and of both characters of a very rare two-character word (a misread character that happens to
        make a word with its neighbour: 财政收人, 跑好儿个).

        On the OCR dev set a cut at log10 p < -4 keeps 90% of the damaged characters
        and halves the positions to try, compared with every one-character word.
        """
        out = []
        best, scores, tau = self.lm.best, self.lm.word_scores, self.surprise
        rare = RARE_PAIR if tau < 0 else float("-inf")
        for m in CLAUSE.finditer(line):
            clause = m.group()
            if not HAN.search(clause):
                continue
            words = best(clause)[1]
            logp = scores(words)
            pos = m.start()
            last = len(words) - 1
            for k, w in enumerate(words):
                if len(w) == 1 and _is_han(w) and (logp[k] < tau or (k < last and logp[k + 1] < tau)):
                    out.append(pos)
                elif len(w) == 2 and logp[k] < rare and _is_han(w[0]) and _is_han(w[1]):
                    out.extend(pos + d for d in self._hidden_misreads(w))
                pos += len(w)
        return out

    def _hidden_misreads(self, word: str) -> tuple[int, ...]:
        """Which characters (0, 1) of a surprising two-character word may be misreads: the word is rare
        out of context too (举措 and 主体 are only surprising where they stand) and a look-alike of the
        character makes a far more common word (收人 → 收入). Memoised: the vocabulary decides, not the line."""
        got = self._rare_memo.get(word)
        if got is None:
            unigram = self.lm.word_scores
            base = unigram((word,))[0]
            got = ()
            if base < RARE_WORD:
                vocab = self.vocab
                for d in (0, 1):
                    others = (c + word[1] if d == 0 else word[0] + c for c, _ in self._candidates_of(word[d]))
                    if any(w in vocab and unigram((w,))[0] > base + COMMONER for w in others):
                        got += (d,)
            self._rare_memo[word] = got
        return got

    @staticmethod
    def _contexts(line: str, i: int, j: int) -> list[tuple[str, str]]:
        """(left, right) neighbours that, with a replacement of line[i:j], make 2-4 characters."""
        n = len(line)
        return [(line[i - a : i], line[j : j + b]) for a, b in _SPANS[j - i] if a <= i and j + b <= n]

    def _forms_word(self, contexts, repl: str) -> bool:
        """Does `repl` join its neighbours into a vocabulary word of 2+ characters?"""
        vocab = self.vocab
        for pre, post in contexts:  # a plain loop: this is the engine's hottest line
            if pre + repl + post in vocab:
                return True
        return False

    # --- scoring --------------------------------------------------------------------
    def _score(self, line: str, i: int, j: int, repl: str, olds: dict | None = None) -> float:
        """LM gain of writing `repl` for line[i:j], over a window of ±WINDOW characters (`olds`
        keeps the score of the text as it is, the same for every candidate at i..j)."""
        a, b = max(0, i - WINDOW), min(len(line), j + WINDOW)
        bos = a == 0 or line[a - 1] in CLAUSE_END
        eos = b == len(line) or line[b] in CLAUSE_END
        best = self.lm.best
        old = olds.get(j) if olds is not None else None
        if old is None:
            old = lm_score(best, line[a:b], bos, eos)
            if olds is not None:
                olds[j] = old
        new = lm_score(best, line[a:i] + repl + line[j:b], bos, eos)
        return new - old

    def candidates_at(self, line: str, i: int, pair: bool, doc: DocContext | None = None):
        """(replacement, similarity, length) proposals for line[i] (and line[i+1] when `pair`)."""
        contexts = self._contexts(line, i, i + 1)
        self._by_shape.clear()
        firsts = self._candidates_of(line[i])
        # The table candidates that make a word here depend only on the three characters on
        # either side: text repeats its phrases, so they are memoised by that window.
        key = (line[max(0, i - 3) : i], line[i : i + 4])
        words = self._window_memo.get(key)
        if words is None:
            joins = self.joins
            before = line[i - 1] if i > 0 else "\0"
            after = line[i + 1] if i + 1 < len(line) else "\0"
            rare = bool(self.common) and line[i] not in self.common
            words = [
                (c, s, 1)
                for c, s in firsts
                if (rare and c in self.common)
                or ((before + c in joins or c + after in joins) and self._forms_word(contexts, c))
            ]
            if len(self._window_memo) > 200_000:
                self._window_memo.clear()
            self._window_memo[key] = words
        out = list(words)
        seen = {c for c, _, _ in words}
        # Beyond the tables only for a character rare in formal prose (outside the 3,500 common
        # ones): on the OCR dev set 7 of 128 damaged characters were rare, 3 of 7,858 intact ones.
        if doc is not None and doc.words and self.common and line[i] not in self.common:
            index, ch, words = doc.index(), line[i], doc.words
            for ctx in contexts:
                for c in index.get(ctx, ()):
                    if c not in seen and c != ch and _is_han(c) and words[ctx[0] + c + ctx[1]] >= 2:
                        seen.add(c)
                        sim = strokes.similarity(ch, c)
                        if sim >= OPEN_MIN_SIM:
                            out.append((c, sim, 1))
                            self._by_shape.add((i, c))
        if pair:
            # two misread neighbours: the most similar candidates of each (a pair pays two penalties)
            seconds = self._candidates_of(line[i + 1])[:PAIR_CANDIDATES]
            vocab = self.vocab
            for c1, s1 in firsts[:PAIR_CANDIDATES]:
                for c2, s2 in seconds:
                    if c1 + c2 in vocab:
                        out.append((c1 + c2, (s1 + s2) / 2, 2))
        return out

    def _candidates_of(self, ch: str) -> list[tuple[str, float]]:
        """The candidates worth trying for `ch`: the most similar, above the similarity floor (memoised)."""
        got = self._candidate_memo.get(ch)
        if got is None:
            got = [(c, s) for c, s in self.table.get(ch, ())[:MAX_CANDIDATES] if s >= MIN_SIM]
            self._candidate_memo[ch] = got
        return got

    def best_at(self, line: str, i: int, pair: bool, doc: DocContext | None = None) -> Correction | None:
        ch = line[i]
        if (i > 0 and line[i - 1] == ch) or line[i + 1 : i + 2] == ch:
            if self.common and ch not in self.common:
                return None  # a rare character doubled is a name or a word (昊昊, 囡囡), not a misread twice
        scored = []
        levels, repeated, contexts, olds = {}, {}, {}, {}
        words = doc.words if doc is not None else None
        for repl, sim, n in self.candidates_at(line, i, pair, doc):
            j = i + n
            if j not in levels:
                levels[j] = self.guard.level(line, i, j) if self.guard is not None else None
                repeated[j] = doc.repeated(line, i, j) if doc is not None else 0
                contexts[j] = self._contexts(line, i, j) if words else ()
            # does the document use the repaired word elsewhere (how often, only when it matters)
            odd = repeated[j]
            if not words:
                used = 0
            elif not odd:
                used = any(pre + repl + post in words for pre, post in contexts[j])
            else:
                get = words.get  # (a Counter's [] calls __missing__ in Python for each absent word)
                used = max(get(pre + repl + post, 0) for pre, post in contexts[j])
                if used >= max(odd, MISREAD_USAGE):
                    # A scan misreads a glyph the same way each time (间题 ×3), but then the document
                    # also writes the right word (问题 ×9) where the glyph came out whole; an author's
                    # name or term (梧川市 ×8) has no commoner spelling beside it.
                    odd = 0
            if levels[j] == "skip" or odd >= NAME_USAGE:
                continue  # (used this way three times or more: a name or the author's term, 梧川市 ×8)
            by_shape = (i, repl) in self._by_shape
            if odd and by_shape:
                continue  # the document repeats the "odd" text and no table backs the repair
            gain = self._score(line, i, j, repl, olds)
            penalty = self.weight * (1.0 - sim) * n + self.pair_penalty * (n - 1)
            bonus = DOC_BONUS if used else 0.0
            if odd:
                bonus -= REPEAT_PENALTY
            scored.append((gain - penalty + bonus, gain, sim, repl, j, odd))
        if not scored:
            return None
        scored.sort(key=lambda t: -t[0])
        score, gain, sim, repl, j, odd = scored[0]
        if score <= self.threshold:
            return None
        alts = [t[3] for t in scored[1:4] if t[0] > self.threshold - 2 and len(t[3]) == len(repl)]
        runner = max((t[0] for t in scored[1:] if t[3][0] != repl[0]), default=float("-inf"))
        shape = (i, repl) in self._by_shape
        guarded = levels[j] == "suggest" or bool(odd)
        if not guarded and self.guard is not None and self.guard.in_place_name(line, i, j, repl):
            guarded = True  # a city's name: 梧川市 may be an invented city beside the real 梧州市
        return Correction(i, j, line[i:j], repl, score, gain, sim, alts, runner, guarded, shape)

    def is_safe(self, c: Correction) -> bool:
        # Near-identical glyphs (干/于, 己/已) cost no shape penalty, so the word model alone decides
        # between two readings it may both know (可用干棉签 · 可用于): ask it for more.
        bar = self.safe_threshold + (self.near_identical_bar if c.similarity >= NEAR_IDENTICAL else 0.0)
        margin = self.margin
        if self.common and not any(ch in self.common for ch in c.original):
            # a rare character read where a common look-alike makes sense: less score is needed,
            # and a rival look-alike may come closer (the rare glyph resembles several common ones)
            bar -= RARE_BAR
            margin = min(margin, RARE_MARGIN)
        return not c.guarded and c.score >= bar and c.score - c.runner_up >= margin

    def correct_line(self, line: str, doc: DocContext | None = None) -> list[Correction]:
        """Accepted corrections for one line, highest score first applied, offsets into `line`."""
        sus = self.suspicious(line)
        if not sus:
            return []
        sus_set = set(sus)
        results: dict[int, Correction | None] = {}

        def evaluate(work: str, i: int, done: set[int]):
            if i in done or not _is_han(work[i]):
                return None
            pair = (i + 1) in sus_set and i + 1 not in done and i + 1 < len(work) and _is_han(work[i + 1])
            return self.best_at(work, i, pair, doc)

        work = line
        done: set[int] = set()
        for i in sus:
            results[i] = evaluate(work, i, done)
        accepted: list[Correction] = []
        while True:
            live = [c for c in results.values() if c is not None]
            if not live:
                break
            top = max(live, key=lambda c: c.score)
            accepted.append(top)
            work = work[: top.start] + top.replacement + work[top.end :]
            done.update(range(top.start, top.end))
            for k in range(top.start, top.end):
                results.pop(k, None)
            for k in list(results):
                if abs(k - top.start) <= WINDOW + 1:
                    results[k] = evaluate(work, k, done)
        return sorted(accepted, key=lambda c: c.start)
