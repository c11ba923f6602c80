"""The ``spinscope`` command line: parsing, output and exit codes only.

The work lives in plain functions that Python users can call too:
:func:`spinscope.run.analyze_paths` (read inputs, run the pipeline) and the renderers in
:mod:`spinscope.reports`. This module is the only one that prints.

Sub-commands written in other modules mount on :data:`app` with one line each, at
the end of this file (see "Sub-apps").
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.padding import Padding
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.rule import Rule
from rich.text import Text

from spinscope.about import __version__
from spinscope.config import load_config
from spinscope.document import Document, ErrorRecord
from spinscope.engines import LocalEngine, get_engine
from spinscope.errors import SpinscopeError
from spinscope.ingest import SUFFIX_FORMATS
from spinscope.ingest.ids import WARNINGS_KEY
from spinscope.output import AtomicOutput, check_overlap, write_atomic
from spinscope.pipeline import Pipeline
from spinscope.registry import registry
from spinscope.reports import mark_shown
from spinscope.reports.html import (
    INDEX_FILENAME,
    IndexEntry,
    render_html,
    render_index,
    report_filename,
)
from spinscope.reports.json import record_dict
from spinscope.reports.text import render_text, text_report
from spinscope.run import STDIN, ExitCode, RunSummary, analyze_paths

__all__ = ["app", "main"]

T = TypeVar("T")

#: Exit status when stdout is closed early (128 + SIGPIPE, as a shell reports it).
EXIT_PIPE_CLOSED = 141

EXIT_CODES_HELP = """\
[bold]Exit codes[/bold]

  0  every input was analysed
  1  some inputs failed (an ERROR line each on stderr), the rest were analysed
  2  usage or configuration error: bad option, missing file, invalid config
  3  no input could be analysed: none found, or all empty, binary, too large
  4  pipeline or model error: unknown component, missing model, crash
"""

ANALYZE_HELP = """\
Analyse articles and report how they persuade.

FILE can be a text or HTML file, a JSONL/CSV corpus (one article per row), a
directory (walked recursively) or - for standard input; several may be given.

[bold]Examples[/bold]

  spinscope analyze article.txt
  spinscope analyze page.html --format html -o report.html
  spinscope analyze corpus.jsonl --text-key body -o results.jsonl
  spinscope analyze articles/ -f html -o reports/
  curl -s https://example.org/a | spinscope analyze - --input-format html
"""

app = typer.Typer(
    name="spinscope",
    help="Reads news and shows, with evidence, how it persuades.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    """The ``--format`` choices."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


class InputFormat(StrEnum):
    """The ``--input-format`` choices (``spinscope.ingest.FORMATS``)."""

    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


_OUTPUT_SUFFIXES = {
    ".html": OutputFormat.html,
    ".htm": OutputFormat.html,
    ".json": OutputFormat.json,
    ".jsonl": OutputFormat.jsonl,
    ".ndjson": OutputFormat.jsonl,
    ".txt": OutputFormat.text,
}
_CORPUS_SUFFIXES = {suffix for suffix, fmt in SUFFIX_FORMATS.items() if fmt in ("jsonl", "csv")}
_HTML_SUFFIXES = {".html", ".htm"}


# -- helpers -------------------------------------------------------------------------


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)


def _fail(message: str, code: int) -> NoReturn:
    _stderr().print(f"error: {message}", markup=False)
    raise typer.Exit(code)


def _usage(message: str, hint: str | None = None) -> NoReturn:
    """A usage error as one plain line (exit 2); ``hint`` names the option at fault."""
    _fail(f"{hint}: {message}" if hint else message, ExitCode.USAGE)


def _error_line(record: ErrorRecord) -> str:
    where = record.source or record.id
    message = record.error
    if not message.startswith(f"{where}:"):
        message = f"{where}: {message}"
    if record.component:
        message += f" [{record.component}]"
    return f"ERROR {message}"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spinscope {__version__}")
        raise typer.Exit()


