"""The lexical search's ranking on SQLite and PostgreSQL: the k best rows, ties by pk,
one source or all; on SQLite, the same hits as ranking every matching row with its
columns, and the same scores without the words bm25 gives no weight."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from sqlalchemy import text

from spinscope.factchecks import import_files, lexical
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.lexical import query_terms, search, searched_terms
from spinscope.store import Store

# c2 and c3 have the same text: their scores tie and the smaller pk comes first.
KB = (
    "\tvclaim\ttitle\n"
    "c1\tThe moon landing was filmed in a studio in Nevada.\tMoon Landing Faked?\n"
    "c2\tA moon base is hidden on the far side.\t\n"
    "c3\tA moon base is hidden on the far side.\t\n"
    "c4\tVaccines contain tracking microchips.\tMicrochips in Vaccines?\n"
    "c5\tThe studio lights were seen from the moon.\t\n"
)

QUERIES = [
    "Was the moon landing filmed in a studio?",
    "moon base hidden",
    "studio moon vaccines",
    "microchips",
]


def _fill(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "kb.tsv"
    path.write_text(KB, "utf-8")
    for source in ("a", "b"):
        import_files(store, [path], get_importer("ct20"), source=source, embed=False)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("source", [None, "a", "b"])
@pytest.mark.parametrize("k", [1, 2, 3, 20])
def test_best_k_ties_by_pk(
    store: Store, tmp_path: Path, query: str, source: str | None, k: int
) -> None:
    _fill(store, tmp_path)
    every = search(store, query, k=100, source=source)
    assert every, query
    assert (
        all(h.source == source for h in every)
        if source
        else {h.source for h in every}
        == {
            "a",
            "b",
        }
    )
    scores = [h.score for h in every]
    assert scores == sorted(scores, reverse=True)
    hits = search(store, query, k=k, source=source)
    assert hits == every[:k]


def test_same_text_ties_in_import_order(store: Store, tmp_path: Path) -> None:
    _fill(store, tmp_path)
    hits = search(store, "moon base hidden", k=2, source="a")
    assert [h.claim_text for h in hits] == ["A moon base is hidden on the far side."] * 2
    assert hits[0].score == hits[1].score
    assert [h.id for h in hits] == [h.id for h in search(store, "moon base hidden", k=4)[:2]]


def _reference(
    store: Store, terms: list[str], k: int, source: str | None
) -> list[tuple[str, float]]:
    """Every row matching any of ``terms`` sorted with its columns: the plain form of
    the query."""
    where = " AND f.source = :source" if source else ""
    statement = text(
        "SELECT f.id, -bm25(factchecks_fts, 1.0, 0.5, 0.2) AS score FROM factchecks_fts "
        "JOIN factchecks f ON f.pk = factchecks_fts.rowid "
        f"WHERE factchecks_fts MATCH :query{where} ORDER BY score DESC, f.pk LIMIT :k"
    )
    param = " OR ".join(f'"{t}"' for t in terms)
    with store.engine.connect() as conn:
        rows = conn.execute(statement, {"query": param, "k": k, "source": source}).all()
    return [(r.id, float(r.score)) for r in rows]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("source", [None, "b"])
def test_sqlite_ranks_as_the_plain_query(
    store: Store, tmp_path: Path, query: str, source: str | None
) -> None:
    if store.dialect != "sqlite":
        pytest.skip("FTS5 only")
    _fill(store, tmp_path)
    for k in (1, 3, 10):
        got = [(h.id, h.score) for h in search(store, query, k=k, source=source)]
        assert got == _reference(store, searched_terms(store, query_terms(query)), k, source)


def _sqlite_only(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("FTS5 only")


# "moon" is in 8 of the 10 rows: bm25's idf of it is 0 (clamped to 1e-6).
@pytest.mark.parametrize(
    ("query", "kept", "matching"),
    [
        ("studio moon", ["studio"], 4),
        ("moon base hidden", ["base", "hidden"], 4),
        ("Vaccines on the moon, microchips in a studio", ["vaccines", "microchips", "studio"], 6),
    ],
)
def test_common_word_dropped_with_the_same_scores(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    kept: list[str],
    matching: int,
) -> None:
    _sqlite_only(store)
    # Words in half the rows or more left out, however few the rows.
    monkeypatch.setattr(lexical, "MAX_SHARE", 0.5)
    monkeypatch.setattr(lexical, "COMMON_ROWS", 0)
    _fill(store, tmp_path)
    assert sorted(searched_terms(store, query_terms(query), 64, 0.5, 0)) == sorted(kept)
    everything = _reference(store, query_terms(query), matching, None)
    got = [(h.id, h.score) for h in search(store, query, k=100)]
    assert [i for i, _ in got] == [i for i, _ in everything]
    assert [s for _, s in got] == pytest.approx([s for _, s in everything], abs=1e-5)


@pytest.mark.parametrize(
    ("terms", "limit", "share", "common_rows", "expected"),
    [
        # A small knowledge base is searched with every word found.
        (["moon", "vaccines", "studio"], 64, 0.1, 1000, ["vaccines", "studio", "moon"]),
        (["moon", "zeppelin"], 64, 0.1, 1000, ["moon"]),  # a word found nowhere cannot match
        (["zeppelin"], 64, 0.1, 1000, []),
        (["moon", "vaccines", "studio"], 64, 0.5, 0, ["vaccines", "studio"]),  # rarest first
        (["moon", "vaccines", "studio"], 1, 0.5, 0, ["vaccines"]),
        (["moon"], 64, 0.5, 0, ["moon"]),  # every word common: the rarest stays
        (["moon", "the"], 64, 0.5, 0, ["moon"]),
        # In 30 % of the rows or more, and in as many rows as counts: studio (4 of 10).
        (["studio", "microchips", "vaccines"], 64, 0.3, 4, ["microchips", "vaccines"]),
        (["studio", "microchips", "vaccines"], 64, 0.3, 5, ["microchips", "vaccines", "studio"]),
        (["studio", "moon"], 64, 0.3, 0, ["studio"]),
    ],
)
def test_searched_terms(
    store: Store,
    tmp_path: Path,
    terms: list[str],
    limit: int,
    share: float,
    common_rows: int,
    expected: list[str],
) -> None:
    _sqlite_only(store)
    _fill(store, tmp_path)
    assert searched_terms(store, terms, limit, share, common_rows) == expected


def test_frequencies_follow_an_import(store: Store, tmp_path: Path) -> None:
    _fill(store, tmp_path)
    assert search(store, "zeppelin") == []
    if store.dialect == "sqlite":
        assert lexical.document_frequencies(store, ["zeppelin", "moon"]) == (
            10,
            {"zeppelin": 0, "moon": 8},
        )
    path = tmp_path / "more.tsv"
    path.write_text("\tvclaim\ttitle\nz1\tA zeppelin landed on the moon.\t\n", "utf-8")
    import_files(store, [path], get_importer("ct20"), source="c", embed=False)
    assert [h.id for h in search(store, "zeppelin")] == [
        h.id for h in search(store, "zeppelin", source="c")
    ]
    assert len(search(store, "zeppelin")) == 1
    if store.dialect == "sqlite":
        assert lexical.document_frequencies(store, ["zeppelin", "moon"]) == (
            11,
            {"zeppelin": 1, "moon": 9},
        )


@pytest.mark.parametrize(
    ("terms", "postings", "expected"),
    [
        # vaccines and microchips are in 2 rows each, studio in 4, moon in 8
        (
            ["moon", "vaccines", "studio", "microchips"],
            100,
            ["vaccines", "microchips", "studio", "moon"],
        ),
        (["moon", "vaccines", "studio", "microchips"], 8, ["vaccines", "microchips", "studio"]),
        (["moon", "vaccines", "studio", "microchips"], 7, ["vaccines", "microchips"]),
        (["moon", "studio"], 3, ["studio"]),  # over the budget alone: the rarest stays
    ],
)
def test_searched_terms_read_at_most_a_budget_of_rows(
    store: Store, tmp_path: Path, terms: list[str], postings: int, expected: list[str]
) -> None:
    # on both databases: the row budget is PostgreSQL's only limit
    _fill(store, tmp_path)
    assert searched_terms(store, terms, 64, 0.9, 1000, postings) == expected


@pytest.mark.parametrize(
    "rows",
    [100, 1_000, 10_000, 10_375],  # 10,375: CheckThat! 2020's verified claims
)
def test_the_posting_budget_never_binds_on_a_knowledge_base_of_10000_rows(
    rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worst query for the budget: MAX_TERMS words, each in as many rows as a kept
    # word may be (just under MAX_SHARE of the rows, or COMMON_ROWS, the larger). With
    # the constants as they are, MAX_SEARCHED of them are searched, as without a budget;
    # raising MAX_SHARE or COMMON_ROWS (or lowering MAX_POSTINGS) can break this.
    bound = max(lexical.MAX_SHARE * rows, lexical.COMMON_ROWS)
    most = math.ceil(bound) - 1
    terms = [f"w{i}" for i in range(lexical.MAX_TERMS)]
    monkeypatch.setattr(
        lexical, "document_frequencies", lambda store, ts: (rows, dict.fromkeys(ts, most))
    )
    kept = searched_terms(None, terms)  # type: ignore[arg-type]
    assert kept == terms[: lexical.MAX_SEARCHED]


def test_the_row_budget_limits_a_postgres_query_too(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(store, tmp_path)
    everything = [h.id for h in search(store, "moon studio vaccines", k=10)]
    # moon (8 rows) and studio (4) no longer fit beside vaccines (2): vaccines alone
    monkeypatch.setattr(lexical, "MAX_POSTINGS", 3)
    budgeted = [h.id for h in search(store, "moon studio vaccines", k=10)]
    assert len(budgeted) == 2 < len(everything)
    assert set(budgeted) <= set(everything)
