"""Sparse OCR damage in whole documents: real RapidOCR confusions injected into clean prose.

The OCR eval sets damage every sentence of a page; a real document carries a few errors in
thousands of characters, and document-level evidence (a word used elsewhere, the author's own
repeated phrases) matters there. This script takes a clean text, replaces characters at
`--rate` with what RapidOCR actually read for them (the held-out confusions of
tests/data/ocr_heldout_pairs.tsv, drawn by their counts), runs `proofread fix` with the default
rules on the whole document, and counts the changed characters that are right and wrong.

    python scripts/eval_injected.py                                   # the sample's proofread text
    python scripts/eval_injected.py --text fixtures/formal_prose.txt --rate 0.01 --seeds 5
    python scripts/eval_injected.py --confusions rare-lookalikes      # the sample's kind of damage

Deterministic for given seeds. The confusions are real OCR output but chosen at random, so
some are not visual look-alikes at all (heavy degradation); the figure is a floor for scans
of ordinary quality.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofread import pipeline  # noqa: E402
from proofread.model import Document  # noqa: E402
from proofread.options import Options  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "ocr_heldout_pairs.tsv"


def confusions() -> dict[str, tuple[list[str], list[int]]]:
    """meant -> (what OCR read for it, how often)."""
    seen: dict[str, list[tuple[str, int]]] = defaultdict(list)
    with open(PAIRS, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            meant, got, count = line.rstrip("\n").split("\t")
            seen[meant].append((got, int(count)))
    return {m: ([g for g, _ in v], [n for _, n in v]) for m, v in seen.items()}


def rare_lookalikes(min_similarity: float = 0.6) -> dict[str, tuple[list[str], list[int]]]:
    """meant -> (look-alikes outside the 3,500 common characters, equal weights), from the glyph table.

    The class of damage in the user's sample (节假曰 for 节假日, 亿亓 for 亿元): a common character read
    as a rare one that looks like it. Drawn from dictionaries/confusion_visual.tsv, the table the
    engine itself uses, so every injected error is within its reach: the figure measures how well it
    decides, not how much its table covers.
    """
    from proofread.engine.candidates import common_chars

    common = common_chars()
    table: dict[str, list[str]] = defaultdict(list)
    with open(ROOT / "dictionaries" / "confusion_visual.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            seen, rest = line.rstrip("\n").split("\t", 1)
            if seen in common:
                continue
            for item in rest.split():
                meant, score = item.rsplit(":", 1)
                if float(score) >= min_similarity and meant in common:
                    table[meant].append(seen)
    return {m: (v, [1] * len(v)) for m, v in table.items()}


def damage(text: str, rate: float, rng: random.Random, table) -> str:
    out = list(text)
    for i, ch in enumerate(text):
        if ch in table and rng.random() < rate:
            got, weights = table[ch]
            out[i] = rng.choices(got, weights)[0]
    return "".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text", type=Path, default=ROOT / "fixtures" / "speech_2020.expected.txt")
    ap.add_argument("--rate", type=float, default=0.003, help="share of the characters OCR can confuse to damage")
    ap.add_argument("--seeds", type=int, default=10, help="damaged copies of the text")
    ap.add_argument(
        "--confusions",
        choices=("ocr", "rare-lookalikes"),
        default="ocr",
        help="ocr: RapidOCR's held-out confusions; rare-lookalikes: rare look-alikes from the glyph table",
    )
    args = ap.parse_args()
    truth = args.text.read_text(encoding="utf-8")
    table = confusions() if args.confusions == "ocr" else rare_lookalikes()
    injected = right = wrong = 0
    for seed in range(args.seeds):
        text = damage(truth, args.rate, random.Random(seed), table)
        fixed = pipeline.fix(Document(text), Options())[0].text
        if len(fixed) != len(text):
            print(f"seed {seed}: a fix changed the length; skipped", file=sys.stderr)
            continue
        injected += sum(a != b for a, b in zip(text, truth, strict=True))
        for a, b, c in zip(text, truth, fixed, strict=True):
            if a != c:
                right += c == b
                wrong += c != b
    precision = right / max(1, right + wrong)
    recall = right / max(1, injected)
    print(
        f"{args.text.name}: {args.seeds} copies, {injected} injected confusions ({args.confusions}); "
        f"fixed right {right}, wrong {wrong}: precision {precision:.3f}, recall {recall:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
