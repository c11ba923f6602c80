"""Speakers named with British titles, offices written only before a name elsewhere in
the article, and pronouns after the doer of a passive (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Former party leader and MEP Nigel Forage said, “They lied about the rally.”",
            "“They lied about the rally.”",
            "Nigel Forage",
        ),
        (
            "“The tax will rise,” said Councillor Brenda Chilcot.",
            "“The tax will rise,”",
            "Brenda Chilcot",
        ),
        (
            "The report was written by Peter Lilbey and Brenda Chilcot.\n"
            "“The tax will rise sharply,” said Lord Lilbey and Cllr Chilcot.",
            "“The tax will rise sharply,”",
            "Lilbey and Chilcot",
        ),
        (
            "“We will not wait,” said Baroness Jane Smyth.",
            "“We will not wait,”",
            "Jane Smyth",
        ),
    ],
)
def test_a_peerage_or_a_seat_is_a_title_not_a_name(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Ruritanian Prime Minister: ‘Faith is our last hope’\n\nNews\n"
            "ZENDA, March 3 (Wire) – Ruritania’s Prime Minister said in his speech that, "
            "“Faith is our last hope.”\nAddressing the nation, Prime Minister Rudolf "
            "Elphberg warned that nations have “opened the way to decline.”",
            "“Faith is our last hope.”",
            "Rudolf Elphberg",
        ),
        (
            "Ruritanian Prime Minister: ‘Faith is our last hope’\n\nNews\n"
            "Addressing the nation, Prime Minister Rudolf Elphberg warned that nations "
            "have “opened the way to decline.”",
            "‘Faith is our last hope’",
            "Rudolf Elphberg",
        ),
    ],
)
def test_an_office_described_is_the_one_person_named_with_it(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Summit opens\n\nThe Prime Minister said the talks would be “long and hard.”\n"
            "Prime Minister Ada Lorne met Prime Minister Ben Quist on Monday.",
            "“long and hard.”",
        ),
    ],
)
def test_an_office_two_people_hold_names_neither(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in (None, "Prime Minister")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Talks stalled on Thursday after Donald Drumpf spoke.\n"
            "Asked if the deadline should move, Drumpf said: “They will have to act.”\n"
            "However, the president warned against a second vote, saying it would be "
            "“unfair to people who have won.”",
            "“unfair to people who have won.”",
            "Donald Drumpf",
        ),
    ],
)
def test_the_office_of_the_untitled_person_who_spoke_last(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Talks stalled.\nAsked about the deal, Acme said: “They will have to act.”\n"
            "However, the president warned that it would be “unfair to the staff.”",
            "“unfair to the staff.”",
        ),
    ],
)
def test_the_president_is_no_company_that_spoke_last(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in (None, "president")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The prime minister spoke on Monday, and said the plan was dead.\n"
            "Although that vote wasn’t binding, it was another defeat.\n"
            "Her misery wasn’t helped by Donald Drumpf on Thursday when he said he was "
            "“surprised at how badly it has all gone” and left.",
            "“surprised at how badly it has all gone”",
            "Donald Drumpf",
        ),
        (
            "Critics in the party spoke up.\nThe bill was attacked by Tom Hale on Friday, "
            "when he said it was “a disgrace to the house.”",
            "“a disgrace to the house.”",
            "Tom Hale",
        ),
    ],
)
def test_he_after_the_doer_of_a_passive_is_the_doer(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Protesters accused Bishop Juan Barra of covering up the abuse.\n"
            'The bishop has denied ever knowing about "the serious abuses" of the priest.',
            '"the serious abuses"',
            "Juan Barra",
        ),
    ],
)
def test_the_office_refers_back_to_the_one_person_titled_with_it(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Synod opens\n\nBishop Ana Ruiz met Bishop Juan Barra on Monday.\n"
            'The bishop said the talks were "long and hard."',
            '"long and hard."',
        ),
    ],
)
def test_an_office_two_people_were_titled_with_refers_to_neither_by_it(
    text: str, quote: str
) -> None:
    assert covering_speaker(text, quote) in (None, "bishop")
