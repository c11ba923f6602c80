"""Train the cue tagger on PolNeAR train and export it to JSON weights.

    .venv/bin/python -m training.attribution cues \
        --polnear ../shared/data/polnear --out src/spinscope/attribution/cue_model.json.gz

Logistic regression (liblinear, one core) over :func:`token_features`; a token is
positive when it lies inside a gold ``Cue`` span. Features seen fewer than
``--min-count`` times are dropped; weights below ``--prune`` in magnitude are not
exported.

``--cv K`` instead chooses the cue threshold without looking at dev: the train
articles are split into K folds (article ``i`` of the sorted list goes to fold
``i % K``); for each fold a cue model is trained on the other folds with the same
settings and the full rules extract attributions from the held-out articles at
every ``--thresholds`` value; the counts are pooled over folds and scored with the
default rule (``--overlap gold``)::

    .venv/bin/python -m training.attribution cues \
        --polnear ../shared/data/polnear --cv 5 --report build/cue-cv.json

The selection criterion is content F1 + source accuracy (the two figures of the
attribution targets, equally weighted); a tie within 0.002 keeps the lower threshold.
"""

from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spinscope.attribution.brat import (
    BratAttribution,
    Score,
    find_gold_files,
    read_ann,
    score_pairs,
)
from spinscope.attribution.extract import CueModel, extract
from spinscope.attribution.features import token_features
from spinscope.attribution.text import TokenView
from spinscope.document import Document
from training.options import option

DEFAULT_THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


@dataclass
class Article:
    """One gold article: its token view, token features and cue labels."""

    name: str
    text: str
    view: TokenView
    feats: list[list[str]]
    labels: list[int]
    gold: list[BratAttribution]
    score_text: str  # the text as ``brat score`` reads it (universal newlines)


def load_articles(compartment: Path) -> list[Article]:
    out = []
    for article, (txt, ann) in sorted(find_gold_files(compartment).items()):
        text = txt.read_bytes().decode("utf-8")
        v = TokenView.from_text(text)
        gold = read_ann(ann)
        marks = bytearray(len(text) + 1)
        for att in gold:
            for s, e in att.cue:
                marks[s:e] = b"\x01" * (e - s)
        feats = [token_features(v, i) for i in range(len(v))]
        labels = [1 if any(marks[v.starts[i] : v.ends[i]]) else 0 for i in range(len(v))]
        out.append(Article(article, text, v, feats, labels, gold, txt.read_text("utf-8")))
    return out


def load(compartment: Path) -> tuple[list[list[str]], list[int]]:
    X: list[list[str]] = []
    y: list[int] = []
    for art in load_articles(compartment):
        X.extend(art.feats)
        y.extend(art.labels)
    return X, y


