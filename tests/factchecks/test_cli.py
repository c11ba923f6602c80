"""``spinscope factchecks`` end to end (typer's runner, an SQLite store in tmp_path)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinscope.cli import app
from spinscope.factchecks.sameclaim import shipped_model

ROW = "{}.json\t{}\t{}\ts\tsp\tj\tst\tp\t0\t0\t0\t0\t0\tc\n"
LIAR = (
    ROW.format(1, "false", "The Moon landing was filmed in a studio.")
    + ROW.format(2, "true", "Water boils at a lower temperature at altitude.")
    + ROW.format(3, "maybe", "A row with an unknown label.")
)


@pytest.fixture
def kb(tmp_path: Path) -> list[str]:
    return ["--store", f"sqlite:///{tmp_path / 'kb.db'}"]


@pytest.fixture
def liar(tmp_path: Path) -> Path:
    path = tmp_path / "train.tsv"
    path.write_text(LIAR, "utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["factchecks", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_import_twice_then_search_stats_export(kb: list[str], liar: Path) -> None:
    code, out, err = run("import", liar, "--format", "liar", *kb)
    assert code == 0, err
    assert "imported 2  updated 0  unchanged 0  rejected 1" in out
    assert f"REJECTED {liar}:3: unknown label 'maybe'" in err

    code, out, _ = run("import", liar, "-f", "liar", "--json", *kb)
    summary = json.loads(out)
    assert (code, summary["imported"], summary["unchanged"], summary["rejected"]) == (0, 0, 2, 1)
    assert summary["rejections"] == [
        {"file": str(liar), "line": 3, "reason": "unknown label 'maybe'"}
    ]

    # A two-claim knowledge base is no place to judge the match threshold: --all.
    code, out, _ = run("search", "moon landing studio", "-k", "1", "--json", "--all", *kb)
    (hit,) = json.loads(out)
    assert (code, hit["claim_text"], hit["verdict"]) == (
        0,
        "The Moon landing was filmed in a studio.",
        "false",
    )
    code, out, _ = run("search", "moon landing", "--all", *kb)
    assert code == 0 and out.startswith("1. [")

    code, out, _ = run("stats", "--json", *kb)
    assert json.loads(out)["by_source"] == {"liar": 2}
    code, out, _ = run("stats", *kb)
    assert "2 fact-checks" in out

    code, out, _ = run("export", *kb)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["claim_text"][:9] for r in lines] == ["The Moon ", "Water boi"]


def test_store_from_the_environment(
    tmp_path: Path, liar: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPINSCOPE_STORE", str(tmp_path / "env.db"))
    assert run("import", liar, "-f", "liar")[0] == 0
    assert (tmp_path / "env.db").is_file()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["import", "{tmp}/missing.tsv", "-f", "liar"], 2, "no such file"),
        (["import", "{liar}", "-f", "xml"], 2, "Invalid value"),
        (["import", "{liar}", "-f", "liar", "--option", "colour=red"], 2, "no option colour"),
        (["import", "{liar}", "-f", "csv", "--option", "nokey"], 2, "KEY=VALUE"),
        (["import", "{binary}", "-f", "liar"], 3, "binary"),
        (["import", "{liar}", "{binary}", "-f", "liar"], 1, "binary"),
        (["import", "{liar}", "-f", "csv"], 3, "no claim column"),
        (["import", "{nothing}", "-f", "ct20"], 3, "REJECTED"),
        (["stats", "--store", "mysql://u@h/db"], 2, "cannot open store"),
    ],
)
def test_exit_codes(
    kb: list[str], liar: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    binary = tmp_path / "img.tsv"
    binary.write_bytes(b"\x00\x01\x02PNG")
    nothing = tmp_path / "claims.tsv"
    nothing.write_text("\tvclaim\ttitle\n1\t\tonly a title\n", "utf-8")
    argv = [a.format(tmp=tmp_path, liar=liar, binary=binary, nothing=nothing) for a in args]
    got, out, err = run(*argv, *([] if "--store" in argv else kb))
    assert got == code, (out, err)
    assert message in out + err


def test_the_cli_module_names_what_the_packages_define() -> None:
    from spinscope.factchecks import cli
    from spinscope.factchecks.importers import IMPORTERS
    from spinscope.store import ENV_VAR

    assert cli.ENV_VAR == ENV_VAR
    assert set(cli.FORMATS) == set(IMPORTERS)


def test_mounting_the_sub_app_loads_no_database_code() -> None:
    import subprocess
    import sys

    code = "import sys, spinscope.cli; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_deferred_embeddings_reindex_and_search(kb: list[str], liar: Path) -> None:
    code, out, _ = run("import", liar, "-f", "liar", "--defer-embeddings", "--json", *kb)
    assert (code, json.loads(out)["embedded"]) == (0, 0)
    code, out, _ = run("reindex", *kb)
    assert (code, out.strip()) == (0, "2 fact-checks embedded")
    code, out, _ = run("reindex", *kb)
    assert out.strip() == "0 fact-checks embedded"
    # In other words: found by meaning, with its evidence.
    code, out, _ = run("search", "The moon landings were staged in a film studio.", "--json", *kb)
    (match,) = json.loads(out)
    assert match["claim_text"].startswith("The Moon landing")
    assert match["score"] >= shipped_model().threshold and match["cosine"] > 0.5
    # --all adds what falls short, with the same score: the match first, unchanged
    code, out, _ = run(
        "search", "The moon landings were staged in a film studio.", "--all", "--json", *kb
    )
    first, second = json.loads(out)
    assert first == match
    assert second["score"] < shipped_model().threshold
    code, out, err = run("search", "How to bake bread", *kb)
    assert (code, out, err.strip()) == (0, "", "no match")
    code, out, _ = run("search", "How to bake bread", "--all", "--json", *kb)
    assert len(json.loads(out)) == 2
    code, out, _ = run("search", "moon", "--lexical", "--json", *kb)
    assert [h["claim_text"][:8] for h in json.loads(out)] == ["The Moon"]


def test_search_embeds_what_is_missing_with_a_notice(kb: list[str], liar: Path) -> None:
    run("import", liar, "-f", "liar", "--defer-embeddings", *kb)
    code, out, err = run("search", "moon landing studio", "--all", *kb)
    assert code == 0 and out.startswith("1. [")
    assert "NOTE embedding 2 fact-checks that have no vector yet" in err


@pytest.mark.parametrize("query", ["", "   ", "#", "..."])
def test_search_without_words_is_a_usage_error(kb: list[str], query: str) -> None:
    code, out, err = run("search", query, *kb)
    assert (code, out) == (2, "")
    assert "nothing to search for" in err
