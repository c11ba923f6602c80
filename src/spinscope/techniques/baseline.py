"""TF-IDF + logistic-regression baselines for SemEval-2020 Task 11 (research only).

* :class:`TCBaseline` labels a given span with one of the techniques from TF-IDF of
  the span (word 1-2 grams, char 2-5 grams), TF-IDF of its context (the rest of its
  line: PTC has one sentence a line) and a few dense cues (length, how often the span's
  text recurs in the article, punctuation), with a class-balanced multinomial logistic
  regression.
* :class:`SIBaseline` flags whole lines (sentences) that contain propaganda and
  predicts each flagged line as one span: cheap, recall-heavy.
* :class:`TechniquesBaseline` chains the two (SI then TC) to analyse raw text, and
  pickles to one file.

Needs the ``train`` extra (scikit-learn, scipy); those are imported inside functions so
that importing this module stays cheap. Never imported by ``spinscope analyze``.
"""

from __future__ import annotations

import math
import pickle
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spinscope.techniques.semeval import (
    PTC,
    PTC_TECHNIQUES,
    SpanPair,
    TCRow,
    fold_splits,
    score_si,
    score_tc,
)

__all__ = [
    "FORMAT",
    "CVResult",
    "SIBaseline",
    "SpanItem",
    "TCBaseline",
    "TechniquesBaseline",
    "cross_validate",
    "line_spans",
    "train",
]

#: Pickle header of a saved :class:`TechniquesBaseline`.
FORMAT = "spinscope.techniques-baseline/1"

#: One span to classify: ``(article text, start, end)``.
SpanItem = tuple[str, int, int]

_WORD = re.compile(r"\w+")


def _one_thread() -> Any:
    """Limit BLAS/OpenMP to one thread (the training box is shared: n_jobs=1 in spirit)."""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    return threadpool_limits(limits=1)


def line_spans(text: str) -> list[SpanPair]:
    """``(start, end)`` of every non-blank line, surrounding whitespace excluded."""
    out: list[SpanPair] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _context(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return f"{text[left:start]} || {text[end:right]}"


def _dense(text: str, start: int, end: int) -> list[float]:
    span = text[start:end]
    words = _WORD.findall(span)
    occurrences = text.lower().count(span.lower()) if span.strip() else 0
    upper = sum(c.isupper() for c in span) / max(1, sum(c.isalpha() for c in span))
    return [
        math.log1p(len(span)) / 6,
        math.log1p(len(words)) / 4,
        math.log1p(max(0, occurrences - 1)),
        float(occurrences > 1),
        float(text.rfind("\n", 0, start) < 0),  # in the title line
        float("!" in span),
        float("?" in span or "?" in _context(text, start, end)),
        float(any(q in span for q in '"“”')),
        upper,
    ]


@dataclass
class TCBaseline:
    """Technique classifier for given spans (TF-IDF + logistic regression).

    Args:
        c: inverse regularisation strength of the logistic regression.
        max_iter: solver iterations.
    """

    c: float = 4.0
    max_iter: int = 3000
    _vectorizers: list[Any] = field(default_factory=list, repr=False)
    _model: Any = field(default=None, repr=False)

    def _features(self, items: Sequence[SpanItem], fit: bool) -> Any:
        import numpy as np
        from scipy import sparse  # type: ignore[import-untyped]

        spans = [text[s:e] for text, s, e in items]
        contexts = [_context(text, s, e) for text, s, e in items]
        if fit:
            from sklearn.feature_extraction.text import TfidfVectorizer

            rare = 2 if len(items) >= 100 else 1  # tiny corpora keep every n-gram
            self._vectorizers = [
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=rare
                ),
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=rare),
            ]
        inputs = [spans, spans, contexts]
        blocks = [
            (v.fit_transform(x) if fit else v.transform(x))
            for v, x in zip(self._vectorizers, inputs, strict=True)
        ]
        # The context block is down-weighted: the span itself says most.
        blocks[2] = blocks[2] * 0.5
        dense = sparse.csr_matrix(np.array([_dense(*item) for item in items], dtype=np.float64))
        return sparse.hstack([*blocks, dense], format="csr")

    def fit(self, items: Sequence[SpanItem], labels: Sequence[str]) -> TCBaseline:
        """Fit on spans and their gold techniques."""
        from sklearn.linear_model import LogisticRegression

        if not items:
            raise ValueError("no training spans")
        x = self._features(items, fit=True)
        model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=self.max_iter)
        with _one_thread():
            self._model = model.fit(x, list(labels))
        return self

    @property
    def classes(self) -> list[str]:
        """The techniques the model knows, in probability-column order."""
        if self._model is None:
            raise RuntimeError("TCBaseline is not fitted")
        return [str(c) for c in self._model.classes_]

    def predict(self, items: Sequence[SpanItem]) -> list[tuple[str, float]]:
        """The most probable technique of each span, with its probability."""
        if self._model is None:
            raise RuntimeError("TCBaseline is not fitted")
        if not items:
            return []
        proba = self._model.predict_proba(self._features(items, fit=False))
        best = proba.argmax(axis=1)
        classes = self.classes
        return [(classes[j], float(proba[i, j])) for i, j in enumerate(best)]


