"""Generate dictionaries/de_verbs.txt: one-character verbs (jieba's POS tag v) for the 的/得 rule (C002).

Usage: python scripts/build_de_verbs.py > dictionaries/de_verbs.txt
"""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

MIN_FREQ = 2000


def main() -> None:
    spec = importlib.util.find_spec("jieba")
    path = Path(spec.submodule_search_locations[0]) / "dict.txt"
    verbs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and len(parts[0]) == 1 and parts[2] == "v" and int(parts[1]) >= MIN_FREQ:
            verbs.append(parts[0])
    print(f"# source: jieba dict.txt (one-character words tagged v, frequency >= {MIN_FREQ})")
    print("# license: MIT (jieba)")
    print(f"# retrieved: {datetime.date.today().isoformat()}")
    print("# maintainer: proofread")
    print("# rule: C002")
    print("# format: one character per line")
    print("# regenerate: python scripts/build_de_verbs.py > dictionaries/de_verbs.txt")
    for v in sorted(set(verbs)):
        print(v)


if __name__ == "__main__":
    main()
