"""Cheap looks at the first bytes of an input: binary or text, and which text format.

Everything here reads a bounded prefix (:data:`HEAD_BYTES`), so sniffing a 2 GB file
costs the same as sniffing a 2 KB one.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

__all__ = [
    "BOMS",
    "HEAD_BYTES",
    "SUFFIX_FORMATS",
    "binary_kind",
    "format_for_suffix",
    "sniff_format",
    "utf16_without_bom",
]

#: How many leading bytes the sniffers look at.
HEAD_BYTES = 8192

#: File extensions and the format they mean. Anything else is skipped in a directory
#: walk (extension-less files are sniffed) and sniffed when named directly.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
}

#: Byte-order marks and the codec that decodes (and drops) them. UTF-32 first: its
#: little-endian BOM starts with the UTF-16 one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Magic numbers of the binary files people most often feed a text tool by mistake.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "PDF"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"PK\x03\x04", 0, "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"\x1f\x8b", 0, "gzip-compressed data"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data"),
    (b"(\xb5/\xfd", 0, "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document (DOC/XLS/PPT)"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x7fELF", 0, "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", 0, "a Java class file"),
    (b"\x00asm", 0, "WebAssembly"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"OggS", 0, "Ogg audio/video"),
    (b"ftyp", 4, "an MP4/MOV video"),
    (b"WEBP", 8, "a WebP image"),
    (b"WAVE", 8, "WAV audio"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_ID3 = re.compile(rb"ID3[\x02-\x04]")

# C0 control characters that never occur in text (tab, newlines, form feed and ESC do).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
#: Above this share of control bytes a "text" is really binary data.
_CONTROL_RATIO = 0.05

_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|\?xml|!--|(?:html|head|body|meta|title|link|script|style|div|p|article"
    rb"|section|main|header|nav|h[1-6]|table|span|a|br|img)[\s/>])",
    re.I,
)
_HTML_TAG = re.compile(rb"<(?:html|head|body)[\s>]", re.I)


def _bom_codec(head: bytes) -> str | None:
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if ``head`` looks like BOM-less UTF-16 text.

    Mostly-Latin UTF-16 puts a NUL in every other byte; binary data does not.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nul = head[0 : 2 * pairs : 2].count(0)
    odd_nul = head[1 : 2 * pairs : 2].count(0)
    if odd_nul >= 0.7 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.7 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """What binary data ``head`` looks like (``"PDF"``), or ``None`` if it may be text.

    Args:
        head: the first bytes of the input (:data:`HEAD_BYTES` is plenty).

    Returns:
        A human description for the error message, or ``None``.
    """
    if _bom_codec(head) is not None:
        return None
    for magic, offset, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if _BZIP2.match(head):
        return "bzip2-compressed data"
    if _ID3.match(head):
        return "MP3 audio"
    sample = head[:HEAD_BYTES]
    if b"\x00" in sample:
        return None if utf16_without_bom(sample) else "binary data (it contains NUL bytes)"
    controls = len(sample.translate(None, delete=_NOT_CONTROL))
    if sample and controls / len(sample) > _CONTROL_RATIO:
        return f"binary data ({controls / len(sample):.0%} control characters)"
    return None


def format_for_suffix(path: str | PurePath) -> str | None:
    """The format a file extension means (``"html"`` for ``page.HTM``), else ``None``."""
    return SUFFIX_FORMATS.get(PurePath(path).suffix.lower())


def sniff_format(head: bytes) -> str:
    """``"html"``, ``"jsonl"`` or ``"text"`` from the first bytes of an input.

    HTML: the first tag is a doctype, ``<html>``, ``<head>``, ``<body>``, ``<meta>`` or
    ``<title>`` or a common body tag (or a comment/XML declaration before an
    ``<html>``/``<head>``/``<body>`` tag). JSONL: the first line is a JSON object.
    Anything else is text.
    """
    codec = _bom_codec(head) or utf16_without_bom(head[:HEAD_BYTES])
    if codec is not None and codec != "utf-8-sig":
        # Rare UTF-16/32 input: sniff its ASCII-range characters.
        head = head.decode(codec, "ignore").encode("utf-8", "ignore")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head:
        return "text"
    if head[:1] == b"<":
        start = head[:1024]
        if _HTML_START.match(start) is None:
            return "text"
        if start.lower().startswith((b"<?xml", b"<!--")):
            # A declaration or comment first: HTML only if an html/head/body tag follows.
            return "html" if _HTML_TAG.search(start) is not None else "text"
        return "html"
    if head[:1] == b"{":
        # JSONL when the first line is a JSON object (a single line longer than the
        # sniffed prefix cannot be checked: trust the brace).
        first, newline, _ = head.partition(b"\n")
        if not newline:
            return "jsonl"
        try:
            value = json.loads(first)
        except (ValueError, RecursionError):
            return "text"
        return "jsonl" if isinstance(value, dict) else "text"
    return "text"
