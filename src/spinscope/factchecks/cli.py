"""``spinscope factchecks``: import fact-check files into the store, search, count, export.

    spinscope factchecks import cases.csv --format euvsdisinfo
    spinscope factchecks search "White Helmets staged a chemical attack" -k 5
    spinscope factchecks stats
    spinscope factchecks export > kb.jsonl

Exit codes as for ``analyze``: 0 all files imported (rejected rows are listed, one
``REJECTED`` line each on stderr, and counted); 1 some files failed (an ``ERROR`` line
each); 2 usage error (unknown format or option, missing file, bad store URL); 3 no row
could be imported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

# The store, SQLAlchemy and the importers load inside the commands: `spinscope analyze`
# imports this module too and should not pay for them.
if TYPE_CHECKING:
    from spinscope.factchecks.kb import ImportSummary
    from spinscope.store import Store

__all__ = ["app", "factchecks_app", "fail", "open_store"]

#: :data:`spinscope.store.ENV_VAR`, spelled out so that this module stays light.
ENV_VAR = "SPINSCOPE_STORE"

#: ``--format`` choices: the names in :data:`spinscope.factchecks.importers.IMPORTERS`.
FORMATS = ("claimreview", "euvsdisinfo", "ct20", "snopes", "liar", "csv")

factchecks_app = typer.Typer(
    name="factchecks",
    help="The fact-check knowledge base: import ClaimReview files, search, stats, export.",
    no_args_is_help=True,
    add_completion=False,
)

Format = StrEnum("Format", {name: name for name in FORMATS})  # type: ignore[misc]

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar=ENV_VAR,
        help="Database URL (sqlite:///FILE, postgresql+psycopg://...) or an SQLite file path; "
        f"default ${ENV_VAR}, else spinscope.db in the user data directory.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]

_err = Console(stderr=True, highlight=False, soft_wrap=True)
_out = Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    _err.print(f"ERROR {message}", markup=False)
    return typer.Exit(code)


@contextmanager
def open_store(url: str | None, *, create: bool = False) -> Iterator[Store]:
    """The store at ``url``; reading commands (``create=False``) refuse an SQLite file
    that does not exist rather than create an empty one and find nothing in it."""
    from sqlalchemy.engine import make_url

    from spinscope.store import Store, StoreError
    from spinscope.store.paths import resolve_url

    resolved = resolve_url(url)
    if not create:
        parsed = make_url(resolved)
        database = parsed.database
        missing = (
            parsed.get_backend_name() == "sqlite"
            and database
            and database != ":memory:"
            and not Path(database).expanduser().exists()
        )
        if missing:
            raise fail(
                f"no fact-check store at {database}: import some first "
                "(spinscope factchecks import FILE --format ...) or give --store"
            )
    try:
        store = Store.open(url)
    except StoreError as exc:
        raise fail(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


def parse_options(pairs: list[str]) -> dict[str, str]:
    """``--option KEY=VALUE`` values as a dict (a usage error names the bad one)."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--option")
        options[key.strip()] = value
    return options


