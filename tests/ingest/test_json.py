"""One-JSON-document-per-file corpora (``.json``): an object or an array of objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.document import Document, ErrorRecord
from spinscope.ingest import IngestOptions, read_path

ARTICLE = {
    "title": "Harbour plan stalls",
    "url": "https://example.test/harbour",
    "text": "The harbour plan stalled again on Tuesday.",
    "authors": ["A. Writer"],
}


def _write(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_json_object_is_one_document_named_after_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "story-1.json", ARTICLE)
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document)
    assert doc.id == "story-1"
    assert doc.text == ARTICLE["text"]
    assert doc.meta.title == "Harbour plan stalls"
    assert doc.meta.url == "https://example.test/harbour"
    assert doc.meta.format == "json"
    assert doc.meta.source == str(path)
    assert doc.meta.extra == {"authors": ["A. Writer"]}


def test_json_object_id_field_wins(tmp_path: Path) -> None:
    (doc,) = list(read_path(_write(tmp_path / "x.json", {**ARTICLE, "id": "a-17"})))
    assert isinstance(doc, Document) and doc.id == "a-17"


def test_json_array_bad_element_does_not_stop_the_others(tmp_path: Path) -> None:
    path = _write(tmp_path / "batch.json", [ARTICLE, 3, {"text": ""}, {**ARTICLE, "id": "z"}])
    results = list(read_path(path))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "ErrorRecord",
        "ErrorRecord",
        "Document",
    ]
    assert [r.id for r in results] == ["batch:1", "batch:2", "batch:3", "z"]
    bad = results[1]
    assert isinstance(bad, ErrorRecord)
    assert bad.source == f"{path}:2" and "expected a JSON object" in bad.error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"text": "unterminated', "not valid JSON"),
        (b"42", "expected a JSON object or an array of objects"),
        (b'{"body": "no text key"}', "has no 'text' field"),
        (b'{"text": "caf\xe9"}', "not valid utf-8"),
    ],
)
def test_json_bad_files_become_error_records(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    (result,) = list(read_path(path))
    assert isinstance(result, ErrorRecord)
    assert message in result.error


def test_json_over_max_bytes_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.json", {"text": "word " * 100})
    (result,) = list(read_path(path, options=IngestOptions(max_bytes=100)))
    assert isinstance(result, ErrorRecord) and "--max-bytes" in result.error


def test_directory_walk_reads_json_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.json", ARTICLE)
    (tmp_path / "b.txt").write_text("Plain text article.", encoding="utf-8")
    ids = [r.id for r in read_path(tmp_path)]
    assert ids == ["a", "b"]
