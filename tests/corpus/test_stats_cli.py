from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spinscope.cli import app

runner = CliRunner()

STORY = (
    "The finance minister said on Tuesday that the new budget would cut income taxes for "
    "working families by two percent. Critics called the plan a cynical ploy to win votes "
    "before the autumn election. The opposition leader warned that hospitals and schools "
    "would lose funding as a result."
)


@pytest.fixture
def corpus(tmp_path: Path, documents: list[dict[str, Any]]) -> Path:
    path = tmp_path / "analysed.jsonl"
    lines = [json.dumps(d) for d in documents]
    path.write_text("\n".join([*lines[:2], "{not json", *lines[2:]]) + "\n", "utf-8")
    return path


def test_stats_formats(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["corpus", "stats", str(corpus), "--format", "json"])
    assert result.exit_code == 1, result.output  # the malformed row counts as a failure
    assert json.loads(result.stdout)["articles"] == 4
    assert "analysed.jsonl:3: not JSON" in result.stderr
    assert "1 input(s) or row(s) not counted" in result.stderr
    result = runner.invoke(app, ["corpus", "stats", str(corpus), "--by", "technique", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["technique"] == "Loaded_Language" and rows[0]["articles"] == "3"
    plot = tmp_path / "weeks.png"
    result = runner.invoke(
        app, ["corpus", "stats", str(corpus), "--by", "week", "--plot", str(plot)]
    )
    assert result.exit_code == 1, result.output
    assert "2024-W01" in result.stdout and plot.stat().st_size > 0


def test_stats_usage_errors(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["corpus", "stats", str(corpus), "--plot", "x.pdf"])
    assert result.exit_code == 2 and ".png or .svg" in result.stderr
    result = runner.invoke(app, ["corpus", "stats", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_clusters_over_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "original.txt").write_text(STORY, "utf-8")
    (folder / "copy.txt").write_text(STORY.replace("Tuesday", "Monday"), "utf-8")
    (folder / "other.txt").write_text(
        "Heavy rain flooded dozens of villages in the north over the weekend, and rescue "
        "teams used boats to reach families trapped on the roofs of their houses.",
        "utf-8",
    )
    result = runner.invoke(app, ["corpus", "clusters", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    clusters = json.loads(result.stdout)
    assert len(clusters) == 1
    assert {clusters[0]["first"]["id"], clusters[0]["copies"][0]["id"]} == {"original", "copy"}
    result = runner.invoke(app, ["corpus", "clusters", str(folder)])
    assert "first seen" in result.stdout
    result = runner.invoke(app, ["corpus", "clusters", str(folder), "--min-size", "3"])
    assert result.exit_code == 0 and "no clusters" in result.stderr


def test_stats_refuses_documents_that_are_not_analysed(tmp_path: Path) -> None:
    raw = tmp_path / "raw.json"
    raw.write_text(json.dumps([{"text": STORY, "url": "https://a.com/x"}] * 3), "utf-8")
    result = runner.invoke(app, ["corpus", "stats", str(raw)])
    assert result.exit_code == 1
    assert "3 document(s) not analysed" in result.stderr and "spinscope analyze" in result.stderr
    assert "articles" not in result.stdout


def test_top_limits_the_table_and_pipes_keep_values_whole(
    tmp_path: Path, documents: list[dict[str, Any]]
) -> None:
    path = tmp_path / "analysed.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in documents) + "\n", "utf-8")
    result = runner.invoke(app, ["corpus", "stats", str(path), "--by", "technique", "--top", "2"])
    assert result.exit_code == 0, result.output
    body = [line for line in result.stdout.splitlines() if "│" in line]
    assert len(body) == 2 and "top 2 of" in result.stdout
    assert "…" not in result.stdout  # piped: no cell is cut
