"""The training-side scoring adapters over the official SemEval scorers."""

from __future__ import annotations

from collections import Counter

import pytest
from training.techniques.metrics import ece, si_metrics, tc_metrics

from spinscope.techniques.definitions import TECHNIQUES


def test_si_partial_overlap_and_gold_merging() -> None:
    gold = {"a": [(0, 10), (5, 20)]}  # merged into (0, 20)
    assert si_metrics({"a": [(0, 20)]}, gold)["f1"] == pytest.approx(1.0)
    half = si_metrics({"a": [(0, 10)]}, gold)
    assert half["precision"] == pytest.approx(1.0)
    assert half["recall"] == pytest.approx(0.5)
    assert half["n_pred"] == 1
    assert half["n_gold"] == 1
    assert si_metrics({"a": []}, gold)["f1"] == 0.0


def test_si_merges_overlapping_predictions() -> None:
    res = si_metrics({"a": [(0, 6), (4, 10)]}, {"a": [(0, 10)]})
    assert res["n_pred"] == 1
    assert res["f1"] == pytest.approx(1.0)


def test_tc_micro_f1_with_double_labels() -> None:
    gold = {"a": [("Doubt", 0, 5), ("Repetition", 0, 5), ("Slogans", 7, 9)]}
    ranked = {("a", 0, 5): ["Repetition", "Doubt", "Slogans"], ("a", 7, 9): ["Doubt"]}
    res = tc_metrics(ranked, gold, TECHNIQUES)
    assert res["micro_f1"] == pytest.approx(2 / 3)
    assert res["n_gold"] == 3
    assert res["per_technique_f1"]["Slogans"] == 0.0
    assert res["per_technique_f1"]["Doubt"] == pytest.approx(2 / 3)
    assert set(res["per_technique_f1"]) == set(TECHNIQUES)
    assert res["macro_f1"] == pytest.approx(sum(res["per_technique_f1"].values()) / 14)


def test_tc_unranked_span_is_a_miss() -> None:
    gold = {"a": [("Doubt", 0, 5), ("Slogans", 7, 9)]}
    res = tc_metrics({("a", 0, 5): ["Doubt"]}, gold, TECHNIQUES)
    assert res["micro_f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def _reference_tc_micro(ranked: dict, gold: dict) -> float:
    """SemEval TC micro-F1 written out: top-n guesses for an n-label span."""
    tp = n_pred = n_gold = 0
    for aid, rows in gold.items():
        by_span: dict[tuple[int, int], list[str]] = {}
        for t, s, e in rows:
            by_span.setdefault((s, e), []).append(t)
        for (s, e), labels in by_span.items():
            guess = list(ranked.get((aid, s, e), []))[: len(labels)]
            n_gold += len(labels)
            n_pred += len(guess)
            tp += sum((Counter(labels) & Counter(guess)).values())
    p, r = tp / n_pred, tp / n_gold
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize("seed", range(5))
def test_tc_matches_the_written_out_definition(seed: int) -> None:
    import random

    rng = random.Random(seed)
    gold: dict[str, list[tuple[str, int, int]]] = {}
    ranked: dict[tuple[str, int, int], list[str]] = {}
    for aid in "abc":
        for s in range(0, 40, 4):
            labels = rng.sample(TECHNIQUES, rng.choice((1, 1, 1, 2)))
            gold.setdefault(aid, []).extend((t, s, s + 3) for t in labels)
            ranked[(aid, s, s + 3)] = rng.sample(TECHNIQUES, 3)
    res = tc_metrics(ranked, gold, TECHNIQUES)
    assert res["micro_f1"] == pytest.approx(_reference_tc_micro(ranked, gold))


@pytest.mark.parametrize(
    ("probs", "correct", "expected"),
    [
        ([1.0, 1.0], [True, True], 0.0),
        ([0.9] * 10, [True] * 5 + [False] * 5, 0.4),
        ([0.0, 0.0], [False, False], 0.0),
        ([], [], 0.0),
        ([0.2, 0.8], [False, True], 0.2),
    ],
)
def test_ece(probs: list[float], correct: list[bool], expected: float) -> None:
    assert ece(probs, correct) == pytest.approx(expected)
