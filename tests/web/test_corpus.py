"""Stored documents through the API, on the store's ``documents`` table (SQLite and
PostgreSQL): kept as ``spinscope batch`` keeps them, read back, listed with filters
and paging, counted, clustered."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinscope.corpus.documents import iter_documents, row_for
from spinscope.document import Document, Meta, Span
from spinscope.web.corpus import StoreDocuments
from spinscope.web.documents import Filters
from spinscope.web.sample_corpus import fill, sample_document

from .conftest import TOKEN, MakeClient

AUTH = {"Authorization": f"Bearer {TOKEN}"}
VERSION = "test-version"


def _doc(number: int, **meta: Any) -> Document:
    labels = meta.pop("labels", ())
    text = f"Article number {number} says that the council met on Monday. " * 3
    spans = [Span(0, 7, label, 0.9) for label in labels]
    return Document(text, id=f"d{number}", meta=Meta(**meta), spans={"techniques": spans})


@pytest.fixture
def docs(store: Any) -> StoreDocuments:
    access = StoreDocuments(store, VERSION)
    fill(
        store,
        0,
        version=VERSION,
        documents=[
            _doc(1, title="Council meets", url="https://www.rt.com/a", published="2024-01-05"),
            _doc(
                2,
                title="Flood 100% certain",
                url="https://bbc.co.uk/b",
                published="2024-02-10",
                labels=("Loaded_Language",),
            ),
            _doc(
                3,
                title="Name calling",
                url="https://rt.com/c",
                published="2024-03-01",
                labels=("Name_Calling,Labeling", "Loaded_Language"),
            ),
            _doc(4, title="Undated", url="https://rt.com/d"),
        ],
    )
    return access


@pytest.fixture
def client(make_client: MakeClient, docs: StoreDocuments) -> Iterator[TestClient]:
    yield make_client(token=TOKEN, documents=docs)


def _titles(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/v1/documents?{query}")
    assert response.status_code == 200, response.text
    return [d["title"] for d in response.json()["documents"]]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["Name calling", "Flood 100% certain", "Council meets", "Undated"]),
        ("outlet=rt.com", ["Name calling", "Council meets", "Undated"]),
        ("outlet=www.RT.com", ["Name calling", "Council meets", "Undated"]),
        ("technique=Loaded_Language", ["Name calling", "Flood 100% certain"]),
        ("technique=Name_Calling,Labeling", ["Name calling"]),
        ("since=2024-02-01", ["Name calling", "Flood 100% certain"]),
        ("until=2024-02-10", ["Flood 100% certain", "Council meets"]),
        ("since=2024-01-06&until=2024-02-28", ["Flood 100% certain"]),
        ("q=COUNCIL", ["Council meets"]),
        ("q=100%25", ["Flood 100% certain"]),
        ("q=_", []),
        ("q=bbc.co", ["Flood 100% certain"]),
        ("outlet=rt.com&technique=Loaded_Language&q=name", ["Name calling"]),
    ],
)
def test_documents_are_filtered(client: TestClient, query: str, titles: list[str]) -> None:
    assert _titles(client, query) == titles


def test_documents_are_paged_with_a_total(client: TestClient) -> None:
    first = client.get("/v1/documents?limit=3").json()
    second = client.get("/v1/documents?limit=3&page=2").json()
    assert (first["total"], second["total"]) == (4, 4)
    assert [len(first["documents"]), len(second["documents"])] == [3, 1]
    assert second["documents"][0]["title"] == "Undated"
    row = first["documents"][0]
    assert row["outlet"] == "rt.com" and row["techniques"] == 2 and row["words"] > 0


@pytest.mark.parametrize("query", ["technique=Nonsense", "since=yesterday", "page=0", "limit=501"])
def test_bad_filters_are_422(client: TestClient, query: str) -> None:
    assert client.get(f"/v1/documents?{query}").status_code == 422


def test_a_document_is_read_by_row_id_or_its_own_id(
    client: TestClient, docs: StoreDocuments
) -> None:
    row_id = row_for(_doc(2), VERSION).values["id"]
    by_row = client.get(f"/v1/documents/{row_id}")
    assert by_row.status_code == 200
    assert by_row.json()["meta"]["title"] == "Flood 100% certain"
    assert client.get("/v1/documents/d2").json()["id"] == "d2"
    assert client.get("/v1/documents/nothing").status_code == 404


def test_stored_analyses_are_rows_as_batch_writes_them(
    client: TestClient, docs: StoreDocuments
) -> None:
    body = {"text": "The mayor said the bridge would open.", "title": "Bridge", "store": True}
    assert client.post("/v1/analyze", json=body).status_code == 401
    response = client.post("/v1/analyze", json=body, headers=AUTH)
    assert response.status_code == 200
    location = response.headers["location"]
    again = client.post("/v1/analyze", json=body, headers=AUTH)
    assert again.headers["location"] == location  # the same text, the same row
    stored = client.get(location).json()
    assert stored["text"] == response.json()["text"]
    rows = list(iter_documents(docs.store, where={"title": "Bridge"}))
    assert len(rows) == 1
    doc = Document.from_dict(rows[0]["document"])
    expected = row_for(doc, VERSION)
    assert location.endswith(expected.values["id"])
    assert rows[0]["pipeline_version"] == VERSION
    assert rows[0]["content_hash"] == doc.content_hash()


@pytest.mark.parametrize(
    ("by", "counts"),
    [
        ("outlet", {"rt.com": 3, "bbc.co.uk": 1}),
        ("month", {"2024-01": 1, "2024-02": 1, "2024-03": 1, "unknown": 1}),
        ("language", {"unknown": 4}),
        ("technique", {"Loaded_Language": 2, "Name_Calling,Labeling": 1}),
    ],
)
def test_stats_count_stored_documents(client: TestClient, by: str, counts: dict[str, int]) -> None:
    response = client.get(f"/v1/stats?by={by}")
    assert response.status_code == 200, response.text
    assert response.json()["counts"] == counts


def test_stats_by_a_field_that_is_not_stored_is_501(client: TestClient) -> None:
    assert client.get("/v1/stats?by=format").status_code == 501


def test_clusters_group_copies_across_outlets(store: Any, make_client: MakeClient) -> None:
    rng = random.Random(1)
    story = sample_document(rng, 1, outlet="rt.com")
    copy = Document(story.text + " Read more.", id="copy", meta=Meta(url="https://bbc.co.uk/x"))
    other = sample_document(rng, 2)
    fill(store, 0, version=VERSION, documents=[story, copy, other])
    client = make_client(documents=StoreDocuments(store, VERSION))
    clusters = client.get("/v1/clusters").json()["clusters"]
    assert len(clusters) == 1
    assert clusters[0]["size"] == 2


def test_memory_documents_filter_like_the_store() -> None:
    from spinscope.web.documents import MemoryDocuments

    memory = MemoryDocuments()
    memory.put(_doc(1, title="Council meets", outlet="rt.com", published="2024-01-05"))
    memory.put(_doc(2, title="Flood", outlet="bbc.co.uk", labels=("Loaded_Language",)))
    assert [s.id for s in memory.summaries(limit=5, filters=Filters(outlet="rt.com"))] == ["d1"]
    assert memory.count(Filters(technique="Loaded_Language")) == 1
    assert memory.count(Filters(until="2024-12-31")) == 1
    assert memory.outlets() == ["bbc.co.uk", "rt.com"]
