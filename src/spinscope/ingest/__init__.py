"""Turning inputs into documents: plain text, HTML, JSONL/CSV corpora, directories, stdin.

>>> from spinscope.ingest import IngestOptions, document_from_bytes
>>> doc = document_from_bytes(b"Officials denied it.", source="note", options=IngestOptions())
>>> doc.text, doc.meta.format, doc.meta.encoding
('Officials denied it.', 'text', 'utf-8')

Single documents (:func:`document_from_text`, :func:`document_from_bytes`,
:func:`read_document`) raise :class:`~spinscope.errors.InputError` subclasses;
streams (:func:`read_path`, :func:`read_stdin`) yield an
:class:`~spinscope.document.ErrorRecord` for a bad file or record and go on.

What each bad input does:

* empty or whitespace-only -> ``EmptyInputError`` (a corpus row: ``MalformedRecordError``);
* PDF, images, archives, NUL bytes, control characters -> ``NotTextError``;
* not UTF-8 -> mostly-UTF-8 bytes are read as UTF-8 with the bad bytes replaced
  (U+FFFD), else decoded with the encoding charset-normalizer detects
  (``meta.encoding``), with a warning in ``meta.extra["ingest_warnings"]`` either
  way; ``EncodingError`` if nothing fits (see :func:`.text.decode_text`);
* a directory, link or file that cannot be read -> an ``ErrorRecord`` naming it;
* file names that are not UTF-8 -> ids and sources with ``\\xNN`` escapes;
* a repeated document id -> ``id~2`` with a warning (:mod:`.ids`);
* over ``max_bytes`` -> ``InputTooLargeError``, from ``stat()`` before reading (corpora:
  per record, the file is streamed);
* a bad JSONL/CSV row -> ``MalformedRecordError`` with its line number;
* HTML without article text -> ``HTMLExtractionError``; hostile HTML (deep nesting,
  huge trees, slow pages) -> a linear fallback extractor (see :mod:`.html`).

Module map: :mod:`.options` (IngestOptions), :mod:`.sniff` (binary/format detection),
:mod:`.text` (decoding), :mod:`.html` (extraction), :mod:`.corpus` (JSONL/CSV),
:mod:`.reader` (files, directories, stdin), :mod:`.ids` (safe names, unique ids),
:mod:`.boilerplate` (``boilerplate.v1``).
"""

from __future__ import annotations

from spinscope.ingest.options import FORMATS, IngestOptions
from spinscope.ingest.reader import document_from_bytes, read_document, read_path, read_stdin
from spinscope.ingest.sniff import SUFFIX_FORMATS
from spinscope.ingest.text import Decoded, decode_bytes, decode_text, document_from_text

__all__ = [
    "FORMATS",
    "SUFFIX_FORMATS",
    "Decoded",
    "IngestOptions",
    "decode_bytes",
    "decode_text",
    "document_from_bytes",
    "document_from_text",
    "read_document",
    "read_path",
    "read_stdin",
]
