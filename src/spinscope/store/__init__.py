"""The database that spinscope's stages share: fact-checks now; analysed documents,
clusters and outlet ratings as they arrive.

SQLAlchemy Core (no ORM) over SQLite (embedded, the default) or PostgreSQL; the schema
is versioned with Alembic migrations shipped inside this package and applied by
:meth:`Store.open`.

:class:`Store` loads SQLAlchemy on first use: :mod:`spinscope.store.paths` (where the
store is) stays cheap to import, so that ``analyze`` can look for a knowledge base
without paying a second for a database library it may not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spinscope.store.paths import ENV_VAR, default_url, resolve_url

if TYPE_CHECKING:
    from spinscope.store.core import Store, StoreError

__all__ = ["ENV_VAR", "Store", "StoreError", "default_url", "resolve_url"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "StoreError"):
        from spinscope.store import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
