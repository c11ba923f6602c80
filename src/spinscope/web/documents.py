"""Where the web app keeps and finds analysed documents: the one module between its
routes and the store.

The routes (``/v1/documents``, ``/v1/stats``, ``/v1/clusters``, ``/documents/{id}``)
call only :class:`DocumentAccess`. :func:`open_documents` picks the implementation for
a store; until the store has a documents table it returns :class:`NoDocuments`, whose
every method raises :class:`Unavailable` (answered as ``501 Not Implemented``).
Pointing the app at a store-backed implementation is a change to this module alone.

:class:`MemoryDocuments` keeps documents in this process (tests, and a server run
with ``--memory-documents`` to try the permanent pages without a store).

>>> docs = MemoryDocuments()
>>> from spinscope import Document
>>> docs.put(Document("They lied.", id="d1"))
'd1'
>>> [d.id for d in docs.summaries(limit=10)]
['d1']
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from spinscope.document import Document
from spinscope.store import Store

__all__ = [
    "DocumentAccess",
    "DocumentSummary",
    "MemoryDocuments",
    "NoDocuments",
    "Unavailable",
    "open_documents",
]

#: Fields ``GET /v1/stats?by=`` can count documents by.
STATS_FIELDS = ("outlet", "language", "format", "technique")


class Unavailable(Exception):
    """What the store cannot do yet; the message says what is missing."""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One stored document in a listing."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    chars: int
    findings: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "chars": self.chars,
            "findings": self.findings,
        }

    @classmethod
    def of(cls, doc: Document) -> DocumentSummary:
        meta = doc.meta
        findings = sum(len(doc.group(g)) for g in doc.spans if g not in _STRUCTURAL)
        return cls(
            doc.id,
            meta.title,
            meta.url,
            meta.outlet,
            meta.published,
            meta.language,
            len(doc.text),
            findings,
        )


_STRUCTURAL = frozenset({"tokens", "sentences", "boilerplate"})


class DocumentAccess(Protocol):
    """What the web app needs of a document store."""

    #: Whether documents can be stored and read back (the UI offers "keep" only then).
    available: bool
    #: Why not, when they cannot.
    reason: str

    def put(self, doc: Document) -> str:
        """Store ``doc`` (replacing one with the same id); return its id."""
        ...

    def get(self, doc_id: str) -> Document | None:
        """The stored document, or ``None``."""
        ...

    def summaries(
        self, *, limit: int, offset: int = 0, outlet: str | None = None
    ) -> Sequence[DocumentSummary]:
        """Stored documents, newest first."""
        ...

    def stats(self, by: str) -> dict[str, int]:
        """Document counts per value of ``by`` (one of :data:`STATS_FIELDS`)."""
        ...

    def clusters(self) -> list[dict[str, Any]]:
        """Clusters of stored documents (stories told by several outlets)."""
        ...


class NoDocuments:
    """A store without documents: every call says so."""

    available = False

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def put(self, doc: Document) -> str:
        raise Unavailable(self.reason)

    def get(self, doc_id: str) -> Document | None:
        raise Unavailable(self.reason)

    def summaries(
        self, *, limit: int, offset: int = 0, outlet: str | None = None
    ) -> Sequence[DocumentSummary]:
        raise Unavailable(self.reason)

    def stats(self, by: str) -> dict[str, int]:
        raise Unavailable(self.reason)

    def clusters(self) -> list[dict[str, Any]]:
        raise Unavailable(self.reason)


class MemoryDocuments:
    """Documents kept in this process, lost when it stops. Clusters are not computed."""

    available = True
    reason = ""

    def __init__(self) -> None:
        self._docs: dict[str, Document] = {}
        self._lock = threading.Lock()

    def put(self, doc: Document) -> str:
        with self._lock:
            self._docs.pop(doc.id, None)
            self._docs[doc.id] = doc
        return doc.id

    def get(self, doc_id: str) -> Document | None:
        with self._lock:
            return self._docs.get(doc_id)

    def summaries(
        self, *, limit: int, offset: int = 0, outlet: str | None = None
    ) -> Sequence[DocumentSummary]:
        with self._lock:
            docs = list(reversed(self._docs.values()))
        if outlet is not None:
            docs = [d for d in docs if d.meta.outlet == outlet]
        return [DocumentSummary.of(d) for d in docs[offset : offset + limit]]

    def stats(self, by: str) -> dict[str, int]:
        with self._lock:
            docs = list(self._docs.values())
        counts: Counter[str] = Counter()
        for doc in docs:
            if by == "technique":
                if doc.has_group("techniques"):
                    counts.update({s.label for s in doc.group("techniques") if s.label})
                continue
            counts[str(getattr(doc.meta, by) or "unknown")] += 1
        return dict(counts.most_common())

    def clusters(self) -> list[dict[str, Any]]:
        raise Unavailable("clustering of stored documents is not available yet")


def open_documents(store: Store | None) -> DocumentAccess:
    """The document access for ``store``: the store's documents once it has them."""
    if store is None:
        return NoDocuments("the server runs without a store (start it with --store URL)")
    return NoDocuments(
        f"the store at {store.url} does not keep analysed documents yet; "
        "analyses are returned but not stored"
    )
