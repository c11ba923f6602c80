"""Quotations that go on from an earlier one: a paragraph opening with a quotation after
a paragraph whose quotation was left open, and a quotation an embedded tweet's signature
follows. Invented texts, in the shape of real news pages."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention
from spinscope.attribution.text import find_quotes

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


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # a quotation left open at a sentence's end and taken up by the next opening mark:
        # two quotations, the paragraph break between them lost
        (
            "He writes: “This is not a fringe. It is half of the country. “Yes, they vote "
            "for the other side too.” Then he stops.",
            [
                "“This is not a fringe. It is half of the country.",
                "“Yes, they vote for the other side too.”",
            ],
        ),
        # a quotation nested in a closed one stays nested
        (
            "“He told me. “Go home,” he said. I left.”",
            ["“He told me. “Go home,” he said. I left.”"],
        ),
    ],
)
def test_quotation_taken_up_in_its_paragraph(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in find_quotes(text)] == quotes


DESCRIBED_PEOPLE = [
    # the nearest subject is a person described by their trade: the pronoun is that
    # person, not a man named farther back
    (
        "Yet when Tom Hale says “home first” it is suddenly wrong.\n\n"
        "Most voters back the plan. Stunned by the results, the pollster laments that the "
        "country has changed. He writes: “This is half of the men and women of our nation. "
        "“Yes, they vote for every party.”",
        "This is half of the men",
        "pollster",
    ),
    (
        "Yet when Tom Hale says “home first” it is suddenly wrong.\n\n"
        "Most voters back the plan. Stunned by the results, the pollster laments that the "
        "country has changed. He writes: “This is half of the men and women of our nation. "
        "“Yes, they vote for every party.”",
        "Yes, they vote",
        "pollster",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), DESCRIBED_PEOPLE)
def test_pronoun_takes_the_described_person(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_described_person_in_a_subordinate_clause_is_no_subject() -> None:
    # the pollster is named inside an "after" clause: the sentence is about the voters,
    # and the man named before keeps his head start
    text = (
        "Tom Hale says the plan works and it will pass.\n\n"
        "Most voters agree, even after the pollster said the race was close. He writes: "
        "“We will win this race by a mile.”"
    )
    assert covering_speaker(text, "We will win") == "Tom Hale"


RANKED_NAMES = [
    # a rank's abbreviation before a name: the name is a person's, though "Dean" is
    # also a title and "Washington" a place
    (
        "In an interview with Channel 2, Gwinnett County Cpl. Dean Washington reacted to "
        "the incident. He added: “It is not common that we receive video this clear.”",
        "It is not common",
        "Dean Washington",
    ),
    # a title that is a surname too closes the name after a first name
    (
        "Sgt. Mark Dean said the road would reopen. “We cleared it in an hour,” he said.",
        "We cleared it",
        "Mark Dean",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), RANKED_NAMES)
def test_ranked_name_is_a_person(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


OWNED_BODIES = [
    # a possessive abbreviation or place before a body's name owns the body: the body,
    # whole, is the speaker
    (
        "Trucks will roll in “as soon as possible,” according to the U.N.’s Office for the "
        "Coordination of Humanitarian Affairs.",
        "as soon as possible",
        "Office for the Coordination of Humanitarian Affairs",
    ),
    (
        "The strike was “a provocation,” according to Russia’s Centre for Reconciliation.",
        "a provocation",
        "Centre for Reconciliation",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), OWNED_BODIES)
def test_owned_body_is_the_speaker(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        (
            "the U.N.’s Office for the Coordination of Humanitarian Affairs",
            "Office for the Coordination of Humanitarian Affairs",
        ),
        ("the Women’s March", "Women’s March"),
        ("McDonald’s Corporation", "McDonald’s Corporation"),
    ],
)
def test_possessive_inside_a_body_name_stays(mention: str, name: str) -> None:
    assert parse_mention(mention).name == name
