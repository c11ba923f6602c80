"""The public Python API: ``spinscope.analyze``, ``spinscope.load`` and the ``__all__`` facade."""

from __future__ import annotations

import inspect
import types
from pathlib import Path

import pytest

import spinscope
from spinscope import Document, Pipeline
from spinscope.errors import EmptyInputError, InputError, UnknownComponentError
from spinscope.run import ExitCode, RunSummary, analyze_paths

ARTICLE = "The so-called experts lied again. Everyone knows it.\nShare this:\nTweet\n"


def test_api_all_is_sorted() -> None:
    assert spinscope.__all__ == sorted(spinscope.__all__)


def test_api_all_names_exist() -> None:
    for name in spinscope.__all__:
        assert hasattr(spinscope, name), name


def _public_names() -> set[str]:
    """Names the package itself defines or re-exports from its own modules."""
    out = set()
    for name, value in vars(spinscope).items():
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        module = getattr(value, "__module__", None) or ""
        if module.split(".")[0] == "spinscope":
            out.add(name)
    return out


def test_api_all_is_complete() -> None:
    assert _public_names() | {"__version__"} == set(spinscope.__all__)


def test_api_analyze_text() -> None:
    doc = spinscope.analyze(ARTICLE)
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE
    assert {"boilerplate", "sentences", "tokens"} <= set(doc.spans)
    footer = "".join(doc.span_text(s) for s in doc.group("boilerplate"))
    assert "Share this:" in footer and "Tweet" in footer
    assert "lied" not in footer


@pytest.mark.parametrize("as_path", [True, False], ids=["Path", "str"])
def test_api_analyze_path(tmp_path: Path, as_path: bool) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = spinscope.analyze(path if as_path else str(path))
    assert doc.id == "article"
    assert doc.meta.source == str(path)
    assert doc.text.rstrip("\n") == ARTICLE.rstrip("\n")


def test_api_analyze_document_and_components() -> None:
    doc = Document("One sentence. Two sentences.", id="d")
    out = spinscope.analyze(doc, components=["sentences.v1"])
    assert out.id == "d"
    assert len(out.sentences) == 2
    assert "boilerplate" not in out.spans


def test_api_analyze_empty_text_raises() -> None:
    with pytest.raises(EmptyInputError):
        spinscope.analyze("   \n")
    assert issubclass(EmptyInputError, InputError)


def test_api_load_reuses_pipeline() -> None:
    nlp = spinscope.load()
    assert isinstance(nlp, Pipeline)
    assert nlp.names == list(spinscope.load_config().pipeline.components)
    docs = [spinscope.analyze(f"Article {i}. Text.", pipeline=nlp) for i in range(3)]
    assert [len(d.sentences) for d in docs] == [2, 2, 2]


def test_api_load_config_mapping() -> None:
    nlp = spinscope.load(config={"pipeline": {"components": ["sentences.v1"]}})
    assert nlp.names == ["sentences.v1"]


def test_api_load_unknown_component() -> None:
    with pytest.raises(UnknownComponentError, match="installed components"):
        spinscope.load(components=["nope.v1"])


def test_api_pipe_streams_and_keeps_errors_in_place() -> None:
    nlp = spinscope.load()
    docs = [Document(f"Text {i}. More.", id=str(i)) for i in range(5)]
    out = list(nlp.pipe(docs, batch_size=2))
    assert [d.id for d in out] == ["0", "1", "2", "3", "4"]


def test_api_analyze_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    summary = RunSummary()
    results = list(analyze_paths([tmp_path]))
    for result in results:
        summary.add(result)
    assert [type(r).__name__ for r in results] == ["Document", "ErrorRecord"]
    assert summary.documents == 1 and summary.input_failures == 1
    assert summary.exit_code is ExitCode.SOME_FAILED


@pytest.mark.parametrize(
    ("documents", "inputs", "pipeline", "code"),
    [
        (3, 0, 0, ExitCode.OK),
        (2, 1, 0, ExitCode.SOME_FAILED),
        (2, 0, 1, ExitCode.SOME_FAILED),
        (0, 2, 0, ExitCode.NO_INPUT),
        (0, 0, 0, ExitCode.NO_INPUT),
        (0, 1, 1, ExitCode.PIPELINE),
    ],
)
def test_run_summary_exit_code(documents: int, inputs: int, pipeline: int, code: int) -> None:
    summary = RunSummary(documents, inputs, pipeline)
    assert summary.exit_code == code


def test_api_public_functions_are_documented() -> None:
    for name in ("analyze", "load"):
        doc = inspect.getdoc(getattr(spinscope, name)) or ""
        assert "Args:" in doc or "Raises:" in doc, name


def test_api_analyze_config_mapping_reaches_ingest(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError):
        spinscope.analyze(path, config={"ingest": {"max_bytes": 5}})
