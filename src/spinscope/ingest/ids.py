"""Names that are safe to show and to write: display names, and unique document ids.

File names on Linux are bytes, not text: ``os.fsdecode`` turns bytes that are not
UTF-8 into lone surrogates (``"\\udcff"``), which no UTF-8 output can hold, and a
name may contain newlines or terminal escapes. :func:`display_name` gives the text
spinscope uses for ids, ``meta.source`` and messages: undecodable bytes and control
characters written as ``\\xNN``, so the result is valid Unicode that prints as one
line. The file itself is always opened by its real name.

A run must never return two documents under one id without saying so.
:class:`UniqueIds` keeps the first document with an id as it is, renames later ones
``<id>~2``, ``<id>~3``..., and records a warning on each renamed document.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

from spinscope.document import Document, ErrorRecord, Meta

__all__ = ["WARNINGS_KEY", "UniqueIds", "display_name", "with_warnings"]

#: The ``meta.extra`` key holding what ingest had to repair in a document (bytes
#: replaced, an id renamed...): a list of sentences. The CLI prints each as a WARNING line.
WARNINGS_KEY = "ingest_warnings"

# C0 and C1 controls and DEL: a name holding them could rewrite the terminal it is shown on.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(name: str | os.PathLike[str]) -> str:
    """``name`` as valid, single-line Unicode: bad bytes and controls as ``\\xNN``.

    Example:
        >>> display_name(os.fsdecode(b"caf\\xe9\\n.txt"))
        'caf\\\\xe9\\\\x0a.txt'
    """
    text = os.fspath(name)
    if _SURROGATE.search(text):
        # Bytes os.fsdecode could not decode come back as the bytes they were; any
        # other lone surrogate (not from a file system) is written as its code point.
        raw = text.encode("utf-8", "surrogateescape") if _escapable(text) else None
        text = (
            raw.decode("utf-8", "backslashreplace")
            if raw is not None
            else _SURROGATE.sub(_escape, text)
        )
    return _CONTROL.sub(_escape, text)


def _escapable(text: str) -> bool:
    return all("\udc80" <= c <= "\udcff" for c in _SURROGATE.findall(text))


def with_warnings(meta: Meta, warnings: Iterable[str]) -> Meta:
    """``meta`` with ``warnings`` appended to ``extra[WARNINGS_KEY]``."""
    new = list(warnings)
    if not new:
        return meta
    old = meta.extra.get(WARNINGS_KEY)
    kept = [w for w in old if isinstance(w, str)] if isinstance(old, list) else []
    return meta.replace(extra={**meta.extra, WARNINGS_KEY: [*kept, *new]})


class UniqueIds:
    """Renames documents whose id was already used in this run (``id~2``, ``id~3``...).

    Error records keep their ids: they are not documents, and their ``source`` says
    which input they stand for. Memory grows with the number of distinct ids (a few
    dozen bytes each).

    Example:
        >>> unique = UniqueIds()
        >>> [d.id for d in unique([Document("a", id="x"), Document("b", id="x")])]
        ['x', 'x~2']
    """

    def __init__(self) -> None:
        self._first: dict[str, str | None] = {}  # id -> source of its first document
        self._next: dict[str, int] = {}

    def __call__(
        self, results: Iterable[Document | ErrorRecord]
    ) -> Iterator[Document | ErrorRecord]:
        for result in results:
            yield self.claim(result) if isinstance(result, Document) else result

    def claim(self, doc: Document) -> Document:
        """``doc`` if its id is new in this run, else a copy under a fresh id."""
        if doc.id not in self._first:
            self._first[doc.id] = doc.meta.source
            return doc
        n = self._next.get(doc.id, 1)
        while True:
            n += 1
            new_id = f"{doc.id}~{n}"
            if new_id not in self._first:
                break
        self._next[doc.id] = n
        self._first[new_id] = doc.meta.source
        first = self._first[doc.id]
        where = f" (first used by {first})" if first else ""
        warning = f"duplicate id {doc.id!r}{where}: renamed {new_id!r}"
        return Document(
            doc.text, id=new_id, meta=with_warnings(doc.meta, [warning]), spans=doc.spans
        )
