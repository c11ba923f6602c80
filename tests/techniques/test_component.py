"""The techniques.v1 component: registration without the model, and (``model`` marker)
the shipped artifact end to end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, cast

import pytest

from spinscope.document import Document, Span
from spinscope.pipeline import Pipeline
from spinscope.registry import registry
from spinscope.techniques.component import (
    DISPLAY_THRESHOLD,
    TechniquesComponent,
    classify_spans,
    load_model,
    model_dir,
)
from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES
from spinscope.techniques.model import Prediction, TechniqueModel

HAVE_MODEL = all((model_dir() / n).is_file() for n in TechniqueModel.FILES)
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="no shipped techniques model artifact")

TEXT = (
    "The so-called experts lied to you again. These terror outfits and their "
    "pseudo-humanitarian personnel staged a disgusting provocation to fool the world.\n"
    "The minister said the talks would continue next week in Geneva."
)


def test_registered_without_loading_the_model() -> None:
    info = registry.get("techniques.v1")
    assert info.assigns == ("techniques",)
    assert info.requires == ()
    assert "threshold" in info.default_config


@pytest.mark.model
@needs_model
def test_model_loads_fast_and_once() -> None:
    t0 = time.perf_counter()
    m = load_model()
    assert load_model() is m
    assert time.perf_counter() - t0 < 10.0  # generous: the target is < 2 s on 2 cores
    assert list(m.config.labels) == list(TECHNIQUES)


@pytest.mark.model
@needs_model
def test_spans_inside_text_with_valid_labels_and_definitions() -> None:
    doc = Pipeline(["techniques.v1"])(Document(TEXT))
    spans = list(doc.group("techniques"))
    assert spans, "expected at least one technique in an obviously loaded text"
    for s in spans:
        assert 0 <= s.start < s.end <= len(TEXT)
        assert s.label in TECHNIQUES
        assert s.score is not None and 0.0 <= s.score <= 1.0
        assert s.attrs["definition"] == DEFINITIONS[s.label].definition


@pytest.mark.model
@needs_model
def test_deterministic_and_batch_equals_single() -> None:
    pipe = Pipeline(["techniques.v1"])
    a = pipe(Document(TEXT)).group("techniques")
    b = pipe(Document(TEXT)).group("techniques")
    assert a == b
    docs = [Document(TEXT, id="x"), Document("Nothing to see here.", id="y")]
    batched = list(pipe.pipe(docs, batch_size=2))
    assert isinstance(batched[0], Document)
    got = [(s.start, s.end, s.label) for s in batched[0].group("techniques")]
    assert got == [(s.start, s.end, s.label) for s in a]


@pytest.mark.model
@needs_model
def test_boilerplate_is_skipped() -> None:
    footer = "\nShare this disgusting, evil, corrupt terror propaganda now!"
    doc = Document(TEXT + footer)
    doc.set_spans("boilerplate", [Span(len(TEXT), len(TEXT) + len(footer), "footer")])
    out = Pipeline(["techniques.v1"])(doc)
    assert all(s.end <= len(TEXT) + 1 for s in out.group("techniques"))


@pytest.mark.model
@needs_model
def test_classify_spans() -> None:
    doc = Document(TEXT)
    s = TEXT.index("terror outfits")
    res = classify_spans(doc, [(s, s + len("terror outfits")), (4, 13)])
    assert len(res) == 2
    for label, p in res:
        assert label in TECHNIQUES and 0.0 < p <= 1.0
    assert classify_spans(doc, []) == []


@pytest.mark.model
@needs_model
@pytest.mark.xfail(
    reason="techniques-v2 (frozen encoder) misses the sample's labelling phrases: its token "
    "probabilities on 'so-called White Helmets' and 'terror outfits' stay below the SI "
    "threshold (PTC's annotators mark 'so-called' in only 4 of its 27 occurrences); see "
    "MODEL_CARD.md",
    strict=True,
)
def test_white_helmets_acceptance(white_helmets_path: Path) -> None:
    text = white_helmets_path.read_text("utf-8")
    doc = Pipeline(["techniques.v1"])(Document(text))
    spans = list(doc.group("techniques"))
    covered = {lab: [(s.start, s.end) for s in spans if s.label == lab] for lab in TECHNIQUES}

    def hit(phrase: str, labels: tuple[str, ...]) -> bool:
        i = text.find(phrase)
        assert i >= 0, phrase
        return any(a < i + len(phrase) and i < b for lab in labels for a, b in covered[lab])

    flagged = ("Name_Calling,Labeling", "Loaded_Language")
    for phrase in ("so-called White Helmets", "pseudo-humanitarian personnel", "terror outfits"):
        assert hit(phrase, flagged), phrase
    assert covered["Loaded_Language"]


@pytest.mark.data
@pytest.mark.model
@needs_model
def test_on_a_few_ptc_articles(shared_data: Path) -> None:
    from spinscope.techniques.semeval import score_si

    root = shared_data / "ptc"
    paths = sorted((root / "articles").glob("*.txt"))[:3]
    pipe = Pipeline(["techniques.v1"])
    pred: dict[str, list[tuple[int, int]]] = {}
    gold: dict[str, list[tuple[int, int]]] = {}
    for p in paths:
        aid = p.stem.removeprefix("article")
        text = p.read_text("utf-8")
        doc = pipe(Document(text))
        spans = list(doc.group("techniques"))
        assert all(0 <= s.start < s.end <= len(text) and s.label in TECHNIQUES for s in spans)
        pred[aid] = sorted({(s.start, s.end) for s in spans})
        lab = root / "labels-si" / f"article{aid}.task1-SI.labels"
        gold[aid] = [
            (int(s), int(e))
            for _, s, e in (line.split("\t") for line in lab.read_text("utf-8").splitlines())
        ]
    assert score_si(gold, pred, merge_pred=True).f1 > 0.1


@pytest.mark.model
@needs_model
def test_lone_surrogates_from_the_python_api_do_not_crash() -> None:
    text = "Hello \ud800 world. The so-called experts lied again and again, he said."
    doc = Pipeline(["techniques.v1"])(Document(text))
    for span in doc.group("techniques"):
        assert 0 <= span.start < span.end <= len(text)


# -- post-processing (no model needed) ---------------------------------------------------

POST_TEXT = "We fear for the future of democracy. It has its own rules. They lied again."


def _pred(fragment: str, label: str, score: float) -> Prediction:
    start = POST_TEXT.index(fragment)
    return Prediction(start, start + len(fragment), label, score, 0.5, 0.5)


def _post(preds: list[Prediction], **kw: Any) -> list[tuple[str, str, float, bool]]:
    comp = TechniquesComponent(cast(TechniqueModel, None), **kw)
    return [
        (POST_TEXT[s.start : s.end], s.label, s.score or 0.0, bool(s.attrs["shown"]))
        for s in comp.spans(POST_TEXT, preds)
    ]


def test_spans_trimmed_to_phrases_and_marked_shown() -> None:
    preds = [
        _pred("the future of", "Appeal_to_fear-prejudice", 0.35),
        _pred("its own", "Loaded_Language", 0.6),  # no phrase: dropped
        _pred("lied again", "Loaded_Language", 0.2),
        _pred("lied again", "Repetition", 0.1),
    ]
    assert _post(preds) == [
        ("the future", "Appeal_to_fear-prejudice", 0.35, True),
        ("lied again", "Loaded_Language", 0.2, False),
        ("lied again", "Repetition", 0.1, False),
    ]
    assert DISPLAY_THRESHOLD == 0.3


def test_display_threshold_and_untrimmed_spans() -> None:
    preds = [_pred("the future of", "Doubt", 0.35), _pred("lied again", "Loaded_Language", 0.2)]
    assert _post(preds, display_threshold=0.1, trim=False) == [
        ("the future of", "Doubt", 0.35, True),
        ("lied again", "Loaded_Language", 0.2, True),
    ]
    # min_score still removes spans altogether; the display threshold only marks them.
    assert [t[0] for t in _post(preds, min_score=0.3)] == ["the future"]


def test_pieces_trimmed_to_the_same_range_keep_the_best_score() -> None:
    preds = [_pred("the future of", "Doubt", 0.2), _pred("the future", "Doubt", 0.4)]
    assert _post(preds) == [("the future", "Doubt", 0.4, True)]


@pytest.mark.model
@needs_model
def test_every_span_is_marked_shown_or_not() -> None:
    doc = Pipeline(["techniques.v1"])(Document(TEXT))
    for s in doc.group("techniques"):
        assert s.attrs["shown"] is ((s.score or 0.0) >= DISPLAY_THRESHOLD)
