from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinscope.cli import app

runner = CliRunner()

PIPELINE = "boilerplate.v1,sentences.v1"

# A component slow enough to kill a batch in the middle, registered in the child process
# (it runs the real CLI, as a shell would).
SLOW_CLI = """
import sys, time
from spinscope.registry import register

@register("testslow.v1", assigns=("slow",))
def make_slow(delay: float = 0.02):
    def slow(doc):
        time.sleep(delay)
        doc.set_spans("slow", [])
        return doc
    return slow

from spinscope.cli import main
main(sys.argv[1:])
"""


def _corpus(path: Path, n: int, *, bad: tuple[int, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = "   " if i in bad else f"Article {i} says “this”. Then more about {i}."
            row = {"id": f"a{i}", "text": text, "url": f"https://www.outlet{i % 3}.com/{i}"}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _slow_batch(*args: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", SLOW_CLI, "batch", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def _stored(db: Path) -> list[tuple[str, str]]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            return conn.execute("SELECT doc_id, content_hash FROM documents").fetchall()
        except sqlite3.OperationalError:  # the schema is not there yet
            return []


def test_sigkill_mid_run_loses_nothing_and_the_rerun_duplicates_nothing(tmp_path: Path) -> None:
    n = 120
    corpus = _corpus(tmp_path / "c.jsonl", n)
    db = tmp_path / "s.db"
    args = (corpus, "--store", db, "-c", "testslow.v1", "--batch-size", "5", "--json")
    child = _slow_batch(*args)
    deadline = time.monotonic() + 120
    while len(_stored(db)) < 20:
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    before = _stored(db)
    assert 20 <= len(before) < n and len(before) % 5 == 0  # whole batches only
    rerun = _slow_batch(*args)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    summary = json.loads(out)
    # Nothing analysed twice: the rerun skipped exactly what had been committed.
    assert (summary["skipped"], summary["done"], summary["failed"]) == (
        len(before),
        n - len(before),
        0,
    )
    after = _stored(db)
    assert set(before) <= set(after)
    assert sorted(doc_id for doc_id, _ in after) == sorted(f"a{i}" for i in range(n))
    assert len({h for _, h in after}) == n


def test_batch_then_export_jsonl_is_what_analyze_writes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 6, bad=(2,))
    db = tmp_path / "s.db"
    code, _, err = _invoke("batch", corpus, "--store", db, "-c", PIPELINE, "--batch-size", "4")
    assert code == 1  # one bad row
    assert "c.jsonl:3: field 'text' is empty" in err and err.startswith("ERROR ")
    assert "5 analysed, 1 failed, 0 skipped" in err
    code, analyzed, _ = _invoke("analyze", corpus, "-f", "jsonl", "-c", PIPELINE)
    assert code == 1
    code, exported, _ = _invoke("export", "--store", db, "-w", "status!=none")
    assert code == 0
    assert sorted(exported.splitlines()) == sorted(analyzed.splitlines())
    code, ok_only, _ = _invoke("export", "--store", db, "-f", "jsonl")
    assert len(ok_only.splitlines()) == 5
    assert all(
        json.loads(line)["schema"] == "spinscope.document/1" for line in ok_only.splitlines()
    )
    # a rerun skips every stored document, and retries the failed row
    code, _, err = _invoke("batch", corpus, "--store", db, "-c", PIPELINE)
    assert code == 1
    assert "0 analysed, 1 failed, 5 skipped" in err


def test_export_csv_and_where(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 6)
    db = tmp_path / "s.db"
    assert _invoke("batch", corpus, "--store", db, "-c", PIPELINE, "-q")[0] == 0
    out = tmp_path / "out.csv"
    code, _, err = _invoke(
        "export", "--store", db, "-f", "csv", "-w", "domain=WWW.outlet1.com", "-o", out
    )
    assert code == 0, err
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["doc_id"] for r in rows] == ["a1", "a4"]
    assert {r["domain"] for r in rows} == {"outlet1.com"}
    assert rows[0]["url"] == "https://www.outlet1.com/1"
    assert int(rows[0]["word_count"]) > 0
    code, _, err = _invoke("export", "--store", db, "-f", "csv", "-o", out)
    assert code == 2 and "exists" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export", "-w", "nosuch=1"], 2, "no column 'nosuch'"),
        (["export", "-f", "parquet"], 2, "give -o DIR"),
        (["export", "--store", "{missing}"], 2, "analyse a corpus into it first"),
        (["batch", "missing.jsonl"], 2, "no such file"),
        (["batch", "-", "-"], 2, "only once"),
        (["batch", "{corpus}", "--ray-address", "x:1"], 2, "needs --engine ray"),
        (["batch", "{corpus}", "-c", "nosuch.v1"], 4, "no component named 'nosuch.v1'"),
    ],
)
def test_errors_before_any_work(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 1)
    db = tmp_path / "s.db"
    _invoke("batch", corpus, "--store", db, "-c", PIPELINE, "-q")
    missing = tmp_path / "none.db"
    filled = [a.format(corpus=corpus, missing=missing) for a in args]
    got, _, err = _invoke(*filled, *([] if "--store" in filled else ["--store", db]))
    assert got == code, err
    assert message in err


def test_export_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = _corpus(tmp_path / "c.jsonl", 5, bad=(1,))
    db = tmp_path / "s.db"
    _invoke("batch", corpus, "--store", db, "-c", PIPELINE, "-q")
    out = tmp_path / "pq"
    code, _, err = _invoke("export", "--store", db, "-f", "parquet", "-o", out)
    assert code == 0, err
    articles = pq.read_table(out / "documents.parquet").to_pylist()
    assert [a["doc_id"] for a in articles] == ["a0", "a2", "a3", "a4"]
    sentences = pq.read_table(out / "spans" / "sentences.parquet").to_pylist()
    assert {s["doc_id"] for s in sentences} == {"a0", "a2", "a3", "a4"}
    first = next(s for s in sentences if s["doc_id"] == "a0")
    assert first["text"] == "Article 0 says “this”."
    assert first["id"] == articles[0]["id"]
    assert (out / "spans" / "boilerplate.parquet").exists()
