"""Held-out OCR confusions for validating the visual confusion set.

Renders the correct sentences of pycorrector's sighan2015_test.tsv (text NOT used to build
the confusion set), degrades them like a scan and reads them with RapidOCR; every one-for-one
character substitution (meant, seen) is kept with its count. The OCR-learned channel of
build_confusion_visual.py uses words and random character lines only, never these sentences.

Regenerate: nice python3 scripts/build_ocr_heldout.py  (about 5 min on one core)
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from confusion_universe import is_cjk, pycorrector_data  # noqa: E402
from glyphs import cjk_fonts  # noqa: E402
from ocr_sim import Recognizer, degrade, render_line, substitutions  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "ocr_heldout_pairs.tsv"
ROUNDS = 3  # degradations per sentence and font


def main() -> None:
    with open(pycorrector_data("sighan2015_test.tsv"), encoding="utf-8") as f:
        sentences = [ln.rstrip("\n").split("\t")[-1] for ln in f if "\t" in ln]
    rng = random.Random(20261125)
    rec = Recognizer()
    fonts = cjk_fonts()
    pairs: Counter = Counter()
    jobs = [(s, font) for s in sentences for font in fonts for _ in range(ROUNDS)]
    for start in range(0, len(jobs), 32):
        batch = jobs[start : start + 32]
        images = [degrade(render_line(s, font), rng) for s, font in batch]
        for (s, _), (seen, score) in zip(batch, rec(images), strict=True):
            if score < 0.5:
                continue  # a line OCR could not read at all gives no usable alignment
            for meant, got in substitutions(s, seen):
                if is_cjk(meant) and is_cjk(got):
                    pairs[(meant, got)] += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# source: RapidOCR (PP-OCRv4 rec) on degraded renders of pycorrector sighan2015_test.tsv correct sentences\n"
            "# license: test data generated here (sentences: SIGHAN 2015 via pycorrector, Apache-2.0)\n"
            f"# retrieved: {date.today()}\n# maintainer: proofread\n"
            "# format: meant<TAB>seen<TAB>count\n"
            "# regenerate: nice python3 scripts/build_ocr_heldout.py\n"
        )
        for (meant, got), n in pairs.most_common():
            f.write(f"{meant}\t{got}\t{n}\n")
    print(len(jobs), "lines,", len(pairs), "distinct pairs,", sum(pairs.values()), "substitutions")


if __name__ == "__main__":
    main()
