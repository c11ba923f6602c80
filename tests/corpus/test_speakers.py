"""Speaker names over a corpus: cleaned, junk dropped, one row per person."""

from __future__ import annotations

from typing import Any

import pytest

from spinscope.corpus.speakers import clean_name, corpus_aliases, merge_in_document
from spinscope.corpus.stats import corpus_stats


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Donald Trump", "Donald Trump"),
        ("President Trump", "Trump"),
        ("Mr. Trump", "Trump"),
        ("Former U.S. Attorney Joseph DiGenova", "Joseph DiGenova"),
        ("John Hawkins John Hawkins's", "John Hawkins"),
        ("Trump’s", "Trump"),
        ("Obama To", "Obama"),
        ("Instead Obama", "Obama"),
        ("The Daily Caller", "Daily Caller"),
        ("Bill de Blasio", "Bill de Blasio"),
        ("de Blasio", "de Blasio"),
        ("Bank of England", "Bank of England"),
        ("al-Assad", "al-Assad"),
        ("NFL", "NFL"),
        ("he", None),
        ("They", None),
        ("Well", None),
        ("President", None),
        ("an unnamed source", None),
        ("An RA", None),
        ("One of former President Bill Clinton’s oldest friends", None),
        ("Anonymous officials", None),
        ("Trump and Clinton went", None),
        ("Essential Research survey", None),
        ("Manhattan billionaire gave Holt a C+ for his performance", None),
        ("Both the Stanford law school grad Thiel and Trump’s campaign", None),
        ("Smith: the", None),
        ("", None),
    ],
)
def test_clean_name(raw: str, clean: str | None) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("speakers", "merged"),
    [
        ([("Donald Trump", 3), ("Trump", 2), ("President Trump", 1)], [("Donald Trump", 6)]),
        ([("Hillary Clinton", 2), ("Hillary", 1)], [("Hillary Clinton", 3)]),
        # Two Clintons in one article: the bare surname is left as it is.
        (
            [("Hillary Clinton", 2), ("Bill Clinton", 1), ("Clinton", 1)],
            [("Hillary Clinton", 2), ("Bill Clinton", 1), ("Clinton", 1)],
        ),
        ([("he", 4), ("an unnamed source", 2), ("Merkel", 1)], [("Merkel", 1)]),
    ],
)
def test_merge_in_document(speakers: list[tuple[str, int]], merged: list[Any]) -> None:
    assert merge_in_document(speakers) == merged


def test_corpus_aliases_need_a_dominant_full_name() -> None:
    docs = [
        [("Donald Trump", 5)],
        [("Trump", 2)],
        [("Hillary Clinton", 3), ("Bill Clinton", 1)],
        [("Clinton", 1)],
        [("Barack Obama", 2), ("Michelle Obama", 2)],
        [("Obama", 1)],
    ]
    assert corpus_aliases(docs) == {"Trump": "Donald Trump", "Clinton": "Hillary Clinton"}


def _doc(i: int, outlet: str, speakers: list[tuple[str, int]]) -> dict[str, Any]:
    rows = [
        {"name": name, "role": None, "statements": [{"start": 0, "end": 1}] * n}
        for name, n in speakers
    ]
    return {
        "id": f"d{i}",
        "text": "x",
        "meta": {"outlet": outlet},
        "profiles": {"sourcing": {"speakers": rows, "attributions": 1}},
    }


def test_speaker_rows_merge_people_across_the_corpus_and_drop_junk() -> None:
    docs = [
        _doc(1, "a.com", [("Donald Trump", 2), ("Trump", 1), ("he", 3)]),
        _doc(2, "b.com", [("President Trump", 2), ("an unnamed source", 1)]),
        _doc(3, "c.com", [("Trump and Clinton went", 1), ("Angela Merkel", 1)]),
    ]
    stats = corpus_stats(docs, "speaker")
    rows = [(r.name, r.statements, r.articles, r.outlets) for r in stats.rows]
    assert rows == [
        ("Donald Trump", 5, 2, ("a.com", "b.com")),
        ("Angela Merkel", 1, 1, ("c.com",)),
    ]
