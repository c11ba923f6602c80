"""Plain text: decoding, BOMs, offsets that index exactly what the user gave."""

from __future__ import annotations

import codecs
import re
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
from spinscope.ingest.ids import WARNINGS_KEY
from spinscope.ingest.text import decode_text

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


# -- mostly UTF-8: repaired, with a warning; guesses said out loud ----------------------

ASCII = b"Officials said the convoy was attacked near the border on Tuesday. " * 3
QUOTED = "The minister said “we will not negotiate” — the café’s résumé. "
UTF8 = (QUOTED * 3).encode("utf-8")


@pytest.mark.parametrize(
    ("data", "offsets"),
    [
        (ASCII + b"\xff" + ASCII, "offset 201;"),
        (ASCII + b"\x9d" + ASCII, "offset 201;"),  # undefined in cp1252
        (ASCII * 5 + b"\x81\xfe" + ASCII * 5, "offset 1,005-1,006;"),
        (b"\xfe" + ASCII, "offset 0;"),
        (UTF8[:100] + b"\xff" + UTF8[100:], "offset 100;"),
        (UTF8 + b"\xe2\x80", f"offset {len(UTF8)}-{len(UTF8) + 1};"),  # truncated at the end
        (UTF8[:50] + b"\xc0" + UTF8[50:150] + b"\xff" + UTF8[150:] + UTF8 * 2, "offsets 50, 151;"),
    ],
    ids=["ascii-ff", "ascii-9d", "ascii-two-bytes", "at-start", "utf8", "truncated", "two"],
)
def test_mostly_utf8_is_read_as_utf8_with_the_bad_bytes_replaced(data: bytes, offsets: str) -> None:
    decoded = decode_text(data, source="x")
    assert decoded.encoding == "utf-8"
    assert decoded.text == data.decode("utf-8", "replace")
    (warning,) = decoded.warnings
    assert warning.startswith(f"not valid UTF-8 at byte {offsets}") and "U+FFFD" in warning
    doc = document_from_bytes(data, source="x", options=IngestOptions())
    assert doc.text == decoded.text and doc.meta.encoding == "utf-8"
    assert doc.meta.extra[WARNINGS_KEY] == [warning]


def test_utf8_with_a_stray_byte_keeps_its_characters() -> None:
    # Decoded as a legacy code page, every curly quote would come out as mojibake.
    text = decode_text(UTF8[:100] + b"\xff" + UTF8[100:]).text
    assert text.count("\u201c") == 3 and "\u00e2\u20ac" not in text and text.count("\ufffd") == 1


@pytest.mark.parametrize(
    ("size", "bad", "repaired"),
    [(1999, 2, False), (2000, 2, True), (5000, 5, True), (5000, 6, False)],
)
def test_sparse_threshold_is_one_bad_sequence_per_1000_bytes(
    size: int, bad: int, repaired: bool
) -> None:
    filler = (b"The ministry denied the report. " * 200)[: size - bad]
    step = len(filler) // bad
    data = b"".join(filler[i * step : (i + 1) * step] + b"\xe9" for i in range(bad))
    data += filler[bad * step :]
    assert len(data) == size
    decoded = decode_text(data)
    assert (decoded.encoding == "utf-8") is repaired
    assert len(decoded.warnings) == 1  # repaired, or guessed: either way the user is told


def test_legacy_text_is_still_detected_and_the_guess_is_a_warning() -> None:
    text = "Le ministre a déclaré à la presse que la société était très inquiète.\n" * 3
    decoded = decode_text(text.encode("cp1252"))
    assert decoded.text == text and decoded.encoding == "cp1252"
    (warning,) = decoded.warnings
    assert "decoded as cp1252, the encoding detected" in warning and "--encoding" in warning


def test_strict_utf8_and_boms_have_no_warning() -> None:
    assert decode_text(UTF8).warnings == ()
    assert decode_text(codecs.BOM_UTF8 + UTF8).warnings == ()


def test_declared_charset_wins_over_sparse_damage() -> None:
    data = ASCII * 10 + b"don\x92t" + ASCII * 10  # cp1252 apostrophe, declared by the page
    decoded = decode_text(data, declared="windows-1252")
    assert decoded.encoding == "cp1252" and "don\u2019t" in decoded.text and not decoded.warnings


_SUGGESTION = re.compile(r"--encoding ([\w-]+)")


def _suggested(message: str) -> list[str]:
    return [name for name in _SUGGESTION.findall(message)]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (bytes(0x80 + (i * 37) % 128 for i in range(400)), "auto"),
        (QUOTED.encode("cp1252") * 3, "utf-8"),
        (UTF8, "ascii"),
        (b"\x81\x8d\x8f\x90\x9d" * 80, "cp1252"),
    ],
    ids=["junk", "cp1252-as-utf8", "utf8-as-ascii", "holes-as-cp1252"],
)
def test_suggested_encodings_decode_the_file(data: bytes, encoding: str) -> None:
    with pytest.raises(EncodingError) as info:
        decode_text(data, encoding=encoding, source="x")
    suggested = _suggested(str(info.value))
    assert suggested, str(info.value)
    for name in suggested:
        decode_text(data, encoding=name)  # does not raise


@pytest.mark.parametrize(
    "data", [ASCII + b"\x9d" + ASCII, ASCII + b"\xe9" + ASCII], ids=["undefined", "letter"]
)
def test_suggestion_in_a_repair_warning_decodes_the_file(data: bytes) -> None:
    (warning,) = decode_text(data).warnings
    (name,) = _suggested(warning)
    decode_text(data, encoding=name)


def test_decode_bytes_logs_the_warnings(caplog: pytest.LogCaptureFixture) -> None:
    text, encoding = decode_bytes(ASCII + b"\xff", source="note.txt")
    assert encoding == "utf-8" and text.endswith("\ufffd")
    assert "note.txt: not valid UTF-8 at byte offset 201" in caplog.text
