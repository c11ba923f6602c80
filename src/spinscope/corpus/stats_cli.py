"""``spinscope corpus clusters`` and ``spinscope corpus stats``.

    spinscope analyze articles/ -f jsonl -o analysed.jsonl
    spinscope corpus stats analysed.jsonl --by outlet --plot outlets.png
    spinscope corpus clusters analysed.jsonl --json

Both read documents from CORPUS paths: analyze's JSON/JSONL output, JSONL/JSON rows with
a ``text`` field (and ``url``/``domain``/``date``), or any input ``analyze`` reads (text,
HTML, CSV, directories: clusters need no analysis). Without a path they read the
documents stored in the store.

:func:`register` adds both commands to any Typer app (the ``corpus`` group).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from spinscope.factchecks.cli import JsonOption, StoreOption, fail, open_store

if TYPE_CHECKING:
    from spinscope.corpus.clusters import Cluster, ClusterOptions

__all__ = [
    "app",
    "clusters_command",
    "corpus_stats_app",
    "read_documents",
    "register",
    "stats_command",
]

_err = Console(stderr=True, highlight=False, soft_wrap=True)
#: Width of a table written to a pipe or file: wide enough that no cell is ever cut.
PIPE_WIDTH = 10_000


def stdout_console() -> Console:
    """A console for tables on standard output: the terminal's width on a terminal;
    when piped, so wide that rows keep every value whole (a script or a file wants the
    values, not a layout for 80 columns)."""
    tty = sys.stdout is not None and sys.stdout.isatty()
    return Console(highlight=False, soft_wrap=True, width=None if tty else PIPE_WIDTH)


def is_piped() -> bool:
    return sys.stdout is None or not sys.stdout.isatty()


_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}

CorpusArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[CORPUS]...",
        help="analyze's JSON/JSONL output, JSONL rows with 'text', or files and directories "
        "analyze reads; default: the documents in the store.",
        show_default=False,
    ),
]


class ReadFailures:
    """Inputs and rows that could not be read: each is reported once on stderr as it
    is met, and counted (the command exits 1 when there was any, as ``analyze``)."""

    def __init__(self) -> None:
        self.count = 0
        self.unanalysed = 0

    def warn(self, where: str, why: str) -> None:
        self.count += 1
        # An ingest error already names its input: say it once.
        text = why if why.startswith(f"{where}:") else f"{where}: {why}"
        _err.print(f"WARNING {text}", markup=False)


def _json_rows(path: Path, failures: ReadFailures) -> Iterator[dict[str, Any]]:
    text = path.read_text("utf-8", errors="replace")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            failures.warn(f"{path}:{exc.lineno}", f"not JSON ({exc.msg}): skipped")
            return
        for number, item in enumerate(data if isinstance(data, list) else [data], 1):
            if isinstance(item, dict):
                # Rows without an id (FakeNewsNet's) are named by where they are.
                yield {"id": f"{path.name}:{number}", **item} if not item.get("id") else item
            else:
                failures.warn(f"{path}:{number}", "not a JSON object: skipped")
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            failures.warn(f"{path}:{number}", f"not JSON ({exc.msg}): skipped")
            continue
        if isinstance(item, dict):
            yield {"id": f"{path.name}:{number}", **item} if not item.get("id") else item
        else:
            failures.warn(f"{path}:{number}", "not a JSON object: skipped")


def _ingested(path: Path, failures: ReadFailures) -> Iterator[dict[str, Any]]:
    from spinscope.document import Document
    from spinscope.ingest import read_path

    for result in read_path(path):
        if isinstance(result, Document):
            yield result.to_dict()
        else:
            failures.warn(result.source or result.id, result.error)


def read_documents(
    paths: list[Path], failures: ReadFailures | None = None
) -> Iterator[dict[str, Any]]:
    """Document dicts from ``paths``: JSON/JSONL files as they are (analyze's output or
    corpus rows; a row without an id is named ``file:row``), anything else through
    :func:`spinscope.ingest.read_path`; directories walked in order. What cannot be
    read is warned about and counted in ``failures``."""
    failures = failures if failures is not None else ReadFailures()
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    yield from read_documents([child], failures)
        elif path.suffix.lower() in _JSON_SUFFIXES:
            yield from _json_rows(path, failures)
        else:
            yield from _ingested(path, failures)


def _store_documents(url: str | None) -> Iterator[dict[str, Any]]:
    """The ``analyze`` records of the documents ``spinscope batch`` stored."""
    from spinscope.corpus.documents import iter_documents

    with open_store(url) as db:
        for row in iter_documents(db):
            yield row["document"]


def _documents(
    paths: list[Path] | None, store: str | None, failures: ReadFailures
) -> Iterator[dict[str, Any]]:
    if not paths:
        return _store_documents(store)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}")
    return read_documents(paths, failures)


def _stored_clusters(
    url: str | None, options: ClusterOptions, min_size: int
) -> tuple[list[Cluster], dict[str, str]]:
    """Cluster the stored documents (by their ``documents.id``) and save the clusters
    in the store, where export and reports find them; also the ids to show for them."""
    from spinscope.corpus.clusters import Record, find_clusters, save_clusters
    from spinscope.corpus.documents import iter_documents

    names: dict[str, str] = {}

    def records(db: Any) -> Iterator[Record]:
        for row in iter_documents(db):
            text = row["document"].get("text")
            if isinstance(text, str) and text.strip():
                names[row["id"]] = row["doc_id"]
                yield Record(row["id"], text, row["domain"], row["date"])

    with open_store(url) as db:
        found = find_clusters(records(db), options, min_size=min_size)
        saved = save_clusters(db, found, threshold=options.threshold)
    _err.print(f"{saved:,} cluster(s) saved in the store", markup=False)
    return found, names


def clusters_command(
    corpus: CorpusArgument = None,
    min_size: Annotated[int, typer.Option("--min-size", min=2, help="Smallest cluster.")] = 2,
    threshold: Annotated[
        float,
        typer.Option(min=0.05, max=1.0, help="Jaccard similarity of word 3-shingles for a copy."),
    ] = 0.5,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Republication clusters: articles published again, whole or edited, with the
    first-seen article and what each copy adds, drops or rewords. Without CORPUS, the
    store's documents are clustered and the clusters saved there (export and reports
    then say where else each article was published)."""
    from spinscope.corpus.clusters import ClusterOptions, find_clusters, record_from_dict

    failures = ReadFailures()
    options = ClusterOptions(threshold=threshold)
    names: dict[str, str] = {}
    try:
        if corpus:
            docs = _documents(corpus, store, failures)
            records = (r for d in docs if (r := record_from_dict(d)) is not None)
            clusters = find_clusters(records, options, min_size=min_size)
        else:
            clusters, names = _stored_clusters(store, options, min_size)
    except ImportError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print(json.dumps([c.to_dict() for c in clusters], ensure_ascii=False, indent=2))
    elif not clusters:
        _err.print("no clusters", markup=False)
    for number, cluster in enumerate(clusters if not as_json else [], 1):
        first = cluster.first
        stdout_console().print(
            f"{number}. {cluster.size} articles, {len(cluster.outlets)} outlet(s), "
            f"first seen: {names.get(first.id, first.id)} "
            f"({first.domain or '-'}, {first.date or 'undated'})",
            markup=False,
        )
        table = Table(show_edge=False, box=None, pad_edge=False)
        for column in ("copy", "outlet", "date", "similarity", "added", "removed", "changed"):
            table.add_column(
                column,
                justify="right" if column not in ("copy", "outlet") else "left",
                no_wrap=True,
            )
        for c in cluster.copies:
            table.add_row(
                names.get(c.id, c.id),
                c.domain or "-",
                c.date or "-",
                f"{c.similarity:.2f}",
                str(len(c.added)),
                str(len(c.removed)),
                str(len(c.changed)),
            )
        stdout_console().print(table)
    if failures.count:
        raise typer.Exit(1)


