"""``spinscope checkthat`` end to end (typer's runner, tiny files in tmp_path)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinscope.cli import app
from spinscope.factchecks.retrieval import RERANK_THRESHOLD

KB = (
    "\tvclaim\ttitle\n"
    "7\tA giant squid was found in a city fountain.\tSquid in a Fountain?\n"
    "8\tThe town council banned umbrellas on Sundays.\tUmbrella Ban?\n"
)
QUERIES = "\ttweet_content\n1\tcan't believe a squid in the fountain downtown @CityNews\n2\tqwzx\n"
QRELS = "1\t0\t7\t1\n2\t0\t8\t1\n"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["checkthat", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {name: tmp_path / name for name in ("kb.tsv", "queries.tsv", "qrels")}
    for (_, path), text in zip(paths.items(), (KB, QUERIES, QRELS), strict=True):
        path.write_text(text, "utf-8")
    return paths


@pytest.mark.parametrize("keep", [False, True])
def test_retrieve_then_score(files: dict[str, Path], tmp_path: Path, keep: bool) -> None:
    out = tmp_path / "run.tsv"
    store = ["--store", f"sqlite:///{tmp_path / 'kb.db'}"] if keep else []
    code, _, err = run(
        "retrieve",
        "--kb",
        files["kb.tsv"],
        files["queries.tsv"],
        "-o",
        out,
        "--method",
        "bm25",
        *store,
    )
    assert code == 0, err
    assert "2 verified claims (2 new); 2 queries, 1 with a match; 1 lines" in err
    assert out.read_text("utf-8").split("\t")[:4] == ["1", "Q0", "7", "1"]
    assert out.read_text("utf-8").rstrip().endswith("\tspinscope-bm25")
    assert (tmp_path / "kb.db").exists() == keep

    code, stdout, _ = run("score", files["qrels"], out)
    assert code == 0
    assert stdout.splitlines()[0] == "MAP@1\t0.5000"
    code, stdout, _ = run("score", files["qrels"], out, "--json")
    assert json.loads(stdout) == {
        "map@1": 0.5,
        "map@3": 0.5,
        "map@5": 0.5,
        "queries": 2,
        "answered": 1,
    }


def test_hybrid_is_the_default(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "run.tsv"
    code, _, err = run(
        "retrieve", "--kb", files["kb.tsv"], files["queries.tsv"], "-o", out, "-k", "1"
    )
    assert code == 0, err
    lines = [line.split("\t") for line in out.read_text("utf-8").splitlines()]
    assert [(q, tag) for q, _, _, _, _, tag in lines] == [
        ("1", "spinscope-hybrid"),
        ("2", "spinscope-hybrid"),  # nonsense still gets its best guess...
    ]
    assert lines[0][2] == "7"
    assert float(lines[0][4]) > RERANK_THRESHOLD > float(lines[1][4])  # ...with a low probability


def test_missing_and_malformed_files(files: dict[str, Path], tmp_path: Path) -> None:
    code, _, err = run("score", files["qrels"], tmp_path / "none.tsv")
    assert (code, err.strip()) == (2, f"ERROR no such file: {tmp_path / 'none.tsv'}")
    code, _, err = run("score", files["qrels"], files["queries.tsv"])
    assert code == 2 and err.startswith(f"ERROR {files['queries.tsv']}:1: ")
    code, _, err = run(
        "retrieve", "--kb", files["qrels"], files["queries.tsv"], "-o", tmp_path / "r.tsv"
    )
    assert code == 2 and "expected the header" in err


def test_reading_commands_refuse_a_missing_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from spinscope.cli import app

    missing = tmp_path / "typo" / "kb.db"
    for args in (["search", "white helmets"], ["stats"], ["export"]):
        result = CliRunner().invoke(app, ["factchecks", *args, "--store", str(missing)])
        assert result.exit_code == 2, (args, result.output)
        assert "no fact-check store at" in result.stderr
    assert not missing.parent.exists()