class _StdoutConsole(Console):
    """A console whose closed pipe ends the run like any other (exit 141)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class _Output:
    """Standard output, or a file written atomically (:class:`AtomicOutput`): the target
    is replaced only when the run completes, so a failure never leaves half a report
    in place of a good one. ``keep_on_interrupt``: a stream of complete records (JSONL)
    interrupted by the user is moved into place with the records finished so far."""

    def __init__(self, path: Path | None, *, keep_on_interrupt: bool = False) -> None:
        self.path = path
        self.keep_on_interrupt = keep_on_interrupt
        self._file = AtomicOutput(path) if path is not None else None
        self.records = 0

    def write(self, text: str) -> None:
        if self._file is None:
            sys.stdout.write(text)
        else:
            self._file.write(text)

    def record(self) -> None:
        """Count one record fully written (for the summary of an interrupted run)."""
        self.records += 1

    def finish(self, *, ok: bool, interrupted: bool = False) -> bool:
        """Commit (``ok``, or an interrupted stream worth keeping) or discard; returns
        whether the file was kept."""
        if self._file is None:
            sys.stdout.flush()
            return ok
        if ok or (interrupted and self.keep_on_interrupt and self._file.opened):
            self._file.commit()
            return True
        self._file.discard()
        return False


def _tracked(
    results: Iterator[Document | ErrorRecord],
    summary: RunSummary,
    err: Console,
    progress: Progress | None,
) -> Iterator[Document | ErrorRecord]:
    """Count results, print one ERROR line per failure, advance the progress bar."""
    task = progress.add_task("analysing", total=None, failed=0) if progress is not None else None
    for result in results:
        summary.add(result)
        if isinstance(result, ErrorRecord):
            err.print(_error_line(result), markup=False)
        else:  # what ingest had to repair (bad bytes, a renamed duplicate id)
            for warning in result.meta.extra.get(WARNINGS_KEY) or ():
                err.print(f"WARNING {result.meta.source or result.id}: {warning}", markup=False)
        if progress is not None and task is not None:
            progress.update(task, completed=summary.total, failed=summary.failed)
        yield result


def _progress_bar(err: Console) -> Progress:
    # Never redirect stdout: reports go there, and the bar lives on stderr.
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} documents, {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )


def _peek(results: Iterator[T]) -> tuple[list[T], Iterator[T]]:
    """The first two results and an iterator over all of them."""
    head: list[T] = []
    for result in results:
        head.append(result)
        if len(head) == 2:
            break

    def chained() -> Iterator[T]:
        yield from head
        yield from results

    return head, chained()


# -- writers: one per output format --------------------------------------------------

Writer = Callable[..., None]


def _write_text(
    results: Iterator[Document | ErrorRecord],
    out: _Output,
    min_score: float | None = None,
    **_: Any,
) -> None:
    console = _StdoutConsole(highlight=False, emoji=False) if out.path is None else None
    first = True
    for result in results:
        if not isinstance(result, Document):
            continue
        if console is not None:
            if not first:
                console.print(Rule(style="dim"))
            console.print(text_report(result, min_score=min_score))
        else:
            page = render_text(result, width=100, color=False, min_score=min_score)
            out.write(("" if first else "\n") + page)
        out.record()
        first = False


def _with_min_score(
    results: Iterator[Document | ErrorRecord], min_score: float | None
) -> Iterator[Document | ErrorRecord]:
    """The results, each document's ``shown`` marks set for ``min_score`` (when given)."""
    for result in results:
        if min_score is not None and isinstance(result, Document):
            mark_shown(result, min_score)
        yield result


