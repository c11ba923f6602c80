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
import re
from dataclasses import dataclass

from spinscope.document import Document, Meta
from spinscope.errors import EmptyInputError, EncodingError
from spinscope.ingest.sniff import BOMS, HEAD_BYTES, utf16_without_bom

__all__ = ["Decoded", "decode_bytes", "decode_text", "document_from_text"]

log = logging.getLogger(__name__)

# charset-normalizer's guesses that are never right without a BOM in news text, but
# that it proposes for short Latin-1 inputs ("café" -> UTF-16-BE mojibake).
_IMPLAUSIBLE = ("utf_16", "utf_32", "utf_7")
_PREFERRED = "cp1252"
# Code pages suggested for ASCII text with a few stray bytes, most likely first.
_LEGACY = ("cp1252", "latin-1")

# "Mostly UTF-8" (see decode_text): the share of valid non-ASCII sequences, as a
# ratio valid:invalid (19:1 is 95 %), and the bytes allowed per invalid run.
_VALID_SHARE = 19
_BYTES_PER_BAD = 1000
_SHOWN = 10  # byte offsets listed in a warning
# What surrogateescape makes of each byte that is not UTF-8.
_ESCAPED = re.compile("[\udc80-\udcff]+")


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
            f"cannot be decoded as {codec} (invalid {_where(exc)}); {_instead(data)}",
            source=source,
        ) from None


