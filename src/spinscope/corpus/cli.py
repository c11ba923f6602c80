"""``spinscope batch`` and ``spinscope export``: a corpus into the store, and out again.

    spinscope batch corpus.jsonl articles/ --store corpus.db --workers 2
    spinscope export --store corpus.db --format csv --where domain=rt.com -o rt.csv

``batch`` exits as ``analyze`` does: 0 every input stored (or already there), 1 some
failed (an ``ERROR`` line each on stderr, and a ``failed`` row each in the store), 2
usage error, 3 nothing could be read, 4 the pipeline cannot be built or failed on
everything; interrupted, 130 (SIGINT) or 143 (SIGTERM), with every batch reported done
kept: run the same command again to go on.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from spinscope.factchecks.cli import StoreOption, fail, open_store

if TYPE_CHECKING:
    from spinscope.corpus.batch import BatchSummary

__all__ = ["batch_command", "corpus_app", "export_command"]

corpus_app = typer.Typer(add_completion=False)

_err = Console(stderr=True, highlight=False, soft_wrap=True)
_out = Console(highlight=False, soft_wrap=True)

_CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


class EngineName(StrEnum):
    auto = "auto"
    local = "local"
    process = "process"
    ray = "ray"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@corpus_app.command("batch", no_args_is_help=True)
def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Files, directories, JSONL/CSV corpora, or - for stdin (as analyze reads them).",
            show_default=False,
        ),
    ],
    store: StoreOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (-1: one per core).", show_default="1, from the config"
        ),
    ] = None,
    engine: Annotated[
        EngineName,
        typer.Option(help="auto: in this process for one worker, else a process pool."),
    ] = EngineName.auto,
    ray_address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to join (--engine ray); default: a local Ray."),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Documents per batch: analysed together and committed in one transaction.",
            show_default="16, from the config",
        ),
    ] = None,
    components: Annotated[
        str | None,
        typer.Option("--components", "-c", help="Comma-separated components to run, in order."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="A TOML file layered over the defaults.", dir_okay=False),
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="auto, or the documents' language code (en).")
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option(help="How to read inputs; auto guesses.")
    ] = InputFormat.auto,
    text_key: Annotated[str | None, typer.Option(help="JSONL/CSV: the text field.")] = None,
    id_key: Annotated[str | None, typer.Option(help="JSONL/CSV: the id field.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Encoding of text inputs.")] = None,
    max_bytes: Annotated[
        int | None, typer.Option(min=1, help="Refuse inputs larger than this.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Analyse a corpus into the store; a rerun skips what is already stored."""
    from spinscope.config import load_config
    from spinscope.corpus.batch import run_batch
    from spinscope.engines import LocalEngine, get_engine
    from spinscope.errors import SpinscopeError
    from spinscope.pipeline import Pipeline
    from spinscope.run import STDIN, ExitCode

    if inputs.count(STDIN) > 1:
        raise fail("standard input (-) can be read only once")
    missing = [i for i in inputs if i != STDIN and not Path(i).exists()]
    if missing:
        raise fail(f"no such file or directory: {', '.join(missing)}")
    if workers is not None and workers < 1 and workers != -1:
        raise fail("--workers must be -1 (one per core) or at least 1")
    if ray_address and engine is not EngineName.ray:
        raise fail("--ray-address needs --engine ray")
    try:
        cfg = load_config(config)
        if language is not None:
            cfg = cfg.merged({"pipeline": {"language": language}})
        changes: dict[str, Any] = {
            "max_bytes": max_bytes,
            "encoding": encoding,
            "text_key": text_key,
            "id_key": id_key,
            "format": None if input_format is InputFormat.auto else input_format.value,
        }
        options = replace(cfg.ingest, **{k: v for k, v in changes.items() if v is not None})
        names = [n.strip() for n in components.split(",") if n.strip()] if components else None
        pipeline = Pipeline.from_config(cfg, components=names)
        n = workers if workers is not None else pipeline.n_process
        extra = {"address": ray_address} if engine is EngineName.ray else {}
        runner = get_engine(engine.value, n_process=n, **extra)
        if isinstance(runner, LocalEngine):
            pipeline.load()  # a missing model fails here, once
    except SpinscopeError as exc:
        raise fail(str(exc), int(exc.exit_code)) from exc

    show = not quiet and _err.is_terminal
    progress = _progress() if show else None
    total = _estimate(inputs, options.format) if progress is not None else None
    task = (
        progress.add_task("batch", total=total, done=0, failed=0, skipped=0) if progress else None
    )

    def advance(summary: BatchSummary) -> None:
        if progress is not None and task is not None:
            progress.update(
                task,
                completed=summary.total,
                done=summary.done,
                failed=summary.failed,
                skipped=summary.skipped,
            )

    def on_error(record: Any) -> None:
        _err.print(_error_line(record), markup=False)

    summary: BatchSummary | None = None
    stopped_by: str | None = None
    last: list[BatchSummary] = []

    def track(s: BatchSummary) -> None:
        if not last:
            last.append(s)
        advance(s)

    with open_store(store, create=True) as db:
        url = db.url
        try:
            with _sigterm_interrupts(), progress if progress is not None else nullcontext():
                summary = run_batch(
                    db,
                    inputs,
                    pipeline=pipeline,
                    engine=runner,
                    options=options,
                    batch_size=batch_size,
                    progress=track,
                    on_error=on_error,
                )
        except _Terminated:
            stopped_by = "SIGTERM"
        except KeyboardInterrupt:
            stopped_by = "SIGINT"
        except SpinscopeError as exc:
            raise fail(str(exc), int(exc.exit_code)) from exc
    if stopped_by is not None:
        done = last[0] if last else None
        said = (
            f"{done.done} stored, {done.failed} failed, {done.skipped} skipped"
            if done
            else "nothing stored"
        )
        _err.print(
            f"interrupted by {stopped_by}: {said}; run the same command again to go on",
            markup=False,
        )
        signum = signal.SIGTERM if stopped_by == "SIGTERM" else signal.SIGINT
        raise typer.Exit(128 + int(signum))
    assert summary is not None
    if as_json:
        print(json.dumps({**summary.as_dict(), "store": url}, indent=2))
    elif not quiet:
        rate = (summary.done + summary.failed) / summary.seconds if summary.seconds else 0.0
        _err.print(
            f"{summary.done} analysed, {summary.failed} failed, {summary.skipped} skipped "
            f"(already stored) into {url}; {summary.seconds:.1f} s, {rate:.1f} documents/s; "
            f"pipeline version {summary.pipeline_version}",
            markup=False,
        )
    if summary.total == 0:
        _err.print("error: no documents found in the input", markup=False)
    code = summary.exit_code
    if code is not ExitCode.OK:
        raise typer.Exit(int(code))


