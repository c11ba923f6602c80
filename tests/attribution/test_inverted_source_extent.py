"""Inverted sources that run on past the name, on invented text: a prepositional phrase
saying what the words were about, or a clause saying when they were said, ends the
name of the one who said them."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Lena Ortiz has denied any deal. “We will look at that” said Ortiz on the "
            "question of tariffs in May.",
            "“We will look at that”",
            "Lena Ortiz",
        ),
        (
            "Mark Bell said the plant would close. “No one warned us,” said Bell during a "
            "visit to the closed plant.",
            "“No one warned us,”",
            "Mark Bell",
        ),
    ],
)
def test_a_phrase_after_an_inverted_name_is_no_part_of_it(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("Ortiz on the question of tariffs in May", "Ortiz", None),
        (
            "US Attorney for the District of Utah Jane K. Marsh when the bank pleaded guilty",
            "Jane K. Marsh",
            "US Attorney for the District of Utah",
        ),
        ("Mayor Tom Price while the council debated", "Tom Price", "Mayor"),
        # a capitalised preposition belongs to a name, and a place after one is no phrase
        ("Harry Reid in an interview on Monday", "Harry Reid", None),
    ],
)
def test_a_trailing_phrase_or_clause_ends_the_name(
    mention: str, name: str, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


def test_a_description_before_a_phrase_stays_a_description() -> None:
    # "Officials in the capital": only a name is cut off at the phrase
    assert parse_mention("Officials in the capital").kind == "description"
