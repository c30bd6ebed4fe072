"""Metrics for `proofread eval`: sentence- and character-level detection and correction.

Sentence level follows SIGHAN: a sentence counts as detected when the set of
changed positions equals the gold set, and as corrected when the output equals
the target. Character level counts positions of the source (gold pairs of the same
length only; a pair whose lengths differ, such as a quote inserted for a character, is
scored at sentence level alone). An output whose length changed (a doubled mark merged)
is aligned to the source: a deleted or inserted character is a changed position that
corrects nothing, so the gold positions never depend on what the tool did.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass, field
from pathlib import Path


def read_gold(path: str | Path) -> list[tuple[str, str, str]]:
    """(id, source, target) rows from a TSV with columns id, source, target (or just source, target)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, parts in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not parts or parts[0].startswith("#"):
                continue
            if len(parts) == 2:
                rows.append((str(n), parts[0], parts[1]))
            elif len(parts) >= 3:
                if n == 1 and parts[0] == "id" and parts[1] == "source":
                    continue
                rows.append((parts[0], parts[1], parts[2]))
    return rows


def _changes(source: str, output: str) -> tuple[set[int], dict[int, str]]:
    """Source positions the output changed, and the character now at each one that was replaced
    one for one. An inserted character counts as a change at the position it was put before."""
    if len(source) == len(output):
        pred = {i for i, (a, b) in enumerate(zip(source, output, strict=True)) if a != b}
        return pred, {i: output[i] for i in pred}
    pred: set[int] = set()
    now: dict[int, str] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, source, output, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            now.update({i1 + k: output[j1 + k] for k in range(i2 - i1)})
        pred.update(range(i1, i2) if i2 > i1 else (min(i1, len(source) - 1),))
    return pred, now


def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": pred, "gold": gold}


@dataclass
class Tally:
    sentences: int = 0
    erroneous: int = 0
    changed: int = 0
    sent_det_tp: int = 0
    sent_cor_tp: int = 0
    correct_sentences: int = 0
    correct_changed: int = 0
    char_pred: int = 0
    char_gold: int = 0
    char_det_tp: int = 0
    char_cor_tp: int = 0
    chars: int = 0
    seconds: float = 0.0
    examples: list = field(default_factory=list)
    #: rule code -> [right, wrong, unjudged] applied fixes (`add_fixes`)
    by_rule: dict = field(default_factory=dict)

    def add(self, sid: str, source: str, target: str, output: str) -> None:
        self.sentences += 1
        self.chars += len(source)
        has_error = source != target
        changed = output != source
        self.erroneous += has_error
        self.changed += changed
        if not has_error:
            self.correct_sentences += 1
            self.correct_changed += changed
        if len(source) == len(target):
            gold = {i for i, (a, b) in enumerate(zip(source, target, strict=True)) if a != b}
            pred, now = _changes(source, output)
            self.char_gold += len(gold)
            self.char_pred += len(pred)
            self.char_det_tp += len(gold & pred)
            self.char_cor_tp += sum(1 for i in gold & pred if now.get(i) == target[i])
            detected = has_error and gold == pred
        else:
            detected = has_error and changed and len(output) == len(target)
        if changed:
            self.sent_det_tp += detected
            self.sent_cor_tp += has_error and output == target
            if output != target and len(self.examples) < 200:
                self.examples.append((sid, source, target, output))

    def add_fixes(self, source: str, target: str, fixes) -> None:
        """Judge each applied fix of one sentence by its rule: right when it writes the target's text
        at its span. A fix that changes the length, or any fix in a sentence whose length OCR changed,
        cannot be judged position by position."""
        for f in fixes:
            counts = self.by_rule.setdefault(f.code, [0, 0, 0])
            repl = f.replacements[0]
            if len(source) != len(target) or len(repl) != f.end - f.start:
                counts[2] += 1
            else:
                counts[0 if target[f.start : f.end] == repl else 1] += 1

    def report(self) -> dict:
        return {
            "sentences": self.sentences,
            "with_errors": self.erroneous,
            "sentence_detection": _prf(self.sent_det_tp, self.changed, self.erroneous),
            "sentence_correction": _prf(self.sent_cor_tp, self.changed, self.erroneous),
            "char_detection": _prf(self.char_det_tp, self.char_pred, self.char_gold),
            "char_correction": _prf(self.char_cor_tp, self.char_pred, self.char_gold),
            "correct_sentences_changed": round(self.correct_changed / self.correct_sentences, 4)
            if self.correct_sentences
            else 0.0,
            "chars_per_second": round(self.chars / self.seconds) if self.seconds else None,
            "by_rule": {
                code: dict(zip(("right", "wrong", "unjudged"), c, strict=True))
                for code, c in sorted(self.by_rule.items())
            },
        }
