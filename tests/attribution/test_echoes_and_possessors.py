"""Commentary taking up a speaker's words: the possessor of a speech noun (``His
warning against``, ``the neocons’ claims that``, ``the pope’s reply … was:``) is its
speaker."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a noun in "-ing" after a possessive is a nominal cue like "claim"
        (
            "Nigel Farage said: “We must win over the moderates.” His warning against "
            "making the fight a “battle between us and the entire religion” is odd.",
            "“battle between us and the entire religion”",
            "Nigel Farage",
        ),
        # a plural possessor, the apostrophe after its "s"
        (
            "Carlson mocked the neocons’ claims that Iran is the “greatest threat” to America.",
            "“greatest threat”",
            "neocons",
        ),
        (
            "Carlson mocked Graham's claims that Iran is the “greatest threat” to America.",
            "“greatest threat”",
            "Graham",
        ),
        # a possessed answer closed by a copula and a colon in the quotation's sentence
        (
            "Jo Roe wrote to Pope Francis on Monday. Now, the pope’s reply to my "
            "testimony was: “I will not say a word!”",
            "“I will not say a word!”",
            "Francis",
        ),
    ],
)
def test_speech_noun_possessor(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "her" the object of a verb before a word in "-ing": no possessor
        (
            "Jo Reyes met Ann Lee on Monday. The council sent her warning letters about "
            "the “unsafe” bridge.",
            "“unsafe”",
            "council",
        ),
        (
            "Jo Reyes met Ann Lee on Monday. The council sent her warning that the bridge "
            "was “unsafe.”",
            "“unsafe.”",
            "council",
        ),
        # a place's possessive before a noun that is no speech: no source
        (
            "According to Minneapolis’ local newspaper, the plan was “a disaster.”",
            "“a disaster.”",
            None,
        ),
    ],
)
def test_no_possessor(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
