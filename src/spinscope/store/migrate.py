"""Alembic, driven from code: no ``alembic.ini``; the scripts ship in this package."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

#: Package resource path of the migration scripts (Alembic's ``package:dir`` form).
SCRIPT_LOCATION = "spinscope.store:migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    """A config whose ``script_location`` points into the package; ``env.py`` uses the
    connection passed in ``attributes`` rather than a URL from a file."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the latest revision (a no-op when it is there already)."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
