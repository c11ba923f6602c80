"""Where the web app keeps and finds analysed documents: the one module between its
routes and the store.

The routes (``/v1/documents``, ``/v1/stats``, ``/v1/clusters``, ``/documents/{id}``)
call only :class:`DocumentAccess`. :func:`spinscope.web.corpus.open_documents` picks
the implementation: :class:`~spinscope.web.corpus.StoreDocuments` over the store's
``documents`` table (the rows ``spinscope batch`` writes), or, without a store,
:class:`NoDocuments`, whose every method raises :class:`Unavailable` (answered as
``501 Not Implemented``).

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

__all__ = [
    "DocumentAccess",
    "DocumentSummary",
    "Filters",
    "MemoryDocuments",
    "NoDocuments",
    "Unavailable",
]

#: Fields ``GET /v1/stats?by=`` can count documents by.
STATS_FIELDS = ("outlet", "language", "format", "technique", "month")


class Unavailable(Exception):
    """What the store cannot do yet; the message says what is missing."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Which stored documents a listing shows; ``None`` or empty: any."""

    #: The outlet's domain (``rt.com``).
    outlet: str | None = None
    #: A technique label the document has at least one span of.
    technique: str | None = None
    #: Published on or after / on or before (ISO dates).
    since: str | None = None
    until: str | None = None
    #: Words in the title or address (a case-insensitive substring).
    q: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The filters given, as query parameters."""
        return {k: v for k in _FILTERS if (v := getattr(self, k))}

    def matches(self, summary: DocumentSummary, labels: set[str]) -> bool:
        """Whether one document passes (for stores that filter in Python)."""
        q = (self.q or "").lower()
        published = (summary.published or "")[:10]
        return (
            (not self.outlet or summary.outlet == self.outlet)
            and (not self.technique or self.technique in labels)
            and (not self.since or published >= self.since)
            and (not self.until or (bool(published) and published <= self.until))
            and (not q or q in (summary.title or "").lower() or q in (summary.url or "").lower())
        )


_FILTERS = ("q", "outlet", "technique", "since", "until")


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One stored document in a listing."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    words: int | None
    #: Technique spans found.
    techniques: int
    #: Expected technique spans per 1,000 words (None when not profiled).
    technique_rate: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "words": self.words,
            "techniques": self.techniques,
            "technique_rate": self.technique_rate,
        }

    @classmethod
    def of(cls, doc: Document) -> DocumentSummary:
        meta = doc.meta
        techniques = len(doc.group("techniques")) if doc.has_group("techniques") else 0
        return cls(
            doc.id,
            meta.title,
            meta.url,
            meta.outlet,
            meta.published,
            meta.language,
            len(doc.text.split()),
            techniques,
        )


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
        self, *, limit: int, offset: int = 0, filters: Filters | None = None
    ) -> Sequence[DocumentSummary]:
        """Stored documents passing ``filters``, newest first."""
        ...

    def count(self, filters: Filters | None = None) -> int:
        """How many stored documents pass ``filters``."""
        ...

    def outlets(self) -> list[str]:
        """The outlets of stored documents, the most frequent first."""
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
        self, *, limit: int, offset: int = 0, filters: Filters | None = None
    ) -> Sequence[DocumentSummary]:
        raise Unavailable(self.reason)

    def count(self, filters: Filters | None = None) -> int:
        raise Unavailable(self.reason)

    def outlets(self) -> list[str]:
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

    def _matching(self, filters: Filters | None) -> list[DocumentSummary]:
        with self._lock:
            docs = list(reversed(self._docs.values()))
        out = []
        for doc in docs:
            summary = DocumentSummary.of(doc)
            labels = (
                {s.label for s in doc.group("techniques") if s.label}
                if doc.has_group("techniques")
                else set()
            )
            if filters is None or filters.matches(summary, labels):
                out.append(summary)
        return out

    def summaries(
        self, *, limit: int, offset: int = 0, filters: Filters | None = None
    ) -> Sequence[DocumentSummary]:
        return self._matching(filters)[offset : offset + limit]

    def count(self, filters: Filters | None = None) -> int:
        return len(self._matching(filters))

    def outlets(self) -> list[str]:
        counts = Counter(s.outlet for s in self._matching(None) if s.outlet)
        return [o for o, _ in counts.most_common()]

    def stats(self, by: str) -> dict[str, int]:
        with self._lock:
            docs = list(self._docs.values())
        counts: Counter[str] = Counter()
        for doc in docs:
            if by == "technique":
                if doc.has_group("techniques"):
                    counts.update({s.label for s in doc.group("techniques") if s.label})
                continue
            value = (doc.meta.published or "")[:7] if by == "month" else getattr(doc.meta, by)
            counts[str(value or "unknown")] += 1
        return dict(counts.most_common())

    def clusters(self) -> list[dict[str, Any]]:
        raise Unavailable("clustering of stored documents is not available yet")
