"""Writing records into the store (idempotent, in batches), stats and export."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from spinscope.factchecks import lexical
from spinscope.factchecks.importers import Importer
from spinscope.factchecks.model import (
    ClaimReview,
    ImportFileError,
    Rejection,
    check_record,
    content_hash,
    stable_id,
)
from spinscope.store import Store
from spinscope.store.schema import factchecks, import_runs

if TYPE_CHECKING:
    from spinscope.factchecks.dense import Encoder

#: Records written per transaction: a failure loses at most this batch, never earlier ones.
BATCH_SIZE = 1000

#: Called as ``progress(path, rows_read_in_this_file)`` after each batch and file.
Progress = Callable[[Path, int], None]


@dataclass
class ImportSummary:
    """What one import did: counts, every rejected row with its reason, file errors."""

    source: str
    importer: str
    run_id: int | None = None
    files: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    errors: list[ImportFileError] = field(default_factory=list)
    embedded: int = 0
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def stored(self) -> int:
        """Rows read and now in the store (new, changed or the same as before)."""
        return self.imported + self.updated + self.unchanged

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "importer": self.importer,
            "run_id": self.run_id,
            "files": self.files,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "embedded": self.embedded,
            "rejections": [
                {"file": r.file, "line": r.line, "reason": r.reason} for r in self.rejections
            ],
            "errors": [{"file": e.path, "line": e.line, "reason": e.reason} for e in self.errors],
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class _Pending:
    record: ClaimReview
    id: str
    hash: str
    file: str


def _now() -> datetime:
    return datetime.now(UTC)


def import_files(
    store: Store,
    paths: Sequence[Path],
    importer: Importer,
    *,
    source: str | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    embed: bool = True,
    encode: Encoder | None = None,
) -> ImportSummary:
    """Import ``paths`` with ``importer`` under ``source`` (default: the importer's).

    Re-importing is idempotent: a row's id hashes the source and the row's own key, so
    the same row again is "unchanged", an edited one "updated". A file that cannot be
    read on is an entry in ``errors``; what it yielded before stays imported.

    With ``embed`` each new claim, and each updated one whose text changed, is embedded
    in its batch's transaction (:mod:`spinscope.factchecks.dense`; ``encode`` replaces
    the shipped encoder); without, :func:`spinscope.factchecks.dense.reindex` does it
    later (the sentence encoder is the slowest part of an import).
    """
    name = source or (importer.source_for(paths[0]) if paths else importer.default_source)
    summary = ImportSummary(source=name, importer=importer.name)
    started = time.perf_counter()
    with store.engine.begin() as conn:
        run_key = conn.execute(
            insert(import_runs).values(
                source=name,
                importer=importer.name,
                importer_version=importer.version,
                started_at=_now(),
                status="running",
                imported=0,
                updated=0,
                unchanged=0,
                rejected=0,
            )
        ).inserted_primary_key
        summary.run_id = int(run_key[0]) if run_key else None
    seen: dict[str, str] = {}
    status = "failed"
    try:
        for path in paths:
            summary.files += 1
            _import_file(
                store, path, importer, name, summary, seen, progress, batch_size, embed, encode
            )
        status = "done" if not summary.errors else "partial"
    finally:
        # Word frequencies of the lexical search count the rows as they were.
        lexical.forget(store)
        summary.seconds = time.perf_counter() - started
        with store.engine.begin() as conn:
            conn.execute(
                update(import_runs)
                .where(import_runs.c.id == summary.run_id)
                .values(
                    finished_at=_now(),
                    status=status,
                    imported=summary.imported,
                    updated=summary.updated,
                    unchanged=summary.unchanged,
                    rejected=summary.rejected,
                )
            )
    return summary


def _import_file(
    store: Store,
    path: Path,
    importer: Importer,
    source: str,
    summary: ImportSummary,
    seen: dict[str, str],
    progress: Progress | None,
    batch_size: int,
    embed: bool,
    encode: Encoder | None,
) -> None:
    batch: list[_Pending] = []
    rows = 0
    file = str(path)

    def flush() -> None:
        if batch:
            try:
                _write(store, batch, source, importer, summary, embed, encode)
            except SQLAlchemyError as exc:
                first, last = batch[0].record.line, batch[-1].record.line
                summary.errors.append(
                    ImportFileError(
                        file, f"database error writing lines {first}-{last}: {exc}", first
                    )
                )
                raise _BatchFailed from exc
            finally:
                batch.clear()
        if progress:
            progress(path, rows)

    try:
        for item in importer.read(path):
            rows += 1
            if isinstance(item, Rejection):
                summary.rejections.append(item)
                continue
            problem = check_record(item)
            if problem:
                summary.rejections.append(Rejection(file, item.line, problem))
                continue
            record_id = stable_id(source, item.source_key)
            if record_id in seen:
                summary.rejections.append(
                    Rejection(file, item.line, f"duplicate of {seen[record_id]} (same key)")
                )
                continue
            seen[record_id] = f"{path.name}:{item.line}" if item.line else path.name
            batch.append(_Pending(item, record_id, content_hash(item), file))
            if len(batch) >= batch_size:
                flush()
        flush()
    except ImportFileError as exc:
        summary.errors.append(exc)
        with contextlib.suppress(_BatchFailed):
            flush()  # rows read before the error are valid: keep them
    except _BatchFailed:
        pass
    except ValueError as exc:  # an importer option that does not fit this file
        summary.errors.append(ImportFileError(file, str(exc)))


class _BatchFailed(Exception):
    """A batch's transaction failed (recorded in the summary); the file stops there."""


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(
    store: Store,
    batch: list[_Pending],
    source: str,
    importer: Importer,
    summary: ImportSummary,
    embed: bool,
    encode: Encoder | None,
) -> None:
    now = _now()
    with store.engine.begin() as conn:
        existing = _existing_hashes(conn, [p.id for p in batch])
        new_rows, changed_rows = [], []
        for pending in batch:
            old = existing.get(pending.id)
            if old == pending.hash:
                summary.unchanged += 1
                continue
            row = _row(pending, source, importer, now, summary.run_id)
            if old is None:
                row["created_at"] = now
                new_rows.append(row)
            else:
                row["b_id"] = row.pop("id")
                changed_rows.append(row)
        if new_rows:
            conn.execute(insert(factchecks), new_rows)
        if changed_rows:
            values: dict[str, Any] = {k: bindparam(k) for k in changed_rows[0] if k != "b_id"}
            conn.execute(
                update(factchecks).where(factchecks.c.id == bindparam("b_id")).values(values),
                changed_rows,
            )
        if embed and (new_rows or changed_rows):
            summary.embedded += _embed(conn, new_rows, changed_rows, encode)
    summary.imported += len(new_rows)
    summary.updated += len(changed_rows)


