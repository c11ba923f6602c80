"""Pool k-fold out-of-fold predictions: SI/TC metrics, decoding, calibration, ECE.

``python -m training.techniques report --ptc DIR --feats runs/enc/feats-labeled.npz
--out runs/tech/cv_report.json --runs runs/tech/fold0 ... runs/tech/fold4``

The SI decoding setting (threshold, gap bridging, smoothing, minimum length) and the
calibrators are fitted on the pooled out-of-fold predictions for shipping; every
per-fold number reported next to them is *cross-fitted* (its setting is chosen on
the other folds only), so the per-fold numbers are honest.
"""

from __future__ import annotations

import itertools
import json
import math
import pickle
from pathlib import Path

import numpy as np

from spinscope.techniques.data import Segment
from spinscope.techniques.definitions import TECHNIQUES
from spinscope.techniques.model import Encoded, ModelConfig, TechniqueModel
from training.techniques.config import ReportConfig
from training.techniques.corpus import read_ptc
from training.techniques.encoder import encoder_info
from training.techniques.metrics import ece, si_metrics, tc_metrics

SECOND_LABEL_MIN = 0.3
#: SI decoding grid: threshold, max gap bridged (wordpieces), smoothing, min length.
#: Gaps stop at 8: bridging up to 12 scores higher on the SemEval metric (CV SI 0.383 vs
#: 0.380) but on real articles joins spans across sentences and paragraphs into long,
#: low-confidence findings (the white-helmets sample lost four of six spans that way).
GRID = list(itertools.product((0.25, 0.3, 0.35, 0.4, 0.45), (1, 2, 4, 6, 8), (1, 3), (1, 2, 3)))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


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


def fit_calib(rows: list[tuple]) -> tuple[float, float, float]:
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r[0], r[1]] for r in rows])
    y = np.array([r[2] for r in rows], dtype=int)
    lr = LogisticRegression(C=100.0, max_iter=1000).fit(x, y)
    return (float(lr.coef_[0, 0]), float(lr.coef_[0, 1]), float(lr.intercept_[0]))


def apply_calib(rows: list[tuple], c: tuple[float, float, float]) -> list[float]:
    return [1 / (1 + math.exp(-(c[0] * a + c[1] * b + c[2]))) for a, b, _ in rows]


