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
A stacked ensemble of four logistic regressions, one per view of the sentence: TF-IDF word
1-2-grams, TF-IDF character 2-5-grams inside words, the MiniLM sentence vector, and
{len(CUE_NAMES)} surface cues (numbers, money, years, capitalised words,
first/second person, modals, hedges, comparisons, past tense, questions). Each view's `C`
is picked by out-of-fold log-loss; a logistic regression over the four out-of-fold logits
gives the calibrated probability. Folds are grouped by blocks of sentence ids
({cv["grouping"]}) so that whole debates are held out. Built by
`python -m training.checkworthy train` (scikit-learn; test extra).

## Metrics (F1 of the positive class `Yes`)
Threshold **{cv["threshold"]:.2f}** (best F1 on the out-of-fold probabilities).

| evaluation | F1 | precision | recall | accuracy |
| --- | --- | --- | --- | --- |
{_row(f"{cv['folds']}-fold grouped CV, train+dev (pooled)", cv)}
{_row("dev, recipe fit on train only", metrics["dev_trained_on_train"])}
{_row("dev-test, shipped model (scored once)", metrics["dev_test"])}

CV F1 per fold: mean {cv["f1_fold_mean"]:.3f}, sd {cv["f1_fold_sd"]:.3f}; at threshold 0.5:
{cv["f1_at_0.5"]:.3f}; log-loss {cv["log_loss"]:.3f}.

Each view alone (CV on train+dev, its own best threshold):

| view | C | F1 |
| --- | --- | --- |
{views}

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
