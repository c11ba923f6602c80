"""The technique rate split into the article's own voice and quoted speech."""

from __future__ import annotations

import pytest

from spinscope.document import Document, Span
from spinscope.techniques.profile import (
    COMMON_TECHNIQUES,
    VOICE_KEYS,
    quoted_ranges,
    technique_profile,
)
from spinscope.techniques.report import ASIDE, SECTION, technique_name, technique_view

# Own voice: "The council met on Monday." (5) + "Hendricks said." (2) + "Critics called it a
# “disaster”." (5) = 12 words; quoted: the 9 words of Hendricks' quotation.
TEXT = (
    "The council met on Monday. "
    "“These reckless traitors will destroy everything we built together,” "
    "Hendricks said. Critics called it a “disaster”."
)
QUOTE = "“These reckless traitors will destroy everything we built together,”"


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _doc(*, attributions: bool = True) -> Document:
    doc = Document(TEXT)
    doc.set_spans(
        "techniques",
        [
            Span(*_at("reckless traitors"), "Name_Calling,Labeling", 0.8),  # inside the quote
            Span(*_at("destroy everything"), "Exaggeration,Minimisation", 0.4),  # inside
            Span(*_at("“disaster”"), "Loaded_Language", 0.6),  # scare quotes: own voice
        ],
    )
    if attributions:
        qs, qe = _at(QUOTE)
        ss, se = _at("Hendricks")
        doc.set_spans(
            "attributions",
            [
                Span(
                    qs,
                    se + len(" said"),
                    "attribution",
                    0.9,
                    {
                        "source": {"start": ss, "end": se},
                        "cue": {"start": se + 1, "end": se + 5},
                        "content": [{"start": qs, "end": qe}],
                        "kind": "direct",
                        "speaker": {"id": 0, "name": "Hendricks", "role": None},
                    },
                )
            ],
        )
    return doc


def test_rates_inside_and_outside_quotes() -> None:
    prof = technique_profile(_doc())
    v = prof.voices
    assert v is not None
    assert (v.own_words, v.quoted_words) == (12, 9)
    assert v.own_words + v.quoted_words == prof.words
    assert v.own_expected == pytest.approx(0.6)
    assert v.quoted_expected == pytest.approx(1.2)
    assert v.own_per_1000_words == pytest.approx(50.0)
    assert v.quoted_per_1000_words == pytest.approx(1200 / 9)
    assert prof.per_1000_words == pytest.approx(1000 * 1.8 / 21)  # overall unchanged
    d = prof.to_dict()
    assert d["own_per_1000_words"] == 50.0 and d["quoted_per_1000_words"] == 133.333
    assert (d["own_words"], d["quoted_words"]) == (12, 9)


def test_without_attributions_the_overall_rate_stands_alone() -> None:
    doc = _doc(attributions=False)
    prof = technique_profile(doc)
    assert prof.voices is None
    assert quoted_ranges(doc) is None
    d = prof.to_dict()
    assert all(d[k] is None for k in VOICE_KEYS)
    view = technique_view(doc)
    assert list(SECTION.headline(view)) == [
        f"{prof.per_1000_words:.1f} expected technique spans per 1,000 words"
    ]
    assert view.headline.startswith(f"{prof.per_1000_words:.1f} expected")


def test_headline_leads_with_the_distinctive_own_voice_rate() -> None:
    # The own voice's only span is loaded language: 0 without it, 50 with it.
    view = technique_view(_doc())
    assert list(SECTION.headline(view)) == [
        "own voice: 0.0 expected technique spans per 1,000 words, loaded language and "
        "repetition aside (50.0 with them) · in quotes: 133.3"
    ]
    assert view.headline.startswith(
        "own voice: 0.0 expected technique spans per 1,000 words, loaded language and "
        "repetition aside (0.0 in 12 words), 50.0 with them (0.6) · "
    )
    assert "in quotes: 133.3 (1.2 in 9 words)" in view.headline
    assert "overall: 85.7" in view.headline


