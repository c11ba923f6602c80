from __future__ import annotations

import json
from typing import Any

import pytest

from spinscope import Document, ErrorRecord, Pipeline
from spinscope.corpus.documents import (
    count_documents,
    iter_documents,
    normalise_domain,
    parse_where,
    pipeline_version,
    row_for,
    stored_hashes,
    write_rows,
)
from spinscope.corpus.records import decode_record
from spinscope.document import Meta
from spinscope.reports.json import record_dict
from spinscope.store import Store


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.RT.com", "rt.com"),
        ("WWW.rt.com:8080", "rt.com"),
        ("news.bbc.co.uk.", "news.bbc.co.uk"),
        ("wwwhat.org", "wwwhat.org"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_domain(host: str | None, expected: str | None) -> None:
    assert normalise_domain(host) == expected


@pytest.mark.parametrize(
    ("meta", "domain", "date"),
    [
        (
            Meta(url="https://www.Example.org/a?b=1", published="2020-10-09T13:00:00Z"),
            "example.org",
            "2020-10-09",
        ),
        (Meta(outlet="WWW.rt.com", published="10 October 2020"), "rt.com", "2020-10-10"),
        (Meta(outlet="Russia Today", published="soon"), None, None),
    ],
)
def test_row_columns_come_from_the_metadata(
    meta: Meta, domain: str | None, date: str | None
) -> None:
    doc = Document("Some words here.", id="a", meta=meta)
    row = row_for(doc, "v1")
    assert row.ok
    assert (row.values["domain"], row.values["date"]) == (domain, date)
    assert row.values["word_count"] == 3
    assert row.values["content_hash"] == doc.content_hash()


def test_row_document_is_the_analyze_record() -> None:
    doc = Document("Ünïcode “quotes”.", id="x", meta=Meta(title="T"))
    row = row_for(doc, "v1")
    assert decode_record(row.values["document"]) == json.dumps(record_dict(doc), ensure_ascii=False)


def test_failed_row_keeps_the_input_key_and_metadata() -> None:
    doc = Document("text", id="a", meta=Meta(url="http://www.x.com/1", source="c.jsonl:1"))
    record = ErrorRecord("a", "boom", "ComponentError", component="t.v1", source="c.jsonl:1")
    row = row_for(record, "v1", content_hash=doc.content_hash(), source=doc)
    assert not row.ok
    values = row.values
    assert (values["status"], values["error"], values["component"]) == ("failed", "boom", "t.v1")
    assert (values["domain"], values["content_hash"]) == ("x.com", doc.content_hash())
    assert json.loads(decode_record(values["document"]))["schema"] == "spinscope.error/1"


def test_pipeline_version_follows_components_and_settings() -> None:
    base = pipeline_version(Pipeline(["sentences.v1"]))
    assert base == pipeline_version(Pipeline(["sentences.v1"]))
    assert base != pipeline_version(Pipeline(["boilerplate.v1", "sentences.v1"]))
    assert base != pipeline_version(Pipeline(["sentences.v1"], language="en"))


@pytest.mark.parametrize(
    ("condition", "sql"),
    [
        ("domain=www.RT.com", "documents.domain = 'rt.com'"),
        ("date>=2018-01-01", "documents.date >= '2018-01-01'"),
        ("status!=ok", "documents.status != 'ok'"),
        ("word_count<100", "documents.word_count < 100"),
        ("technique_rate > 2.5", "documents.technique_rate > 2.5"),
    ],
)
def test_parse_where(condition: str, sql: str) -> None:
    clause = parse_where(condition)
    assert str(clause.compile(compile_kwargs={"literal_binds": True})) == sql


@pytest.mark.parametrize(
    "condition", ["domain", "nosuch=1", "technique_counts=1", "word_count=many", "=x"]
)
def test_parse_where_refuses(condition: str) -> None:
    with pytest.raises(ValueError):
        parse_where(condition)


def _docs() -> list[Document]:
    return [
        Document("One from RT.", id="a", meta=Meta(url="https://www.rt.com/1", language="en")),
        Document("One from the BBC.", id="b", meta=Meta(url="https://bbc.co.uk/1", language="en")),
        Document("Eine aus Deutschland.", id="c", meta=Meta(url="https://rt.com/2", language="de")),
    ]


def test_write_is_insert_or_skip_and_reads_back(store: Store) -> None:
    docs = _docs()
    rows = [row_for(d, "v1") for d in docs]
    with store.engine.begin() as conn:
        write_rows(conn, rows)
    with store.engine.begin() as conn:  # the same batch again changes nothing
        write_rows(conn, rows)
    assert count_documents(store) == 3
    assert stored_hashes(store, [d.content_hash() for d in docs], "v1") == {
        d.content_hash() for d in docs
    }
    assert stored_hashes(store, [docs[0].content_hash()], "v2") == set()
    read = list(iter_documents(store))
    assert [r["doc_id"] for r in read] == ["a", "b", "c"]
    assert [Document.from_dict(r["document"]) for r in read] == docs
    assert read[0]["analysed_at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("where", "ids"),
    [
        ({"domain": "rt.com"}, ["a", "c"]),
        ({"language": ["de", "fr"]}, ["c"]),
        (["domain=rt.com", "language=en"], ["a"]),
        (["domain!=rt.com"], ["b"]),
        ({"status": "failed"}, []),
        (None, ["a", "b", "c"]),
    ],
)
def test_iter_documents_where(store: Store, where: Any, ids: list[str]) -> None:
    with store.engine.begin() as conn:
        write_rows(conn, [row_for(d, "v1") for d in _docs()])
    assert [r["doc_id"] for r in iter_documents(store, where, with_document=False)] == ids


def test_failed_row_is_replaced_by_ok_but_never_the_reverse(store: Store) -> None:
    doc = _docs()[0]
    failed = row_for(
        ErrorRecord("a", "boom", "X", component="t.v1"),
        "v1",
        content_hash=doc.content_hash(),
        source=doc,
    )
    with store.engine.begin() as conn:
        write_rows(conn, [failed])
    assert [r["status"] for r in iter_documents(store, status=None)] == ["failed"]
    with store.engine.begin() as conn:
        write_rows(conn, [row_for(doc, "v1")])
    with store.engine.begin() as conn:
        write_rows(conn, [failed])
    assert [(r["status"], r["error"]) for r in iter_documents(store, status=None)] == [("ok", None)]


def test_iter_documents_pages_through_many_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spinscope.corpus.documents as documents

    monkeypatch.setattr(documents, "PAGE", 4)
    with store.engine.begin() as conn:
        write_rows(conn, [row_for(Document(f"Text {i}.", id=str(i)), "v1") for i in range(10)])
    assert [r["doc_id"] for r in iter_documents(store)] == [str(i) for i in range(10)]
