"""Quotations that go on from an earlier one: a paragraph opening with a quotation after
a paragraph whose quotation was left open, and a quotation an embedded tweet's signature
follows. Invented texts, in the shape of real news pages."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

LEFT_OPEN = [
    # the first paragraph's quotation has no closing mark: the next one goes on with it,
    # whatever verb introduced it
    (
        f"Tom Vale runs the bakery on Elm Street. {lead} “After 30 years I have decided to "
        "close the shop and rest.\n\n"
        "“I thank every customer who came through the door.”\n\n"
        "The shop will close on Friday.",
        "I thank every customer",
        "Tom Vale",
    )
    for lead in ("Tom Vale’s post read:", "Tom Vale put it this way:", "Tom Vale went further:")
]


@pytest.mark.parametrize(("text", "quote", "speaker"), LEFT_OPEN)
def test_quotation_left_open_goes_on(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the earlier quotation is closed and its verb reports no speech: the next
        # paragraph's quotation has no speaker the text makes plain
        (
            "Tom Vale runs the bakery. His sign is labeled “Closed for good.”\n\n"
            "“I thank every customer who came through the door.”",
            "I thank every customer",
        ),
    ],
)
def test_closed_quotation_does_not_go_on(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) == "unattributed"


TWEETS = [
    # the tweet's signature names who posted it, not who spoke the quotation in it
    (
        "The family has asked for calm.\n"
        "Mother of the victim, Ada Lowe, says the verdict is a disgrace.\n"
        "“It is time that we see that every life matters, my son’s life matters.” "
        "pic.twitter.com/Ab12Cd34 — Jo Reporter (@JoReporter) September 14, 2018\n"
        "The hearing resumes on Monday.",
        "It is time that we see",
        "Ada Lowe",
    ),
    (
        "Mayor Lena Ortiz said the city would appeal.\n"
        "“We will take this to the highest court in the land.” — City News (@CityNews) "
        "May 4, 2019",
        "We will take this",
        "Lena Ortiz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), TWEETS)
def test_quotation_before_a_tweet_signature(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
