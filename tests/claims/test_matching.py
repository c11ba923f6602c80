"""The matching adapter: its [0, 1] score and what it returns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from spinscope.claims.matching import MATCH_THRESHOLD, lexical_score, match_claims
from spinscope.factchecks import import_files
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.lexical import SearchHit
from spinscope.store import Store

from .kb_fixture import CASES_HEADER, fill


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
    assert [len(ms) for ms in found] == [2, 0]
    best, second = found[0]
    assert best.score >= second.score >= MATCH_THRESHOLD
    assert best.disproof and second.url
    assert all(0.0 <= m.score <= 1.0 for m in found[0])


def test_a_case_in_both_euvsdisinfo_files_is_one_match_with_link_and_debunk(
    store: Store, tmp_path: Path
) -> None:
    title = "NATO troops prepare an invasion of Belarus from Poland"
    cases, index = tmp_path / "cases.csv", tmp_path / "index.csv"
    with cases.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(CASES_HEADER)
        out.writerow([1, "10/03/17", "TV", "Russian", "", "", "", "", title, title + ".", "No."])
    with index.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["date", "id", "title", "countries", "keywords", "languages", "outlets"])
        out.writerow(["2017-10-03", "https://euvsdisinfo.eu/report/nato/", title, "", "", "", ""])
    import_files(store, [cases, index], get_importer("euvsdisinfo"))
    (found,) = match_claims(store, ["NATO troops prepare an invasion of Belarus from Poland."])
    assert len(found) == 1
    assert found[0].url == "https://euvsdisinfo.eu/report/nato/" and found[0].disproof == "No."
