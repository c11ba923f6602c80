"""A local process pool: one pipeline per worker process, results in input order."""

from __future__ import annotations

import logging
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spinscope.engines.base import BatchEngine, Pipeline, PipelineSpec, Result, error_records
from spinscope.errors import PipelineError
from spinscope.resources import available_cores, set_inference_threads

__all__ = ["ProcessPoolEngine"]

log = logging.getLogger(__name__)

_WORKER_PIPELINE: Pipeline | None = None
_WORKER_ERROR: PipelineError | None = None


def _worker_init(spec: PipelineSpec, threads: int) -> None:
    global _WORKER_PIPELINE, _WORKER_ERROR
    # Ctrl-C reaches the whole process group: the parent decides what to do with it,
    # and shuts the pool down; workers printing a traceback each would only be noise.
    # SIGTERM gets its default back (a parent's handler is inherited through fork).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_inference_threads(threads)
    try:
        _WORKER_PIPELINE = spec.build().load()
    except Exception as exc:
        # An initializer that raises breaks the pool, which would read as workers dying;
        # the first batch reports the real cause instead (a missing model, bad settings).
        # A plain PipelineError carrying the message pickles back to the parent intact.
        _WORKER_ERROR = PipelineError(f"the pipeline cannot be built in a worker process: {exc}")


def _worker_run(batch: list[Result]) -> list[Result]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    if _WORKER_PIPELINE is None:  # pragma: no cover - the initializer always runs first
        raise PipelineError("worker process was not initialised")
    return _WORKER_PIPELINE.process_batch(batch)


class ProcessPoolEngine(BatchEngine):
    """Runs the pipeline in ``n_process`` worker processes.

    Each worker builds the pipeline once (models load once per worker) and gets
    ``threads`` inference threads, by default the available cores divided among the
    workers. At most ``2 * n_process`` batches are in flight, so memory stays flat on
    a corpus of any size. A worker that dies (killed for memory, a crash in native
    code) costs only the batch that killed it: the batches in flight are run again one
    by one in a fresh pool, and the one that kills its worker again becomes one error
    record per document.

    Args:
        n_process: worker processes; -1 (or 0) means one per available core.
        threads: inference threads per worker; default ``cores // n_process``.
    """

    def __init__(self, n_process: int = -1, *, threads: int | None = None) -> None:
        cores = available_cores()
        self.n_process = cores if n_process < 1 else n_process
        self.threads = threads or max(1, cores // self.n_process)

    def __repr__(self) -> str:
        return f"ProcessPoolEngine(n_process={self.n_process}, threads={self.threads})"

    def _pool(self, spec: PipelineSpec) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.n_process,
            initializer=_worker_init,
            initargs=(spec, self.threads),
        )

    def run_batches(self, pipeline: Pipeline, batches: Iterator[list[Result]]) -> Iterator[Result]:
        spec = pipeline.spec
        pool = self._pool(spec)
        # (batch, future) in input order; the head is always yielded first.
        pending: deque[tuple[list[Result], Future[list[Result]]]] = deque()
        try:
            for batch in batches:
                pending.append((batch, pool.submit(_worker_run, batch)))
                while len(pending) >= 2 * self.n_process:
                    results, pool = self._next(pending, pool, spec)
                    yield from results
            while pending:
                results, pool = self._next(pending, pool, spec)
                yield from results
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _next(
        self,
        pending: deque[tuple[list[Result], Future[list[Result]]]],
        pool: ProcessPoolExecutor,
        spec: PipelineSpec,
    ) -> tuple[list[Result], ProcessPoolExecutor]:
        batch, future = pending.popleft()
        try:
            return future.result(), pool
        except BrokenProcessPool as exc:
            log.warning("a worker process died (%s); retrying its batches one by one", exc)
        # Every future of a broken pool fails, and which batch killed it is unknown:
        # run the batches that were in flight again, alone, each in a sound pool.
        pool.shutdown(wait=False, cancel_futures=True)
        in_flight = [batch, *(b for b, _ in pending)]
        pending.clear()
        results: list[Result] = []
        pool = self._pool(spec)
        for one in in_flight:
            try:
                results.extend(pool.submit(_worker_run, one).result())
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._pool(spec)
                results.extend(
                    error_records(
                        one,
                        "a worker process died while analysing this batch "
                        "(out of memory, or a crash in native code)",
                        "WorkerDied",
                    )
                )
        return results, pool