class StatsBy(StrEnum):
    outlet = "outlet"
    domain = "domain"
    week = "week"
    month = "month"
    technique = "technique"
    speaker = "speaker"


class StatsFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 1 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


#: Columns of the terminal table, by ``--by`` (CSV and JSON have them all).
_TABLE_COLUMNS = {
    "group": (
        ("key", None),
        ("articles", "articles"),
        ("words", "words"),
        ("per_1000_words", "rate/1k"),
        ("own_per_1000_words", "own/1k"),
        ("attributed_share", "attrib."),
        ("own_voice_share", "own voice"),
        ("top_speakers", "top speakers"),
    ),
    "technique": (
        ("name", "technique"),
        ("per_1000_words", "rate/1k"),
        ("expected", "expected"),
        ("articles", "articles"),
        ("share_of_articles", "share"),
    ),
    "speaker": (
        ("speaker", "speaker"),
        ("statements", "statements"),
        ("articles", "articles"),
        ("outlets", "outlets"),
    ),
}


def stats_command(
    corpus: CorpusArgument = None,
    by: Annotated[StatsBy, typer.Option("--by", help="What a row is.")] = StatsBy.outlet,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="Output.")] = StatsFormat.table,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also draw a chart: FILE.png or FILE.svg.")
    ] = None,
    top: Annotated[
        int,
        typer.Option(
            "--top",
            min=1,
            help="Rows shown in the table and the plot (CSV and JSON have every row).",
        ),
    ] = 20,
    store: StoreOption = None,
) -> None:
    """Technique rates per 1,000 words, sourcing and top speakers, by outlet, domain,
    week, month, technique or speaker."""
    from spinscope.corpus.stats import corpus_stats

    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise fail(f"--plot must end in .png or .svg, not {plot.name!r}")
    failures = ReadFailures()
    stats = corpus_stats(_analysed(_documents(corpus, store, failures), failures), by.value)
    if failures.unanalysed:
        _err.print(
            f"ERROR {failures.unanalysed:,} document(s) not analysed (no spans or profiles): "
            "corpus stats counts what analyze found; run spinscope analyze FILES -f jsonl "
            "-o analysed.jsonl (or spinscope batch) first and give it that",
            markup=False,
        )
        if not stats.articles:
            raise typer.Exit(1)
    if plot is not None:
        from spinscope.corpus.plots import plot_stats

        try:
            plot_stats(stats, plot, top=top)
        except ImportError as exc:
            raise fail(str(exc)) from exc
        except OSError as exc:
            raise fail(f"cannot write {plot}: {exc.strerror or exc}") from exc
        _err.print(f"plot written to {plot}", markup=False)
    if fmt == StatsFormat.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        _finish(failures)
        return
    rows = stats.flat_rows()
    if fmt == StatsFormat.csv:
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
        _finish(failures)
        return
    kind = str(by) if by in (StatsBy.technique, StatsBy.speaker) else "group"
    table = Table(
        title=f"{stats.articles:,} articles, {stats.words:,} words, "
        f"{stats.rate:.1f} expected technique spans per 1,000 words",
        show_edge=False,
        pad_edge=False,
    )
    columns = _TABLE_COLUMNS[kind]
    cells = [[_fmt(row.get(key)) for key, _ in columns] for row in rows[:top]]
    piped = is_piped()
    for i, (key, title) in enumerate(columns):
        text = key in ("key", "name", "speaker", "top_speakers", "outlets")
        widest = max((len(c[i]) for c in cells), default=0)
        table.add_column(
            title or str(by),
            justify="left" if text else "right",
            # In a terminal, long names and speaker lists are cut, not wrapped: one line
            # per row; piped, nothing is cut. A number is never cut.
            no_wrap=True,
            overflow="ellipsis",
            max_width=26 if text and not piped else None,
            min_width=None if text else max(len(title or ""), widest, 5),
        )
    for row_cells in cells:
        table.add_row(*row_cells)
    if len(rows) > top:
        table.caption = f"top {top:,} of {len(rows):,} rows (--top; CSV and JSON have all)"
    stdout_console().print(table)
    _finish(failures)


