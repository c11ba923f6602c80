"""PTC reading, article-level folds and the SemEval-2020 Task 11 scorers.

Private fallbacks: when ``spinscope.techniques.semeval`` provides ``folds`` and the
official scorers, those are used instead (same definitions).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, technique)


def read_ptc(ptc: str | Path) -> list[Article]:
    """The 371 labelled articles with their technique spans, sorted by id."""
    root = Path(ptc)
    out = []
    for path in sorted((root / "articles").glob("article*.txt")):
        aid = path.stem.removeprefix("article")
        text = path.read_text("utf-8")
        spans = []
        lab = root / "labels-tc" / f"article{aid}.task2-TC.labels"
        if lab.is_file():
            for line in lab.read_text("utf-8").splitlines():
                if not line.strip():
                    continue
                _, tech, s, e = line.split("\t")
                spans.append((int(s), int(e), tech))
        out.append(Article(aid, text, tuple(sorted(spans))))
    return out


def read_unlabeled(ptc: str | Path) -> list[tuple[str, str]]:
    root = Path(ptc) / "unlabeled"
    return [(p.stem, p.read_text("utf-8")) for p in sorted(root.glob("*.txt"))]


def folds(ids: Sequence[str], k: int = 5, seed: int = 13) -> list[list[str]]:
    """Article-level folds: sorted ids, ``random.Random(seed)`` shuffle, round-robin."""
    try:  # the semeval engineer's split, when present
        from spinscope.techniques import semeval  # type: ignore[attr-defined]

        return [list(f) for f in semeval.folds(ids, k=k, seed=seed)]
    except (ImportError, AttributeError):
        pass
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(a, b) for a, b in out]


def si_score(
    pred: Mapping[str, Iterable[tuple[int, int]]], gold: Mapping[str, Iterable[tuple[int, int]]]
) -> dict[str, float]:
    """SemEval SI: spans merged where they overlap; P, R with partial overlap credit.

    Uses the official scorer of ``spinscope.techniques.semeval`` when present.
    """
    try:
        from spinscope.techniques.semeval import score_si
    except ImportError:
        return _si_score(pred, gold)
    res = score_si(
        {k: list(v) for k, v in gold.items()},
        {k: list(v) for k, v in pred.items()},
        merge_pred=True,
    )
    return {
        "precision": res.precision,
        "recall": res.recall,
        "f1": res.f1,
        "n_pred": res.overall.n_pred,
        "n_gold": res.overall.n_gold,
    }


def _si_score(
    pred: Mapping[str, Iterable[tuple[int, int]]], gold: Mapping[str, Iterable[tuple[int, int]]]
) -> dict[str, float]:
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for aid in set(pred) | set(gold):
        ps = _merge(pred.get(aid, ()))
        gs = _merge(gold.get(aid, ()))
        n_pred += len(ps)
        n_gold += len(gs)
        for s, e in ps:
            for gs_, ge in gs:
                inter = min(e, ge) - max(s, gs_)
                if inter > 0:
                    p_num += inter / (e - s)
                    r_num += inter / (ge - gs_)
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "n_pred": n_pred, "n_gold": n_gold}


def tc_score(
    pred: Mapping[tuple[str, int, int], list[str]],
    gold: Mapping[tuple[str, int, int], list[str]],
    labels: Sequence[str],
) -> dict[str, object]:
    """SemEval TC micro-F1 over gold spans (a span with n gold labels gets n guesses),
    plus macro-F1 and per-technique F1."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for key, g in gold.items():
        p = list(pred.get(key, []))[: len(g)]
        n_gold.update(g)
        n_pred.update(p)
        tp.update((Counter(g) & Counter(p)).elements())
    total_tp, total_p, total_g = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
    mp = total_tp / total_p if total_p else 0.0
    mr = total_tp / total_g if total_g else 0.0
    per: dict[str, float] = {}
    for lab in labels:
        pp = tp[lab] / n_pred[lab] if n_pred[lab] else 0.0
        rr = tp[lab] / n_gold[lab] if n_gold[lab] else 0.0
        per[lab] = 2 * pp * rr / (pp + rr) if pp + rr else 0.0
    return {
        "micro_f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0,
        "macro_f1": sum(per.values()) / len(labels),
        "per_technique_f1": per,
        "n_gold": total_g,
    }


def gold_tc(articles: Iterable[Article]) -> dict[tuple[str, int, int], list[str]]:
    out: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for a in articles:
        for s, e, t in a.spans:
            out[(a.id, s, e)].append(t)
    return dict(out)


def ece(probs: Sequence[float], correct: Sequence[bool], bins: int = 15) -> float:
    """Expected calibration error with equal-width bins."""
    n = len(probs)
    if n == 0:
        return 0.0
    tot = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if (lo < p <= hi) or (b == 0 and p == 0.0)]
        if not idx:
            continue
        conf = sum(probs[i] for i in idx) / len(idx)
        acc = sum(1 for i in idx if correct[i]) / len(idx)
        tot += len(idx) / n * abs(conf - acc)
    return tot
