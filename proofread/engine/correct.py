"""Detect, then correct: a noisy-channel search for characters OCR or typing got wrong.

1. *Detect* cheaply: segment each clause with the language model; a Chinese
   character left as a one-character word is suspicious (right characters almost
   always join their neighbours in a word).
2. *Propose*: at a suspicious position, a confusable candidate is kept only if it
   makes a word of two or more characters with its neighbours (one dict lookup each).
   Two adjacent suspicious characters are tried as a pair, again only when the pair
   forms a word.
3. *Score*: the window of ±3 characters is segmented anew under the model;
   ``score = LM gain - weight * (1 - similarity)`` (log10). A candidate is accepted
   when the score passes `threshold`, and is a *safe* fix only when it also passes
   `safe_threshold` and no rival candidate comes close.

The edit with the highest score is applied to a working copy first, then the
positions near it are scored again, so two nearby errors see each other's fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HAN = re.compile(r"[\u4e00-\u9fff]")
# The word model has no punctuation in its vocabulary: text is scored piece by piece,
# a clause mark ending one sentence (</s>) and starting the next (<s>).
CLAUSE_END = frozenset("，。！？；：、,.!?;:…")
SOFT_BREAK = frozenset("“”‘’（）《》〈〉【】「」『』—()\"' \t\u3000")
CLAUSE = re.compile(r"[^，。！？；：、“”‘’（）《》〈〉【】「」『』…—,.!?;:()\"'\s]+")
WINDOW = 3


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
    guarded: bool = False  # a name or quoted term is near: suggest, never fix


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
    def __init__(self, lm, table, *, weight=10.0, threshold=2.5, safe_threshold=4.0, margin=2.0, guard=None):
        self.lm = lm
        self.vocab = lm.vocab
        self.table = table
        self.weight = weight
        self.threshold = threshold
        self.safe_threshold = safe_threshold
        self.margin = margin
        self.guard = guard  # object with .level(line, i, j) -> "skip" | "suggest" | None

    # --- detection ------------------------------------------------------------------
    def suspicious(self, line: str) -> list[int]:
        out = []
        best = self.lm.best
        for m in CLAUSE.finditer(line):
            clause = m.group()
            if not HAN.search(clause):
                continue
            pos = m.start()
            for w in best(clause)[1]:
                if len(w) == 1 and _is_han(w):
                    out.append(pos)
                pos += len(w)
        return out

    @staticmethod
    def _contexts(line: str, i: int, j: int) -> list[tuple[str, str]]:
        """(left, right) neighbours that, with a replacement of line[i:j], make 2-4 characters."""
        n, width, out = len(line), j - i, []
        for left in range(0, 4):
            if i - left < 0:
                break
            for right in range(0, 4 - left - width + 1):
                if left + right + width >= 2 and j + right <= n:
                    out.append((line[i - left : i], line[j : j + right]))
        return out

    def _forms_word(self, contexts, repl: str) -> bool:
        """Does `repl` join its neighbours into a vocabulary word of 2+ characters?"""
        vocab = self.vocab
        return any(pre + repl + post in vocab for pre, post in contexts)

    # --- scoring --------------------------------------------------------------------
    def _score(self, line: str, i: int, j: int, repl: str) -> float:
        """LM gain of writing `repl` for line[i:j], over a window of ±WINDOW characters."""
        a, b = max(0, i - WINDOW), min(len(line), j + WINDOW)
        bos = a == 0 or line[a - 1] in CLAUSE_END
        eos = b == len(line) or line[b] in CLAUSE_END
        best = self.lm.best
        old = lm_score(best, line[a:b], bos, eos)
        new = lm_score(best, line[a:i] + repl + line[j:b], bos, eos)
        return new - old

    def candidates_at(self, line: str, i: int, pair: bool) -> list[tuple[str, float, int]]:
        """(replacement, similarity, length) proposals for line[i] (and line[i+1] when `pair`)."""
        table = self.table
        out = []
        contexts = self._contexts(line, i, i + 1)
        for c, s in table.get(line[i], ()):
            if self._forms_word(contexts, c):
                out.append((c, s, 1))
        if pair:
            seconds = table.get(line[i + 1], ())
            for c1, s1 in table.get(line[i], ()):
                for c2, s2 in seconds:
                    if c1 + c2 in self.vocab:
                        out.append((c1 + c2, (s1 + s2) / 2, 2))
        return out

    def best_at(self, line: str, i: int, pair: bool) -> Correction | None:
        scored = []
        levels = {}
        for repl, sim, n in self.candidates_at(line, i, pair):
            j = i + n
            if j not in levels:
                levels[j] = self.guard.level(line, i, j) if self.guard is not None else None
            if levels[j] == "skip":
                continue
            gain = self._score(line, i, j, repl)
            penalty = self.weight * (1.0 - sim) * n
            scored.append((gain - penalty, gain, sim, repl, j))
        if not scored:
            return None
        scored.sort(key=lambda t: -t[0])
        score, gain, sim, repl, j = scored[0]
        if score <= self.threshold:
            return None
        alts = [t[3] for t in scored[1:4] if t[0] > self.threshold - 2 and len(t[3]) == len(repl)]
        runner = max((t[0] for t in scored[1:] if t[3][0] != repl[0]), default=float("-inf"))
        return Correction(i, j, line[i:j], repl, score, gain, sim, alts, runner, levels[j] == "suggest")

    def is_safe(self, c: Correction) -> bool:
        return not c.guarded and c.score >= self.safe_threshold and c.score - c.runner_up >= self.margin

    def correct_line(self, line: str) -> list[Correction]:
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
            return self.best_at(work, i, pair)

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
