"""Build dictionaries/confusion_visual.tsv: for each character, the characters that look like it.

Channels, merged into one score in (0, 1] per (seen, meant) pair:
  * shape: pixel correlation of the glyphs in Noto Sans and Serif CJK SC over several views a
    degraded scan sees (blur at three levels, 24/16/12 px renders; see glyphs.FULL_VIEWS);
  * components: correlation of the left/right and top/bottom halves, so that characters sharing
    one component and having a similar other one (e.g. a radical plus a look-alike) rank high;
  * strokes: edit similarity of the stroke sequences in pycorrector's stroke.txt, and
    membership of one group in pycorrector's same_stroke.txt;
  * ocr: what RapidOCR actually read for each character in degraded renders
    (dictionaries/ocr_channel_counts.tsv, from build_ocr_channel.py), P(seen | meant), scored
    on a log scale so that a pair's score rises with how often the recognizer confuses it;
    combined with the shape score by `combine` (the stronger channel plus a little agreement).
Each line is keyed by the character as SEEN in the text; its candidates are the characters that
may have been MEANT, best first. Which 40 are kept is decided by score x frequency prior (a
misreading usually hides a common character); the score written is the similarity alone.
HARD, OCR_CAP, OCR_DECADES and AGREE were set on the held-out pairs of tests/data (see
scripts/eval_confusion.py; recall of what the engine can use, with about the same number of
candidates per character passing its threshold as before). PRIOR was then chosen with the
engine on the OCR dev set and on sparse injected confusions: 4 scored better on the held-out
pairs but dropped near-identical, less frequent characters (遏 for 退, 署 for 置) and fixed fewer
errors; 2 fixed the most with no wrong fix.

Regenerate: nice python3 scripts/build_confusion_visual.py  (about 3-5 min on 2 cores)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).parent))

from confusion_universe import char_frequencies, pycorrector_data, universe  # noqa: E402
from glyphs import HALF_VIEWS, cjk_fonts, combined_full, feature_matrices  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dictionaries" / "confusion_visual.tsv"
OCR_COUNTS = ROOT / "dictionaries" / "ocr_channel_counts.tsv"
TOP_K = 40
POOL = 250  # shape neighbours examined per character before the finer channels
FLOOR = 0.02  # candidates scoring below this are dropped
BLOCK = 512
HARD = 0.5  # evidence of one outright misreading, in runner-up probability units
OCR_CAP = 0.95  # score of a pair read one for the other every time; the channel alone is never certain
AGREE = 0.25  # share of the weaker channel's score added when both channels see the pair
OCR_DECADES = 6  # a pair confused ten times less often scores 1/OCR_DECADES less
PRIOR = 2.0  # weight of the meant character's frequency when choosing which candidates to keep


def load_strokes() -> dict[str, str]:
    out = {}
    with open(pycorrector_data("stroke.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#"):
                out[parts[0]] = parts[1]
    return out


def load_same_stroke() -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    with open(pycorrector_data("same_stroke.txt"), encoding="utf-8") as f:
        for line in f:
            chars = [c for c in line.split() if len(c) == 1]
            for c in chars:
                groups[c].update(x for x in chars if x != c)
    return groups


def load_ocr_counts(path: Path = OCR_COUNTS) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """seen -> {meant: evidence}, and meant -> number of times it was read. Evidence is half a
    point per outright misreading (heavy degradation also yields noise) plus the probability
    mass the recognizer gave `seen` as runner-up where `meant` was written."""
    by_seen: dict[str, dict[str, float]] = defaultdict(dict)
    trials: dict[str, int] = {}
    if not path.exists():
        return by_seen, trials
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            meant, seen, *counts = line.rstrip("\n").split("\t")
            if seen == "*":  # the trial count line of a character
                trials[meant] = int(counts[0])
            else:
                by_seen[seen][meant] = HARD * int(counts[0]) + float(counts[1])
    return by_seen, trials


def shape_score(full: np.ndarray, halves: dict[str, np.ndarray]) -> np.ndarray:
    """Raw shape similarity: the whole glyph, or a shared half with a similar other half."""

    def pair(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        hi, lo = np.maximum(a, b), np.minimum(a, b)
        return 0.35 * hi + 0.65 * lo

    comp = np.maximum(pair(halves["left"], halves["right"]), pair(halves["top"], halves["bottom"]))
    return np.maximum(full, 0.5 * full + 0.5 * comp)


def to_unit(raw: np.ndarray, lo: float = 0.35, hi: float = 0.95) -> np.ndarray:
    """Map raw correlation to (0, 1]: `lo` and below is unrelated, `hi` and above is identical."""
    return np.clip((raw - lo) / (hi - lo), 0.0, 1.0)


def ocr_score(evidence: float, trials: int) -> float:
    """Confidence from how often the recognizer confused the pair: the rate of misreadings plus
    runner-up mass per reading of `meant`, on a log scale (rate 1 -> OCR_CAP, each tenfold
    drop -1/OCR_DECADES; 1e-2 -> 0.62, 1e-4 -> 0.28). Fewer than 20 readings count as 20, so
    a rare character read a few times does not get a high rate by chance."""
    if evidence <= 0 or trials <= 0:
        return 0.0
    rate = evidence / max(trials, 20)
    return float(np.clip(OCR_CAP + np.log10(rate) / OCR_DECADES, 0.0, OCR_CAP))


def combine(shape: float, ocr: float) -> float:
    """The stronger channel, plus a little for agreement. Not a noisy-or: the recognizer confuses
    what looks alike, so the two channels are not independent evidence, and adding them up
    would give look-alike pairs the recognizer only sometimes confuses near-certain scores."""
    hi, lo = max(shape, ocr), min(shape, ocr)
    return hi + AGREE * lo * (1 - hi)


def frequency_prior(chars: list[str]) -> dict[str, float]:
    """log-frequency of each character scaled to (0, 1]: a misread usually hides a common
    character, so among equally similar candidates the common ones are worth keeping."""
    freq = char_frequencies()
    top = np.log10(max(freq.values()) + 10)
    return {c: max(0.05, float(np.log10(freq.get(c, 0) + 10) / top)) for c in chars}


def shape_scores(chars: list[str]) -> dict[str, dict[str, float]]:
    """seen -> {meant: similarity} from the glyph shape and stroke channels (no OCR)."""
    t0 = time.time()
    mats = feature_matrices(chars, cjk_fonts())
    full = combined_full(mats)
    print(f"features {full.shape} in {time.time() - t0:.1f}s", file=sys.stderr)
    strokes, same = load_strokes(), load_same_stroke()
    index = {c: i for i, c in enumerate(chars)}
    out: dict[str, dict[str, float]] = {}
    for start in range(0, len(chars), BLOCK):
        rows = slice(start, min(len(chars), start + BLOCK))
        f = full[rows] @ full.T
        h = {k: mats[k][rows] @ mats[k].T for k in HALF_VIEWS}
        raw = shape_score(f, h)
        for r in range(raw.shape[0]):
            raw[r, start + r] = -1.0  # never a candidate of itself
        pool = np.argpartition(-raw, POOL, axis=1)[:, :POOL]
        for r, seen_i in enumerate(range(rows.start, rows.stop)):
            seen = chars[seen_i]
            cand = pool[r]
            vis = to_unit(raw[r, cand])
            scores: dict[str, float] = {}
            for j, v in zip(cand, vis, strict=True):
                meant = chars[j]
                s = float(v)
                a, b = strokes.get(seen), strokes.get(meant)
                if a and b:
                    st = Levenshtein.normalized_similarity(a, b)
                    s = 0.8 * s + 0.2 * st * s**0.5  # strokes refine shape, never create it
                if meant in same.get(seen, ()):
                    s = 1 - (1 - s) * 0.6
                scores[meant] = s
            for meant in same.get(seen, ()):  # same_stroke groups even outside the pixel pool
                if meant in index and meant not in scores:
                    scores[meant] = 0.4
            out[seen] = scores
        print(f"{rows.stop}/{len(chars)} in {time.time() - t0:.1f}s", file=sys.stderr)
    return out


def merge(
    chars: list[str],
    shape: dict[str, dict[str, float]],
    by_seen: dict[str, dict[str, float]],
    trials: dict[str, int],
    prior_weight: float = PRIOR,
    top_k: int = TOP_K,
) -> dict[str, list[tuple[str, float]]]:
    """Add the OCR channel to the shape scores and keep the best `top_k` per key."""
    index = set(chars)
    prior = frequency_prior(chars)
    result: dict[str, list[tuple[str, float]]] = {}
    for seen in chars:
        scores = dict(shape.get(seen, {}))
        for meant, n in by_seen.get(seen, {}).items():
            if meant == seen or meant not in index:
                continue
            scores[meant] = combine(scores.get(meant, 0.0), ocr_score(n, trials.get(meant, 0)))
        # keep the TOP_K most probable (similarity x prior), list them by similarity
        kept = sorted(
            (m for m, s in scores.items() if s >= FLOOR), key=lambda m: -scores[m] * prior[m] ** prior_weight
        )[:top_k]
        best = sorted(((round(scores[m], 3), m) for m in kept), key=lambda x: (-x[0], x[1]))
        result[seen] = [(m, s) for s, m in best if s > 0]
    return result


def build(
    chars: list[str], use_ocr: bool = True, prior_weight: float = PRIOR, top_k: int = TOP_K
) -> dict[str, list[tuple[str, float]]]:
    by_seen, trials = load_ocr_counts() if use_ocr else ({}, {})
    return merge(chars, shape_scores(chars), by_seen, trials, prior_weight, top_k)


def write(result: dict[str, list[tuple[str, float]]], path: Path, ocr: bool) -> None:
    channels = "glyph shape (Noto Sans/Serif CJK SC renders), pycorrector stroke.txt and same_stroke.txt"
    if ocr:
        channels += ", RapidOCR confusions (dictionaries/ocr_channel_counts.tsv)"
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            f"# source: generated from {channels}\n"
            "# license: MIT (generated); inputs: fonts OFL-1.1, pycorrector Apache-2.0, jieba MIT"
            + (", RapidOCR models Apache-2.0\n" if ocr else "\n")
            + f"# retrieved: {date.today()}\n# maintainer: proofread\n# rule: C001\n"
            "# format: seen<TAB>meant:score meant:score ... (score in (0,1], best first; the key is the "
            "character found in the text, candidates are what may have been meant)\n"
            "# regenerate: nice python3 scripts/build_confusion_visual.py\n"
        )
        for seen in sorted(result):
            if result[seen]:
                f.write(seen + "\t" + " ".join(f"{m}:{s:.3g}" for m, s in result[seen]) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-ocr", action="store_true", help="shape and stroke channels only")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--top-k", type=int, default=TOP_K, help="candidates kept per character")
    ap.add_argument("--prior", type=float, default=PRIOR, help="weight of character frequency in choosing candidates")
    args = ap.parse_args()
    use_ocr = not args.no_ocr and OCR_COUNTS.exists()
    result = build(universe(), use_ocr, args.prior, args.top_k)
    write(result, args.out, use_ocr)
    print(f"wrote {args.out}: {len(result)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
