"""Sources inside complex subjects, on invented text: a fronted phrase run into the
subject for want of a comma, a subject ending at its past-tense verb, a giver of a
statement, a role and a relative clause between name and cue, a floating ``both``
aside, a role before a named appositive, ``…, commenting:``, a gerund after ``in``,
and a long description between a quotation and its speaker's name."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, holding


@pytest.mark.parametrize(
    ("text", "quote", "source"),
    [
        (
            "On both of their websites the two activists called the ruling “a blow "
            "against free speech” and said the country “had lost its nerve”.",
            "“had lost its nerve”",
            "the two activists",
        ),
        (
            "In their joint letter the mayors warned that the cuts were “reckless”.",
            "“reckless”",
            "the mayors",
        ),
        (
            "Both memos gave examples of complaints made by staff and went on to say "
            "that the agency would “review every single case”.",
            "“review every single case”",
            "Both memos",
        ),
        (
            "The family sent Ms Vale a statement on Monday: “We are grateful for the "
            "support we have received.”",
            "“We are grateful",
            "The family",
        ),
        # a giving verb after its auxiliary: who sends the email says its words
        (
            "The Harbor Authority did send KTVN an email saying that they are: “Fighting "
            "floods by building walls.”",
            "“Fighting floods",
            "The Harbor Authority",
        ),
        (
            "Acme will send customers a letter saying that prices “will rise.”",
            "“will rise.”",
            "Acme",
        ),
        (
            "The reports, both published on Monday, claim that the bridge was "
            "“structurally unsound” for years.",
            "“structurally unsound”",
            "The reports",
        ),
        (
            "The ministers, all speaking on Friday, said the deal was “as good as done”.",
            "“as good as done”",
            "The ministers",
        ),
        (
            "One of the five, former harbour master Tom Brisk, declared: “The system is broken.”",
            "“The system is broken.”",
            "One of the five, former harbour master Tom Brisk,",
        ),
        (
            "“It has been in a collision at some point,” Hallam University, Leeds, "
            "senior lecturer Ana Pruett told reporters.",
            "“It has been in a collision",
            "Hallam University, Leeds, senior lecturer Ana Pruett",
        ),
    ],
)
def test_the_speaker_is_found_inside_a_complex_subject(text: str, quote: str, source: str) -> None:
    assert holding(text, quote).source == source


@pytest.mark.parametrize(
    ("text", "quote", "source", "speaker"),
    [
        (
            "Dana Whitlock, chair of the transport committee, who had pushed for the "
            "inquiry to be opened, said: “This is the right decision.”",
            "“This is the right decision.”",
            "Dana Whitlock, chair of the transport committee, who had pushed for the "
            "inquiry to be opened,",
            "Dana Whitlock",
        ),
        (
            "Senator Reyes joined other members of the committee in asking for the files "
            "to be released, to “finally end the speculation” about the deal.",
            "“finally end the speculation”",
            "Senator Reyes",
            "Reyes",
        ),
        (
            "Councillor Mara Orr criticised the board for the delay, commenting: “It "
            "could have been handled far better.”",
            "“It could have been handled far better.”",
            "Councillor Mara Orr",
            "Mara Orr",  # Councillor is a title
        ),
        (
            "Ed Pike opened the meeting. He started off by emphasizing that the plan "
            "was “fair to everyone”.",
            "“fair to everyone”",
            "He",
            "Ed Pike",
        ),
    ],
)
def test_the_speaker_of_an_appositive_relative_participle_or_gerund(
    text: str, quote: str, source: str, speaker: str
) -> None:
    assert holding(text, quote).source == source
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "source"),
    [
        # no fronted phrase: a prepositional phrase after the subject stays in it
        (
            "Workers at the plant told the council the plan was “unworkable”.",
            "“unworkable”",
            "Workers at the plant",
        ),
        # a name in the subject, no fronted phrase: nothing is cut
        (
            "A group of parents with children in charter schools sent a letter saying "
            "the plan was “unfair”.",
            "“unfair”",
            "A group of parents with children in charter schools",
        ),
    ],
)
def test_ordinary_subjects_are_kept_whole(text: str, quote: str, source: str) -> None:
    assert holding(text, quote).source == source


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "MPs vote next week. Dubbed “the worst deal in living memory” by Mr Tallis, "
            "the plan may yet fail.",
            "“the worst deal in living memory”",
            "Tallis",
        ),
        (
            "The levy, branded “a tax on ambition” by Senator Jo Reyes, was dropped.",
            "“a tax on ambition”",
            "Jo Reyes",
        ),
        (
            "Ms Hale and Mr Crane point out that leaving would mean not only saving "
            "money on fees, but also end the “corrosive uncertainty” of the talks.",
            "“corrosive uncertainty”",
            "Hale and Crane",
        ),
    ],
)
def test_partial_quotations_after_naming_participles_and_correlatives(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker
