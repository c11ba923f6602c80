"""Speakers of invented text: a document's noun standing for the writer the article
named for it, and one of two people named together speaking alone."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The plan, authored by the Harbor Policy Institute, or HPI, a think tank in "
            "Boston, calls for new rules. “The port will close within a decade,” the plan "
            "states.",
            "“The port will close within a decade,”",
            "Harbor Policy Institute",
        ),
        (
            "“Fares must rise,” HPI writes in the paper. The council did not reply. "
            "“Ferries will stop running in winter,” the paper explains.",
            "“Ferries will stop running in winter,”",
            "HPI",
        ),
        (
            "A report written by Ana Ruiz was leaked on Monday. The council did not reply. "
            "“The budget is short by a third,” the report says.",
            "“The budget is short by a third,”",
            "Ana Ruiz",
        ),
    ],
)
def test_a_document_speaks_for_its_named_writer(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # no writer named: the document stays its own speaker
        (
            "A plan was leaked on Monday. The council did not reply. “The port will "
            "close,” the plan states.",
            "“The port will close,”",
        ),
        # a writer named for another kind of document is not the plan's
        (
            "A letter written by Ana Ruiz was leaked on Monday. The council did not reply. "
            "“The port will close,” the plan states.",
            "“The port will close,”",
        ),
    ],
)
def test_a_document_without_a_named_writer_keeps_its_noun(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) == "plan"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Hamid Osei and Tarek Vanlo discussed the budget on Monday. Osei laid out "
            "three rules. Vanlo, meanwhile, outlined a plan. Vanlo rejected any talk of "
            "“cuts” at all.",
            "“cuts”",
            "Tarek Vanlo",
        ),
        (
            "Hamid Osei and Tarek Vanlo discussed the budget on Monday. Osei laid out "
            "three rules. Vanlo invoked the case of Peru. This, he says, is “bad for "
            "trade,” and should stop.",
            "“bad for trade,”",
            "Tarek Vanlo",
        ),
        # one of two organisations joined by single words keeps the whole name
        (
            "Procter and Gamble said on Monday that sales fell. Procter added that the "
            "fall was “brief”.",
            "“brief”",
            "Procter and Gamble",
        ),
    ],
)
def test_one_of_a_pair_speaks_alone(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_the_pair_speaks_together() -> None:
    text = (
        "Hamid Osei and Tarek Vanlo said on Monday that the budget was “a disgrace” and would fail."
    )
    assert covering_speaker(text, "“a disgrace”") == "Hamid Osei and Tarek Vanlo"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a headline's label describes the person the article names with its noun
        (
            "Flood Victim: “The Water Came In Fast,” Town Was Warned\n\nRiver flood "
            "victim Dara Quill lost her home on Monday.",
            "“The Water Came In Fast,”",
            "Dara Quill",
        ),
        # no one named so: the label stays a description, no name
        (
            "Flood Victim: “The Water Came In Fast,” Town Was Warned\n\nThe river rose on Monday.",
            "“The Water Came In Fast,”",
            "Flood Victim",
        ),
        # a name before a colon stays the name
        (
            "Dara Quill: “The Water Came In Fast,” Town Was Warned\n\nThe river rose on Monday.",
            "“The Water Came In Fast,”",
            "Dara Quill",
        ),
    ],
)
def test_a_headline_label_is_no_name(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The river rose on Monday. “The water came in fast,” Dara Quill detailed. "
            "The woman then goes on to explain that she ran “about a mile” to safety.",
            "“about a mile”",
            "Dara Quill",
        ),
        # an unnamed man written of before is the one the noun may mean
        (
            "The river rose on Monday. A man saw it first. “The water came in fast,” "
            "Tom Quill said. The man then goes on to explain that he ran “about a mile” "
            "to safety.",
            "“about a mile”",
            "man",
        ),
    ],
)
def test_the_man_or_woman_is_the_person_in_focus(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The river rose on Monday. “The water came in fast,” Dara Quill detailed.",
            "“The water came in fast,”",
            "Dara Quill",
        ),
        (
            "The river rose on Monday. A detailed map “shows every street,” the mayor said.",
            "“shows every street,”",
            "mayor",
        ),
    ],
)
def test_detailed_closes_a_quotation(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        # an acronym glossing a name inside the appositive is no dateline
        (
            "Dr. Ana Ruiz, a coordinator for emergencies at the World Food Agency (WFA) "
            "Regional Office for Asia,",
            "Ana Ruiz",
        ),
        ("Boise, Idaho (CNN) Ana Ruiz", "Ana Ruiz"),
        ("NEW YORK, Dec. 3 (Reuters) - Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_a_dateline_is_capitalised_words_before_the_agency(mention: str, name: str) -> None:
    assert parse_mention(mention).name == name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the names inside the who-clause describe the subject; they do not speak
        (
            "The vote is on Tuesday. Labour’s Ana Ruiz MP, who leads the group that "
            "includes former ministers Tom Hale, Ed Poe, and Jo Roe, said, “Our amendment "
            "would block the plan.”",
            "Ana Ruiz",
        ),
        (
            "The vote is on Tuesday. Ana Ruiz, who leads the group that includes former "
            "ministers Tom Hale, Ed Poe, and Jo Roe, said, “Our amendment would block the "
            "plan.”",
            "Ana Ruiz",
        ),
        # the one named in the sentence after the clause is not its subject
        (
            "The vote is on Tuesday. Labour’s Ana Ruiz MP, who leads the group, stood "
            "down. Jo Roe said, “Our amendment would block the plan.”",
            "Jo Roe",
        ),
    ],
)
def test_a_possessor_before_a_name_with_a_who_clause(text: str, speaker: str) -> None:
    assert covering_speaker(text, "“Our amendment") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the answer after a question put to a named person is theirs
        (
            "The hearing ran late. An incredulous Hale asked fellow guest Catherine Lombardo, "
            "a lawyer for the families, about the inquiry.\n“The police have been leading "
            "the investigation,” she said.",
            "Catherine Lombardo",
        ),
        # the one asked is of the other sex: the pronoun is not theirs
        (
            "The hearing ran late. An incredulous Hale asked fellow guest Thomas Lombardo, "
            "a lawyer for the families, about the inquiry.\n“The police have been leading "
            "the investigation,” she said.",
            None,
        ),
    ],
)
def test_she_after_a_question_is_the_one_asked(text: str, speaker: str | None) -> None:
    assert covering_speaker(text, "“The police") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the appositive's closing comma is missing: the name before the role speaks
        (
            "The march went ahead. “We are heading for a movement with no leader,” Mike "
            "Rothschild, a writer documenting the group’s evolution remarked on Monday.",
            "Mike Rothschild",
        ),
        # no name between the quotation and the role: the role stays unnamed
        (
            "The march went ahead. “We are heading for a movement with no leader,” a "
            "writer documenting the group’s evolution remarked on Monday.",
            None,
        ),
    ],
)
def test_a_name_before_an_unclosed_appositive_speaks(text: str, speaker: str | None) -> None:
    assert covering_speaker(text, "“We are heading") == speaker


@pytest.mark.parametrize(
    ("closing", "speaker"),
    [
        ("Dara Quill attempted to explain.", "Dara Quill"),
        ("Dara Quill went on to say.", "Dara Quill"),
        # a try at something other than saying reports nothing
        ("Dara Quill attempted to swim.", "unattributed"),
    ],
)
def test_a_try_at_saying_closes_a_quotation(closing: str, speaker: str) -> None:
    text = (
        "The river rose on Monday.\n“When the water comes in fast, it is going to keep "
        f"coming,” {closing}\nTake note."
    )
    assert covering_speaker(text, "“When the water") == speaker
