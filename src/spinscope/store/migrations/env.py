"""Alembic environment: migrates the connection handed over by spinscope.store.migrate
(or, for ``alembic`` on the command line, one made from ``sqlalchemy.url``)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine

from spinscope.store.schema import metadata


def _include(obj: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
    """Autogenerate leaves alone the search structures that migrations create by hand
    (the SQLite FTS5 tables, the PostgreSQL ``search`` column): schema.py omits them."""
    if kind == "table" and name and name.startswith("factchecks_fts"):
        return False
    if kind == "index" and name == "ix_factchecks_search":
        return False
    return not (kind == "column" and name == "search" and reflected and compare_to is None)


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=_include,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        _migrate(conn)
    engine.dispose()


# Importing this module outside Alembic (doctest collection, type checks) must not run it.
try:
    context.config  # noqa: B018
except (AttributeError, NameError):
    pass
else:
    run()
