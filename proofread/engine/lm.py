"""Language models that score a piece of text by its best word segmentation.

Two kinds share one small interface (`vocab`, `max_len`, `best(text, bos, eos)`):

* `KenLMModel`: any KenLM file (binary or ARPA); by default the fcitx5/libime
  word trigram `zh_CN.lm` from Debian's `libime-data-language-model`.
  Segmentation is a beam search over the model's own vocabulary, scored by the
  full trigram (engine-findings.md: per-character scoring finds nothing).
* `LexiconModel`: the fallback when no KenLM file is there, a unigram word model
  from jieba's frequency dictionary (a registry package), segmented exactly by DP.

The vocabulary with unigram log10 probabilities is derived once per model file
and kept in the user cache (see `cache.py`), so start-up is a marshal load.
"""

from __future__ import annotations

import array
import math
import os
import platform
from functools import lru_cache
from pathlib import Path

from . import EngineError
from .cache import cached

OOV_LOGP = -8.0  # log10 probability of a character the model does not know
BEAM = 4
MAX_WORD = 8  # longer vocabulary entries (idioms of 9+ characters) are rare enough to split


def default_lm_path() -> str | None:
    """$PROOFREAD_LM, else the Debian path of libime's zh_CN.lm for this architecture."""
    env = os.environ.get("PROOFREAD_LM")
    if env is not None:
        return env or None  # PROOFREAD_LM="" forces the fallback model
    arch = {"x86_64": "x86_64-linux-gnu", "aarch64": "aarch64-linux-gnu", "arm64": "aarch64-linux-gnu"}.get(
        platform.machine(), f"{platform.machine()}-linux-gnu"
    )
    for cand in (f"/usr/lib/{arch}/libime/zh_CN.lm", "/usr/lib/libime/zh_CN.lm", "/usr/share/libime/zh_CN.lm"):
        if os.path.exists(cand):
            return cand
    return None


def _kenlm_vocab(path: str) -> list[str]:
    """Words of a KenLM file: from the vocabulary block a binary file ends with, or an ARPA 1-gram list."""
    with open(path, "rb") as fh:
        head = fh.read(64)
        if head.startswith(b"mmap lm "):
            size = fh.seek(0, os.SEEK_END)
            chunk = 1 << 21
            while True:  # the vocabulary is the file's tail: "<unk>\0w1\0w2\0..."
                start = max(0, size - chunk)
                fh.seek(start)
                tail = fh.read()
                i = tail.rfind(b"<unk>\x00")
                if i >= 0 or start == 0:
                    break
                chunk *= 2
            words = tail[i:].split(b"\x00") if i >= 0 else []
            return [w.decode("utf-8", "replace") for w in words if w]
    words, in_unigrams = [], False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("\\1-grams:"):
                in_unigrams = True
            elif line.startswith("\\"):
                if in_unigrams:
                    break
            elif in_unigrams and line:
                parts = line.split("\t")
                if len(parts) >= 2:
                    words.append(parts[1])
    return words


