"""The web app's documents in the store: the ``documents`` table ``spinscope batch``
writes, read and written through :mod:`spinscope.corpus.documents` (the same row
builder, so a document kept from the web app and the same text run through ``batch``
with the same pipeline are one row).

A document's address is its row id (content hash + pipeline version); a document's
own id (``doc_id``) finds it too (its newest analysis). Listings, counts and
aggregates read the table's columns only, never the compressed analysis records.

Search (``q``) is a case-insensitive substring match (SQL ``LIKE``, portable across
SQLite and PostgreSQL) over title and URL: the text itself is stored compressed and
cannot be searched in SQL.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from spinscope.corpus.documents import (
    normalise_domain,
    row_for,
    with_republished,
    write_rows,
)
from spinscope.corpus.records import decode_record
from spinscope.document import Document
from spinscope.store import Store
from spinscope.store.schema import documents
from spinscope.web.documents import (
    DocumentAccess,
    DocumentSummary,
    Filters,
    NoDocuments,
    Unavailable,
)

__all__ = ["StoreDocuments", "open_documents"]

_T = documents.c
_SUMMARY = (_T.id, _T.title, _T.url, _T.domain, _T.date, _T.language, _T.word_count)
_SUMMARY_MORE = (_T.technique_counts, _T.technique_rate)


def filter_clauses(filters: Filters | None) -> list[ColumnElement[bool]]:
    """The ``WHERE`` clauses of ``filters`` over ``ok`` rows."""
    clauses: list[ColumnElement[bool]] = [_T.status == "ok"]
    if filters is None:
        return clauses
    if filters.outlet:
        clauses.append(_T.domain == (normalise_domain(filters.outlet) or filters.outlet))
    if filters.technique:
        # A JSON member as a number: json_extract on SQLite, ->> and a cast on PostgreSQL.
        clauses.append(_T.technique_counts[filters.technique].as_float() > 0)
    if filters.since:
        clauses.append(_T.date >= filters.since)
    if filters.until:
        clauses.append(_T.date <= filters.until)
    if filters.q:
        clauses.append(
            or_(
                _T.title.icontains(filters.q, autoescape=True),
                _T.url.icontains(filters.q, autoescape=True),
            )
        )
    return clauses


class StoreDocuments:
    """Documents in the store's ``documents`` table, keyed for pipeline ``version``."""

    available = True
    reason = ""

    def __init__(self, store: Store, version: str) -> None:
        self.store = store
        self.version = version

    def put(self, doc: Document) -> str:
        row = row_for(doc, self.version)
        with self.store.engine.begin() as conn:
            write_rows(conn, [row])
        return str(row.values["id"])

    def get(self, doc_id: str) -> Document | None:
        ok = _T.status == "ok"
        by_row = select(_T.id, _T.document).where(_T.id == doc_id, ok)
        by_doc = select(_T.id, _T.document).where(_T.doc_id == doc_id, ok).order_by(_T.pk.desc())
        with self.store.engine.connect() as conn:
            row = conn.execute(by_row).first() or conn.execute(by_doc.limit(1)).first()
        if row is None:
            return None
        # Where else the text was published, from the store's saved clusters.
        return with_republished(self.store, row.id, Document.from_json(decode_record(row.document)))

    def _query(self, filters: Filters | None) -> Select[Any]:
        return select(*_SUMMARY, *_SUMMARY_MORE).where(*filter_clauses(filters))

    def summaries(
        self, *, limit: int, offset: int = 0, filters: Filters | None = None
    ) -> Sequence[DocumentSummary]:
        query = (
            self._query(filters)
            .order_by(_T.date.desc().nulls_last(), _T.pk.desc())
            .limit(limit)
            .offset(offset)
        )
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            DocumentSummary(
                id=row["id"],
                title=row["title"],
                url=row["url"],
                outlet=row["domain"],
                published=row["date"],
                language=row["language"],
                words=row["word_count"],
                techniques=sum((row["technique_counts"] or {}).values()),
                technique_rate=row["technique_rate"],
            )
            for row in rows
        ]

    def count(self, filters: Filters | None = None) -> int:
        query = select(func.count()).select_from(documents).where(*filter_clauses(filters))
        with self.store.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def outlets(self) -> list[str]:
        query = (
            select(_T.domain)
            .where(_T.status == "ok", _T.domain.is_not(None))
            .group_by(_T.domain)
            .order_by(func.count().desc(), _T.domain)
        )
        with self.store.engine.connect() as conn:
            return [str(d) for d in conn.execute(query).scalars()]

    def stats(self, by: str) -> dict[str, int]:
        ok = _T.status == "ok"
        if by == "technique":
            # The per-document counts are a small JSON column: summed here, portably.
            counts: Counter[str] = Counter()
            query = select(_T.technique_counts).where(ok, _T.technique_counts.is_not(None))
            with self.store.engine.connect() as conn:
                for value in conn.execute(query).scalars():
                    counts.update(value if isinstance(value, dict) else json.loads(value))
            return dict(counts.most_common())
        column = {"outlet": _T.domain, "language": _T.language, "month": func.substr(_T.date, 1, 7)}
        if by not in column:
            raise Unavailable(f"stored documents are not counted by {by}")
        key = column[by]
        query = select(key, func.count()).where(ok).group_by(key).order_by(func.count().desc(), key)
        with self.store.engine.connect() as conn:
            return {str(k or "unknown"): int(n) for k, n in conn.execute(query).all()}

    def clusters(self) -> list[dict[str, Any]]:
        from spinscope.corpus.clusters import find_clusters, record_from_dict
        from spinscope.corpus.documents import iter_documents

        def records() -> Any:
            for row in iter_documents(self.store):
                data = dict(row["document"], url=row["url"], domain=row["domain"])
                data["date"] = row["date"]
                data["id"] = row["id"]
                record = record_from_dict(data)
                if record is not None:
                    yield record

        return [c.to_dict() for c in find_clusters(records())]


def open_documents(store: Store | None, version: str = "web") -> DocumentAccess:
    """The document access for ``store``: its ``documents`` table, where a document
    kept now is keyed with pipeline ``version`` (:func:`spinscope.corpus.documents.pipeline_version`
    of the server's pipeline, as ``spinscope batch`` keys its rows)."""
    if store is None:
        return NoDocuments("the server runs without a store (start it with --store URL)")
    return StoreDocuments(store, version)
