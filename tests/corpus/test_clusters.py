from __future__ import annotations

import pytest

from spinscope.corpus.clusters import (
    ClusterOptions,
    Record,
    diff_sentences,
    find_clusters,
    record_from_dict,
    shingles,
)

TAXES = (
    "The finance minister said on Tuesday that the new budget would cut income taxes for "
    "working families by two percent.\n"
    "Critics called the plan a cynical ploy to win votes before the autumn election.\n"
    "The opposition leader warned that hospitals and schools would lose funding as a result.\n"
    "Economists were divided on the likely effect of the cuts on growth and on the deficit."
)
FLOODS = (
    "Heavy rain flooded dozens of villages in the north of the country over the weekend.\n"
    "Rescue teams used boats to reach families trapped on the roofs of their houses.\n"
    "The weather service expects more storms this week and urged residents to stay indoors.\n"
    "Officials said the damage to roads and bridges would take months to repair."
)
FOOTBALL = (
    "The home side won the cup final on penalties after a goalless draw in front of a full "
    "stadium.\n"
    "Their goalkeeper saved two spot kicks and was named player of the match by the "
    "organisers.\n"
    "The coach said the victory belonged to the supporters who had waited twenty years."
)


def _corpus() -> list[Record]:
    return [
        Record("taxes", TAXES, "first.example", "2024-03-05"),
        # the same story a day earlier on another site, one word edited, a footer added
        Record(
            "taxes-copy",
            TAXES.replace("Tuesday", "Monday")
            + "\nSign up for our newsletter to get the news in your inbox.",
            "second.example",
            "2024-03-04",
        ),
        # truncated: the first half only
        Record("taxes-short", TAXES[: len(TAXES) // 2 + 40], "third.example", "2024-03-06"),
        Record("floods", FLOODS, "first.example", "2024-03-05"),
        # a sentence added in the middle, undated
        Record(
            "floods-plus",
            FLOODS.replace(
                "houses.\n",
                "houses.\nA spokesman for the army said soldiers had been sent to help.\n",
            ),
            "fourth.example",
            None,
        ),
        Record("football", FOOTBALL, "sport.example", "2024-03-05"),
        Record("tiny", "Too short to tell.", "x.example", "2024-03-01"),
    ]


def test_known_copies_cluster_with_the_first_seen_first() -> None:
    clusters = find_clusters(_corpus())
    assert [c.ids for c in clusters] == [
        ("taxes-copy", "taxes", "taxes-short"),
        ("floods", "floods-plus"),
    ]
    taxes, floods = clusters
    assert taxes.first.date == "2024-03-04"
    assert taxes.outlets == ("second.example", "first.example", "third.example")
    assert taxes.dates == ("2024-03-04", "2024-03-05", "2024-03-06")
    original = taxes.copies[0]
    assert original.removed == ("Sign up for our newsletter to get the news in your inbox.",)
    assert len(original.changed) == 1 and "Monday" in original.changed[0][0]
    assert 0.5 < original.similarity < 1
    added = floods.copies[0]
    assert added.added == ("A spokesman for the army said soldiers had been sent to help.",)
    assert added.removed == () and added.changed == ()


def test_min_size_and_threshold() -> None:
    assert [c.size for c in find_clusters(_corpus(), min_size=3)] == [3]
    strict = ClusterOptions(threshold=0.99, containment=1.01)
    assert find_clusters(_corpus(), strict) == []


def test_unrelated_texts_on_one_topic_do_not_cluster() -> None:
    other = TAXES.replace("finance minister", "prime minister").split("\n")
    rewritten = Record(
        "taxes-rewritten",
        "Taxes for working families will fall, the government announced. "
        "The opposition says the budget is an election ploy that will hurt hospitals. "
        "Economists disagree about what it will do to growth and to the deficit. " + other[0],
        "fifth.example",
        "2024-03-05",
    )
    clusters = find_clusters([*_corpus()[:1], rewritten, _corpus()[5]])
    assert clusters == []


def test_cluster_json() -> None:
    payload = find_clusters(_corpus())[1].to_dict()
    assert payload["size"] == 2
    assert payload["first"] == {"id": "floods", "domain": "first.example", "date": "2024-03-05"}
    assert payload["copies"][0]["date"] is None
    assert set(payload["copies"][0]) == {
        "id",
        "domain",
        "date",
        "similarity",
        "added",
        "removed",
        "changed",
    }


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {
                "schema": "spinscope.document/1",
                "id": "a",
                "text": "Some text.",
                "meta": {"url": "https://www.rt.com/news/1", "published": "2024-02-03T10:00:00Z"},
            },
            Record("a", "Some text.", "rt.com", "2024-02-03"),
        ),
        (
            {"id": "b", "text": "T.", "url": "http://news.bbc.co.uk/x", "date": "2024-01-01"},
            Record("b", "T.", "bbc.co.uk", "2024-01-01"),
        ),
        (
            {"id": "c", "text": "T.", "domain": "given.example", "meta": {"outlet": "Outlet"}},
            Record("c", "T.", "given.example", None),
        ),
        (
            {"id": "d", "text": "T.", "meta": {"outlet": "Outlet"}},
            Record("d", "T.", "Outlet", None),
        ),
        ({"schema": "spinscope.error/1", "id": "e", "error": "bad"}, None),
        ({"id": "f", "text": "   "}, None),
    ],
)
def test_record_from_dict(data: dict[str, object], expected: Record | None) -> None:
    assert record_from_dict(data) == expected


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("A, b. C!", k=3) == shingles("a b c", k=3) == {"a b c"}
    assert shingles("two words", k=3) == {"two words"}
    assert shingles("", k=3) == set()


def test_diff_of_identical_texts_is_empty() -> None:
    assert diff_sentences(TAXES, TAXES) == ((), (), ())
