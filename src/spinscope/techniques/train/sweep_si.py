"""Sweep SI decoding settings on stored out-of-fold token probabilities.

Each fold's setting is chosen on the *other* folds (cross-fitted), so the per-fold
numbers stay honest. ``python -m spinscope.techniques.train.sweep_si --ptc DIR
--feats runs/enc/feats-labeled.npz runs/tech/fold0 ...``
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
from pathlib import Path

import numpy as np

from spinscope.techniques.data import Segment
from spinscope.techniques.model import Encoded, ModelConfig, TechniqueModel
from spinscope.techniques.train.ptc import read_ptc, si_score


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ptc", required=True)
    ap.add_argument("--feats", required=True)
    ap.add_argument("--out", default=None)
    ap.add_argument("folds", nargs="+")
    a = ap.parse_args()
    arts = {x.id: x for x in read_ptc(a.ptc)}
    z = np.load(a.feats)
    folds = [pickle.loads((Path(d) / "oof.pkl").read_bytes()) for d in a.folds]
    encs: list[dict[str, Encoded]] = []
    for f in folds:
        e = {}
        for aid, rec in f["articles"].items():
            seg = Segment(z[f"{aid}/ids"], z[f"{aid}/starts"], z[f"{aid}/ends"])
            e[aid] = Encoded(arts[aid].text, "", [seg], [np.asarray(rec["probs"], np.float64)])
        encs.append(e)
    gold = {aid: [(s, e) for s, e, _ in x.spans] for aid, x in arts.items()}
    dummy = TechniqueModel(None, lambda f: (f, f), np.zeros((14, 6)), np.zeros(14))
    grid = list(itertools.product((0.25, 0.3, 0.35, 0.4, 0.45), (1, 2, 4), (1, 3, 5), (1, 2, 3)))
    # table[setting][fold] = (p_num, n_pred, r_num, n_gold) via the scorer on that fold
    table: dict[tuple, list[dict]] = {}
    for thr, gap, smooth, mint in grid:
        m = dummy.with_config(threshold=thr, max_gap=gap, smooth=smooth, min_tokens=mint)
        rows = []
        for e in encs:
            pred = {aid: [(s, t) for s, t, _ in m.detect(enc)] for aid, enc in e.items()}
            rows.append((pred, {aid: gold[aid] for aid in e}))
        table[(thr, gap, smooth, mint)] = rows

    def pooled(setting: tuple, which: list[int]) -> dict:
        pred: dict = {}
        g: dict = {}
        for k in which:
            pred.update(table[setting][k][0])
            g.update(table[setting][k][1])
        return si_score(pred, g)

    allk = list(range(len(folds)))
    best_all = max(grid, key=lambda s: pooled(s, allk)["f1"])
    base = (ModelConfig().threshold, 1, 1, 1)
    out = {"best_pooled": {"setting": best_all, **pooled(best_all, allk)}, "folds": []}
    for k in allk:
        others = [j for j in allk if j != k] or [k]
        s_k = max(grid, key=lambda s: pooled(s, others)["f1"])
        thr_k = max([g for g in grid if g[1:] == (1, 1, 1)], key=lambda s: pooled(s, others)["f1"])
        out["folds"].append(
            {
                "fold": folds[k]["fold"],
                "setting": s_k,
                "si": pooled(s_k, [k]),
                "threshold_only": thr_k,
                "si_threshold_only": pooled(thr_k, [k]),
            }
        )
    out["mean_f1_crossfit"] = float(np.mean([r["si"]["f1"] for r in out["folds"]]))
    out["mean_f1_threshold_only"] = float(
        np.mean([r["si_threshold_only"]["f1"] for r in out["folds"]])
    )
    out["base"] = base
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=1, default=list))
    print(json.dumps(out, indent=1, default=list))


if __name__ == "__main__":
    main()
