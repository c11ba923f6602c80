"""``spinscope checkthat checkworthy`` and ``score-checkworthy`` end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinscope.checkworthy.model import default_model_dir
from spinscope.cli import app

GOLD = (
    "Sentence_id\tText\tclass_label\r\n"
    "10\tThe deficit tripled to 1.4 trillion dollars in 2009.\tYes\r\n"
    '11\t"Well, thank you, Jim, and thank you all."\tNo\r\n'
    "12\tWe passed the largest tax cut in history.\tYes\r\n"
    "13\t\tNo\r\n"
)
RUN = "Sentence_id\tclass_label\n10\tYes\n11\tYes\n12\tNo\n13\tNo\n"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["checkthat", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_score(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.tsv", tmp_path / "run.tsv"
    gold.write_text(GOLD, "utf-8")
    pred.write_text(RUN, "utf-8")
    code, stdout, _ = run("score-checkworthy", gold, pred)
    assert code == 0
    # tp=1 fp=1 fn=1 tn=1
    assert stdout.splitlines() == [
        "f1\t0.5000", "precision\t0.5000", "recall\t0.5000", "accuracy\t0.5000", "sentences\t4"
    ]  # fmt: skip
    code, stdout, _ = run("score-checkworthy", gold, pred, "--json")
    assert json.loads(stdout) == {
        "f1": 0.5,
        "precision": 0.5,
        "recall": 0.5,
        "accuracy": 0.5,
        "n": 4,
    }


@pytest.mark.parametrize(
    ("run_text", "message"),
    [
        ("Sentence_id\tclass_label\n10\tYes\n", r"3 gold id\(s\) not predicted"),
        ("Sentence_id\tclass_label\n10\tyes\n", r"run\.tsv:2: class_label must be Yes or No"),
        ("Sentence_id\tlabel\n10\tYes\n", r"run\.tsv:1: header .* lacks class_label"),
    ],
)
def test_score_refuses_bad_runs(tmp_path: Path, run_text: str, message: str) -> None:
    gold, pred = tmp_path / "gold.tsv", tmp_path / "run.tsv"
    gold.write_text(GOLD, "utf-8")
    pred.write_text(run_text, "utf-8")
    code, _, err = run("score-checkworthy", gold, pred)
    assert code == 2
    assert err.startswith("ERROR ")
    assert re.search(message, err), err


def test_checkworthy_refuses_a_file_without_text(tmp_path: Path) -> None:
    bad = tmp_path / "in.tsv"
    bad.write_text(RUN, "utf-8")
    code, _, err = run("checkworthy", bad, "-o", tmp_path / "out.tsv")
    assert code == 2 and "in.tsv:1: header" in err
    assert not (tmp_path / "out.tsv").exists()


@pytest.mark.model
@pytest.mark.skipif(
    not (default_model_dir() / "weights.npz").is_file(), reason="no shipped checkworthy model"
)
def test_label_then_score(tmp_path: Path) -> None:
    gold, out = tmp_path / "gold.tsv", tmp_path / "out.tsv"
    gold.write_text(GOLD, "utf-8")
    code, _, err = run("checkworthy", gold, "-o", out)
    assert code == 0, err
    assert "4 sentences" in err
    lines = out.read_text("utf-8").splitlines()
    assert lines[0] == "Sentence_id\tclass_label"
    assert [line.split("\t")[0] for line in lines[1:]] == ["10", "11", "12", "13"]
    assert dict(line.split("\t") for line in lines[1:])["11"] == "No"
    code, stdout, _ = run("score-checkworthy", gold, out)
    assert code == 0 and stdout.startswith("f1\t")
    code, _, _ = run("checkworthy", gold, "-o", out, "--threshold", "0")
    assert code == 0
    assert {line.split("\t")[1] for line in out.read_text("utf-8").splitlines()[1:]} == {"Yes"}