def _embed(
    conn: Connection,
    new_rows: list[dict[str, Any]],
    changed_rows: list[dict[str, Any]],
    encode: Encoder | None,
) -> int:
    from spinscope.factchecks.dense import embed_rows

    ids = [r["id"] for r in new_rows] + [r["b_id"] for r in changed_rows]
    rows: list[tuple[int, str]] = []
    for chunk in _chunks(ids, 500):
        query = select(factchecks.c.pk, factchecks.c.claim_text).where(factchecks.c.id.in_(chunk))
        rows += [(r.pk, r.claim_text) for r in conn.execute(query)]
    return embed_rows(conn, rows, encode=encode)


def _existing_hashes(conn: Connection, ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(ids, 500):
        query = select(factchecks.c.id, factchecks.c.content_hash).where(factchecks.c.id.in_(chunk))
        found.update({row.id: row.content_hash for row in conn.execute(query)})
    return found


def _row(
    pending: _Pending, source: str, importer: Importer, now: datetime, run_id: int | None
) -> dict[str, Any]:
    record = pending.record
    return {
        "id": pending.id,
        "source": source,
        "source_key": record.source_key,
        "claim_text": record.claim_text,
        "claimant": record.claimant,
        "claim_date": record.claim_date,
        "rating_text": record.rating_text,
        "verdict": record.verdict,
        "review_url": record.review_url,
        "review_title": record.review_title,
        "publisher": record.publisher,
        "review_date": record.review_date,
        "language": record.language,
        "disproof": record.disproof,
        "extra": record.extra,
        "content_hash": pending.hash,
        "source_file": pending.file,
        "source_line": record.line,
        "importer": importer.name,
        "importer_version": importer.version,
        "import_run_id": run_id,
        "updated_at": now,
    }


@dataclass(frozen=True)
class KbStats:
    """Counts of the knowledge base."""

    total: int
    by_source: dict[str, int]
    by_verdict: dict[str, int]
    import_runs: int
    last_import: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_source": self.by_source,
            "by_verdict": self.by_verdict,
            "import_runs": self.import_runs,
            "last_import": self.last_import,
        }


def stats(store: Store) -> KbStats:
    with store.engine.connect() as conn:
        by_source: dict[str, int] = dict(
            conn.execute(
                select(factchecks.c.source, func.count())
                .group_by(factchecks.c.source)
                .order_by(factchecks.c.source)
            ).all()
        )
        by_verdict: dict[str, int] = dict(
            conn.execute(
                select(factchecks.c.verdict, func.count())
                .group_by(factchecks.c.verdict)
                .order_by(factchecks.c.verdict)
            ).all()
        )
        runs = conn.execute(select(func.count()).select_from(import_runs)).scalar_one()
        last = conn.execute(select(func.max(import_runs.c.finished_at))).scalar()
    return KbStats(
        total=sum(by_source.values()),
        by_source=by_source,
        by_verdict=by_verdict,
        import_runs=runs,
        last_import=last.isoformat() if isinstance(last, datetime) else last,
    )


#: Columns of an exported record, in order (the ClaimReview fields and provenance).
EXPORT_COLUMNS = (
    "id",
    "source",
    "source_key",
    "claim_text",
    "claimant",
    "claim_date",
    "rating_text",
    "verdict",
    "review_url",
    "review_title",
    "publisher",
    "review_date",
    "language",
    "disproof",
    "extra",
    "source_file",
    "source_line",
    "importer",
    "importer_version",
)


def export_records(store: Store, *, source: str | None = None) -> Iterable[dict[str, Any]]:
    """Every fact-check as a JSON-ready dict, by source then import order."""
    query = select(*(factchecks.c[c] for c in EXPORT_COLUMNS)).order_by(
        factchecks.c.source, factchecks.c.pk
    )
    if source:
        query = query.where(factchecks.c.source == source)
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=1000).execute(query):
            yield dict(row._mapping)
