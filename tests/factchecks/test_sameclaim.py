"""The same-claim model: which matches of an article sentence are shown."""

from __future__ import annotations

import math
import tomllib
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from tests.claims.kb_fixture import fill

from spinscope.claims.component import DEFAULT_THRESHOLD
from spinscope.claims.matching import MATCH_THRESHOLD
from spinscope.factchecks import dense, retrieval
from spinscope.factchecks.rerank import FEATURES as RERANK_FEATURES
from spinscope.factchecks.retrieval import Retriever
from spinscope.factchecks.sameclaim import (
    FEATURES,
    SameClaimModel,
    same_claim_features,
    shipped_model,
)
from spinscope.store import Store


def test_every_threshold_is_the_shipped_models() -> None:
    model = shipped_model()
    config = tomllib.loads(
        resources.files("spinscope").joinpath("default_config.toml").read_text("utf-8")
    )
    assert model.features == FEATURES
    assert MATCH_THRESHOLD == DEFAULT_THRESHOLD == model.threshold
    assert config["components"]["claims.v1"]["threshold"] == model.threshold
    assert 0.5 < model.threshold < 1.0


def test_features_are_the_rerank_columns_it_reads() -> None:
    x = np.arange(2 * len(RERANK_FEATURES), dtype=float).reshape(2, -1)
    out = same_claim_features(x)
    assert out.shape == (2, len(FEATURES))
    assert out[1].tolist() == [x[1, RERANK_FEATURES.index(f)] for f in FEATURES]


@pytest.mark.parametrize("name", FEATURES)
def test_more_of_any_feature_never_lowers_the_probability(name: str) -> None:
    model = shipped_model()
    base = np.array([[0.7, 0.3, 0.0]])
    more = base.copy()
    more[0, FEATURES.index(name)] += 0.2
    assert model.probability(more)[0] >= model.probability(base)[0]


@pytest.mark.parametrize(
    ("cosine", "overlap", "shown"),
    [
        (0.95, 0.8, True),  # the same claim, reworded
        (0.85, 0.5, True),
        (0.60, 0.3, False),  # the same topic, another assertion
        (0.45, 0.5, False),  # shares words only ("a terrible tragedy" / "in terrible condition")
    ],
)
def test_threshold_separates_restatements_from_topic_neighbours(
    cosine: float, overlap: float, shown: bool
) -> None:
    model = shipped_model()
    prob = model.probability(np.array([[cosine, overlap, 0.0]]))[0]
    assert bool(prob >= model.threshold) is shown


def test_model_round_trips_and_refuses_other_features(tmp_path: Path) -> None:
    model = shipped_model()
    path = tmp_path / "m.json"
    path.write_text(__import__("json").dumps(model.to_dict()), "utf-8")
    again = SameClaimModel.load(path)
    assert again.threshold == model.threshold
    other = SameClaimModel.from_dict({**model.to_dict(), "features": ["cosine"]})
    with pytest.raises(ValueError, match="expects features"):
        other.probability(np.zeros((1, len(FEATURES))))


def test_same_claims_shows_restatements_only(store: Store, tmp_path: Path) -> None:
    fill(store, tmp_path)
    found = Retriever.open(store).same_claims(
        [
            "Officials said the White Helmets stage chemical attacks in Syria.",
            "The weather in the capital was pleasant all through the spring.",
            # shares "attacks", "Syria" and "chemical" with two cases, claims neither
            "Syria's chemical industry recovered after the attacks on its ports.",
        ]
    )
    assert [len(ms) for ms in found] == [1, 0, 0]
    (best,) = found[0]
    assert best.claim_text.startswith("The White Helmets stage chemical attacks")
    assert best.score >= shipped_model().threshold


