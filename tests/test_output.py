"""Outputs never overlap inputs; files are written whole or not at all."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spinscope import Document, ErrorRecord
from spinscope.cli import app
from spinscope.errors import OutputOverlapError
from spinscope.output import AtomicOutput, check_overlap, write_atomic

TEXT = "Officials denied it. Critics were not convinced.\n"
FAST = ["-c", "boilerplate.v1,sentences.v1", "-q"]


def _cli(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(TEXT)
    (inputs / "story.html").write_text(
        f"<html><body><article><p>{TEXT}</p></article></body></html>"
    )
    rows = [json.dumps({"id": f"r{i}", "text": f"Row {i}. {TEXT}"}) for i in range(30)]
    (inputs / "c.jsonl").write_text("\n".join(rows) + "\n")
    return inputs


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["in/a.txt"], "in/a.txt"),
        (["in/c.jsonl", "-f", "jsonl"], "in/c.jsonl"),
        (["in", "-f", "html"], "in"),
        (["in", "-f", "html"], "in/reports"),
        (["in", "-f", "jsonl"], "in/out.jsonl"),
    ],
)
def test_output_over_an_input_is_refused_even_with_force(
    corpus: Path, args: list[str], output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    result = _cli("analyze", *args, "-o", output, "--force", *FAST)
    assert result.exit_code == 2, result.output
    assert "input" in result.stderr
    after = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert after == before, "an input was changed"


def test_links_to_an_input_are_the_input(corpus: Path) -> None:
    article = corpus / "a.txt"
    soft = corpus.parent / "soft.txt"
    hard = corpus.parent / "hard.txt"
    soft.symlink_to(article)
    os.link(article, hard)
    for link in (soft, hard):
        with pytest.raises(OutputOverlapError, match="is the input"):
            check_overlap([str(article)], link)
    with pytest.raises(OutputOverlapError, match="inside the input directory"):
        check_overlap([str(corpus)], corpus / "sub" / "out.jsonl")
    with pytest.raises(OutputOverlapError, match="inside the output directory"):
        check_overlap([str(article)], corpus)


def test_separate_places_and_stdin_pass(corpus: Path, tmp_path: Path) -> None:
    check_overlap([str(corpus / "a.txt"), "-"], tmp_path / "out.jsonl")
    check_overlap(["-"], None)
    check_overlap([str(corpus)], tmp_path / "reports")


def test_atomic_output_replaces_only_on_commit(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("good old report")
    out = AtomicOutput(target)
    out.write("half a new")
    assert target.read_text() == "good old report"
    out.discard()
    assert target.read_text() == "good old report"
    assert list(tmp_path.iterdir()) == [target], "temporary file left behind"
    write_atomic(target, "new report")
    assert target.read_text() == "new report"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_nothing_written_leaves_nothing(tmp_path: Path) -> None:
    out = AtomicOutput(tmp_path / "x.jsonl")
    out.commit()
    assert not (tmp_path / "x.jsonl").exists()


def _stream(n: int, then: type[BaseException] | None) -> Iterator[Document | ErrorRecord]:
    for i in range(n):
        doc = Document(f"Text {i}.", id=f"d{i}")
        yield doc
    if then is not None:
        raise then


@pytest.mark.parametrize(
    ("fmt", "kept"),
    [("jsonl", True), ("json", False), ("text", False)],
)
def test_interrupted_run_keeps_complete_records_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, kept: bool
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    target = tmp_path / f"out.{fmt}"
    target.write_text("previous good output\n")
    monkeypatch.setattr(
        "spinscope.cli.analyze_paths", lambda *a, **k: _stream(3, KeyboardInterrupt)
    )
    result = _cli("analyze", article, "-f", fmt, "-o", target, "--force", *FAST)
    assert result.exit_code == 128 + signal.SIGINT
    assert "interrupted by SIGINT: 3 analysed, 0 failed" in result.stderr
    if kept:
        lines = target.read_text().splitlines()
        assert [json.loads(line)["id"] for line in lines] == ["d0", "d1", "d2"]
        assert f"3 complete records kept in {target}" in result.stderr
    else:
        assert target.read_text() == "previous good output\n"
        assert "left as it was" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", target.name]


def test_interrupted_html_directory_gets_an_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "spinscope.cli.analyze_paths", lambda *a, **k: _stream(2, KeyboardInterrupt)
    )
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    reports = tmp_path / "reports"
    result = _cli(
        "analyze", tmp_path / "a.txt", tmp_path / "b.txt", "-f", "html", "-o", reports, *FAST
    )
    assert result.exit_code == 130
    assert sorted(p.name for p in reports.iterdir()) == ["d0.html", "d1.html", "index.html"]


def test_disk_full_names_the_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n")

    class FullDisk:
        """A file on a disk that fills up after the first record."""

        def __init__(self) -> None:
            self.writes = 0

        def write(self, text: str) -> int:
            self.writes += 1
            if self.writes > 1:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return len(text)

        def flush(self) -> None: ...
        def close(self) -> None: ...

    real_open = AtomicOutput._open

    def open_full(self: AtomicOutput) -> Any:
        if not isinstance(self._file, FullDisk):
            real_open(self).close()  # the temporary file exists, as on a real disk
            self._file = FullDisk()  # type: ignore[assignment]
        return self._file

    monkeypatch.setattr(AtomicOutput, "_open", open_full)
    monkeypatch.setattr("spinscope.cli.analyze_paths", lambda *a, **k: _stream(3, None))
    result = _cli("analyze", article, "-f", "jsonl", "-o", target, "--force", *FAST)
    assert result.exit_code == 2
    assert f"cannot write {target}: No space left on device" in result.stderr
    assert target.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonl"]


def _wait_until_blocked(pid: int, timeout: float = 60.0) -> None:
    """Wait until the process stops using CPU: it has imported everything and blocks on stdin.

    A fixed sleep is not enough on a loaded machine, where importing the package can take
    longer than the sleep and the signal would arrive before its handler is installed.
    """
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        time.sleep(3.0)
        return
    deadline = time.monotonic() + timeout
    last, still = -1, 0
    while time.monotonic() < deadline:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        cpu = int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        still = still + 1 if cpu == last else 0
        if still >= 10:  # one second without a tick of CPU time
            return
        last = cpu
        time.sleep(0.1)


def test_sigterm_is_reported_and_leaves_no_partial_file(tmp_path: Path) -> None:
    """A real signal, in a real process, blocked on reading its input."""
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "spinscope",
            "analyze",
            "-",
            "--input-format",
            "jsonl",
            "-f",
            "jsonl",
            "-o",
            str(target),
            *FAST,
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(json.dumps({"id": "s0", "text": TEXT}) + "\n")
    proc.stdin.flush()
    _wait_until_blocked(proc.pid)  # started, and waiting for the rest of its input
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "interrupted by SIGTERM" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
