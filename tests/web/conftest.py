"""Fixtures of the web app's tests: apps in process (FastAPI's TestClient) and a live
server on loopback (for the browser and concurrency tests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from spinscope.web import WebSettings, create_app
from spinscope.web.documents import MemoryDocuments

#: The pipeline of the tests that need no model: fast to load and to run.
LIGHT = ("boilerplate.v1", "sentences.v1")
TOKEN = "test-token-123"

MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    """``make_client(**settings)``: a started app (light pipeline unless ``components``
    is given); ``documents=`` passes a document access."""
    stack: list[TestClient] = []

    def make(documents: Any = None, **settings: Any) -> TestClient:
        settings.setdefault("components", LIGHT)
        app = create_app(WebSettings(**settings), documents=documents)
        client = TestClient(app, base_url="http://127.0.0.1:8000")
        client.__enter__()
        stack.append(client)
        return client

    yield make
    for client in reversed(stack):
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def full_client(empty_data_home: Path) -> Iterator[TestClient]:
    """The shipped pipeline, documents kept in memory, writes behind :data:`TOKEN`
    (one app per test module: the models load once)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SPINSCOPE_CONFIG", raising=False)
        mp.delenv("SPINSCOPE_STORE", raising=False)
        mp.setenv("XDG_DATA_HOME", str(empty_data_home))
        app = create_app(WebSettings(token=TOKEN), documents=MemoryDocuments())
        # The pipeline loads when the client starts the app: still inside this context.
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            yield client


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
