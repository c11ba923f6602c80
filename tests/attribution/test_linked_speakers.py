"""Speakers named inside longer phrases, and people the text tells apart: the phrase
before a name that ends in a preposition or a conjunction is no role, a father is not
his son, an organisation is not ``he``; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of as _speaker_of

from spinscope.attribution import analyse
from spinscope.attribution.mentions import parse_mention
from spinscope.attribution.speakers import Speaker, _is_person
from spinscope.document import Document


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        # the name is the object of a preposition: the phrase before it is no role
        ("The Danes' distrust of Obama", "name", "Obama", None),
        ("A survey by the Gallup Organization", "name", "Gallup Organization", None),
        ("the 1998 biography by Hart", "name", "Hart", None),
        ("Last week the Boston Globe", "name", "Boston Globe", None),
        ("Pelosi and the Democratic Caucus", "name", "Democratic Caucus", None),
        ("cautiously eyeing Parliament", "name", "Parliament", None),
        # people described through an institution: the unnamed people speak
        ("Unnamed officials inside the Pentagon", "description", None, None),
        ("Republicans in Congress", "description", None, None),
        ("a memo obtained by The Tribune Company", "description", None, None),
        # a possessor after a fragment owns a thing, not the words
        ("Amazed at Smith’s", "pronoun", None, None),
        # a real role before the name stays
        ("Senate Majority Leader Ann Frey", "name", "Ann Frey", "Senate Majority Leader"),
        ("CNN’s Dana Holt", "name", "Dana Holt", "CNN’s"),
        ("Regional Council President Mark Hale", "name", "Mark Hale", "Regional Council President"),
        # a possessor's name opens the description of the person named after it
        ("Mayor Ann Lee’s older brother Tom Lee", "name", "Tom Lee", None),
        # a weekday opening the sentence is no part of the name; a paper keeps it
        ("Monday NATO", "name", "NATO", None),
        ("Sunday Times", "name", "Sunday Times", None),
        ("the Daily Caller", "name", "Daily Caller", None),
    ],
)
def test_phrase_before_a_name(mention: str, kind: str, name: str | None, role: str | None) -> None:
    m = parse_mention(mention)
    assert m.kind == kind, m
    assert m.name == name, m
    if kind == "name" and role is not None:
        assert m.role == role, m
    elif kind == "name" and name != "Tom Lee":
        assert m.role is None, m


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("The Danes", False),
        ("Voice of Europe Radio", False),
        ("World Net Daily", False),
        ("Breitbart News", False),
        ("Dana Holt", True),
    ],
)
def test_groups_and_outlets_are_not_persons(name: str, person: bool) -> None:
    assert bool(_is_person(Speaker(id=0, name=name))) is person


_FATHER_AND_SON = (
    "Frank Holt built the tower in 1980.\n\n"
    "“Hello, Ray,” Holt said when he came in.\n\n"
    "Later they met his son in the hall.\n\n"
    "“Oakdale?” Holt Junior replied, “No, what is it?”"
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (_FATHER_AND_SON, "Hello, Ray", "Frank Holt"),
        (_FATHER_AND_SON, "No, what is it", "Holt Junior"),
        # no relative named without the suffix: the surname before was the son himself
        (
            "“We are not afraid,” Holt said\n\n"
            "Boise (CNN) Dan Holt Jr. said Thursday he was surprised by the reaction.\n\n"
            "“People see the worst in everything,” Holt told reporters.",
            "We are not afraid",
            "Dan Holt Jr.",
        ),
    ],
)
def test_a_son_is_not_his_father(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote)[0] == speaker


def test_a_described_source_goes_back_to_its_introduction() -> None:
    text = (
        "The policy is “a mess,” said a former senior trade official close to the talks.\n\n"
        "“It will pass,” said Dan Roe, a lobbyist with the Farm Bureau.\n\n"
        "“Nobody wants to vote on it,” the former senior trade official said."
    )
    name, role = _speaker_of(text, "Nobody wants")
    assert name is None and role is not None and "trade official" in role, (name, role)


def test_pronoun_after_other_sources_is_left_unresolved() -> None:
    text = (
        "Mayor Tom Reed praised the officer. Reed called him a hero.\n\n"
        "Last year the Daily Ledger reported that the plant would close.\n\n"
        "The Herald Tribune reported that jobs were lost.\n\n"
        "Radio Kent News reported that the union objected.\n\n"
        "“We received no notice at all,” he said."
    )
    assert _speaker_of(text, "We received") == (None, None)


@pytest.mark.parametrize(
    "mention",
    [
        "One key",
        "the top three most",
        "The Senate and House each",
        "running a campaign",
        "quietly eyeing",
        "The Governor's plan",
        "Holt’s theatrical",
        "decide House control",
        "voice concern",
        "annual conference",
    ],
)
def test_fragment_of_a_clause_names_no_one(mention: str) -> None:
    assert parse_mention(mention).kind == "pronoun", parse_mention(mention)


@pytest.mark.parametrize(
    ("mention", "kind", "role"),
    [
        ("The Governor's spokeswoman", "description", "The Governor's spokeswoman"),
        ("Holt's campaign", "description", "Holt's campaign"),
        ("Holt's statement", "description", "Holt's statement"),
        ("local farmers", "description", "local farmers"),
        ("a new poll", "description", "a new poll"),
        ("leading economists", "description", "leading economists"),
        ("officials briefed on the talks", "description", "officials"),
        # a source span over a full stop starts after it
        ("the whole region. Local officials", "description", "Local officials"),
    ],
)
def test_descriptions_that_are_sources(mention: str, kind: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.role) == (kind, role), m


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        # what the speaker was doing is no role; a title's full stop ends no sentence
        ("Ann Frey, shouting over the crowd in the square", "Ann Frey", None),
        ("Gov. Ann Frey", "Ann Frey", "Gov."),
        ("Ann Frey, a teacher at the school", "Ann Frey", "a teacher at the school"),
    ],
)
def test_appositive_and_title(mention: str, name: str, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, role), m


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        (
            "Voters were paid, aides close to the inquiry say. The claim is new.",
            "Voters were paid",
            "aides",
        ),
        (
            "“We have no proof,” one analyst familiar with the case said.",
            "We have no proof",
            "one analyst",
        ),
    ],
)
def test_people_described_by_what_they_are_close_to(text: str, quote: str, role: str) -> None:
    assert _speaker_of(text, quote) == (None, role)


def test_passive_it_names_no_source() -> None:
    text = (
        "The agency said on Monday that it would close the site. "
        "It was also revealed that the data were old."
    )
    atts, _speakers, links, _ = analyse(Document(text))
    its = [
        link
        for att, link in zip(atts, links, strict=True)
        if att.source and text[att.source[0] : att.source[1]] == "It"
    ]
    assert its == [None], its
