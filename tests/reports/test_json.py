"""JSON output (spinscope.reports.json)."""

from __future__ import annotations

import json

from spinscope import Document, ErrorRecord, Span
from spinscope.reports.json import document_dict, record_dict, render_json


def make_doc() -> Document:
    doc = Document("They lied again.", id="d1")
    doc.set_spans("tokens", [Span(0, 4), Span(5, 9), Span(10, 15), Span(15, 16)])
    doc.set_spans(
        "techniques", [Span(5, 9, "Loaded_Language", 0.8, {"definition": "Strong words."})]
    )
    return doc


def test_json_omits_tokens_by_default() -> None:
    data = document_dict(make_doc())
    assert data["schema"] == "spinscope.document/1"
    assert set(data) == {"schema", "id", "text", "meta", "spans", "profiles"}
    assert "tokens" not in data["spans"]
    assert data["spans"]["techniques"][0] == {
        "start": 5,
        "end": 9,
        "label": "Loaded_Language",
        "score": 0.8,
        "definition": "Strong words.",
    }


def test_json_include_tokens() -> None:
    assert len(document_dict(make_doc(), include_tokens=True)["spans"]["tokens"]) == 4


def test_json_round_trips_through_document() -> None:
    doc = make_doc()
    again = Document.from_json(render_json(doc, include_tokens=True))
    assert again == doc


def test_json_error_record() -> None:
    record = ErrorRecord("x", "x.txt: the file is empty", "EmptyInputError", source="x.txt")
    assert record_dict(record)["schema"] == "spinscope.error/1"
    assert json.loads(render_json(record))["kind"] == "EmptyInputError"


def test_json_is_one_line_and_keeps_unicode() -> None:
    doc = Document("“Quoted” — text\nsecond line", id="u")
    out = render_json(doc)
    assert "\n" not in out
    assert "“Quoted”" in out