class KenLMModel:
    kind = "kenlm"

    def __init__(self, path: str):
        import kenlm  # the wheel mmaps binary files: ~10 ms

        self.path = path
        self.model = kenlm.Model(path)
        self._State = kenlm.State

        def build():
            # one joined string: marshal loads it ~5x faster than a list or dict of words
            return "\n".join(w for w in _kenlm_vocab(path) if w not in ("<unk>", "<s>", "</s>") and w.strip())

        self.vocab: frozenset[str] = frozenset(cached("kenlm-vocab", path, build).split("\n"))
        self.max_len = MAX_WORD
        self._memo: dict = {}

    def best(self, text: str, bos: bool = False, eos: bool = False) -> tuple[float, tuple[str, ...]]:
        """Best (log10 score, words) of `text` under the trigram, by a beam over segmentations."""
        key = (text, bos, eos)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        model, State, vocab, max_len = self.model, self._State, self.vocab, self.max_len
        n = len(text)
        start = State()
        (model.BeginSentenceWrite if bos else model.NullContextWrite)(start)
        beams: list[list] = [[] for _ in range(n + 1)]
        beams[0] = [(0.0, start, ())]
        for i in range(n):
            hyps = beams[i]
            if not hyps:
                continue
            hyps.sort(key=lambda h: -h[0])
            del hyps[BEAM:]
            for j in range(i + 1, min(n, i + max_len) + 1):
                w = text[i:j]
                if j > i + 1 and w not in vocab:
                    continue
                target = beams[j]
                for sc, st, words in hyps:
                    out = State()
                    s = model.BaseScore(st, w, out)
                    target.append((sc + s, out, words + (w,)))
        final = beams[n]
        if eos:
            scored = []
            for sc, st, words in final:
                out = State()
                scored.append((sc + model.BaseScore(st, "</s>", out), words))
            res = max(scored, key=lambda h: h[0])
        else:
            sc, _, words = max(final, key=lambda h: h[0])
            res = (sc, words)
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[key] = res
        return res

    def word_scores(self, words) -> list[float]:
        """log10 p of each word given the two before it (the clause is not assumed to start a sentence)."""
        return [s[0] for s in self.model.full_scores(" ".join(words), bos=False, eos=False)]


def _jieba_dict() -> str:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("jieba is not installed: no fallback lexicon")
    return str(Path(spec.submodule_search_locations[0]) / "dict.txt")


class LexiconModel:
    """Unigram word model from jieba's dict.txt: the offline fallback when no KenLM file exists."""

    kind = "lexicon"

    def __init__(self, path: str | None = None):
        self.path = path or _jieba_dict()

        def build():
            freqs: dict[str, int] = {}
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split(" ")
                    if len(parts) >= 2 and parts[1].strip().isdigit():
                        freqs[parts[0]] = freqs.get(parts[0], 0) + int(parts[1])
            total = sum(freqs.values()) or 1
            words = [w for w, f in freqs.items() if f > 0 and "\n" not in w]
            logp = array.array("f", (math.log10(freqs[w] / total) for w in words))
            return "\n".join(words), logp.tobytes()

        joined, raw = cached("lexicon", self.path, build)
        logp = array.array("f")
        logp.frombytes(raw)
        self.vocab: dict[str, float] = dict(zip(joined.split("\n"), logp, strict=True))  # word -> log10 p
        self.max_len = MAX_WORD
        self._memo: dict = {}

    def best(self, text: str, bos: bool = False, eos: bool = False) -> tuple[float, tuple[str, ...]]:
        hit = self._memo.get(text)
        if hit is not None:
            return hit
        vocab, max_len, n = self.vocab, self.max_len, len(text)
        best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * n
        for j in range(1, n + 1):
            top = (-math.inf, 0)
            for i in range(max(0, j - max_len), j):
                w = text[i:j]
                p = vocab.get(w)
                if p is None:
                    if j - i > 1:
                        continue
                    p = OOV_LOGP
                s = best[i][0] + p
                if s > top[0]:
                    top = (s, i)
            best[j] = top
        words, j = [], n
        while j > 0:
            i = best[j][1]
            words.append(text[i:j])
            j = i
        res = (best[n][0], tuple(reversed(words)))
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[text] = res
        return res

    def word_scores(self, words) -> list[float]:
        """Unigram log10 p of each word: a unigram model has no context to be surprised by."""
        return [self.vocab.get(w, OOV_LOGP) for w in words]


@lru_cache(maxsize=4)
def load(path: str | None = None, kind: str = "auto"):
    """The model for `path` (a KenLM file), the default zh_CN.lm, or the lexicon fallback."""
    if kind == "lexicon":
        return LexiconModel()
    path = path or default_lm_path()
    if path:
        if not os.path.exists(path):
            raise EngineError(f"language model not found: {path}")
        return KenLMModel(path)
    if kind == "kenlm":
        raise EngineError("no KenLM model: give --model PATH or install libime-data-language-model")
    return LexiconModel()
