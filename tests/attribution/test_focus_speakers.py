"""Who a pronoun or a description means when the article's focus is on someone who has
not spoken yet: a person called by surname alone, a person introduced by a descriptor
right before being asked, a person introduced by a noun paragraphs earlier; and what
is no candidate (a national body, a title-case headline, a site's promo line); on
invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

import spinscope
from spinscope.attribution.speakers import Speaker, _is_person

_FILLER = (
    "The hearing drew a crowd of onlookers and several camera crews from across the state. "
    "Local groups handed out leaflets on the courthouse steps all morning long. "
) * 6


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Tennis star Maria Lopez could face a fine if she keeps wearing the armband.\n\n"
            "Her choice has angered Global Tennis, which released a statement saying that "
            "her protest breaks its rules.\n\n"
            "Nonetheless, Lopez has no plans of quitting.\n\n"
            '"As of now I plan to keep wearing it," she told reporters.',
            "As of now",
            "Maria Lopez",
        ),
        (
            "Swimmer Laura Finch was warned by U.S. Swimming, which said that the protest "
            "must stop.\n\n"
            "During a meet in Ohio, Finch was booed.\n\n"
            '"I will not stop," she said.',
            "I will not stop",
            "Laura Finch",
        ),
    ],
)
def test_she_is_the_person_called_by_surname_not_an_organisation(
    text: str, quote: str, speaker: str
) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Tom Brack has a problem with experience. Critics say Brack should learn.\n\n"
            "The potential for Brack to turn strength into weakness has old roots. It came "
            "in 1992, when independent Ross Vale was asked if voters should mind his lack "
            "of experience.\n\n"
            "“Well,” he said, “they've got a point.”",
            "they've got",
            "Ross Vale",
        ),
        (
            # a name that is the subject of what a speaker says is no new focus
            "New York Gov. Andrew Cuomo said Tuesday that Republican candidate Donald Brack "
            "is wrong to deny the suspect care.\n\n"
            '"This is America and this is our system," he said on television.',
            "This is America",
            "Andrew Cuomo",
        ),
    ],
)
def test_person_described_and_asked_is_the_one_answering(
    text: str, quote: str, speaker: str
) -> None:
    assert speaker_of(text, quote)[0] == speaker


def test_title_case_headline_is_no_name() -> None:
    text = (
        "Tom Brack has a problem with experience. Critics say Brack should learn.\n\n"
        "Brack Is Not the Only One Who Can Turn the Tables\n\n"
        "“Well,” he said, “they've got a point.”"
    )
    name, _ = speaker_of(text, "they've got")
    assert name is None or "Is Not" not in name, name


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        (
            "Attorney Jane Harlow was jailed after she refused to remove the pin, the Daily "
            "Ledger reported.\n\n" + _FILLER + "\n\nThe attorney told the Daily Ledger that "
            "her right to free speech came first.",
            "her right to free speech",
            "Jane Harlow",
            "attorney",
        ),
        (
            "The lawyer was jailed after she refused a request by Judge Robert Milich's "
            "clerk.\n\n" + _FILLER + "\n\nThe judge claimed his decision was not "
            "influenced by his views.",
            "his decision was not",
            "Robert Milich",
            "judge",
        ),
    ],
)
def test_description_is_the_person_the_article_introduced_with_that_noun(
    text: str, quote: str, speaker: str, role: str
) -> None:
    assert speaker_of(text, quote) == (speaker, role)


def test_names_in_a_promo_line_are_no_candidates() -> None:
    text = (
        "Attorney Jane Harlow was jailed after she refused to remove the pin.\n\n"
        "Popular Video This young singer was shocked when Keith Urban invited her on "
        "stage at his concert. A few moments later, he made her dreams come true.\n\n"
        "The attorney told the Daily Ledger that her right to free speech came first."
    )
    doc = spinscope.load(components=["boilerplate.v1", "sentences.v1"])(text)
    assert speaker_of(doc, "her right to free speech")[0] == "Jane Harlow"


@pytest.mark.parametrize(
    ("name", "person"),
    [("U.S. Soccer", False), ("UK Athletics", False), ("Megan Rapinoe", True)],
)
def test_a_name_opened_by_a_country_is_a_national_body(name: str, person: bool) -> None:
    assert _is_person(Speaker(id=0, name=name)) is person


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "role"),
    [
        (
            "Kellyanne Roe said the campaign was ready.\n\n"
            "“I don’t know that he knew,” said Roe, who went on to dodge every query.",
            "I don’t know",
            "Kellyanne Roe",
            None,
        ),
        (
            "The more Brack talks, the more Brack is likely to respond with some version "
            "of: “You’ve been in power for 25 years.”",
            "You’ve been",
            "Brack",
            None,
        ),
        (
            "The promoter Don Prince spoke at a church on Wednesday.\n\n"
            '"You are going to be rich," Prince said, laughing.',
            "You are going",
            "Don Prince",
            None,
        ),
    ],
)
def test_no_clause_or_modifier_as_role(
    text: str, quote: str, speaker: str, role: str | None
) -> None:
    assert speaker_of(text, quote) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“I did a great job,” Tom Brack said. As moderator Lester Holt tried to ask "
            "Brack what he would say to voters worried about the claim, Brack cut off the "
            "question and said: “I say nothing.”\n\n"
            "The Republican nominee also insisted that Wells associates started the rumors.",
            "Wells associates",
            "Tom Brack",
        ),
    ],
)
def test_description_is_not_someone_known_by_another_occupation(
    text: str, quote: str, speaker: str
) -> None:
    assert speaker_of(text, quote)[0] == speaker
