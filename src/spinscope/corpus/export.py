"""Exporting stored documents: JSON lines, CSV, or a Parquet directory.

* ``jsonl``: one line per document, exactly the line ``spinscope analyze --format
  jsonl`` wrote for it (``spinscope.error/1`` records for failed inputs, when selected).
* ``csv``: one row per article, the queryable columns
  (:data:`spinscope.corpus.documents.COLUMNS`; ``technique_counts`` as JSON).
* ``parquet``: a directory holding ``documents.parquet`` (one row per article, the same
  columns as CSV) and ``spans/GROUP.parquet`` for each span group computed
  (``techniques``, ``attributions``, ``sentences``...; empty when no article has a span
  of it): one row per span with the article's row ``id`` and ``doc_id``, ``start``,
  ``end``, ``label``, ``score``, the span's ``text`` and its other keys as a JSON object
  in ``attrs``. Needs ``pyarrow`` (``spinscope[corpus]``).

Every writer streams: rows are read a page at a time and written as they come.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from spinscope.corpus.documents import COLUMNS, Where, iter_documents, iter_records
from spinscope.errors import SpinscopeError
from spinscope.store import Store

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

__all__ = ["SPAN_COLUMNS", "export_csv", "export_jsonl", "export_parquet"]

#: Columns of each ``spans/GROUP.parquet``.
SPAN_COLUMNS = ("id", "doc_id", "start", "end", "label", "score", "text", "attrs")

#: Rows buffered per Parquet row group.
ROW_GROUP = 5000

_SPAN_KEYS = frozenset({"start", "end", "label", "score"})


class Writable(Protocol):
    """Where text goes: a text file, ``sys.stdout``, an atomic output."""

    def write(self, text: str, /) -> object: ...


def export_jsonl(
    store: Store, out: Writable, where: Where = None, *, status: str | None = "ok"
) -> int:
    """Write the stored records as JSON lines; returns how many."""
    n = 0
    # A document in a saved republication cluster says where else it was published.
    for line in iter_records(store, where, status=status, republished=True):
        out.write(line + "\n")
        n += 1
    return n


def _cell(value: Any) -> Any:
    return (
        json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict) else value
    )


def export_csv(
    store: Store, out: Writable, where: Where = None, *, status: str | None = "ok"
) -> int:
    """Write one CSV row per article (the queryable columns); returns how many."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in iter_documents(store, where, status=status, with_document=False):
        writer.writerow(["" if row[c] is None else _cell(row[c]) for c in COLUMNS])
        n += 1
    return n


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise SpinscopeError(
            "Parquet export needs pyarrow: pip install 'spinscope[corpus]'"
        ) from exc
    return pa, pq


def _document_schema(pa: Any) -> pa.Schema:
    types = {
        "word_count": pa.int64(),
        "technique_expected": pa.float64(),
        "technique_rate": pa.float64(),
        "own_voice_share": pa.float64(),
        "attributed_share": pa.float64(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def _span_schema(pa: Any) -> pa.Schema:
    return pa.schema(
        [
            ("id", pa.string()),
            ("doc_id", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("label", pa.string()),
            ("score", pa.float64()),
            ("text", pa.string()),
            ("attrs", pa.string()),
        ]
    )


class _Table:
    """One Parquet file written a row group at a time."""

    def __init__(self, pq: Any, pa: Any, path: Path, schema: pa.Schema) -> None:
        self.pa = pa
        self.schema = schema
        self.writer: pq.ParquetWriter = pq.ParquetWriter(str(path), schema)
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def _spans(row: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    document = row["document"]
    text = document.get("text", "")
    for group, spans in (document.get("spans") or {}).items():
        for span in spans:
            attrs = {k: v for k, v in span.items() if k not in _SPAN_KEYS}
            yield (
                group,
                {
                    "id": row["id"],
                    "doc_id": row["doc_id"],
                    "start": span["start"],
                    "end": span["end"],
                    "label": span.get("label"),
                    "score": span.get("score"),
                    "text": text[span["start"] : span["end"]],
                    "attrs": json.dumps(attrs, ensure_ascii=False, sort_keys=True)
                    if attrs
                    else None,
                },
            )


def export_parquet(
    store: Store, directory: Path, where: Where = None, *, status: str | None = "ok"
) -> dict[str, int]:
    """Write ``documents.parquet`` and ``spans/GROUP.parquet`` into ``directory``;
    returns the rows written per file (``{"documents": 120, "spans/techniques": 873}``)."""
    pa, pq = _pyarrow()
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "spans").mkdir(exist_ok=True)
    articles = _Table(pq, pa, directory / "documents.parquet", _document_schema(pa))
    groups: dict[str, _Table] = {}
    try:
        for row in iter_documents(store, where, status=status):
            articles.add({c: _cell(row[c]) for c in COLUMNS})
            if row["status"] != "ok":
                continue
            for group in row["document"].get("spans") or {}:
                if group not in groups:  # a file for each group computed, even if empty
                    path = directory / "spans" / f"{group}.parquet"
                    groups[group] = _Table(pq, pa, path, _span_schema(pa))
            for group, span in _spans(row):
                groups[group].add(span)
    finally:
        for table in (articles, *groups.values()):
            table.close()
    return {"documents": articles.count, **{f"spans/{g}": t.count for g, t in groups.items()}}
