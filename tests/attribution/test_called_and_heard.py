"""Quotations of invented text owned by someone inside another's report: the one who
``called Halimi a “…”``, the one ``heard … say “…”``, a body that ``announced`` or
``confirmed`` them; a call ``on`` someone, or words the reporter only describes, stay the
reporter's."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Traore was charged. Witnesses said Traore called Halimi a “demon” as he was "
            "beating her.",
            "“demon”",
            "Traore",
        ),
        (
            "Her daughter said that Traore called her, the daughter, a “dirty thief” two "
            "years before.",
            "“dirty thief”",
            "Traore",
        ),
        (
            "An aide told the paper that he tried to kiss her. She says she avoided the kiss, "
            "then heard Franken say “it is my right as an entertainer.”",
            "“it is my right as an entertainer.”",
            "Franken",
        ),
        # a call on someone names nothing: the witnesses' words
        (
            "Witnesses said the mayor called on Congress to “act now” on the bill.",
            "“act now”",
            "Witnesses",
        ),
        # no one inside the report says the words
        (
            "Ana Ruiz said Tom Hale was a “liar” and a cheat.",
            "“liar”",
            "Ana Ruiz",
        ),
    ],
)
def test_the_one_calling_or_heard_owns_the_words(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Hall spoke last week.\n\nPolice did not explain what changed by Monday, when the "
            "department announced that an internal inquiry had already “concluded” that the "
            "arrest was a fireable offense.",
            "“concluded”",
            "department",
        ),
        (
            "Hall spoke last week. The mayor said that the ministry confirmed the plan was "
            "“dead” for now.",
            "“dead”",
            "ministry",
        ),
        # no reporting clause of its own inside: the words stay the subject's
        (
            "Hall spoke last week. Police said the department’s inquiry had “concluded” quickly.",
            "“concluded”",
            "Police",
        ),
    ],
)
def test_a_body_announcing_inside_a_report_owns_the_words(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker
