"""The whole technique-model recipe, seeded and logged.

Steps (each skipped when its output already exists, so an interrupted run resumes):

1. export the frozen encoder (first 3 layers of MiniLM-L6, fused, int8) to ONNX and cache
   its features (OUT/enc);
2. for each head of the ensemble (``heads="EPOCHS:SEED,..."``): k-fold CV over the
   labelled PTC articles (OUT/h<i>/fold<k>) and a head on all articles (OUT/h<i>/full);
3. pool the out-of-fold predictions of the ensemble: metrics, SI decoding, calibration
   (OUT/cv_report.json);
4. export the artifact (OUT/artifact).

Torch and transformers are imported only by the steps that run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from training.techniques.config import (
    EncoderConfig,
    ExportConfig,
    RecipeConfig,
    ReportConfig,
    TrainConfig,
)


def parse_heads(spec: str) -> list[tuple[int, int]]:
    """``"8:13,16:14"`` -> ``[(8, 13), (16, 14)]`` (epochs, seed; the seed defaults to 13).

    Raises:
        ValueError: an empty or malformed spec.
    """
    out = []
    for part in spec.split(","):
        if not part.strip():
            continue
        epochs, _, seed = part.strip().partition(":")
        out.append((int(epochs), int(seed or 13)))
    if not out:
        raise ValueError("give at least one EPOCHS:SEED")
    return out


@dataclass(frozen=True)
class Plan:
    """Every step of a recipe run, as the configurations the step functions take."""

    encoder: EncoderConfig
    feats: Path
    folds: list[list[TrainConfig]]  # fold k -> one run per head
    fulls: list[TrainConfig]  # one head per member, on all articles
    report: ReportConfig
    export: ExportConfig


def plan(cfg: RecipeConfig) -> Plan:
    """The steps of ``cfg`` (pure: nothing is run or written)."""
    out = Path(cfg.out)
    enc = out / "enc"
    feats = enc / "feats-labeled.npz"
    folds: list[list[TrainConfig]] = [[] for _ in range(cfg.folds)]
    fulls: list[TrainConfig] = []
    for i, (epochs, seed) in enumerate(parse_heads(cfg.heads)):
        common = {
            "ptc": cfg.ptc,
            "feats": str(feats),
            "epochs": epochs,
            "eval_every": epochs,
            "seed": seed,
            "threads": cfg.threads,
            "aux": cfg.aux,
            "folds": cfg.folds,
        }
        for k in range(cfg.folds):
            folds[k].append(TrainConfig(out=str(out / f"h{i}" / f"fold{k}"), fold=k, **common))
        fulls.append(TrainConfig(out=str(out / f"h{i}" / "full"), **common))
    report = ReportConfig(
        ptc=cfg.ptc,
        feats=str(feats),
        out=str(out / "cv_report.json"),
        runs=tuple(",".join(r.out for r in runs) for runs in folds),
    )
    export = ExportConfig(
        run=tuple(r.out for r in fulls),
        enc=str(enc),
        cv=report.out,
        out=str(out / "artifact"),
    )
    return Plan(EncoderConfig(ptc=cfg.ptc, out=str(enc)), feats, folds, fulls, report, export)


def run(cfg: RecipeConfig) -> Plan:
    """Run the recipe (resuming: steps whose output exists are skipped)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from training.techniques import encoder, export, report, train

    steps = plan(cfg)
    Path(cfg.out).mkdir(parents=True, exist_ok=True)
    if not steps.feats.is_file():
        encoder.run(steps.encoder)
    for runs in steps.folds:
        for r in runs:
            if not (Path(r.out) / "oof.pkl").is_file():
                train.train(r)
    for r in steps.fulls:
        if not (Path(r.out) / "head.pt").is_file():
            train.train(r)
    report.report(steps.report)
    export.run(steps.export)
    print(f"done: {cfg.out} (artifact: {steps.export.out}, report: {steps.report.out})")
    return steps
