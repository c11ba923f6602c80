"""Analysed documents in the store: rows made from results, written idempotently, read back.

A row's key is the SHA-256 of the document text together with the pipeline version
(:func:`pipeline_version`): the same text analysed by the same pipeline is stored once,
and a new pipeline (another component, setting, model or spinscope release) analyses it
again into a row of its own. The ``document`` column holds exactly the record
``spinscope analyze --format jsonl`` writes for the document (``spinscope.document/1``,
or ``spinscope.error/1`` for a failed input), zlib-compressed UTF-8 JSON.

Reading, for aggregates, clusters and the web app::

    >>> from spinscope.store import Store
    >>> from spinscope.corpus.documents import iter_documents
    >>> with Store.open("sqlite:///corpus.db") as store:  # doctest: +SKIP
    ...     for row in iter_documents(store, where={"domain": "rt.com"}):
    ...         print(row["doc_id"], row["technique_rate"], len(row["document"]["spans"]))
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement, Connection, and_, select
from sqlalchemy.dialects import postgresql, sqlite

from spinscope.about import __version__
from spinscope.corpus.records import decode_record, encode_record
from spinscope.document import Document, ErrorRecord
from spinscope.errors import SpinscopeError
from spinscope.factchecks.dates import iso_date
from spinscope.language import PIPELINE_KEY
from spinscope.pipeline import Pipeline
from spinscope.reports.json import record_dict
from spinscope.store import Store
from spinscope.store.schema import documents

__all__ = [
    "COLUMNS",
    "StoredRow",
    "count_documents",
    "iter_documents",
    "normalise_domain",
    "parse_where",
    "pipeline_version",
    "republished_entry",
    "row_for",
    "stored_hashes",
    "with_republished",
    "write_rows",
]

#: The queryable columns, in the order CSV export writes them (``document`` aside).
COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "status",
    "source",
    "url",
    "domain",
    "title",
    "date",
    "language",
    "word_count",
    "technique_expected",
    "technique_rate",
    "technique_counts",
    "own_voice_share",
    "attributed_share",
    "error",
    "error_kind",
    "component",
    "content_hash",
    "pipeline_version",
    "analysed_at",
)

#: Rows read per query by :func:`iter_documents` (keyset pages: no long transaction).
PAGE = 500


def pipeline_version(pipeline: Pipeline) -> str:
    """A short digest of everything that decides a pipeline's output: the spinscope
    release, the components in order with their full settings, the language setting,
    and each component's model name and version."""
    models: dict[str, Any] = {}
    for info in pipeline.infos:
        try:
            models[info.name] = info.model_info()
        except SpinscopeError as exc:  # no model: the run will say so; the digest must not fail
            models[info.name] = {"error": str(exc)}
    described = {
        "spinscope": __version__,
        "components": [
            [info.name, info.settings(pipeline.settings.get(info.name))] for info in pipeline.infos
        ],
        "language": pipeline.language,
        "models": models,
    }
    canonical = json.dumps(described, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def normalise_domain(host: str | None) -> str | None:
    """A host name lower-cased, without port, trailing dot or a leading ``www.``.

    >>> normalise_domain("WWW.RT.com:443"), normalise_domain("news.bbc.co.uk.")
    ('rt.com', 'news.bbc.co.uk')
    """
    if not host:
        return None
    host = host.strip().lower().rstrip(".").split(":")[0]
    host = host.removeprefix("www.")
    return host or None


def _domain(url: str | None, outlet: str | None) -> str | None:
    if url:
        try:
            host = urlsplit(url if "//" in url else f"//{url}").hostname
        except ValueError:
            host = None
        if host:
            return normalise_domain(host)
    # Without a URL, an outlet written as a domain name ("rt.com") is one.
    if outlet and re.fullmatch(r"[\w-]+(\.[\w-]+)+", outlet.strip()):
        return normalise_domain(outlet)
    return None


def error_hash(record: ErrorRecord) -> str:
    """The key of an input that could not be read (no text to hash): its source and
    id, so that a rerun that fails again updates the same row."""
    return hashlib.sha256(f"unreadable\n{record.source}\n{record.id}".encode()).hexdigest()


def _row_id(content_hash: str, version: str) -> str:
    return hashlib.sha256(f"{content_hash}\n{version}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class StoredRow:
    """One row to write: the key, and every column's value."""

    content_hash: str
    values: dict[str, Any]

    @property
    def ok(self) -> bool:
        return bool(self.values["status"] == "ok")


def row_for(
    result: Document | ErrorRecord,
    version: str,
    *,
    content_hash: str | None = None,
    source: Document | None = None,
    now: datetime | None = None,
) -> StoredRow:
    """The row for one result.

    Args:
        result: the analysed document, or the error record that took its place.
        version: the pipeline version.
        content_hash: the input text's hash (a failed document's record no longer has
            the text); default: the document's own, or :func:`error_hash`.
        source: the input document, for a failed one's metadata.
        now: the analysis time.
    """
    record = record_dict(result)
    if content_hash is None:
        content_hash = result.content_hash() if isinstance(result, Document) else error_hash(result)
    values: dict[str, Any] = {
        "id": _row_id(content_hash, version),
        "content_hash": content_hash,
        "pipeline_version": version,
        "doc_id": result.id,
        "document": encode_record(record),
        "analysed_at": now or datetime.now(UTC),
        "error": None,
        "error_kind": None,
        "component": None,
        "word_count": None,
        "technique_counts": None,
        "technique_expected": None,
        "technique_rate": None,
        "own_voice_share": None,
        "attributed_share": None,
    }
    doc = result if isinstance(result, Document) else source
    if doc is not None:
        meta = doc.meta
        values.update(
            source=meta.source,
            url=meta.url,
            domain=_domain(meta.url, meta.outlet),
            title=meta.title,
            date=iso_date(meta.published),
            language=_language(doc),
        )
    else:
        values.update(source=None, url=None, domain=None, title=None, date=None, language=None)
    if isinstance(result, ErrorRecord):
        values.update(
            status="failed",
            error=result.error,
            error_kind=result.kind,
            component=result.component,
            source=values["source"] or result.source,
        )
        return StoredRow(content_hash, values)
    values["status"] = "ok"
    profiles = record.get("profiles") or {}
    techniques = profiles.get("techniques")
    if techniques:
        values.update(
            word_count=techniques.get("words"),
            technique_counts=techniques.get("counts"),
            technique_expected=techniques.get("expected"),
            technique_rate=techniques.get("per_1000_words"),
        )
    else:
        values["word_count"] = len(result.text.split())
    sourcing = profiles.get("sourcing")
    if sourcing:
        values.update(
            own_voice_share=sourcing.get("own_voice_share"),
            attributed_share=sourcing.get("attributed_share"),
        )
    return StoredRow(content_hash, values)


def _language(doc: Document) -> str | None:
    ran = doc.meta.extra.get(PIPELINE_KEY)
    if isinstance(ran, Mapping) and ran.get("language"):
        return str(ran["language"])
    return doc.meta.language


def stored_hashes(store: Store, hashes: Iterable[str], version: str) -> set[str]:
    """Those of ``hashes`` already stored ``ok`` for pipeline ``version``."""
    wanted = list(dict.fromkeys(hashes))
    if not wanted:
        return set()
    query = select(documents.c.content_hash).where(
        documents.c.pipeline_version == version,
        documents.c.status == "ok",
        documents.c.content_hash.in_(wanted),
    )
    with store.engine.connect() as conn:
        return set(conn.execute(query).scalars())


def write_rows(conn: Connection, rows: Sequence[StoredRow]) -> None:
    """Insert ``rows``, or, for a key already there, replace a ``failed`` row; an
    ``ok`` row is never replaced (so a batch written twice changes nothing)."""
    if not rows:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(documents)
    replaced = {c: stmt.excluded[c] for c in rows[0].values if c not in ("id",)}
    stmt = stmt.on_conflict_do_update(
        index_elements=[documents.c.content_hash, documents.c.pipeline_version],
        set_=replaced,
        where=documents.c.status != "ok",
    )
    conn.execute(stmt, [r.values for r in rows])


# -- reading -------------------------------------------------------------------------

_WHERE = re.compile(r"^\s*(\w+)\s*(!=|>=|<=|=|>|<)(.*)$")

Where = Mapping[str, Any] | Sequence[str] | None


def parse_where(condition: str) -> ColumnElement[bool]:
    """``"domain=rt.com"``, ``"date>=2018-01-01"``, ``"status!=ok"``... as a clause on
    the ``documents`` table (columns of :data:`COLUMNS`; values compare as text, or as
    numbers for numeric columns).

    Raises:
        ValueError: not ``COLUMN OP VALUE``, or an unknown column.
    """
    match = _WHERE.match(condition)
    if not match:
        raise ValueError(
            f"expected COLUMN=VALUE (or !=, >=, <=, >, <), got {condition!r}; "
            f"columns: {', '.join(c for c in COLUMNS if c != 'technique_counts')}"
        )
    name, op, raw = match.group(1), match.group(2), match.group(3).strip()
    column = _column(name)
    value: Any = raw
    if column.type.python_type in (int, float):
        try:
            value = column.type.python_type(raw)
        except ValueError:
            raise ValueError(f"{name} is a number, got {raw!r}") from None
    elif name == "domain":
        value = normalise_domain(raw)
    clause: ColumnElement[bool]
    match op:
        case "=":
            clause = column == value
        case "!=":
            clause = column != value
        case ">=":
            clause = column >= value
        case "<=":
            clause = column <= value
        case ">":
            clause = column > value
        case _:
            clause = column < value
    return clause


def _column(name: str) -> Any:
    if name not in COLUMNS or name == "technique_counts":
        raise ValueError(
            f"no column {name!r} to filter on; columns: "
            f"{', '.join(c for c in COLUMNS if c != 'technique_counts')}"
        )
    return documents.c[name]


def _clauses(where: Where, status: str | None) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    named: set[str] = set()
    if isinstance(where, Mapping):
        for name, value in where.items():
            column = _column(name)
            named.add(name)
            if isinstance(value, (list, tuple, set, frozenset)):
                clauses.append(column.in_(list(value)))
            else:
                clauses.append(column.is_(None) if value is None else column == value)
    elif where is not None:
        for condition in where:
            clauses.append(parse_where(condition))
            named.add(_WHERE.match(condition).group(1))  # type: ignore[union-attr]
    if status is not None and "status" not in named:
        clauses.append(documents.c.status == status)
    return clauses


def iter_documents(
    store: Store,
    where: Where = None,
    *,
    status: str | None = "ok",
    with_document: bool = True,
    republished: bool = False,
) -> Iterator[dict[str, Any]]:
    """Stored documents as dictionaries, oldest first, a page at a time (memory stays
    flat on any corpus).

    Args:
        store: the store.
        where: equality filters ``{"domain": "rt.com", "language": ["en", "de"]}`` (a
            list means any of), or conditions as ``spinscope export --where`` takes them
            (``["domain=rt.com", "date>=2018-01-01"]``, see :func:`parse_where`).
        status: only rows with this status (``"ok"``, ``"failed"``; None: all), unless
            ``where`` names ``status`` itself.
        with_document: decode the stored ``analyze`` record into ``"document"``; False
            skips that work for aggregates that need only the columns.
        republished: add ``"republished"``: where else the document was published
            (:func:`republished_entry`, from the last saved clustering), or None.

    Yields:
        One dictionary per row: the columns of :data:`COLUMNS` (``analysed_at`` as an
        ISO string in UTC, ``technique_counts`` a dict or None) and, when
        ``with_document``, ``"document"``: the record as ``analyze --format json``
        writes it (a dict; :meth:`spinscope.Document.from_dict` reads it back).
    """
    clauses = _clauses(where, status)
    columns = [documents.c.pk, *(documents.c[c] for c in COLUMNS)]
    if with_document:
        columns.append(documents.c.document)
    last = 0
    while True:
        query = (
            select(*columns)
            .where(and_(documents.c.pk > last, *clauses))
            .order_by(documents.c.pk)
            .limit(PAGE)
        )
        with store.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        if not rows:
            return
        for row in rows:
            out = {c: row[c] for c in COLUMNS}
            out["analysed_at"] = _utc(row["analysed_at"])
            if with_document:
                out["document"] = json.loads(decode_record(row["document"]))
            if republished:
                out["republished"] = republished_entry(store, row["id"])
            yield out
        last = rows[-1]["pk"]


def iter_records(
    store: Store,
    where: Where = None,
    *,
    status: str | None = "ok",
    republished: bool = False,
) -> Iterator[str]:
    """The stored records as JSON lines (without a newline), exactly as stored; with
    ``republished``, a record whose document is in a saved republication cluster gets
    ``meta.extra.republished`` (:func:`republished_entry`)."""
    clauses = _clauses(where, status)
    last = 0
    while True:
        query = (
            select(documents.c.pk, documents.c.document, documents.c.id)
            .where(and_(documents.c.pk > last, *clauses))
            .order_by(documents.c.pk)
            .limit(PAGE)
        )
        with store.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        clustered = _clustered(store, [row[2] for row in rows]) if republished else set()
        for _, blob, key in rows:
            line = decode_record(blob)
            entry = republished_entry(store, key) if key in clustered else None
            if entry is not None:
                record = json.loads(line)
                meta = record.setdefault("meta", {})
                meta.setdefault("extra", {})["republished"] = entry
                line = json.dumps(record, ensure_ascii=False)
            yield line
        last = rows[-1][0]


def _clustered(store: Store, keys: Sequence[str]) -> set[str]:
    from spinscope.store.schema import cluster_members

    query = select(cluster_members.c.document_id).where(cluster_members.c.document_id.in_(keys))
    with store.engine.connect() as conn:
        return {row[0] for row in conn.execute(query)}


def republished_entry(
    store: Store, document_id: str, *, differences: bool = False
) -> dict[str, Any] | None:
    """Where else the stored document ``document_id`` was published, as records and
    rows carry it: :meth:`Republication.to_dict` and its ``text`` ("also published
    by ... (first seen: ...)"); ``None`` when it is in no saved cluster. With
    ``differences``, each other publication says how its text differs from this one
    (see :func:`spinscope.corpus.clusters.republications`)."""
    from spinscope.corpus.clusters import republications

    found = republications(store, document_id, differences=differences)
    return None if found is None else {**found.to_dict(), "text": found.text()}


def with_republished(store: Store, document_id: str, doc: Document) -> Document:
    """``doc``, the stored document ``document_id``, with ``meta.extra.republished``
    (:func:`republished_entry`, differences included) when it is in a saved
    republication cluster; ``doc`` itself otherwise."""
    entry = republished_entry(store, document_id, differences=True)
    if entry is None:
        return doc
    doc.meta = doc.meta.replace(extra={**doc.meta.extra, "republished": entry})
    return doc


def count_documents(store: Store, where: Where = None, *, status: str | None = "ok") -> int:
    from sqlalchemy import func

    query = select(func.count()).select_from(documents).where(*_clauses(where, status))
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def _utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite keeps no zone: the value was written in UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()
