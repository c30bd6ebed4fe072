"""Measure a confusion file against known OCR confusions: rank of the meant character among the
candidates of the seen one, and recall@k.

Pair sources (none of them used to build the sets):
  * the user's sample: pairs are read by aligning fixtures/speech_2020.txt with its expected
    text (single-character substitutions), not typed in;
  * tests/data/ocr_heldout_pairs.tsv (RapidOCR on degraded renders of SIGHAN sentences);
  * the real OCR confusions quoted in the prototype notes (below, meant -> seen).

The phonetic set is measured on the typing errors of SIGHAN 2015 (pycorrector's
sighan2015_test.tsv: learners' essays, erroneous vs corrected sentence).

Usage: python3 scripts/eval_confusion.py [VISUAL.tsv [PHONETIC.tsv]]
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from proofread.engine.correct import MAX_CANDIDATES, MIN_SIM  # noqa: E402

# meant -> seen, from the prototype notes (real RapidOCR and subtitle-OCR errors)
NOTE_PAIRS = [
    ("我", "找"),
    ("一", "会"),
    ("握", "望"),
    ("租", "程"),
    ("日", "白"),
    ("白", "日"),
    ("拾", "抬"),
    ("抬", "拾"),
]
KS = (5, 10, 20, 24, 40)
ENGINE_K, ENGINE_MIN = MAX_CANDIDATES, MIN_SIM  # what the engine tries at a suspicious character


def load(path: Path) -> dict[str, list[str]]:
    return {key: [c for c, _ in cands] for key, cands in load_scores(path).items()}


def load_scores(path: Path) -> dict[str, list[tuple[str, float]]]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            key, cands = line.rstrip("\n").split("\t")
            out[key] = [(c, float(v)) for c, _, v in (x.rpartition(":") for x in cands.split())]
    return out


def usable(scored: dict[str, list[tuple[str, float]]], pairs) -> float:
    """Share of occurrences whose meant character the engine would try: among the ENGINE_K best
    candidates of the seen one, with score >= ENGINE_MIN."""
    total = sum(n for _, _, n in pairs)
    hit = 0
    for m, s, n in pairs:
        if any(c == m and v >= ENGINE_MIN for c, v in scored.get(s, [])[:ENGINE_K]):
            hit += n
    return hit / total if total else 0.0


def sample_pairs() -> list[tuple[str, str]]:
    """(meant, seen) CJK substitutions between the damaged sample and its proofread text."""
    seen_text = (ROOT / "fixtures" / "speech_2020.txt").read_text(encoding="utf-8")
    meant_text = (ROOT / "fixtures" / "speech_2020.expected.txt").read_text(encoding="utf-8")
    out = []
    sm = difflib.SequenceMatcher(None, meant_text, seen_text, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for m, s in zip(meant_text[i1:i2], seen_text[j1:j2], strict=True):
                if "\u4e00" <= m <= "\u9fff" and "\u4e00" <= s <= "\u9fff":
                    out.append((m, s))
    return out


def heldout_pairs() -> list[tuple[str, str, int]]:
    path = ROOT / "tests" / "data" / "ocr_heldout_pairs.tsv"
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                m, s, n = line.rstrip("\n").split("\t")
                out.append((m, s, int(n)))
    return out


def sighan_pairs() -> list[tuple[str, str, int]]:
    """(meant, seen, 1) for each substituted character of SIGHAN 2015 test (same-length pairs)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from confusion_universe import pycorrector_data

    out = []
    with open(pycorrector_data("sighan2015_test.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and len(parts[0]) == len(parts[1]):
                out.extend((t, s, 1) for s, t in zip(parts[0], parts[1], strict=True) if s != t)
    return out


def rank(table: dict[str, list[str]], meant: str, seen: str) -> int | None:
    cands = table.get(seen, [])
    return cands.index(meant) + 1 if meant in cands else None


def recall(table, pairs) -> dict[int, float]:
    total = sum(n for _, _, n in pairs)
    out = {}
    for k in KS:
        hit = sum(n for m, s, n in pairs if (r := rank(table, m, s)) is not None and r <= k)
        out[k] = hit / total if total else 0.0
    return out


def main() -> None:
    visual = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dictionaries" / "confusion_visual.tsv"
    table, scored = load(visual), load_scores(visual)
    phonetic = load(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dictionaries" / "confusion_phonetic.tsv")
    print("sample pairs (meant<-seen: rank):", " ".join(f"{m}<-{s}:{rank(table, m, s)}" for m, s in sample_pairs()))
    print("note pairs:", " ".join(f"{m}<-{s}:{rank(table, m, s)}" for m, s in NOTE_PAIRS))
    held = heldout_pairs()
    print(f"held-out {len(held)} distinct pairs, {sum(n for *_, n in held)} occurrences")
    print("  recall@k (occurrences):", {k: round(v, 3) for k, v in recall(table, held).items()})
    print(f"  usable by the engine (top {ENGINE_K}, score >= {ENGINE_MIN}): {usable(scored, held):.3f}")
    n_usable = sum(sum(1 for _, v in c[:ENGINE_K] if v >= ENGINE_MIN) for c in scored.values())
    print(f"  candidates the engine tries: {n_usable / max(1, len(scored)):.1f} per character")
    distinct = [(m, s, 1) for m, s, _ in held]
    print("  recall@k (distinct):   ", {k: round(v, 3) for k, v in recall(table, distinct).items()})
    sighan = sighan_pairs()
    print(f"SIGHAN 2015 typing errors, {len(sighan)} substitutions")
    print("  phonetic recall@k:", {k: round(v, 3) for k, v in recall(phonetic, sighan).items()})
    print("  visual recall@k:  ", {k: round(v, 3) for k, v in recall(table, sighan).items()})


if __name__ == "__main__":
    main()
