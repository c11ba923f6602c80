"""Technique spans trimmed to phrase boundaries (spinscope.techniques.trim)."""

from __future__ import annotations

import pytest

from spinscope.techniques.trim import sentence_cuts, trim_span


def pieces(text: str, fragment: str) -> list[str]:
    start = text.index(fragment)
    return [text[a:b] for a, b in trim_span(text, start, start + len(fragment))]


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # Dangling determiners, prepositions, possessives at the end are trimmed.
        ("We fear for the future of democracy.", "the future of", ["the future"]),
        ("It ruins our society in the end.", "our society in the", ["our society"]),
        ("They lied to the people and", "lied to the people and", ["lied to the people"]),
        # Leading prepositions and conjunctions are trimmed.
        ("the crimes of the regime", "of the regime", ["the regime"]),
        ("but outrageous lies", "but outrageous lies", ["outrageous lies"]),
        # Nothing but function words: dropped.
        ("It has its own rules.", "its own", []),
        ("most of the time", "of the", []),
        ("and so on", "and so on", []),
        # A name cut in two loses its part inside the span.
        ("the United States said", "the United", []),
        ("attack by Donald Trump", "attack by Donald", ["attack"]),
        ("President Trump lied", "Trump lied", ["lied"]),
        # A sentence end inside the span splits it.
        (
            "Make it great again! Then we win.",
            "Make it great again! Then we win.",
            ["Make it great again!", "Then we win."],
        ),
        ("They lied.\nThe truth is out", "lied.\nThe truth", ["lied.", "The truth"]),
        # Abbreviations and initials are no sentence end.
        ("Mr. Smith lied", "Mr. Smith lied", ["Mr. Smith lied"]),
        ("the U.S. Government lied", "U.S. Government lied", ["U.S. Government lied"]),
        # Phrases stay exactly as they were, punctuation included.
        ("quipped Pitt, who laughed", "quipped Pitt", ["quipped Pitt"]),
        ("a “disgusting provocation”!", "“disgusting provocation”!", ["“disgusting provocation”!"]),
        ("so-called White Helmets", "so-called White Helmets", ["so-called White Helmets"]),
    ],
)
def test_fragments_trimmed_or_dropped(text: str, fragment: str, expected: list[str]) -> None:
    assert pieces(text, fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("One!\n\nTwo", ["One!", "Two"]),
        ("Dr. No is here", ["Dr. No is here"]),
        ("no sentence end here", ["no sentence end here"]),
        ("1.5 million", ["1.5 million"]),
    ],
)
def test_sentence_cuts(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_cuts(text, 0, len(text))] == expected


def test_pieces_lie_inside_the_span() -> None:
    text = "x the future of. And then of the people and"
    for a, b in trim_span(text, 2, len(text)):
        assert 2 <= a < b <= len(text)
