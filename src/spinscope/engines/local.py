"""The in-process engine."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spinscope.document import Document, ErrorRecord
from spinscope.engines.base import Pipeline, Result, batched

__all__ = ["LocalEngine"]


class LocalEngine:
    """Runs the pipeline in this process, one batch at a time (memory stays flat:
    only the current batch is held)."""

    def run(
        self,
        pipeline: Pipeline,
        docs: Iterable[Document | ErrorRecord],
        *,
        batch_size: int,
    ) -> Iterator[Result]:
        for batch in batched(docs, batch_size):
            yield from pipeline.process_batch(batch)

    def __repr__(self) -> str:
        return "LocalEngine()"
