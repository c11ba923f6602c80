"""The vector index: exact and approximate (HNSW) search agree; the graph persists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from spinscope.factchecks.dense import Fingerprint, VectorIndex


def _unit(rng: np.random.Generator, n: int, dim: int = 64) -> np.ndarray:
    v = rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    vectors = _unit(rng, 3000)
    # Queries near known vectors, as a restated claim is near its fact-check.
    queries = vectors[:50] + 0.3 * _unit(rng, 50)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    pks = np.arange(10, 3010, dtype=np.int64)
    return pks, vectors, queries


def test_exact_search_by_hand() -> None:
    vectors = np.asarray([[1, 0], [0, 1], [0.6, 0.8]], dtype=np.float32)
    index = VectorIndex(np.asarray([5, 6, 7]), vectors)
    pks, cos = index.search(np.asarray([[1, 0]], dtype=np.float32), 2)
    assert pks.tolist() == [[5, 7]]
    assert cos == pytest.approx(np.asarray([[1.0, 0.6]]))
    assert not index.approximate
    assert index.cosines(np.asarray([0, 1], dtype=np.float32), [7, 99]) == pytest.approx(
        np.asarray([0.8, np.nan]), nan_ok=True
    )
    assert index.search(np.zeros((1, 2), dtype=np.float32), 10)[0].shape == (1, 3)


def test_ann_agrees_with_exact(data: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    pks, vectors, queries = data
    exact = VectorIndex(pks, vectors)
    ann = VectorIndex(pks, vectors, ann_threshold=100)
    assert ann.approximate and len(ann) == len(exact) == 3000
    e_pks, e_cos = exact.search(queries, 10)
    a_pks, a_cos = ann.search(queries, 10)
    assert (a_pks[:, 0] == pks[:50]).all()  # the planted neighbour, first
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(a_pks, e_pks, strict=True)])
    assert recall >= 0.9
    # float16 storage in the graph: cosines within 1e-2 of exact.
    assert a_cos[:, 0] == pytest.approx(e_cos[:, 0], abs=1e-2)
    assert ann.cosines(queries[0], [int(pks[0])]) == pytest.approx(e_cos[0, :1], abs=1e-2)


def test_ann_graph_is_saved_and_reused(
    data: tuple[np.ndarray, np.ndarray, np.ndarray], tmp_path: Path
) -> None:
    pks, vectors, queries = data
    path = tmp_path / "kb.db.usearch"
    fp = Fingerprint(3000, "2026-01-01")
    built = VectorIndex(pks, vectors, fingerprint=fp, ann_threshold=100, ann_path=path)
    assert path.is_file()
    stamp = path.stat().st_mtime_ns
    loaded = VectorIndex(pks, vectors, fingerprint=fp, ann_threshold=100, ann_path=path)
    assert path.stat().st_mtime_ns == stamp  # not rebuilt
    assert (loaded.search(queries, 5)[0] == built.search(queries, 5)[0]).all()
    # Another fingerprint (the KB changed): rebuilt.
    VectorIndex(pks, vectors, fingerprint=Fingerprint(1, "x"), ann_threshold=100, ann_path=path)
    assert path.stat().st_mtime_ns != stamp