def _write_json(
    results: Iterator[Document | ErrorRecord],
    out: _Output,
    include_tokens: bool,
    min_score: float | None = None,
    **_: Any,
) -> None:
    head, results = _peek(_with_min_score(results, min_score))
    if len(head) == 1:
        record = record_dict(head[0], include_tokens=include_tokens)
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        out.record()
        return
    if not head:
        return
    out.write("[\n")
    for i, result in enumerate(results):
        record = record_dict(result, include_tokens=include_tokens)
        out.write(("" if i == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        out.record()
    out.write("\n]\n")


def _write_jsonl(
    results: Iterator[Document | ErrorRecord],
    out: _Output,
    include_tokens: bool,
    min_score: float | None = None,
    **_: Any,
) -> None:
    for result in _with_min_score(results, min_score):
        record = record_dict(result, include_tokens=include_tokens)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.record()


def _write_html(
    results: Iterator[Document | ErrorRecord],
    out: _Output,
    force: bool,
    err: Console,
    quiet: bool,
    min_score: float | None = None,
    **_: Any,
) -> None:
    failed: list[ErrorRecord] = []

    def documents() -> Iterator[Document]:
        for result in results:
            if isinstance(result, Document):
                yield result
            else:
                failed.append(result)

    head, docs = _peek(documents())
    many = len(head) > 1
    if many and (out.path is None or out.path.suffix.lower() in _HTML_SUFFIXES):
        _usage("several documents make several HTML reports: give -o DIR", "-o")
    if out.path is None or not (many or out.path.is_dir()):
        for doc in docs:
            out.write(render_html(doc, min_score=min_score))
            out.record()
        return
    # One report per document, each written atomically, and an index linking them (with
    # the failed inputs) — written even when the run is interrupted, for what is done.
    directory = out.path
    directory.mkdir(parents=True, exist_ok=True)
    taken = {INDEX_FILENAME}
    entries: list[IndexEntry] = []
    index = directory / INDEX_FILENAME
    try:
        for doc in docs:
            name = report_filename(doc.id, taken)
            target = directory / name
            if target.exists() and not force:
                _fail(f"{target} exists; use --force to overwrite", ExitCode.USAGE)
            write_atomic(target, render_html(doc, min_score=min_score))
            entries.append(IndexEntry.from_document(doc, name, min_score=min_score))
            out.record()
    finally:
        if entries or failed:
            write_atomic(index, render_index(entries, failed))
    if not quiet:
        err.print(
            f"wrote {len(entries)} HTML report{'s' * (len(entries) != 1)} and {index}",
            markup=False,
        )


_WRITERS: dict[OutputFormat, Writer] = {
    OutputFormat.text: _write_text,
    OutputFormat.json: _write_json,
    OutputFormat.jsonl: _write_jsonl,
    OutputFormat.html: _write_html,
}


# -- commands ------------------------------------------------------------------------


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Reads news and shows, with evidence, how it persuades: propaganda-technique
    spans, attributions, claims. Offline."""


def _check_inputs(inputs: Sequence[str]) -> None:
    if inputs.count(STDIN) > 1:
        _usage("standard input (-) can be read only once", None)
    for item in inputs:
        if item != STDIN and not _exists(item):
            _usage(f"{item}: no such file or directory", None)


def _exists(item: str) -> bool:
    """False only for a path that is not there; one that cannot be examined (permission
    denied) is left to ingest, which reports it as that input's error."""
    try:
        os.stat(item)
    except FileNotFoundError:
        return os.path.islink(item)  # a dangling link: ingest says so
    except OSError:
        return True
    return True


def _is_dir(item: str) -> bool:
    try:
        return Path(item).is_dir()
    except OSError:
        return False


def _check_output(fmt: OutputFormat, output: Path | None, force: bool, many: bool) -> None:
    to_one_file = output is None or output.suffix.lower() in _HTML_SUFFIXES
    if fmt is OutputFormat.html and many and to_one_file and not (output and output.is_dir()):
        _usage("several inputs make several HTML reports: give -o DIR", "-o")
    if output is None:
        return
    if output.is_dir():
        if fmt is not OutputFormat.html:
            _usage(f"{output} is a directory; --format {fmt.value} writes one file", "-o")
        if any(output.iterdir()) and not force:
            _usage(f"{output} is not empty; use --force to write into it", "-o")
    elif output.exists() and not force:
        _usage(f"{output} exists; use --force to overwrite it", "-o")
    elif not output.parent.is_dir() and not (fmt is OutputFormat.html and many):
        _usage(f"{output.parent} is not a directory; create it first", "-o")


@app.command(help=ANALYZE_HELP, epilog=EXIT_CODES_HELP, no_args_is_help=False)
def analyze(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE|DIR|-",
            help="Files, directories, JSONL/CSV corpora, or - for stdin (the default "
            "when stdin is not a terminal).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: from the -o suffix (.html, .json, .jsonl), else "
            "text. json: one object for one document, an array for several; jsonl: one "
            "object per line.",
            show_default=False,
            rich_help_panel="Output",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here instead of stdout. html with several documents: a directory, "
            "one report per document.",
            rich_help_panel="Output",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite existing output.", rich_help_panel="Output"),
    ] = False,
    include_tokens: Annotated[
        bool,
        typer.Option(
            "--include-tokens",
            help="Keep the (large) tokens span group in JSON output.",
            rich_help_panel="Output",
        ),
    ] = False,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            min=0.0,
            max=1.0,
            help="Show technique spans from this calibrated score on (more below the "
            "default, fewer above). Default: the component's display threshold. JSON "
            "keeps every span and marks each one's shown.",
            rich_help_panel="Output",
            show_default="0.3, the display threshold",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar or summary on stderr (ERROR lines stay).",
            rich_help_panel="Output",
        ),
    ] = False,
    input_format: Annotated[
        InputFormat,
        typer.Option(
            "--input-format",
            help="How to read inputs; auto guesses from the suffix and content.",
            rich_help_panel="Input",
        ),
    ] = InputFormat.auto,
    text_key: Annotated[
        str | None,
        typer.Option(
            help="JSONL/CSV: the field holding the article text.",
            rich_help_panel="Input",
            show_default="text",
        ),
    ] = None,
    id_key: Annotated[
        str | None,
        typer.Option(
            help="JSONL/CSV: the field holding the document id.",
            rich_help_panel="Input",
            show_default="id",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            help="Encoding of text inputs: auto (UTF-8, else detected) or a codec name.",
            rich_help_panel="Input",
            show_default="auto, from the config",
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Refuse inputs larger than this many bytes.",
            rich_help_panel="Input",
            show_default="5000000, from the config",
        ),
    ] = None,
    components: Annotated[
        str | None,
        typer.Option(
            "--components",
            "-c",
            help="Comma-separated components to run, in order (see `spinscope components`). "
            "Default: the config's \\[pipeline] components.",
            rich_help_panel="Pipeline",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="A TOML file layered over the defaults (or set $SPINSCOPE_CONFIG).",
            rich_help_panel="Pipeline",
            dir_okay=False,
        ),
    ] = None,
    n_process: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (-1: one per core).",
            rich_help_panel="Pipeline",
            show_default="1, from the config",
        ),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Documents per batch.",
            rich_help_panel="Pipeline",
            show_default="16, from the config",
        ),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            help="How documents are processed: auto (in this process for one process, else "
            "a process pool), local, process, or a plugin's engine.",
            rich_help_panel="Pipeline",
            show_default="auto, from the config",
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="The store claims.v1 matches claims against and outlet.v1 looks outlet "
            "ratings up in: a database URL or an SQLite file (default $SPINSCOPE_STORE, else "
            "spinscope.db in the user data directory; when there is none, they are skipped "
            "with a notice).",
            rich_help_panel="Pipeline",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            help="The documents' language: auto (identified per document; components that "
            "do not analyse it are skipped, with a notice) or a code such as en, which "
            "runs every component as if the text were in that language.",
            rich_help_panel="Pipeline",
            show_default="auto, from the config",
        ),
    ] = None,
) -> None:
    inputs = list(inputs or [])
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            _usage("give a FILE, a DIR, or - to read standard input", None)
        inputs = [STDIN]
    _check_inputs(inputs)
    if n_process is not None and n_process < 1 and n_process != -1:
        _usage("must be -1 (one per core) or at least 1", "--n-process")
    resolved = fmt or (
        _OUTPUT_SUFFIXES.get(output.suffix.lower(), OutputFormat.text)
        if output is not None
        else OutputFormat.text
    )
    many = len(inputs) > 1 or any(_is_dir(i) for i in inputs if i != STDIN)
    _check_output(resolved, output, force, many)
    try:
        check_overlap(inputs, output)
    except SpinscopeError as exc:
        _fail(str(exc), exc.exit_code)

    err = _stderr()
    try:
        cfg = load_config(config)
        if language is not None:
            cfg = cfg.merged({"pipeline": {"language": language}})
        if store is not None:
            cfg = cfg.with_store(store)
        changes: dict[str, Any] = {
            "max_bytes": max_bytes,
            "encoding": encoding,
            "text_key": text_key,
            "id_key": id_key,
            "format": None if input_format is InputFormat.auto else input_format.value,
        }
        options = replace(cfg.ingest, **{k: v for k, v in changes.items() if v is not None})
        names = (
            [n.strip() for n in components.split(",") if n.strip()]
            if components is not None
            else None
        )
        pipeline = Pipeline.from_config(cfg, components=names)
        workers = n_process if n_process is not None else pipeline.n_process
        runner = get_engine(engine or pipeline.engine, n_process=workers)
        if isinstance(runner, LocalEngine):
            pipeline.load()  # a missing model fails here, once, not on every document
        results = analyze_paths(
            inputs,
            pipeline=pipeline,
            options=options,
            batch_size=batch_size,
            engine=runner,
        )
    except SpinscopeError as exc:
        _fail(str(exc), exc.exit_code)

    corpus = any(Path(i).suffix.lower() in _CORPUS_SUFFIXES for i in inputs)
    show_progress = (
        not quiet
        and (many or corpus or input_format in (InputFormat.jsonl, InputFormat.csv))
        and err.is_terminal
        and (output is not None or not sys.stdout.isatty())
    )
    summary = RunSummary()
    out = _Output(output, keep_on_interrupt=resolved is OutputFormat.jsonl)
    progress = _progress_bar(err) if show_progress else None
    ok = False
    stopped_by: str | None = None
    try:
        with _sigterm_interrupts(), progress if progress is not None else nullcontext():
            _WRITERS[resolved](
                _tracked(results, summary, err, progress),
                out,
                include_tokens=include_tokens,
                force=force,
                err=err,
                quiet=quiet,
                min_score=min_score,
            )
        ok = True
    except _Terminated:
        stopped_by = "SIGTERM"
    except KeyboardInterrupt:
        stopped_by = "SIGINT"
    except SpinscopeError as exc:
        _fail(str(exc), exc.exit_code)
    except typer.Exit:
        raise
    except BrokenPipeError:
        _closed_stdout()
    except OSError as exc:  # cannot write the output: full disk, permissions...
        _fail(_write_error(exc), ExitCode.USAGE)
    except Exception:
        err.print(traceback.format_exc(), markup=False)
        _fail("unexpected internal error (a bug in spinscope: please report it)", ExitCode.PIPELINE)
    finally:
        try:
            kept = out.finish(ok=ok, interrupted=stopped_by is not None)
        except BrokenPipeError:
            _closed_stdout()
        except OSError as exc:
            _fail(_write_error(exc), ExitCode.USAGE)

    if stopped_by is not None:
        _interrupted(err, stopped_by, summary, out, kept)
    if summary.total > 1 and not quiet:
        err.print(
            f"{summary.documents} analysed, {summary.failed} failed", markup=False, style="dim"
        )
    if summary.total == 0:
        err.print("error: no documents found in the input", markup=False)
    raise typer.Exit(summary.exit_code)


