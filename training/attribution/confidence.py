"""Train and measure a speaker confidence: the probability that a shown speaker is right.

    PYTHONPATH=src .venv/bin/python -m training.attribution confidence \
        --report build/confidence-cv.json [--out build/speaker_confidence.json]

It was measured and not adopted (docs/benchmarks.md, "Speaker confidence"): the
speakers it doubts are wrong one time in four, not the one in two that would make
flagging them worth a reader's attention. ``--out`` still writes the weights of the
model trained on every set (standardisation, coefficients, threshold) for a later try.

Data: every annotated speaker set ``bench/devsets/speakers-*.jsonl`` but the held-out
ones (:data:`HELD_OUT`), read as ``bench/speakers.py`` reads them. A sample is one
annotated quotation (not ``not-a-quote``) that the system attributes and gives a
speaker: its :class:`~spinscope.attribution.confidence.SpeakerEvidence`, labelled 1
when ``bench/speakers.py``'s ``same_speaker`` rule finds the annotated speaker (0 too
where the annotation says ``unclear``).

Measured by leave-one-set-out cross-validation (each set predicted by a model trained
on all the others, the predictions pooled) and by family (FakeNewsNet, PTC, html-eval:
each predicted by a model trained on the two others), against two baselines: one
constant (the training share of right speakers) and one feature (the speaker reached
through a pronoun or from another sentence or attribution). The model is a logistic
regression (L2, ``C`` = ``--c``) over standardised features; the shipped one is trained
on every set, with the threshold ``--threshold``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from training.attribution.evidence import SpeakerEvidence, speaker_evidence
from training.options import option

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = ROOT / "bench" / "devsets"
#: never read: the sets the lead scores on news nobody tuned anything on
HELD_OUT = (
    "speakers-ptc-blind12",
    "speakers-fakenewsnet-blind10",
    "speakers-ptc-blind13",
    "speakers-fakenewsnet-blind11",
    "speakers-ptc-blind14",
    "speakers-fakenewsnet-blind12",
    "speakers-ptc-blind15",
    "speakers-fakenewsnet-blind13",
)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


@dataclass
class ConfidenceConfig:
    shared: Path = option(ROOT.parent / "shared", help="the shared data folder")
    report: Path | None = option(None, help="write the cross-validated figures here (JSON)")
    out: Path | None = option(None, help="write the model trained on every set here")
    samples: Path | None = option(None, help="cache of the samples (read if present)")
    c: float = option(0.1, help="inverse L2 strength of the logistic regression")
    threshold: float = option(0.6, help="below it a speaker is shown as uncertain")


@dataclass(frozen=True)
class Sample:
    """One shown speaker of an annotated quotation."""

    devset: str
    article: str
    features: list[float]
    right: int


def family(devset: str) -> str:
    """``FakeNewsNet``, ``PTC`` or ``html-eval``."""
    if devset.startswith("speakers-ptc"):
        return "PTC"
    if devset.startswith("speakers-html-eval"):
        return "html-eval"
    return "FakeNewsNet"


def devset_files(folder: Path = DEVSETS) -> list[Path]:
    """The annotated speaker sets this trains and measures on (never the held-out ones)."""
    return [p for p in sorted(folder.glob("speakers-*.jsonl")) if p.stem not in HELD_OUT]


def _bench(shared: Path) -> ModuleType:
    """``bench/speakers.py`` (not a package): its readers and its ``same_speaker`` rule."""
    import os

    os.environ["SPINSCOPE_SHARED"] = str(shared)
    spec = importlib.util.spec_from_file_location("bench_speakers", ROOT / "bench" / "speakers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_speakers"] = module
    spec.loader.exec_module(module)
    return module


def collect(shared: Path, files: Sequence[Path]) -> list[Sample]:
    """The samples of every set (see the module docstring)."""
    from spinscope.attribution.component import analyse_traced
    from spinscope.document import Document

    bench = _bench(shared)
    corpus = shared / "data" / "corpora" / "fakenewsnet-v1"
    out: list[Sample] = []
    for path in files:
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        by_article: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            if "text_sha256" not in r:
                by_article.setdefault(r["id"], []).append(r)
        for aid, quotes in sorted(by_article.items()):
            page = bench.page_document(aid) if aid.startswith(bench.HTML_PREFIX) else None
            doc = page if page is not None else Document(bench.article_text(corpus, aid))
            a = analyse_traced(bench._furniture()(doc))
            evidence = speaker_evidence(
                doc.text, a.sentences, a.attributions, a.speakers, a.links, a.resolutions
            )
            for q in quotes:
                if q["speaker"] is None and q.get("reason") == "not-a-quote":
                    continue
                k = _covering(q["quote"], [att.content for att in a.attributions])
                sid = None if k is None else a.links[k]
                ev = None if k is None else evidence[k]
                if sid is None or ev is None:
                    continue
                gold = None if q["speaker"] is None else doc.text[slice(*q["speaker"])]
                right = gold is not None and bench.same_speaker(gold, a.speakers[sid].to_dict())
                out.append(Sample(path.stem, aid, ev.vector(), int(right)))
    return out


def _covering(quote: Sequence[int], contents: Sequence[Sequence[tuple[int, int]]]) -> int | None:
    """The first attribution holding half the quotation's characters (as the bench)."""
    qs, qe = quote
    for k, content in enumerate(contents):
        if sum(max(0, min(qe, e) - max(qs, s)) for s, e in content) >= 0.5 * (qe - qs):
            return k
    return None


