"""The database that spinscope's stages share: fact-checks now; analysed documents,
clusters and outlet ratings as they arrive.

SQLAlchemy Core (no ORM) over SQLite (embedded, the default) or PostgreSQL; the schema
is versioned with Alembic migrations shipped inside this package and applied by
:meth:`Store.open`.
"""

from spinscope.store.core import Store, StoreError
from spinscope.store.paths import ENV_VAR, default_url, resolve_url

__all__ = ["ENV_VAR", "Store", "StoreError", "default_url", "resolve_url"]
