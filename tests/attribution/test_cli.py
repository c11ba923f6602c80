"""``spinscope brat attributions|score`` on a tiny hand-made corpus."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from spinscope.attribution.brat import read_ann
from spinscope.attribution.brat_cli import brat_app

TEXT = "The mayor said the bridge will reopen.\n“It is safe,” she added.\n"
GOLD = (
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 37\tthe bridge will reopen\n"
    "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def _corpus(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    (gold / "text" / "art.txt").write_text(TEXT, "utf-8")
    (gold / "attributions" / "art_ab12.ann").write_text(GOLD, "utf-8")
    return gold


def test_cli_attributions_then_score(tmp_path: Path) -> None:
    gold = _corpus(tmp_path)
    pred = tmp_path / "pred"
    runner = CliRunner()
    res = runner.invoke(brat_app, ["attributions", str(gold), "-o", str(pred)])
    assert res.exit_code == 0, res.output
    atts = read_ann(pred / "art.ann")
    assert len(atts) == 2
    assert TEXT[slice(*atts[0].source[0])] == "The mayor"
    # refuses to overwrite without --force
    res = runner.invoke(brat_app, ["attributions", str(gold), "-o", str(pred)])
    assert res.exit_code != 0
    res = runner.invoke(brat_app, ["score", str(gold), str(pred)])
    assert res.exit_code == 0, res.output
    assert "F1 0.667" in res.output  # 1 of 1 gold found, 2 predicted
    assert "source accuracy (matched pairs) 1.000" in res.output
    res = runner.invoke(brat_app, ["score", str(gold), str(pred), "--json"])
    assert '"content_recall": 1.0' in res.output


def test_cli_score_without_gold_fails(tmp_path: Path) -> None:
    res = CliRunner().invoke(brat_app, ["score", str(tmp_path), str(tmp_path)])
    assert res.exit_code != 0


def test_cli_score_overlap_rules(tmp_path: Path) -> None:
    gold = _corpus(tmp_path)
    pred = tmp_path / "pred"
    pred.mkdir()
    # a prediction twice as long as the gold content: only the lenient rules match it
    long_pred = GOLD.replace("Content 15 37\tthe bridge will reopen", "Content 0 63\tx")
    (pred / "art.ann").write_text(long_pred, "utf-8")
    runner = CliRunner()
    out = {
        rule: runner.invoke(brat_app, ["score", str(gold), str(pred), "--overlap", rule]).output
        for rule in ("longer", "gold", "any")
    }
    assert "F1 0.000" in out["longer"]
    assert "F1 1.000" in out["gold"] and "F1 1.000" in out["any"]
    default = runner.invoke(brat_app, ["score", str(gold), str(pred)]).output
    assert "match rule: gold" in default and "F1 1.000" in default
    bad = runner.invoke(brat_app, ["score", str(gold), str(pred), "--overlap", "most"])
    assert bad.exit_code != 0


def test_cli_agreement(tmp_path: Path) -> None:
    gold = _corpus(tmp_path)
    (gold / "attributions" / "art_cd34.ann").write_text(GOLD, "utf-8")
    res = CliRunner().invoke(brat_app, ["agreement", str(gold)])
    assert res.exit_code == 0, res.output
    assert "F1 1.000" in res.output and "annotator pairs (ordered) 2" in res.output
    res = CliRunner().invoke(brat_app, ["agreement", str(tmp_path / "nowhere")])
    assert res.exit_code != 0
