"""Training-side views of the official SemEval scorers, and calibration error.

The scoring itself is :func:`spinscope.techniques.semeval.score_si` /
:func:`~spinscope.techniques.semeval.score_tc`; these adapters only shape the inputs
the training loops produce and the JSON the CV report keeps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from spinscope.techniques.semeval import SpanPair, TCRow, score_si, score_tc

#: A gold span of an article: ``(article id, start, end)``.
SpanKey = tuple[str, int, int]


def si_metrics(
    pred: Mapping[str, Iterable[SpanPair]], gold: Mapping[str, Iterable[SpanPair]]
) -> dict[str, Any]:
    """SemEval SI (predictions merged, the scorer's ``-m``): precision, recall, f1, counts."""
    res = score_si(
        {k: list(v) for k, v in gold.items()},
        {k: list(v) for k, v in pred.items()},
        merge_pred=True,
    )
    return res.overall.to_dict()


def tc_metrics(
    ranked: Mapping[SpanKey, Sequence[str]],
    gold: Mapping[str, Iterable[TCRow]],
    techniques: Sequence[str],
) -> dict[str, Any]:
    """SemEval TC on gold spans: a span with ``n`` gold labels gets its ``n`` top-ranked
    techniques (``ranked``: techniques per gold span, best first).

    Returns:
        ``micro_f1`` (the official figure), ``macro_f1`` over ``techniques``,
        ``per_technique_f1`` and ``n_gold`` (gold labels).
    """
    gold_rows = {aid: list(rows) for aid, rows in gold.items()}
    pred: dict[str, list[TCRow]] = {}
    for aid, rows in gold_rows.items():
        counts = Counter((s, e) for _, s, e in rows)
        pred[aid] = [
            (t, s, e) for (s, e), n in counts.items() for t in list(ranked.get((aid, s, e), []))[:n]
        ]
    # Not strict: a span the model did not rank counts as a miss instead of an error.
    res = score_tc(gold_rows, pred, techniques=techniques, strict=False)
    return {
        "micro_f1": res.micro.f1,
        "macro_f1": res.macro_f1,
        "per_technique_f1": {t: p.f1 for t, p in res.per_technique.items()},
        "n_gold": res.micro.n_gold,
    }


def ece(probs: Sequence[float], correct: Sequence[bool], bins: int = 15) -> float:
    """Expected calibration error with equal-width bins (bin 0 also takes ``p == 0``)."""
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
