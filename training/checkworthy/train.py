"""Fit, cross-validate and export the check-worthiness model.

Recipe (every choice is made on train+dev by grouped cross-validation, never on
dev-test, which is scored once at the end):

1. five views of each sentence (see :mod:`spinscope.checkworthy.model`); a linear
   view's ``C`` is picked from a small grid by out-of-fold log-loss (the grids were
   narrowed to the region the first full runs chose, to keep training short);
2. out-of-fold logits of the views (folds hold out whole id blocks, i.e. debates)
   train the meta logistic regression, whose output is the calibrated probability;
3. the threshold maximises F1 of ``Yes`` on the meta model's out-of-fold probabilities;
4. the dev figure is the meta model's out-of-fold prediction on the dev sentences (never
   seen by the models that scored them); the shipped model is fit on train+dev and
   scored once on dev-test, through the runtime code (numpy only).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, log_loss, precision_score, recall_score
from sklearn.model_selection import GroupKFold
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

from spinscope.checkworthy.features import CUE_NAMES, cue_features
from spinscope.checkworthy.model import MODEL_NAME, VIEWS, CheckworthyModel
from training.checkworthy.card import write_card
from training.checkworthy.data import ID_BLOCK, Split, embed, load_split
from training.options import option

TFIDF = {
    "word": {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "max_features": 40000},
    "char": {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 3, "max_features": 60000},
}
GRID = {
    "word": (3.0, 10.0),
    "char": (3.0,),
    "embedding": (0.01, 0.03),
    "mlp": (1e-3,),
    "cues": (1.0,),
}
#: The perceptron view: hidden units; early stopping on a 10 % validation split.
MLP_HIDDEN = 128


@dataclass(kw_only=True)
class TrainConfig:
    data: Path = option(Path("../shared/data/checkworthy"), help="CT24 task 1 English TSVs")
    out: Path = option(Path("src/spinscope/models/checkworthy-v1"), help="artifact folder")
    cache: Path = option(
        Path("build/checkworthy/embeddings.npz"), help="sentence vectors cache (.npz)"
    )
    folds: int = option(5, help="cross-validation folds (grouped by id block)")
    threads: int = option(1, help="onnxruntime threads for the sentence encoder")


@dataclass
class Data:
    texts: list[str]
    vectors: np.ndarray
    cues: np.ndarray
    y: np.ndarray
    groups: np.ndarray

    def take(self, idx: np.ndarray) -> Data:
        return Data(
            [self.texts[i] for i in idx], self.vectors[idx], self.cues[idx], self.y[idx],
            self.groups[idx],
        )  # fmt: skip


def make_data(splits: Sequence[Split], cache: Path, threads: int) -> Data:
    texts = [t for s in splits for t in s.texts]
    return Data(
        texts,
        embed(texts, cache, threads=threads),
        np.vstack([cue_features(t) for t in texts]),
        np.concatenate([s.y for s in splits]),
        np.concatenate([s.groups for s in splits]),
    )


@dataclass
class View:
    """One view fitted on some data: its transform and logistic regression."""

    name: str
    transform: Callable[[Data], Any]
    lr: Any
    state: dict[str, Any] = field(default_factory=dict)

    def logits(self, d: Data) -> np.ndarray:
        return _logit(self.lr, self.transform(d))


def featurizer(name: str, d: Data) -> tuple[Callable[[Data], Any], dict[str, Any]]:
    """The view's transform, fit on ``d`` (no labels: TF-IDF vocabulary and idf, or the
    standardisation), and what the export needs of it."""
    if name in TFIDF:
        vec = TfidfVectorizer(lowercase=True, sublinear_tf=True, dtype=np.float64, **TFIDF[name])
        vec.fit(d.texts)
        return (lambda x: vec.transform(x.texts)), {"vectorizer": vec}
    column = "cues" if name == "cues" else "vectors"
    scaler = StandardScaler().fit(getattr(d, column))
    return (lambda x: scaler.transform(getattr(x, column))), {"scaler": scaler}


def _model(name: str, c: float) -> Any:
    if name == "mlp":
        # ``c`` is the L2 penalty here.
        return MLPClassifier(
            (MLP_HIDDEN,),
            alpha=c,
            early_stopping=True,
            n_iter_no_change=5,
            max_iter=60,
            random_state=0,
        )
    solver = "liblinear" if name in TFIDF else "lbfgs"
    return LogisticRegression(C=c, max_iter=3000, solver=solver)


def _logit(model: Any, x: Any) -> np.ndarray:
    if isinstance(model, MLPClassifier):
        # The output unit's input, as the run-time code computes it (relu hidden layer).
        hidden = np.maximum(x @ model.coefs_[0] + model.intercepts_[0], 0.0)
        return np.asarray(hidden @ model.coefs_[1][:, 0] + model.intercepts_[1][0])
    return np.asarray(model.decision_function(x))


def fit_view(name: str, d: Data, c: float) -> View:
    transform, state = featurizer(name, d)
    return View(name, transform, _model(name, c).fit(transform(d), d.y), state)


def oof_logits(name: str, x: Any, d: Data, c: float, folds: int) -> np.ndarray:
    """Out-of-fold logits of the view ``name`` on its features ``x`` of ``d``.

    The unsupervised part of a view (vocabulary, idf, scaling) is fit once on all of
    ``d``; only the supervised part is refit per fold (no label crosses a fold)."""
    out = np.zeros(len(d.y))
    for tr, te in GroupKFold(folds).split(d.texts, d.y, d.groups):
        out[te] = _logit(_model(name, c).fit(x[tr], d.y[tr]), x[te])
    return out


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The probability cut with the best F1 of the positive class (ties: the lowest)."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [f1_score(y, p >= t) for t in grid]
    return float(grid[int(np.argmax(scores))])


def scores(y: np.ndarray, yes: np.ndarray) -> dict[str, float]:
    return {
        "f1": round(float(f1_score(y, yes)), 4),
        "precision": round(float(precision_score(y, yes, zero_division=0)), 4),
        "recall": round(float(recall_score(y, yes)), 4),
        "accuracy": round(float(np.mean(y == yes)), 4),
    }


@dataclass
class Fitted:
    views: dict[str, View]
    meta: LogisticRegression
    threshold: float
    cs: dict[str, float]
    cv: dict[str, Any]


def fit_recipe(d: Data, folds: int, log: Callable[[str], None]) -> Fitted:
    """The whole recipe on ``d``: C per view by grouped CV, the meta model on
    out-of-fold logits, the threshold, and the CV figures."""
    oof: dict[str, np.ndarray] = {}
    cs: dict[str, float] = {}
    per_view: dict[str, dict[str, float]] = {}
    for name in VIEWS:
        best = None
        transform, _ = featurizer(name, d)
        x = transform(d)
        for c in GRID[name]:
            t0 = time.time()
            z = oof_logits(name, x, d, c, folds)
            loss = log_loss(d.y, 1 / (1 + np.exp(-z)))
            log(f"  {name} C={c}: oof log-loss {loss:.4f} ({time.time() - t0:.0f} s)")
            if best is None or loss < best[0]:
                best = (loss, c, z)
        assert best is not None
        _, cs[name], oof[name] = best
        p = 1 / (1 + np.exp(-oof[name]))
        per_view[name] = {"C": cs[name], **scores(d.y, p >= best_threshold(d.y, p))}
        log(f"{name}: C={cs[name]} CV {per_view[name]}")
    z = np.column_stack([oof[v] for v in VIEWS])
    # The meta model's own out-of-fold probabilities give the CV figures and threshold.
    p = np.zeros(len(d.y))
    for tr, te in GroupKFold(folds).split(z, d.y, d.groups):
        p[te] = LogisticRegression(C=1.0).fit(z[tr], d.y[tr]).predict_proba(z[te])[:, 1]
    threshold = best_threshold(d.y, p)
    fold_f1 = [
        float(f1_score(d.y[te], p[te] >= threshold))
        for _, te in GroupKFold(folds).split(z, d.y, d.groups)
    ]
    cv = {
        "folds": folds,
        "grouping": f"Sentence_id // {ID_BLOCK} (debates in time order)",
        "threshold": threshold,
        **scores(d.y, p >= threshold),
        "f1_fold_mean": round(float(np.mean(fold_f1)), 4),
        "f1_fold_sd": round(float(np.std(fold_f1)), 4),
        "f1_at_0.5": round(float(f1_score(d.y, p >= 0.5)), 4),
        "log_loss": round(float(log_loss(d.y, p)), 4),
        "views": per_view,
    }
    log(f"stack: CV {cv}")
    cv["_oof_probability"] = p
    views = {name: fit_view(name, d, cs[name]) for name in VIEWS}
    meta = LogisticRegression(C=1.0).fit(z, d.y)
    return Fitted(views, meta, threshold, cs, cv)


def predict(f: Fitted, d: Data) -> np.ndarray:
    z = np.column_stack([f.views[v].logits(d) for v in VIEWS])
    return np.asarray(f.meta.predict_proba(z)[:, 1])


def _terms_bytes(vec: TfidfVectorizer) -> np.ndarray:
    terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    if any("\n" in t for t in terms):
        raise ValueError("a term holds a newline: the artifact joins terms with newlines")
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def export(f: Fitted, out: Path, metrics: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    views_cfg: dict[str, Any] = {}
    for name, view in f.views.items():
        if name == "mlp":
            mlp, scaler = view.lr, view.state["scaler"]
            arrays.update(
                mlp_mean=scaler.mean_.astype(np.float32),
                mlp_scale=scaler.scale_.astype(np.float32),
                mlp_w1=mlp.coefs_[0].astype(np.float32),
                mlp_b1=mlp.intercepts_[0].astype(np.float32),
                mlp_w2=mlp.coefs_[1][:, 0].astype(np.float32),
            )
            views_cfg[name] = {
                "alpha": f.cs[name],
                "hidden": MLP_HIDDEN,
                "intercept": float(mlp.intercepts_[1][0]),
            }
            continue
        coef = view.lr.coef_[0]
        cfg: dict[str, Any] = {"C": f.cs[name], "intercept": float(view.lr.intercept_[0])}
        if name in TFIDF:
            vec = view.state["vectorizer"]
            arrays[f"{name}_terms"] = _terms_bytes(vec)
            arrays[f"{name}_idf"] = vec.idf_.astype(np.float32)
            cfg.update(
                analyzer=TFIDF[name]["analyzer"],
                ngram_range=list(TFIDF[name]["ngram_range"]),
                min_df=TFIDF[name]["min_df"],
                terms=len(vec.vocabulary_),
            )
        else:
            scaler = view.state["scaler"]
            arrays[f"{name}_mean"] = scaler.mean_.astype(np.float32)
            arrays[f"{name}_scale"] = scaler.scale_.astype(np.float32)
            if name == "cues":
                cfg["features"] = list(CUE_NAMES)
        arrays[f"{name}_coef"] = coef.astype(np.float32)
        views_cfg[name] = cfg
    config = {
        "name": MODEL_NAME,
        "threshold": f.threshold,
        "views": views_cfg,
        "meta": {
            "coef": {v: float(c) for v, c in zip(VIEWS, f.meta.coef_[0], strict=True)},
            "intercept": float(f.meta.intercept_[0]),
        },
        "encoder": "minilm-l6-v2",
        "metrics": metrics,
    }
    np.savez_compressed(out / "weights.npz", **arrays)  # type: ignore[arg-type]
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def train(cfg: TrainConfig) -> dict[str, Any]:
    def log(msg: str) -> None:
        print(msg, flush=True)

    splits = {s: load_split(cfg.data, s) for s in ("train", "dev", "dev-test")}
    everything = make_data(list(splits.values()), cfg.cache, cfg.threads)
    n_train, n_dev = len(splits["train"].y), len(splits["dev"].y)
    idx = np.arange(len(everything.y))
    dev_d = everything.take(idx[n_train : n_train + n_dev])
    trdev_d = everything.take(idx[: n_train + n_dev])
    devtest_d = everything.take(idx[n_train + n_dev :])

    log("== train+dev (shipped)")
    fitted = fit_recipe(trdev_d, cfg.folds, log)
    oof = fitted.cv.pop("_oof_probability")
    dev = scores(dev_d.y, oof[n_train:] >= fitted.threshold)
    log(f"dev (out-of-fold): {dev}")
    metrics: dict[str, Any] = {"cv_train_dev": fitted.cv, "dev_out_of_fold": dev}
    export(fitted, cfg.out, metrics)

    # Dev-test once, through the runtime code; it must agree with scikit-learn.
    model = CheckworthyModel.load(cfg.out)
    ref = predict(fitted, devtest_d)
    runtime = model.predict_proba(splits["dev-test"].texts)
    gap = float(np.max(np.abs(ref - runtime)))
    log(f"runtime vs scikit-learn on dev-test: max |dp| = {gap:.2e}")
    metrics["dev_test"] = scores(devtest_d.y, runtime >= model.threshold)
    metrics["runtime_max_abs_diff"] = float(f"{gap:.2e}")
    metrics["sizes"] = {s: len(v.y) for s, v in splits.items()}
    log(f"dev-test: {metrics['dev_test']}")
    export(fitted, cfg.out, metrics)
    write_card(cfg.out, metrics, asdict(cfg))
    return metrics