def _write_error(exc: OSError) -> str:
    where = os.fsdecode(exc.filename) if exc.filename else "the output"
    return f"cannot write {where}: {exc.strerror or exc}"


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: outputs are finished or discarded, a summary said."""


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupted(err: Console, by: str, summary: RunSummary, out: _Output, kept: bool) -> NoReturn:
    """Say what an interrupted run leaves behind, then exit 128 + the signal number."""
    done = f"{summary.documents} analysed, {summary.failed} failed"
    if out.path is None:
        where = f"{out.records} record{'s' * (out.records != 1)} written to standard output"
    elif kept:
        where = f"{out.records} complete record{'s' * (out.records != 1)} kept in {out.path}"
    elif out.path.is_dir():
        where = f"{out.records} report{'s' * (out.records != 1)} and an index in {out.path}"
    else:
        where = f"nothing written to {out.path} (left as it was)"
    err.print(f"interrupted by {by}: {done}; {where}", markup=False)
    signum = signal.SIGTERM if by == "SIGTERM" else signal.SIGINT
    raise typer.Exit(128 + int(signum))


def _closed_stdout() -> NoReturn:
    """The reader went away (``| head``): stop quietly, as if killed by SIGPIPE."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    raise typer.Exit(EXIT_PIPE_CLOSED)


def _model_info(info: Any) -> dict[str, Any] | None:
    try:
        model = info.model_info()
    except SpinscopeError as exc:
        return {"error": str(exc)}
    return dict(model) if model is not None else None


def _model_text(model: dict[str, Any] | None) -> str:
    if not model:
        return "-"
    if "error" in model:
        return f"unavailable: {model['error']}"
    name, version = model.get("name"), model.get("version")
    if name:
        return f"{name} {version}" if version else str(name)
    return " ".join(f"{k}={v}" for k, v in model.items())


@app.command("components")
def list_components(
    as_json: Annotated[bool, typer.Option("--json", help="Output JSON.")] = False,
) -> None:
    """List installed pipeline components: what each assigns and requires, and its model."""
    try:
        default = set(load_config().pipeline.components)
    except SpinscopeError as exc:
        _fail(str(exc), exc.exit_code)
    rows: list[dict[str, Any]] = []
    for name in registry.names():
        try:
            info = registry.get(name)
        except SpinscopeError as exc:  # a broken plugin is listed, not fatal
            rows.append(
                {
                    "name": name,
                    "default": name in default,
                    "assigns": [],
                    "requires": [],
                    "uses": [],
                    "languages": [],
                    "description": "",
                    "default_config": {},
                    "model": {"error": str(exc)},
                }
            )
            continue
        rows.append(
            {
                "name": info.name,
                "default": info.name in default,
                "assigns": list(info.assigns),
                "requires": list(info.requires),
                "uses": list(info.uses),
                "languages": list(info.languages),
                "description": info.description,
                "default_config": dict(info.default_config),
                "model": _model_info(info),
            }
        )
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False, emoji=False)
    for row in rows:
        head = Text(row["name"], style="bold")
        if row["default"]:
            head.append("  (default pipeline)", style="dim")
        facts = Text.assemble(
            ("assigns ", "dim"),
            ", ".join(row["assigns"]) or "-",
            ("   requires ", "dim"),
            ", ".join(row["requires"]) or "-",
            *((("   uses ", "dim"), ", ".join(row["uses"])) if row["uses"] else ()),
            ("   languages ", "dim"),
            ", ".join(row["languages"]) or "any",
            ("   model ", "dim"),
            _model_text(row["model"]),
        )
        console.print(head)
        console.print(Padding(Text(row["description"]), (0, 0, 0, 2), expand=False))
        console.print(Padding(facts, (0, 0, 0, 2), expand=False))
        console.print()


