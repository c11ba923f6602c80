from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spinscope.cli import app

runner = CliRunner()


def test_import_then_lookup(tmp_path: Path, lists: Path) -> None:
    db = str(tmp_path / "s.db")
    result = runner.invoke(
        app, ["sources", "import", str(lists / "mbfc.csv"), "--format", "mbfc", "--store", db]
    )
    assert result.exit_code == 0, result.output
    assert "imported 3" in result.stdout
    assert "REJECTED" in result.stderr and "mbfc.csv:5: not a domain or URL" in result.stderr
    result = runner.invoke(
        app, ["sources", "lookup", "https://www.rt.com/a", "--store", db, "--json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["domain"] == "rt.com"
    assert [(r["source"], r["bias"]) for r in payload["ratings"]] == [("mbfc", "right-center")]
    result = runner.invoke(app, ["sources", "lookup", "rt.com", "--store", db])
    assert result.exit_code == 0 and "right-center" in result.stdout
    result = runner.invoke(app, ["sources", "lookup", "unrated.org", "--store", db])
    assert result.exit_code == 1 and "no list rates unrated.org" in result.stderr


def test_usage_errors(tmp_path: Path, lists: Path) -> None:
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["sources", "lookup", "rt.com", "--store", db])
    assert result.exit_code == 2 and "no store at" in result.stderr
    result = runner.invoke(app, ["sources", "import", str(tmp_path / "nope.csv"), "-f", "csv"])
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = runner.invoke(app, ["sources", "lookup", "not a site", "--store", db])
    assert result.exit_code == 2 and "not a URL or domain name" in result.stderr


def test_nothing_importable_exits_3_and_file_errors_1(tmp_path: Path, lists: Path) -> None:
    db = str(tmp_path / "s.db")
    bad = tmp_path / "bad.csv"
    bad.write_text("source,bias,factual_reporting\nnot a domain,left,high\n", "utf-8")
    result = runner.invoke(app, ["sources", "import", str(bad), "-f", "mbfc", "--store", db])
    assert result.exit_code == 3
    result = runner.invoke(
        app, ["sources", "import", str(lists / "latin1.csv"), "-f", "mbfc", "--store", db, "--json"]
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["errors"][0]["line"] == 3
