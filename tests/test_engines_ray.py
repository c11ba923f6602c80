"""The Ray engine against the local one, on a local Ray of two CPUs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from spinscope import Document, ErrorRecord, Pipeline
from spinscope.engines import LocalEngine, get_engine
from spinscope.reports.json import record_dict

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def _inputs() -> list[Document | ErrorRecord]:
    docs: list[Document | ErrorRecord] = [
        Document(f"Article {i}. Officials said “it is {i}”.\nShare this:", id=f"d{i}")
        for i in range(11)
    ]
    docs.insert(3, ErrorRecord("bad", "unreadable", "NotTextError", source="bad.pdf"))
    return docs


def test_ray_engine_gives_what_the_local_engine_gives(local_ray: Any) -> None:
    nlp = Pipeline(["boilerplate.v1", "sentences.v1"])
    engine = get_engine("ray", n_process=2, window=2)
    assert engine.n_process == 2
    expected = [record_dict(r) for r in LocalEngine().run(nlp, _inputs(), batch_size=3)]
    got = [record_dict(r) for r in engine.run(nlp, _inputs(), batch_size=3)]
    assert got == expected
    assert ray.is_initialized()  # a Ray the engine did not start is left running
