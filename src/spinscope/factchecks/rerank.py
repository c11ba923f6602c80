"""The re-ranker of hybrid claim retrieval: features of a (text, fact-check) candidate
and the shipped logistic model that turns them into a calibrated probability.

A candidate comes from the lexical search (BM25 / ts_rank), the dense search (cosine of
sentence embeddings) or both. Its features say how each ranked it, relative to the
other candidates of the same text (a raw BM25 score means nothing across queries), and
how many words the two texts share. The model (``rerank.json``, trained by
``python -m training.claims`` on CheckThat! 2020 train; figures in docs/benchmarks.md,
"Claim retrieval") is a logistic regression: its output is the probability that the
fact-check verifies the text's claim, calibrated on held-out folds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import numpy as np

from spinscope.factchecks.lexical import STOP_WORDS, plain_text
from spinscope.factchecks.logistic import LogisticModel

__all__ = ["FEATURES", "Candidate", "Reranker", "features", "shipped_reranker"]

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Capitalised words not at a sentence start: names of people, places, bodies.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")

#: Feature names, in the order of :func:`features`' columns.
FEATURES = (
    "cosine",
    "cosine_gap",
    "cosine_z",
    "dense_rank_inv",
    "bm25_rel",
    "bm25_rank_inv",
    "in_lexical",
    "overlap_claim",
    "overlap_query",
    "overlap_title",
    "length_ratio",
    "cosine_x_bm25",
    "both_first",
    "fused_rank",
    "bm25_z",
    "numbers_shared",
    "names_shared",
)


@dataclass
class Candidate:
    """A fact-check proposed for one text, with how each search ranked it."""

    pk: int
    row: dict[str, Any]
    cosine: float
    dense_rank: int | None = None
    bm25: float | None = None
    bm25_rank: int | None = None


def content_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` without links, stop words and 1-letter words."""
    return {
        w for w in _WORD.findall(plain_text(text).casefold()) if w not in STOP_WORDS and len(w) > 1
    }


@lru_cache(maxsize=65_536)
def _claim_terms(claim: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Content words, numbers and names of a fact-check's text: the same fact-checks
    are candidates for many sentences, and these regexes were a sixth of a search."""
    return (
        frozenset(content_words(claim)),
        frozenset(_NUMBER.findall(claim)),
        frozenset(n.casefold() for n in _NAME.findall(claim)),
    )


def features(query: str, candidates: Sequence[Candidate]) -> np.ndarray:
    """A ``(len(candidates), len(FEATURES))`` float64 matrix."""
    out = np.zeros((len(candidates), len(FEATURES)))
    if not candidates:
        return out
    cos = np.asarray([c.cosine for c in candidates], dtype=np.float64)
    cos = np.nan_to_num(cos, nan=0.0)
    top_cos = float(cos.max())
    mean_cos = cos.mean()
    spread = float(cos.std()) or 1.0
    bm25 = [c.bm25 for c in candidates if c.bm25 is not None]
    top_bm25 = max(bm25) if bm25 and max(bm25) > 0 else 1.0
    bm25_arr = np.asarray(bm25, dtype=np.float64) if bm25 else np.zeros(1)
    bm25_mean, bm25_spread = float(bm25_arr.mean()), float(bm25_arr.std()) or 1.0
    q_words = content_words(query)
    q_numbers = set(_NUMBER.findall(query))
    q_names = {n.casefold() for n in _NAME.findall(plain_text(query))}
    for i, c in enumerate(candidates):
        c_words, c_numbers, c_names = _claim_terms(str(c.row.get("claim_text") or ""))
        t_words = _claim_terms(str(c.row.get("review_title") or ""))[0]
        shared = len(q_words & c_words)
        bm25_rel = (c.bm25 or 0.0) / top_bm25 if c.bm25 is not None else 0.0
        out[i] = (
            cos[i],
            cos[i] - top_cos,
            (cos[i] - mean_cos) / spread,
            1.0 / c.dense_rank if c.dense_rank else 0.0,
            bm25_rel,
            1.0 / c.bm25_rank if c.bm25_rank else 0.0,
            1.0 if c.bm25 is not None else 0.0,
            shared / len(c_words) if c_words else 0.0,
            shared / len(q_words) if q_words else 0.0,
            len(q_words & t_words) / len(t_words) if t_words else 0.0,
            math.log((1 + len(q_words)) / (1 + len(c_words))),
            cos[i] * bm25_rel,
            1.0 if c.dense_rank == 1 and c.bm25_rank == 1 else 0.0,
            # reciprocal rank fusion (k = 60, the usual constant)
            60.0 / (60 + (c.dense_rank or 100)) + 60.0 / (60 + (c.bm25_rank or 100)),
            ((c.bm25 - bm25_mean) / bm25_spread) if c.bm25 is not None else -3.0,
            len(q_numbers & c_numbers) / len(c_numbers) if c_numbers else 0.0,
            len(q_names & c_names) / len(c_names) if c_names else 0.0,
        )
    return out


@dataclass(frozen=True)
class Reranker(LogisticModel):
    """The re-ranker: :func:`features` → logistic regression → probability."""

    FEATURES = FEATURES
    WHAT = "re-ranker"


@cache
def shipped_reranker() -> Reranker:
    """The model shipped as ``spinscope/factchecks/rerank.json``."""
    text = resources.files("spinscope.factchecks").joinpath("rerank.json").read_text("utf-8")
    return Reranker.from_dict(json.loads(text))
