"""Opening the store: engine, connection settings, schema upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from spinscope.errors import SpinscopeError
from spinscope.store.paths import resolve_url


class StoreError(SpinscopeError):
    """The store cannot be opened or used (bad URL, missing driver, unreachable server)."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Per connection: foreign keys are off by default in SQLite; WAL lets readers run
    # beside the importer's writes; a busy timeout waits for another writer.
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


class Store:
    """A handle on the database: ``Store.open(url)`` connects and upgrades the schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        """The URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Self:
        """Open the store at ``url`` (default: :func:`spinscope.store.default_url`) and,
        unless ``upgrade`` is false, migrate its schema to the latest revision."""
        parsed = _parse(resolve_url(url))
        if parsed.drivername == "postgresql":
            # psycopg (3) is the driver spinscope[postgres] installs, not psycopg2.
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot open store {parsed!r}: {exc}") from exc
        try:
            engine = create_engine(parsed)
        except ImportError as exc:
            hint = " (pip install 'spinscope[postgres]')" if "psycopg" in str(exc) else ""
            raise StoreError(f"cannot open store {parsed!r}: {exc}{hint}") from exc
        except (ArgumentError, NoSuchModuleError) as exc:
            raise StoreError(f"cannot open store {parsed!r}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        elif engine.dialect.name != "postgresql":
            engine.dispose()
            raise StoreError(
                f"unsupported database {engine.dialect.name!r}: use sqlite:///FILE or "
                "postgresql+psycopg://..."
            )
        store = cls(engine)
        if upgrade:
            from spinscope.store.migrate import upgrade_to_head

            try:
                upgrade_to_head(engine)
            except SQLAlchemyError as exc:
                engine.dispose()
                raise StoreError(f"cannot open store {store.url}: {exc}") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} ({exc})") from exc
