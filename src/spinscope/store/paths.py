"""Where the store lives when no URL is given."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Environment variable holding the store URL (overridden by ``--store URL``).
ENV_VAR = "SPINSCOPE_STORE"

#: File name of the default SQLite database inside the user data directory.
DEFAULT_FILENAME = "spinscope.db"


def default_path() -> Path:
    """The default SQLite file: ``spinscope.db`` in the user data directory
    (``~/.local/share/spinscope`` on Linux, ``$XDG_DATA_HOME/spinscope`` when set)."""
    return Path(platformdirs.user_data_dir("spinscope", appauthor=False)) / DEFAULT_FILENAME


def default_url() -> str:
    """``$SPINSCOPE_STORE`` if set, else the default SQLite file as a URL."""
    env = os.environ.get(ENV_VAR, "").strip()
    return env or sqlite_url(default_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def resolve_url(url: str | None) -> str:
    """An explicit URL wins; a bare file path means an SQLite file there."""
    if not url:
        return default_url()
    if "://" not in url:
        return sqlite_url(Path(url).expanduser())
    return url