def fit(
    X: Sequence[list[str]], y: Sequence[int], *, C: float, min_count: int, prune: float
) -> dict[str, Any]:
    """Train the logistic regression; returns the JSON-able model (weights pruned)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in X for f in feats)
    keep = {f for f, c in counts.items() if c >= min_count}
    dv = DictVectorizer()
    M = dv.fit_transform([{f: 1 for f in feats if f in keep} for feats in X]).tocsr()
    M.indices = M.indices.astype("int32")
    M.indptr = M.indptr.astype("int32")
    print(f"{M.shape[0]} tokens, {M.shape[1]} features, {sum(y)} cue tokens", flush=True)
    clf = LogisticRegression(solver="liblinear", C=C, max_iter=200)
    clf.fit(M, list(y))
    names = dv.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) >= prune
    }
    return {
        "name": "polnear-cue-lr",
        "version": 1,
        "trained_on": "PolNeAR train (first annotator per article)",
        "C": C,
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": weights,
    }


@dataclass(frozen=True)
class _Fixed(CueModel):
    """A cue model whose probabilities were computed once (reused across thresholds)."""

    probs: tuple[float, ...] = ()

    def probabilities(self, v: TokenView) -> list[float]:
        return list(self.probs)


def _probabilities(model: dict[str, Any], feats: list[list[str]]) -> list[float]:
    import math

    w, b = model["weights"], float(model["bias"])
    out = []
    for fs in feats:
        z = b + sum(w.get(f, 0.0) for f in fs)
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0)
    return out


def criterion(score: Score) -> float:
    """Selection criterion of ``--cv``: content F1 + source accuracy."""
    return score.f1 + score.source_accuracy


def cross_validate(
    articles: Sequence[Article],
    k: int,
    thresholds: Sequence[float],
    *,
    C: float,
    min_count: int,
    prune: float,
    cache: Path | None = None,
) -> tuple[dict[float, Score], list[dict[float, Score]]]:
    """Pooled and per-fold scores of held-out attributions at each threshold.

    With ``cache``, each fold's held-out cue probabilities are stored there (and
    reused), so the rules can be re-scored without retraining.
    """
    pooled = {t: Score() for t in thresholds}
    per_fold: list[dict[float, Score]] = []
    for fold in range(k):
        t0 = time.time()
        train = [a for i, a in enumerate(articles) if i % k != fold]
        held = [a for i, a in enumerate(articles) if i % k == fold]
        path = (
            cache / f"fold{fold + 1}of{k}-C{C:g}-m{min_count}-p{prune:g}.json.gz" if cache else None
        )
        if path is not None and path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                held_probs = json.load(fh)
        else:
            X = [f for a in train for f in a.feats]
            y = [lab for a in train for lab in a.labels]
            model = fit(X, y, C=C, min_count=min_count, prune=prune)
            held_probs = {a.name: _probabilities(model, a.feats) for a in held}
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                with gzip.open(path, "wt", encoding="utf-8") as fh:
                    json.dump(held_probs, fh)
        scores = {t: Score() for t in thresholds}
        for art in held:
            cm = _Fixed(weights={}, bias=0.0, probs=tuple(held_probs[art.name]))
            ranges = Document(art.text).content_ranges()
            for t in thresholds:
                atts = extract(art.view, cm, threshold=t, content_ranges=ranges)
                pred = [
                    BratAttribution(
                        cue=(a.cue,), content=a.content, source=(a.source,) if a.source else ()
                    )
                    for a in atts
                ]
                for s in (scores[t], pooled[t]):
                    score_pairs(s, art.gold, pred, art.score_text)
        per_fold.append(scores)
        best = max(thresholds, key=lambda t: criterion(scores[t]))
        print(
            f"fold {fold + 1}/{k}: {len(train)} train / {len(held)} held-out articles, "
            f"best {best} (F1 {scores[best].f1:.3f}, source {scores[best].source_accuracy:.3f}) "
            f"({time.time() - t0:.0f}s)",
            flush=True,
        )
    return pooled, per_fold


def choose(pooled: dict[float, Score], tie: float = 0.002) -> float:
    """The threshold maximising :func:`criterion`; ties within ``tie`` keep the lowest."""
    best = max(criterion(s) for s in pooled.values())
    return min(t for t, s in pooled.items() if criterion(s) >= best - tie)


def cv_table(pooled: dict[float, Score], per_fold: list[dict[float, Score]]) -> str:
    lines = [
        "| threshold | content P | content R | content F1 | source acc. | cue acc. "
        "| F1 + source | F1 per fold (min–max) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    chosen = choose(pooled)
    for t, s in sorted(pooled.items()):
        f1s = [f[t].f1 for f in per_fold]
        mark = "**" if t == chosen else ""
        lines.append(
            f"| {mark}{t:g}{mark} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.source_accuracy:.3f} | {s.cue_accuracy:.3f} | {criterion(s):.3f} "
            f"| {min(f1s):.3f}–{max(f1s):.3f} |"
        )
    return "\n".join(lines)


@dataclass(kw_only=True)
class CuesConfig:
    """Train the cue model (``out``), or choose its threshold by cross-validation (``cv``)."""

    polnear: Path = option(help="PolNeAR directory (train/, dev/)")
    out: Path | None = option(None, help="where to write the model (training mode)")
    C: float = option(0.3, help="inverse regularisation strength")
    min_count: int = option(2, help="drop features seen fewer times")
    prune: float = option(0.06, help="do not export weights smaller in magnitude")
    cv: int = option(0, help="K-fold CV on train instead", metavar="K")
    thresholds: tuple[float, ...] = option(DEFAULT_THRESHOLDS, help="cue thresholds (cv)")
    report: Path | None = option(None, help="cv: write the pooled scores as JSON here")
    cache: Path | None = option(None, help="cv: keep each fold's held-out cue probabilities here")

    def __post_init__(self) -> None:
        if not self.cv and self.out is None:
            raise ValueError("--out is required (or pass --cv K)")


def train_model(cfg: CuesConfig, articles: Sequence[Article] | None = None) -> dict[str, Any]:
    """Fit the cue model on PolNeAR train and write it (gzipped JSON) to ``cfg.out``."""
    if cfg.out is None:
        raise ValueError("the cue model needs an output path (out)")
    t0 = time.time()
    if articles is None:
        articles = load_articles(Path(cfg.polnear) / "train")
    X = [f for a in articles for f in a.feats]
    y = [lab for a in articles for lab in a.labels]
    model = fit(X, y, C=cfg.C, min_count=cfg.min_count, prune=cfg.prune)
    with gzip.open(cfg.out, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {cfg.out}: {len(model['weights'])} weights ({time.time() - t0:.0f}s)")
    return model


def choose_threshold(cfg: CuesConfig, articles: Sequence[Article] | None = None) -> dict[str, Any]:
    """Cross-validate the cue threshold on PolNeAR train; returns the report (also
    written to ``cfg.report`` when set)."""
    t0 = time.time()
    if articles is None:
        articles = load_articles(Path(cfg.polnear) / "train")
    if not 2 <= cfg.cv <= len(articles):
        raise ValueError(f"cv must be between 2 and {len(articles)}")
    pooled, per_fold = cross_validate(
        articles,
        cfg.cv,
        sorted(cfg.thresholds),
        C=cfg.C,
        min_count=cfg.min_count,
        prune=cfg.prune,
        cache=cfg.cache,
    )
    print(cv_table(pooled, per_fold))
    print(f"chosen threshold (max content F1 + source accuracy): {choose(pooled):g}")
    report = {
        "folds": cfg.cv,
        "C": cfg.C,
        "min_count": cfg.min_count,
        "prune": cfg.prune,
        "criterion": "content_f1 + source_accuracy",
        "chosen": choose(pooled),
        "pooled": {str(t): s.to_dict() for t, s in pooled.items()},
        "per_fold": [{str(t): s.to_dict() for t, s in f.items()} for f in per_fold],
    }
    if cfg.report:
        cfg.report.parent.mkdir(parents=True, exist_ok=True)
        cfg.report.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"done ({time.time() - t0:.0f}s)")
    return report


def run(cfg: CuesConfig) -> None:
    """Cross-validate (``cfg.cv``) or train (``cfg.out``)."""
    t0 = time.time()
    articles = load_articles(Path(cfg.polnear) / "train")
    print(f"{len(articles)} articles loaded ({time.time() - t0:.0f}s)", flush=True)
    if cfg.cv:
        choose_threshold(cfg, articles)
    else:
        train_model(cfg, articles)
