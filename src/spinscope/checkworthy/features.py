"""The model's text views, numpy only: TF-IDF word and character n-grams, and a few
surface cues of a factual claim.

The TF-IDF analysers reproduce scikit-learn's ``TfidfVectorizer`` (``lowercase=True``,
``sublinear_tf=True``, ``norm="l2"``; ``analyzer="word"`` with its default token pattern,
or ``analyzer="char_wb"``) term for term, so that a linear model trained on
scikit-learn's matrices scores the same here without scikit-learn (the test suite
compares the two).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["CUE_NAMES", "LinearTfidf", "char_wb_ngrams", "cue_features", "word_ngrams"]

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITESPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, n_min: int, n_max: int) -> list[str]:
    """scikit-learn's ``analyzer="word"`` terms of ``text`` (lower-cased)."""
    tokens = _TOKEN.findall(text.lower())
    if n_max == 1:
        return tokens
    out = list(tokens) if n_min == 1 else []
    for n in range(max(n_min, 2), min(n_max, len(tokens)) + 1):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


def char_wb_ngrams(text: str, n_min: int, n_max: int) -> list[str]:
    """scikit-learn's ``analyzer="char_wb"`` terms: character n-grams inside words
    padded with one space on each side (lower-cased)."""
    out: list[str] = []
    for w in _WHITESPACES.sub(" ", text.lower()).split():
        w = f" {w} "
        size = len(w)
        for n in range(n_min, n_max + 1):
            if size <= n:
                # The padded word whole, once, and no longer n-grams (as scikit-learn).
                out.append(w)
                break
            out.extend(w[i : i + n] for i in range(size - n + 1))
    return out


@dataclass(frozen=True)
class LinearTfidf:
    """A logistic-regression score over TF-IDF features: ``coef · tfidf(text) + bias``.

    Attributes:
        analyzer: ``"word"`` or ``"char_wb"``.
        ngram_range: ``(n_min, n_max)``.
        index: term -> column.
        idf: the inverse document frequencies (per column).
        coef: the model's weight per column.
        intercept: its bias.
    """

    analyzer: str
    ngram_range: tuple[int, int]
    index: Mapping[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float

    def terms(self, text: str) -> list[str]:
        n_min, n_max = self.ngram_range
        if self.analyzer == "word":
            return word_ngrams(text, n_min, n_max)
        if self.analyzer == "char_wb":
            return char_wb_ngrams(text, n_min, n_max)
        raise ValueError(f"unknown analyzer {self.analyzer!r}")

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and l2-normalised TF-IDF values of ``text`` (known terms only)."""
        counts = Counter(t for t in self.terms(text) if t in self.index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        cols = np.fromiter((self.index[t] for t in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=float)
        values = tf * self.idf[cols]
        return cols, values / np.linalg.norm(values)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        out = np.full(len(texts), self.intercept)
        for i, text in enumerate(texts):
            cols, values = self.vector(text)
            out[i] += float(values @ self.coef[cols])
        return out


_NUMBER = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    r"\b(?:percent|million|billion|trillion|thousand|hundred|half|twice|double|triple|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|dozen)\b",
    re.I,
)
_MONEY = re.compile(r"[$€£]|\bdollars?\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|I'm|I've|I'd|I'll)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|we're|we've|we'll)\b", re.I)
_SECOND = re.compile(r"\b(?:you|your|yours|you're|you've)\b", re.I)
_MODAL = re.compile(
    r"\b(?:will|would|should|could|might|may|must|can|going to|gonna|want|hope|"
    r"need|let's|ought)\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:think|believe|feel|maybe|perhaps|probably|guess|seem|seems|opinion|"
    r"frankly|honestly|thank|thanks|great|wonderful|terrible)\b",
    re.I,
)
_COMPARE = re.compile(
    r"\b(?:more|less|fewer|than|most|least|increase\w*|decrease\w*|"
    r"cut|cuts|raised?|lowest|highest|largest|biggest)\b",
    re.I,
)
_PAST_FACT = re.compile(r"\b(?:voted|passed|signed|was|were|has|have|had|did|said)\b", re.I)
_WORD = re.compile(r"\w+")
_CAPITAL = re.compile(r"[A-Z]")

#: Names of :func:`cue_features`' columns, in order.
CUE_NAMES = (
    "log_words",
    "digits",
    "number_words",
    "money",
    "year",
    "capitalised",
    "first_singular",
    "first_plural",
    "second_person",
    "modal",
    "hedge",
    "comparative",
    "past_or_perfect",
    "question",
    "exclamation",
)


def cue_features(text: str) -> np.ndarray:
    """Surface cues of a checkable statement, one float per :data:`CUE_NAMES` entry:
    numbers, money, years, names (capitalised words past the first), comparisons and
    past events make a claim checkable; first/second person, modals, hedges and
    questions mark opinion, plans and talk about the debate itself."""
    tokens = _WORD.findall(text)
    words = len(tokens)
    # Capitalised words past the first: names of people, places, laws, agencies.
    capitalised = sum(1 for t in tokens[1:] if _CAPITAL.match(t) and t not in ("I",))
    stripped = text.rstrip()
    counts = (
        math.log1p(words),
        min(len(_NUMBER.findall(text)), 6) / 2,
        len(_NUMBER_WORD.findall(text)),
        len(_MONEY.findall(text)),
        len(_YEAR.findall(text)),
        min(capitalised, 6) / 2,
        len(_FIRST_SINGULAR.findall(text)),
        len(_FIRST_PLURAL.findall(text)),
        len(_SECOND.findall(text)),
        len(_MODAL.findall(text)),
        len(_HEDGE.findall(text)),
        len(_COMPARE.findall(text)),
        len(_PAST_FACT.findall(text)),
        float(stripped.endswith("?")),
        float(stripped.endswith("!")),
    )
    return np.asarray(counts, dtype=float)
