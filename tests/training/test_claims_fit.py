"""The re-ranker's training helpers: MAP@k over candidate pools, the threshold, and
a fit on a tiny synthetic feature file whose export the runtime loads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from training.claims.fit import fit, map_at, threshold_for, top1

from spinscope.factchecks.rerank import FEATURES, Reranker


@pytest.mark.parametrize(
    ("score", "y", "expected"),
    [
        ([0.9, 0.1, 0.5], [1, 0, 0], 1.0),  # relevant first
        ([0.1, 0.9, 0.5], [1, 0, 0], 1 / 3),  # third
        ([0.1, 0.9, 0.5], [0, 0, 0], 0.0),  # not among the candidates
    ],
)
def test_map_at(score: list[float], y: list[int], expected: float) -> None:
    q = np.zeros(3, dtype=int)
    assert map_at(np.asarray(score), np.asarray(y), q, np.asarray([1])) == pytest.approx(expected)


def test_threshold_reaches_the_precision() -> None:
    best = np.asarray([0.95, 0.9, 0.8, 0.3, 0.2])
    good = np.asarray([True, True, True, False, True])
    t = threshold_for(best, good, 0.95)
    assert t == pytest.approx(0.31)
    assert good[best >= t].mean() == 1.0


def test_fit_exports_a_model_the_runtime_reads(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    arrays = {}
    for split, nq in (("train", 60), ("dev", 20)):
        q = np.repeat(np.arange(nq), 8)
        y = np.zeros(len(q), dtype=np.int8)
        y[::8] = 1
        x = rng.standard_normal((len(q), len(FEATURES)))
        x[:, 0] += 2.0 * y  # the cosine tells
        arrays |= {f"{split}_X": x, f"{split}_y": y, f"{split}_q": q, f"{split}_n": np.ones(nq)}
        # the open-world copies: the same tweets without their relevant candidate
        keep = y == 0
        arrays |= {f"{split}_absent_X": x[keep], f"{split}_absent_q": q[keep] + nq}
    np.savez(tmp_path / "f.npz", **arrays)
    report = fit(tmp_path / "f.npz", tmp_path / "rerank.json")
    assert report["dev_map5"] > 0.6
    assert 0.0 <= report["dev_absent_shown"] <= 1.0
    model = Reranker.load(tmp_path / "rerank.json")
    p = model.probability(arrays["dev_X"])
    assert ((p >= 0) & (p <= 1)).all()
    _, good = top1(p, arrays["dev_y"], arrays["dev_q"], 20)
    assert good.mean() > 0.6
