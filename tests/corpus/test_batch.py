from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope import Document, Pipeline
from spinscope.corpus.batch import BatchSummary, run_batch
from spinscope.corpus.documents import count_documents, iter_documents
from spinscope.engines import LocalEngine, ProcessPoolEngine
from spinscope.registry import register
from spinscope.run import ExitCode
from spinscope.store import Store


@register("testboom.v1", assigns=("boom",), description="Fails on texts with BOOM.")
def make_boom(word: str = "BOOM") -> object:
    def boom(doc: Document) -> Document:
        if word in doc.text:
            raise RuntimeError(f"found {word}")
        doc.set_spans("boom", [])
        return doc

    return boom


def _corpus(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(
                json.dumps({"id": f"d{i}", "text": text, "url": f"https://www.site{i % 2}.com/{i}"})
                + "\n"
            )
    return path


TEXTS = [f"Article number {i}. It says things." for i in range(7)]


def _run(
    store: Store, corpus: Path, names: list[str] | None = None, **kwargs: object
) -> BatchSummary:
    pipeline = Pipeline(names or ["sentences.v1", "testboom.v1"])
    kwargs.setdefault("engine", LocalEngine())
    kwargs.setdefault("batch_size", 3)
    return run_batch(store, [corpus], pipeline=pipeline, **kwargs)  # type: ignore[arg-type]


def test_batch_stores_every_document_and_a_rerun_skips_them(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", TEXTS)
    first = _run(store, corpus)
    assert (first.done, first.failed, first.skipped) == (7, 0, 0)
    assert first.exit_code is ExitCode.OK
    again = _run(store, corpus)
    assert (again.done, again.failed, again.skipped) == (0, 0, 7)
    assert again.exit_code is ExitCode.OK
    assert count_documents(store) == 7
    assert {r["domain"] for r in iter_documents(store, with_document=False)} == {
        "site0.com",
        "site1.com",
    }


def test_a_new_pipeline_version_analyses_again(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", TEXTS[:3])
    assert _run(store, corpus).done == 3
    other = _run(store, corpus, names=["boilerplate.v1", "sentences.v1"])
    assert (other.done, other.skipped) == (3, 0)
    assert _run(store, corpus, version="given").done == 3
    versions = {r["pipeline_version"] for r in iter_documents(store, with_document=False)}
    assert len(versions) == 3 and "given" in versions
    assert count_documents(store) == 9


def test_failures_are_stored_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", [TEXTS[0], "BOOM goes this one.", "   ", TEXTS[1]])
    seen: list[str] = []
    summary = _run(store, corpus, on_error=lambda r: seen.append(r.id))
    assert (summary.done, summary.pipeline_failures, summary.input_failures) == (2, 1, 1)
    assert summary.exit_code is ExitCode.SOME_FAILED
    assert seen == ["d1", "d2"]
    failed = {r["doc_id"]: r for r in iter_documents(store, status="failed")}
    assert failed["d1"]["component"] == "testboom.v1"
    assert "found BOOM" in failed["d1"]["error"]
    assert failed["d1"]["domain"] == "site1.com"  # the input's metadata, not the error's
    assert failed["d2"]["error_kind"] == "MalformedRecordError"
    # A rerun tries the failures again and stores each once, still failed...
    again = _run(store, corpus)
    assert (again.done, again.failed, again.skipped) == (0, 2, 2)
    assert count_documents(store, status=None) == 4
    # ...and a pipeline that no longer fails on it (same version) replaces the failed row.
    fixed = Pipeline(["sentences.v1", "testboom.v1"], {"testboom.v1": {"word": "NEVER"}})
    done = run_batch(
        store, [corpus], pipeline=fixed, engine=LocalEngine(), version=summary.pipeline_version
    )
    assert (done.done, done.input_failures, done.skipped) == (1, 1, 2)
    assert count_documents(store, status="failed") == 1


def test_the_same_text_twice_is_analysed_once(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", [TEXTS[0], TEXTS[1], TEXTS[0], TEXTS[0]])
    summary = _run(store, corpus, batch_size=None)
    assert (summary.done, summary.skipped) == (2, 2)
    assert count_documents(store) == 2


@pytest.mark.parametrize("exit_case", ["nothing", "all-failed", "pipeline"])
def test_exit_codes(exit_case: str) -> None:
    summary = {
        "nothing": BatchSummary(),
        "all-failed": BatchSummary(input_failures=2),
        "pipeline": BatchSummary(pipeline_failures=1, input_failures=1),
    }[exit_case]
    expected = {
        "nothing": ExitCode.NO_INPUT,
        "all-failed": ExitCode.NO_INPUT,
        "pipeline": ExitCode.PIPELINE,
    }
    assert summary.exit_code is expected[exit_case]


def test_the_process_pool_stores_what_the_local_engine_does(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", TEXTS)
    stored = []
    for name, engine in (
        ("local", LocalEngine()),
        ("pool", ProcessPoolEngine(n_process=2, threads=1)),
    ):
        with Store.open(f"sqlite:///{tmp_path / name}.db") as store:
            _run(store, corpus, names=["boilerplate.v1", "sentences.v1"], engine=engine)
            stored.append([r["document"] for r in iter_documents(store)])
    assert stored[0] == stored[1]
    assert len(stored[0]) == 7


@pytest.mark.parametrize("batch_size", [1, 2, 3, 16])
def test_repeated_texts_are_stored_once_whatever_the_batches(
    tmp_path: Path, batch_size: int
) -> None:
    # Repeats before and after the first occurrence was committed.
    order = [0, 1, 2, 0, 3, 1, 0, 4, 4, 2]
    corpus = _corpus(tmp_path / "c.jsonl", [TEXTS[i] for i in order])
    with Store.open(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = _run(store, corpus, batch_size=batch_size)
        assert (summary.done, summary.skipped) == (5, 5)
        assert count_documents(store) == 5
