"""Fit the same-claim model (:mod:`spinscope.factchecks.sameclaim`) on the annotated
sentence/fact-check pairs of ``bench/devsets/claim-matches.jsonl``.

How the set was made: every sentence of 569 real articles (the sample article, FakeNewsNet
v1 texts of 80 words or more, PTC's unlabelled articles; 16,213 sentences that
``claims.v1`` would query) was searched in a knowledge base of EUvsDisinfo (cases and
index), Snopes, LIAR and CheckThat! 2020 verified claims (46,010 fact-checks), and its
top-ranked fact-check kept. The pairs were sampled by stratum of the embeddings' cosine
(all 18 of the sample article; 99 of 99 at 0.75 or more; 120 of 616 in [0.65, 0.75); 100 of
2,932 in [0.55, 0.65); 50 of the 1,027 below 0.55 that the re-ranker alone would have shown;
20 of the other 11,521) and labelled by two annotators, one half each, from the two texts
alone: ``same`` (the fact-check addresses the claim the sentence makes or reports),
``related`` (same topic, another assertion) or ``no``. Each pair's ``weight`` is its
stratum's size over its sample size, so that precision and recall are those of the
population of sentences.

The regularisation and the threshold are chosen on 5-fold cross-validation grouped by
article; the threshold is the lowest whose shown matches reach :data:`PRECISION`
(weighted, held-out).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from spinscope.factchecks.rerank import features
from spinscope.factchecks.retrieval import RERANK_THRESHOLD, Retriever
from spinscope.factchecks.sameclaim import FEATURES, SameClaimModel, same_claim_features
from spinscope.store import Store

PRECISION = 0.85
C_GRID = (0.1, 0.3, 1.0, 3.0)
FOLDS = 5


def article_text(shared: Path, doc: str) -> str:
    """The text an annotated ``doc`` id names (``fnn/ID``, ``ptc/STEM``, ``sample``)."""
    if doc == "sample":
        return (shared / "samples" / "white-helmets-false-flag.txt").read_text("utf-8")
    kind, name = doc.split("/", 1)
    if kind == "ptc":
        return (shared / "data" / "ptc" / "unlabeled" / f"{name}.txt").read_text("utf-8")
    site = name.split("_")[0]
    fake = "Fake" if "_Fake_" in name else "Real"
    path = shared / "data" / "corpora" / "fakenewsnet-v1" / site / f"{fake}NewsContent"
    return str(json.loads((path / f"{name}-Webpage.json").read_text("utf-8"))["text"])


def pair_features(devset: Path, kb: str, shared: Path) -> dict[str, Any]:
    """Features, labels, weights and groups of the annotated pairs, computed as the
    runtime computes them (the pair's fact-check among the sentence's candidates)."""
    rows = [json.loads(line) for line in devset.read_text("utf-8").splitlines() if line]
    texts: dict[str, str] = {}
    sentences = []
    for r in rows:
        if r["doc"] not in texts:
            texts[r["doc"]] = article_text(shared, r["doc"])
        s, e = r["sentence"]
        sentences.append(texts[r["doc"]][s:e])
    xs, ys, ws, groups, missing = [], [], [], [], 0
    rerank: list[float] = []
    with Store.open(kb) as store:
        retriever = Retriever.open(store)
        for start in range(0, len(rows), 64):
            chunk = rows[start : start + 64]
            queries = sentences[start : start + 64]
            for r, q, cands in zip(chunk, queries, retriever.candidates(queries), strict=True):
                at = [i for i, c in enumerate(cands) if c.row["id"] == r["claim_id"]]
                if not at:
                    missing += 1
                    continue
                xs.append(same_claim_features(features(q, cands))[at[0]])
                ys.append(r["label"] == "same")
                rerank.append(float(retriever.reranker.probability(features(q, cands))[at[0]]))
                ws.append(float(r["weight"]))
                groups.append(r["doc"])
    ids = {g: i for i, g in enumerate(sorted(set(groups)))}
    return {
        "X": np.asarray(xs),
        "y": np.asarray(ys, dtype=int),
        "w": np.asarray(ws),
        "g": np.asarray([ids[g] for g in groups]),
        "missing": missing,
        "rerank": rerank,
    }


def operating_point(
    score: np.ndarray, y: np.ndarray, w: np.ndarray, precision: float
) -> tuple[float, float, float, float]:
    """(threshold, weighted precision, weighted recall, weighted share shown) of the
    lowest threshold whose shown pairs reach ``precision``; threshold 1.0 when none does."""
    total = float((w * y).sum())
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        m = score >= t
        if m.sum() < 5:
            break
        p = float((w[m] * y[m]).sum() / w[m].sum())
        if p >= precision:
            return float(t), p, float((w[m] * y[m]).sum() / total), float(w[m].sum() / w.sum())
    return 1.0, float("nan"), 0.0, 0.0


def _held_out(X: np.ndarray, y: np.ndarray, w: np.ndarray, g: np.ndarray, c: float) -> np.ndarray:
    held = np.zeros(len(y))
    for tr, te in GroupKFold(FOLDS).split(X, y, g):
        scaler = StandardScaler().fit(X[tr])
        model = LogisticRegression(C=c, max_iter=5000)
        model.fit(scaler.transform(X[tr]), y[tr], sample_weight=w[tr])
        held[te] = model.predict_proba(scaler.transform(X[te]))[:, 1]
    return held


def fit(devset: Path, kb: str, out: Path, shared: Path | None = None) -> dict[str, Any]:
    default = Path(__file__).resolve().parents[3] / "shared"
    shared = shared or Path(os.environ.get("SPINSCOPE_SHARED", default))
    d = pair_features(devset, kb, shared)
    X, y, w, g = d["X"], d["y"], d["w"], d["g"]
    report: dict[str, Any] = {"pairs": len(y), "same": int(y.sum()), "missing": d["missing"]}
    best: tuple[float, float] | None = None
    for c in C_GRID:
        t, p, r, share = operating_point(_held_out(X, y, w, g, c), y, w, PRECISION)
        report[f"cv_C={c}"] = {"threshold": t, "precision": round(p, 3), "recall": round(r, 3)}
        if best is None or r > best[1]:
            best = (c, r)
    assert best is not None
    c = best[0]
    held = _held_out(X, y, w, g, c)
    t, p, r, share = operating_point(held, y, w, PRECISION)
    cosine = X[:, FEATURES.index("cosine")]
    ct, cp, cr, _ = operating_point(cosine, y, w, PRECISION)
    rerank = np.asarray(d["rerank"])
    shown_rr = rerank >= RERANK_THRESHOLD
    report |= {
        "C": c,
        "threshold": t,
        "cv_precision": round(p, 3),
        "cv_recall": round(r, 3),
        "cv_shown_share_of_pairs": round(share, 4),
        "cosine_alone": {"threshold": ct, "precision": round(cp, 3), "recall": round(cr, 3)},
        f"reranker_at_{RERANK_THRESHOLD}": {
            "precision": round(float((w * y)[shown_rr].sum() / max(w[shown_rr].sum(), 1e-12)), 3),
            "recall": round(float((w * y)[shown_rr].sum() / max((w * y).sum(), 1e-12)), 3),
        },
    }
    scaler = StandardScaler().fit(X)
    lr = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(X), y, sample_weight=w)
    model = SameClaimModel(
        FEATURES,
        scaler.mean_,
        scaler.scale_,
        lr.coef_[0],
        float(lr.intercept_[0]),
        t,
        {
            "trained_on": f"{devset.name}: {len(y)} annotated sentence/fact-check pairs "
            "of real articles, weighted to their strata",
            "C": c,
            "precision_target": PRECISION,
            "pairs_not_among_candidates": d["missing"],
            "cv_precision": report["cv_precision"],
            "cv_recall": report["cv_recall"],
        },
    )
    out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", "utf-8")
    report["coef"] = dict(zip(FEATURES, np.round(lr.coef_[0], 3).tolist(), strict=True))
    return report
