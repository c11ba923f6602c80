from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from spinscope.store import ENV_VAR, Store, StoreError, default_url, resolve_url
from spinscope.store.migrate import alembic_config, current_revision, head_revision
from spinscope.store.paths import default_path


def test_open_migrates_to_head(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {"factchecks", "import_runs", "alembic_version"} <= tables


def test_reopen_is_a_no_op(store: Store) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    with Store.open(url) as again:
        assert current_revision(again.engine) == head_revision()


def test_migrations_go_down_to_empty_and_up_again(store: Store) -> None:
    config = alembic_config(store.engine)
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert "factchecks" not in inspect(store.engine).get_table_names()
    assert current_revision(store.engine) is None
    url = store.engine.url.render_as_string(hide_password=False)
    with Store.open(url) as again:
        assert "factchecks" in inspect(again.engine).get_table_names()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "sub" / "kb.db")) as store, store.engine.connect() as conn:
        assert store.dialect == "sqlite"
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert (tmp_path / "sub" / "kb.db").is_file()


def test_default_url_is_the_env_var_or_a_file_in_the_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "spinscope" / "spinscope.db"
    assert default_url() == f"sqlite:///{tmp_path}/data/spinscope/spinscope.db"
    monkeypatch.setenv(ENV_VAR, "postgresql+psycopg://u@/db")
    assert default_url() == "postgresql+psycopg://u@/db"
    assert resolve_url(None) == "postgresql+psycopg://u@/db"
    assert resolve_url("x.db") == "sqlite:///x.db"
    assert resolve_url("sqlite:///y.db") == "sqlite:///y.db"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "cannot open store"),
        ("oracle+nosuchdriver://u@h/db", "cannot open store"),
        ("sqlite:////proc/nonexistent/dir/kb.db", "cannot open store"),
    ],
)
def test_bad_store_urls_are_clear_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(url)


def test_migrations_create_what_schema_py_describes(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from spinscope.store.migrations.env import _include
    from spinscope.store.schema import metadata

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _include})
        assert compare_metadata(context, metadata) == []


def test_plain_postgresql_urls_use_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    from spinscope.store import core

    seen = []

    def fake_create_engine(url: object) -> object:
        seen.append(str(url))
        raise ImportError("no psycopg here")

    monkeypatch.setattr(core, "create_engine", fake_create_engine)
    with pytest.raises(StoreError, match=r"spinscope\[postgres\]"):
        Store.open("postgresql://u@h/db")
    assert seen == ["postgresql+psycopg://u@h/db"]
