"""Generate dictionaries/transliteration_chars.txt: characters that spell foreign names (P022).

jieba's dictionary tags transliterated person names nrt (托尔斯泰, 约瑟夫, 布洛赫); a character found
in at least MIN_NAMES of them belongs to the transliteration alphabet (夫 布 斯 尔 娅 …). P022 takes
a middle dot between two such characters for a name's (列夫·托尔斯泰), not a misread 。 or ，.

Usage: python scripts/build_transliteration_chars.py > dictionaries/transliteration_chars.txt
"""

from __future__ import annotations

import datetime
import importlib.util
from collections import Counter
from pathlib import Path

MIN_NAMES = 5


def main() -> None:
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.submodule_search_locations[0]) / "dict.txt"
    counts: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "nrt":
            counts.update(set(parts[0]))
    print(f"# source: jieba dict.txt (characters of words tagged nrt, transliterated names; in >= {MIN_NAMES} of them)")
    print("# license: MIT (jieba)")
    print(f"# retrieved: {datetime.date.today().isoformat()}")
    print("# maintainer: proofread")
    print("# rule: P022")
    print("# format: one character per line")
    print("# regenerate: python scripts/build_transliteration_chars.py > dictionaries/transliteration_chars.txt")
    for ch in sorted(c for c, n in counts.items() if n >= MIN_NAMES and "\u4e00" <= c <= "\u9fff"):
        print(ch)


if __name__ == "__main__":
    main()
