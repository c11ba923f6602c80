"""The neural backend's model-free parts: BIO decoding and grouping spans into attributions."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.attribution.neural import NeuralTagger, TagSpan, bio_to_spans, group_spans
from spinscope.attribution.text import TokenView
from spinscope.errors import ModelNotFoundError


def test_neural_bio_to_spans_merges_pieces() -> None:
    offsets = [(0, 3), (4, 8), (8, 10), (11, 15), (16, 20)]
    tags = ["B-Source", "I-Source", "I-Source", "B-Cue", "O"]
    spans = bio_to_spans(offsets, tags, [0.9, 0.8, 0.7, 0.6, 0.99])
    assert [(s.start, s.end, s.role) for s in spans] == [(0, 10, "Source"), (11, 15, "Cue")]
    assert spans[0].score == pytest.approx(0.8)


def _span(text: str, piece: str, role: str) -> TagSpan:
    start = text.index(piece)
    return TagSpan(start, start + len(piece), role, 0.9)


def test_neural_group_spans_links_nearest_cue() -> None:
    text = "“It is over,” Smith said. Jones told reporters that talks would resume."
    spans = [
        _span(text, "“It is over,”", "Content"),
        _span(text, "Smith", "Source"),
        _span(text, "said", "Cue"),
        _span(text, "Jones", "Source"),
        _span(text, "told", "Cue"),
        _span(text, "that talks would resume", "Content"),
    ]
    atts = group_spans(TokenView.from_text(text), spans)
    got = [
        (text[slice(*a.source)] if a.source else None, text[slice(*a.cue)], a.kind) for a in atts
    ]
    assert got == [("Smith", "said", "direct"), ("Jones", "told", "indirect")]


def test_neural_group_spans_drops_cues_without_content() -> None:
    text = "Smith said nothing."
    atts = group_spans(TokenView.from_text(text), [_span(text, "said", "Cue")])
    assert atts == []


def test_neural_tagger_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="train one"):
        NeuralTagger(tmp_path)