def _error_line(record: Any) -> str:
    where = record.source or record.id
    message = record.error if record.error.startswith(f"{where}:") else f"{where}: {record.error}"
    if record.component:
        message += f" [{record.component}]"
    return f"ERROR {message}"


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn(
            "{task.fields[done]:,} done, {task.fields[failed]:,} failed, "
            "{task.fields[skipped]:,} skipped"
        ),
        _RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_err,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )


class _RateColumn(ProgressColumn):
    """Documents per second (analysed, failed or skipped), once there is a rate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f}/s" if speed else "", style="progress.data.speed")


def _estimate(inputs: Sequence[str], fmt: str | None) -> int | None:
    """About how many documents the inputs hold (for the ETA): a line per JSONL row, a
    line per CSV row, one per other file. None when stdin is read."""
    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            kind = fmt or _CORPUS_SUFFIXES.get(file.suffix.lower())
            if kind in ("jsonl", "csv"):
                lines = _count_lines(file)
                total += max(0, lines - 1) if kind == "csv" else lines
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    count = 0
    last = b"\n"
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


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


@corpus_app.command("export")
def export_command(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.jsonl,
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--where",
            "-w",
            help="Only rows where COLUMN=VALUE (also !=, >=, <=, >, <), repeatable: "
            "domain=rt.com, date>=2018-01-01, language=en, status=failed.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here (parquet: a directory) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output.")] = False,
    store: StoreOption = None,
) -> None:
    """Stored documents as JSON lines (analyze's), CSV (a row per article) or Parquet."""
    from spinscope.corpus.documents import parse_where
    from spinscope.corpus.export import export_csv, export_jsonl, export_parquet
    from spinscope.errors import SpinscopeError
    from spinscope.output import AtomicOutput

    conditions = list(where or [])
    try:
        for condition in conditions:
            parse_where(condition)
    except ValueError as exc:
        raise fail(f"--where: {exc}") from exc
    if fmt is ExportFormat.parquet:
        if output is None:
            raise fail("--format parquet writes a directory: give -o DIR")
        if output.exists() and not output.is_dir():
            raise fail(f"{output} is not a directory")
        if output.is_dir() and any(output.iterdir()) and not force:
            raise fail(f"{output} is not empty; use --force to write into it")
    elif output is not None:
        if output.is_dir():
            raise fail(f"{output} is a directory; --format {fmt.value} writes one file")
        if output.exists() and not force:
            raise fail(f"{output} exists; use --force to overwrite it")
    _require_store(store)
    with open_store(store) as db:
        try:
            if fmt is ExportFormat.parquet:
                assert output is not None
                counts = export_parquet(db, output, conditions)
                _err.print(", ".join(f"{name}: {n:,}" for name, n in counts.items()), markup=False)
                return
            writer = export_jsonl if fmt is ExportFormat.jsonl else export_csv
            if output is None:
                writer(db, sys.stdout, conditions)
                sys.stdout.flush()
                return
            target = AtomicOutput(output)
            try:
                writer(db, target, conditions)
            except BaseException:
                target.discard()
                raise
            target.commit()
        except SpinscopeError as exc:
            raise fail(str(exc), int(exc.exit_code)) from exc


def _require_store(url: str | None) -> None:
    """Refuse to export from an SQLite file that is not there (rather than create it)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from spinscope.store.paths import resolve_url

    try:
        parsed = make_url(resolve_url(url))
    except ArgumentError:
        return  # open_store says what is wrong with it
    database = parsed.database
    if (
        parsed.get_backend_name() == "sqlite"
        and database
        and database != ":memory:"
        and not Path(database).expanduser().exists()
    ):
        raise fail(f"no store at {database}: analyse a corpus into it first (spinscope batch)")


#: What ``spinscope.cli`` mounts (its commands join the top level).
app = corpus_app
