"""Binary detection and format sniffing from the first bytes."""

from __future__ import annotations

import pytest

from spinscope.ingest.sniff import binary_kind, format_for_suffix, sniff_format


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.5\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (or DOCX/XLSX/EPUB)"),
        (b"\x1f\x8b\x08\x00", "gzip-compressed data"),
        (b"BZh91AY&SY", "bzip2-compressed data"),
        (b"\x7fELF\x02\x01", "an executable (ELF)"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"\x00\x00\x00\x18ftypmp42", "an MP4/MOV video"),
        (b"{\\rtf1\\ansi", "an RTF document"),
        (b"text\x00with\x00nul", "binary data (it contains NUL bytes)"),
    ],
)
def test_binary_kinds(head: bytes, kind: str) -> None:
    assert binary_kind(head) == kind


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"Plain text.\n",
        "Caf\u00e9 \u201cquoted\u201d".encode(),
        "Caf\u00e9".encode("cp1252"),
        b"\xef\xbb\xbfBOM text",
        b"\xff\xfeU\x00T\x00F\x00",  # UTF-16 with BOM: NULs are fine
        "UTF-16 without BOM".encode("utf-16-le"),
        b"Tabs\tand\x0cform feeds\x1b[0m and ESC are text",
        b"BZh is how this sentence starts.",
        b"PK is fine as text too.",
    ],
)
def test_text_is_not_binary(head: bytes) -> None:
    assert binary_kind(head) is None


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"<!DOCTYPE html><html>", "html"),
        (b"  \n<html lang='en'>", "html"),
        (b"\xef\xbb\xbf<!doctype html>", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"<!-- saved page -->\n<html>", "html"),
        (b"<div class='article'><p>x</p></div>", "html"),
        (b"<3 this is text", "text"),
        (b"<!-- a comment, then text", "text"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{"text": "one very long line without its end', "jsonl"),
        (b"{not json}\nmore\n", "text"),
        (b"[1, 2]\n", "text"),
        (b"Plain article text.", "text"),
        (b"", "text"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv", "csv"),
        ("a.md", None),
        ("README", None),
    ],
)
def test_format_for_suffix(name: str, fmt: str | None) -> None:
    assert format_for_suffix(name) == fmt
