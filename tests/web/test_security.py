"""What keeps the web app safe: escaping, CSP, tokens, CSRF, bind rule, quiet logs."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from spinscope.document import Document
from spinscope.web.documents import MemoryDocuments
from spinscope.web.security import CSP, bind_refusal, is_loopback

from .conftest import TOKEN, MakeClient

GOLDEN = Path(__file__).parents[1] / "reports" / "golden" / "sample-document.json"
HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(2)>',
    "</script><script>alert(3)</script>",
]


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def assert_inert(page: str) -> None:
    """No markup from the input: only the app's own scripts, no handlers, no inline CSS."""
    for tag, attrs in _tags(page):
        assert tag not in ("img", "svg", "iframe", "object", "style"), tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        if tag == "script":
            source = attrs.get("src") or ""
            assert attrs.get("type") == "application/json" or source.startswith("/static/")
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "http")), (tag, attrs)


def _hostile_document() -> Document:
    data = json.loads(GOLDEN.read_text("utf-8"))
    data["id"] = "hostile"
    data["text"] += "\n" + " ".join(HOSTILE)
    data["meta"] = {
        **data.get("meta", {}),
        "title": HOSTILE[0],
        "url": "javascript:alert(4)",
        "outlet": HOSTILE[1],
    }
    for span in data["spans"]["attributions"]:
        span["speaker"] = {"name": HOSTILE[2], "role": HOSTILE[3]}
    return Document.from_dict(data)


def test_a_stored_document_with_hostile_text_and_metadata_renders_inert(
    make_client: MakeClient,
) -> None:
    docs = MemoryDocuments()
    docs.put(_hostile_document())
    response = make_client(documents=docs).get("/documents/hostile")
    assert response.status_code == 200
    page = response.text
    assert_inert(page)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "&#34;&gt;&lt;svg onload=alert(2)&gt;" in page  # the speaker's name
    data = page.split('id="spinscope-findings">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)


def test_a_pasted_article_with_hostile_text_renders_inert(make_client: MakeClient) -> None:
    client = make_client()
    csrf = client.get("/").cookies["spinscope_csrf"]
    response = client.post(
        "/analyze",
        data={
            "csrf": csrf,
            "text": "\n".join(HOSTILE),
            "title": HOSTILE[1],
            "url": "javascript:alert(5)",
            "format": "text",
        },
    )
    assert response.status_code == 200, response.text
    assert_inert(response.text)
    assert response.text.count("&lt;script&gt;") >= 2


@pytest.mark.parametrize("path", ["/", "/docs", "/healthz", "/v1/clusters", "/nothing"])
def test_every_response_carries_the_policy(make_client: MakeClient, path: str) -> None:
    response = make_client().get(path)
    assert response.headers["content-security-policy"] == CSP
    assert "unsafe" not in CSP and "http" not in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    if response.headers["content-type"].startswith("text/html"):
        assert_inert(response.text)


def test_swagger_ui_is_served_locally(make_client: MakeClient) -> None:
    client = make_client()
    page = client.get("/docs").text
    sources = [a.get("src") or a.get("href") for t, a in _tags(page) if t in ("script", "link")]
    assert sources and all(s and s.startswith("/static/") for s in sources)
    for source in sources:
        assert client.get(source).status_code == 200, source
    assert client.get("/openapi.json").json()["info"]["title"] == "spinscope"


def _form(client: TestClient, **fields: str) -> dict[str, str]:
    csrf = client.get("/").cookies["spinscope_csrf"]
    return {"csrf": csrf, "text": "One. Two.", **fields}


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({}, 200),
        ({"csrf": "forged"}, 403),
        ({"csrf": ""}, 403),
        ({"origin": "http://evil.example"}, 403),
        ({"origin": "http://127.0.0.1:8000"}, 200),
        ({"no_cookie": "1"}, 403),
    ],
)
def test_forms_need_their_token_and_our_origin(
    make_client: MakeClient, change: dict[str, str], status: int
) -> None:
    client = make_client()
    data = _form(client)
    headers = {}
    if "csrf" in change:
        data["csrf"] = change["csrf"]
    if "origin" in change:
        headers["origin"] = change["origin"]
    if "no_cookie" in change:
        client.cookies.clear()
    response = client.post("/analyze", data=data, headers=headers)
    assert response.status_code == status, response.text


def test_the_csrf_cookie_is_strict_and_hidden_from_scripts(make_client: MakeClient) -> None:
    cookie = make_client().get("/").headers["set-cookie"].lower()
    assert "samesite=strict" in cookie and "httponly" in cookie


@pytest.mark.parametrize(
    ("host", "token", "refused"),
    [
        ("127.0.0.1", None, False),
        ("127.0.0.2", None, False),
        ("localhost", None, False),
        ("::1", None, False),
        ("[::1]", None, False),
        ("0.0.0.0", None, True),
        ("::", None, True),
        ("192.168.1.10", None, True),
        ("example.org", None, True),
        ("0.0.0.0", "secret", False),
    ],
)
def test_bind_rule(host: str, token: str | None, refused: bool) -> None:
    assert (bind_refusal(host, token) is not None) == refused
    if token is None:
        assert is_loopback(host) == (not refused)


def test_article_text_stays_out_of_the_logs(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client()
    secret = "Zanzibar-marmalade confidential sentence."
    with caplog.at_level(logging.DEBUG):
        assert client.post("/v1/analyze", json={"text": secret}).status_code == 200
        assert client.get("/v1/factchecks/search", params={"q": secret}).status_code == 503
        client.post("/v1/analyze", json={"text": secret, "html": secret})
    # The server's records (the test client logs its own requests, query and all).
    server = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "POST /v1/analyze 200" in server
    assert "Zanzibar" not in server


def test_writes_need_the_token_when_one_is_set(make_client: MakeClient, tmp_path: Path) -> None:
    client = make_client(token=TOKEN, store=f"sqlite:///{tmp_path / 'kb.db'}")
    response = client.post("/v1/factchecks/import?format=liar", content=b"x")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_the_cli_loads_no_web_framework() -> None:
    code = "import sys, spinscope.cli; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
