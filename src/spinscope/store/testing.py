"""Test support: one store per test, on SQLite and, when configured, PostgreSQL.

Each component that keeps data in the store tests it on both databases with::

    @pytest.fixture(params=BACKENDS)
    def store(request, tmp_path):
        with open_test_store(request.param, tmp_path) as s:
            yield s
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from spinscope.store.core import Store

#: Environment variable with a PostgreSQL URL the tests may create schemas in.
POSTGRES_ENV = "SPINSCOPE_TEST_POSTGRES_URL"

BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV, "").strip() or None


def skip_reason(backend: str) -> str | None:
    """Why ``backend`` cannot be tested here, or None."""
    if backend == "postgresql" and postgres_url() is None:
        return f"PostgreSQL tests need ${POSTGRES_ENV} (a postgresql+psycopg:// URL)"
    return None


@contextmanager
def open_test_store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """A new, migrated store: an SQLite file in ``tmp_path``, or a fresh schema of the
    PostgreSQL database (dropped afterwards), so tests never see each other's rows."""
    if backend == "sqlite":
        with Store.open(f"sqlite:///{tmp_path / 'store.db'}") as store:
            yield store
        return
    base = postgres_url()
    if base is None:
        raise RuntimeError(skip_reason(backend))
    schema = f"test_{secrets.token_hex(6)}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        with Store.open(url.render_as_string(hide_password=False)) as store:
            yield store
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
