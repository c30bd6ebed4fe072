"""Learn OCR confusions from the recognizer itself: dictionaries/ocr_channel_counts.tsv.

Every character of the universe is rendered many times inside short real words (jieba's
dictionary; the recognizer reads lines, so context matters), packed into lines, in the faces
official documents are printed in: Song (Noto Serif CJK SC, regular and bold), Hei (Noto Sans
CJK SC, WenQuanYi Zen Hei) and Kai (AR PL UKai CN). Each line is degraded either like a grey
scan (ocr_sim.degrade) or like a photocopy / bilevel scan (ocr_sim.photocopy: strokes thickened
or thinned, then thresholded), and read by RapidOCR. Aligned with the truth, each position gives:
  * a hard count when OCR output another character (meant -> seen),
  * a soft count: the probability the recognizer gave to each runner-up character there
    (top-K at every time step of the character), i.e. what it would read under slightly worse
    conditions.
The number of trials per meant character is written as `meant<TAB>*<TAB>trials`.
The held-out sentences of build_ocr_heldout.py are never used here.

Fonts needed at generation time only: fonts-noto-cjk fonts-wqy-zenhei fonts-arphic-ukai (apt).

Regenerate (time-boxed; lines are shuffled, so a run cut short is a uniform subsample; two
shards run in parallel on two cores, then merge):
  nice python3 scripts/build_ocr_channel.py --reps 32 --shard 0/2 --floor 0.005 --out /tmp/ocr0.tsv &
  nice python3 scripts/build_ocr_channel.py --reps 32 --shard 1/2 --floor 0.005 --out /tmp/ocr1.tsv; wait
  python3 scripts/build_ocr_channel.py --merge /tmp/ocr0.tsv /tmp/ocr1.tsv
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
from ocr_sim import Recognizer, degrade_any, render_line  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "dictionaries" / "ocr_channel_counts.tsv"
LINE_CHARS = 14
BATCH = 24
ALT_K = 10  # runner-ups kept per time step
ALT_FLOOR = 2e-4  # runner-up probability below which a time step says nothing
BILEVEL = 0.5  # share of lines degraded like a photocopy / bilevel scan
WRITE_FLOOR = 0.03  # pairs with no misreading and less soft mass than this are not written


def channel_fonts() -> list[tuple[str, int]]:
    """Song twice (the face of most official text), then bold Song, two Hei and a Kai."""
    serif, sans = cjk_fonts(("Noto Serif CJK SC", "Noto Sans CJK SC"))
    bold = cjk_fonts(("Noto Serif CJK SC",), "Bold")[0]
    return [serif, serif, bold, sans] + cjk_fonts(("WenQuanYi Zen Hei",)) + cjk_fonts(("AR PL UKai CN",), "Book")


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


def write_counts(path: Path, hard: Counter, soft: dict, trials: Counter, run: str, floor: float = WRITE_FLOOR) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "# source: generated by counting what the RapidOCR PP-OCRv4 recognizer reads in degraded renders "
            "(grey scans and bilevel photocopies; Noto Serif/Sans CJK SC, WenQuanYi Zen Hei, AR PL UKai CN) of jieba words\n"
            "# license: MIT (generated); inputs: fonts OFL-1.1 (Noto), GPL-2 with font exception (WenQuanYi), "
            "Arphic Public License (UKai), jieba MIT, RapidOCR models Apache-2.0\n"
            f"# retrieved: {date.today()}\n# maintainer: proofread\n# rule: C001 (merged into confusion_visual.tsv)\n"
            "# format: meant<TAB>seen<TAB>hard count<TAB>soft count (runner-up probability mass); "
            "meant<TAB>*<TAB>trials\n"
            "# regenerate: make data (two scripts/build_ocr_channel.py --shard i/2 runs, then --merge; see its docstring)\n"
            f"# this run: {run}\n"
        )
        for m in sorted(trials):
            f.write(f"{m}\t*\t{trials[m]}\n")
        keys = {k for k, v in hard.items() if v > 0} | {k for k, v in soft.items() if v >= floor}
        for m, s in sorted(keys):
            f.write(f"{m}\t{s}\t{hard.get((m, s), 0)}\t{soft.get((m, s), 0.0):.3f}\n")


def run_header(path: Path) -> str:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "this run: " in line:
                return line.split("this run: ", 1)[1].strip()
    return path.name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=32, help="renders per character")
    ap.add_argument("--minutes", type=float, default=32, help="stop after this much time (subsample)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--shard", default="0/1", help="i/n: read every n-th line from the i-th (parallel runs)")
    ap.add_argument("--merge", type=Path, nargs="+", help="add up these counts files into --out and stop")
    ap.add_argument("--floor", type=float, default=WRITE_FLOOR, help="least soft mass of a pair written")
    args = ap.parse_args()
    hard: Counter = Counter()
    soft: dict[tuple[str, str], float] = defaultdict(float)
    trials: Counter = Counter()
    if args.merge:
        for path in args.merge:
            read_counts(path, hard, soft, trials)
        runs = " + ".join(run_header(p) for p in args.merge)
        write_counts(args.out, hard, soft, trials, f"{runs}; merged, floor {args.floor:g}", args.floor)
        print(f"merged {len(args.merge)} files: {sum(hard.values())} errors", file=sys.stderr)
        return
    shard, shards = map(int, args.shard.split("/"))
    rng = random.Random(7)
    lines = make_lines(universe(), args.reps, rng)[shard::shards]
    rng = random.Random(7 + shard)
    fonts = channel_fonts()
    rec = Recognizer()
    t0, done = time.time(), 0
    for start in range(0, len(lines), BATCH):
        if time.time() - t0 > args.minutes * 60:
            break
        batch = lines[start : start + BATCH]
        images = [degrade_any(render_line(t, rng.choice(fonts)), rng, BILEVEL) for t in batch]
        for truth, seq in zip(batch, rec.read_with_alternatives(images, ALT_K, ALT_FLOOR), strict=True):
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
        if done % (BATCH * 50) == 0:
            print(f"{done}/{len(lines)} lines in {time.time() - t0:.0f}s", file=sys.stderr)
    run = (
        f"--reps {args.reps} --shard {args.shard} --minutes {args.minutes:g}: lines {done} of {len(lines)} "
        f"in {(time.time() - t0) / 60:.0f} min, top-{ALT_K} runner-ups > {ALT_FLOOR:g}, {BILEVEL:.0%} bilevel"
    )
    write_counts(args.out, hard, soft, trials, run, args.floor)
    print(f"{run}; {len(trials)} characters seen, {sum(hard.values())} errors", file=sys.stderr)


if __name__ == "__main__":
    main()
