"""A migrated store per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spinscope.store import Store
from spinscope.store.testing import BACKENDS, open_test_store, skip_reason


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    reason = skip_reason(request.param)
    if reason:
        pytest.skip(reason)
    with open_test_store(request.param, tmp_path) as opened:
        yield opened
