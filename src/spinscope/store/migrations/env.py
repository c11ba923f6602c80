"""Alembic environment: migrates the connection handed over by spinscope.store.migrate
(or, for ``alembic`` on the command line, one made from ``sqlalchemy.url``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from spinscope.store.schema import metadata


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
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
