"""One place that turns Options into a ready engine, built once per process and reused."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from . import EngineError, candidates, correct, guards, lm
from .correct import Corrector

ENGINES = ("default", "kenlm", "lexicon", "macbert")


@dataclass
class Engine:
    name: str
    model: object  # lm.KenLMModel | lm.LexiconModel
    corrector: Corrector
    guard: guards.Guard
    visual: object  # the visual table (char -> [(candidate, score)]): tells C001 (shape) from C002 (sound)


def confidence(score: float, threshold: float) -> float:
    """Map a noisy-channel score (log10 units) to the share of such corrections that were right.

    Fitted on the dev half of the OCR eval set (RapidOCR on degraded renderings), called with
    `threshold` = safe threshold - 1: between 2.5 and 3 about 0.4 were right, between 3 and 3.5
    about 0.75, from 3.5 (the safe threshold) on 0.96; hence 0.5 at threshold + 0.5.
    """
    return round(1.0 / (1.0 + math.exp(-(score - (threshold + 0.5)) / 0.4)), 3)


@lru_cache(maxsize=4)
def _build(engine: str, model: str | None, source: str, allow: tuple, phrases: tuple, extra: tuple) -> Engine:
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    if engine == "kenlm" and not model:
        raise EngineError("--engine kenlm needs --model PATH (a KenLM .klm/.arpa file)")
    if engine == "lexicon":
        language_model = lm.load(None, "lexicon")
    else:
        language_model = lm.load(model if engine != "macbert" else None, "kenlm" if engine == "kenlm" else "auto")
    table = candidates.for_source(source, extra)
    guard = guards.Guard(allow, phrases, language_model)
    visual = candidates.visual()
    typed = source == "typed"
    # typed text: homophone sets are large, so a fix needs more evidence (SIGHAN-15: P .81 -> .90)
    corrector = Corrector(
        language_model,
        table,
        guard=guard,
        pair_penalty=2.0 if typed else 0.0,
        near_identical_bar=0.0 if typed else correct.NEAR_IDENTICAL_BAR,  # typed: similarity is sound
        threshold=3.0 if typed else 2.75,
        safe_threshold=4.0 if typed else 3.5,
    )
    return Engine(engine, language_model, corrector, guard, visual)


def get(options) -> Engine:
    return _build(
        options.engine or "default",
        options.model,
        options.source,
        tuple(options.allow_files),
        tuple(options.phrase_files),
        tuple(options.confusion_files),
    )
