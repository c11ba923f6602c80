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

Two more sets are read with it. ``claim-matches-shown.jsonl``: every match the model
showed (up to 3 per text) on PTC's 371 labelled articles and on FakeNewsNet v2's PolitiFact
fake-news titles, labelled the same way (weight 1: the whole stratum).
``claim-matches-ptc.jsonl``: the pairs just below the threshold on the same PTC articles
(each candidate sentence's top 3 by the model's score, those not shown): all 43 scored in
[0.55, 0.69), all 69 in [0.40, 0.55) with cosine 0.6 or more, 50 of the 135 in [0.30, 0.40)
and 60 of the 2,815 below 0.30 with cosine 0.6 or more, labelled blind to the score.

The regularisation and the threshold are chosen on 5-fold cross-validation grouped by
article, over all sets; the threshold is the lowest whose shown matches reach
:data:`PRECISION` (weighted, held-out). Precision and recall are also reported per
population (:func:`population`), as one set's sentences differ from another's.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from spinscope.factchecks.importers.liar import is_topic
from spinscope.factchecks.rerank import FEATURES as RERANK_FEATURES
from spinscope.factchecks.rerank import content_words, features
from spinscope.factchecks.retrieval import RERANK_THRESHOLD, Retriever
from spinscope.factchecks.sameclaim import FEATURES, SameClaimModel
from spinscope.store import Store

PRECISION = 0.85
C_GRID = (0.1, 0.3, 1.0, 3.0)
FOLDS = 5

#: The annotated sets read by default, relative to the repository root.
DEVSETS = (
    "bench/devsets/claim-matches.jsonl",
    "bench/devsets/claim-matches-shown.jsonl",
    "bench/devsets/claim-matches-ptc.jsonl",
)

_FNN2_TITLES = Path("data/corpora/fakenewsnet-v1/fakenewsnet_v2_partial/politifact_fake.csv")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


def population(doc: str) -> str:
    """Which population an annotated ``doc`` id was drawn from: its sentences (and how
    often their claims are checked) differ, so precision is reported for each."""
    kind = doc.split("/", 1)[0]
    return {"fnn2-title": "fake-news titles", "ptc-articles": "PTC labelled"}.get(
        kind, "claim-matches"
    )


@cache
def _fnn2_titles(path: Path) -> dict[str, str]:
    """FakeNewsNet v2 PolitiFact fake news: id → title (stripped, as they were searched)."""
    csv.field_size_limit(10**8)
    with path.open(newline="", encoding="utf-8") as f:
        return {r["id"]: (r["title"] or "").strip() for r in csv.DictReader(f)}


def article_text(shared: Path, doc: str) -> str:
    """The text an annotated ``doc`` id names (``fnn/ID``, ``ptc/STEM`` unlabelled,
    ``ptc-articles/STEM`` labelled, ``fnn2-title/ID``, ``sample``)."""
    if doc == "sample":
        return (shared / "samples" / "white-helmets-false-flag.txt").read_text("utf-8")
    kind, name = doc.split("/", 1)
    if kind == "ptc":
        return (shared / "data" / "ptc" / "unlabeled" / f"{name}.txt").read_text("utf-8")
    if kind == "ptc-articles":
        return (shared / "data" / "ptc" / "articles" / f"{name}.txt").read_text("utf-8")
    if kind == "fnn2-title":
        return _fnn2_titles(shared / _FNN2_TITLES)[name]
    site = name.split("_")[0]
    fake = "Fake" if "_Fake_" in name else "Real"
    path = shared / "data" / "corpora" / "fakenewsnet-v1" / site / f"{fake}NewsContent"
    return str(json.loads((path / f"{name}-Webpage.json").read_text("utf-8"))["text"])


def _stem(word: str) -> str:
    """A crude stem (the first five letters): "encircling" and "encircle" meet."""
    return word[:5]


#: Candidate features tried beside the re-ranker's (all in [0, 1]).
EXTRA = ("overlap_common", "missing_common_inv", "claim_words_inv", "overlap_claim_stem")


