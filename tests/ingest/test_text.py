"""Plain text: decoding, BOMs, offsets that index exactly what the user gave."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from spinscope.document import Meta
from spinscope.errors import EncodingError
from spinscope.ingest import (
    IngestOptions,
    decode_bytes,
    document_from_bytes,
    document_from_text,
    read_document,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_text_fixture() -> None:
    path = FIXTURES / "article.txt"
    doc = read_document(path, options=IngestOptions())
    assert doc.id == "article"
    assert doc.text == path.read_bytes().decode("utf-8")
    assert doc.meta == Meta(source=str(path), format="text", encoding="utf-8")


def test_read_document_accepts_str_and_default_options() -> None:
    doc = read_document(str(FIXTURES / "article.txt"))
    assert doc.text.startswith("Ministry “denies”")


def test_text_is_never_normalised() -> None:
    text = "Line one\r\nLine two\rLine three\u2028cafe\u0301 vs caf\u00e9  \t\n"
    doc = document_from_bytes(text.encode("utf-8"), source="x", options=IngestOptions())
    assert doc.text == text


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (codecs.BOM_UTF8 + "“Quoted” text".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "“Quoted” text".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "“Quoted” text".encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + "“Quoted” text".encode("utf-32-le"), "utf-32"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_bom_is_dropped_and_recorded(data: bytes, codec: str) -> None:
    doc = document_from_bytes(data, source="x", options=IngestOptions())
    assert doc.text == "“Quoted” text"  # offset 0 is the first character, not the BOM
    assert doc.meta.encoding == codec
    assert data.decode(codec) == doc.text


def test_utf16_without_bom_is_recognised() -> None:
    text = "An article saved as UTF-16 without a byte-order mark."
    doc = document_from_bytes(text.encode("utf-16-le"), source="x", options=IngestOptions())
    assert doc.text == text and doc.meta.encoding == "utf-16-le"


def test_explicit_encoding() -> None:
    data = "naïve “quotes”".encode("cp1252")
    doc = document_from_bytes(data, source="x", options=IngestOptions(encoding="cp1252"))
    assert doc.text == "naïve “quotes”" and doc.meta.encoding == "cp1252"


def test_explicit_utf8_drops_bom_consistently() -> None:
    text, codec = decode_bytes(codecs.BOM_UTF8 + b"abc", encoding="utf-8")
    assert (text, codec) == ("abc", "utf-8-sig")


def test_bad_bom_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd text")


def test_document_from_text() -> None:
    doc = document_from_text("Officials denied it.", id="a1")
    assert (doc.id, doc.text, doc.meta.format) == ("a1", "Officials denied it.", "text")
    meta = Meta(source="s", format="text")
    assert document_from_text(" x ", meta=meta).meta is meta


def test_default_id_is_content_hash() -> None:
    a = document_from_bytes(b"same text", source="a", options=IngestOptions())
    b = document_from_bytes(b"same text", source="b", options=IngestOptions())
    assert a.id == b.id and len(a.id) == 16


def test_stem_id_and_source(tmp_path: Path) -> None:
    path = tmp_path / "my article.v2.txt"
    path.write_text("Body.")
    doc = read_document(path)
    assert doc.id == "my article.v2" and doc.meta.source == str(path)
