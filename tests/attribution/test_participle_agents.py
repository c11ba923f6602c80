"""Speakers of invented text: the agent of a naming participle after its quotation, a
headline verb after a name, a programme a panel spoke on, the noun phrase a relative
``who`` stands for, a name set off after a partitive or an affiliation, ``the pair``
after two people named together, and a handle labelling an embedded post."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The council met on Monday. Mark Bell, whose plan was described as “a kind of "
            "theft” by a local newspaper, had asked for a vote.",
            "“a kind of theft”",
            "local newspaper",
        ),
        (
            "The council met on Monday. The protestor — described as “far left” by many "
            "newspapers — was fined.",
            "“far left”",
            "many newspapers",
        ),
        (
            "The council met on Monday. The scheme, dubbed “a scam” by Ana Ruiz, was "
            "dropped after a week.",
            "“a scam”",
            "Ana Ruiz",
        ),
    ],
)
def test_the_agent_after_a_named_quotation_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_a_later_participle_does_not_share_the_agent() -> None:
    # the agent after "by" is no subject of the sentence: "branding" is Bell's
    text = (
        "The council met on Monday. Bell, whose plan was described as “a theft” by the "
        "Speaker of the Council, had challenged the mayor, branding her a “fraud”."
    )
    assert covering_speaker(text, "“fraud”") != "Speaker of the Council"


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        # a headline's verb after an organisation is no part of its name
        ("BBC Responds", "name", "BBC", None),
        ("Farage Slams", "name", "Farage", None),
        ("John Evans", "name", "John Evans", None),
        # the programme a panel spoke on is no one's name
        ("A panel on BBC’s Newsnight With Kirsty Wark", "description", None, "A panel"),
        ("A guest on ITV’s Morning Show", "description", None, "A guest"),
        # the name set off after a partitive or an affiliation speaks
        ("another of the seven, Tom Brandt,", "name", "Tom Brandt", None),
        (
            "One of the rebels, one-time contender Ann Lowe,",
            "name",
            "Ann Lowe",
            "one-time contender",
        ),
        (
            "Leeds University, Yorkshire, research fellow and lecturer Wes Tran",
            "name",
            "Wes Tran",
            "research fellow and lecturer",
        ),
        # a person named first keeps the name: the appositive describes them
        (
            "Dr. Ray Moss, a dermatologist and the founder Skin Labs",
            "name",
            "Ray Moss",
            "a dermatologist and the founder Skin Labs",
        ),
        # a handle written as a name names its owner
        ("@Tom_Bell", "name", "Tom Bell", None),
    ],
)
def test_mentions_name_the_one_speaking(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The council voted on Monday.\n\nCity Labour Party councillors who backed the plan "
            'said it was needed despite the "hidden cost" of raising rents.',
            '"hidden cost"',
            "City Labour Party councillors",
        ),
        (
            "Seven MPs quit the party on Monday.\nAnother one of the seven, one-time Labour "
            'leadership contender Tom Brandt, said: "Politics is broken."',
            '"Politics is broken."',
            "Tom Brandt",
        ),
        (
            "Ana Ruiz and Tom Bell run blogs.\n\nMs Ruiz, of the Daily Blog, and Mr Bell, of "
            'Watch Net, are founders of a group.\nOn their blogs the pair said the ban was "a '
            'blow against freedom".',
            '"a blow against freedom"',
            "Ana Ruiz and Tom Bell",
        ),
        (
            'He spoke on Monday.\nWATCH | @Tom_Bell: "We were right all along, year after '
            'year."\npic.twitter.com/abc',
            '"We were right all along, year after year."',
            "Tom Bell",
        ),
    ],
)
def test_the_speaker_is_the_one_the_phrase_stands_for(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_who_after_a_prepositional_phrase_is_left_unresolved() -> None:
    # "a caller to the radio show who says": who may be the caller or the show
    text = (
        "A caller to the Tom Bell radio show who says he lived next door insists it was "
        "a “set-up” all along."
    )
    assert covering_speaker(text, "“set-up”") != "Tom Bell"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The minister spoke.\nAfter the speech, a UK Daily Mail report said, “The minister "
            "has mixed up the two issues on purpose.”",
            "“The minister has mixed up the two issues on purpose.”",
            "UK Daily Mail",
        ),
        (
            "The vote was held.\nA White House statement said the result was “a clear win for "
            "the country”.",
            "“a clear win for the country”",
            "White House",
        ),
    ],
)
def test_an_organisation_before_its_document_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
