"""The check-worthiness model: a stacked ensemble of small models over five views of
a sentence, numpy + the shipped sentence encoder only.

Views, each giving one logit (all but ``mlp`` a logistic regression):

* ``word``: TF-IDF word 1-2-grams;
* ``char``: TF-IDF character 2-5-grams inside words (spelling variants, numbers);
* ``embedding``: the all-MiniLM-L6-v2 sentence vector (:mod:`spinscope.embeddings`),
  which generalises past the debates' vocabulary;
* ``mlp``: the same vector through a one-hidden-layer perceptron (what a linear model
  of the vector misses);
* ``cues``: surface cues (:func:`spinscope.checkworthy.features.cue_features`).

A last logistic regression over the views' logits (fit on out-of-fold logits) gives the
calibrated probability that a sentence is worth fact-checking; ``threshold`` (chosen
by cross-validation for F1 of the positive class) turns it into a label.

Artifact (``spinscope/models/checkworthy-v1``): ``config.json`` (settings, threshold,
meta weights) and ``weights.npz`` (TF-IDF vocabularies as newline-joined UTF-8,
idf and weights per view; no pickles).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Self

import numpy as np

from spinscope.checkworthy.features import LinearTfidf, cue_features
from spinscope.embeddings import SentenceEncoder, shared_encoder
from spinscope.errors import ModelError, ModelNotFoundError

__all__ = ["MODEL_NAME", "VIEWS", "CheckworthyModel", "default_model_dir"]

MODEL_NAME = "checkworthy-v1"
#: The views, in the order of the meta model's weights.
VIEWS = ("word", "char", "embedding", "mlp", "cues")


def default_model_dir() -> Path:
    return Path(str(resources.files("spinscope").joinpath("models", MODEL_NAME)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)))


@dataclass(frozen=True)
class _Linear:
    """``coef · standardise(x) + intercept`` over dense features."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept)


@dataclass(frozen=True)
class _Perceptron:
    """``w2 · relu(w1 · standardise(x) + b1) + b2``."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        hidden = np.maximum(((x - self.mean) / self.scale) @ self.w1 + self.b1, 0.0)
        return np.asarray(hidden @ self.w2 + self.b2)


class CheckworthyModel:
    """Sentences -> probability that each is a check-worthy factual claim.

    Attributes:
        threshold: probability from which a sentence is labelled check-worthy.
        config: the artifact's ``config.json``.
    """

    def __init__(
        self,
        config: dict[str, Any],
        tfidf: dict[str, LinearTfidf],
        dense: dict[str, _Linear],
        mlp: _Perceptron,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        self.config = config
        self.threshold = float(config["threshold"])
        self._tfidf = tfidf
        self._dense = dense
        self._mlp = mlp
        meta = config["meta"]
        self._meta_coef = np.asarray([meta["coef"][v] for v in VIEWS], dtype=float)
        self._meta_intercept = float(meta["intercept"])
        self._encoder = encoder

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Self:
        """The model in ``directory`` (default: the shipped ``checkworthy-v1``).

        Raises:
            ModelNotFoundError: a file of the artifact is missing.
            ModelError: the files do not make a model.
        """
        d = Path(directory) if directory is not None else default_model_dir()
        cfg_path, npz_path = d / "config.json", d / "weights.npz"
        for f in (cfg_path, npz_path):
            if not f.is_file():
                raise ModelNotFoundError(f"check-worthiness model file missing: {f}")
        config = json.loads(cfg_path.read_text("utf-8"))
        try:
            with np.load(npz_path, allow_pickle=False) as w:
                arrays = {k: w[k] for k in w.files}
            tfidf = {
                view: LinearTfidf(
                    analyzer=config["views"][view]["analyzer"],
                    ngram_range=tuple(config["views"][view]["ngram_range"]),
                    index={
                        t: i
                        for i, t in enumerate(
                            arrays[f"{view}_terms"].tobytes().decode().split("\n")
                        )
                    },
                    idf=arrays[f"{view}_idf"].astype(float),
                    coef=arrays[f"{view}_coef"].astype(float),
                    intercept=float(config["views"][view]["intercept"]),
                )
                for view in ("word", "char")
            }
            dense = {
                view: _Linear(
                    mean=arrays[f"{view}_mean"].astype(float),
                    scale=arrays[f"{view}_scale"].astype(float),
                    coef=arrays[f"{view}_coef"].astype(float),
                    intercept=float(config["views"][view]["intercept"]),
                )
                for view in ("embedding", "cues")
            }
            mlp = _Perceptron(
                mean=arrays["mlp_mean"].astype(float),
                scale=arrays["mlp_scale"].astype(float),
                w1=arrays["mlp_w1"].astype(float),
                b1=arrays["mlp_b1"].astype(float),
                w2=arrays["mlp_w2"].astype(float),
                b2=float(config["views"]["mlp"]["intercept"]),
            )
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            raise ModelError(f"{d}: not a check-worthiness model ({exc})") from exc
        for view, lin in tfidf.items():
            if not len(lin.index) == len(lin.idf) == len(lin.coef):
                raise ModelError(f"{d}: view {view!r} has vocabulary and weights of unequal size")
        return cls(config, tfidf, dense, mlp)

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    def view_logits(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), len(VIEWS))`` logits of the views, in :data:`VIEWS` order."""
        if not texts:
            return np.zeros((0, len(VIEWS)))
        cues = np.vstack([cue_features(t) for t in texts])
        vectors = self.encoder.encode(texts)
        columns = {
            "word": self._tfidf["word"].logits(texts),
            "char": self._tfidf["char"].logits(texts),
            "embedding": self._dense["embedding"].logits(vectors),
            "mlp": self._mlp.logits(vectors),
            "cues": self._dense["cues"].logits(cues),
        }
        return np.column_stack([columns[v] for v in VIEWS])

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probability, per text, that it is a check-worthy claim."""
        if not texts:
            return np.zeros(0)
        return _sigmoid(self.view_logits(texts) @ self._meta_coef + self._meta_intercept)

    def predict(self, texts: Sequence[str]) -> list[bool]:
        return [bool(p >= self.threshold) for p in self.predict_proba(texts)]
