"""Fit the re-ranker (logistic regression) on CheckThat! 2020 train; choose its
regularisation and the match threshold on grouped cross-validation; score dev once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from spinscope.factchecks.rerank import FEATURES, Reranker

C_GRID = (0.01, 0.1, 1.0, 10.0)
FOLDS = 5
#: Wanted precision of a shown top-1 match (tweets whose fact-check is in the KB).
PRECISION = 0.95
#: Most of the open-world copies (fact-check absent) that may still show a match. Not
#: zero: CheckThat!'s knowledge base holds near-duplicate claims, so a tweet without its
#: own fact-check often has another that says the same, labelled wrong.
ABSENT_SHOWN = 1 / 3


def map_at(score: np.ndarray, y: np.ndarray, q: np.ndarray, n_rel: np.ndarray, k: int = 5) -> float:
    """MAP@k over every query (``n_rel[i]`` relevant claims for query i; 0 scores 0)."""
    total = 0.0
    for qi in range(len(n_rel)):
        if not n_rel[qi]:
            continue
        idx = np.flatnonzero(q == qi)
        ranked = y[idx[np.argsort(-score[idx], kind="stable")]][:k]
        hits = np.cumsum(ranked)
        total += float(np.sum(ranked * hits / np.arange(1, len(ranked) + 1))) / n_rel[qi]
    return total / len(n_rel)


def top1(score: np.ndarray, y: np.ndarray, q: np.ndarray, nq: int) -> tuple[np.ndarray, np.ndarray]:
    """Per query: the top candidate's score and whether it is relevant (-1, 0 if none)."""
    best, good = np.full(nq, -1.0), np.zeros(nq, dtype=bool)
    for qi in range(nq):
        idx = np.flatnonzero(q == qi)
        if len(idx):
            j = idx[np.argmax(score[idx])]
            best[qi], good[qi] = score[j], bool(y[j])
    return best, good


def threshold_for(best: np.ndarray, good: np.ndarray, precision: float) -> float:
    """The lowest threshold whose shown top-1 matches reach ``precision``."""
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        shown = best >= t
        if shown.any() and good[shown].mean() >= precision:
            return float(t)
    return 1.0


def calibration(p: np.ndarray, y: np.ndarray, bins: int = 10) -> dict[str, Any]:
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges) - 1, 0, bins - 1)
    ece, table = 0.0, []
    for b in range(bins):
        m = which == b
        if m.any():
            ece += m.mean() * abs(p[m].mean() - y[m].mean())
            table.append([round(float(p[m].mean()), 3), round(float(y[m].mean()), 3), int(m.sum())])
    return {"ece": round(float(ece), 4), "bins": table}


def _model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000)


def _with_absent(d: Any, split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A split's candidates plus its open-world copies (the tweets whose fact-check is
    not in the knowledge base: queries ``nq + i``, every candidate wrong)."""
    X, y, q, n = d[f"{split}_X"], d[f"{split}_y"], d[f"{split}_q"], d[f"{split}_n"]
    ax, aq = d[f"{split}_absent_X"], d[f"{split}_absent_q"]
    return (
        np.concatenate([X, ax]),
        np.concatenate([y, np.zeros(len(ax), dtype=y.dtype)]),
        np.concatenate([q, aq]),
        n,
    )


def fit(npz: Path, out: Path) -> dict[str, Any]:
    d = np.load(npz)
    # MAP counts the tweets (queries < nq); the threshold also sees their open-world
    # copies, where any match shown is wrong.
    X, y, q, n = _with_absent(d, "train")
    nq = len(n)
    report: dict[str, Any] = {"features": list(FEATURES)}
    for name, col in (("cosine", 0), ("bm25", 4)):
        report[f"train_map5_{name}_only"] = round(map_at(X[:, col], y, q, n), 4)
    cv: dict[float, np.ndarray] = {}
    for c in C_GRID:
        held = np.zeros(len(y))
        for tr, te in GroupKFold(FOLDS).split(X, y, q % nq):
            scaler = StandardScaler().fit(X[tr])
            held[te] = (
                _model(c)
                .fit(scaler.transform(X[tr]), y[tr])
                .predict_proba(scaler.transform(X[te]))[:, 1]
            )
        cv[c] = held
        report[f"cv_map5_C={c}"] = round(map_at(held, y, q, n), 4)
    best_c = max(C_GRID, key=lambda c: (map_at(cv[c], y, q, n), -c))
    held = cv[best_c]
    b, g = top1(held, y, q, 2 * nq)
    threshold = threshold_for(b[:nq], g[:nq], PRECISION)
    while threshold < 1.0 and (b[nq:] >= threshold).mean() > ABSENT_SHOWN:
        threshold = round(threshold + 0.01, 2)
    report |= {
        "C": best_c,
        "cv_calibration": calibration(held, y),
        "threshold": threshold,
        "cv_top1_precision": round(float(g[:nq][b[:nq] >= threshold].mean()), 4),
        "cv_top1_share": round(float((b[:nq] >= threshold).mean()), 4),
        "cv_absent_shown": round(float((b[nq:] >= threshold).mean()), 4),
    }
    scaler = StandardScaler().fit(X)
    lr = _model(best_c).fit(scaler.transform(X), y)
    report |= {"cv_ece": report["cv_calibration"]["ece"]}
    model = Reranker(
        FEATURES,
        scaler.mean_,
        scaler.scale_,
        lr.coef_[0],
        float(lr.intercept_[0]),
        {
            "trained_on": "CheckThat! 2020 task 2 train (800 tweets), candidates of "
            "spinscope.factchecks.retrieval (SQLite FTS5 bm25 + all-MiniLM-L6-v2)",
            "C": best_c,
            "cv_map5": report[f"cv_map5_C={best_c}"],
            "threshold": threshold,
            "cv_top1_precision": report["cv_top1_precision"],
            "cv_top1_share": report["cv_top1_share"],
            "cv_absent_shown": report["cv_absent_shown"],
            "cv_ece": report["cv_ece"],
            "open_world": "trained with each tweet also as if its fact-check were absent",
        },
    )
    out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", "utf-8")
    # Dev, once, with the final model.
    Xd, yd, qd, nd = _with_absent(d, "dev")
    pd = model.probability(Xd)
    bd, gd = top1(pd, yd, qd, 2 * len(nd))
    report |= {
        "dev_map5": round(map_at(pd, yd, qd, nd), 4),
        "dev_map1": round(map_at(pd, yd, qd, nd, 1), 4),
        "dev_map5_cosine_only": round(map_at(Xd[:, 0], yd, qd, nd), 4),
        "dev_map5_bm25_only": round(map_at(Xd[:, 4], yd, qd, nd), 4),
        "dev_calibration": calibration(pd, yd),
        "dev_top1_precision": round(float(gd[: len(nd)][bd[: len(nd)] >= threshold].mean()), 4),
        "dev_top1_share": round(float((bd[: len(nd)] >= threshold).mean()), 4),
        "dev_absent_shown": round(float((bd[len(nd) :] >= threshold).mean()), 4),
        "coef": dict(zip(FEATURES, np.round(lr.coef_[0], 3).tolist(), strict=True)),
    }
    return report
