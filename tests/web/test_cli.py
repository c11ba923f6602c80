"""``spinscope serve`` as a user runs it: a real process on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest
from typer.testing import CliRunner

from spinscope.cli import app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.mark.model
def test_serve_starts_answers_and_stops(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SPINSCOPE_TOKEN": ""}
    command = [sys.executable, "-m", "spinscope", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--store", str(tmp_path / "s.db")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except httpx.HTTPError:
                assert server.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert health.json()["status"] == "ok"
        text = "Officials warned on Tuesday that the plan would fail."
        doc = httpx.post(f"http://127.0.0.1:{port}/v1/analyze", json={"text": text}, timeout=60)
        assert doc.json()["text"] == text
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=60)
    log = out.decode("utf-8", "replace")
    assert "POST /v1/analyze 200" in log
    assert "Officials warned" not in log


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "without a token"),
        (["--store", "mysql://nowhere/db"], "cannot open store"),
    ],
)
def test_serve_refuses_to_start_with_exit_2(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPINSCOPE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
