"""Score the `proofread ocr` path on the OCR eval set, with and without the recogniser's metadata.

`proofread eval` sees text only. A scanned page brings more: per-character probabilities
and runner-up readings (`fixtures/ocr_eval.meta.jsonl`, written by make_ocr_eval.py). This
runs every row twice: `pipeline.fix` on the text alone, and `check_scan` (what
`proofread ocr` does) with the metadata, and prints character-level precision and recall
of the changes (all rules) and the share of correct sentences changed.

    python scripts/eval_ocr_meta.py            # dev and test halves
    python scripts/eval_ocr_meta.py test
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofread import pipeline  # noqa: E402
from proofread.commands.ocr_cmd import check_scan  # noqa: E402
from proofread.inputs.layout import OcrText  # noqa: E402
from proofread.inputs.pages import ScanResult  # noqa: E402
from proofread.model import Document  # noqa: E402
from proofread.options import Options  # noqa: E402


def tally(rows, fix) -> str:
    right = wrong = changed_ok = fully = 0
    errors = sum(a != b for r in rows for a, b in zip(r["source"], r["target"], strict=True))
    for r in rows:
        out = fix(r)
        if len(out) != len(r["source"]):
            wrong += 1  # a change of length counts as one wrong change
            continue
        for a, b, c in zip(r["source"], r["target"], out, strict=True):
            if a != c:
                right += c == b
                wrong += c != b
        changed_ok += r["source"] == r["target"] and out != r["source"]
        fully += r["source"] != r["target"] and out == r["target"]
    neg = sum(r["source"] == r["target"] for r in rows)
    return (
        f"char P={right / max(1, right + wrong):.3f} R={right / max(1, errors):.3f} "
        f"({right} right, {wrong} wrong, {errors} errors); sentences fully fixed {fully}/{len(rows) - neg}; "
        f"correct sentences changed {changed_ok}/{neg}"
    )


def main(argv: list[str]) -> int:
    meta = {}
    with open(ROOT / "fixtures/ocr_eval.meta.jsonl", encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            meta[m["id"]] = m
    opts = Options(source="ocr")

    def text_only(r):
        return pipeline.fix(Document(r["source"]), opts)[0].text

    def with_meta(r):
        m, s = meta[r["id"]], r["source"]
        spans = [(i, i + 1, score) for i, score in enumerate(m["scores"][: len(s)])]
        alts = {int(k): [tuple(x) for x in v] for k, v in m["alternatives"].items()}
        return check_scan(ScanResult(r["id"], text=OcrText(s, spans, [], alts)), opts)[3].text

    for half in argv or ["dev", "test"]:
        with open(ROOT / f"fixtures/ocr_eval.{half}.tsv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        print(f"{half}, text only:          {tally(rows, text_only)}")
        print(f"{half}, with OCR metadata:  {tally(rows, with_meta)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