def _instead(data: bytes) -> str:
    """What to pass instead of an ``--encoding`` that failed: one that works."""
    try:
        decoded = decode_text(data)
    except EncodingError:
        return f"check --encoding (--encoding {_working_codec(data)} decodes these bytes)"
    how = "" if not decoded.warnings else ", with warnings"
    return f"check --encoding, or use --encoding auto (it reads them as {decoded.encoding}{how})"


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


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec that gives it, and what had to be repaired.

    Attributes:
        text: the decoded text.
        encoding: the codec; ``data.decode(encoding, "replace")`` gives ``text``
            (``"strict"`` suffices unless ``warnings`` says bytes were replaced).
        warnings: sentences for the user: bytes replaced, or an encoding guessed.
    """

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Damage:
    """How ``data`` fares as UTF-8.

    Attributes:
        text: ``data`` decoded as UTF-8 with U+FFFD for each ill-formed sequence.
        runs: ``(start, end)`` byte offsets of each run of invalid bytes.
        bad: ill-formed sequences (the U+FFFD the decoder put in).
        multibyte: valid non-ASCII characters.
    """

    text: str
    runs: list[tuple[int, int]]
    bad: int
    multibyte: int

    def strong_utf8(self) -> bool:
        """At least 95 % of the non-ASCII sequences are valid UTF-8."""
        return self.multibyte > 0 and self.multibyte >= _VALID_SHARE * self.bad

    def sparse(self, size: int) -> bool:
        """At most one ill-formed sequence per 1,000 bytes (and always one)."""
        return self.bad <= max(1, size // _BYTES_PER_BAD)


def _damage(data: bytes) -> _Damage:
    """Scan ``data`` as UTF-8 in linear time."""
    escaped = data.decode("utf-8", "surrogateescape")
    runs: list[tuple[int, int]] = []
    offset = done = bad_bytes = 0
    for match in _ESCAPED.finditer(escaped):
        offset += len(escaped[done : match.start()].encode("utf-8"))
        length = match.end() - match.start()  # one escape character per invalid byte
        runs.append((offset, offset + length))
        offset += length
        done = match.end()
        bad_bytes += length
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    text = data.decode("utf-8", "replace")
    # U+FFFD already in the text is valid UTF-8, not damage.
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return _Damage(text, runs, bad, non_ascii - bad_bytes)


def _offsets(runs: list[tuple[int, int]]) -> str:
    shown = [f"{a:,}" if b - a == 1 else f"{a:,}-{b - 1:,}" for a, b in runs[:_SHOWN]]
    more = f" and {len(runs) - _SHOWN:,} more" if len(runs) > _SHOWN else ""
    return ", ".join(shown) + more


def _working_codec(data: bytes) -> str:
    """A legacy codec that decodes ``data`` (latin-1 decodes any bytes)."""
    for codec in _LEGACY:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return "latin-1"


def _repaired_utf8(data: bytes, damage: _Damage) -> Decoded:
    runs = damage.runs
    size = sum(b - a for a, b in runs)
    plural = "s" if size != 1 else ""
    warning = (
        f"not valid UTF-8 at byte offset{'s' if len(runs) != 1 else ''} {_offsets(runs)}; "
        f"read as UTF-8 with the {size:,} bad byte{plural} replaced by U+FFFD"
    )
    if damage.multibyte == 0:
        # Plain ASCII plus a few stray bytes: they may be letters of a legacy code page.
        codec = _working_codec(data)
        warning += f" (if the file is in a legacy encoding, pass it, e.g. --encoding {codec})"
    return Decoded(damage.text, "utf-8", (warning,))


def decode_text(
    data: bytes,
    *,
    encoding: str = "auto",
    source: str | None = None,
    declared: str | None = None,
) -> Decoded:
    """Decode ``data`` to text, saying which encoding was used and what was repaired.

    With ``encoding="auto"`` the order is:

    1. a BOM;
    2. BOM-less UTF-16 recognised by its NUL pattern;
    3. strict UTF-8 (bytes that decode as UTF-8 almost never are anything else);
    4. UTF-8 with the invalid bytes replaced by U+FFFD, when the bytes are *mostly
       UTF-8*: at least 95 % of the non-ASCII sequences are valid UTF-8;
    5. the ``declared`` encoding (an HTML ``<meta charset>``);
    6. UTF-8 with replacements again, when invalid runs are *sparse*: at most one per
       1,000 bytes (and always one), such as a stray byte in an ASCII file;
    7. charset-normalizer's best guess.

    Steps 4, 6 and 7 add a warning (the byte offsets replaced, or the guess).

    Args:
        data: the raw bytes.
        encoding: ``"auto"`` or a codec name to decode with, strictly.
        source: for error messages.
        declared: an encoding the document itself declares, tried after UTF-8.

    Raises:
        EncodingError: no encoding decodes the bytes. The message suggests an
            ``--encoding`` that does decode them.
    """
    if encoding != "auto":
        text, name = _decode_as(data, encoding, source=source)
        return Decoded(text, name)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
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
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    damage = _damage(data)
    if damage.strong_utf8():
        return _repaired_utf8(data, damage)
    if declared:
        try:
            return Decoded(data.decode(declared), _codec_name(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    if damage.sparse(len(data)):
        return _repaired_utf8(data, damage)
    detected = _detect(data)
    if detected is not None:
        text, codec = detected
        warning = (
            f"not UTF-8 (invalid {_where(first_error)}); decoded as {codec}, the encoding "
            "detected; if that is wrong, pass the right one with --encoding"
        )
        return Decoded(text, codec, (warning,))
    codec = _working_codec(data)
    raise EncodingError(
        f"is not UTF-8 (invalid {_where(first_error)}) and no encoding could be detected; "
        f"if you know the encoding, pass it with --encoding (--encoding {codec} decodes "
        "these bytes, but only you can tell whether it is right)",
        source=source,
    )


def decode_bytes(
    data: bytes,
    *,
    encoding: str = "auto",
    source: str | None = None,
    declared: str | None = None,
) -> tuple[str, str]:
    """Decode ``data`` to text and say which encoding was used.

    :func:`decode_text` without its warnings, which go to the ``spinscope.ingest.text``
    logger instead.

    Returns:
        ``(text, codec)``, where decoding ``data`` with ``codec`` gives ``text``
        (with ``errors="replace"`` if a warning said bytes were replaced).

    Raises:
        EncodingError: no encoding decodes the bytes.
    """
    decoded = decode_text(data, encoding=encoding, source=source, declared=declared)
    for warning in decoded.warnings:
        log.warning("%s: %s", source or "input", warning)
    return decoded.text, decoded.encoding


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
