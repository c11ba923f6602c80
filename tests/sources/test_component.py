"""outlet.v1: the outlet's ratings in the document, and the report section showing them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.config import load_config
from spinscope.document import Document, Meta
from spinscope.pipeline import Pipeline
from spinscope.reports import render_html, render_json, render_text
from spinscope.sources.component import EXTRA_KEY, NO_URL, document_url, make_outlet
from spinscope.sources.importers import get_importer
from spinscope.sources.ratings import import_files
from spinscope.store import Store

TEXT = "Officials said the weather was pleasant all through the spring in the capital."


def _pipeline(store_url: str) -> Pipeline:
    cfg = load_config(None).merged(
        {
            "pipeline": {"components": ["sentences.v1", "outlet.v1"], "language": "en"},
            "components": {"outlet.v1": {"store": store_url}},
        }
    )
    return Pipeline.from_config(cfg)


def _skipped(doc: Document) -> dict[str, str]:
    entry = doc.meta.extra.get("pipeline", {})
    return {s["component"]: s["reason"] for s in entry.get("skipped", [])}


@pytest.fixture
def rated(store: Store, lists: Path) -> Store:
    import_files(store, [lists / "mbfc.csv"], get_importer("mbfc"))
    import_files(store, [lists / "sources.csv"], get_importer("opensources"))
    return store


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (Meta(url="https://www.rt.com/a", source="https://other.com/b"), "https://www.rt.com/a"),
        (Meta(source="http://rt.com/x"), "http://rt.com/x"),
        (Meta(source="corpus.jsonl:4"), None),
        (Meta(url="ftp://rt.com/x"), None),
        (Meta(), None),
    ],
)
def test_document_url(meta: Meta, expected: str | None) -> None:
    assert document_url(Document("x", meta=meta)) == expected


def test_ratings_of_the_outlet_side_by_side(rated: Store) -> None:
    nlp = _pipeline(rated.url)
    doc = nlp(Document(TEXT, id="a", meta=Meta(url="https://www.rt.com/news/1-story/")))
    record = doc.meta.extra[EXTRA_KEY]
    assert record["domain"] == "rt.com"
    assert [(r["source"], r["bias"], r["labels"]) for r in record["ratings"]] == [
        ("mbfc", "right-center", []),
        ("opensources", None, ["state"]),
    ]
    assert "outlet.v1" not in _skipped(doc)
    text = render_text(doc, width=200)
    assert "Outlet ratings" in text and "rated by 2 lists" in text and "right-center" in text
    assert "very-low" in render_html(doc)
    profile = json.loads(render_json(doc))["profiles"]["outlet"]
    assert profile["domain"] == "rt.com" and len(profile["ratings"]) == 2


def test_an_outlet_no_list_rates_says_so(rated: Store) -> None:
    doc = _pipeline(rated.url)(Document(TEXT, id="b", meta=Meta(url="https://unrated.org/x")))
    assert doc.meta.extra[EXTRA_KEY]["ratings"] == []
    assert "unrated.org: no rating list rates this outlet" in render_text(doc, width=200)


def test_a_document_without_url_is_skipped_with_a_notice(rated: Store) -> None:
    doc = _pipeline(rated.url)(Document(TEXT, id="c", meta=Meta(source="c.txt")))
    assert EXTRA_KEY not in doc.meta.extra
    assert _skipped(doc) == {"outlet.v1": NO_URL}
    assert "Outlet ratings" not in render_text(doc, width=200)


def test_no_store_or_no_rating_skips_everywhere(store: Store, tmp_path: Path) -> None:
    missing = make_outlet(str(tmp_path / "none.db"))
    assert missing.unavailable is not None and "sources import" in missing.unavailable
    assert not (tmp_path / "none.db").exists()
    empty = make_outlet(store.url)
    assert empty.unavailable is not None and "is empty" in empty.unavailable
    doc = _pipeline(store.url)(Document(TEXT, id="d", meta=Meta(url="https://rt.com/a")))
    assert "is empty" in _skipped(doc)["outlet.v1"]


def test_the_section_ignores_a_malformed_record() -> None:
    doc = Document(TEXT, id="e", meta=Meta(extra={EXTRA_KEY: {"domain": "x.com", "ratings": [1]}}))
    assert "x.com: no rating list rates this outlet" in render_text(doc, width=200)
    assert "Outlet ratings" not in render_text(Document(TEXT, meta=Meta(extra={EXTRA_KEY: 3})))
