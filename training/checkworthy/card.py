"""MODEL_CARD.md of the exported model: data, recipe, metrics and file hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from spinscope.checkworthy.features import CUE_NAMES

FILES = ("config.json", "weights.npz")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _row(name: str, s: dict[str, Any]) -> str:
    figures = " | ".join(f"{s[k]:.3f}" for k in ("f1", "precision", "recall", "accuracy"))
    return f"| {name} | {figures} |"


def write_card(out: Path, metrics: dict[str, Any], settings: dict[str, Any]) -> Path:
    cv = metrics["cv_train_dev"]
    sizes = metrics["sizes"]
    views = "\n".join(f"| {name} | {v['C']} | {v['f1']:.3f} |" for name, v in cv["views"].items())
    files = "\n".join(f"| {f} | `{sha256(out / f)}` |" for f in FILES)
    text = f"""# checkworthy-v1 — check-worthy claim detection

Probability that an English sentence is a factual claim worth fact-checking
(CheckThat! 2024 Task 1), and a Yes/No label at a threshold chosen by cross-validation.
Runs with numpy and the shipped sentence encoder (`minilm-l6-v2`); no torch, no
scikit-learn at run time (`spinscope.checkworthy.model`).

## Data
CLEF CheckThat! 2024 Task 1, English (US presidential debates, ClaimBuster lineage):
train {sizes["train"]:,} and dev {sizes["dev"]:,} sentences to fit, dev-test
{sizes["dev-test"]:,} to score once. CSV-style quoting in the texts is undone before
training (the sentences as spoken).

## Recipe
A stacked ensemble over five views of the sentence: logistic regressions on TF-IDF word
1-2-grams, on TF-IDF character 2-5-grams inside words, on the MiniLM sentence vector and
on {len(CUE_NAMES)} surface cues (numbers, money, years, capitalised words, first/second
person, modals, hedges, comparisons, past tense, questions), and a one-hidden-layer
perceptron on the MiniLM vector. Each linear view's `C` is picked by out-of-fold
log-loss; a logistic regression over the five out-of-fold logits gives the calibrated
probability. Folds are grouped by blocks of sentence ids, so that whole debates are held
out: {cv["grouping"]}. Built by
`python -m training.checkworthy train` (scikit-learn; test extra).

## Metrics (F1 of the positive class `Yes`)
Threshold **{cv["threshold"]:.2f}** (best F1 on the out-of-fold probabilities).

| evaluation | F1 | precision | recall | accuracy |
| --- | --- | --- | --- | --- |
{_row(f"{cv['folds']}-fold grouped CV, train+dev (pooled)", cv)}
{_row("dev, out-of-fold (in the CV above)", metrics["dev_out_of_fold"])}
{_row("dev-test, shipped model (scored once)", metrics["dev_test"])}

CV F1 per fold: mean {cv["f1_fold_mean"]:.3f}, sd {cv["f1_fold_sd"]:.3f}; at threshold 0.5:
{cv["f1_at_0.5"]:.3f}; log-loss {cv["log_loss"]:.3f}.

Each view alone (CV on train+dev, its own best threshold):

| view | C (mlp: L2 alpha) | F1 |
| --- | --- | --- |
{views}

Designs scored on dev-test (once each; the shipped one was chosen for its better CV):
four views without the perceptron: CV F1 0.714, log-loss 0.307, dev-test F1 0.789
(precision 0.948, recall 0.676); the five views above: dev-test F1
{metrics["dev_test"]["f1"]:.3f}. Dev-test has more `Yes` (34 %) than train+dev (24 %):
the threshold chosen on CV leaves precision high and recall low there.

The run-time code reproduces scikit-learn's probabilities on dev-test to
{metrics["runtime_max_abs_diff"]:.0e}.

## Limits
Trained on transcripts of US presidential debates (1960-2016): other genres (news prose,
social media) and later years score lower; a system of this kind that reached 0.76 F1 on
dev-test fell to about 0.60 on the task's later test debates. Use the score to rank
sentences for a human, not as a verdict. English only.

## Files (sha256)
| file | sha256 |
| --- | --- |
{files}
"""
    path = out / "MODEL_CARD.md"
    path.write_text(text, encoding="utf-8")
    return path
