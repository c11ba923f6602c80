"""The HTTP API in process: analysis, batches, problems, documents, fact-checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import spinscope
from spinscope.reports.json import document_dict
from spinscope.web.documents import MemoryDocuments

from .conftest import TOKEN, MakeClient

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PROBLEM = "application/problem+json"


def _is_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def test_healthz(make_client: MakeClient) -> None:
    body = make_client().get("/healthz").json()
    assert body["status"] == "ok"
    assert body["workers"] == 1 and body["engine"] == "thread"
    assert body["store"] is False and body["documents"] is False


@pytest.mark.model
def test_analyze_answers_what_the_cli_writes(full_client: TestClient, shipped_sample: str) -> None:
    response = full_client.post("/v1/analyze", json={"text": shipped_sample})
    assert response.status_code == 200, response.text
    got = response.json()
    expected = document_dict(spinscope.analyze(shipped_sample))
    for key in ("schema", "id", "text", "spans", "profiles"):
        assert got[key] == expected[key], key
    assert got["meta"]["extra"] == expected["meta"]["extra"]
    assert {"techniques", "attributions", "labels"} <= set(got["spans"])


def test_analyze_html_keeps_metadata_and_never_fetches(make_client: MakeClient) -> None:
    page = "<html><head><title>Page</title></head><body><p>They lied. Again.</p></body></html>"
    body = make_client().post(
        "/v1/analyze",
        json={"html": page, "url": "http://example.invalid/a", "title": "Mine", "id": "a1"},
    )
    assert body.status_code == 200, body.text
    doc = body.json()
    assert doc["id"] == "a1"
    assert doc["meta"]["format"] == "html"
    assert doc["meta"]["title"] == "Mine"
    assert doc["meta"]["url"] == "http://example.invalid/a"
    assert "They lied." in doc["text"]


@pytest.mark.parametrize(
    ("payload", "status", "needle"),
    [
        ({}, 422, "exactly one of 'text' and 'html'"),
        ({"text": "a", "html": "<p>a</p>"}, 422, "exactly one of 'text' and 'html'"),
        ({"text": 3}, 422, "text"),
        ({"text": ""}, 422, "empty"),
        ({"text": "   \n "}, 422, "whitespace"),
        ({"html": "<html><body></body></html>"}, 422, ""),
    ],
)
def test_bad_requests_are_problems(
    make_client: MakeClient, payload: dict[str, Any], status: int, needle: str
) -> None:
    body = _is_problem(make_client().post("/v1/analyze", json=payload), status)
    assert needle in body["detail"]


def test_malformed_json_and_unknown_paths_are_problems(make_client: MakeClient) -> None:
    client = make_client()
    _is_problem(
        client.post(
            "/v1/analyze", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
    )
    _is_problem(client.get("/v1/nothing"), 404)
    _is_problem(client.get("/v1/analyze"), 405)


def test_validation_problems_do_not_echo_the_text(make_client: MakeClient) -> None:
    secret = "the article's private words " * 3
    response = make_client().post("/v1/analyze", json={"text": secret, "html": secret})
    _is_problem(response, 422)
    assert "private words" not in response.text


@pytest.mark.parametrize("chunked", [False, True])
def test_bodies_over_the_limit_get_413(make_client: MakeClient, chunked: bool) -> None:
    client = make_client(max_body=1000)
    payload = b'{"text": "' + b"word " * 400 + b'"}'
    content: Any = iter([payload[:600], payload[600:]]) if chunked else payload
    response = client.post(
        "/v1/analyze", content=content, headers={"content-type": "application/json"}
    )
    body = _is_problem(response, 413)
    assert "1,000 bytes" in body["detail"]
    assert client.post("/v1/analyze", json={"text": "Short."}).status_code == 200


def test_an_article_over_the_ingest_limit_gets_413(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[ingest]\nmax_bytes = 100\n", "utf-8")
    monkeypatch.setenv("SPINSCOPE_CONFIG", str(config))
    body = _is_problem(make_client().post("/v1/analyze", json={"text": "x " * 100}), 413)
    assert body["kind"] == "InputTooLargeError"


def test_batch_keeps_order_and_reports_failures_in_place(make_client: MakeClient) -> None:
    client = make_client()
    documents = [{"text": "One. Two."}, {"text": ""}, {"html": "<p>Three.</p>", "id": "h"}]
    response = client.post("/v1/analyze/batch", json={"documents": documents})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["schema"] for r in results] == [
        "spinscope.document/1",
        "spinscope.error/1",
        "spinscope.document/1",
    ]
    assert len(results[0]["spans"]["sentences"]) == 2
    assert results[1]["kind"] == "EmptyInputError"
    assert results[2]["id"] == "h"


def test_batch_size_is_bounded(make_client: MakeClient) -> None:
    client = make_client(max_batch=2)
    _is_problem(client.post("/v1/analyze/batch", json={"documents": [{"text": "a"}] * 3}), 413)
    _is_problem(client.post("/v1/analyze/batch", json={"documents": []}), 422)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/v1/documents/abc", 501),
        ("/v1/documents", 501),
        ("/v1/stats?by=outlet", 501),
        ("/v1/clusters", 501),
        ("/v1/stats?by=nonsense", 422),
    ],
)
def test_documents_routes_without_documents_are_501(
    make_client: MakeClient, path: str, status: int
) -> None:
    body = _is_problem(make_client().get(path), status)
    if status == 501:
        assert "store" in body["detail"]


def test_storing_without_documents_is_refused_before_analysing(make_client: MakeClient) -> None:
    body = _is_problem(make_client().post("/v1/analyze", json={"text": "a", "store": True}), 501)
    assert "store" in body["detail"]


@pytest.fixture
def kept(make_client: MakeClient) -> Iterator[TestClient]:
    yield make_client(token=TOKEN, documents=MemoryDocuments())


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        (AUTH, 200),
    ],
)
def test_storing_needs_the_token(kept: TestClient, headers: dict[str, str], status: int) -> None:
    response = kept.post("/v1/analyze", json={"text": "a.", "store": True}, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["content-type"] == PROBLEM
    # Analysing without storing needs no token.
    assert kept.post("/v1/analyze", json={"text": "a."}).status_code == 200


def test_stored_documents_are_listed_counted_and_read_back(kept: TestClient) -> None:
    for i, outlet_text in enumerate(["One.", "Two."]):
        response = kept.post(
            "/v1/analyze",
            json={"text": outlet_text, "id": f"d{i}", "store": True, "title": f"T{i}"},
            headers=AUTH,
        )
        assert response.status_code == 200
    listed = kept.get("/v1/documents?limit=1").json()
    assert [d["id"] for d in listed["documents"]] == ["d1"]
    assert kept.get("/v1/documents/d0").json()["text"] == "One."
    _is_problem(kept.get("/v1/documents/missing"), 404)
    assert kept.get("/v1/stats?by=format").json() == {"by": "format", "counts": {"text": 2}}
    _is_problem(kept.get("/v1/clusters"), 501)


ROW = "{}.json\t{}\t{}\ts\tsp\tj\tst\tp\t0\t0\t0\t0\t0\tc\n"
LIAR = ROW.format(1, "false", "The Moon landing was filmed in a studio.") + ROW.format(
    2, "true", "Water boils at a lower temperature at altitude."
)


def test_factchecks_import_then_search(make_client: MakeClient, store: Any) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    client = make_client(store=url, token=TOKEN)
    path = "/v1/factchecks/import?format=liar&filename=train.tsv"
    _is_problem(client.post(path, content=LIAR.encode()), 401)
    response = client.post(path, content=LIAR.encode(), headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["imported"] == 2
    again = client.post(path, content=LIAR.encode(), headers=AUTH).json()
    assert again["imported"] == 0 and again["unchanged"] == 2
    hits = client.get("/v1/factchecks/search", params={"q": "moon landing studio"}).json()["hits"]
    assert hits[0]["claim_text"] == "The Moon landing was filmed in a studio."
    assert hits[0]["verdict"] == "false"
    _is_problem(client.post("/v1/factchecks/import?format=nope", content=b"x", headers=AUTH), 422)


def test_factchecks_without_a_store_are_503(make_client: MakeClient) -> None:
    _is_problem(make_client().get("/v1/factchecks/search?q=moon"), 503)
    _is_problem(make_client().get("/v1/factchecks/search?q="), 422)


def test_process_workers_analyse_in_order(make_client: MakeClient) -> None:
    client = make_client(workers=2)
    health = client.get("/healthz").json()
    assert health["engine"] == "process" and health["workers"] == 2
    texts = [f"Sentence {i}. " * (i + 1) for i in range(5)]
    results = client.post(
        "/v1/analyze/batch", json={"documents": [{"text": t} for t in texts]}
    ).json()["results"]
    assert [r["text"] for r in results] == texts
    assert [len(r["spans"]["sentences"]) for r in results] == [1, 2, 3, 4, 5]
