"""Build dictionaries/confusion_phonetic.tsv: for each character, the characters that sound like it.

Readings come from pypinyin (heteronym=True; the first listed is the usual one). Only the first
two readings of a character are used, and two secondary readings never pair: pypinyin's rarer
readings pair common characters that no one confuses. Scores:
  * same syllable, same tone 1.0; same syllable, other tone 0.7;
  * a near syllable (initials zh/z ch/c sh/s n/l h/f r/l; finals in/ing en/eng an/ang
    ian/iang uan/uang) 0.5 same tone, 0.35 other tone;
  * a pair found through a secondary reading of one of the two: 0.9 of that;
  * characters sharing a neutral-tone reading (the particles 的/得/地, all read de) 1.0.
pycorrector's same_pinyin.txt adds pairs (0.63) only where the two share a syllable in pypinyin
(its tone columns are not reliable). Ties go to the more frequent character; a common syllable
has more than 40 homophones, so 10 places are kept for near syllables.

Regenerate: python3 scripts/build_confusion_phonetic.py  (about 10 s)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from pypinyin import Style, pinyin

sys.path.insert(0, str(Path(__file__).parent))

from confusion_universe import char_frequencies, pycorrector_data, universe  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "dictionaries" / "confusion_phonetic.tsv"
TOP_K = 40
NEAR_QUOTA = 10  # places kept for near-syllable candidates
NEAR_MAX = 0.6  # scores below this come from a near syllable
INITIALS = [
    "zh",
    "ch",
    "sh",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "r",
    "z",
    "c",
    "s",
    "y",
    "w",
]
NEAR_INITIALS = {
    "zh": "z",
    "z": "zh",
    "ch": "c",
    "c": "ch",
    "sh": "s",
    "s": "sh",
    "n": "l",
    "l": "n",
    "h": "f",
    "f": "h",
    "r": "l",
}
NEAR_FINALS = {"in": "ing", "ing": "in", "en": "eng", "eng": "en", "an": "ang", "ang": "an",
               "ian": "iang", "iang": "ian", "uan": "uang", "uang": "uan"}  # fmt: skip


def split(syllable: str) -> tuple[str, str]:
    for ini in INITIALS:
        if syllable.startswith(ini) and len(syllable) > len(ini):
            return ini, syllable[len(ini) :]
    return "", syllable


def near(syllable: str) -> set[str]:
    ini, fin = split(syllable)
    out = set()
    if ini in NEAR_INITIALS:
        out.add(NEAR_INITIALS[ini] + fin)
    if fin in NEAR_FINALS:
        out.add(ini + NEAR_FINALS[fin])
    return out


def readings(ch: str) -> list[tuple[str, str]]:
    """(syllable, tone) of each reading, usual first; the neutral tone is '5'."""
    out = []
    for r in pinyin(ch, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]:
        m = re.fullmatch(r"([a-zü]+)([1-5])", r.replace("v", "ü"))
        if m and (m.group(1), m.group(2)) not in out:
            out.append((m.group(1), m.group(2)))
    return out


def same_pinyin_file() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = defaultdict(dict)
    with open(pycorrector_data("same_pinyin.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            for col, score in ((1, 1.0), (2, 0.7)):
                for c in parts[col] if len(parts) > col else "":
                    if c != parts[0]:
                        out[parts[0]][c] = max(out[parts[0]].get(c, 0.0), score)
    return out


def build() -> dict[str, list[tuple[str, float]]]:
    chars = universe()
    freq = char_frequencies()
    by_syllable: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)  # syllable -> (char, tone, usual)
    reads, all_syllables = {}, {}
    for ch in chars:
        every = readings(ch)
        all_syllables[ch] = {syl for syl, _ in every}
        reads[ch] = every[:2]
        for i, (syl, tone) in enumerate(reads[ch]):
            by_syllable[syl].append((ch, tone, i == 0))
    extra = same_pinyin_file()
    result = {}
    for ch in chars:
        scores: dict[str, float] = {}
        for i, (syl, tone) in enumerate(reads[ch]):
            for target, base_same, base_other in [(syl, 1.0, 0.7)] + [(s, 0.5, 0.35) for s in near(syl)]:
                for other, t2, usual in by_syllable.get(target, ()):
                    if other == ch:
                        continue
                    if tone == t2 == "5" and target == syl:
                        # neutral-tone particles (的/得/地 all read de): the typist's classic
                        scores[other] = max(scores.get(other, 0.0), 1.0)
                        continue
                    if i > 0 and not usual:
                        continue  # two rare readings meeting: not a confusion anyone makes
                    s = base_same if t2 == tone else base_other
                    if i > 0 or not usual:
                        s *= 0.9
                    scores[other] = max(scores.get(other, 0.0), s)
        for other in extra.get(ch, {}):
            # that file's tone columns are not reliable: it only adds pairs sharing a syllable
            # through a rarer reading, at the score of a secondary reading in another tone
            if other in reads and other not in scores and all_syllables[ch] & all_syllables[other]:
                scores[other] = 0.63
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -freq.get(kv[0], 0), kv[0]))
        # a common syllable has more than TOP_K homophones: keep room for the near syllables
        same = [kv for kv in ranked if kv[1] >= NEAR_MAX][: TOP_K - NEAR_QUOTA]
        best = same + [kv for kv in ranked if kv[1] < NEAR_MAX][: TOP_K - len(same)]
        result[ch] = [(c, round(s, 3)) for c, s in best]
    return result


def main() -> None:
    result = build()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# source: generated from pypinyin readings and pycorrector same_pinyin.txt\n"
            "# license: MIT (generated); inputs: pypinyin MIT, pycorrector Apache-2.0, jieba MIT\n"
            f"# retrieved: {date.today()}\n# maintainer: proofread\n# rule: C002\n"
            "# format: char<TAB>cand:score cand:score ... (score in (0,1], best first; "
            "1.0 same syllable and tone, 0.7 other tone, 0.5/0.35 near syllable)\n"
            "# regenerate: python3 scripts/build_confusion_phonetic.py\n"
        )
        for ch in sorted(result):
            if result[ch]:
                f.write(ch + "\t" + " ".join(f"{c}:{s:g}" for c, s in result[ch]) + "\n")
    print(f"wrote {OUT}: {len(result)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
