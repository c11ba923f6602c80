"""Configurations of the technique-model training steps (also their CLI options)."""

from __future__ import annotations

from dataclasses import dataclass

from training.options import option

#: The shipped recipe has no auxiliary loss: ``aux=1`` was measured (5-fold CV, SI
#: +0.3, TC -0.1, macro -0.5 points: noise) and not adopted (model card, design notes).
AUX = 0.0


@dataclass(kw_only=True)
class CommonConfig:
    """Data, folds, head shape, losses and seeding shared by both training recipes."""

    ptc: str = option(help="PTC corpus directory (articles/, labels-tc/)")
    out: str = option(help="output directory of the run")
    fold: int = option(-1, help="held-out fold (-1: train on all)")
    folds: int = option(5, help="number of CV folds")
    lr: float = option(1e-3, help="learning rate of the heads")
    weight_decay: float = option(0.01, help="AdamW weight decay")
    dim: int = option(128, help="width of the head")
    dropout: float = option(0.2, help="dropout in the head")
    batch_size: int = option(16, help="chunks per batch")
    span_weight: float = option(1.0, help="weight of the technique loss")
    class_weight_power: float = option(0.5, help="technique weights ∝ frequency^-POWER")
    context: int = option(0, help="TC context wordpieces per side")
    convs: int = option(1, help="residual conv layers in the head")
    rnn: int = option(0, help="residual BiGRU layers in the head")
    seed: int = option(13, help="seed of python, numpy and torch")
    threads: int = option(2, help="torch threads")


@dataclass(kw_only=True)
class TrainConfig(CommonConfig):
    """Heads on cached features of the frozen encoder (:func:`.train.train`)."""

    feats: str = option(help="cached encoder features (.npz)")
    epochs: int = option(8, help="training epochs")
    eval_every: int = option(4, help="evaluate the held-out fold every N epochs")
    chunk: int = option(512, help="wordpieces per training chunk")
    label_smoothing: float = option(0.0, help="label smoothing of the technique loss")
    lex: bool = option(False, help="add a learnt wordpiece embedding")
    aux: float = option(AUX, help="weight of a per-technique token loss (0: none)")
    feat_dims: str | None = option(None, help="use only feature columns A:B (0:384 = layer 3)")
    pseudo: str | None = option(None, help="teacher labels of unlabelled articles (pseudo)")
    pseudo_feats: str | None = option(None, help="cached features of the unlabelled articles")


@dataclass(kw_only=True)
class FinetuneConfig(CommonConfig):
    """Encoder fine-tuned with the heads (:func:`.finetune.train`)."""

    keep_layers: int = option(3, help="transformer layers of MiniLM-L6 kept")
    feat_layers: str = option("3", help="hidden states used as features, comma-separated")
    epochs: int = option(3, help="training epochs")
    eval_every: int = option(1, help="evaluate the held-out fold every N epochs")
    enc_lr: float = option(5e-5, help="learning rate of the encoder")
    stride: int = option(254, help="evaluation window stride")
    pseudo: str | None = option(None, help="TSV of teacher spans on the unlabelled articles")


@dataclass(kw_only=True)
class RecipeConfig:
    """The whole recipe (:func:`.recipe.run`): encoder, k-fold heads, CV report, artifact."""

    ptc: str = option(help="PTC corpus directory (articles/, labels-tc/)")
    out: str = option(help="output directory for runs and the artifact")
    folds: int = option(5, help="number of CV folds")
    heads: str = option("8:13,16:14", help="ensemble members as EPOCHS:SEED, comma-separated")
    threads: int = option(2, help="torch threads")
    aux: float = option(AUX, help="weight of the auxiliary per-technique token loss (0: none)")


@dataclass(kw_only=True)
class EncoderConfig:
    """Export the frozen encoder and cache its features (:func:`.encoder.run`)."""

    ptc: str = option(help="PTC corpus directory")
    out: str = option(help="directory of encoder.onnx and the feature caches")
    unlabeled: bool = option(False, help="also cache the unlabelled articles' features")
    keep_layers: int = option(3, help="transformer layers of MiniLM-L6 kept")
    layers: str = option("3", help="hidden states used as features, comma-separated")
    state: str | None = option(None, help="fine-tuned encoder state_dict (encoder.pt)")
    no_cache: bool = option(False, help="export only")
    stride: int = option(254, help="window stride (254: no overlap)")


@dataclass(kw_only=True)
class ReportConfig:
    """Pool the folds' out-of-fold predictions (:func:`.report.report`)."""

    ptc: str = option(help="PTC corpus directory")
    feats: str = option(help="cached encoder features of the labelled articles (.npz)")
    out: str = option(help="where to write cv_report.json")
    runs: tuple[str, ...] = option(
        help="one run per fold, in fold order; an ensemble as head dirs joined by ','",
        metavar="RUN",
    )


@dataclass(kw_only=True)
class ExportConfig:
    """Build the shipped artifact (:func:`.export.run`)."""

    run: tuple[str, ...] = option(
        help="training dir(s) with head.pt and args.json (several: ensemble)", metavar="DIR"
    )
    enc: str = option(help="dir with encoder.onnx (int8)")
    cv: str = option(help="cv_report.json (thresholds, calibration)")
    out: str = option(help="artifact directory")
    name: str = option("techniques-v2", help="model name")


@dataclass(kw_only=True)
class PseudoConfig:
    """Label the unlabelled articles with a teacher ensemble (:func:`.pseudo.run`)."""

    ptc: str = option(help="PTC corpus directory (unlabeled/)")
    feats: str = option(help="cached features of the unlabelled articles")
    teacher: str = option(help="head dirs of the teacher, comma-separated")
    out: str = option(help="where to write the pseudo labels (.pkl)")
    threshold: float = option(0.3, help="span threshold of the teacher")
    max_gap: int = option(8, help="gap bridged by the teacher's decoder")
    min_tokens: int = option(2, help="minimum span length in wordpieces")
    min_label_prob: float = option(0.5, help="technique probability a span needs")


@dataclass(kw_only=True)
class BenchConfig:
    """Speed of the shipped artifact (:func:`.bench.run`)."""

    ptc: str = option(help="PTC corpus directory")
    model: str | None = option(None, help="artifact directory (default: the shipped one)")
    n: int = option(60, help="articles")
    threads: int = option(2, help="onnxruntime threads")
    batch: int = option(8, help="documents per pipe batch")
    unlabeled: bool = option(False, help="the 165 unlabelled articles")


@dataclass(kw_only=True)
class CardConfig:
    """Write MODEL_CARD.md for an artifact (:func:`.card.write`)."""

    model: str = option(help="artifact directory (config.json)")
    cv: str = option(help="cv_report.json")
    bench: str | None = option(None, help="bench output (.json)")
    notes: str | None = option(None, help="markdown file replacing the design notes")
