"""An office "of" something before a name (``Mayor of Tarnow Velko Darrin``), a name then
"of" and an affiliation holding a possessive, and a sentence adverb before a
description: the name and the role come apart as they should; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("Mayor of London Velko Darrin", "Velko Darrin", "Mayor of London"),
        (
            "Minister of Foreign Affairs and Trade Ödön Varkonyi",
            "Ödön Varkonyi",
            "Minister of Foreign Affairs and Trade",
        ),
        ("Secretary of State Mike Pompeo", "Mike Pompeo", "Secretary of State"),
        ("Governor of Texas Greg Abbott", "Greg Abbott", "Governor of Texas"),
        (
            "Alex Bastow of the county prosecutor’s office",
            "Alex Bastow",
            "of the county prosecutor’s office",
        ),
    ],
)
def test_office_then_name(mention: str, name: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


@pytest.mark.parametrize(
    "mention",
    ["Director of National Intelligence", "Mayor of New York City", "Minister of Foreign Affairs"],
)
def test_office_without_a_name_stays_a_description(mention: str) -> None:
    assert parse_mention(mention).kind == "description"


@pytest.mark.parametrize(
    ("mention", "role"),
    [
        ("Meanwhile student leaders", "student leaders"),
        ("However local farmers", "local farmers"),
    ],
)
def test_sentence_adverb_is_no_part_of_a_description(mention: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.role) == ("description", role)


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "The ministers met in Linz. Belgian prime minister Karel Doom spoke of an "
            "ultimatum. Minister of Foreign Affairs and Trade Ödön Varkonyi said, “We will "
            "not accept any quota.”",
            "We will not accept",
            "Ödön Varkonyi",
        ),
        (
            "Mayor of London Velko Darrin said the city would stay “open-minded” after the vote.",
            "open-minded",
            "Velko Darrin",
        ),
    ],
)
def test_office_speaker_is_named(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name
