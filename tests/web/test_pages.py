"""The web UI's pages in process: the form, results, permanent pages, errors."""

from __future__ import annotations

import threading
import time

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from spinscope import Document
from spinscope.registry import Component, register
from spinscope.web import WebSettings, create_app
from spinscope.web.documents import MemoryDocuments

from .conftest import LIGHT, TOKEN, MakeClient, live_server


def _csrf(client: TestClient) -> str:
    return client.get("/").cookies["spinscope_csrf"]


def test_home_is_a_form_with_a_csrf_token(make_client: MakeClient) -> None:
    client = make_client()
    response = client.get("/")
    assert response.status_code == 200
    token = response.cookies["spinscope_csrf"]
    assert f'name="csrf" value="{token}"' in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert "Keep it" not in response.text  # no documents: nothing to keep them in


@pytest.mark.model
def test_a_pasted_article_comes_back_highlighted(
    full_client: TestClient, shipped_sample: str
) -> None:
    data = {"csrf": _csrf(full_client), "text": shipped_sample, "title": "Harbour"}
    page = full_client.post("/analyze", data=data).text
    assert page.count("<mark ") > 10
    assert 'id="explain"' in page and 'id="toggles"' in page
    for name in ("Attributions (who says what)", "Own-voice assertions", "Labelling devices"):
        assert name in page
    assert 'href="#sourcing"' in page or "Who says what" in page
    assert '<script src="/static/web/web.js"></script>' in page


def test_an_uploaded_html_file_is_extracted(make_client: MakeClient) -> None:
    client = make_client()
    html = b"<html><head><title>Uploaded page</title></head><body><p>They lied. Again.</p>"
    response = client.post(
        "/analyze",
        data={"csrf": _csrf(client), "text": "", "format": "auto"},
        files={"file": ("page.html", html, "text/html")},
    )
    assert response.status_code == 200, response.text
    assert "<h1>Uploaded page</h1>" in response.text
    assert "They lied." in response.text


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("", 422, "paste an article or choose a file"),
        (" \n ", 422, "paste an article or choose a file"),
    ],
)
def test_form_errors_come_back_on_the_form(
    make_client: MakeClient, text: str, status: int, message: str
) -> None:
    client = make_client()
    response = client.post("/analyze", data={"csrf": _csrf(client), "text": text})
    assert response.status_code == status
    assert 'role="alert"' in response.text and message in response.text
    assert "<form" in response.text


def test_kept_analyses_get_a_permanent_page(make_client: MakeClient) -> None:
    client = make_client(documents=MemoryDocuments(), token=TOKEN)
    form = {"csrf": _csrf(client), "text": "One. Two.", "keep": "1", "title": "Kept"}
    assert client.post("/analyze", data={**form, "token": "wrong"}).status_code == 401
    response = client.post("/analyze", data={**form, "token": TOKEN}, follow_redirects=False)
    assert response.status_code == 303
    where = response.headers["location"]
    assert where.startswith("/documents/")
    page = client.get(where).text
    assert "<h1>Kept</h1>" in page and f'href="{where}"' in page
    listing = client.get("/documents").text
    assert f'href="{where}"' in listing
    assert client.get("/documents/nope").status_code == 404


def test_document_pages_without_documents_say_so(make_client: MakeClient) -> None:
    response = make_client().get("/documents/abc")
    assert response.status_code == 501
    assert "without a store" in response.text


@register("testslow.v1", assigns=("slow",), description="Takes two seconds per document.")
def make_slow() -> Component:
    def slow(doc: Document) -> Document:
        time.sleep(2.0)
        doc.set_spans("slow", [])
        return doc

    return slow


def test_a_long_analysis_does_not_block_other_requests() -> None:
    # A slow analysis on the one analysis worker (two seconds, whatever the machine's
    # speed); health checks meanwhile stay fast.
    app = create_app(WebSettings(components=(*LIGHT, "testslow.v1")))
    with live_server(app) as url:
        done: dict[str, float] = {}

        def analyse() -> None:
            response = httpx.post(f"{url}/v1/analyze", json={"text": "One article."}, timeout=60)
            assert response.status_code == 200
            done["analysis"] = time.monotonic()

        worker = threading.Thread(target=analyse)
        started = time.monotonic()
        worker.start()
        time.sleep(0.3)
        latencies = []
        while worker.is_alive() and len(latencies) < 5:
            t = time.monotonic()
            assert httpx.get(f"{url}/healthz", timeout=30).status_code == 200
            latencies.append(time.monotonic() - t)
        worker.join()
    assert latencies, "the analysis finished before any health check"
    assert done["analysis"] - started > max(latencies) * 3
    assert max(latencies) < 1.0
