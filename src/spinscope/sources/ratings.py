"""Outlet ratings in the store: idempotent import, lookup by URL or domain."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from spinscope.factchecks.model import ImportFileError, Rejection
from spinscope.sources.domains import Site, host_chain, parse_site
from spinscope.sources.importers import RatingImporter
from spinscope.sources.model import RatingRecord, content_hash, rating_id
from spinscope.store import Store
from spinscope.store.schema import source_ratings

__all__ = ["ImportSummary", "SourceRating", "import_files", "import_lists", "ratings_for"]

#: Rows written per transaction.
BATCH_SIZE = 1000


@dataclass
class ImportSummary:
    """What one ``sources import`` did: counts, rejected rows with reasons, file errors."""

    source: str
    importer: str
    files: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    errors: list[ImportFileError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def stored(self) -> int:
        return self.imported + self.updated + self.unchanged

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "importer": self.importer,
            "files": self.files,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "rejections": [
                {"file": r.file, "line": r.line, "reason": r.reason} for r in self.rejections
            ],
            "errors": [{"file": e.path, "line": e.line, "reason": e.reason} for e in self.errors],
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class _Pending:
    record: RatingRecord
    id: str
    hash: str
    file: str


def _describe(record: RatingRecord) -> str:
    parts = [record.bias, record.factual, record.credibility, *record.labels]
    return "/".join(p for p in parts if p) or "-"


def import_files(
    store: Store,
    paths: Sequence[Path],
    importer: RatingImporter,
    *,
    source: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportSummary:
    """Import the rating lists ``paths`` under ``source`` (default: the importer's).

    A rating's id hashes the source and the rated site, so importing the same list
    again changes nothing and an edited row is updated in place. A site rated twice in
    one source keeps its first row; the others are rejections that say how they differ.
    Ratings of one site by different sources are separate rows.
    """
    name = source or (importer.source_for(paths[0]) if paths else importer.default_source)
    summary = ImportSummary(source=name, importer=importer.name)
    started = time.perf_counter()
    seen: dict[str, tuple[Path, int | None, RatingRecord]] = {}
    for path in paths:
        summary.files += 1
        batch: list[_Pending] = []
        try:
            for item in importer.read(path):
                if isinstance(item, Rejection):
                    summary.rejections.append(item)
                    continue
                key = rating_id(name, item.site)
                if key in seen:
                    first_path, first_line, first = seen[key]
                    # Within one file its name is enough; across files, the other's path.
                    where = f"{first_path.name if first_path == path else first_path}:{first_line}"
                    same = (
                        "same rating"
                        if _describe(first) == _describe(item)
                        else (f"{_describe(first)} there, {_describe(item)} here")
                    )
                    summary.rejections.append(
                        Rejection(
                            str(path), item.line, f"{item.site.key} rated at {where} ({same})"
                        )
                    )
                    continue
                seen[key] = (path, item.line, item)
                batch.append(_Pending(item, key, content_hash(item), str(path)))
                if len(batch) >= batch_size:
                    _write(store, batch, name, importer, summary)
                    batch.clear()
        except ImportFileError as exc:
            summary.errors.append(exc)
        except ValueError as exc:  # an option that does not fit this file
            summary.errors.append(ImportFileError(str(path), str(exc)))
        try:
            # Rows read before a file error are valid: they are kept.
            _write(store, batch, name, importer, summary)
        except SQLAlchemyError as exc:
            summary.errors.append(ImportFileError(str(path), f"database error: {exc}"))
    summary.seconds = time.perf_counter() - started
    return summary


def import_lists(
    store: Store,
    paths: Sequence[Path],
    importer: RatingImporter,
    *,
    source: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> list[ImportSummary]:
    """Import ``paths``, each under the source its importer names it
    (:meth:`RatingImporter.source_for`: ``baly:emnlp18`` and ``baly:acl2020`` for the two
    papers' ``corpus.tsv``), or all under ``source``: one summary per source, in the
    order the files came."""
    if source is not None:
        return [import_files(store, paths, importer, source=source, batch_size=batch_size)]
    groups: dict[str, list[Path]] = {}
    for path in paths:
        groups.setdefault(importer.source_for(path), []).append(path)
    return [
        import_files(store, group, importer, source=name, batch_size=batch_size)
        for name, group in groups.items()
    ]


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(
    store: Store,
    batch: list[_Pending],
    source: str,
    importer: RatingImporter,
    summary: ImportSummary,
) -> None:
    if not batch:
        return
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        existing: dict[str, str] = {}
        for chunk in _chunks([p.id for p in batch], 500):
            query = select(source_ratings.c.id, source_ratings.c.content_hash).where(
                source_ratings.c.id.in_(chunk)
            )
            existing.update({row.id: row.content_hash for row in conn.execute(query)})
        new_rows, changed_rows = [], []
        for pending in batch:
            old = existing.get(pending.id)
            if old == pending.hash:
                summary.unchanged += 1
                continue
            row = _row(pending, source, importer, now)
            if old is None:
                row["created_at"] = now
                new_rows.append(row)
            else:
                row["b_id"] = row.pop("id")
                changed_rows.append(row)
        if new_rows:
            conn.execute(insert(source_ratings), new_rows)
        if changed_rows:
            values: dict[str, Any] = {k: bindparam(k) for k in changed_rows[0] if k != "b_id"}
            conn.execute(
                update(source_ratings)
                .where(source_ratings.c.id == bindparam("b_id"))
                .values(values),
                changed_rows,
            )
    summary.imported += len(new_rows)
    summary.updated += len(changed_rows)


def _row(pending: _Pending, source: str, importer: RatingImporter, now: datetime) -> dict[str, Any]:
    record = pending.record
    return {
        "id": pending.id,
        "source": source,
        "host": record.site.host,
        "domain": record.site.domain,
        "path": record.site.path,
        "raw": record.raw,
        "bias": record.bias,
        "factual": record.factual,
        "credibility": record.credibility,
        "labels": list(record.labels),
        "name": record.name,
        "extra": record.extra,
        "content_hash": pending.hash,
        "source_file": pending.file,
        "source_line": record.line,
        "importer": importer.name,
        "importer_version": importer.version,
        "updated_at": now,
    }


@dataclass(frozen=True)
class SourceRating:
    """One list's rating of the site a URL or domain belongs to.

    Attributes:
        source: the rating list (``mbfc``, ``baly:emnlp18``, ``opensources``...).
        matched: the rated site that matched (``abcnews.go.com``, ``newyorker.com/humor``).
        domain: its registrable domain.
        bias, factual, credibility, labels, name, extra: the rating (see
            :mod:`spinscope.sources.model`).
        source_file, source_line: where the rating was read.
    """

    source: str
    matched: str
    domain: str
    bias: str | None
    factual: str | None
    credibility: str | None
    labels: tuple[str, ...]
    name: str | None
    extra: dict[str, Any]
    source_file: str
    source_line: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "matched": self.matched,
            "domain": self.domain,
            "bias": self.bias,
            "factual": self.factual,
            "credibility": self.credibility,
            "labels": list(self.labels),
            "name": self.name,
            "extra": dict(self.extra),
            "source_file": self.source_file,
            "source_line": self.source_line,
        }


def _applies(rated_path: str, path: str) -> bool:
    return not rated_path or path == rated_path or path.startswith(rated_path + "/")


def ratings_for(store: Store, url_or_domain: str | Site) -> list[SourceRating]:
    """What each list says about the outlet of ``url_or_domain``, one rating per list,
    by list name.

    A list's rating of a host applies to its subdomains, and one of a section
    (``newyorker.com/humor``) to URLs under that path only; of several that apply, the
    most specific is the list's rating (``abcnews.go.com`` before ``go.com``).

    Raises:
        ValueError: ``url_or_domain`` is not a URL or a domain name.
    """
    site = url_or_domain if isinstance(url_or_domain, Site) else parse_site(url_or_domain)
    if site is None:
        raise ValueError(f"not a URL or domain name: {url_or_domain!r}")
    chain = host_chain(site)
    query = select(source_ratings).where(source_ratings.c.host.in_(chain))
    with store.engine.connect() as conn:
        rows = [r for r in conn.execute(query) if _applies(r.path, site.path)]
    best: dict[str, Any] = {}
    for row in sorted(rows, key=lambda r: (chain.index(r.host), -len(r.path))):
        best.setdefault(row.source, row)
    return [
        SourceRating(
            source=row.source,
            matched=row.host + row.path,
            domain=row.domain,
            bias=row.bias,
            factual=row.factual,
            credibility=row.credibility,
            labels=tuple(row.labels or ()),
            name=row.name,
            extra=dict(row.extra or {}),
            source_file=row.source_file,
            source_line=row.source_line,
        )
        for _, row in sorted(best.items())
    ]