def extra_features(query: str, claim: str) -> list[float]:
    """Views of one pair aimed at topic neighbours, which share a claim's names but
    not what it says of them: the share of the claim's common (not capitalised)
    content words the sentence has, stemmed; 1 / (1 + how many it lacks); 1 / (1 +
    the claim's content words); the stemmed share of all its content words. A name is
    a capitalised word not at the start, as for the re-ranker's ``names_shared``, so an
    acronym ("NATO") or a claim's first word counts as common: cheap, not exact."""
    q = {_stem(w) for w in content_words(query)}
    words = content_words(claim)
    names = {n.casefold() for n in _NAME.findall(claim)}
    common = {_stem(w) for w in words - names}
    stems = {_stem(w) for w in words}
    lacking = len(common - q)
    return [
        len(common & q) / len(common) if common else 1.0,
        1.0 / (1 + lacking),
        1.0 / (1 + len(words)),
        len(stems & q) / len(stems) if stems else 0.0,
    ]


def read_rows(devsets: Sequence[Path]) -> list[dict[str, Any]]:
    """The annotated pairs of every set; a pair without a ``weight`` (a whole
    stratum, as the shown set is) weighs 1."""
    rows = []
    for devset in devsets:
        for line in devset.read_text("utf-8").splitlines():
            if line:
                r = json.loads(line)
                rows.append({**r, "weight": float(r.get("weight", 1.0))})
    return rows


def pair_features(devsets: Sequence[Path], kb: str, shared: Path) -> dict[str, Any]:
    """Features, labels, weights, groups and populations of the annotated pairs,
    computed as the runtime computes them (the pair's fact-check among the sentence's
    candidates). Pairs whose fact-check is a LIAR Flip-O-Meter topic are left out: the
    importer now rejects those."""
    rows = read_rows(devsets)
    texts: dict[str, str] = {}
    sentences = []
    for r in rows:
        if r["doc"] not in texts:
            texts[r["doc"]] = article_text(shared, r["doc"])
        s, e = r["sentence"]
        sentences.append(texts[r["doc"]][s:e])
    xs, extra, ys, ws, docs, missing, topics = [], [], [], [], [], 0, 0
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
                row = cands[at[0]].row
                claim = str(row.get("claim_text") or "")
                if row["source"] == "liar" and is_topic(claim):
                    topics += 1
                    continue
                fx = features(q, cands)
                xs.append(fx[at[0]])
                extra.append(extra_features(q, claim))
                ys.append(r["label"] == "same")
                rerank.append(float(retriever.reranker.probability(fx)[at[0]]))
                ws.append(r["weight"])
                docs.append(r["doc"])
    ids = {g: i for i, g in enumerate(sorted(set(docs)))}
    return {
        "X": np.hstack([np.asarray(xs), np.asarray(extra)]),
        "names": (*RERANK_FEATURES, *EXTRA),
        "y": np.asarray(ys, dtype=int),
        "w": np.asarray(ws),
        "g": np.asarray([ids[g] for g in docs]),
        "pop": np.asarray([population(g) for g in docs]),
        "missing": missing,
        "topics": topics,
        "rerank": rerank,
    }


def columns(d: dict[str, Any], names: Sequence[str]) -> np.ndarray:
    """The columns ``names`` of :func:`pair_features`' matrix."""
    return np.asarray(d["X"][:, [d["names"].index(n) for n in names]])


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


def by_population(
    score: np.ndarray, y: np.ndarray, w: np.ndarray, pop: np.ndarray, threshold: float
) -> dict[str, dict[str, float]]:
    """Weighted precision and recall of each population's pairs at ``threshold``, with
    how many pairs (unweighted) it shows and how many of those are the same claim."""
    out = {}
    for name in sorted(set(pop.tolist())):
        m = pop == name
        s, yy, ww = score[m] >= threshold, y[m], w[m]
        shown = float(ww[s].sum())
        out[str(name)] = {
            "pairs": int(m.sum()),
            "shown": int(s.sum()),
            "shown_same": int(yy[s].sum()),
            "precision": round(float((ww * yy)[s].sum()) / shown, 3) if shown else float("nan"),
            "recall": round(float((ww * yy)[s].sum() / max((ww * yy).sum(), 1e-12)), 3),
        }
    return out


