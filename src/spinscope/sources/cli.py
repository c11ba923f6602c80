"""``spinscope sources``: import outlet rating lists into the store, look sites up.

    spinscope sources import mbfc.csv --format mbfc
    spinscope sources lookup https://www.rt.com/news/123-story/

Exit codes of ``import`` as for ``factchecks import``: 0 all files imported (rejected
rows listed, one ``REJECTED`` line each on stderr); 1 some files failed; 2 usage error;
3 no row could be imported. ``lookup`` exits 0 when some list rates the site, 1 when
none does, 2 when the argument is not a URL or domain.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from spinscope.corpus.stats_cli import stdout_console
from spinscope.factchecks.cli import JsonOption, StoreOption, fail, open_store, parse_options

if TYPE_CHECKING:
    from spinscope.sources.ratings import ImportSummary

__all__ = ["app", "sources_app"]

#: ``--format`` choices: the names in :data:`spinscope.sources.importers.IMPORTERS`.
FORMATS = ("mbfc", "baly", "opensources", "csv")

sources_app = typer.Typer(
    name="sources",
    help="Outlet ratings: import rating lists (MBFC, Baly et al., OpenSources, CSV), look up "
    "a URL or domain.",
    no_args_is_help=True,
    add_completion=False,
)

Format = StrEnum("Format", {name: name for name in FORMATS})  # type: ignore[misc]

_err = Console(stderr=True, highlight=False, soft_wrap=True)


@sources_app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="Files to import.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="List format.", show_default=False)],
    source: Annotated[
        str | None,
        typer.Option(help="Source name (ids derive from it); default: the format's name."),
    ] = None,
    option: Annotated[
        list[str] | None,
        typer.Option(
            "--option",
            help="Importer option KEY=VALUE, repeatable (csv: domain=COLUMN, bias=COLUMN, "
            "credibility=COLUMN, delimiter=tab, ...).",
        ),
    ] = None,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import outlet rating lists; importing the same list again adds nothing."""
    from spinscope.sources.importers import get_importer
    from spinscope.sources.ratings import import_lists

    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}")
    try:
        importer = get_importer(str(fmt), parse_options(option or []))
    except ValueError as exc:
        raise fail(str(exc)) from exc
    with open_store(store, create=True) as db:
        # Each list is its own source unless --source names one for all the files.
        summaries = import_lists(db, files, importer, source=source)
        url = db.url
    for summary in summaries:
        for rejection in summary.rejections:
            _err.print(f"REJECTED {rejection}", markup=False)
        for error in summary.errors:
            _err.print(f"ERROR {error}", markup=False)
    if as_json:
        data = [s.as_dict() for s in summaries]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
    else:
        for summary in summaries:
            _print_summary(summary, url)
    stored = sum(s.stored for s in summaries)
    if not stored and any(s.errors or s.rejections for s in summaries):
        raise typer.Exit(3)
    if any(s.errors for s in summaries):
        raise typer.Exit(1)


def _print_summary(summary: ImportSummary, url: str) -> None:
    stdout_console().print(
        f"{summary.source} ({summary.importer}): {summary.files} file(s) into {url}\n"
        f"  imported {summary.imported:,}  updated {summary.updated:,}  "
        f"unchanged {summary.unchanged:,}  rejected {summary.rejected:,}  "
        f"errors {len(summary.errors)}  ({summary.seconds:.2f} s)",
        markup=False,
    )


def _require_store(url: str | None) -> None:
    """Refuse an SQLite file that does not exist (with a hint that fits this command)."""
    from sqlalchemy.engine import make_url

    from spinscope.store.paths import resolve_url

    parsed = make_url(resolve_url(url))
    database = parsed.database
    if (
        parsed.get_backend_name() == "sqlite"
        and database
        and database != ":memory:"
        and not Path(database).expanduser().exists()
    ):
        raise fail(
            f"no store at {database}: import a rating list first "
            "(spinscope sources import FILE --format ...) or give --store"
        )


@sources_app.command("lookup")
def lookup_command(
    target: Annotated[str, typer.Argument(metavar="URL|DOMAIN", help="A URL or domain name.")],
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """What each imported list says about the outlet of URL or DOMAIN."""
    from spinscope.sources.domains import parse_site
    from spinscope.sources.ratings import ratings_for

    site = parse_site(target)
    if site is None:
        raise fail(f"not a URL or domain name: {target!r}")
    _require_store(store)
    with open_store(store) as db:
        ratings = ratings_for(db, site)
    if as_json:
        payload = {
            "query": target,
            "host": site.host,
            "domain": site.domain,
            "path": site.path,
            "ratings": [r.as_dict() for r in ratings],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif ratings:
        table = Table(title=f"{site.key} ({site.domain})", show_edge=False, pad_edge=False)
        for column in ("source", "matched", "bias", "factual", "credibility", "labels", "from"):
            table.add_column(column)
        for r in ratings:
            where = (
                f"{Path(r.source_file).name}:{r.source_line}" if r.source_line else r.source_file
            )
            table.add_row(
                r.source,
                r.matched,
                r.bias or "-",
                r.factual or "-",
                r.credibility or "-",
                ", ".join(r.labels) or "-",
                where,
            )
        stdout_console().print(table)
    else:
        _err.print(f"no list rates {site.key} ({site.domain})", markup=False)
    if not ratings:
        raise typer.Exit(1)


#: The name ``spinscope.cli`` mounts.
app = sources_app
