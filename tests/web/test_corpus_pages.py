"""The corpus browser (``/documents``) and the dashboard (``/dashboard``) over a store:
filters, paging, links to the permanent pages, plots specs as data, plotly.js served
by the app, and stored values shown as text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from spinscope.document import Document, Meta, Span
from spinscope.web.corpus import StoreDocuments
from spinscope.web.sample_corpus import fill

from .conftest import MakeClient

VERSION = "test-version"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _xss_doc() -> Document:
    text = "The minister said the plan was a disaster for everyone involved. " * 4
    return Document(
        text,
        id="xss",
        meta=Meta(title=XSS, url=f"https://evil.example/{XSS}", outlet="evil.example"),
        spans={"techniques": [Span(0, 12, "Loaded_Language", 0.8)]},
    )


@pytest.fixture
def client(make_client: MakeClient, store: Any) -> Iterator[TestClient]:
    fill(store, 120, version=VERSION, documents=[_xss_doc()])
    yield make_client(documents=StoreDocuments(store, VERSION))


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr><td><a href="/documents/([0-9a-f]{32})">', page)


def test_the_browser_pages_through_the_corpus(client: TestClient) -> None:
    first = client.get("/documents")
    assert first.status_code == 200
    assert "121 documents" in first.text
    assert len(_rows(first.text)) == 50
    assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
    last = client.get("/documents?page=3")
    assert len(_rows(last.text)) == 21 and 'rel="next"' not in last.text
    for row_id in _rows(first.text)[:3]:
        assert client.get(f"/documents/{row_id}").status_code == 200


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("outlet=rt.com", lambda d: d["outlet"] == "rt.com"),
        ("since=2024-06-01&until=2024-06-30", lambda d: d["published"][:7] == "2024-06"),
        ("technique=Loaded_Language", lambda d: d["techniques"] > 0),
        ("q=Article+7", lambda d: "Article 7" in d["title"]),
    ],
)
def test_the_browser_filters_as_the_api_does(client: TestClient, query: str, expect: Any) -> None:
    page = client.get(f"/documents?{query}")
    assert page.status_code == 200
    api = client.get(f"/v1/documents?{query}&limit=50").json()
    assert api["documents"] and all(expect(d) for d in api["documents"])
    assert _rows(page.text) == [d["id"] for d in api["documents"]]
    assert f"{api['total']} document" in page.text


def test_a_malformed_date_is_refused(client: TestClient) -> None:
    assert client.get("/documents?since=soon").status_code == 422


def test_the_dashboard_draws_from_data_not_inline_script(client: TestClient) -> None:
    page = client.get("/dashboard")
    assert page.status_code == 200
    scripts = re.findall(r"<script([^>]*)>", page.text)
    assert all("src=" in s or 'type="application/json"' in s for s in scripts)
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    data = page.text.split('id="spinscope-plots">', 1)[1].split("</script>", 1)[0]
    figures = json.loads(data)
    assert set(figures) == {"rates", "time", "mix", "sourcing"}
    outlets = figures["rates"]["data"][0]["y"]
    assert "rt.com" in outlets and len(figures["time"]["data"]) >= 1
    plotly = client.get("/static/plotly/plotly.min.js")
    assert plotly.status_code == 200 and b"plotly" in plotly.content[:2000].lower()
    assert plotly.headers["content-type"].startswith("text/javascript")


def test_stored_payloads_are_text(client: TestClient) -> None:
    for path in ("/documents", "/documents?outlet=evil.example", "/dashboard", "/documents/xss"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
    listing = client.get("/documents?outlet=evil.example").text
    assert "&lt;script&gt;alert(" in listing
    board = client.get("/dashboard").text
    # Labels reach plotly.js escaped for its HTML-like text, and the JSON cannot close
    # the data element.
    assert "</script><img" not in board


def test_the_dashboard_without_a_store_is_501(make_client: MakeClient) -> None:
    assert make_client().get("/dashboard").status_code == 501
