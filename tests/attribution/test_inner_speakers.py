"""Who speaks when a sentence names a second person beside the one in focus (the one
told, the subject of what another says), a surname that is also a month, an unnamed
source called back as "the source", and an office whose object holds "and"; on
invented sentences."""

from __future__ import annotations

import pytest

from spinscope.attribution.mentions import parse_mention

from .helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Bill Cole spoke to NBC host Tom Hale on Monday.\n\n"
            '"Do you owe her an apology?" Hale asked.\n\n'
            '"I am sorry," Cole said.\n\n'
            'Cole told Hale that at the time, "I felt terrible then." He said later in the '
            'interview: "I dealt with it."',
            "I dealt with it",
            "Bill Cole",
        ),
        (
            "Ann Ross met Judge Mary Vale in the spring.\n\n"
            '"Are you ready?" Vale asked.\n\n'
            '"I think so," Ross said.\n\n'
            'Ross tells Vale that the plan failed. She added: "We start again."',
            "We start again",
            "Ann Ross",
        ),
    ],
)
def test_the_one_told_is_not_in_focus(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            'Kevin Reed said on Monday: "We wait."\n\n'
            "Jim Stone, an expert, said this week that Reed has waited. But after waiting, "
            "Stone said, Reed is now under pressure.\n\n"
            '"It is hard," he said.',
            "It is hard",
            "Jim Stone",
        ),
        (
            'Paul Dunn said on Friday: "The vote stands."\n\n'
            "Mark Webb, a historian, says, Dunn is now alone.\n\n"
            '"Nobody follows him," he said.',
            "Nobody follows him",
            "Mark Webb",
        ),
    ],
)
def test_the_subject_of_a_report_after_a_comma_is_not_in_focus(
    text: str, quote: str, speaker: str
) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Theresa May spoke on Sunday.\n\n"
            '"If the deal is not voted on we are in trouble," May told the BBC.',
            "If the deal",
            "Theresa May",
        ),
        (
            'Theresa May spoke on Sunday.\n\nPrime Minister May said: "We will win the vote."',
            "We will win",
            "Theresa May",
        ),
        (
            'Brian May played on Sunday.\n\n"It was loud," May said.',
            "It was loud",
            "Brian May",
        ),
    ],
)
def test_a_month_is_the_surname_the_article_wrote(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('Theresa May spoke on Sunday.\n\nIn May, Tom Hale said "the vote is lost."', "the vote"),
        ('Theresa May spoke.\n\nSince May 5, Tom Hale has said "no deal."', "no deal"),
    ],
)
def test_a_month_after_a_date_word_stays_a_month(text: str, quote: str) -> None:
    assert speaker_of(text, quote)[0] == "Tom Hale"


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        (
            "The memo was sent on Monday.\n\n"
            "A former administration official told CNN that the reports were false.\n\n"
            'That source pointed out that the license "did not allow any trade."',
            "did not allow",
            "former administration official",
        ),
        (
            "The rules changed in June.\n\n"
            "A senior aide told reporters that the talks had stalled.\n\n"
            '"Nobody wants to move," the source said.',
            "Nobody wants",
            "senior aide",
        ),
    ],
)
def test_the_source_is_the_unnamed_person_who_spoke_last(text: str, quote: str, role: str) -> None:
    assert speaker_of(text, quote) == (None, role)


def test_the_source_after_a_named_speaker_is_not_guessed() -> None:
    text = (
        "A senior aide told reporters that the talks had stalled.\n\n"
        'Tom Hale said: "We keep trying."\n\n'
        '"Nobody wants to move," the source said.'
    )
    assert speaker_of(text, "Nobody wants")[0] != "Tom Hale"
    assert speaker_of(text, "Nobody wants")[1] != "senior aide"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Secretary of Health and Human Services Alex Azar",
            "Alex Azar",
            "Secretary of Health and Human Services",
        ),
        (
            "Secretary of Housing and Urban Development Ben Carson",
            "Ben Carson",
            "Secretary of Housing and Urban Development",
        ),
        (
            "Minister of Foreign Affairs and Trade Peter Novak",
            "Peter Novak",
            "Minister of Foreign Affairs and Trade",
        ),
    ],
)
def test_an_office_of_two_things_names_one_person(text: str, name: str, role: str) -> None:
    m = parse_mention(text)
    assert (m.name, m.role, m.joint) == (name, role, False)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Secretary of State John Kerry and Senator Bob Corker", ("John Kerry", "Bob Corker")),
        ("Mayor Bill de Blasio and Governor Andrew Cuomo", ("Bill de Blasio", "Andrew Cuomo")),
    ],
)
def test_two_people_with_offices_stay_two(text: str, members: tuple[str, ...]) -> None:
    m = parse_mention(text)
    assert m.joint and m.members == members


_MAYORS = (
    "The bipartisan U.S. Conference of Mayors passed a series of resolutions this week.\n\n"
    '"The Conference has a long history of promoting strong policies," the group said.\n\n'
    "The group cited incidents like the shooting at Hale Valley High School in Parkland.\n\n"
    "The group also passed a resolution backing laws that allow "
    '"family members to seek court permission."'
)


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (_MAYORS, "The Conference has", "U.S. Conference of Mayors"),
        (_MAYORS, "family members", "U.S. Conference of Mayors"),
        (
            "The Union of Concerned Scientists wrote to the agency on Monday.\n\n"
            '"The rule is weak," the group said.',
            "The rule is weak",
            "Union of Concerned Scientists",
        ),
    ],
)
def test_the_group_is_the_body_named_not_a_place_where_it_happened(
    text: str, quote: str, name: str
) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "Acme also refused to respond to Hale's inquiry about "
            '"what it is that breaks the rules when a person gives advice."',
            "what it is",
            "Hale",
        ),
        (
            'The agency ignored Ann Lee\'s request "to see the files at once."',
            "to see the files",
            "Ann Lee",
        ),
        (
            "The court later reversed the ruling (a move the White House statement "
            'called "unjust").',
            "unjust",
            "White House",
        ),
        (
            'Officials said the plan, which Senator Tom Hale called "a disaster," will go ahead.',
            "a disaster",
            "Tom Hale",
        ),
    ],
)
def test_the_quoted_words_belong_to_the_one_asking_or_calling(
    text: str, quote: str, name: str
) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        (
            "The report was released on Monday.\n\n"
            "But one goal behind the release, according to an official familiar with its "
            "contents, is to make clear that no exemptions will come.\n\n"
            '"Our allies must understand that," the source said.',
            "Our allies",
            "official",
        ),
    ],
)
def test_according_to_between_commas_ends_at_the_comma(text: str, quote: str, role: str) -> None:
    assert speaker_of(text, quote) == (None, role)