# -- models -------------------------------------------------------------------------------


Fit = Callable[[np.ndarray, np.ndarray], Callable[[np.ndarray], np.ndarray]]


def fit_logistic(c: float) -> Fit:
    def fit(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        params = train_logistic(x, y, c)
        return lambda z: predict(params, z)

    return fit


def train_logistic(x: np.ndarray, y: np.ndarray, c: float) -> dict[str, Any]:
    """Standardisation and L2 logistic regression (lbfgs) on ``x``."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return {
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "weights": lr.coef_[0].tolist(),
        "bias": float(lr.intercept_[0]),
    }


def predict(params: dict[str, Any], x: np.ndarray) -> np.ndarray:
    z = (x - np.asarray(params["mean"])) / np.asarray(params["scale"])
    return 1.0 / (1.0 + np.exp(-(z @ np.asarray(params["weights"]) + params["bias"])))


def fit_constant(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    rate = float(y.mean())
    return lambda z: np.full(len(z), rate)


_NAMES = SpeakerEvidence.names()


def indirect_flag(x: np.ndarray) -> np.ndarray:
    """The one-feature baseline: a pronoun, or a source outside the content's sentence,
    or one shared with another attribution, or a quotation attributed from next to it."""
    col = {n: k for k, n in enumerate(_NAMES)}
    return (
        (x[:, col["pronoun"]] > 0)
        | (x[:, col["same_sentence"]] == 0)
        | (x[:, col["shared_source"]] > 0)
        | (x[:, col["adjacent"]] > 0)
    ).astype(float)


def fit_flag(x: np.ndarray, y: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """The observed share of right speakers with and without :func:`indirect_flag`."""
    flag = indirect_flag(x)
    rates = [float(y[flag == v].mean()) if (flag == v).any() else float(y.mean()) for v in (0, 1)]
    return lambda z: np.where(indirect_flag(z) > 0, rates[1], rates[0])


# -- measures -----------------------------------------------------------------------------


def auc(y: np.ndarray, p: np.ndarray) -> float:
    """Area under the ROC curve (ties counted half)."""
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def figures(y: np.ndarray, p: np.ndarray) -> dict[str, Any]:
    """AUC, Brier, a reliability table and, per threshold, the share below it and the
    precision of the speakers above and below it."""
    bins = []
    for lo in np.arange(0.0, 1.0, 0.1):
        hi = lo + 0.1
        inside = (p >= lo) & ((p < hi) | (hi >= 1.0))
        if inside.any():
            bins.append(
                {
                    "bin": f"{lo:.1f}-{hi:.1f}",
                    "n": int(inside.sum()),
                    "predicted": round(float(p[inside].mean()), 3),
                    "observed": round(float(y[inside].mean()), 3),
                }
            )
    cuts = []
    for t in THRESHOLDS:
        below = p < t
        cuts.append(
            {
                "threshold": t,
                "below": int(below.sum()),
                "share_below": round(float(below.mean()), 3),
                "precision_above": round(float(y[~below].mean()), 3) if (~below).any() else None,
                "precision_below": round(float(y[below].mean()), 3) if below.any() else None,
            }
        )
    lowest = []
    for share in (0.05, 0.10, 0.15):
        # the speakers the model doubts most, whatever its threshold
        below = p <= np.quantile(p, share)
        lowest.append(
            {
                "share": share,
                "precision_below": round(float(y[below].mean()), 3),
                "precision_above": round(float(y[~below].mean()), 3),
            }
        )
    return {
        "n": len(y),
        "precision": round(float(y.mean()), 3),
        "auc": round(auc(y, p), 3),
        "brier": round(float(((p - y) ** 2).mean()), 4),
        "reliability": bins,
        "thresholds": cuts,
        "lowest": lowest,
    }


def cross_validate(
    samples: Sequence[Sample], group: Callable[[Sample], str], fit: Fit
) -> np.ndarray:
    """Out-of-group predictions: each group predicted by a model fit on the others."""
    x = np.asarray([s.features for s in samples])
    y = np.asarray([s.right for s in samples])
    keys = np.asarray([group(s) for s in samples])
    out = np.zeros(len(samples))
    for key in sorted(set(keys)):
        test = keys == key
        out[test] = fit(x[~test], y[~test])(x[test])
    return out


def measure(samples: Sequence[Sample], c: float) -> dict[str, Any]:
    """The figures of the model and the baselines, leave-one-set-out and by family."""
    y = np.asarray([s.right for s in samples])
    models: dict[str, Fit] = {
        "logistic": fit_logistic(c),
        "constant": fit_constant,
        "pronoun-or-inherited": fit_flag,
    }
    splits: dict[str, Callable[[Sample], str]] = {
        "leave-one-set-out": lambda s: s.devset,
        "by-family": lambda s: family(s.devset),
    }
    out: dict[str, Any] = {
        "sets": sorted({s.devset for s in samples}),
        "samples": len(samples),
        "right": int(y.sum()),
    }
    for split, group in splits.items():
        out[split] = {}
        for name, fit in models.items():
            p = cross_validate(samples, group, fit)
            out[split][name] = figures(y, p)
            if name == "logistic":
                out[split][name]["by_family"] = {
                    fam: figures(y[mask], p[mask])
                    for fam in ("FakeNewsNet", "PTC", "html-eval")
                    if (mask := np.asarray([family(s.devset) == fam for s in samples])).any()
                }
    return out


def load_samples(cfg: ConfidenceConfig) -> list[Sample]:
    if cfg.samples is not None and cfg.samples.is_file():
        rows = json.loads(cfg.samples.read_text("utf-8"))
        if rows and len(rows[0]["features"]) == len(_NAMES):
            return [Sample(**r) for r in rows]
    samples = collect(cfg.shared, devset_files())
    if cfg.samples is not None:
        cfg.samples.parent.mkdir(parents=True, exist_ok=True)
        cfg.samples.write_text(json.dumps([s.__dict__ for s in samples]), "utf-8")
    return samples


def run(cfg: ConfidenceConfig) -> dict[str, Any]:
    samples = load_samples(cfg)
    report = measure(samples, cfg.c)
    if cfg.report is not None:
        cfg.report.parent.mkdir(parents=True, exist_ok=True)
        cfg.report.write_text(json.dumps(report, indent=1), "utf-8")
    if cfg.out is not None:
        x = np.asarray([s.features for s in samples])
        y = np.asarray([s.right for s in samples])
        params = train_logistic(x, y, cfg.c)
        loso = report["leave-one-set-out"]["logistic"]
        model = {
            "features": _NAMES,
            **params,
            "threshold": cfg.threshold,
            "info": {
                "name": "speaker-confidence",
                "version": 1,
                "trained_on": report["sets"],
                "samples": len(samples),
                "c": cfg.c,
                "cv_auc": loso["auc"],
                "cv_brier": loso["brier"],
            },
        }
        cfg.out.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
        digest = hashlib.sha256(cfg.out.read_bytes()).hexdigest()
        print(f"wrote {cfg.out} sha256 {digest}")
    print(json.dumps(summary(report), indent=1))
    return report


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of a report (no reliability tables)."""
    return {
        split: {
            name: {k: v for k, v in f.items() if k not in ("reliability", "by_family")}
            for name, f in report[split].items()
        }
        for split in ("leave-one-set-out", "by-family")
    }