def evaluate(d: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """Cross-validated figures of a model on the features ``names``: the C with the best
    held-out recall at :data:`PRECISION` over all pairs, its threshold, and precision
    and recall per population at that threshold."""
    X, y, w, g = columns(d, names), d["y"], d["w"], d["g"]
    report: dict[str, Any] = {"features": list(names)}
    best: tuple[float, float, np.ndarray] | None = None
    for c in C_GRID:
        held = _held_out(X, y, w, g, c)
        t, p, r, _ = operating_point(held, y, w, PRECISION)
        report[f"cv_C={c}"] = {"threshold": t, "precision": round(p, 3), "recall": round(r, 3)}
        if best is None or r > best[1]:
            best = (c, r, held)
    assert best is not None
    c, _, held = best
    t, p, r, share = operating_point(held, y, w, PRECISION)
    return report | {
        "C": c,
        "threshold": t,
        "cv_precision": round(p, 3),
        "cv_recall": round(r, 3),
        "cv_shown_share_of_pairs": round(share, 4),
        "cv_by_population": by_population(held, y, w, d["pop"], t),
    }


def _shared(shared: Path | None) -> Path:
    default = Path(__file__).resolve().parents[3] / "shared"
    return shared or Path(os.environ.get("SPINSCOPE_SHARED", default))


def compare(
    devsets: Sequence[Path],
    kb: str,
    feature_sets: Sequence[Sequence[str]],
    shared: Path | None = None,
) -> list[dict[str, Any]]:
    """:func:`evaluate` for each feature set, on one computation of the pairs' features."""
    d = pair_features(devsets, kb, _shared(shared))
    return [evaluate(d, names) for names in feature_sets]


def fit(devsets: Sequence[Path], kb: str, out: Path, shared: Path | None = None) -> dict[str, Any]:
    """Fit the model on :data:`~spinscope.factchecks.sameclaim.FEATURES` and write it to
    ``out``, with its cross-validated figures (overall and per population)."""
    d = pair_features(devsets, kb, _shared(shared))
    X, y, w = columns(d, FEATURES), d["y"], d["w"]
    report: dict[str, Any] = {
        "pairs": len(y),
        "same": int(y.sum()),
        "missing": d["missing"],
        "liar_topics_left_out": d["topics"],
    }
    report |= evaluate(d, FEATURES)
    c, t = report["C"], report["threshold"]
    cosine = X[:, FEATURES.index("cosine")]
    ct, cp, cr, _ = operating_point(cosine, y, w, PRECISION)
    rerank = np.asarray(d["rerank"])
    shown_rr = rerank >= RERANK_THRESHOLD
    report |= {
        "cosine_alone": {"threshold": ct, "precision": round(cp, 3), "recall": round(cr, 3)},
        f"reranker_at_{RERANK_THRESHOLD}": {
            "precision": round(float((w * y)[shown_rr].sum() / max(w[shown_rr].sum(), 1e-12)), 3),
            "recall": round(float((w * y)[shown_rr].sum() / max((w * y).sum(), 1e-12)), 3),
        },
    }
    scaler = StandardScaler().fit(X)
    lr = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(X), y, sample_weight=w)
    sets = ", ".join(p.name for p in devsets)
    model = SameClaimModel(
        FEATURES,
        scaler.mean_,
        scaler.scale_,
        lr.coef_[0],
        float(lr.intercept_[0]),
        t,
        {
            "trained_on": f"{sets}: {len(y)} annotated sentence/fact-check pairs "
            "of real articles and fake-news titles, weighted to their strata",
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
