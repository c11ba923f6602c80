"""The engine interface and what every engine shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol, TypeVar, runtime_checkable

from spinscope.document import Document, ErrorRecord

__all__ = ["BatchEngine", "Engine", "Pipeline", "PipelineSpec", "Result", "batched"]

Result = Document | ErrorRecord
T = TypeVar("T")


@dataclass(frozen=True)
class PipelineSpec:
    """What another process needs to build the same pipeline: its class, component
    names and settings (picklable; components are found again through the registry's
    entry points)."""

    factory: Callable[..., Pipeline]
    names: tuple[str, ...]
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    language: str = "auto"

    def build(self) -> Pipeline:
        return self.factory(self.names, self.settings, language=self.language)


class Pipeline(Protocol):
    """What an engine needs of a pipeline (:class:`spinscope.pipeline.Pipeline`)."""

    @property
    def spec(self) -> PipelineSpec: ...

    def load(self) -> Pipeline: ...

    def process_batch(self, batch: Sequence[Result]) -> list[Result]: ...


@runtime_checkable
class Engine(Protocol):
    """Runs a pipeline over documents and yields one result per input, in order.

    An engine never raises for one bad document: a failure becomes an
    :class:`ErrorRecord` in that document's place, and an :class:`ErrorRecord` given
    as input (from ingest) passes straight through.
    """

    def run(
        self,
        pipeline: Pipeline,
        docs: Iterable[Document | ErrorRecord],
        *,
        batch_size: int,
    ) -> Iterator[Result]: ...


class BatchEngine:
    """An engine that processes batches of ``batch_size`` documents, in order."""

    def run(
        self,
        pipeline: Pipeline,
        docs: Iterable[Document | ErrorRecord],
        *,
        batch_size: int,
    ) -> Iterator[Result]:
        return self.run_batches(pipeline, batched(docs, batch_size))

    def run_batches(self, pipeline: Pipeline, batches: Iterator[list[Result]]) -> Iterator[Result]:
        raise NotImplementedError


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    """Lists of up to ``n`` items, lazily (a corpus is never held whole)."""
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def error_records(batch: Sequence[Result], message: str, kind: str) -> list[Result]:
    """The batch with each document replaced by an :class:`ErrorRecord` saying why."""
    return [
        r
        if isinstance(r, ErrorRecord)
        else ErrorRecord(r.id, message, kind, component="engine", source=r.meta.source)
        for r in batch
    ]
