"""Inputs that cannot be read are reported (an error record, an ERROR line, exit 1 or 3).

File permissions do not stop root, and CI runs as root: the reading then happens in a
subprocess that drops the capabilities that bypass them (``CAP_DAC_OVERRIDE`` and
``CAP_DAC_READ_SEARCH``), or, failing that, becomes ``nobody``. Dropping capabilities
is tried first because ``nobody`` may not be able to read the Python installation
itself (a pyenv under a mode-700 ``/root``). The tests skip only when neither works.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Exit status of the child when it cannot make permissions apply to itself.
CANNOT_DROP = 77

_PRELUDE = f"""
import ctypes, os, sys

def _drop_capabilities():
    libc = ctypes.CDLL(None, use_errno=True)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [(n, ctypes.c_uint32) for n in ("effective", "permitted", "inheritable")]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capget(ctypes.byref(header), data) != 0:
        return False
    keep = ~((1 << 1) | (1 << 2)) & 0xFFFFFFFF  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    for field in ("effective", "permitted", "inheritable"):
        setattr(data[0], field, getattr(data[0], field) & keep)
    return libc.capset(ctypes.byref(header), data) == 0

def _become_nobody():
    import spinscope.cli, spinscope.run, charset_normalizer  # while they can be read
    try:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    except OSError:
        return False
    return True

if os.geteuid() == 0 and not (_drop_capabilities() or _become_nobody()):
    sys.exit({CANNOT_DROP})
try:
    os.listdir(sys.argv[1])
except PermissionError:
    pass
else:
    sys.exit({CANNOT_DROP})  # permissions still do not apply: nothing to test
"""


def _unprivileged(code: str, locked: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a Python that file permissions apply to; ``locked`` must be unreadable."""
    result = subprocess.run(
        [sys.executable, "-c", _PRELUDE + code, str(locked), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode == CANNOT_DROP:
        pytest.skip("cannot drop the privileges that bypass file permissions")
    return result


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    """``root/{a.txt, locked/b.txt, z.txt}`` with ``locked`` unreadable (mode 000)."""
    root = tmp_path / "articles"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text("Officials said the convoy was attacked.", encoding="utf-8")
    (root / "locked" / "b.txt").write_text("A hidden article.", encoding="utf-8")
    (root / "z.txt").write_text("The ministry denied it.", encoding="utf-8")
    (root / "locked").chmod(0)
    try:
        yield root
    finally:
        (root / "locked").chmod(0o700)  # let pytest clean up


_READ = """
import json
from spinscope.document import ErrorRecord
from spinscope.ingest import read_path
for r in read_path(sys.argv[2]):
    kind = "error" if isinstance(r, ErrorRecord) else "doc"
    print(json.dumps([kind, r.id, getattr(r, "error", None), getattr(r, "source", None)]))
"""


def _read(locked: Path, path: Path) -> list[list[str | None]]:
    result = _unprivileged(_READ, locked, str(path))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_unreadable_subdirectory_is_an_error_record_in_its_place(tree: Path) -> None:
    results = _read(tree / "locked", tree)
    assert [(kind, id) for kind, id, *_ in results] == [
        ("doc", "a"),
        ("error", "locked"),
        ("doc", "z"),
    ]
    _, _, error, source = results[1]
    assert source == str(tree / "locked")
    assert error is not None and "cannot read the directory (permission denied)" in error


def test_unreadable_directory_given_directly_says_permission_denied(tree: Path) -> None:
    ((kind, id, error, source),) = _read(tree / "locked", tree / "locked")
    assert (kind, id, source) == ("error", "locked", str(tree / "locked"))
    assert error is not None and "permission denied" in error


def test_unreadable_file_in_a_directory_is_an_error_record(tree: Path) -> None:
    (tree / "a.txt").chmod(0)
    try:
        results = _read(tree / "locked", tree)
    finally:
        (tree / "a.txt").chmod(0o600)
    assert [(kind, id) for kind, id, *_ in results] == [
        ("error", "a"),
        ("error", "locked"),
        ("doc", "z"),
    ]
    assert "cannot read the file (permission denied)" in str(results[0][2])


_CLI = """
from spinscope.cli import main
main(["analyze", *sys.argv[2:], "-c", "boilerplate.v1", "-f", "jsonl"])
"""


@pytest.mark.parametrize(
    ("target", "code", "documents"),
    [("articles", 1, 2), ("articles/locked", 3, 0)],
    ids=["subdirectory", "directory"],
)
def test_cli_reports_an_unreadable_directory(
    tree: Path, target: str, code: int, documents: int
) -> None:
    result = _unprivileged(_CLI, tree / "locked", str(tree.parent / target))
    assert result.returncode == code, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert line.startswith(f"ERROR {tree / 'locked'}: ") and "permission denied" in line
    assert "no documents found" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sum(r["schema"] == "spinscope.document/1" for r in records) == documents
    assert [r["id"] for r in records if r["schema"] == "spinscope.error/1"] == ["locked"]
