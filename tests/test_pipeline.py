from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest

from spinscope.document import Document, ErrorRecord, Span
from spinscope.errors import (
    ComponentError,
    MissingRequirementError,
    PipelineError,
    UnknownComponentError,
)
from spinscope.pipeline import Pipeline
from spinscope.registry import Component, register, registry


def _mark_first_word(doc: Document) -> Document:
    end = doc.text.find(" ")
    doc.set_spans("first", [Span(0, end if end > 0 else len(doc.text), "w")])
    return doc


@register("testfirst.v1", assigns=("first",), description="marks the first word")
def make_first() -> Component:
    return _mark_first_word


@register("testneedsfirst.v1", assigns=("second",), requires=("first",))
def make_needs_first(fail_on: str = "") -> Component:
    def needs_first(doc: Document) -> Document:
        if fail_on and fail_on in doc.text:
            raise RuntimeError("boom")
        doc.set_spans("second", list(doc.group("first")))
        return doc

    return needs_first


class _Batched:
    """A component with a batch method, counting how it was called."""

    calls: ClassVar[list[int]] = []

    def __call__(self, doc: Document) -> Document:
        type(self).calls.append(1)
        return doc

    def pipe(self, docs: list[Document]) -> Iterator[Document]:
        type(self).calls.append(len(docs))
        yield from docs


@register("testbatched.v1")
def make_batched() -> Component:
    return _Batched()


@register("testbadreturn.v1")
def make_bad_return() -> Component:
    return lambda doc: "not a doc"  # type: ignore[return-value,arg-type]


def test_pipeline_runs_in_order() -> None:
    nlp = Pipeline(["testfirst.v1", "testneedsfirst.v1"])
    doc = nlp(Document("Hello world"))
    assert doc.span_text(doc.spans["second"][0]) == "Hello"
    assert nlp.assigns == ["first", "second"]


def test_pipeline_checks_requirements_at_build_time() -> None:
    with pytest.raises(MissingRequirementError, match=r"testfirst\.v1"):
        Pipeline(["testneedsfirst.v1"])


def test_pipeline_unknown_component_names_installed_ones() -> None:
    with pytest.raises(UnknownComponentError, match=r"sentences\.v1"):
        Pipeline(["nope.v1"])


def test_pipeline_rejects_duplicates() -> None:
    with pytest.raises(PipelineError, match="twice"):
        Pipeline(["testfirst.v1", "testfirst.v1"])


@pytest.mark.parametrize("bad", ["nover", "x.1", "x.vX", ".v1"])
def test_register_requires_versioned_name(bad: str) -> None:
    with pytest.raises(PipelineError):
        register(bad)


def test_register_refuses_a_different_factory_under_same_name() -> None:
    with pytest.raises(PipelineError, match="already registered"):
        register("testfirst.v1")(lambda: _mark_first_word)


def test_builtins_are_registered() -> None:
    assert {"sentences.v1", "boilerplate.v1"} <= set(registry.names())


def test_bad_config_key_is_a_pipeline_error_at_build_time() -> None:
    with pytest.raises(PipelineError, match=r"bad configuration.*'nope'.*valid settings: none"):
        Pipeline(["testfirst.v1"], {"testfirst.v1": {"nope": 1}})


def test_component_must_return_document() -> None:
    with pytest.raises(ComponentError, match="not a Document"):
        Pipeline(["testbadreturn.v1"])(Document("x"))


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipe_keeps_order_ids_and_isolates_failures(n_process: int) -> None:
    nlp = Pipeline(["testfirst.v1", "testneedsfirst.v1"], {"testneedsfirst.v1": {"fail_on": "BAD"}})
    docs: list[Document | ErrorRecord] = [
        Document(f"doc {i} {'BAD' if i == 3 else 'ok'}", id=f"d{i}") for i in range(7)
    ]
    docs.insert(5, ErrorRecord(id="ingest-failed", error="empty", kind="EmptyInputError"))
    out = list(nlp.pipe(docs, batch_size=2, n_process=n_process))
    assert [r.id for r in out] == [d.id for d in docs]
    errors = [r for r in out if isinstance(r, ErrorRecord)]
    assert [(e.id, e.component) for e in errors] == [
        ("d3", "testneedsfirst.v1"),
        ("ingest-failed", None),
    ]
    assert "RuntimeError: boom" in errors[0].error
    assert all(r.has_group("second") for r in out if isinstance(r, Document))


def test_pipe_uses_component_batch_method() -> None:
    _Batched.calls = []
    nlp = Pipeline(["testbatched.v1"])
    list(nlp.pipe((Document(str(i)) for i in range(5)), batch_size=4))
    assert _Batched.calls == [4, 1]


def test_pipe_rejects_bad_batch_size() -> None:
    with pytest.raises(PipelineError):
        list(Pipeline(["testfirst.v1"]).pipe([], batch_size=0))