@pytest.mark.parametrize(
    ("label", "distinctive"),
    [
        ("Loaded_Language", 0.0),
        ("Repetition", 0.0),
        ("Doubt", 0.5),
        ("Name_Calling,Labeling", 0.5),
    ],
)
def test_the_distinctive_rate_leaves_out_the_common_techniques(
    label: str, distinctive: float
) -> None:
    doc = _doc()
    own = Span(*_at("Critics called it"), label, 0.5)
    doc.set_spans("techniques", [*doc.group("techniques"), own])
    v = technique_profile(doc).voices
    assert v is not None
    assert v.own_expected == pytest.approx(1.1)  # every technique counts here
    assert v.own_distinctive_expected == pytest.approx(distinctive)
    assert v.own_distinctive_per_1000_words == pytest.approx(1000 * distinctive / 12)
    d = v.to_dict()
    assert d["own_distinctive_per_1000_words"] == round(1000 * distinctive / 12, 3)


def test_the_header_names_the_techniques_left_out() -> None:
    names = {technique_name(t).lower() for t in COMMON_TECHNIQUES}
    assert names == {"loaded language", "repetition"}
    assert all(n in ASIDE for n in names)


def test_a_span_across_the_quote_boundary_is_shared_by_characters() -> None:
    doc = _doc()
    start = TEXT.index("together")
    end = TEXT.index("Hendricks") + len("Hendricks")
    doc.set_spans("techniques", [Span(start, end, "Loaded_Language", 1.0)])
    inside = TEXT.index("”", start) + 1 - start  # "together,”" is in the quote
    v = technique_profile(doc).voices
    assert v is not None
    assert v.quoted_expected == pytest.approx(inside / (end - start))
    assert v.own_expected + v.quoted_expected == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # An unattributed direct quotation counts as quoted speech ...
        ("He left. “We will never surrender to them,” the crowd chanted.", True),
        # ... a scare quote, a title or an echoed word does not.
        ("The so-called “experts” lied.", False),
        ("He wrote “The Long Road” last year.", False),
    ],
)
def test_direct_quotations_need_a_few_words(text: str, quoted: bool) -> None:
    doc = Document(text)
    doc.set_spans("attributions", [])
    assert bool(quoted_ranges(doc)) is quoted


def test_source_less_attributions_stay_in_the_own_voice() -> None:
    text = "The group is known for staging attacks."
    doc = Document(text)
    cue = text.index("is known for")
    content = text.index("staging")
    doc.set_spans(
        "attributions",
        [
            Span(
                cue,
                len(text) - 1,
                "attribution",
                0.7,
                {
                    "source": None,
                    "cue": {"start": cue, "end": cue + 12},
                    "content": [{"start": content, "end": len(text) - 1}],
                    "kind": "indirect",
                    "speaker": None,
                },
            )
        ],
    )
    doc.set_spans("techniques", [Span(content, len(text) - 1, "Doubt", 0.5)])
    v = technique_profile(doc).voices
    assert v is not None
    assert (v.own_words, v.quoted_words, v.own_expected) == (7, 0, 0.5)
    assert list(SECTION.headline(technique_view(doc))) == [
        "own voice: 71.4 expected technique spans per 1,000 words, loaded language and "
        "repetition aside (71.4 with them) · no quoted speech"
    ]


def test_pieces_of_one_prediction_count_once() -> None:
    """A prediction cut at a sentence end shows both pieces, each with the prediction's
    score, and adds one expected span, not two."""
    from spinscope.techniques.profile import technique_profile

    text = "They lied again. Everyone knows it."
    doc = Document(text)
    doc.set_spans(
        "techniques",
        [
            Span(0, 16, "Doubt", 0.4, {"share": 0.5}),
            Span(17, 35, "Doubt", 0.4, {"share": 0.5}),
        ],
    )
    assert technique_profile(doc).expected == pytest.approx(0.4)
