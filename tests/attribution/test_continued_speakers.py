"""Quotations whose speaker an earlier sentence gives: a name before a long appositive,
a speech act the quotation goes on with, an answer announced with a colon; and the
subject of an aside in parentheses. Invented texts, in the shape of real news pages."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

SOURCE_ACROSS_APPOSITIVE = [
    # a "who" clause holding a verb of its own does not end the name's appositive
    (
        "After word spread of the vote, Ned Gardiner, who only last week defended the mayor "
        "for lying, told reporters he is no longer a supporter.\n\n"
        "“I never liked the man, never trusted him. Everyone knows that.”",
        "I never liked the man",
        "Ned Gardiner",
    ),
    # nor does a name inside a second appositive ("a charity started by …")
    (
        "Lloyd Tessier, a spokesman for the Warm Feet Fund, a charity started by Maria "
        "Lopez, that gives socks to the homeless, said he agrees with the plan.\n\n"
        "“This will give the city more time to focus on the people who need it most.”",
        "This will give the city",
        "Lloyd Tessier",
    ),
    (
        "Charles Ortel, a Wall Street analyst who has been an outspoken critic of the "
        "foundation, claims their separation was “deeply suspect and a sham.”",
        "deeply suspect",
        "Charles Ortel",
    ),
]

SPEECH_ACT_GOES_ON = [
    (
        "Ortiz vowed to use the fund liberally. “My feeling is we have the money and there "
        "is no reason why we should not be using it.”",
        "My feeling is",
        "Ortiz",
    ),
    (
        "Governor Lena Ortiz accused the council of wasting time on the budget. “They are "
        "laughing at us and nothing gets done in this building.”",
        "They are laughing",
        "Lena Ortiz",
    ),
    (
        "Governor Lena Ortiz spoke on Monday, saying she would veto the bill. “We are not "
        "going to sign anything that raises taxes on families.”",
        "We are not going",
        "Lena Ortiz",
    ),
]

ANSWER_LEADS = [
    # page furniture between the colon and the quotation is skipped
    (
        "Critics asked how the plan would be paid for. Mayor Ortiz had a simple answer:\n\n"
        "Advertisement\n\n"
        "“It is not that much money in the grand scheme. We will make the state pay.”",
        "It is not that much money",
        "Ortiz",
    ),
    (
        "Lena Ortiz spoke to the Tribune in Geneva. She was asked why she left the party, "
        "and her reply was:\n\n"
        "“I do not want to belong to a party that does these sort of things.”",
        "I do not want to belong",
        "Lena Ortiz",
    ),
]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    SOURCE_ACROSS_APPOSITIVE + SPEECH_ACT_GOES_ON + ANSWER_LEADS,
)
def test_speaker_from_the_sentence_before(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a verb that reports no speech: the quotation after it stays unattributed
        (
            "Ortiz walked to the podium. “We are not going to sign anything that raises "
            "taxes on families.”",
            "We are not going",
        ),
        # a colon after a noun that is no answer announces a list, not a speaker
        (
            "Ortiz had a simple plan:\n\n“Build the bridge first and the road after it.”",
            "Build the bridge",
        ),
    ],
)
def test_no_speaker_without_a_speech_act(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) == "unattributed"


@pytest.mark.parametrize(
    ("text", "quote", "not_speaker"),
    [
        # "(For what it's worth, they …": "For" opens the aside, it is no one's name
        (
            "The Ledger found that the mayor exaggerates often.\n\n"
            "(For what it’s worth, they also checked his rival and found that his errors "
            "“so greatly exceed his rival's as to make the comparison silly.” Ouch.)",
            "so greatly exceed",
            "For",
        ),
    ],
)
def test_aside_opening_word_is_no_speaker(text: str, quote: str, not_speaker: str) -> None:
    assert covering_speaker(text, quote) != not_speaker