@dataclass
class SIBaseline:
    """Sentence-level span identifier: flags lines likely to contain a technique.

    Args:
        c: inverse regularisation strength.
        threshold: probability above which a line is predicted as one span.
    """

    c: float = 1.0
    threshold: float = 0.5
    _vectorizers: list[Any] = field(default_factory=list, repr=False)
    _model: Any = field(default=None, repr=False)

    def _features(self, lines: Sequence[str], fit: bool) -> Any:
        from scipy import sparse

        if fit:
            from sklearn.feature_extraction.text import TfidfVectorizer

            big = len(lines) >= 100  # tiny corpora keep every n-gram
            self._vectorizers = [
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2 if big else 1),
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 4),
                    sublinear_tf=True,
                    min_df=3 if big else 1,
                ),
            ]
        blocks = [
            (v.fit_transform(lines) if fit else v.transform(lines)) for v in self._vectorizers
        ]
        return sparse.hstack(blocks, format="csr")

    def fit(
        self, articles: Mapping[str, str], gold: Mapping[str, Sequence[SpanPair]]
    ) -> SIBaseline:
        """Fit on the lines of ``articles`` (label: the line overlaps a gold span)."""
        from sklearn.linear_model import LogisticRegression

        lines: list[str] = []
        labels: list[int] = []
        for aid, spans in gold.items():
            text = articles[aid]
            for s, e in line_spans(text):
                lines.append(text[s:e])
                labels.append(int(any(gs < e and s < ge for gs, ge in spans)))
        if len(set(labels)) < 2:
            raise ValueError("SI training needs lines with and without propaganda")
        x = self._features(lines, fit=True)
        model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=2000)
        with _one_thread():
            self._model = model.fit(x, labels)
        return self

    def predict(self, text: str) -> list[tuple[int, int, float]]:
        """Predicted ``(start, end, probability)`` spans of ``text`` (whole lines)."""
        if self._model is None:
            raise RuntimeError("SIBaseline is not fitted")
        spans = line_spans(text)
        if not spans:
            return []
        proba = self._model.predict_proba(self._features([text[s:e] for s, e in spans], False))
        return [
            (s, e, float(p))
            for (s, e), p in zip(spans, proba[:, 1], strict=True)
            if p >= self.threshold
        ]


