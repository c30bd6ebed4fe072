"""`proofread report FILE -o report.html` and `proofread review FILE`: the review page.

`report` writes the page as one self-contained file (open it anywhere, decide, download the
text). `review` serves the same page on 127.0.0.1 with a Save button that writes the result
back to FILE, in its own encoding, and then exits.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from proofread.cli import EXIT_CLEAN, _fail, _options, _plan, app
from proofread.cli_options import Allow, Encoding, Engine, Ignore, Model, Phrases, Select, Source, Threshold

File = Annotated[str, typer.Argument(help="The file to review.", metavar="FILE", show_default=False)]


def _findings(path: str, encoding, opts, ctx=None):
    """Read, prepare and check one file with its config applied (flags > nearest config > defaults).

    Returns the file, its findings and the options used; a one-line error and exit 2 if it cannot be read."""
    from proofread import pipeline
    from proofread.inputs.prepare import document
    from proofread.inputs.text import InputError, read_file

    try:
        tf = read_file(path, encoding)
    except InputError as exc:
        raise _fail(str(exc)) from None
    plan = _plan([path], opts, ctx)
    if plan.errors:
        raise _fail(plan.errors[0])
    if not plan.jobs:
        raise _fail(f"{path}: excluded by the config's exclude globs")
    job = plan.jobs[0]
    return tf, pipeline.check(document(tf, job.fmt, job.options), job.options), job.options


@app.command()
def report(
    ctx: typer.Context,
    path: File,
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write the page (- for stdout).")] = "-",
    encoding: Encoding = None,
    select: Select = None,
    ignore: Ignore = None,
    threshold: Threshold = 0.0,
    source: Source = "mixed",
    engine: Engine = "default",
    model: Model = None,
    phrases: Phrases = None,
    allow: Allow = None,
) -> None:
    """Write a self-contained HTML review page: decide each finding, download the clean text."""
    from proofread.inputs.text import write_atomic
    from proofread.reporters import html

    if output == "-" and sys.stdout.isatty():
        raise _fail("the report is an HTML page: write it to a file with -o report.html")
    opts = _options(select, ignore, threshold, source, engine, model, phrases, allow=allow)
    tf, findings, used = _findings(path, encoding, opts, ctx)
    page = html.report_html(tf, findings, threshold=used.threshold).encode("utf-8")
    if output == "-":
        sys.stdout.buffer.write(page)
        sys.stdout.flush()
    else:
        try:
            write_atomic(output, page)
        except OSError as exc:
            raise _fail(f"{output}: cannot write ({exc.strerror})") from None
        sys.stderr.write(f"wrote {output}: {len(findings)} findings in {tf.path}\n")
    raise typer.Exit(EXIT_CLEAN)


@app.command()
def review(
    ctx: typer.Context,
    path: File,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0 = any free port).")] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Also open the page in the default browser.")] = False,
    encoding: Encoding = None,
    select: Select = None,
    ignore: Ignore = None,
    threshold: Threshold = 0.0,
    source: Source = "mixed",
    engine: Engine = "default",
    model: Model = None,
    phrases: Phrases = None,
    allow: Allow = None,
) -> None:
    """Serve the review page on 127.0.0.1; Save writes the decided text back to FILE, then exit."""
    from proofread import review_server

    if path == "-":
        raise _fail("review needs a file to write back to, not standard input")
    if not 0 <= port <= 65535:
        raise _fail("--port must be between 0 and 65535")
    opts = _options(select, ignore, threshold, source, engine, model, phrases, allow=allow)
    tf, findings, used = _findings(path, encoding, opts, ctx)
    with open(path, "rb") as fh:
        original = fh.read()
    if tf.encode(tf.text) != original:
        raise _fail(f"{path}: the file changed while it was being read; try again")
    review_state = review_server.Review(tf, findings, original, threshold=used.threshold)
    try:
        server = review_server.start(review_state, port)
    except OSError as exc:
        raise _fail(f"cannot listen on 127.0.0.1:{port} ({exc.strerror})") from None
    sys.stdout.write(
        f"Reviewing {tf.path}: {len(findings)} findings.\nOpen {server.url}\nPress Ctrl-C to stop without saving.\n"
    )
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        while not review_state.done.wait(0.5):
            pass
    except KeyboardInterrupt:
        server.shutdown()
        sys.stderr.write("stopped; nothing saved\n")
        raise typer.Exit(130) from None
    server.shutdown()
    server.server_close()
    sys.stdout.write(f"saved {review_state.changes} change(s) to {tf.path}\n")
    raise typer.Exit(EXIT_CLEAN)
