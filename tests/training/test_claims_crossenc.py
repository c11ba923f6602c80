"""The cross-encoder's training helpers: pair text, MAP of a ranking, how its logits are
combined with the re-ranker's probabilities, and its command line."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from training.claims import cli
from training.claims.crossenc import (
    CrossencConfig,
    _groups,
    average_precision,
    combine,
    excluded_claims,
    map_at,
    pair_text,
    paraphrase_groups,
    paraphrase_pool,
    split_train,
)

from spinscope.factchecks.crossenc import claim_side


@pytest.mark.parametrize(
    ("claim", "title"),
    [("A claim.", None), ("A claim.", "A title?"), ("A  claim.", "a claim."), ("x", " ")],
)
def test_pair_text_is_the_runtimes_claim_side(claim: str, title: str | None) -> None:
    assert pair_text(claim, title) == claim_side(claim, title)


@pytest.mark.parametrize(
    ("y", "n_rel", "k", "expected"),
    [
        ([1, 0, 0], 1, 5, 1.0),
        ([0, 1, 0], 1, 5, 0.5),
        ([0, 0, 0, 0, 0, 1], 1, 5, 0.0),
        ([1, 0, 1], 2, 5, (1 + 2 / 3) / 2),
        ([0, 1], 0, 5, 0.0),
    ],
)
def test_average_precision(y: list[int], n_rel: int, k: int, expected: float) -> None:
    assert average_precision(y, n_rel, k) == pytest.approx(expected)


def test_map_at_follows_the_order() -> None:
    rows = [{"y": [0, 1, 0], "n_rel": 1}, {"y": [1, 0], "n_rel": 1}]
    assert map_at(rows, [[0, 1, 2], [0, 1]], 5) == pytest.approx(0.75)
    assert map_at(rows, [[1, 0, 2], [1, 0]], 1) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("p", "x", "how", "weight", "n", "expected"),
    [
        # The cross-encoder alone on the first two; the third keeps its place.
        ([0.9, 0.5, 0.1], [-1.0, 1.0], "rerank", 0.0, 2, [1, 0, 2]),
        ([0.9, 0.5, 0.1], [-1.0, 1.0, 5.0], "rerank", 0.0, 2, [1, 0, 2]),
        # logit(0.9) = 2.2, logit(0.5) = 0: a weight of 1 on (-1, 1) keeps the order ...
        ([0.9, 0.5, 0.1], [-1.0, 1.0], "sum", 1.0, 2, [0, 1, 2]),
        # ... a weight of 2 turns it; unscored candidates stay after the scored ones.
        ([0.9, 0.5, 0.1], [-1.0, 1.0], "sum", 2.0, 2, [1, 0, 2]),
        ([0.9, 0.5, 0.1], [0.0, 0.0, 0.0], "sum", 1.0, 3, [0, 1, 2]),
    ],
)
def test_combine(
    p: list[float], x: list[float], how: str, weight: float, n: int, expected: list[int]
) -> None:
    assert combine(p, x, how, weight, n) == expected


def _row(qid: str, y: list[int]) -> dict[str, Any]:
    return {"id": qid, "query": f"q{qid}", "y": y, "texts": [f"{qid}-{i}" for i in range(len(y))]}


def test_groups_hold_the_relevant_claim_first_and_hard_negatives() -> None:
    rows = [_row("a", [0, 1, 0, 0]), _row("b", [1, 0, 0]), _row("c", [0, 0, 0])]
    cfg = CrossencConfig(negatives=2, pool=3, groups=2)
    groups = _groups(rows, cfg, random.Random(0))
    assert sorted(q for q, _ in groups) == ["qa", "qb"]  # "c": its claim is not a candidate
    for q, texts in groups:
        qid = q[1:]
        relevant = next(r for r in rows if r["id"] == qid)["y"].index(1)
        assert texts[0] == f"{qid}-{relevant}"
        assert len(texts) == 3 and len(set(texts)) == 3
        # Negatives come from the re-ranker's top POOL only.
        assert all(int(t.split("-")[1]) < cfg.pool for t in texts[1:])


@pytest.mark.parametrize(
    ("holdout", "fitted", "held"), [(0.0, 100, 0), (1.0, 0, 100), (0.2, 81, 19)]
)
def test_split_train(holdout: float, fitted: int, held: int) -> None:
    rows = [_row(str(i), [1]) for i in range(100)]
    fit, test = split_train(rows, holdout, 13)
    assert (len(fit), len(test)) == (fitted, held)
    assert sorted(r["id"] for r in fit + test) == sorted(r["id"] for r in rows)


@pytest.mark.parametrize(("argv", "expected"), [([], 0.2), (["--holdout", "0"], 0.0)])
def test_train_holdout_option(argv: list[str], expected: float) -> None:
    import argparse

    from training.options import add_arguments, from_namespace

    parser = argparse.ArgumentParser()
    add_arguments(parser, CrossencConfig)
    assert from_namespace(CrossencConfig, parser.parse_args(argv)).holdout == expected


@pytest.mark.parametrize(
    ("argv", "seed", "init_seed"),
    [([], 13, None), (["--init-seed", "29"], 13, 29), (["--seed", "7"], 7, None)],
)
def test_train_init_seed_option(argv: list[str], seed: int, init_seed: int | None) -> None:
    """The initialisation seed is its own option; the split seed stays 13 unless given."""
    import argparse

    from training.options import add_arguments, from_namespace

    parser = argparse.ArgumentParser()
    add_arguments(parser, CrossencConfig)
    cfg = from_namespace(CrossencConfig, parser.parse_args(argv))
    assert (cfg.seed, cfg.init_seed) == (seed, init_seed)


@pytest.mark.parametrize(("argv", "expected"), [([], 0), (["--paraphrases", "1600"], 1600)])
def test_train_paraphrases_option(argv: list[str], expected: int) -> None:
    import argparse

    from training.options import add_arguments, from_namespace

    parser = argparse.ArgumentParser()
    add_arguments(parser, CrossencConfig)
    assert from_namespace(CrossencConfig, parser.parse_args(argv)).paraphrases == expected


def _unit(*xs: float) -> list[float]:
    v = np.asarray(xs, dtype=np.float32)
    return list(v / np.linalg.norm(v))


#: Invented claims and vectors: b is next to a, c far from both, d a near copy of a.
KB = [
    ("a", "Cats can fly.", "Can Cats Fly?", _unit(1, 0, 0)),
    ("b", "Dogs can fly.", "Can Dogs Fly?", _unit(1, 1, 0)),
    ("c", "Fish can sing.", "Do Fish Sing?", _unit(0, 0, 1)),
    ("d", "Cats  can fly!", "Cats Fly?", _unit(1, 0.01, 0)),
    ("e", "Same words.", "same words.", _unit(0, 1, 1)),
]


def _kb(keys: str = "abcde") -> tuple[list[dict[str, str]], np.ndarray]:
    rows = [r for r in KB if r[0] in keys]
    claims = [{"key": k, "claim": c, "title": t} for k, c, t, _ in rows]
    return claims, np.asarray([v for *_, v in rows], dtype=np.float32)


@pytest.mark.parametrize(
    ("keys", "excluded", "expected"),
    [
        # Nearest first (ties in the knowledge base's order); d is a near copy of a
        # (cosine >= 0.9): never a negative of a; e's title is its claim: no query of
        # its own, but a negative of the others.
        (
            "abce",
            set(),
            {
                "Can Cats Fly?": (
                    "Cats can fly.",
                    ["Dogs can fly.", "Fish can sing.", "Same words."],
                ),
                "Can Dogs Fly?": (
                    "Dogs can fly.",
                    ["Cats can fly.", "Same words.", "Fish can sing."],
                ),
                "Do Fish Sing?": (
                    "Fish can sing.",
                    ["Same words.", "Cats can fly.", "Dogs can fly."],
                ),
            },
        ),
        ("ad", set(), {}),
        # An excluded claim is neither a query, a positive nor a negative.
        (
            "abc",
            {"b"},
            {
                "Can Cats Fly?": ("Cats can fly.", ["Fish can sing."]),
                "Do Fish Sing?": ("Fish can sing.", ["Cats can fly."]),
            },
        ),
    ],
)
def test_paraphrase_pool(
    keys: str, excluded: set[str], expected: dict[str, tuple[str, list[str]]]
) -> None:
    claims, vectors = _kb(keys)
    got = {t: (c, negs) for t, c, negs in paraphrase_pool(claims, vectors, excluded, pool=5)}
    assert got == expected


def test_paraphrase_pool_drops_copies_of_excluded_claims() -> None:
    """A claim with the same text (or title) as an excluded one would leak it."""
    claims, vectors = _kb("abc")
    claims.append({"key": "z", "claim": "dogs can  fly.", "title": "Other"})
    vectors = np.vstack([vectors, np.asarray([_unit(0, 0.2, 1)], dtype=np.float32)])
    texts = [
        x for t, c, negs in paraphrase_pool(claims, vectors, {"b"}, pool=5) for x in (t, c, *negs)
    ]
    assert not any("dogs" in x.casefold() or x == "Other" for x in texts)


@pytest.mark.parametrize(("n", "negatives", "expected"), [(2, 1, 2), (9, 2, 3)])
def test_paraphrase_groups(n: int, negatives: int, expected: int) -> None:
    """The title is the query, the claim alone (no title) comes first, then negatives."""
    claims, vectors = _kb("abc")
    items = paraphrase_pool(claims, vectors, set(), pool=5)
    cfg = CrossencConfig(negatives=negatives, groups=2)
    groups = paraphrase_groups(items, n, cfg, random.Random(0))
    assert len(groups) == expected
    by_title = {t: (c, negs) for t, c, negs in items}
    for query, texts in groups:
        claim, negs = by_title[query]
        assert texts[0] == claim and "|" not in texts[0]
        assert len(texts) == 1 + negatives and set(texts[1:]) <= set(negs)


@pytest.mark.parametrize(("holdout", "expected"), [(0.0, {"v3"}), (1.0, {"v1", "v2", "v3"})])
def test_excluded_claims(tmp_path: Path, holdout: float, expected: set[str]) -> None:
    """The held-out train tweets' relevant claims and every dev tweet's."""
    for split, lines in (
        ("train", ["t1 0 v1 1", "t2 0 v2 1", "t3 0 v9 0"]),
        ("dev", ["d1 0 v3 1"]),
    ):
        (tmp_path / split).mkdir()
        (tmp_path / split / "tweet-vclaim-pairs.qrels").write_text(
            "\n".join(lines).replace(" ", "\t") + "\n"
        )
    assert excluded_claims(tmp_path, holdout, 13) == expected


@pytest.mark.parametrize(
    "step",
    [
        "xenc-candidates",
        "xenc-train",
        "xenc-score",
        "xenc-calibrate",
        "xenc-export",
        "xenc-check",
        "xenc-ensemble",
        "xenc-depth",
        "xenc-depth-cost",
    ],
)
def test_cli_steps_have_help(step: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([step, "--help"])
    assert exit_.value.code == 0
    assert "usage" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([{"t": [1.0, 2.0]}], {"t": [1.0, 2.0]}),
        ([{"t": [1.0, 2.0]}, {"t": [3.0, -2.0]}], {"t": [2.0, 0.0]}),
        ([{"t": [1.0, 2.0, 5.0]}, {"t": [3.0, 4.0]}], {"t": [2.0, 3.0]}),
        ([{"a": [], "b": [4.0]}, {"a": [], "b": [0.0]}], {"a": [], "b": [2.0]}),
    ],
)
def test_mean_scores(files: list[dict[str, list[float]]], expected: dict[str, list[float]]) -> None:
    from training.claims.crossenc import mean_scores

    assert mean_scores(files) == expected


@pytest.mark.parametrize(
    ("ys", "expected"),
    [
        # First relevant at rank 1, 7, 15, 25, none.
        (
            [[1, 0], [0] * 6 + [1], [0] * 14 + [1], [0] * 24 + [1], [0, 0]],
            {
                "recall@5": 0.2,
                "recall@10": 0.4,
                "recall@20": 0.6,
                "recall@all": 0.8,
                "first relevant at 6-10": 1,
                "first relevant at 11-20": 1,
                "first relevant below 20": 1,
                "no relevant candidate": 1,
            },
        ),
        ([[0, 1, 1]], {"recall@5": 1.0, "first relevant at 6-10": 0}),
    ],
)
def test_recall_depths(ys: list[list[int]], expected: dict[str, float]) -> None:
    from training.claims.crossenc import recall_depths

    out = recall_depths([{"y": y} for y in ys])
    assert {k: out[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("x_sign", "positive"),
    [
        # The cross-encoder's logit agrees with relevance: its weight comes out positive.
        (1.0, True),
        # It disagrees: negative.
        (-1.0, False),
    ],
)
def test_listwise_fit_weighs_the_logit_by_how_it_ranks(x_sign: float, positive: bool) -> None:
    from training.claims.crossenc import listwise_fit

    rng = random.Random(0)
    rows, scores = [], {}
    for i in range(40):
        y = [0, 0, 0]
        y[rng.randrange(3)] = 1
        rows.append({"id": str(i), "y": y, "p": [0.5, 0.5, 0.5]})
        scores[str(i)] = [x_sign * (2.0 * v + rng.gauss(0, 1)) for v in y]
    rows.append({"id": "none", "y": [0, 0, 0], "p": [0.9, 0.5, 0.1]})  # left out
    scores["none"] = [0.0, 0.0, 0.0]
    _, b = listwise_fit(rows, scores, 3)
    assert (b > 0) is positive
