"""The command line: `proofread check|fix|rules|explain` and the commands in `proofread/commands/`.

Exit codes: 0 clean, 1 findings (check) or changes needed, 2 usage or input errors.
Heavy modules (rich, the engine, OCR) are imported inside commands, not here,
because start-up time is paid on every pre-commit run.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from . import __version__
from .cli_options import (
    FORMATS,
    Allow,
    Color,
    Encoding,
    Engine,
    Format,
    Ignore,
    Model,
    Paths,
    Phrases,
    Select,
    Source,
    Threshold,
    UnsafeFixes,
)
from .engine import EngineError

app = typer.Typer(
    name="proofread",
    help="Proofread Chinese text: find OCR and punctuation damage, explain it, fix the certain part.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2

# Other commands live in their own modules and register on `app` when imported.
_COMMAND_MODULES = (
    "proofread.commands.eval_cmd",
    "proofread.commands.ocr_cmd",
    "proofread.commands.init_cmd",
    "proofread.commands.report_cmd",
)


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"proofread: {message}\n")
    return typer.Exit(EXIT_ERROR)


def _options(select, ignore, threshold, source, engine, model, phrases, unsafe=False, allow=None):
    from . import registry
    from .options import Options

    def codes(spec):
        if not spec:
            return None
        try:
            return registry.select(spec)
        except KeyError as exc:
            raise _fail(str(exc.args[0])) from None

    if source not in ("ocr", "typed", "mixed"):
        raise _fail(f"--source must be ocr, typed or mixed, not {source!r}")
    if not 0.0 <= threshold <= 1.0:
        raise _fail("--threshold must be between 0 and 1")
    return Options(
        select=codes(select),
        ignore=codes(ignore) or set(),
        threshold=threshold,
        unsafe_fixes=unsafe,
        source=source,
        engine=engine,
        model=model,
        phrase_files=list(phrases or []),
        allow_files=list(allow or []),
    )


def _plan(paths: list[str], opts, ctx=None):
    """Expand folders and read the configs: the files to check, each with its options.

    Flags given on the command line (found through `ctx`) win over the config files."""
    from . import files
    from .config import ConfigError

    if paths.count("-") > 1:
        raise _fail("standard input (-) given more than once")
    try:
        return files.plan(paths, opts, files.given_flags(ctx))
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _execute(plan, encoding):
    """Check every planned file (in parallel when it pays); report unreadable ones and go on.

    Returns the results, the number of errors, and the summary line (files, findings by
    rule, time) to print on stderr after the report when more than one file was checked."""
    from . import files

    run = files.run(plan.jobs, encoding)
    errors = plan.errors + [o.error for o in run.outcomes if o.error]
    for message in errors:
        sys.stderr.write(f"proofread: {message}\n")
    summary = files.summary(run) + "\n" if len(plan.jobs) > 1 else ""
    return [o.result for o in run.outcomes if o.result], len(errors), summary


@app.command()
def check(
    ctx: typer.Context,
    paths: Paths,
    fmt: Format = "text",
    encoding: Encoding = None,
    select: Select = None,
    ignore: Ignore = None,
    threshold: Threshold = 0.0,
    source: Source = "mixed",
    engine: Engine = "default",
    model: Model = None,
    phrases: Phrases = None,
    allow: Allow = None,
    color: Color = None,
) -> None:
    """Report findings. Exit 0 when clean, 1 when something was found, 2 on errors."""
    from .reporters import render

    if fmt not in FORMATS:
        raise _fail(f"unknown --format {fmt!r} ({', '.join(FORMATS)})")
    opts = _options(select, ignore, threshold, source, engine, model, phrases, allow=allow)
    results, errors, summary = _execute(_plan(paths, opts, ctx), encoding)
    render(fmt, results, sys.stdout, color=color)
    sys.stdout.flush()
    sys.stderr.write(summary)
    found = any(findings for _, _, findings, _ in results)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_FOUND if found else EXIT_CLEAN)


@app.command()
def fix(
    ctx: typer.Context,
    paths: Paths,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff; write nothing.")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", "-w", help="Rewrite the files (atomically).")] = False,
    unsafe_fixes: UnsafeFixes = False,
    encoding: Encoding = None,
    select: Select = None,
    ignore: Ignore = None,
    threshold: Threshold = 0.0,
    source: Source = "mixed",
    engine: Engine = "default",
    model: Model = None,
    phrases: Phrases = None,
    allow: Allow = None,
    color: Color = None,
) -> None:
    """Apply safe fixes: stdin to stdout, files with --diff (report) or --in-place (write)."""
    from .inputs.text import write_atomic
    from .reporters import render

    if diff and in_place:
        raise _fail("--diff and --in-place exclude each other")
    has_files = any(p != "-" for p in paths)
    opts = _options(select, ignore, threshold, source, engine, model, phrases, unsafe_fixes, allow=allow)
    plan = _plan(paths, opts, ctx)
    several = (has_files and len(paths) > 1) or len(plan.jobs) > 1 or any(os.path.isdir(p) for p in paths)
    if several and not (diff or in_place):
        raise _fail("several files: use --diff to see the fixes or --in-place to write them")
    results, errors, summary = _execute(plan, encoding)
    changed = False
    for tf, _doc, _findings, applied in results:
        changed |= applied.text != tf.text
        if in_place and tf.path != "<stdin>":
            if applied.text != tf.text:
                write_atomic(tf.path, tf.encode(applied.text))
                sys.stderr.write(f"fixed {len(applied.applied)} in {tf.path}\n")
        elif not diff:
            sys.stdout.buffer.write(tf.encode(applied.text))
            sys.stdout.flush()
    if diff:
        render("diff", results, sys.stdout, color=color)
    sys.stdout.flush()
    sys.stderr.write(summary)
    if errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FOUND if (diff and changed) else EXIT_CLEAN)


@app.command()
def rules() -> None:
    """List every rule: code, name, fix safety and what it finds."""
    from .registry import RULES

    for rule in RULES.values():
        preview = " (preview)" if rule.status == "preview" else ""
        typer.echo(f"{rule.code}  {rule.name:<32} fix:{rule.fix.value:<9} {rule.summary}{preview}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="Rule code or name, e.g. P001.")]) -> None:
    """Print a rule's documentation."""
    from . import registry

    try:
        rule = registry.get(code)
    except KeyError as exc:
        raise _fail(str(exc.args[0])) from None
    typer.echo(f"{rule.code} {rule.name} [{rule.kind.value}, fix: {rule.fix.value}, {rule.status}]\n\n{rule.doc}")


def _version(value: bool):
    if value:
        typer.echo(f"proofread {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    pass


def _register_commands() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name)


def main() -> None:
    _register_commands()
    try:
        app(standalone_mode=True)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except EngineError as exc:  # a missing model or extra: the message says what to do
        sys.stderr.write(f"proofread: {exc}\n")
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: say so in one line, never exit 1 ("found something")
        if os.environ.get("PROOFREAD_DEBUG"):
            raise
        sys.stderr.write(
            f"proofread: internal error: {type(exc).__name__}: {exc} (set PROOFREAD_DEBUG=1 for details)\n"
        )
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    # Run as `python -m proofread.cli`: the command modules register on `proofread.cli.app`,
    # not on this __main__ copy of the module, so start from the imported one.
    from proofread.cli import main as _main

    _main()
