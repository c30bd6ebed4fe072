"""Learn OCR confusions from the recognizer itself: dictionaries/ocr_channel_counts.tsv.

Every character of the universe is rendered several times inside short real words (jieba's
dictionary; the recognizer reads lines, so context matters), packed into lines, in Noto Serif
and Sans CJK (regular and bold), degraded like a scan (ocr_sim.degrade), and read by RapidOCR.
Aligned with the truth, each position gives:
  * a hard count when OCR output another character (meant -> seen),
  * a soft count: the probability the recognizer gave to each runner-up character there,
    i.e. what it would read under slightly worse conditions.
The number of trials per meant character is written as `meant<TAB>*<TAB>trials`.
The held-out sentences of build_ocr_heldout.py are never used here.

Regenerate: nice python3 scripts/build_ocr_channel.py --minutes 25  (time-boxed: lines are shuffled, so a
run cut short is a uniform subsample; a full run of 9025 lines takes 15-25 min on one core)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import difflib  # noqa: E402

from confusion_universe import is_cjk, jieba_dict, universe  # noqa: E402
from glyphs import cjk_fonts  # noqa: E402
from ocr_sim import Recognizer, degrade, render_line  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "dictionaries" / "ocr_channel_counts.tsv"
LINE_CHARS = 14
BATCH = 24


def words_by_char(chars: set[str]) -> dict[str, list[str]]:
    """The most frequent 2-4 character words containing each character (jieba dict)."""
    best: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with open(jieba_dict(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not 2 <= len(parts[0]) <= 4 or not all(map(is_cjk, parts[0])):
                continue
            for ch in set(parts[0]):
                if ch in chars:
                    best[ch].append((int(parts[1]), parts[0]))
    return {ch: [w for _, w in sorted(ws, reverse=True)[:12]] for ch, ws in best.items()}


def make_lines(chars: list[str], reps: int, rng: random.Random) -> list[str]:
    index = words_by_char(set(chars))
    items = []
    for ch in chars:
        ws = index.get(ch, [])
        for r in range(reps):
            # mostly in a word, sometimes alone: the recognizer must also read it without help
            items.append(rng.choice(ws) if ws and r % 3 != 2 else ch)
    rng.shuffle(items)
    lines, cur = [], ""
    for it in items:
        if len(cur) + len(it) > LINE_CHARS:
            lines.append(cur)
            cur = ""
        cur += it
    if cur:
        lines.append(cur)
    return lines


def align(truth: str, seq: list[tuple[str, dict[str, float]]]):
    """Yield (meant, seen, alternatives) for positions aligned one-for-one."""
    seen = "".join(c for c, _ in seq)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, truth, seen, autojunk=False).get_opcodes():
        if op in ("equal", "replace") and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                yield truth[i1 + k], seq[j1 + k][0], seq[j1 + k][1]


def read_counts(path: Path, hard: Counter, soft: dict, trials: Counter) -> None:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            meant, seen, *n = line.rstrip("\n").split("\t")
            if seen == "*":
                trials[meant] += int(n[0])
            else:
                hard[(meant, seen)] += int(n[0])
                soft[(meant, seen)] += float(n[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=8, help="renders per character")
    ap.add_argument("--minutes", type=float, default=25, help="stop after this much time (subsample)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--start", type=int, default=0, help="first line to read (to continue a time-boxed run)")
    ap.add_argument("--add", type=Path, help="counts file of an earlier run to add to (e.g. the lines before --start)")
    args = ap.parse_args()
    rng = random.Random(7)
    chars = universe()
    lines = make_lines(chars, args.reps, rng)
    fonts = (
        cjk_fonts(("Noto Serif CJK SC", "Noto Sans CJK SC"))
        + cjk_fonts(("Noto Serif CJK SC", "Noto Sans CJK SC"), "Bold")[:1]
    )
    rec = Recognizer()
    hard: Counter = Counter()
    soft: dict[tuple[str, str], float] = defaultdict(float)
    trials: Counter = Counter()
    if args.add:
        read_counts(args.add, hard, soft, trials)
    t0, done = time.time(), args.start
    for start in range(args.start, len(lines), BATCH):
        if time.time() - t0 > args.minutes * 60:
            break
        batch = lines[start : start + BATCH]
        images = [degrade(render_line(t, rng.choice(fonts + fonts[:1])), rng) for t in batch]
        for truth, seq in zip(batch, rec.read_with_alternatives(images), strict=True):
            if len(seq) < len(truth) * 0.6:
                continue  # unreadable line: the alignment would be noise
            for meant, got, alts in align(truth, seq):
                trials[meant] += 1
                if got != meant and is_cjk(got):
                    hard[(meant, got)] += 1
                for a, p in alts.items():
                    if a != meant and is_cjk(a):
                        soft[(meant, a)] += p
        done = start + len(batch)
        if (done - args.start) % (BATCH * 50) == 0:
            print(f"{done}/{len(lines)} lines in {time.time() - t0:.0f}s", file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(
            "# source: generated by counting what the RapidOCR PP-OCRv4 recognizer reads in degraded renders (Noto CJK) of jieba words\n"
            "# license: MIT (generated); inputs: fonts OFL-1.1, jieba MIT, RapidOCR models Apache-2.0\n"
            f"# retrieved: {date.today()}\n# maintainer: proofread\n# rule: C001 (merged into confusion_visual.tsv)\n"
            "# format: meant<TAB>seen<TAB>hard count<TAB>soft count (runner-up probability mass); "
            "meant<TAB>*<TAB>trials\n"
            f"# regenerate: nice python3 scripts/build_ocr_channel.py --minutes {args.minutes:g}"
            f"  (these counts: lines {0 if args.add else args.start}-{done} of {len(lines)})\n"
        )
        for m in sorted(trials):
            f.write(f"{m}\t*\t{trials[m]}\n")
        keys = set(hard) | {k for k, v in soft.items() if v >= 0.02}
        for m, s in sorted(keys):
            f.write(f"{m}\t{s}\t{hard.get((m, s), 0)}\t{soft.get((m, s), 0.0):.3f}\n")
    print(f"{done}/{len(lines)} lines, {len(trials)} characters seen, {sum(hard.values())} errors", file=sys.stderr)


if __name__ == "__main__":
    main()
