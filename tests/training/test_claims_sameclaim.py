"""Helpers of the same-claim model's training: populations, extra features, annotated sets."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from training.claims.sameclaim import by_population, extra_features, population, read_rows


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("fnn/BuzzFeed_Fake_10", "claim-matches"),
        ("ptc/article1", "claim-matches"),
        ("sample", "claim-matches"),
        ("ptc-articles/article1", "PTC labelled"),
        ("fnn2-title/politifact1", "fake-news titles"),
    ],
)
def test_population_of_a_doc_id(doc: str, expected: str) -> None:
    assert population(doc) == expected


@pytest.mark.parametrize(
    ("sentence", "claim", "overlap_common", "missing_inv"),
    [
        # a restatement: every common word of the claim is there (stemmed)
        ("Sanctions against Russia do not work.", "The sanctions on Russia do not work", 1.0, 1.0),
        # a topic neighbour: the names are shared, what is said of them is not
        ("Russia and the West met.", "The West is encircling Russia", 0.0, 0.5),
        ("Levied sanctions on Russia.", "The sanctions against Russia do not work", 0.5, 0.5),
    ],
)
def test_extra_features_see_what_the_claim_says(
    sentence: str, claim: str, overlap_common: float, missing_inv: float
) -> None:
    got = extra_features(sentence, claim)
    assert got[0] == pytest.approx(overlap_common)
    assert got[1] == pytest.approx(missing_inv)
    assert all(0.0 <= v <= 1.0 for v in got)


def test_rows_without_weight_weigh_one(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"doc": "sample", "weight": 12.5}) + "\n", "utf-8")
    b.write_text(json.dumps({"doc": "fnn2-title/1"}) + "\n\n", "utf-8")
    assert [r["weight"] for r in read_rows([a, b])] == [12.5, 1.0]


def test_by_population_weights_precision_and_recall() -> None:
    score = np.array([0.9, 0.9, 0.1, 0.9])
    y = np.array([1, 0, 1, 1])
    w = np.array([1.0, 3.0, 4.0, 1.0])
    pop = np.array(["a", "a", "a", "b"])
    out = by_population(score, y, w, pop, 0.5)
    assert out["a"] == {
        "pairs": 3,
        "shown": 2,
        "shown_same": 1,
        "precision": 0.25,
        "recall": 0.2,
    }
    assert out["b"]["precision"] == 1.0
