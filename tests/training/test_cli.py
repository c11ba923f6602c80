"""Command lines of the training steps, parsed down to the configuration and the call."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from training.techniques import cli, recipe
from training.techniques.config import (
    AUX,
    ExportConfig,
    RecipeConfig,
    ReportConfig,
    TrainConfig,
)


def test_train_options_and_defaults() -> None:
    step, cfg = cli.parse(["train", "--ptc", "P", "--out", "O", "--feats", "F.npz", "--fold", "2"])
    assert step is cli.STEPS["train"]
    assert cfg == TrainConfig(ptc="P", out="O", feats="F.npz", fold=2)
    # The defaults of the shipped recipe's first head.
    assert (cfg.epochs, cfg.lr, cfg.dim, cfg.chunk, cfg.batch_size, cfg.seed) == (
        8,
        1e-3,
        128,
        512,
        16,
        13,
    )
    assert cfg.aux == AUX == 0.0
    assert cfg.lex is False and cfg.feat_dims is None


def test_flags_and_optional_values() -> None:
    _, cfg = cli.parse(
        ["train", "--ptc", "P", "--out", "O", "--feats", "F", "--lex", "--feat-dims", "0:384"]
    )
    assert cfg.lex is True
    assert cfg.feat_dims == "0:384"


def test_missing_required_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.parse(["train", "--ptc", "P", "--out", "O"])
    assert exc.value.code == 2
    assert "--feats" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["report", "--ptc", "P", "--feats", "F", "--out", "R", "--runs", "a0,b0", "a1,b1"],
            ReportConfig(ptc="P", feats="F", out="R", runs=("a0,b0", "a1,b1")),
        ),
        (
            ["export", "--run", "a", "b", "--enc", "E", "--cv", "C", "--out", "O"],
            ExportConfig(run=("a", "b"), enc="E", cv="C", out="O"),
        ),
        (
            ["recipe", "--ptc", "P", "--out", "O", "--heads", "8:13"],
            RecipeConfig(ptc="P", out="O", heads="8:13"),
        ),
    ],
)
def test_parse(argv: list[str], expected: Any) -> None:
    assert cli.parse(argv)[1] == expected


@pytest.mark.parametrize("step", sorted(cli.STEPS))
def test_main_calls_the_step_with_its_config(step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    spec = cli.STEPS[step]
    monkeypatch.setitem(cli.STEPS, step, dataclasses.replace(spec, run=calls.append))
    required = [f for f in dataclasses.fields(spec.config) if f.default is dataclasses.MISSING]
    argv = [step]
    for f in required:
        argv += ["--" + f.name.replace("_", "-"), "x"]
    cli.main(argv)
    assert len(calls) == 1
    assert isinstance(calls[0], spec.config)


@pytest.mark.parametrize(
    ("spec", "heads"),
    [("8:13,16:14", [(8, 13), (16, 14)]), ("4", [(4, 13)]), (" 2:1 , ", [(2, 1)])],
)
def test_parse_heads(spec: str, heads: list[tuple[int, int]]) -> None:
    assert recipe.parse_heads(spec) == heads


def test_parse_heads_rejects_an_empty_spec() -> None:
    with pytest.raises(ValueError, match="EPOCHS:SEED"):
        recipe.parse_heads("")


def test_recipe_plan(tmp_path: Path) -> None:
    """The recipe trains each head per fold and on all articles, then reports on the
    fold ensembles and exports the full heads: the commands of the model card."""
    out = tmp_path / "run"
    p = recipe.plan(RecipeConfig(ptc="P", out=str(out), folds=3, heads="8:13,16:14", threads=1))
    feats = str(out / "enc" / "feats-labeled.npz")
    assert p.encoder.out == str(out / "enc") and p.encoder.ptc == "P"
    assert p.feats == Path(feats)
    assert [[(r.fold, r.epochs, r.seed) for r in runs] for runs in p.folds] == [
        [(k, 8, 13), (k, 16, 14)] for k in range(3)
    ]
    first = p.folds[0][0]
    assert first == TrainConfig(
        ptc="P",
        out=str(out / "h0" / "fold0"),
        feats=feats,
        fold=0,
        folds=3,
        epochs=8,
        eval_every=8,
        seed=13,
        threads=1,
    )
    assert [(r.fold, r.out) for r in p.fulls] == [
        (-1, str(out / "h0" / "full")),
        (-1, str(out / "h1" / "full")),
    ]
    assert p.report.runs[1] == f"{out / 'h0' / 'fold1'},{out / 'h1' / 'fold1'}"
    assert p.export.run == tuple(r.out for r in p.fulls)
    assert p.export.cv == p.report.out == str(out / "cv_report.json")
    assert not out.exists()  # planning writes nothing


def test_recipe_run_calls_the_steps_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from training.techniques import encoder, export, report, train

    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(encoder, "run", lambda c: calls.append(("encoder", c)))
    monkeypatch.setattr(train, "train", lambda c: calls.append(("train", c)))
    monkeypatch.setattr(report, "report", lambda c: calls.append(("report", c)))
    monkeypatch.setattr(export, "run", lambda c: calls.append(("export", c)))
    cfg = RecipeConfig(ptc="P", out=str(tmp_path / "r"), folds=2, heads="1:1")
    # A finished fold-0 run is not retrained (the recipe resumes).
    (tmp_path / "r" / "h0" / "fold0").mkdir(parents=True)
    (tmp_path / "r" / "h0" / "fold0" / "oof.pkl").write_bytes(b"")
    steps = recipe.run(cfg)
    assert [name for name, _ in calls] == ["encoder", "train", "train", "report", "export"]
    assert [c.fold for name, c in calls if name == "train"] == [1, -1]
    assert calls[-2][1] == steps.report
