"""A partial quotation in a participle hung on a clause (``…, calling it “…”``, ``…,
adding that “…”``, ``… after saying “…”``) is said by that clause's subject, found past
a fronted adverbial or a relative clause on the subject; a participle on an object, an
absolute construction with its own subject, a thing or a description that is no clause
subject names no one wrongly; on invented sentences."""

from __future__ import annotations

import pytest

from .helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "John Smith rejected the plan, calling it “a disaster for farmers.”",
            "disaster",
            "John Smith",
        ),
        (
            "Senator Mark Kelly announced his resignation on Tuesday, describing the move as "
            "“long overdue.”",
            "overdue",
            "Mark Kelly",
        ),
        (
            "Paul Rivers dismissed the report, dismissing it as “fake news.”",
            "fake news",
            "Paul Rivers",
        ),
        (
            "In a letter, Anna Jones urged the council to act, warning of “a catastrophe.”",
            "catastrophe",
            "Anna Jones",
        ),
        (
            "Mayor Jane Ortiz criticised the budget, adding that it was “a betrayal of voters.”",
            "betrayal",
            "Jane Ortiz",
        ),
        # a fronted adverbial on a participle, however long, ends at its comma
        (
            "After running with the new plan for a week, Health Minister Tom Lee came under fire "
            "last night after saying “the virus” would be to blame.",
            "the virus",
            "Tom Lee",
        ),
        (
            "While visiting the farm, Senator Ann Lee rejected the deal, calling it “a disaster.”",
            "disaster",
            "Ann Lee",
        ),
        # a relative clause on the subject, with a reporting verb and an agent of its own
        (
            "Goddard, whose actions were described as “a type of fascism” by the Speaker, had "
            "challenged the MP outside Parliament, asking why she voted to stop Brexit, and "
            "branding her a “Nazi”.",
            "Nazi",
            "Goddard",
        ),
        (
            "Mara Voss, who chairs the committee, criticised the budget, adding that it was "
            "“a betrayal of voters.”",
            "betrayal",
            "Mara Voss",
        ),
    ],
)
def test_participle_quotation_takes_the_clause_subject(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "not_speaker"),
    [
        # the participle describes the object: the police say nothing
        ("Police arrested a man calling himself “the Prophet.”", "Prophet", "Police"),
        # an absolute construction has a subject of its own
        ("Tom Lee left the room, his aides calling the vote “a farce.”", "farce", "Tom Lee"),
        # a description before the name is no clause subject: the place stays no one's
        (
            "Ah yes, Nation of Islam leader, racist, and totalitarian Ali Reza was captured on "
            "video in Tehran, Iran chanting “Death to the elites.”",
            "Death",
            "Nation of Islam",
        ),
        # a fronted place with a relative clause: no one opens the clause
        (
            "In Dover, where the vote was held, the hall stayed quiet, saying little but "
            "“we wait.”",
            "we wait",
            "Dover",
        ),
    ],
)
def test_participle_quotation_is_not_given_to_a_wrong_subject(
    text: str, quote: str, not_speaker: str
) -> None:
    assert speaker_of(text, quote)[0] != not_speaker


@pytest.mark.parametrize(
    "text",
    [
        "The report, calling it “a disaster,” was published on Monday.",
        "The crowd gathered in Paris chanting “we want Trump.”",
    ],
)
def test_participle_on_a_thing_names_no_person(text: str) -> None:
    quote = text[text.index("“") + 1 : text.index("“") + 5]
    assert speaker_of(text, quote) == (None, None)
