"""The checkworthy.v1 component and its shipped model (``model`` marker)."""

from __future__ import annotations

import hashlib
import re

import pytest

from spinscope.checkworthy.component import GROUP, load_model
from spinscope.checkworthy.model import CheckworthyModel, default_model_dir
from spinscope.document import Document, Span
from spinscope.errors import ConfigError, ModelNotFoundError
from spinscope.pipeline import Pipeline
from spinscope.registry import registry

HAVE_MODEL = (default_model_dir() / "weights.npz").is_file()
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="no shipped checkworthy model")

CLAIM = "Unemployment fell to 3.5 percent in 2019, the lowest rate in fifty years."
GREETING = "Thank you so much, it's wonderful to be here tonight."
OPINION = "I think we should all be a little kinder to each other."
TEXT = f"{GREETING} {CLAIM}\n{OPINION}\n\nShare this article on Facebook"


def test_registered_without_loading_the_model() -> None:
    info = registry.get("checkworthy.v1")
    assert (info.assigns, info.requires, info.uses) == ((GROUP,), ("sentences",), ("boilerplate",))
    assert info.languages == ("en",)
    assert info.default_config == {"threshold": None, "model_path": None}


def test_bad_threshold_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="threshold"):
        registry.get("checkworthy.v1").factory(threshold=1.5)


def test_missing_artifact_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(ModelNotFoundError, match=r"config\.json"):
        CheckworthyModel.load(str(tmp_path))


@pytest.mark.model
@needs_model
def test_one_scored_span_per_content_sentence() -> None:
    doc = Document(TEXT)
    doc = Pipeline(["boilerplate.v1", "sentences.v1", "checkworthy.v1"])(doc)
    spans = list(doc.group(GROUP))
    content = [s for s in doc.sentences if not doc.is_boilerplate(s)]
    assert [(s.start, s.end) for s in spans] == [(s.start, s.end) for s in content]
    by_text = {doc.span_text(s): s for s in spans}
    assert set(by_text) == {GREETING, CLAIM, OPINION}
    assert all(s.score is not None and 0.0 <= s.score <= 1.0 for s in spans)
    assert by_text[CLAIM].score > max(by_text[GREETING].score, by_text[OPINION].score)  # type: ignore[operator]
    assert by_text[CLAIM].label == "Yes" and by_text[GREETING].label == "No"
    assert doc.to_dict()["spans"][GROUP][0].keys() == {"start", "end", "label", "score"}


@pytest.mark.model
@needs_model
@pytest.mark.parametrize(("threshold", "labels"), [(1e-6, ["Yes", "Yes"]), (0.9999, ["No", "No"])])
def test_threshold_setting_decides_the_label(threshold: float, labels: list[str]) -> None:
    doc = Pipeline(
        ["sentences.v1", "checkworthy.v1"], {"checkworthy.v1": {"threshold": threshold}}
    )(Document(f"{GREETING} {CLAIM}"))
    assert [s.label for s in doc.group(GROUP)] == labels


@pytest.mark.model
@needs_model
def test_empty_document_and_text_without_sentences() -> None:
    model = load_model()
    assert model.predict_proba([]).shape == (0,)
    assert 0.0 <= float(model.predict_proba([""])[0]) <= 1.0
    doc = Pipeline(["sentences.v1", "checkworthy.v1"])(Document("   \n  "))
    assert list(doc.group(GROUP)) == []


@pytest.mark.model
@needs_model
def test_spans_keep_sentences_of_a_given_group() -> None:
    doc = Document(f"{GREETING} {CLAIM}")
    doc.set_spans("sentences", [Span(0, len(doc.text), "sentence")])
    doc = registry.get("checkworthy.v1").factory()(doc)
    assert [(s.start, s.end) for s in doc.group(GROUP)] == [(0, len(doc.text))]


@pytest.mark.model
@needs_model
def test_model_card_lists_the_shipped_hashes() -> None:
    d = default_model_dir()
    card = (d / "MODEL_CARD.md").read_text("utf-8")
    listed = dict(re.findall(r"\| (\S+) \| `([0-9a-f]{64})` \|", card))
    assert set(listed) == {"config.json", "weights.npz"}
    for name, digest in listed.items():
        assert hashlib.sha256((d / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.model
@needs_model
def test_reads_only_declared_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Pipeline(["boilerplate.v1", "sentences.v1"])(Document(TEXT))
    reads: list[str] = []
    real_group = Document.group

    def group(self: Document, name: str) -> object:
        reads.append(name)
        return real_group(self, name)

    monkeypatch.setattr(Document, "group", group)
    info = registry.get("checkworthy.v1")
    info.factory()(doc)
    assert reads and set(reads) <= set(info.reads)
