"""Descriptions of people who act for someone else, and possessors as speakers."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # "the lawyer" after a bare name is someone else, not the person last named
        (
            "Trump said the report was fake. The lawyer said the filing was late.",
            "the filing was late",
            (None, "lawyer"),
        ),
        (
            "Ann Cole said the deal was dead. The aide said the talks would resume.",
            "the talks would resume",
            (None, "aide"),
        ),
        # ... but the person the article introduced with that noun
        (
            "Jo Roe, Trump's lawyer, said the report was fake. Trump agreed. "
            "The lawyer said the filing was late.",
            "the filing was late",
            ("Jo Roe", "Trump's lawyer"),
        ),
        (
            "Mary Jones, a lawyer, said the report was fake. The lawyer said the filing was late.",
            "the filing was late",
            ("Mary Jones", "a lawyer"),
        ),
        # a spokesman owned by someone else speaks for them, not for the person last named
        (
            "Critics doubted it. Trump said the report was fake. The Smiths' spokesman "
            "said the family was relieved.",
            "the family was relieved",
            (None, "Smiths' spokesman"),
        ),
        # an office of a place is still held by the person just named
        (
            "Bill Weld, the former Massachusetts governor, joined the race. The former "
            "Massachusetts's governor said the party had lost its way.",
            "the party had lost its way",
            ("Bill Weld", "the former Massachusetts governor"),
        ),
    ],
)
def test_agents_take_no_one_merely_last_named(
    text: str, quote: str, expected: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "Critics doubted the plan. Trump's claim that fake news won was mocked.",
            "fake news won",
            "Trump",
        ),
        (
            "Officials denied it. Anna Smith’s claim that the dam leaked spread.",
            "the dam leaked",
            "Anna Smith",
        ),
    ],
)
def test_a_possessor_before_a_noun_cue_is_named_without_its_s(
    text: str, quote: str, name: str
) -> None:
    assert speaker_of(text, quote)[0] == name
