"""Engines: in-process and process pool behind one interface."""

from __future__ import annotations

import os

import pytest

import spinscope
from spinscope.document import Document, ErrorRecord, Span
from spinscope.engines import (
    Engine,
    LocalEngine,
    ProcessPoolEngine,
    engine_names,
    get_engine,
)
from spinscope.errors import ConfigError, ModelNotFoundError, PipelineError
from spinscope.pipeline import Pipeline
from spinscope.registry import Component, register
from spinscope.resources import available_cores, inference_threads


@register("testpid.v1", assigns=("pid",))
def make_pid() -> Component:
    """Marks each document with the process (and its thread budget) that analysed it."""

    def pid(doc: Document) -> Document:
        if "CRASH" in doc.text:
            raise RuntimeError("bad document")
        if "KILL" in doc.text:
            os._exit(3)  # a worker dying in native code looks like this
        attrs = {"pid": os.getpid(), "threads": inference_threads()}
        doc.set_spans("pid", [Span(0, 1, "pid", attrs=attrs)])
        return doc

    return pid


@register("testbrokenfactory.v1", assigns=("never",))
def make_broken() -> Component:
    raise ModelNotFoundError("no model at /nowhere: train it first")


def _texts(n: int) -> list[Document]:
    return [Document(f"Text {i}.", id=f"d{i}") for i in range(n)]


def test_engines_share_one_interface() -> None:
    for name in ("local", "process"):
        assert isinstance(get_engine(name, n_process=2), Engine)
    assert {"auto", "local", "process"} <= set(engine_names())


@pytest.mark.parametrize(
    ("name", "n_process", "kind"),
    [("auto", 1, LocalEngine), ("auto", 2, ProcessPoolEngine), ("local", 4, LocalEngine)],
)
def test_auto_engine(name: str, n_process: int, kind: type) -> None:
    assert isinstance(get_engine(name, n_process=n_process), kind)


def test_unknown_engine() -> None:
    with pytest.raises(ConfigError, match="no engine named 'warp'; choose one of auto"):
        get_engine("warp")


@pytest.mark.parametrize("engine", ["local", "process"])
def test_order_ids_and_errors_kept(engine: str) -> None:
    docs: list[Document | ErrorRecord] = [*_texts(5)]
    docs.insert(2, Document("CRASH here", id="bad"))
    docs.insert(4, ErrorRecord("unreadable", "empty file", "EmptyInputError"))
    out = list(Pipeline(["testpid.v1"]).pipe(docs, batch_size=2, n_process=2, engine=engine))
    assert [r.id for r in out] == ["d0", "d1", "bad", "d2", "unreadable", "d3", "d4"]
    bad = out[2]
    assert isinstance(bad, ErrorRecord)
    assert bad.component == "testpid.v1"
    assert "bad document" in bad.error


def test_pool_runs_in_workers_with_threads_shared() -> None:
    engine = ProcessPoolEngine(n_process=2)
    assert engine.threads == max(1, available_cores() // 2)
    out = list(engine.run(Pipeline(["testpid.v1"]), _texts(8), batch_size=1))
    assert all(isinstance(d, Document) for d in out)
    attrs = [d.group("pid")[0].attrs for d in out if isinstance(d, Document)]
    assert {a["pid"] for a in attrs} - {os.getpid()}, "nothing ran in a worker"
    assert os.getpid() not in {a["pid"] for a in attrs}
    assert {a["threads"] for a in attrs} == {engine.threads}


def test_a_dying_worker_costs_only_its_batch() -> None:
    docs = _texts(6)
    docs[3] = Document("KILL the worker", id="killer")
    out = list(ProcessPoolEngine(n_process=2).run(Pipeline(["testpid.v1"]), docs, batch_size=2))
    assert [r.id for r in out] == ["d0", "d1", "d2", "killer", "d4", "d5"]
    failed = [r.id for r in out if isinstance(r, ErrorRecord)]
    assert failed == ["d2", "killer"]  # the batch that held the killer
    assert all("worker process died" in r.error for r in out if isinstance(r, ErrorRecord))


def test_pipe_takes_strings_and_bad_ones_become_records() -> None:
    nlp = spinscope.load(components=["boilerplate.v1", "sentences.v1"])
    out = list(nlp.pipe(["One. Two.", "   ", Document("Three.", id="t")]))
    assert isinstance(out[0], Document) and len(out[0].sentences) == 2
    assert isinstance(out[1], ErrorRecord) and out[1].kind == "EmptyInputError"
    assert out[2].id == "t"


def test_call_takes_a_string() -> None:
    nlp = spinscope.load(components=["sentences.v1"])
    assert len(nlp("One. Two.").sentences) == 2


def test_a_worker_that_cannot_build_the_pipeline_says_why() -> None:
    engine = ProcessPoolEngine(n_process=2)
    with pytest.raises(PipelineError, match="no model at /nowhere: train it first"):
        list(engine.run(Pipeline(["testbrokenfactory.v1"]), _texts(4), batch_size=2))
