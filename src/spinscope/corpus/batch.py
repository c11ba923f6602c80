"""Resumable batch analysis of a corpus into the store.

:func:`run_batch` reads inputs exactly as ``spinscope analyze`` does
(:func:`spinscope.run.iter_documents`), leaves out the texts the same pipeline version
has already stored ``ok``, runs the rest through an engine, and writes the results a
batch per transaction. Killed at any moment, a run loses only the batch it had not yet
committed (never one it reported done), and the next run picks up there: rows are keyed
by text and pipeline version and written insert-or-skip, so nothing is stored twice.

Memory stays flat: documents stream from the inputs, and only the batches in flight in
the engine, with their keys, are held.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from spinscope.corpus.documents import (
    StoredRow,
    error_hash,
    pipeline_version,
    row_for,
    stored_hashes,
    write_rows,
)
from spinscope.document import Document, ErrorRecord
from spinscope.engines import Engine, batched
from spinscope.ingest import IngestOptions
from spinscope.pipeline import Pipeline
from spinscope.run import ExitCode, iter_documents
from spinscope.store import Store

__all__ = ["BatchSummary", "Progress", "run_batch"]


@dataclass
class BatchSummary:
    """What a batch run did.

    Attributes:
        done: documents analysed and stored ``ok`` by this run.
        input_failures: inputs that could not be read, stored ``failed``.
        pipeline_failures: documents a component failed on, stored ``failed``.
        skipped: documents already stored ``ok`` by this pipeline version (an earlier
            run, or the same text earlier in this one).
        pipeline_version: the version the rows were keyed with.
        seconds: wall time.
    """

    pipeline_version: str = ""
    done: int = 0
    input_failures: int = 0
    pipeline_failures: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return self.input_failures + self.pipeline_failures

    @property
    def total(self) -> int:
        return self.done + self.failed + self.skipped

    @property
    def exit_code(self) -> ExitCode:
        """As ``analyze``: 0 all stored, 1 some failed, 3 nothing could be read,
        4 the pipeline failed on everything. Skipped documents count as stored."""
        stored = self.done + self.skipped
        if stored and not self.failed:
            return ExitCode.OK
        if stored:
            return ExitCode.SOME_FAILED
        return ExitCode.PIPELINE if self.pipeline_failures else ExitCode.NO_INPUT

    def as_dict(self) -> dict[str, object]:
        return {
            "pipeline_version": self.pipeline_version,
            "done": self.done,
            "failed": self.failed,
            "input_failures": self.input_failures,
            "pipeline_failures": self.pipeline_failures,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
        }


#: Called with the summary after each committed batch and each skipped document.
Progress = Callable[[BatchSummary], None]

#: Called with each failure once it is committed (the CLI prints an ERROR line).
OnError = Callable[[ErrorRecord], None]


@dataclass(frozen=True, slots=True)
class _Sent:
    """What the writer needs of an input handed to the engine (results come back in order)."""

    content_hash: str
    document: Document | None


def run_batch(
    store: Store,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    pipeline: Pipeline,
    engine: Engine,
    options: IngestOptions | None = None,
    batch_size: int | None = None,
    version: str | None = None,
    progress: Progress | None = None,
    on_error: OnError | None = None,
    stdin: BinaryIO | None = None,
) -> BatchSummary:
    """Analyse ``inputs`` into ``store``, resuming where an earlier run stopped.

    Args:
        store: an open store.
        inputs: as for ``spinscope analyze`` (files, directories, JSONL/CSV, ``"-"``).
        pipeline: the pipeline (its :func:`pipeline_version` keys the rows).
        engine: how the pipeline runs (local, process pool, Ray...).
        options: ingest options; default: the defaults.
        batch_size: documents per engine batch and per transaction; default: the
            pipeline's.
        version: the pipeline version to key rows with; default: computed.
        progress: called after each commit and each skipped document.
        on_error: called with each failure, after it is committed.
        stdin: the binary stream ``"-"`` reads.
    """
    size = batch_size or pipeline.batch_size
    summary = BatchSummary(pipeline_version=version or pipeline_version(pipeline))
    started = time.perf_counter()
    sent: deque[_Sent] = deque()
    # Keys handed to the engine and not yet committed; and keys committed since the
    # last look-up in the store, which that look-up could not see.
    in_flight: set[str] = set()
    committed: set[str] = set()

    def report() -> None:
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)

    def feed() -> Iterator[Document | ErrorRecord]:
        docs = iter_documents(inputs, options=options, stdin=stdin)
        for chunk in batched(docs, size):
            hashes = [d.content_hash() if isinstance(d, Document) else "" for d in chunk]
            committed.clear()
            done = stored_hashes(store, filter(None, hashes), summary.pipeline_version)
            for item, key in zip(chunk, hashes, strict=True):
                if isinstance(item, ErrorRecord):
                    sent.append(_Sent(error_hash(item), None))
                    yield item
                    continue
                if key in done or key in in_flight or key in committed:
                    summary.skipped += 1
                    report()
                    continue
                in_flight.add(key)
                sent.append(_Sent(key, item))
                yield item

    pending: list[tuple[StoredRow, Document | ErrorRecord]] = []

    def flush() -> None:
        if not pending:
            return
        with store.engine.begin() as conn:
            write_rows(conn, [row for row, _ in pending])
        # Counted only now: what the progress reports as done is committed.
        for row, result in pending:
            in_flight.discard(row.content_hash)
            committed.add(row.content_hash)
            if isinstance(result, Document):
                summary.done += 1
                continue
            if result.component is not None:
                summary.pipeline_failures += 1
            else:
                summary.input_failures += 1
            if on_error is not None:
                on_error(result)
        pending.clear()
        report()

    for result in engine.run(pipeline, feed(), batch_size=size):
        item = sent.popleft()
        # A failed document's record has lost the text and metadata: key and describe
        # the row with the input's.
        row = row_for(
            result,
            summary.pipeline_version,
            content_hash=item.content_hash,
            source=item.document,
        )
        pending.append((row, result))
        if len(pending) >= size:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary
