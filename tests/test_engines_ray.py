"""The Ray engine against the local one, on a local Ray of two CPUs."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from spinscope import Document, ErrorRecord, Pipeline
from spinscope.engines import LocalEngine, get_engine
from spinscope.errors import PipelineError
from spinscope.registry import Component, register
from spinscope.reports.json import record_dict
from spinscope.resources import inference_threads, set_inference_threads

ray = pytest.importorskip("ray")

from spinscope.engines.ray import RayEngine, _Analyser  # noqa: E402


@register("testdriveronly.v1", assigns=("never",))
def make_driver_only() -> Component:
    """Registered in this process only: a Ray worker process cannot build it."""
    return lambda doc: doc


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def _inputs(n: int = 11) -> list[Document | ErrorRecord]:
    docs: list[Document | ErrorRecord] = [
        Document(f"Article {i}. Officials said “it is {i}”.\nShare this:", id=f"d{i}")
        for i in range(n)
    ]
    docs.insert(3, ErrorRecord("bad", "unreadable", "NotTextError", source="bad.pdf"))
    return docs


def test_a_ray_of_its_own_runs_the_actors_at_the_callers_priority(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before any test starts a Ray of the module's: this one the engine starts itself.
    assert not ray.is_initialized()
    options: dict[str, Any] = {}
    real_init = ray.init

    def init(*args: Any, **kwargs: Any) -> Any:
        options.update(kwargs)
        return real_init(*args, **kwargs)

    monkeypatch.setattr(ray, "init", init)

    def niceness() -> int:
        return os.nice(0)

    results = RayEngine(n_process=1, threads=1).run(
        Pipeline(["sentences.v1"]), _inputs(4), batch_size=2
    )
    next(results)  # the engine's Ray is up, its actor working
    try:
        # Ray adds its niceness to the caller's, up to 19: from a caller at nice 5 or
        # more (the tests run at 19) the workers' priority alone cannot tell, the
        # setting can.
        assert options["_system_config"]["worker_niceness"] == 0
        assert ray.get(ray.remote(niceness).remote()) == os.nice(0)
    finally:
        assert len(list(results)) == 4
    assert not ray.is_initialized()  # and stopped with the run


@pytest.mark.parametrize(
    ("n_docs", "batch_size"),
    [
        (11, 3),  # fewer batches than the 2 * actors that may be in flight
        (40, 1),  # many more: results stream back in order while actors go on
    ],
)
def test_ray_engine_gives_what_the_local_engine_gives(
    local_ray: Any, n_docs: int, batch_size: int
) -> None:
    nlp = Pipeline(["boilerplate.v1", "sentences.v1"])
    engine = get_engine("ray", n_process=2)
    assert isinstance(engine, RayEngine) and engine.n_process == 2
    inputs = _inputs(n_docs)
    expected = [record_dict(r) for r in LocalEngine().run(nlp, inputs, batch_size=batch_size)]
    got = [record_dict(r) for r in engine.run(nlp, _inputs(n_docs), batch_size=batch_size)]
    assert got == expected
    assert ray.is_initialized()  # a Ray the engine did not start is left running


def test_the_engine_kills_the_actors_it_created(local_ray: Any) -> None:
    engine = RayEngine(n_process=2, threads=1)
    list(engine.run(Pipeline(["sentences.v1"]), _inputs(4), batch_size=2))
    # The actors held a CPU each; killed, they give them back (shortly: kill is async).
    deadline = time.monotonic() + 30
    while ray.available_resources().get("CPU", 0) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ray.available_resources().get("CPU", 0) == 2


def test_an_actor_that_cannot_build_the_pipeline_says_why(local_ray: Any) -> None:
    engine = RayEngine(n_process=2, threads=1)
    with pytest.raises(PipelineError, match="cannot be built on a Ray actor"):
        list(engine.run(Pipeline(["testdriveronly.v1"]), _inputs(4), batch_size=2))


def test_an_actor_sets_its_thread_budget_and_builds_once() -> None:
    spec = Pipeline(["sentences.v1"]).spec
    try:
        actor = _Analyser(spec, 3)
        assert inference_threads() == 3
    finally:
        set_inference_threads(None)
    pipeline = actor.pipeline
    for i in range(3):
        (out,) = actor.run([Document(f"One {i}. Two.", id=f"t{i}")])
        assert isinstance(out, Document) and len(out.sentences) == 2
    assert actor.pipeline is pipeline
