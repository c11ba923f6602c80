"""The in-process engine."""

from __future__ import annotations

from collections.abc import Iterator

from spinscope.engines.base import BatchEngine, Pipeline, Result

__all__ = ["LocalEngine"]


class LocalEngine(BatchEngine):
    """Runs the pipeline in this process, one batch at a time (memory stays flat:
    only the current batch is held)."""

    def run_batches(self, pipeline: Pipeline, batches: Iterator[list[Result]]) -> Iterator[Result]:
        for batch in batches:
            yield from pipeline.process_batch(batch)

    def __repr__(self) -> str:
        return "LocalEngine()"
