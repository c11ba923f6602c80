"""The one conftest: tiny hand-built fixtures, opt-in data and slow tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPINSCOPE_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
SAMPLE_ARTICLE = SHARED / "samples" / "white-helmets-false-flag.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_slow = pytest.mark.skip(reason="slow: run with --slow")
    skip_data = pytest.mark.skip(reason=f"needs research data at {DATA}")
    for item in items:
        if "slow" in item.keywords and not config.getoption("--slow"):
            item.add_marker(skip_slow)
        if "data" in item.keywords and not DATA.is_dir():
            item.add_marker(skip_data)


@pytest.fixture(scope="session")
def empty_data_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user data folder with no fact-check store, the same for the whole run (so that
    a pipeline built by a module-scoped fixture sees what the tests see)."""
    return tmp_path_factory.mktemp("xdg-data")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, empty_data_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's config or writes outside tmp_path."""
    monkeypatch.delenv("SPINSCOPE_CONFIG", raising=False)
    monkeypatch.setenv("SPINSCOPE_HOME", str(tmp_path / "spinscope-home"))
    # The default pipeline matches claims against the user's fact-check store when one
    # exists: tests see none unless they make one.
    monkeypatch.delenv("SPINSCOPE_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(empty_data_home))


@pytest.fixture
def shipped_sample() -> str:
    return resources.files("spinscope").joinpath("data/sample-article.txt").read_text("utf-8")


@pytest.fixture
def white_helmets_path() -> Path:
    if not SAMPLE_ARTICLE.is_file():
        pytest.skip(f"{SAMPLE_ARTICLE} not present")
    return SAMPLE_ARTICLE


@pytest.fixture
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"needs research data at {DATA}")
    return DATA


AnalyzeProcess = Callable[..., "subprocess.CompletedProcess[bytes]"]


@pytest.fixture
def analyze_process() -> AnalyzeProcess:
    """Runs ``spinscope analyze ARGS -c boilerplate.v1`` in a real process (file names,
    encodings and exit codes as a shell sees them)."""

    def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "spinscope", "analyze", *map(str, args), "-c", "boilerplate.v1"],
            capture_output=True,
            timeout=300,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )

    return run


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A migrated store per test, on SQLite and (when ``$SPINSCOPE_TEST_POSTGRES_URL``
    names a server) PostgreSQL; imported here lazily so that other tests do not pay for
    SQLAlchemy."""
    from spinscope.store.testing import BACKENDS, open_test_store, skip_reason

    assert request.param in BACKENDS
    reason = skip_reason(request.param)
    if reason:
        pytest.skip(reason)
    with open_test_store(request.param, tmp_path) as opened:
        yield opened
