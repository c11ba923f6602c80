"""Pool k-fold out-of-fold predictions: SI/TC metrics, threshold, calibration, ECE.

``python -m spinscope.techniques.train.report --ptc DIR runs/tech/fold0 ... --out
runs/tech/cv_report.json``. Thresholds and calibrators are fitted on the pooled
out-of-fold predictions; the per-fold numbers reported next to them are
*cross-fitted* (fitted on the other folds), so they are honest.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
from pathlib import Path

import numpy as np

from spinscope.techniques.definitions import TECHNIQUES
from spinscope.techniques.train.ptc import ece, gold_tc, read_ptc, si_score, tc_score
from spinscope.techniques.train.train import THRESHOLDS

SECOND_LABEL_MIN = 0.3


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _temp(p: np.ndarray, t: float) -> np.ndarray:
    z = np.log(np.clip(p, 1e-12, 1)) / t
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(p: np.ndarray, y: np.ndarray) -> float:
    best = (math.inf, 1.0)
    for t in np.arange(0.5, 3.01, 0.05):
        q = _temp(p, float(t))
        nll = -np.log(np.clip(q[np.arange(len(y)), y], 1e-12, 1)).mean()
        best = min(best, (float(nll), float(t)))
    return round(best[1], 2)


def candidates(fold: dict, gold_by_art: dict, thr: float, temp: float) -> list[tuple]:
    """(logit conf, logit p_label, correct) for emitted (span, label) pairs."""
    rows = []
    for aid, rec in fold["articles"].items():
        det, probs = rec["det"][thr]
        if not det:
            continue
        probs = _temp(np.asarray(probs, dtype=np.float64), temp)
        gold = gold_by_art.get(aid, [])
        for (s, e, conf), p in zip(det, probs, strict=True):
            order = np.argsort(-p, kind="stable")
            for rank, li in enumerate(order[:2]):
                if rank == 1 and p[li] < SECOND_LABEL_MIN:
                    break
                lab = TECHNIQUES[li]
                ok = any(gs < e and s < ge and gl == lab for gs, ge, gl in gold)
                rows.append((float(_logit(np.array(conf))), float(_logit(np.array(p[li]))), ok))
    return rows


def fit_calib(rows: list[tuple]) -> tuple[float, float, float]:
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r[0], r[1]] for r in rows])
    y = np.array([r[2] for r in rows], dtype=int)
    lr = LogisticRegression(C=100.0, max_iter=1000).fit(x, y)
    return (float(lr.coef_[0, 0]), float(lr.coef_[0, 1]), float(lr.intercept_[0]))


def apply_calib(rows: list[tuple], c: tuple[float, float, float]) -> list[float]:
    return [1 / (1 + math.exp(-(c[0] * a + c[1] * b + c[2]))) for a, b, _ in rows]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ptc", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("folds", nargs="+")
    a = ap.parse_args()
    arts = {x.id: x for x in read_ptc(a.ptc)}
    folds = [pickle.loads((Path(d) / "oof.pkl").read_bytes()) for d in a.folds]
    gold_by_art = {aid: list(x.spans) for aid, x in arts.items()}

    def si_at(fs: list[dict], thr: float) -> dict:
        pred = {
            aid: [(s, e) for s, e, _ in rec["det"][thr][0]]
            for f in fs
            for aid, rec in f["articles"].items()
        }
        gold = {aid: [(s, e) for s, e, _ in gold_by_art[aid]] for aid in pred}
        return si_score(pred, gold)

    def tc_of(fs: list[dict], temp: float = 1.0) -> tuple[dict, np.ndarray, np.ndarray]:
        pred, ps, ys = {}, [], []
        for f in fs:
            for aid, rec in f["articles"].items():
                probs = np.asarray(rec["gold_probs"], dtype=np.float64)
                for (s, e), p in zip(rec["gold_keys"], probs, strict=True):
                    pred[(aid, s, e)] = [TECHNIQUES[i] for i in np.argsort(-p, kind="stable")[:3]]
                    for lab in [g for gs, ge, g in gold_by_art[aid] if (gs, ge) == (s, e)]:
                        ps.append(p)
                        ys.append(TECHNIQUES.index(lab))
        gold = gold_tc([arts[aid] for aid in sorted({a for f in fs for a in f["articles"]})])
        return tc_score(pred, gold, TECHNIQUES), np.array(ps), np.array(ys)

    # Pooled choices (shipped).
    pooled_si = {t: si_at(folds, t) for t in THRESHOLDS}
    thr = max(THRESHOLDS, key=lambda t: pooled_si[t]["f1"])
    tc_all, p_all, y_all = tc_of(folds)
    temp = fit_temperature(p_all, y_all)
    calib = fit_calib([r for f in folds for r in candidates(f, gold_by_art, thr, temp)])

    # Cross-fitted per-fold numbers.
    per_fold = []
    ece_probs: list[float] = []
    ece_ok: list[bool] = []
    tc_probs: list[float] = []
    tc_ok: list[bool] = []
    for k, f in enumerate(folds):
        others = [g for j, g in enumerate(folds) if j != k]
        rec: dict = {"fold": f["fold"], "articles": len(f["articles"])}
        if others:
            t_k = max(THRESHOLDS, key=lambda t: si_at(others, t)["f1"])
            _, po, yo = tc_of(others)
            temp_k = fit_temperature(po, yo)
            cal_k = fit_calib([r for g in others for r in candidates(g, gold_by_art, t_k, temp_k)])
        else:
            t_k, temp_k, cal_k = thr, temp, calib
        si = si_at([f], t_k)
        tc, pk, yk = tc_of([f])
        rows = candidates(f, gold_by_art, t_k, temp_k)
        ece_probs += apply_calib(rows, cal_k)
        ece_ok += [r[2] for r in rows]
        q = _temp(pk, temp_k)
        tc_probs += list(q.max(axis=1))
        tc_ok += list(q.argmax(axis=1) == yk)
        rec.update(
            threshold=t_k,
            si_precision=si["precision"],
            si_recall=si["recall"],
            si_f1=si["f1"],
            tc_micro_f1=tc["micro_f1"],
            tc_macro_f1=tc["macro_f1"],
        )
        per_fold.append(rec)
    # Cross-check TC against the official scorer (semeval.score_tc), when present.
    try:
        from spinscope.techniques.semeval import score_tc
    except ImportError:
        score_tc = None
    if score_tc is not None:
        g_rows: dict[str, list] = {}
        p_rows: dict[str, list] = {}
        for f in folds:
            for aid, rec in f["articles"].items():
                g_rows[aid] = [(t, s, e) for s, e, t in gold_by_art[aid]]
                p_rows[aid] = []
                probs = np.asarray(rec["gold_probs"])
                for (s, e), p in zip(rec["gold_keys"], probs, strict=True):
                    n = sum(1 for gs, ge, _ in gold_by_art[aid] if (gs, ge) == (s, e))
                    top = np.argsort(-p, kind="stable")[:n]
                    p_rows[aid] += [(TECHNIQUES[i], s, e) for i in top]
        official = score_tc(g_rows, p_rows, techniques=TECHNIQUES).f1
        assert abs(official - tc_all["micro_f1"]) < 1e-9, (official, tc_all["micro_f1"])
    report = {
        "folds": per_fold,
        "mean": {
            k: float(np.mean([r[k] for r in per_fold]))
            for k in ("si_precision", "si_recall", "si_f1", "tc_micro_f1", "tc_macro_f1")
        },
        "pooled_si_by_threshold": {str(t): pooled_si[t] for t in THRESHOLDS},
        "pooled_tc": tc_all,
        "ece_span_scores_crossfit": ece(ece_probs, ece_ok),
        "ece_tc_top1_crossfit": ece(tc_probs, tc_ok),
        "n_calibration_points": len(ece_probs),
        "inference": {
            "threshold": thr,
            "temperature": temp,
            "calib": list(calib),
            "second_label_min": SECOND_LABEL_MIN,
            "max_len": 256,
            "stride": 192,
            "batch_size": 16,
            "max_gap": 1,
        },
    }
    Path(a.out).write_text(json.dumps(report, indent=1))
    print(
        json.dumps(
            {
                k: report[k]
                for k in (
                    "folds",
                    "mean",
                    "ece_span_scores_crossfit",
                    "ece_tc_top1_crossfit",
                    "inference",
                )
            },
            indent=1,
        )
    )
    print(json.dumps(tc_all["per_technique_f1"], indent=1))


if __name__ == "__main__":
    main()