@dataclass
class TechniquesBaseline:
    """SI + TC baselines together; ``analyze`` finds and labels spans in raw text."""

    tc: TCBaseline
    si: SIBaseline | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def classify_spans(self, text: str, spans: Sequence[SpanPair]) -> list[tuple[str, float]]:
        """Label given spans of ``text``: ``(technique, probability)`` each."""
        return self.tc.predict([(text, s, e) for s, e in spans])

    def analyze(self, text: str) -> list[tuple[int, int, str, float]]:
        """``(start, end, technique, probability)`` for each span the SI baseline finds."""
        if self.si is None:
            raise RuntimeError("this baseline was trained without an SI model")
        found = self.si.predict(text)
        labels = self.classify_spans(text, [(s, e) for s, e, _ in found])
        return [(s, e, t, p) for (s, e, _), (t, p) in zip(found, labels, strict=True)]

    def save(self, path: str | Path) -> None:
        """Pickle to ``path`` (created with its parent folders)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            pickle.dump({"format": FORMAT, "model": self}, handle, protocol=5)

    @classmethod
    def load(cls, path: str | Path) -> TechniquesBaseline:
        """Load a file written by :meth:`save` (pickle: only load files you trust).

        Raises:
            ValueError: the file is not a saved baseline.
        """
        with Path(path).open("rb") as handle:
            payload = pickle.load(handle)  # our own research artifact
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise ValueError(f"{path} is not a {FORMAT} file")
        model = payload["model"]
        if not isinstance(model, cls):
            raise ValueError(f"{path} holds {type(model).__name__}, not {cls.__name__}")
        return model


def _tc_items(
    articles: Mapping[str, str], tc: Mapping[str, Sequence[TCRow]], ids: Sequence[str]
) -> tuple[list[SpanItem], list[str]]:
    items: list[SpanItem] = []
    labels: list[str] = []
    for aid in ids:
        for technique, s, e in tc.get(aid, []):
            items.append((articles[aid], s, e))
            labels.append(technique)
    return items, labels


def train(
    ptc: PTC,
    ids: Sequence[str] | None = None,
    *,
    with_si: bool = True,
    tc_c: float = 4.0,
    si_c: float = 1.0,
) -> TechniquesBaseline:
    """Train the baselines on the labelled articles ``ids`` (default: all) of ``ptc``."""
    chosen = list(ids) if ids is not None else ptc.ids
    items, labels = _tc_items(ptc.articles, ptc.tc, chosen)
    tc = TCBaseline(c=tc_c).fit(items, labels)
    si = None
    if with_si:
        si = SIBaseline(c=si_c).fit(ptc.articles, {aid: ptc.si.get(aid, []) for aid in chosen})
    return TechniquesBaseline(tc, si, {"n_articles": len(chosen), "n_spans": len(items)})


@dataclass(frozen=True)
class CVResult:
    """Per-fold and mean scores of :func:`cross_validate`.

    Attributes:
        folds: one dict per fold: ``tc_micro_f1``, ``tc_macro_f1`` and, with SI,
            ``si_precision``, ``si_recall``, ``si_f1``; plus ``n_test_articles``.
        per_technique_f1: technique -> F1 over the pooled out-of-fold predictions.
    """

    folds: list[dict[str, float]]
    per_technique_f1: dict[str, float]

    def mean(self, key: str) -> float:
        return statistics.fmean(f[key] for f in self.folds)

    def std(self, key: str) -> float:
        return statistics.pstdev(f[key] for f in self.folds)

    def to_dict(self) -> dict[str, Any]:
        keys = [k for k in self.folds[0] if k != "n_test_articles"] if self.folds else []
        return {
            "folds": self.folds,
            "mean": {k: self.mean(k) for k in keys},
            "std": {k: self.std(k) for k in keys},
            "per_technique_f1_pooled": self.per_technique_f1,
        }


def cross_validate(
    ptc: PTC,
    *,
    k: int = 5,
    seed: int = 13,
    with_si: bool = True,
    tc_c: float = 4.0,
    si_c: float = 1.0,
) -> CVResult:
    """Article-level k-fold CV (the shared :func:`~spinscope.techniques.semeval.folds`).

    TC is scored on the gold spans of each test fold (the official template setting);
    SI on the lines the SI baseline flags.
    """
    results: list[dict[str, float]] = []
    pooled_gold: dict[str, list[TCRow]] = {}
    pooled_pred: dict[str, list[TCRow]] = {}
    for train_ids, test_ids in fold_splits(ptc.ids, k, seed):
        model = train(ptc, train_ids, with_si=with_si, tc_c=tc_c, si_c=si_c)
        gold = {aid: ptc.tc.get(aid, []) for aid in test_ids}
        items, _ = _tc_items(ptc.articles, gold, test_ids)
        labels = iter(model.tc.predict(items))
        pred = {aid: [(next(labels)[0], s, e) for _, s, e in rows] for aid, rows in gold.items()}
        score = score_tc(gold, pred, techniques=PTC_TECHNIQUES)
        row = {
            "n_test_articles": float(len(test_ids)),
            "tc_micro_f1": score.micro.f1,
            "tc_macro_f1": score.macro_f1,
        }
        pooled_gold.update(gold)
        pooled_pred.update(pred)
        if with_si and model.si is not None:
            si_pred = {
                aid: [(s, e) for s, e, _ in model.si.predict(ptc.articles[aid])] for aid in test_ids
            }
            si = score_si({aid: ptc.si.get(aid, []) for aid in test_ids}, si_pred)
            row |= {"si_precision": si.precision, "si_recall": si.recall, "si_f1": si.f1}
        results.append(row)
    pooled = score_tc(pooled_gold, pooled_pred, techniques=PTC_TECHNIQUES)
    return CVResult(results, {t: v.f1 for t, v in pooled.per_technique.items()})