def test_text_far_from_every_fact_check_skips_the_lexical_search(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store, tmp_path)
    searched: list[str] = []
    real = retrieval.lexical_search

    def spy(store_: Store, text: str, **kw: object) -> object:
        searched.append(text)
        return real(store_, text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(retrieval, "lexical_search", spy)
    far = "The recipe needs two eggs, flour and a pinch of salt."
    near = "The White Helmets stage chemical attacks in Syria."
    r = Retriever.open(store)
    floor = shipped_model().min_cosine()
    assert r.candidates([far], min_cosine=floor) == [[]]
    assert searched == []
    assert r.candidates([near], min_cosine=floor)[0]
    assert searched == [near]
    # without the floor every text is searched (what CheckThat! runs and `search` use)
    r.candidates([far])
    assert searched == [near, far]
    # an approximate index may miss the nearest fact-check: its best cosine proves nothing
    real_index = dense.vector_index

    class Approximate:
        def __init__(self, index: object) -> None:
            self.index = index
            self.approximate = True

        def __getattr__(self, name: str) -> object:
            return getattr(self.index, name)

    monkeypatch.setattr(dense, "vector_index", lambda *a, **kw: Approximate(real_index(*a, **kw)))
    assert r.candidates([far], min_cosine=floor)[0]
    assert searched == [near, far, far]


@pytest.mark.parametrize("threshold", [0.5, 0.69, 0.9])
def test_min_cosine_is_the_exact_floor(threshold: float) -> None:
    model = shipped_model()
    floor = model.min_cosine(threshold)
    best = np.array([[floor, 1.0, 1.0]])
    assert model.probability(best)[0] == pytest.approx(threshold, abs=1e-9)
    # a little below the floor nothing reaches the threshold, whatever the shares
    for shares in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (0.5, 0.5)):
        x = np.array([[floor - 1e-3, *shares]])
        assert model.probability(x)[0] < threshold


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.0, -math.inf), (-0.5, -math.inf), (1.0, math.inf), (1.5, math.inf)],
)
def test_min_cosine_at_the_bounds_of_a_probability(threshold: float, expected: float) -> None:
    # a config may set the threshold to 1 (claims.v1 accepts [0, 1]): nothing is shown
    assert shipped_model().min_cosine(threshold) == expected


def test_min_cosine_takes_each_share_at_the_bound_that_helps_most() -> None:
    # a model penalising shared names: the floor is reached with names_shared at 0
    d = shipped_model().to_dict()
    model = SameClaimModel.from_dict({**d, "coef": [2.0, 0.5, -0.7]})
    floor = model.min_cosine(0.69)
    assert model.probability(np.array([[floor, 1.0, 0.0]]))[0] == pytest.approx(0.69, abs=1e-9)
    for shares in ((0.0, 0.0), (1.0, 1.0), (0.0, 1.0), (1.0, 0.0)):
        assert model.probability(np.array([[floor - 1e-3, *shares]]))[0] < 0.69


@pytest.mark.parametrize(
    ("cosines", "floor", "searched"),
    [
        ([0.7, 0.5], 0.665, True),
        ([0.6, 0.5], 0.665, False),
        ([0.6, 0.5], None, True),
        ([], 0.665, False),
        # a NaN cosine (a vector missing or broken) is read as 0, never as the maximum
        ([math.nan, 0.9], 0.665, True),
        ([math.nan, math.nan], 0.665, False),
        # a floor of 0 or less: a lexical candidate without a vector (cosine read as 0)
        # could reach it, whatever the dense cosines
        ([], -0.07, True),
        ([-0.2], 0.0, True),
        ([0.9], -math.inf, True),
        ([0.99], math.inf, False),
        ([0.5], math.nan, True),
    ],
)
def test_reaches_floor(cosines: list[float], floor: float | None, searched: bool) -> None:
    assert retrieval.reaches_floor(np.asarray(cosines, np.float32), floor) is searched


def test_threshold_one_shows_nothing_and_searches_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store, tmp_path)
    searched: list[str] = []
    monkeypatch.setattr(retrieval, "lexical_search", lambda *a, **kw: searched.append(a[1]) or [])
    text = "The White Helmets stage chemical attacks in Syria."
    assert Retriever.open(store).same_claims([text], min_score=1.0) == [[]]
    assert searched == []
