"""Analysis off the event loop: the server's requests wait on a worker, never block it.

Requests queue for the workers; each worker takes what is waiting, up to a batch, so
that concurrent requests are analysed together. One worker (the default) is a thread of
the server process running the pipeline; more are a pool of worker processes, each with
its own pipeline (models load once per worker, at start-up) and its share of the cores,
as ``spinscope analyze --n-process`` uses. Workers read the article too (HTML extraction
can take seconds), so the server process only routes and renders. docs/benchmarks.md
(``bench:web``) compares the two.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from spinscope.document import Document, ErrorRecord
from spinscope.engines.base import Pipeline as Runnable
from spinscope.engines.base import PipelineSpec, Result
from spinscope.ingest.corpus import error_result
from spinscope.ingest.options import IngestOptions
from spinscope.ingest.reader import document_from_bytes
from spinscope.pipeline import Pipeline
from spinscope.resources import available_cores, set_inference_threads

__all__ = ["Analyzer", "Article"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Article:
    """One article as a request gives it (picklable: it travels to a worker process)."""

    data: bytes
    format: str  # "text" or "html"
    source: str
    title: str | None = None
    url: str | None = None
    id: str | None = None


#: An article waiting for a worker, and where its result goes.
_Job = tuple[Article, "asyncio.Future[Result]"]

_PIPELINE: Runnable | None = None
_OPTIONS = IngestOptions()


def _init(spec: PipelineSpec, options: IngestOptions, threads: int | None) -> None:
    global _PIPELINE, _OPTIONS
    if threads is not None:
        set_inference_threads(threads)
    _OPTIONS = options
    _PIPELINE = spec.build().load()


def _read(article: Article, options: IngestOptions) -> Result:
    try:
        doc = document_from_bytes(
            article.data,
            source=article.source,
            options=options,
            id=article.id,
            format=article.format,
        )
    except Exception as exc:
        return error_result(exc, id=article.id or article.source, source=article.source)
    changes = {}
    if article.title:
        changes["title"] = article.title
    if article.url:
        # Metadata only: nothing is ever fetched from it.
        changes["url"] = article.url
    if changes:
        doc.meta = doc.meta.replace(**changes)
    return doc


def _analyse(articles: Sequence[Article]) -> list[Result]:
    """Read and analyse ``articles`` with this worker's pipeline."""
    if _PIPELINE is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the analysis worker was not initialised")
    return _PIPELINE.process_batch([_read(a, _OPTIONS) for a in articles])


def _ready() -> bool:
    return _PIPELINE is not None


class Analyzer:
    """Runs analyses in worker threads or processes, for coroutines to await.

    Args:
        pipeline: the pipeline to run (rebuilt from its spec in worker processes).
        workers: 1: a thread of this process; more: that many worker processes.
        options: ingest options (size limit, HTML time budget).
    """

    def __init__(
        self, pipeline: Pipeline, *, workers: int = 1, options: IngestOptions | None = None
    ) -> None:
        self.pipeline = pipeline
        self.workers = max(1, workers)
        self.options = options or IngestOptions()
        self.batch_size = pipeline.batch_size
        self._executor: Executor | None = None
        self._queue: asyncio.Queue[_Job] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._dispatchers: list[asyncio.Task[None]] = []

    @property
    def kind(self) -> str:
        return "thread" if self.workers == 1 else "process"

    def _new_executor(self) -> Executor:
        spec = self.pipeline.spec
        if self.workers == 1:
            return ThreadPoolExecutor(
                max_workers=1,
                thread_name_prefix="spinscope-analysis",
                initializer=_init,
                initargs=(spec, self.options, None),
            )
        threads = max(1, available_cores() // self.workers)
        # spawn, not fork: the server process has threads (the event loop's, the store's)
        # that a forked child would inherit in whatever state they were.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(spec, self.options, threads),
        )

    def start(self) -> None:
        """Start the workers and load the models in each (blocks until loaded)."""
        self._executor = self._new_executor()
        # As many calls at once as workers: each pool spawns a worker for a call that
        # finds none idle, so every worker is started and has loaded its models.
        futures = [self._executor.submit(_ready) for _ in range(self.workers)]
        for future in futures:
            future.result()

    def close(self) -> None:
        for task in self._dispatchers:
            task.cancel()
        self._dispatchers = []
        self._queue = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def analyse(self, articles: Sequence[Article]) -> list[Result]:
        """Results for ``articles``, in order: a document, or an error record."""
        if self._executor is None:
            raise RuntimeError("the analyzer is not started")
        loop = asyncio.get_running_loop()
        if self._queue is None or self._loop is not loop:
            self._queue = asyncio.Queue()
            self._loop = loop
            self._dispatchers = [
                loop.create_task(self._dispatch(self._queue)) for _ in range(self.workers)
            ]
        futures = [loop.create_future() for _ in articles]
        for article, future in zip(articles, futures, strict=True):
            self._queue.put_nowait((article, future))
        return list(await asyncio.gather(*futures))

    async def _dispatch(self, queue: asyncio.Queue[_Job]) -> None:
        """Keep one worker busy: take what is waiting, up to a batch, and run it.

        Requests that arrive together are analysed as one batch (the models run batches
        faster than the same documents one by one); a lone request waits for nothing.
        """
        loop = asyncio.get_running_loop()
        while True:
            jobs = [await queue.get()]
            while len(jobs) < self.batch_size and not queue.empty():
                jobs.append(queue.get_nowait())
            batch = [article for article, _ in jobs]
            try:
                assert self._executor is not None
                results = await loop.run_in_executor(self._executor, _analyse, batch)
            except BrokenProcessPool:
                results = self._restart(batch)
            except Exception as exc:
                for _, future in jobs:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), result in zip(jobs, results, strict=True):
                if not future.done():
                    future.set_result(result)

    def _restart(self, batch: list[Article]) -> list[Result]:
        log.warning("an analysis worker died; starting a fresh pool")
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor()
        return [
            ErrorRecord(
                a.id or a.source,
                "the analysis worker died on this article (out of memory, or a crash in "
                "native code)",
                "WorkerDied",
                component="engine",
                source=a.source,
            )
            for a in batch
        ]

    async def analyse_one(self, article: Article) -> Document | ErrorRecord:
        (result,) = await self.analyse([article])
        return result
