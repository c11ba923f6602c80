"""A logistic regression over standardised features, stored as JSON: the form of both
models of claim matching (the re-ranker and the same-claim model)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np

__all__ = ["LogisticModel"]


@dataclass(frozen=True)
class LogisticModel:
    """Standardised features → logistic regression → probability.

    Subclasses name the features their computing code writes (:attr:`FEATURES`); a model
    trained on other features refuses to score them.
    """

    #: The features, in column order, that the code computing them writes.
    FEATURES: ClassVar[tuple[str, ...]] = ()
    #: What the model is called in error messages.
    WHAT: ClassVar[str] = "model"

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    meta: dict[str, Any]

    @classmethod
    def _fields(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "features": tuple(data["features"]),
            "mean": np.asarray(data["mean"], dtype=np.float64),
            "scale": np.asarray(data["scale"], dtype=np.float64),
            "coef": np.asarray(data["coef"], dtype=np.float64),
            "intercept": float(data["intercept"]),
            "meta": dict(data.get("meta", {})),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**cls._fields(data))

    @classmethod
    def load(cls, path: str | Path) -> Self:
        return cls.from_dict(json.loads(Path(path).read_text("utf-8")))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": self.mean.round(8).tolist(),
            "scale": self.scale.round(8).tolist(),
            "coef": self.coef.round(8).tolist(),
            "intercept": round(self.intercept, 8),
            "meta": self.meta,
        }

    def probability(self, x: np.ndarray) -> np.ndarray:
        if self.features != self.FEATURES:
            raise ValueError(f"{self.WHAT} expects features {self.features}, not {self.FEATURES}")
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        prob: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return prob
