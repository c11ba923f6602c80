"""A speaker introduced by an office alone (``A Tory cabinet minister``, ``British PM``,
``Ex-MI6 chief``, ``the president``) takes the one name the article writes with that
office (or whose administration it names), and stays unnamed when it writes none or
several (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an abbreviated office, spelled out with one name
        (
            "British PM warns of “dark times” if the deal is rejected.\n\n"
            "British Prime Minister Ann Lee has said the vote will go ahead.",
            "“dark times”",
            "Ann Lee",
        ),
        # a month closing a name after a known first name is still a name
        (
            "British PM warns of “dark times” if the deal is rejected.\n\n"
            "Prime Minister Theresa May has said the vote will go ahead.",
            "“dark times”",
            "Theresa May",
        ),
        # two prime ministers named: no one to choose
        (
            "British PM says “we will leave on time.”\n\n"
            "Prime Minister Ann Lee met Prime Minister Tom Ray on Monday.",
            "“we will leave on time.”",
            "British PM",
        ),
        # an indefinite office noun, named later right after the same noun
        (
            "A Tory cabinet minister has attacked the rebels, saying they “drank wine to "
            "celebrate” the defeat.\n\nIn an interview, business minister Tom Ray said the "
            "rebels should leave.",
            "“drank wine to celebrate”",
            "Tom Ray",
        ),
        # two ministers named after it: it stays unnamed
        (
            "A Tory minister has attacked the rebels, saying they “drank wine to celebrate” "
            "the defeat.\n\nHealth minister Tom Ray and transport minister Ann Lee said nothing.",
            "“drank wine to celebrate”",
            "Tory minister",
        ),
        # a capitalised modifier picks the office among several, a synonym counts
        (
            "Ex-MI6 chief says the deal “threatens our security,” and more.\n\n"
            "The letter, written by former MI6 head Sir Tom Ray and former defence chief "
            "Lord Ames, claims the deal is bad.",
            "“threatens our security,”",
            "Tom Ray",
        ),
        (
            "A former head of British intelligence agency MI6 has warned that the deal puts "
            "security “in foreign hands.”\n\nThe letter, written by former MI6 head Sir Tom "
            "Ray and former defence chief Lord Ames, claims the deal is bad.",
            "“in foreign hands.”",
            "Tom Ray",
        ),
        # an unnamed president is the one whose administration the article names
        (
            "The Tom Ray administration gave the firm a licence last month.\n\n"
            "As uproar grew, the president tweeted that the plan “makes no sense.”",
            "“makes no sense.”",
            "Tom Ray",
        ),
        (
            "The Tom Ray administration and the Ann Lee administration both backed the "
            "firm.\n\nAs uproar grew, the president tweeted that the plan “makes no sense.”",
            "“makes no sense.”",
            "president",
        ),
        # the noun anonymous sources go by names no one
        (
            "A spokesman for the council said the plan was “dead.”\n\n"
            "Later, spokesman Tom Ray announced a new plan.",
            "“dead.”",
            "spokesman for the council",
        ),
    ],
)
def test_office_named_later(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # kept anonymous: not the minister the article names
        (
            "Talks went on.\n\nA senior minister said the plan was “dead,” speaking on "
            "condition of anonymity.\n\nLater, health minister Tom Ray announced a new plan.",
            "“dead,”",
            "senior minister",
        ),
        # described deep in the article: another minister may be meant
        (
            "Talks went on.\n\nThe vote was close.\n\nThe rebels left.\n\n"
            "A senior minister said the plan was “dead.”\n\n"
            "Later, health minister Tom Ray announced a new plan.",
            "“dead.”",
            "senior minister",
        ),
    ],
)
def test_office_left_unnamed(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