# -- Sub-apps ------------------------------------------------------------------------
# Typer apps written in other modules mount here, one line each. Their modules keep
# heavy imports (torch, sklearn) inside the commands so that `spinscope analyze` stays
# fast and the runtime needs no training extras. Training is not part of the package:
# see `python -m training.techniques` / `python -m training.attribution` in a checkout.
from spinscope.attribution.brat_cli import brat_app  # noqa: E402
from spinscope.corpus.cli import app as corpus_app  # noqa: E402
from spinscope.corpus.stats_cli import app as corpus_stats_app  # noqa: E402
from spinscope.factchecks.checkthat import app as checkthat_app  # noqa: E402
from spinscope.factchecks.cli import app as factchecks_app  # noqa: E402
from spinscope.sources.cli import app as sources_app  # noqa: E402
from spinscope.techniques.semeval_cli import semeval_app  # noqa: E402
from spinscope.web.cli import serve  # noqa: E402

app.add_typer(semeval_app, name="semeval")
app.add_typer(brat_app, name="brat")
app.add_typer(factchecks_app, name="factchecks")
app.add_typer(checkthat_app, name="checkthat")
app.add_typer(sources_app, name="sources")
app.add_typer(corpus_stats_app, name="corpus")
app.command("serve")(serve)
app.add_typer(corpus_app)  # no name: its commands, batch and export, join the top level


def _utf8_streams() -> None:
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in (
            "utf-8",
            "utf8",
        ):
            stream.reconfigure(encoding="utf-8", errors=errors)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (``spinscope``); ``argv`` defaults to ``sys.argv[1:]``."""
    _utf8_streams()
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")  # for worker processes
    app(args=list(argv) if argv is not None else None, prog_name="spinscope")
