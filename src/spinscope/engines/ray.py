"""A Ray engine: the pipeline on a pool of long-lived Ray actors, one pipeline each.

Registered as the ``ray`` engine (entry point group ``spinscope.engines``); needs
``pip install 'spinscope[ray]'``. Each actor builds the pipeline from its picklable
spec (as the process pool's workers do), so models load once per actor for the whole
run, and gets ``threads`` inference threads (by default ``cores // n_process``).

The actors are plain Ray actors rather than a Ray Data pipeline: Ray Data runs a
dataset known in full, while a corpus streams, so the input had to be cut into windows
of batches, each a dataset with actors of its own. Every window then reloaded the
models, waited for its slowest batch before the store saw a result, and paid Ray
Data's planning; on one machine that made Ray a third slower than the process pool.
Here batches go to the least busy actor as they are read, at most ``2 * n_process`` in
flight (memory stays flat on any corpus), and come back in input order while the
actors go on, so reading, analysis and the store's writes overlap as in the pool.

Without ``address`` the engine starts a local Ray (or uses the one already started in
this process, e.g. by ``ray.init(num_cpus=2)``) and stops what it started; actors it
created are killed in any case.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from spinscope.engines.base import BatchEngine, Pipeline, PipelineSpec, Result
from spinscope.errors import PipelineError
from spinscope.resources import available_cores, set_inference_threads

__all__ = ["RayEngine", "make_ray_engine"]


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise PipelineError(
            f"the ray engine needs Ray: pip install 'spinscope[ray]' ({exc})"
        ) from exc
    return ray


class _Analyser:
    """The actor's class: builds the pipeline once, then analyses batch after batch."""

    def __init__(self, spec: PipelineSpec, threads: int) -> None:
        set_inference_threads(threads)
        self.error: str | None = None
        try:
            self.pipeline: Pipeline | None = spec.build().load()
        except Exception as exc:
            # A constructor that raises reads as an actor that died; the first batch
            # reports the real cause instead (a missing model, bad settings).
            self.pipeline = None
            self.error = f"the pipeline cannot be built on a Ray actor: {exc}"

    def run(self, batch: list[Result]) -> list[Result]:
        if self.pipeline is None:
            raise PipelineError(self.error or "the Ray actor has no pipeline")
        return self.pipeline.process_batch(batch)


class RayEngine(BatchEngine):
    """Runs the pipeline on ``n_process`` Ray actors.

    Args:
        n_process: actors; -1 (or 0) means one per available core (of this machine).
        address: a Ray cluster to join (``ray://host:10001``, ``auto``); default: a
            local Ray in this process.
        threads: inference threads per actor, and the CPUs Ray reserves for it;
            default ``cores // n_process``.
    """

    def __init__(
        self,
        n_process: int = -1,
        *,
        address: str | None = None,
        threads: int | None = None,
    ) -> None:
        _ray()
        cores = available_cores()
        self.n_process = cores if n_process < 1 else n_process
        self.threads = threads or max(1, cores // self.n_process)
        self.address = address

    def __repr__(self) -> str:
        return (
            f"RayEngine(n_process={self.n_process}, threads={self.threads}, "
            f"address={self.address!r})"
        )

    def run_batches(self, pipeline: Pipeline, batches: Iterator[list[Result]]) -> Iterator[Result]:
        ray = _ray()
        started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            address = self.address
            if address is None:
                # "local": a Ray of our own, never a cluster someone else started on this
                # machine with `ray start` (which a bare ray.init() would join).
                address = "local"
                options["num_cpus"] = max(self.n_process * self.threads, available_cores())
                # Ray lowers its workers' priority (nice 15) to keep a cluster's own
                # processes responsive; on this machine the actors are the work, and run
                # at the caller's priority as the process pool's workers do (at nice 15
                # anything else running took most of a core from them).
                options["_system_config"] = {"worker_niceness": 0}
            ray.init(address=address, **options)
            started = True
        actors: list[Any] = []
        try:
            # Created before the first batch is read: the actors load their models while
            # the driver reads and hashes the input.
            actors = self._actors(ray, pipeline.spec)
            yield from self._stream(ray, actors, batches)
        finally:
            for actor in actors:
                ray.kill(actor)
            if started:
                ray.shutdown()

    def _actors(self, ray: Any, spec: PipelineSpec) -> list[Any]:
        # A dead actor (killed for memory, a lost node) is started again once and its
        # batches retried there; a second death fails the run.
        remote = ray.remote(num_cpus=self.threads, max_restarts=1, max_task_retries=1)
        cls = remote(_Analyser)
        return [cls.remote(spec, self.threads) for _ in range(self.n_process)]

    def _stream(
        self, ray: Any, actors: list[Any], batches: Iterator[list[Result]]
    ) -> Iterator[Result]:
        busy = [0] * len(actors)
        # (actor index, result reference) in input order; the head is always yielded first.
        pending: deque[tuple[int, Any]] = deque()

        def head() -> list[Result]:
            i, ref = pending.popleft()
            busy[i] -= 1
            try:
                results: list[Result] = ray.get(ref)
            except Exception as exc:  # the pipeline cannot be built, an actor died twice
                cause = getattr(exc, "cause", None) or exc
                raise PipelineError(
                    f"the ray engine failed: {type(cause).__name__}: {cause}"
                ) from exc
            return results

        for batch in batches:
            i = min(range(len(actors)), key=busy.__getitem__)
            busy[i] += 1
            pending.append((i, actors[i].run.remote(batch)))
            while len(pending) >= 2 * len(actors):
                yield from head()
        while pending:
            yield from head()


def make_ray_engine(n_process: int = -1, **options: Any) -> RayEngine:
    """The ``ray`` engine's factory (``get_engine("ray", n_process=2, address=...)``)."""
    return RayEngine(n_process, **options)