def _is_analysed(doc: dict[str, Any]) -> bool:
    """A document ``analyze`` (or ``batch``) wrote: with profiles, or with spans (its
    error records pass too: analyze reported them, and stats leaves them out)."""
    if str(doc.get("schema", "")).startswith("spinscope.error/"):
        return True
    spans = doc.get("spans")
    return isinstance(doc.get("profiles"), dict) or (isinstance(spans, dict) and bool(spans))


def _analysed(docs: Iterator[dict[str, Any]], failures: ReadFailures) -> Iterator[dict[str, Any]]:
    for doc in docs:
        if _is_analysed(doc):
            yield doc
        else:
            failures.unanalysed += 1


def _finish(failures: ReadFailures) -> None:
    """Exit 1 when some input could not be counted (as ``analyze`` does)."""
    if failures.count or failures.unanalysed:
        _err.print(
            f"{failures.count + failures.unanalysed:,} input(s) or row(s) not counted",
            markup=False,
        )
        raise typer.Exit(1)


def register(target: typer.Typer) -> None:
    """Add ``clusters`` and ``stats`` to ``target`` (the ``corpus`` command group)."""
    target.command("clusters")(clusters_command)
    target.command("stats")(stats_command)


corpus_stats_app = typer.Typer(
    name="corpus",
    help="Corpus-level views: republication clusters and aggregates.",
    no_args_is_help=True,
    add_completion=False,
)
register(corpus_stats_app)

#: The name ``spinscope.cli`` mounts.
app = corpus_stats_app
