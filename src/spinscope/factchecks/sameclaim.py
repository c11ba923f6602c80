"""Is a fact-check about the claim an article sentence makes? The decision to *show* a match.

The re-ranker (:mod:`~spinscope.factchecks.rerank`) orders a text's candidates: trained on
CheckThat! 2020, where every tweet has its fact-check in the knowledge base, it learns
which candidate is *the* right one, mostly from how the candidates compare with each
other. Its probability says little about whether any candidate is right: on article
sentences, most of which no one has fact-checked, its best candidate scored 0.28 or more
for one sentence in eight, and two in five of those were the same claim (from a sample we
annotated). A sentence that restates a narrative with a hundred cases in the knowledge base
(the White Helmets' staged attacks) even scores low, as no one case stands out.

This model answers the other question, for one (sentence, fact-check) pair: does the
fact-check address the claim the sentence makes or reports? Its features are absolute:
the embeddings' cosine, the share of the fact-check's content words the sentence has, and
the share of its names. It is a logistic regression trained by ``python -m training.claims
sameclaim`` on ``bench/devsets/claim-matches.jsonl``: 407 sentence/fact-check pairs of real
articles, annotated same / related / no (see docs/benchmarks.md, "Claims"), weighted back to
the population they were sampled from.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Self

import numpy as np

from spinscope.factchecks.logistic import LogisticModel
from spinscope.factchecks.rerank import FEATURES as RERANK_FEATURES

__all__ = ["FEATURES", "SameClaimModel", "same_claim_features", "shipped_model"]

#: Feature names, in the order of :func:`same_claim_features`' columns. Absolute views of
#: one pair only: the re-ranker's relative features (gaps, ranks, its probability) were
#: tried and lowered the held-out recall at the same precision, and would make a pair's
#: score depend on the other candidates.
FEATURES = ("cosine", "overlap_claim", "names_shared")

#: Every feature but the cosine is a share, in [0, 1]: bounds for :meth:`SameClaimModel.min_cosine`.
_SHARE_BOUNDS = (0.0, 1.0)

_COLUMN = {name: i for i, name in enumerate(RERANK_FEATURES)}


def same_claim_features(rerank_x: np.ndarray) -> np.ndarray:
    """A ``(candidates, len(FEATURES))`` matrix: the columns of the re-ranker's features
    (:func:`spinscope.factchecks.rerank.features`) this model reads."""
    return np.asarray(rerank_x, dtype=np.float64)[:, [_COLUMN[name] for name in FEATURES]]


@dataclass(frozen=True)
class SameClaimModel(LogisticModel):
    """Standardised features → logistic regression → P(the fact-check checks the claim),
    with the threshold chosen for what is shown."""

    FEATURES = FEATURES
    WHAT = "same-claim model"

    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return cls(**cls._fields(data), threshold=float(data["threshold"]))

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "threshold": self.threshold}

    def min_cosine(self, threshold: float | None = None) -> float:
        """The least cosine at which a pair can reach ``threshold`` (default: the
        model's), whatever its other features: below it no candidate can be shown, so
        the search skips the lexical candidates and both models for such a text.
        ``-inf`` when every pair can (threshold 0), ``inf`` when none can (threshold 1:
        a logistic probability never reaches it)."""
        threshold = self.threshold if threshold is None else threshold
        if threshold <= 0.0:
            return -math.inf
        if threshold >= 1.0:
            return math.inf
        w = self.coef / self.scale
        at = self.features.index("cosine")
        # z = Σ w·x + b, with every share at the bound that raises z most
        best = self.intercept - float(np.sum(w * self.mean))
        for i, weight in enumerate(w):
            if i != at:
                best += weight * (_SHARE_BOUNDS[1] if weight > 0 else _SHARE_BOUNDS[0])
        if w[at] <= 0:
            return -1.0
        logit = math.log(threshold / (1.0 - threshold))
        return (logit - best) / float(w[at])


@cache
def shipped_model() -> SameClaimModel:
    """The model shipped as ``spinscope/factchecks/sameclaim.json``."""
    text = resources.files("spinscope.factchecks").joinpath("sameclaim.json").read_text("utf-8")
    return SameClaimModel.from_dict(json.loads(text))
