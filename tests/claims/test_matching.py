"""The matching adapter: its [0, 1] score and what it returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.claims.matching import (
    MATCH_THRESHOLD,
    ClaimMatch,
    _Extra,
    _merge_duplicates,
    lexical_score,
    match_claims,
)
from spinscope.factchecks.lexical import SearchHit
from spinscope.store import Store

from .kb_fixture import fill


def hit(claim: str, title: str | None = None) -> SearchHit:
    return SearchHit("x", 3.0, claim, "false", None, None, None, title, None, None, "kb")


@pytest.mark.parametrize(
    ("query", "claim", "title", "expected"),
    [
        ("White Helmets stage chemical attacks", "White Helmets stage chemical attacks", None, 1.0),
        # two shared words are not a match, whatever the ratio
        ("The group was involved in attacks.", "Ukraine involved in attacks", None, 0.0),
        ("NATO troops invade Belarus now", "NATO invade Belarus", None, 0.857),
        # the title counts when it matches better than the claim
        (
            "NATO troops invade Belarus",
            "Something else entirely",
            "NATO troops invade Belarus",
            1.0,
        ),
        ("", "NATO invade Belarus", None, 0.0),
    ],
)
def test_lexical_score(query: str, claim: str, title: str | None, expected: float) -> None:
    assert lexical_score(query, hit(claim, title)) == pytest.approx(expected, abs=1e-3)


def test_match_claims(store: Store, tmp_path: Path) -> None:
    fill(store, tmp_path)
    found = match_claims(
        store,
        ["The White Helmets stage chemical attacks in Syria.", "Nothing here matches at all."],
        k=5,
    )
    # The other White Helmets case (a false-flag plot in Idlib) is not the same claim.
    assert [len(ms) for ms in found] == [1, 0]
    (best,) = found[0]
    assert 1.0 >= best.score >= MATCH_THRESHOLD
    assert best.disproof and best.claim.startswith("The White Helmets stage chemical attacks")


def test_a_case_in_both_euvsdisinfo_files_is_one_match_with_link_and_debunk() -> None:
    # EUvsDisinfo's cases file has the debunk, its index the case's address: same title
    # and date, two rows.
    def match(id_: str, score: float, url: str | None, disproof: str | None) -> ClaimMatch:
        return ClaimMatch(
            id_, score, "NATO invades", "false", None, url, None, None, "eu", disproof
        )

    extra = {
        "a": _Extra("No.", "2017-10-03", "NATO invades"),
        "b": _Extra(None, "2017-10-03", "NATO  invades"),
        "c": _Extra(None, "2019-01-01", "NATO invades"),
    }
    merged = _merge_duplicates(
        [match("b", 0.8, "https://euvsdisinfo.eu/report/nato/", None), match("a", 0.7, None, None),
         match("c", 0.6, "https://x.test/", None)],
        extra,
    )  # fmt: skip
    assert [(m.id, m.url, m.disproof, m.date) for m in merged] == [
        ("b", "https://euvsdisinfo.eu/report/nato/", "No.", "2017-10-03"),
        ("c", "https://x.test/", None, "2019-01-01"),
    ]
