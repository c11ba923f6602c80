from __future__ import annotations

from typing import Any

import pytest

from spinscope.corpus.stats import GroupRow, SpeakerRow, TechniqueRow, corpus_stats, doc_facts


def test_profiles_are_computed_from_spans_when_absent(documents: list[dict[str, Any]]) -> None:
    facts = doc_facts(documents[4])
    assert facts is not None
    assert (facts.outlet, facts.domain, facts.words, facts.expected) == ("C", "(unknown)", 5, 0.8)
    assert facts.own_words is None and facts.attributed_share is None
    assert doc_facts(documents[3]) is None


def test_by_outlet(documents: list[dict[str, Any]]) -> None:
    stats = corpus_stats(documents, "outlet")
    assert (stats.articles, stats.words) == (4, 1755)
    assert stats.expected == pytest.approx(6.3)
    rows = [r for r in stats.rows if isinstance(r, GroupRow)]
    assert [(r.key, r.articles, r.words) for r in rows] == [
        ("A", 2, 1500),
        ("b-news.org", 1, 250),
        ("C", 1, 5),
    ]
    a, b, c = rows
    assert a.rate == pytest.approx(1000 * 5.0 / 1500)
    assert a.own_rate == pytest.approx(1000 * 1.0 / 800)  # only a1 has the voice split
    assert a.quoted_rate == pytest.approx(1000 * 1.0 / 200)
    assert a.attributed_share == pytest.approx(0.3)
    assert a.own_voice_share == pytest.approx(0.6)
    assert a.attributions == 5
    assert a.top_speakers == (("Alice", 3), ("Bob", 2))
    assert a.technique_rates["Loaded_Language"] == pytest.approx(3.0)
    assert a.technique_rates["Doubt"] == pytest.approx(1000 * 0.5 / 1500)
    assert a.technique_rates["Slogans"] == 0.0
    assert (b.rate, b.own_rate, b.attributed_share) == (pytest.approx(2.0), None, None)
    assert c.rate == pytest.approx(160.0)


@pytest.mark.parametrize(
    ("by", "keys"),
    [
        ("domain", [("a-news.com", 2), ("(unknown)", 1), ("b-news.org", 1)]),
        ("week", [("2024-W01", 1), ("2024-W02", 1), ("(undated)", 2)]),
        ("month", [("2024-01", 2), ("(undated)", 2)]),
    ],
)
def test_groupings(documents: list[dict[str, Any]], by: str, keys: list[tuple[str, int]]) -> None:
    rows = corpus_stats(documents, by).rows  # type: ignore[arg-type]
    assert [(r.key, r.articles) for r in rows if isinstance(r, GroupRow)] == keys


def test_by_technique(documents: list[dict[str, Any]]) -> None:
    rows = [r for r in corpus_stats(documents, "technique").rows if isinstance(r, TechniqueRow)]
    assert len(rows) == 14
    loaded, doubt = rows[:2]
    assert (loaded.technique, loaded.articles, loaded.share) == ("Loaded_Language", 3, 0.75)
    assert loaded.expected == pytest.approx(5.3)
    assert loaded.rate == pytest.approx(1000 * 5.3 / 1755)
    assert (doubt.technique, doubt.articles, doubt.expected) == ("Doubt", 2, pytest.approx(1.0))
    assert all(r.rate == 0 for r in rows[2:])


def test_by_speaker(documents: list[dict[str, Any]]) -> None:
    rows = [r for r in corpus_stats(documents, "speaker").rows if isinstance(r, SpeakerRow)]
    assert rows == [SpeakerRow("Alice", 3, 2, ("A",)), SpeakerRow("Bob", 2, 1, ("A",))]


def test_json_and_flat_rows(documents: list[dict[str, Any]]) -> None:
    stats = corpus_stats(documents, "outlet")
    payload = stats.to_dict()
    assert payload["by"] == "outlet" and payload["articles"] == 4
    first = payload["rows"][0]
    assert first["top_speakers"] == [
        {"name": "Alice", "statements": 3},
        {"name": "Bob", "statements": 2},
    ]
    flat = stats.flat_rows()[0]
    assert flat["top_speakers"] == "Alice (3); Bob (2)"
    assert flat["rate:Loaded_Language"] == 3.0
    assert not any(isinstance(v, (dict, list)) for v in flat.values())


def test_empty_corpus_and_bad_grouping() -> None:
    stats = corpus_stats([], "outlet")
    assert (stats.articles, stats.rows, stats.rate) == (0, (), 0.0)
    with pytest.raises(ValueError, match="cannot group by 'colour'"):
        corpus_stats([], "colour")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("doc", "outlet"),
    [
        ({"text": "x", "meta": {"url": "https://goo.gl/abc"}}, "(unknown)"),
        ({"text": "x", "meta": {"url": "https://goo.gl/abc", "outlet": "goo.gl"}}, "(unknown)"),
        ({"text": "x", "meta": {"url": "https://goo.gl/abc"}, "site_name": "Daily"}, "Daily"),
        ({"text": "x", "meta": {"url": "https://www.rt.com/a"}}, "rt.com"),
    ],
)
def test_a_link_shortener_is_not_an_outlet(doc: dict[str, Any], outlet: str) -> None:
    from spinscope.corpus.stats import doc_facts

    facts = doc_facts(doc)
    assert facts is not None and facts.outlet == outlet
