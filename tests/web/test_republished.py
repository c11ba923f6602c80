"""Where else a stored article was published, on its web page and in the API's
document, once the store's republication clusters are saved."""

from __future__ import annotations

from typing import Any

import pytest

from spinscope.corpus.clusters import find_clusters, record_from_dict, save_clusters
from spinscope.corpus.documents import iter_documents, row_for, write_rows
from spinscope.document import Document, Meta
from spinscope.web.corpus import StoreDocuments

from .conftest import MakeClient

pytest.importorskip("datasketch")

VERSION = "test-version"
STORY = (
    "The finance minister said on Tuesday that the new budget would cut income taxes for "
    "working families by two percent. Critics called the plan a cynical ploy to win votes "
    "before the autumn election. The opposition leader warned that hospitals and schools "
    "would lose funding as a result."
)


def _keys(store: Any) -> dict[str, str]:
    docs = [
        Document(STORY, id="first", meta=Meta(url="https://first.com/a", published="2024-01-02")),
        Document(
            STORY.replace("Tuesday", "Monday"),
            id="copy",
            meta=Meta(url="https://copy.org/b", published="2024-01-05"),
        ),
    ]
    with store.engine.begin() as conn:
        write_rows(conn, [row_for(d, VERSION) for d in docs])
    rows = list(iter_documents(store))
    records = [
        record_from_dict({**r["document"], "id": r["id"], "domain": r["domain"]}) for r in rows
    ]
    save_clusters(store, find_clusters(r for r in records if r), threshold=0.5)
    return {r["doc_id"]: r["id"] for r in rows}


def test_the_document_page_and_api_say_where_else_it_was_published(
    make_client: MakeClient, store: Any
) -> None:
    keys = _keys(store)
    client = make_client(documents=StoreDocuments(store, VERSION))
    page = client.get(f"/documents/{keys['copy']}")
    assert page.status_code == 200
    assert "Also published by" in page.text
    assert "First seen: " in page.text
    assert '<a href="https://first.com/a" rel="noopener noreferrer nofollow">' in page.text
    assert "first.com (2024-01-02, https://first.com/a)" in page.text
    assert "<dt>rewords</dt>" in page.text and "on Tuesday" in page.text
    api = client.get(f"/v1/documents/{keys['first']}").json()
    elsewhere = api["meta"]["extra"]["republished"]["elsewhere"]
    assert [(p["domain"], p["url"], p["date"]) for p in elsewhere] == [
        ("copy.org", "https://copy.org/b", "2024-01-05")
    ]
    sentence = STORY.split(". ")[0] + "."
    assert elsewhere[0]["changed"] == [
        {"this": sentence, "other": sentence.replace("Tuesday", "Monday")}
    ]