def report(a: ReportConfig) -> dict:
    """The CV report of ``a.runs`` (one per fold), written to ``a.out`` and returned."""
    import torch

    from training.techniques.export import ensemble

    torch.set_num_threads(1)
    arts = {x.id: x for x in read_ptc(a.ptc)}
    z = np.load(a.feats)
    folds = [pickle.loads((Path(d.split(",")[0]) / "oof.pkl").read_bytes()) for d in a.runs]
    gold_by_art = {aid: list(x.spans) for aid, x in arts.items()}
    gold_si = {aid: [(s, e) for s, e, _ in sp] for aid, sp in gold_by_art.items()}
    allk = list(range(len(folds)))

    # Each fold: one head dir, or several joined by "," (an ensemble); all predictions
    # are recomputed here from the heads and the cached encoder features.
    encs: list[dict[str, Encoded]] = []
    models: list[TechniqueModel] = []
    for spec, f in zip(a.runs, folds, strict=True):
        module, w, b, args, _ = ensemble([Path(x) for x in spec.split(",")])
        ctx = int(args.get("context", 0))

        def fn(feats: np.ndarray, ids: np.ndarray, module=module) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
            with torch.inference_mode():
                lg, h = module(torch.from_numpy(feats), torch.from_numpy(ids))
            return lg.numpy(), h.numpy()

        model = TechniqueModel(None, fn, w, b, ModelConfig(tc_context=ctx))
        models.append(model)
        e = {}
        for aid in f["articles"]:
            seg = Segment(z[f"{aid}/ids"], z[f"{aid}/starts"], z[f"{aid}/ends"])
            feats = np.asarray(z[f"{aid}/feats"], dtype=np.float32)
            text = arts[aid].text
            e[aid] = model.from_features(text, [(0, len(text))], [seg], [feats])
            keys = sorted({(s, t) for s, t, _ in arts[aid].spans})
            f["articles"][aid] = {"gold_keys": keys, "gold_probs": model.classify(e[aid], keys)}
        encs.append(e)

    # -- SI decoding ---------------------------------------------------------------
    dummy = models[0]
    preds: dict[tuple, list[dict]] = {}
    for thr, gap, smooth, mint in GRID:
        m = dummy.with_config(threshold=thr, max_gap=gap, smooth=smooth, min_tokens=mint)
        preds[(thr, gap, smooth, mint)] = [
            {aid: [(s, t) for s, t, _ in m.detect(enc)] for aid, enc in e.items()} for e in encs
        ]

    def si_of(setting: tuple, which: list[int]) -> dict:
        pred = {aid: sp for k in which for aid, sp in preds[setting][k].items()}
        return si_metrics(pred, {aid: gold_si[aid] for aid in pred})

    best = max(GRID, key=lambda s: si_of(s, allk)["f1"])
    decode = dict(zip(("threshold", "max_gap", "smooth", "min_tokens"), best, strict=True))

    # -- TC on gold spans ------------------------------------------------------------
    def tc_of(which: list[int]) -> tuple[dict, np.ndarray, np.ndarray]:
        pred, ps, ys = {}, [], []
        for k in which:
            for aid, rec in folds[k]["articles"].items():
                probs = np.asarray(rec["gold_probs"], dtype=np.float64)
                for (s, e), p in zip(rec["gold_keys"], probs, strict=True):
                    pred[(aid, s, e)] = [TECHNIQUES[i] for i in np.argsort(-p, kind="stable")[:3]]
                    for lab in [g for gs, ge, g in gold_by_art[aid] if (gs, ge) == (s, e)]:
                        ps.append(p)
                        ys.append(TECHNIQUES.index(lab))
        ids = sorted({aid for k in which for aid in folds[k]["articles"]})
        return (
            tc_metrics(pred, {i: arts[i].tc for i in ids}, TECHNIQUES),
            np.array(ps),
            np.array(ys),
        )

    tc_all, p_all, y_all = tc_of(allk)
    temp = fit_temperature(p_all, y_all)

    # -- calibration candidates: emitted (span, label) pairs with the shipped decoding -----
    def candidates(k: int, t: float) -> list[tuple]:
        m = models[k].with_config(**decode)
        rows = []
        for aid, enc in encs[k].items():
            det = m.detect(enc)
            if not det:
                continue
            probs = _temp(m.classify(enc, [(s, e) for s, e, _ in det]), t)
            gold = gold_by_art[aid]
            for (s, e, conf), p in zip(det, probs, strict=True):
                for rank, li in enumerate(np.argsort(-p, kind="stable")[:2]):
                    if rank == 1 and p[li] < SECOND_LABEL_MIN:
                        break
                    lab = TECHNIQUES[li]
                    ok = any(gs < e and s < ge and gl == lab for gs, ge, gl in gold)
                    rows.append((_logit(conf), _logit(float(p[li])), ok))
        return rows

    cands = {k: candidates(k, temp) for k in allk}
    calib = fit_calib([r for k in allk for r in cands[k]])

    # -- cross-fitted per-fold report ------------------------------------------------
    per_fold = []
    ece_p: list[float] = []
    ece_y: list[bool] = []
    tc_p: list[float] = []
    tc_y: list[bool] = []
    for k in allk:
        others = [j for j in allk if j != k] or [k]
        s_k = max(GRID, key=lambda s: si_of(s, others)["f1"])
        si = si_of(s_k, [k])
        tc, pk, yk = tc_of([k])
        _, po, yo = tc_of(others)
        t_k = fit_temperature(po, yo)
        cal_k = fit_calib([r for j in others for r in cands[j]])
        ece_p += apply_calib(cands[k], cal_k)
        ece_y += [r[2] for r in cands[k]]
        q = _temp(pk, t_k)
        tc_p += list(q.max(axis=1))
        tc_y += list(q.argmax(axis=1) == yk)
        per_fold.append(
            {
                "fold": folds[k]["fold"],
                "articles": len(folds[k]["articles"]),
                "decode": list(s_k),
                "threshold": s_k[0],
                "si_precision": si["precision"],
                "si_recall": si["recall"],
                "si_f1": si["f1"],
                "tc_micro_f1": tc["micro_f1"],
                "tc_macro_f1": tc["macro_f1"],
            }
        )

    keys = ("si_precision", "si_recall", "si_f1", "tc_micro_f1", "tc_macro_f1")
    report = {
        "folds": per_fold,
        "mean": {k: float(np.mean([r[k] for r in per_fold])) for k in keys},
        "pooled_si_best": {"setting": list(best), **si_of(best, allk)},
        "pooled_si_threshold_only": {
            str(t): si_of((t, 1, 1, 1), allk) for t in (0.25, 0.3, 0.35, 0.4, 0.45)
        },
        "pooled_tc": tc_all,
        "ece_span_scores_crossfit": ece(ece_p, ece_y),
        "ece_tc_top1_crossfit": ece(tc_p, tc_y),
        "n_calibration_points": len(ece_p),
        "calibration_positive_rate": float(np.mean(ece_y)) if ece_y else 0.0,
        "inference": {
            **decode,
            "temperature": temp,
            "calib": list(calib),
            "second_label_min": SECOND_LABEL_MIN,
            "tc_context": int(models[0].config.tc_context),
            "max_len": 256,
            "stride": encoder_info(Path(a.feats).parent).get("stride", 192),
            "batch_size": 16,
        },
    }
    Path(a.out).write_text(json.dumps(report, indent=1))
    show = (
        "folds",
        "mean",
        "pooled_si_best",
        "ece_span_scores_crossfit",
        "ece_tc_top1_crossfit",
        "inference",
    )
    print(json.dumps({k: report[k] for k in show}, indent=1))
    print(json.dumps(tc_all["per_technique_f1"], indent=1))
    return report
