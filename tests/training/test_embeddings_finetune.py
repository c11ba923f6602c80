"""The encoder fine-tuning's data helpers on a tiny invented CheckThat!-shaped folder:
claim texts, tweets as the runtime embeds them, the stable held-out split, dense MAP@5
and hard-negative mining (no torch needed)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from training.embeddings.finetune import (
    euvs_pairs,
    held_out,
    map_at_5,
    mine_hard,
    split_queries,
    verified_claims,
)


@pytest.fixture
def ct20(tmp_path: Path) -> Path:
    (tmp_path / "train").mkdir()
    (tmp_path / "verified_claims.docs.tsv").write_text(
        "\tvclaim\ttitle\n0\tThe moon  landing was filmed.\tMoon hoax?\n1\tTaxes went up.\tTaxes\n"
    )
    (tmp_path / "train" / "tweets.queries.tsv").write_text(
        "\ttweet_content\n7\tNo one went to the moon https://t.co/x #MoonHoax\n8\tTaxes rose\n"
    )
    (tmp_path / "train" / "tweet-vclaim-pairs.qrels").write_text("7\t0\t0\t1\n8\t0\t1\t1\n")
    return tmp_path


def test_claims_and_queries_are_the_runtime_texts(ct20: Path) -> None:
    assert verified_claims(ct20) == {"0": "The moon landing was filmed.", "1": "Taxes went up."}
    queries, qrels = split_queries(ct20, "train")
    assert "https" not in queries["7"]
    assert qrels == {"7": {"0"}, "8": {"1"}}


@pytest.mark.parametrize(("share", "expected"), [(0.0, 0), (1.0, 100)])
def test_held_out_share_bounds(share: float, expected: int) -> None:
    assert sum(held_out(str(i), share, 13) for i in range(100)) == expected


def test_held_out_is_stable_and_near_its_share() -> None:
    picks = [held_out(str(i), 0.2, 13) for i in range(2000)]
    assert picks == [held_out(str(i), 0.2, 13) for i in range(2000)]
    assert 0.15 < sum(picks) / 2000 < 0.25


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ([1.0, 0.0], 1.0),  # the relevant claim first
        ([0.6, 0.8], 0.5),  # second
    ],
)
def test_map_at_5(query: list[float], expected: float) -> None:
    claims = np.asarray([[1.0, 0.0], [0.0, 1.0]])
    got = map_at_5(np.asarray([query]), ["q"], claims, ["a", "b"], {"q": {"a"}})
    assert got == pytest.approx(expected)


def test_mine_hard_skips_the_top_and_relevant_claims() -> None:
    claims = np.eye(4)
    query = np.asarray([[0.9, 0.5, 0.3, 0.1]])
    hard = mine_hard(query, ["q"], claims, ["a", "b", "c", "d"], {"q": {"b"}}, random.Random(0))
    assert hard["q"] in {"c", "d"}


def test_euvs_pairs_drop_identical_title_and_summary(tmp_path: Path) -> None:
    f = tmp_path / "cases.csv"
    f.write_text('"title","summary"\n"A lie","A lie"\n"NATO plans war","NATO  is planning war"\n')
    assert euvs_pairs(f, 5, random.Random(0)) == [("NATO plans war", "NATO is planning war")]
