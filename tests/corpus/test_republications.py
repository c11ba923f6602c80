"""Clusters saved in the store: "also published by" in rows, export and the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinscope import Document
from spinscope.cli import app
from spinscope.corpus.clusters import (
    ClusterOptions,
    Record,
    find_clusters,
    republications,
    save_clusters,
)
from spinscope.corpus.documents import iter_documents, row_for, write_rows
from spinscope.corpus.export import export_jsonl
from spinscope.document import Meta
from spinscope.store import Store

pytest.importorskip("datasketch")

STORY = (
    "The finance minister said on Tuesday that the new budget would cut income taxes for "
    "working families by two percent. Critics called the plan a cynical ploy to win votes "
    "before the autumn election. The opposition leader warned that hospitals and schools "
    "would lose funding as a result."
)
OTHER = (
    "Heavy rain flooded the river valley overnight and closed three roads near the town. "
    "Emergency crews moved families from low-lying houses while the water kept rising, "
    "and the weather service expects more storms before the weekend is over."
)


def _docs() -> list[Document]:
    return [
        Document(STORY, id="first", meta=Meta(url="https://first.com/a", published="2024-01-02")),
        Document(
            STORY + " Subscribe to our newsletter.",
            id="copy",
            meta=Meta(url="https://copy.org/b", published="2024-01-05"),
        ),
        Document(OTHER, id="alone", meta=Meta(url="https://third.net/c", published="2024-01-03")),
    ]


@pytest.fixture
def stored(store: Store) -> dict[str, str]:
    rows = [row_for(d, "v1") for d in _docs()]
    with store.engine.begin() as conn:
        write_rows(conn, rows)
    return {r["doc_id"]: r["id"] for r in iter_documents(store, with_document=False)}


def test_republications_after_saving(store: Store, stored: dict[str, str]) -> None:
    assert republications(store, stored["copy"]) is None  # nothing saved yet
    records = [
        Record(k, d.text, d.meta.url.split("/")[2], d.meta.published)
        for d, k in zip(_docs(), stored.values(), strict=True)
        if d.meta.url
    ]
    found = find_clusters(records, ClusterOptions())
    assert save_clusters(store, found, threshold=0.5) == 1
    assert save_clusters(store, found, threshold=0.5) == 1  # replaced, not added
    copy = republications(store, stored["copy"])
    assert copy is not None and copy.size == 2
    assert copy.text() == "also published by first.com (first seen: first.com, 2024-01-02)"
    first = republications(store, stored["first"])
    assert first is not None and first.outlets == ("copy.org",)
    assert republications(store, stored["alone"]) is None
    rows = {r["doc_id"]: r["republished"] for r in iter_documents(store, republished=True)}
    assert rows["alone"] is None and rows["copy"]["outlets"] == ["first.com"]
    out = io.StringIO()
    assert export_jsonl(store, out) == 3
    lines = {json.loads(x)["id"]: json.loads(x) for x in out.getvalue().splitlines()}
    assert "republished" not in lines["alone"]["meta"].get("extra", {})
    assert lines["copy"]["meta"]["extra"]["republished"]["text"].startswith("also published by")


def test_clusters_command_saves_the_store_clusters(store: Store, stored: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["corpus", "clusters", "--store", store.url])
    assert result.exit_code == 0, result.output
    assert "first seen: first (first.com, 2024-01-02)" in result.stdout
    assert "copy" in result.stdout and "1 cluster(s) saved in the store" in result.stderr
    found = republications(store, stored["first"])
    assert found is not None and found.others == (stored["copy"],)


def test_clusters_of_rows_without_ids_and_of_an_empty_file(tmp_path: Path) -> None:
    rows = tmp_path / "fakenewsnet.json"
    rows.write_text(json.dumps([{"text": STORY}, {"text": STORY + " More."}]), "utf-8")
    result = CliRunner().invoke(app, ["corpus", "clusters", str(rows)])
    assert result.exit_code == 0, result.output
    assert "first seen: fakenewsnet.json:1" in result.stdout
    assert "fakenewsnet.json:2" in result.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = CliRunner().invoke(app, ["corpus", "clusters", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.count("empty.txt") == 1 and "the input is empty" in result.stderr


def _save(store: Store) -> None:
    result = CliRunner().invoke(app, ["corpus", "clusters", "--store", store.url])
    assert result.exit_code == 0, result.output


def _loaded(store: Store, key: str) -> Document:
    from spinscope.corpus.documents import with_republished
    from spinscope.web.corpus import StoreDocuments

    doc = StoreDocuments(store, "v1").get(key)
    assert doc is not None
    assert with_republished(store, key, doc) is doc  # already there: set once, same result
    return doc


@pytest.mark.parametrize(
    ("name", "other", "url", "difference"),
    [
        ("first", "copy.org", "https://copy.org/b", "adds: Subscribe to our newsletter."),
        ("copy", "first.com", "https://first.com/a", "lacks: Subscribe to our newsletter."),
    ],
)
def test_each_copy_names_the_other_in_its_json_and_reports(
    store: Store, stored: dict[str, str], name: str, other: str, url: str, difference: str
) -> None:
    from spinscope.reports import document_dict, render_html, render_text

    _save(store)
    out = io.StringIO()
    export_jsonl(store, out)
    exported = {json.loads(x)["id"]: json.loads(x) for x in out.getvalue().splitlines()}
    entry = exported[name]["meta"]["extra"]["republished"]
    assert [(p["domain"], p["url"]) for p in entry["elsewhere"]] == [(other, url)]
    doc = _loaded(store, stored[name])
    record = document_dict(doc)["meta"]["extra"]["republished"]
    assert record["elsewhere"][0]["domain"] == other
    assert record["first_seen"]["url"] == "https://first.com/a"
    assert record["elsewhere"][0]["first_seen"] is (name == "copy")
    text = render_text(doc, width=200)
    assert "Also published by" in text and f"also published by {other}" in text
    assert url in text and difference in text
    first_seen = (
        "this article" if name == "first" else "first.com (2024-01-02, https://first.com/a)"
    )
    assert f"First seen: {first_seen}" in text
    page = render_html(doc)
    assert 'id="republished-profile"' in page and f'<a href="{url}"' in page
    kind, sentence = difference.split(": ")
    assert f'<dt>{kind}</dt><dd class="excerpt">{sentence}</dd>' in page


def test_a_document_in_no_cluster_shows_nothing(store: Store, stored: dict[str, str]) -> None:
    from spinscope.reports import render_text

    _save(store)
    doc = _loaded(store, stored["alone"])
    assert "republished" not in doc.meta.extra
    assert "Also published by" not in render_text(doc, width=200)
