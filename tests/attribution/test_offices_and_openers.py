"""Role words, sentence openers and page furniture around a source's name, on invented
text: a compound office or a post's head noun is the role, not part of the name; a
sentence adverb, a determiner or a shop button names no one; ``, which states:`` after
a document and a place speaks for the document's issuer."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        (
            "WHO Director-General Amara Tesfaye Bekele",
            "Amara Tesfaye Bekele",
            "WHO Director-General",
        ),
        ("UN Secretary-General Lars Holm", "Lars Holm", "UN Secretary-General"),
        ("Vice-President Ada Reyes", "Ada Reyes", "Vice-President"),
        ("President-elect Tom Vane", "Tom Vane", "President-elect"),
        ("Pawz Volunteer Coordinator Nora Hale", "Nora Hale", "Pawz Volunteer Coordinator"),
        ("Campaign Manager Rita Moss", "Rita Moss", "Campaign Manager"),
        ("Police Commissioner Dan Kerr", "Dan Kerr", "Police Commissioner"),
        # a hyphenated name is no office
        ("Jean-Luc Marot", "Jean-Luc Marot", None),
    ],
)
def test_an_office_before_a_name_is_its_role(mention: str, name: str, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == ("name", name, role)


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        ("Elsewhere", "pronoun", None, None),
        ("Clearly", "pronoun", None, None),
        ("The", "pronoun", None, None),
        ("Buy New", "pronoun", None, None),
        ("Shop Now", "pronoun", None, None),
        ("Elsewhere in the letter Dunn", "name", "Dunn", None),
        ("In a statement Jo Roe", "name", "Jo Roe", None),
        ("Recently the group", "description", None, "the group"),
        ("The Mayor", "description", None, "The Mayor"),
        # a first name ending in -ly is a name, not an adverb
        ("Emily", "name", "Emily", None),
    ],
)
def test_openers_determiners_and_buttons_name_no_one(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Rita Dunn said the shelter was full. Elsewhere in the letter Dunn says “We need more "
            "beds before winter.”",
            "“We need more beds before winter.”",
            "Rita Dunn",
        ),
        (
            "Nora Hale said the gift came late. Best Price: $4.10 Buy New $9.99 (as of 10:00 EDT - "
            "Details) She describes the gift as “a lifeline”.",
            "“a lifeline”",
            "Nora Hale",
        ),
    ],
)
def test_an_opener_or_an_advert_is_no_speaker(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Officials said the border was shut.\nThe state department has issued a health "
            'alert to its staff in Peru, which states: "Avoid all travel to the border region '
            'until further notice."',
            '"Avoid all travel to the border region until further notice."',
            "state department",
        ),
    ],
)
def test_which_after_a_document_and_a_place_is_the_issuer(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


def test_which_after_a_name_is_still_that_name() -> None:
    text = (
        "The report was praised by Harbor Trust, which said: "
        '"This is the clearest account of the flood we have seen."'
    )
    quote = '"This is the clearest account of the flood we have seen."'
    assert covering_speaker(text, quote) == "Harbor Trust"
