"""`proofread eval GOLD.tsv`: how well proofread (every rule, or the ones selected) does on a gold set."""

from __future__ import annotations

from typing import Annotated

import typer

from proofread.cli import _options, app


@app.command("eval")
def eval_(
    gold: Annotated[str, typer.Argument(help="TSV with columns id, source, target (or source, target).")],
    engine: Annotated[str, typer.Option("--engine", help="default | kenlm | lexicon | macbert")] = "default",
    model: Annotated[str | None, typer.Option("--model", help="Model path for --engine kenlm/macbert.")] = None,
    source: Annotated[str, typer.Option("--source", help="ocr | typed | mixed")] = "mixed",
    select: Annotated[
        str, typer.Option("--select", help="Rules whose fixes count: codes, names, prefixes (C for the engine) or ALL.")
    ] = "ALL",
    suggestions: Annotated[bool, typer.Option("--suggestions", help="Apply suggestions too.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Only the first N sentences (0 = all).")] = 0,
    confusions: Annotated[
        list[str] | None, typer.Option("--confusions", help="Extra confusion file(s): `char<TAB>cand:score ...`.")
    ] = None,
    as_document: Annotated[
        bool, typer.Option("--as-document", help="Check all sentences as one document (document-level evidence).")
    ] = False,
    show: Annotated[int, typer.Option("--show", help="Print N wrong outputs.")] = 0,
    by_rule: Annotated[
        bool, typer.Option("--by-rule", help="Count each rule's applied fixes: right, wrong, unjudged.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Sentence- and character-level detection/correction P/R/F1, false-change rate and speed."""
    import json
    import time

    from proofread import pipeline
    from proofread.engine.evaluate import Tally, read_gold
    from proofread.model import Document

    rows = read_gold(gold)
    if limit:
        rows = rows[:limit]
    # the same validation and Options as check/fix (unknown rule or --source: exit 2)
    opts = _options(select, None, 0.0, source, engine, model, None, suggestions)
    opts.confusion_files = list(confusions or [])
    pipeline.check(Document("预热。"), opts)  # start-up (model load) is not part of the speed figure
    tally = Tally()
    start = time.perf_counter()
    if as_document:
        # one document, one sentence a line; fixes never add or remove a line break
        applied, _ = pipeline.fix(Document("\n".join(src for _, src, _ in rows)), opts)
        outputs = applied.text.split("\n")
        if len(outputs) != len(rows):
            raise typer.BadParameter("a sentence contains a line break: run without --as-document")
    else:
        applied_all = [pipeline.fix(Document(src), opts)[0] for _, src, _ in rows]
        outputs = [a.text for a in applied_all]
        for (_, src, tgt), applied in zip(rows, applied_all, strict=True):
            tally.add_fixes(src, tgt, applied.applied)
    tally.seconds = time.perf_counter() - start
    for (sid, src, tgt), out in zip(rows, outputs, strict=True):
        tally.add(sid, src, tgt, out)
    result = tally.report()
    result.update(engine=engine, source=source, gold=gold, suggestions=suggestions, as_document=as_document)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{gold}: {result['sentences']} sentences, {result['with_errors']} with errors")
        for key in ("sentence_detection", "sentence_correction", "char_detection", "char_correction"):
            m = result[key]
            typer.echo(f"  {key:<20} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        typer.echo(f"  correct sentences changed {result['correct_sentences_changed']:.2%}")
        typer.echo(f"  speed {result['chars_per_second']} chars/s")
        if by_rule:
            if as_document:
                typer.echo("  (--by-rule counts sentences checked one by one; not with --as-document)")
            for code, c in result["by_rule"].items():
                typer.echo(f"  {code}  right {c['right']:>4}  wrong {c['wrong']:>4}  unjudged {c['unjudged']:>4}")
    for sid, src, tgt, out in tally.examples[:show]:
        typer.echo(f"{sid}\n  src {src}\n  tgt {tgt}\n  out {out}")
