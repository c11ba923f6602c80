"""Finding the store a pipeline component reads, without creating one.

Components that enrich a report from the store (fact-check matches, outlet ratings)
find it the same way: the component's ``store`` setting (``analyze --store``), else
``$SPINSCOPE_STORE``, else ``spinscope.db`` in the user data directory. Locating costs
a file check: no database library is imported and no file is created, so a pipeline
without a store stays as cheap as before. When there is nothing to read, the component
says why in one line (the pipeline skips it with that reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Table

    from spinscope.store import Store

__all__ = ["StoreLocation", "locate_store", "open_table", "sqlite_path"]


@dataclass(frozen=True)
class StoreLocation:
    """Where a store is, or why there is none.

    Attributes:
        url: the store's URL (``None`` when there is none to open).
        missing: why no store can be used (``None`` when one is there).
    """

    url: str | None
    missing: str | None = None


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (``sqlite:///rel``, ``sqlite:////abs``), else ``None``.

    >>> sqlite_path("sqlite:////tmp/kb.db?mode=ro"), sqlite_path("postgresql://h/db")
    (PosixPath('/tmp/kb.db'), None)
    """
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0] != "sqlite":
        return None
    database = rest.removeprefix("/").split("?")[0]
    return Path(database).expanduser() if database and database != ":memory:" else None


def locate_store(store: str | None = None, *, what: str, hint: str) -> StoreLocation:
    """The store ``store`` names (an URL or SQLite file; default: ``$SPINSCOPE_STORE``,
    else the user data directory's ``spinscope.db``).

    Only checks that an SQLite file exists (a server database is taken to be there).
    ``what`` names what the caller looks for ("fact-check knowledge base"), ``hint``
    how to get one; both go in the reason when there is none.
    """
    from spinscope.store.paths import resolve_url

    # $SPINSCOPE_STORE may be a bare file path too: resolved again, it is an SQLite URL.
    url = resolve_url(resolve_url(store or None))
    path = sqlite_path(url)
    if url.partition("://")[0].split("+")[0] == "sqlite" and path is None:
        return StoreLocation(None, "the store is an in-memory database, which holds nothing")
    if path is not None and not path.is_file():
        return StoreLocation(None, f"no {what} at {path} ({hint})")
    return StoreLocation(url)


def open_table(url: str, table: Table, *, what: str) -> tuple[Store | None, str | None]:
    """Open the store at ``url`` read-only (never migrated or created) when ``table``
    has rows: ``(store, None)``, else ``(None, why not)``."""
    from sqlalchemy import func, select
    from sqlalchemy.exc import SQLAlchemyError

    from spinscope.errors import SpinscopeError
    from spinscope.store import Store

    try:
        store = Store.open(url, upgrade=False)
    except SpinscopeError as exc:
        return None, f"cannot open the {what}: {exc}"
    try:
        with store.engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(table)).scalar_one()
    except SQLAlchemyError as exc:
        store.close()
        first = str(exc).splitlines()[0]
        return None, f"cannot read the {what} at {store.url}: {first}"
    if not count:
        store.close()
        return None, f"the {what} at {store.url} is empty"
    return store, None
