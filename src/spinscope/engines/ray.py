"""A Ray engine: the pipeline over Ray Data, one pipeline per actor of an actor pool.

Registered as the ``ray`` engine (entry point group ``spinscope.engines``); needs
``pip install 'spinscope[ray]'``. Each actor builds the pipeline from its picklable
spec (as the process pool's workers do), so models load once per actor, and gets
``cores // n_process`` inference threads. Batches travel pickled, one dataset row per
batch, and come back in input order.

Ray Data runs a dataset that is known in full, while a corpus streams: the input is cut
into windows of ``window`` batches, each a dataset of its own, so memory stays flat on
any corpus. Actors live as long as a window; a window of many batches (the default,
64) makes loading the models a small share of the time.

Without ``address`` the engine starts a local Ray (or uses the one already started in
this process, e.g. by ``ray.init(num_cpus=2)``) and stops what it started.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Any

from spinscope.engines.base import BatchEngine, Pipeline, PipelineSpec, Result, batched
from spinscope.errors import PipelineError
from spinscope.resources import available_cores, set_inference_threads

__all__ = ["RayEngine", "make_ray_engine"]


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise PipelineError(
            f"the ray engine needs Ray: pip install 'spinscope[ray]' ({exc})"
        ) from exc
    return ray


class _Analyse:
    """The callable class Ray Data runs on each actor: builds the pipeline once."""

    def __init__(self, spec: PipelineSpec, threads: int) -> None:
        set_inference_threads(threads)
        self.pipeline = spec.build().load()

    def __call__(self, rows: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        out = []
        for payload in rows["payload"]:
            batch: list[Result] = pickle.loads(payload)
            out.append(pickle.dumps(self.pipeline.process_batch(batch), protocol=5))
        return {"i": rows["i"], "payload": np.array(out, dtype=object)}


class RayEngine(BatchEngine):
    """Runs the pipeline on ``n_process`` Ray actors.

    Args:
        n_process: actors; -1 (or 0) means one per available core (of this machine).
        address: a Ray cluster to join (``ray://host:10001``, ``auto``); default: a
            local Ray in this process.
        threads: inference threads per actor; default ``cores // n_process``.
        window: batches per Ray dataset (see the module's docstring).
    """

    def __init__(
        self,
        n_process: int = -1,
        *,
        address: str | None = None,
        threads: int | None = None,
        window: int = 64,
    ) -> None:
        _ray()
        cores = available_cores()
        self.n_process = cores if n_process < 1 else n_process
        self.threads = threads or max(1, cores // self.n_process)
        self.address = address
        self.window = max(1, window)

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
            if self.address is None:
                options["num_cpus"] = max(self.n_process, available_cores())
            ray.init(address=self.address, **options)
            started = True
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        spec = pipeline.spec
        try:
            for window in batched(batches, self.window):
                yield from self._run_window(ray, spec, window)
        finally:
            if started:
                ray.shutdown()

    def _run_window(self, ray: Any, spec: PipelineSpec, window: list[list[Result]]) -> list[Result]:
        rows = [{"i": i, "payload": pickle.dumps(b, protocol=5)} for i, b in enumerate(window)]
        dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
            _Analyse,
            fn_constructor_args=(spec, self.threads),
            batch_size=1,
            batch_format="numpy",
            concurrency=min(self.n_process, len(rows)),
            num_cpus=1,
        )
        try:
            done = sorted(dataset.iter_rows(), key=lambda row: int(row["i"]))
        except Exception as exc:  # a failure to build the pipeline on an actor, a lost node
            raise PipelineError(f"the ray engine failed: {type(exc).__name__}: {exc}") from exc
        results: list[Result] = []
        for row in done:
            results.extend(pickle.loads(row["payload"]))
        return results


def make_ray_engine(n_process: int = -1, **options: Any) -> RayEngine:
    """The ``ray`` engine's factory (``get_engine("ray", n_process=2, address=...)``)."""
    return RayEngine(n_process, **options)
