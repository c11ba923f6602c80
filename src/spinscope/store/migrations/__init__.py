"""Alembic migration scripts of the store, run by
:func:`spinscope.store.migrate.upgrade_to_head`."""
