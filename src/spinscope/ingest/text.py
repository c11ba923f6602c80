"""Bytes to text: encoding detection, and plain-text documents.

Offsets index the *decoded* text exactly as decoded: no newline conversion, no
Unicode normalisation, no trimming. The one thing decoding drops is a byte-order mark
(BOM): it marks the encoding, it is not a character of the article, and every
BOM-aware decoder (Python's ``utf-8-sig``, browsers) drops it too. When a BOM was
present ``meta.encoding`` says so (``"utf-8-sig"``, ``"utf-16"``), so decoding the
bytes with that codec reproduces ``Document.text`` character for character.
"""

from __future__ import annotations

import codecs
import logging

from spinscope.document import Document, Meta
from spinscope.errors import EmptyInputError, EncodingError
from spinscope.ingest.sniff import BOMS, HEAD_BYTES, utf16_without_bom

__all__ = ["decode_bytes", "document_from_text"]

log = logging.getLogger(__name__)

# charset-normalizer's guesses that are never right without a BOM in news text, but
# that it proposes for short Latin-1 inputs ("café" -> UTF-16-BE mojibake).
_IMPLAUSIBLE = ("utf_16", "utf_32", "utf_7")
_PREFERRED = "cp1252"


def _codec_name(name: str) -> str:
    """The canonical Python codec name (``"UTF8"`` -> ``"utf-8"``)."""
    return codecs.lookup(name).name


def _where(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : exc.start + 1]
    return f"byte 0x{bad.hex()} at offset {exc.start:,}" if bad else f"offset {exc.start:,}"


def _decode_as(data: bytes, codec: str, *, source: str | None) -> tuple[str, str]:
    name = _codec_name(codec)
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    try:
        return data.decode(name), name
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"cannot be decoded as {codec} (invalid {_where(exc)}); "
            "check --encoding, or use --encoding auto to detect the encoding",
            source=source,
        ) from None


def _detect(data: bytes) -> tuple[str, str] | None:
    """Decode with charset-normalizer's most plausible guess, or ``None``."""
    from charset_normalizer import from_bytes  # imported lazily: it loads large tables

    matches = [
        m
        for m in from_bytes(data)
        if not _codec_name(m.encoding).replace("-", "_").startswith(_IMPLAUSIBLE)
    ]
    if not matches:
        return None
    best = matches[0]
    # Latin code pages often tie exactly (cp1250/cp1252/cp1257 on French or English
    # text with a few accents); windows-1252 is by far the likeliest truth then.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(_PREFERRED in m.could_be_from_charset for m in tied):
        try:
            return data.decode(_PREFERRED), _PREFERRED
        except UnicodeDecodeError:
            pass
    for match in matches:
        encoding = _codec_name(match.encoding)
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def decode_bytes(
    data: bytes,
    *,
    encoding: str = "auto",
    source: str | None = None,
    declared: str | None = None,
) -> tuple[str, str]:
    """Decode ``data`` to text and say which encoding was used.

    With ``encoding="auto"`` the order is: a BOM; BOM-less UTF-16 recognised by its
    NUL pattern; strict UTF-8 (bytes that decode as UTF-8 almost never are anything
    else); the ``declared`` encoding (an HTML ``<meta charset>``); charset-normalizer's
    best guess. No step ever substitutes replacement characters.

    Args:
        data: the raw bytes.
        encoding: ``"auto"`` or a codec name to decode with, strictly.
        source: for error messages.
        declared: an encoding the document itself declares, tried after UTF-8.

    Returns:
        ``(text, codec)``, where decoding ``data`` with ``codec`` gives ``text``.

    Raises:
        EncodingError: no encoding decodes the bytes.
    """
    if encoding != "auto":
        return _decode_as(data, encoding, source=source)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(invalid {_where(exc)})",
                    source=source,
                ) from None
    # BOM-less UTF-16 first: its NULs are valid UTF-8, so UTF-8 would "succeed".
    utf16 = utf16_without_bom(data[:HEAD_BYTES])
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    if declared:
        try:
            return data.decode(declared), _codec_name(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    detected = _detect(data)
    if detected is not None:
        log.debug("%s: not UTF-8; detected %s", source or "input", detected[1])
        return detected
    raise EncodingError(
        f"is not UTF-8 (invalid {_where(first_error)}) and no other encoding fits its "
        "bytes; if you know the encoding, pass it with --encoding (e.g. --encoding cp1252)",
        source=source,
    )


def document_from_text(text: str, *, id: str | None = None, meta: Meta | None = None) -> Document:
    """A document over ``text``, exactly as given.

    Args:
        text: the article text; never modified (offsets index it).
        id: the document id; default: a hash of the text.
        meta: metadata; default: ``Meta(format="text")``.

    Raises:
        EmptyInputError: ``text`` is empty or only whitespace.

    Example:
        >>> document_from_text("Officials denied it.", id="a1").id
        'a1'
    """
    source = meta.source if meta is not None else None
    if not text:
        raise EmptyInputError("the input is empty (no text)", source=source)
    if text.isspace():
        raise EmptyInputError(
            f"the input contains only whitespace ({len(text):,} characters)", source=source
        )
    return Document(text, id=id, meta=meta if meta is not None else Meta(format="text"))
