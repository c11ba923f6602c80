"""A speaker the article goes on calling by a surname alone is shown with the full name
and the title it was introduced with; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a title before the full name, an honorific between, a hyphenated surname
        (
            "The figures came out at a briefing by Minister of Health Ann Pierce and Chief "
            "Medical Officer Dr Lena Varga-Holt.\n\nVarga-Holt said letters had gone out.\n\n"
            "“We are very pleased with the response,” she added.",
            "very pleased",
            ("Lena Varga-Holt", "Chief Medical Officer"),
        ),
        (
            "The figures came out at a briefing by Minister of Health Ann Pierce and Chief "
            "Medical Officer Dr Lena Varga-Holt.\n\nLater, Pierce said “the wards will stay "
            "open all winter”.",
            "wards will stay",
            ("Ann Pierce", "Minister of Health"),
        ),
        # a lowercase title word
        (
            "Transport minister Peter Oduya visited the depot on Monday.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Peter Oduya", "Transport minister"),
        ),
        # no title: the full name alone
        (
            "Residents met Peter Oduya at the depot on Monday.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Peter Oduya", None),
        ),
        # what the parser leaves of a clause before the name is no title
        (
            "A local paper reports that Peter Oduya visited the depot on Monday.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Peter Oduya", None),
        ),
        # the full name written before a possessive
        (
            "Residents welcomed Peter Oduya’s plan at the depot on Monday.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Peter Oduya", None),
        ),
        # two people of that surname, and a pronoun of one's gender: that one
        (
            "Donald Lamont and Melania Lamont arrived at the gala.\n\n"
            "Lamont said the night was long. “It is a wonderful night for the city,” she "
            "added.",
            "wonderful night",
            ("Melania Lamont", None),
        ),
        # two people of that surname: which one speaks is not said
        (
            "Donald Lamont and Melania Lamont arrived at the gala.\n\n"
            "Lamont said “it is a wonderful night for the city”.",
            "wonderful night",
            ("Lamont", None),
        ),
        # a first name not known as one, with no honorific: left as written
        (
            "Transport minister Zorbek Oduya visited the depot on Monday.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Oduya", None),
        ),
        # the full name only inside a quotation is not the article's
        (
            "“I trust Peter Oduya with this,” a rider said.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Oduya", None),
        ),
        # a name with another part is someone else's
        (
            "Mary Ann Oduya visited the depot on Monday.\n\n"
            "Oduya said “the trains will run on time from now on”.",
            "trains will run",
            ("Oduya", None),
        ),
    ],
)
def test_surname_shown_as_introduced(
    text: str, quote: str, expected: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == expected


def test_a_described_speaker_and_its_surname_are_one_person() -> None:
    text = (
        "An Ohio judge ordered an attorney jailed on Friday after she refused the request "
        "of Judge Robert Milich, the New York Daily News reported.\n\nThe judge said the "
        "order was “not personal.” Milich said “a judge supports neither side.”"
    )
    assert speaker_of(text, "not personal") == speaker_of(text, "a judge supports")
