"""technique_profile over hand-made documents (no model needed)."""

from __future__ import annotations

import pytest

from spinscope.document import Document, Span
from spinscope.techniques.definitions import TECHNIQUES
from spinscope.techniques.profile import technique_profile

TEXT = "The so-called experts lied again. Share this post! Follow us on social media."


def _doc() -> Document:
    doc = Document(TEXT)
    boiler_start = TEXT.index("Share")
    doc.set_spans("boilerplate", [Span(boiler_start, len(TEXT), "footer")])
    doc.set_spans(
        "techniques",
        [
            Span(4, 21, "Name_Calling,Labeling", 0.9),
            Span(22, 26, "Loaded_Language", 0.6),
            Span(4, 21, "Loaded_Language", 0.3),
            Span(boiler_start, boiler_start + 5, "Slogans", 0.99),  # in boilerplate: ignored
        ],
    )
    return doc


def test_counts_words_outside_boilerplate_only() -> None:
    prof = technique_profile(_doc())
    assert prof.words == 5  # The so-called experts lied again ("so-called" is one word)
    assert prof.spans == 3
    # The rate sums the calibrated scores: (0.9 + 0.6 + 0.3) expected spans in 5 words.
    assert prof.expected == pytest.approx(1.8)
    assert prof.per_1000_words == pytest.approx(360.0)
    assert prof.spans_per_1000_words == 600.0


def test_counts_cover_all_labels() -> None:
    prof = technique_profile(_doc())
    assert set(prof.counts) == set(TECHNIQUES)
    assert prof.counts["Loaded_Language"] == 2
    assert prof.counts["Slogans"] == 0


def test_top_spans_sorted_with_text_and_definition() -> None:
    prof = technique_profile(_doc(), k=2)
    assert [t.score for t in prof.top] == [0.9, 0.6]
    assert prof.top[0].text == "so-called experts"
    assert prof.top[0].definition
    d = prof.to_dict()
    assert d["top"][0]["label"] == "Name_Calling,Labeling"
    assert d["per_1000_words"] == 360.0
    assert d["spans_per_1000_words"] == 600.0


def test_min_score_and_empty_document() -> None:
    assert technique_profile(_doc(), min_score=0.5).spans == 2
    prof = technique_profile(Document("   "))
    assert prof.words == 0 and prof.spans == 0 and prof.per_1000_words == 0.0


def test_a_range_with_two_techniques_is_one_top_entry() -> None:
    prof = technique_profile(_doc())
    first = prof.top[0]
    assert (first.start, first.end) == (4, 21)
    assert first.labels == ("Name_Calling,Labeling", "Loaded_Language")
    assert first.scores == (0.9, 0.3)
    assert [(t.start, t.end) for t in prof.top] == [(4, 21), (22, 26)]
    assert prof.to_dict()["top"][0]["labels"] == ["Name_Calling,Labeling", "Loaded_Language"]


def test_spans_below_the_display_threshold_count_in_the_rate_not_in_top() -> None:
    doc = Document("They lied and lied again.")
    doc.set_spans(
        "techniques",
        [
            Span(5, 9, "Loaded_Language", 0.6, {"shown": True}),
            Span(14, 18, "Repetition", 0.1, {"shown": False}),
        ],
    )
    prof = technique_profile(doc)
    assert (prof.spans, prof.shown) == (2, 1)
    assert prof.expected == pytest.approx(0.7)
    assert [t.label for t in prof.top] == ["Loaded_Language"]
    assert prof.shown_counts["Repetition"] == 0 and prof.counts["Repetition"] == 1


def test_low_confidence_fragments_weigh_little_in_the_rate() -> None:
    words = " ".join(["word"] * 100)
    doc = Document(words)
    doc.set_spans(
        "techniques", [Span(5 * i, 5 * i + 4, "Loaded_Language", 0.05) for i in range(20)]
    )
    prof = technique_profile(doc)
    assert prof.spans_per_1000_words == 200.0  # what a plain count would say
    assert prof.per_1000_words == pytest.approx(10.0)
