"""Whole scanned documents, as a user checks them: the page sets put back together.

`proofread eval` scores sentence rows, each checked on its own; a user runs `proofread fix`
on a whole document, where a sentence's misread 。 sits mid-paragraph, only the last
paragraph ends the text, and the document's own words are evidence. This script rebuilds
each scanned copy of a page set's documents from its rows (`<set>.tsv` and
`<set>.unaligned.tsv`, ids `…-<font><copy>-p<page>-<severity>-s<sentence>`): the sentences
in order, joined within a paragraph of the set's text (`--corpus`, a blank line ends a
paragraph) and a newline between paragraphs. It runs `fix` with the default rules on the OCR
side and scores edits: the OCR text is aligned with the true text and with the output
(difflib), a substitution of equal length split into single characters, every other
difference kept whole; an edit of the output is right when the true text makes the same edit.

    python scripts/eval_documents.py fixtures/ocr_eval_pages_3.tsv --corpus fixtures/formal_prose_3.txt

Reports edit precision and recall and the share of paragraphs without an error that `fix`
changed; `--severity` keeps only the sentences of pages scanned at one severity.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofread import pipeline  # noqa: E402
from proofread.model import Document  # noqa: E402
from proofread.options import Options  # noqa: E402

_ID_RE = re.compile(r"^(?P<doc>.+)-p(?P<page>\d+)-(?P<severity>[a-z]+)-s(?P<n>\d+)$")


def paragraph_of_sentence(corpus: Path) -> list[int]:
    """Paragraph index of each sentence (1-based sentence numbers → list index n-1)."""
    out, para, any_line = [], 0, False
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            out.append(para)
            any_line = True
        elif any_line:
            para += 1
            any_line = False
    return out


def read_rows(paths: list[Path]) -> dict[str, list[tuple[int, str, str, str]]]:
    """doc key -> [(sentence number, severity, source, target)] in sentence order."""
    docs: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)
    for path in paths:
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                m = _ID_RE.match(row["id"])
                if m is None:
                    raise SystemExit(f"{path}: id {row['id']!r} does not name a document and sentence")
                docs[m["doc"]].append((int(m["n"]), m["severity"], row["source"], row["target"]))
    for rows in docs.values():
        rows.sort()
    return docs


def rebuild(rows, para_of: list[int]) -> tuple[str, str, list[str]]:
    """(OCR document, true document, severity of each paragraph)."""
    src, tgt, severities = [], [], []
    last = None
    for n, severity, source, target in rows:
        para = para_of[n - 1]
        if last is not None and para != last:
            src.append("\n")
            tgt.append("\n")
        if para != last:
            severities.append(severity)
        src.append(source)
        tgt.append(target)
        last = para
    return "".join(src), "".join(tgt), severities


def edits(a: str, b: str) -> set[tuple[int, int, str]]:
    """Differences of b from a as (start, end, replacement) over a; equal-length substitutions per character."""
    out = set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            out.update((i1 + k, i1 + k + 1, b[j1 + k]) for k in range(i2 - i1) if a[i1 + k] != b[j1 + k])
        else:
            out.add((i1, i2, b[j1:j2]))
    return out


def score(source: str, target: str, output: str) -> dict:
    gold, pred = edits(source, target), edits(source, output)
    right = len(gold & pred)
    return {"gold": len(gold), "pred": len(pred), "right": right}


def paragraphs_changed(source: str, target: str, output: str) -> tuple[int, int]:
    """(clean paragraphs, clean paragraphs fix changed); only when fix kept the paragraph count."""
    s, t, o = source.split("\n"), target.split("\n"), output.split("\n")
    if not len(s) == len(t) == len(o):
        return 0, 0
    clean = [k for k in range(len(s)) if s[k] == t[k]]
    return len(clean), sum(1 for k in clean if o[k] != s[k])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="a page set's aligned TSV; <name>.unaligned.tsv beside it is read too")
    parser.add_argument("--corpus", required=True, help="the set's true text (paragraphs split by blank lines)")
    parser.add_argument(
        "--severity", help="only the sentences of pages scanned at this severity (light, medium, bilevel)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    gold = Path(args.gold)
    docs = read_rows([gold, gold.with_suffix("").with_suffix(".unaligned.tsv")])
    para_of = paragraph_of_sentence(Path(args.corpus))
    totals = {"gold": 0, "pred": 0, "right": 0, "clean_paragraphs": 0, "clean_changed": 0}
    per_doc = {}
    options = Options()
    for key in sorted(docs):
        rows = [r for r in docs[key] if args.severity in (None, r[1])]
        if not rows:
            continue
        source, target, _ = rebuild(rows, para_of)
        output = pipeline.fix(Document(source), options)[0].text
        counts = score(source, target, output)
        clean, changed = paragraphs_changed(source, target, output)
        counts.update(clean_paragraphs=clean, clean_changed=changed)
        per_doc[key] = counts
        for k, v in counts.items():
            totals[k] += v
    p = totals["right"] / totals["pred"] if totals["pred"] else 0.0
    r = totals["right"] / totals["gold"] if totals["gold"] else 0.0
    result = {
        "documents": len(per_doc),
        "edit_precision": round(p, 4),
        "edit_recall": round(r, 4),
        "clean_paragraphs_changed": round(totals["clean_changed"] / max(1, totals["clean_paragraphs"]), 4),
        **totals,
        "per_document": per_doc,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        scope = f" ({args.severity} pages)" if args.severity else ""
        print(f"{gold}{scope}: {len(per_doc)} documents, {totals['gold']} true edits, {totals['pred']} made")
        print(f"  edit precision {p:.3f}  recall {r:.3f}")
        print(
            f"  clean paragraphs changed {result['clean_paragraphs_changed']:.2%}"
            f" ({totals['clean_changed']} of {totals['clean_paragraphs']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