@factchecks_app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="Files to import.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="File format.", show_default=False)],
    source: Annotated[
        str | None,
        typer.Option(help="Source name (ids derive from it); default: the format's name."),
    ] = None,
    option: Annotated[
        list[str] | None,
        typer.Option(
            "--option",
            help="Importer option KEY=VALUE, repeatable (csv: claim=COLUMN, rating=COLUMN, "
            "delimiter=tab, ...).",
        ),
    ] = None,
    defer_embeddings: Annotated[
        bool,
        typer.Option(
            "--defer-embeddings",
            help="Do not embed the claims now (faster); `factchecks reindex` or the first "
            "search does it.",
        ),
    ] = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import fact-check files (with their sentence embeddings); importing the same file
    again adds nothing."""
    from spinscope.factchecks.importers import get_importer
    from spinscope.factchecks.kb import import_files

    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}")
    try:
        importer = get_importer(str(fmt), parse_options(option or []))
    except ValueError as exc:
        raise fail(str(exc)) from exc
    with open_store(store, create=True) as kb, _progress() as progress:
        task = progress.add_task("import", total=len(files), rows=0, file="")
        done: dict[Path, int] = {}

        def advance(path: Path, rows: int) -> None:
            done[path] = rows
            progress.update(
                task,
                completed=len(done) - 1,
                rows=sum(done.values()),
                file=path.name,
            )

        summary = import_files(
            kb, files, importer, source=source, progress=advance, embed=not defer_embeddings
        )
        progress.update(task, completed=len(files))
    for rejection in summary.rejections:
        _err.print(f"REJECTED {rejection}", markup=False)
    for error in summary.errors:
        _err.print(f"ERROR {error}", markup=False)
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_summary(summary, kb.url)
    if not summary.stored and (summary.errors or summary.rejections):
        raise typer.Exit(3)
    if summary.errors:
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Progress]:
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} files, {task.fields[rows]:,} rows"),
        TextColumn("{task.fields[file]}"),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
    )
    with progress:
        yield progress


def _print_summary(summary: ImportSummary, url: str) -> None:
    rate = summary.stored / summary.seconds if summary.seconds else 0.0
    _out.print(
        f"{summary.source} ({summary.importer}): {summary.files} file(s) into {url}\n"
        f"  imported {summary.imported:,}  updated {summary.updated:,}  "
        f"unchanged {summary.unchanged:,}  rejected {summary.rejected:,}  "
        f"errors {len(summary.errors)}\n"
        f"  {summary.seconds:.2f} s ({rate:,.0f} rows/s)",
        markup=False,
    )


@factchecks_app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="Text to look for.", show_default=False)],
    k: Annotated[int, typer.Option("-k", min=1, help="Number of results.")] = 5,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Show the k best even below the match threshold, with the same score "
            "(default: only matches).",
        ),
    ] = False,
    lexical: Annotated[
        bool, typer.Option("--lexical", help="Lexical search only (BM25 / ts_rank), no embeddings.")
    ] = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fact-checks of TEXT's claim, best first: lexical and dense (sentence embedding)
    candidates; the score is the probability that the fact-check addresses TEXT's claim,
    and only those reaching the match threshold are shown. --all: the k best whatever
    their score, the same score (so a match shown without --all is shown with it, first,
    at the same score)."""
    from spinscope.factchecks.lexical import query_terms

    if not query_terms(text):
        raise fail(f"nothing to search for in {text!r}: give the claim's words")
    if lexical:
        _lexical_search(text, k, store, as_json)
        return
    from spinscope.factchecks.retrieval import Retriever

    with open_store(store) as kb:
        retriever = Retriever.open(kb, notice=_notice)
        (matches,) = retriever.same_claims([text], k=k, min_score=0.0 if show_all else None)
    if as_json:
        print(json.dumps([m.as_dict() for m in matches], ensure_ascii=False, indent=2))
        return
    if not matches:
        _err.print("no match", markup=False)
        return
    for rank, m in enumerate(matches, 1):
        rating = f"{m.verdict}" + (f" ({m.rating_text})" if m.rating_text else "")
        _out.print(f"{rank}. [{m.score:.2f}] {m.claim_text}", markup=False)
        where = " · ".join(x for x in (m.publisher, m.review_date, m.review_url) if x)
        _out.print(f"   {rating} — {where or m.source}", markup=False)


def _notice(message: str) -> None:
    _err.print(f"NOTE {message}", markup=False)


def _lexical_search(text: str, k: int, store: str | None, as_json: bool) -> None:
    from spinscope.factchecks.lexical import search

    with open_store(store) as kb:
        hits = search(kb, text, k=k)
    if as_json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        _err.print("no match", markup=False)
        return
    for rank, hit in enumerate(hits, 1):
        rating = f"{hit.verdict}" + (f" ({hit.rating_text})" if hit.rating_text else "")
        _out.print(f"{rank}. [{hit.score:.2f}] {hit.claim_text}", markup=False)
        where = " · ".join(x for x in (hit.publisher, hit.review_date, hit.review_url) if x)
        _out.print(f"   {rating} — {where or hit.source}", markup=False)


@factchecks_app.command("reindex")
def reindex_command(store: StoreOption = None) -> None:
    """Embed the fact-checks that have no sentence embedding yet (imported with
    --defer-embeddings, or by an older spinscope); search would do it on first use."""
    from spinscope.factchecks.dense import missing_count, reindex

    with open_store(store) as kb:
        todo = missing_count(kb)
        if todo:
            with _progress() as progress:
                task = progress.add_task("reindex", total=1, rows=0, file="")
                done = reindex(kb, progress=lambda n: progress.update(task, rows=n))
        else:
            done = 0
    _out.print(f"{done:,} fact-checks embedded", markup=False)


@factchecks_app.command("stats")
def stats_command(store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Counts of the knowledge base by source and verdict."""
    from spinscope.factchecks.kb import stats

    with open_store(store) as kb:
        result = stats(kb)
        url = kb.url
    if as_json:
        print(json.dumps(result.as_dict(), indent=2))
        return
    _out.print(f"{result.total:,} fact-checks in {url}", markup=False)
    for title, counts in (("source", result.by_source), ("verdict", result.by_verdict)):
        table = Table(title=None, show_edge=False, box=None, pad_edge=False)
        table.add_column(title)
        table.add_column("claims", justify="right")
        for key, count in counts.items():
            table.add_row(key, f"{count:,}")
        _out.print(table)
    _out.print(f"{result.import_runs} import run(s), last {result.last_import or '-'}")


class ExportFormat(StrEnum):
    jsonl = "jsonl"


@factchecks_app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    store: StoreOption = None,
) -> None:
    """Every fact-check as JSON lines on stdout (ClaimReview fields and provenance)."""
    from spinscope.factchecks.kb import export_records

    with open_store(store) as kb:
        write = sys.stdout.write
        for record in export_records(kb, source=source):
            write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


#: The name ``spinscope.cli`` mounts.
app = factchecks_app
