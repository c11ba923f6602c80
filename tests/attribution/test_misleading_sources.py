"""Speakers a fact-checker must not be misled by: the subject of a passive cue, the
noun phrase before a verb inside a source span, a pronoun whose referent only a gender
guess picks; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import with_cue

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a passive cue with an agent: the agent speaks, the subject is spoken about
        (
            "The mayor was sharply criticized by Vance for his plan to close the depot.",
            "sharply criticized",
            "Vance",
        ),
        (
            "The council was harshly criticized by Governor Rosa Lind for its budget.",
            "criticized",
            "Rosa Lind",
        ),
        # "was told": the subject heard it; no one says who told her
        (
            "Reporter Ines Marlow spoke with the port police on Tuesday and was told "
            "that the pilot's claim was false.",
            "told",
            None,
        ),
        # "whose spokesman": the spokesman speaks
        (
            "Vance condemned the ministry, whose spokesman referred to the dispute as a "
            "“minor quarrel.”",
            "referred to",
            "spokesman",
        ),
        # a participle clause saying who holds a document is no part of it
        (
            "The depot leaked oil for years, according to a draft audit report obtained by "
            "the Daily Ledger.",
            "according to",
            "draft audit report",
        ),
        # a noun cue after a subject, its verb and its object: the subject speaks
        ("The family sent Marlow a statement on Tuesday.", "a statement", "family"),
        ("The agency sent a public warning to the firm in 2006.", "warning", "agency"),
        # a verb and its possessed object are no one
        ("He saves his best criticism for the end.", "criticism", None),
    ],
)
def test_speaker_of_cue(text: str, cue: str, speaker: str | None) -> None:
    assert with_cue(text, cue).speaker == speaker


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a bare object after the participle: still the person described
        ("a senior aide granted anonymity", "a senior aide granted anonymity"),
        # a verb after an adverb is part of the description
        ("the newly elected mayor", "the newly elected mayor"),
        ("a draft report obtained by the Ledger", "a draft report"),
        # an author after "published by" says whose the document is: kept
        (
            "the paper published by Ruiz and his associates",
            "the paper published by Ruiz and his associates",
        ),
        ("a study conducted by Harvard researchers", "a study conducted by Harvard researchers"),
    ],
)
def test_description_keeps_or_cuts_its_verb(text: str, role: str) -> None:
    assert parse_mention(text).role == role


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a man named earlier is preferred over a later person of unknown gender only by a
        # guess: unresolved, unless that person reported in the sentence just before
        (
            "“Old pumps fail,” Roger Hale, an engineer who studies pumps, told the paper.\n\n"
            "Finch told the paper that many pumps were installed in 1990. The plant opened "
            "in 1985.\n\n"
            "“These pumps are worn out,” he said.",
            None,
        ),
        (
            "“Old pumps fail,” Roger Hale, an engineer who studies pumps, told the paper.\n\n"
            "Finch told the paper that many pumps were installed in 1990.\n\n"
            "“These pumps are worn out,” he said.",
            "Finch",
        ),
        # with no one in between, he is the man named before
        (
            "“Old pumps fail,” Roger Hale, an engineer who studies pumps, told the paper.\n\n"
            "“These pumps are worn out,” he said.",
            "Roger Hale",
        ),
    ],
)
def test_he_after_a_person_of_unknown_gender(text: str, speaker: str | None) -> None:
    assert with_cue(text, "said").speaker == speaker


def test_he_after_a_person_named_in_passing_is_the_subject() -> None:
    text = (
        "Tuesday morning, Roger Hale admitted that the mayor had gotten under his skin by "
        "bringing up Finch at the debate. He said the depot “lost a massive amount of "
        "money.”"
    )
    assert with_cue(text, "said").speaker == "Roger Hale"
